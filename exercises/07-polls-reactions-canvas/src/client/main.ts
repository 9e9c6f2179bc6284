// The browser side of demo 7: connect, join with a nickname, then chat with
// emoji reactions, ask and answer polls, and draw together on a shared canvas.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, OkAck, ServerToClientEvents, User } from '../protocol.ts';
import { attachCanvas } from './canvas.ts';
import { showConnection } from './connection.ts';
import { readPollForm, renderPoll, showPoll } from './polls.ts';
import {
  appendItem,
  renderMessage,
  renderSystem,
  renderUser,
  replaceItems,
  updateReactions,
} from './render.ts';

/** Finds an element of public/index.html by id, or says which one is missing. */
function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`public/index.html has no element with id="${id}".`);
  return element as T;
}

const connection = byId<HTMLElement>('connection');
const joinSection = byId<HTMLElement>('join');
const joinForm = byId<HTMLFormElement>('join-form');
const nickname = byId<HTMLInputElement>('nickname');
const joinError = byId<HTMLElement>('join-error');
const chat = byId<HTMLElement>('chat');
const users = byId<HTMLUListElement>('users');
const userCount = byId<HTMLElement>('user-count');
const messages = byId<HTMLOListElement>('messages');
const polls = byId<HTMLOListElement>('polls');
const pollForm = byId<HTMLFormElement>('poll-form');
const question = byId<HTMLInputElement>('question');
const options = byId<HTMLTextAreaElement>('options');
const pollError = byId<HTMLElement>('poll-error');
const canvas = byId<HTMLCanvasElement>('canvas');
const color = byId<HTMLInputElement>('color');
const lineWidth = byId<HTMLInputElement>('line-width');
const clearButton = byId<HTMLButtonElement>('clear-canvas');
const canvasStatus = byId<HTMLElement>('canvas-status');
const form = byId<HTMLFormElement>('message-form');
const text = byId<HTMLInputElement>('text');
const formError = byId<HTMLElement>('form-error');

/** The server's record of us once we have joined (our id marks our own messages). */
let me: User | undefined;
/** Our vote in each poll (poll id → option id), from the server's answers to `vote_poll`. */
const myVotes = new Map<string, string>();

// Open the socket. The types are the other way round from the server's
// (the server's "to client" events are what we listen to).
// Why `path`: socket.io listens at `<where the page lives>/socket.io`. Alone,
// that is `/socket.io`; inside the course the page lives under a prefix such
// as `/demos/07-polls-reactions-canvas/`, so we work it out from the page's own address.
const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
  path: new URL('socket.io', location.href).pathname,
});

// Connection state: socket.io reconnects by itself after a drop; we just show it.
showConnection(connection, 'connecting');
socket.on('connect', () => {
  showConnection(connection, 'connected');
  // After a reconnect we are a new socket, which the server has not seen
  // join: join again with the same nickname. (We come back as a new user, so
  // our old votes and reactions stay with the old one.)
  if (me) join(me.nickname);
});
// `socket.active` is true when socket.io will try again (the network dropped),
// false when the connection was closed on purpose.
socket.on('disconnect', () =>
  showConnection(connection, socket.active ? 'reconnecting' : 'disconnected'),
);
socket.io.on('reconnect_attempt', () => showConnection(connection, 'reconnecting'));
socket.io.on('reconnect_failed', () => showConnection(connection, 'disconnected'));

/** Shows an error under a form (or hides it when `message` is undefined). */
function showError(element: HTMLElement, message?: string): void {
  element.textContent = message ?? '';
  element.hidden = message === undefined;
}

/** Asks to join; on success shows the chat, otherwise the join form with the server's reason. */
function join(name: string): void {
  socket.emit('join_chat', { nickname: name }, (result) => {
    if (result.ok) {
      me = result.user;
      myVotes.clear();
      showError(joinError);
      joinSection.hidden = true;
      chat.hidden = false;
      form.hidden = false;
      text.focus();
    } else {
      me = undefined;
      showError(joinError, result.error.message);
      joinSection.hidden = false;
      chat.hidden = true;
      form.hidden = true;
      nickname.focus();
    }
  });
}

joinForm.addEventListener('submit', (event) => {
  event.preventDefault();
  join(nickname.value);
});

// --- messages and reactions -------------------------------------------------------

// The messages so far, sent by the server right after we join.
socket.on('message_history', ({ messages: history }) =>
  replaceItems(
    messages,
    history.map((message) => renderMessage(message, me?.id)),
  ),
);

