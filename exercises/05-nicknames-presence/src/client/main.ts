// The browser side of demo 5: connect, join with a nickname, then show the
// history, new messages, join/leave lines and who is online, and send what
// the message form holds.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, User } from '../protocol.ts';
import { showConnection } from './connection.ts';
import { appendItem, renderMessage, renderSystem, renderUser, replaceItems } from './render.ts';

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
const form = byId<HTMLFormElement>('message-form');
const text = byId<HTMLInputElement>('text');
const formError = byId<HTMLElement>('form-error');

/** The server's record of us once we have joined (our id marks our own messages). */
let me: User | undefined;

// Open the socket. The types are the other way round from the server's
// (the server's "to client" events are what we listen to).
// Why `path`: socket.io listens at `<where the page lives>/socket.io`. Alone,
// that is `/socket.io`; inside the course the page lives under a prefix such
// as `/demos/05-nicknames-presence/`, so we work it out from the page's own address.
const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
  path: new URL('socket.io', location.href).pathname,
});

// Connection state: socket.io reconnects by itself after a drop; we just show it.
showConnection(connection, 'connecting');
socket.on('connect', () => {
  showConnection(connection, 'connected');
  // After a reconnect we are a new socket, which the server has not seen
  // join: join again with the same nickname.
  if (me) join(me.nickname);
});
// `socket.active` is true when socket.io will try again (the network dropped),
// false when the connection was closed on purpose.
socket.on('disconnect', () =>
  showConnection(connection, socket.active ? 'reconnecting' : 'disconnected'),
);
socket.io.on('reconnect_attempt', () => showConnection(connection, 'reconnecting'));
socket.io.on('reconnect_failed', () => showConnection(connection, 'disconnected'));

/** Asks to join; on success shows the chat, otherwise the join form with the server's reason. */
function join(name: string): void {
  socket.emit('join_chat', { nickname: name }, (result) => {
    if (result.ok) {
      me = result.user;
      joinError.hidden = true;
      joinSection.hidden = true;
      chat.hidden = false;
      form.hidden = false;
      text.focus();
    } else {
      me = undefined;
      joinError.textContent = result.error.message;
      joinError.hidden = false;
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

// Who is online: the server sends the whole list after every join and leave.
socket.on('user_list_update', ({ users: online }) => {
  replaceItems(
    users,
    online.map((user) => renderUser(user, me?.id)),
  );
  userCount.textContent = `(${online.length})`;
});

// Enter in the field submits the form; we send over the socket instead of
// letting the browser load a new page (as the forms of demo 2 did). Only the
// text: the server adds our nickname from its own record.
form.addEventListener('submit', (event) => {
  event.preventDefault();
  // The last argument is the acknowledgement: the server calls it with
  // `{ ok: true }` or with an error that says what was wrong. We clear the
  // field only when the server took the message (and only if it still holds
  // what we sent: you may have typed on meanwhile), so nothing typed is lost.
  const sent = text.value;
  socket.emit('send_message', { text: sent }, (result) => {
    if (result.ok) {
      formError.hidden = true;
      if (text.value === sent) text.value = '';
    } else {
      formError.textContent = result.error.message;
      formError.hidden = false;
    }
    text.focus();
  });
});