// Every new message, ours included: the server broadcasts to everyone.
socket.on('new_message', (message) => appendItem(messages, renderMessage(message, me?.id)));

// Lines from the server about who comes and goes, in the same list.
socket.on('user_joined', (event) => appendItem(messages, renderSystem(event)));
socket.on('user_left', (event) => appendItem(messages, renderSystem(event)));

// New counts under a message. `mine` in the payload is about us: the server
// sends each socket its own copy.
socket.on('reaction_updated', ({ message_id, reactions }) =>
  updateReactions(messages, message_id, reactions),
);

// One listener for every reaction button in the list ("event delegation"):
// the buttons come and go as messages are redrawn, the list stays.
messages.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-emoji]');
  const item = button?.closest<HTMLElement>('li[data-id]');
  const emoji = button?.dataset.emoji;
  const messageId = item?.dataset.id;
  if (emoji === undefined || messageId === undefined) return;
  button?.closest('details')?.removeAttribute('open'); // close the picker
  socket.emit('add_reaction', { message_id: messageId, emoji }, (result) => {
    showError(formError, result.ok ? undefined : result.error.message);
  });
});

// Who is online: the server sends the whole list after every join and leave.
socket.on('user_list_update', ({ users: online }) => {
  replaceItems(
    users,
    online.map((user) => renderUser(user, me?.id)),
  );
  userCount.textContent = `(${online.length})`;
});

// --- polls ------------------------------------------------------------------------

socket.on('poll_history', ({ polls: all }) =>
  replaceItems(
    polls,
    all.map((poll) => renderPoll(poll, myVotes.get(poll.id))),
  ),
);
socket.on('new_poll', (poll) => showPoll(polls, poll, myVotes.get(poll.id)));
socket.on('poll_updated', (poll) => showPoll(polls, poll, myVotes.get(poll.id)));

// Voting: the button says which poll and which option, by id.
polls.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-option-id]');
  const pollId = button?.dataset.pollId;
  const optionId = button?.dataset.optionId;
  if (pollId === undefined || optionId === undefined) return;
  socket.emit('vote_poll', { poll_id: pollId, option_id: optionId }, (result) => {
    if (!result.ok) {
      showError(pollError, result.error.message);
      return;
    }
    showError(pollError);
    myVotes.set(result.poll_id, result.option_id);
    // poll_updated (with the new totals) arrived before this answer, so
    // redraw the poll from what is on screen to press the right button.
    const item = [...polls.children].find(
      (child) => child instanceof HTMLElement && child.dataset.id === result.poll_id,
    );
    item?.querySelectorAll<HTMLButtonElement>('button[data-option-id]').forEach((option) => {
      option.setAttribute('aria-pressed', String(option.dataset.optionId === result.option_id));
    });
  });
});

pollForm.addEventListener('submit', (event) => {
  event.preventDefault();
  socket.emit('create_poll', readPollForm(question.value, options.value), (result) => {
    if (result.ok) {
      showError(pollError);
      question.value = '';
      options.value = '';
    } else {
      showError(pollError, result.error.message);
    }
  });
});

// --- the shared canvas ------------------------------------------------------------

const board = attachCanvas(canvas, {
  style: () => ({ color: color.value, width: Number(lineWidth.value) }),
  // No ack while drawing: dozens of segments a second, each answered would
  // double the traffic. A bad one is simply refused by the server.
  send: (segment) => socket.emit('canvas_draw', segment),
});
socket.on('canvas_history', ({ strokes }) => board.replace(strokes));
socket.on('canvas_update', (stroke) => board.add(stroke));
socket.on('canvas_cleared', ({ by }) => {
  board.clear();
  canvasStatus.textContent = `${by} cleared the canvas.`;
});
clearButton.addEventListener('click', () => {
  socket.emit('clear_canvas', (result) => {
    if (!result.ok) canvasStatus.textContent = result.error.message;
  });
});

// --- the message form -------------------------------------------------------------

// Enter in the field submits the form; we send over the socket instead of
// letting the browser load a new page (as the forms of demo 2 did). Only the
// text: the server adds our nickname from its own record.
form.addEventListener('submit', (event) => {
  event.preventDefault();
  // The last argument is the acknowledgement: the server calls it with
  // `{ ok: true }` or with an error that says what was wrong. We clear the
  // field only when the server took the message, so nothing typed is lost.
  socket.emit('send_message', { text: text.value }, (result: OkAck) => {
    if (result.ok) {
      showError(formError);
      text.value = '';
    } else {
      showError(formError, result.error.message);
    }
    text.focus();
  });
});
