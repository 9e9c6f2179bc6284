// The browser side of demo 6: connect, join a room with a nickname, then show
// the room's history and messages, who is in it, who is typing, the list of
// rooms (click one to move), and whispers; send what the message form holds.
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  RoomInfo,
  RoomName,
  SendMessageAck,
  ServerToClientEvents,
  User,
} from '../protocol.ts';
import { parseInput } from './commands.ts';
import { showConnection } from './connection.ts';
import {
  appendItem,
  renderMessage,
  renderRoom,
  renderSystem,
  renderUser,
  renderWhisper,
  replaceItems,
} from './render.ts';
import { createTypingNotifier, typingText } from './typing.ts';

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
const roomChoice = byId<HTMLSelectElement>('room');
const joinError = byId<HTMLElement>('join-error');
const chat = byId<HTMLElement>('chat');
const rooms = byId<HTMLUListElement>('rooms');
const roomName = byId<HTMLElement>('room-name');
const users = byId<HTMLUListElement>('users');
const userCount = byId<HTMLElement>('user-count');
const messages = byId<HTMLOListElement>('messages');
const typing = byId<HTMLElement>('typing');
const form = byId<HTMLFormElement>('message-form');
const text = byId<HTMLInputElement>('text');
const formError = byId<HTMLElement>('form-error');

/** The server's record of us once we have joined (our id marks our own messages). */
let me: User | undefined;
/** The room we are in, as the server last told us. */
let currentRoom: RoomName | undefined;
/** The latest room list, kept to redraw it when we move. */
let roomList: RoomInfo[] = [];

// Open the socket. The types are the other way round from the server's
// (the server's "to client" events are what we listen to).
// Why `path`: socket.io listens at `<where the page lives>/socket.io`. Alone,
// that is `/socket.io`; inside the course the page lives under a prefix such
// as `/demos/06-typing-whispers-rooms/`, so we work it out from the page's own address.
const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
  path: new URL('socket.io', location.href).pathname,
});

// Connection state: socket.io reconnects by itself after a drop; we just show it.
showConnection(connection, 'connecting');
socket.on('connect', () => {
  showConnection(connection, 'connected');
  // After a reconnect we are a new socket, which the server has not seen
  // join: join again with the same nickname, in the room we were in.
  if (me && currentRoom) join(me.nickname, currentRoom);
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

/** Remembers which room we are in and updates everything that shows it. */
function enteredRoom(room: RoomName): void {
  if (room !== currentRoom) typing.textContent = ''; // typists of the old room
  currentRoom = room;
  roomName.textContent = `#${room}`;
  replaceItems(
    rooms,
    roomList.map((info) => renderRoom(info, currentRoom)),
  );
}

/** Asks to join; on success shows the chat, otherwise the join form with the server's reason. */
function join(name: string, room: string): void {
  socket.emit('join_room', { nickname: name, room }, (result) => {
    if (result.ok) {
      me = result.user;
      enteredRoom(result.room);
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
  join(nickname.value, roomChoice.value);
});

// Every room and its head count: on connect, and whenever anyone comes, goes or moves.
socket.on('room_list_update', ({ rooms: list }) => {
  roomList = list;
  replaceItems(
    rooms,
    list.map((info) => renderRoom(info, currentRoom)),
  );
  // The join form's choices show the counts too.
  for (const info of list) {
    const option = [...roomChoice.options].find((candidate) => candidate.value === info.name);
    if (option) option.textContent = `#${info.name} (${info.userCount})`;
  }
});

// Click a room to move there. We send only the room we want: the server
// knows who we are and where we were.
rooms.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-room]');
  const room = button?.dataset.room;
  if (room === undefined || room === currentRoom) return;
  socket.emit('switch_room', { room }, (result) => {
    if (result.ok) {
      enteredRoom(result.room);
      showError(formError);
    } else {
      showError(formError, result.error.message);
    }
    text.focus();
  });
});

// The room's messages so far: right after we join, and after every move.
// It is the first thing the server sends about a room, so it also tells us
// which room we are in now.
socket.on('message_history', ({ room, messages: history }) => {
  enteredRoom(room);
  replaceItems(
    messages,
    history.map((message) => renderMessage(message, me?.id)),
  );
});

// New messages in our room, ours included.
socket.on('new_message', (message) => appendItem(messages, renderMessage(message, me?.id)));

// Whispers we sent or received: nobody else gets these.
socket.on('private_message', (whisper) =>
  appendItem(messages, renderWhisper(whisper, me?.nickname)),
);

// Lines from the server about who comes into the room and who leaves it.
socket.on('user_joined', (event) => appendItem(messages, renderSystem(event)));
socket.on('user_left', (event) => appendItem(messages, renderSystem(event)));

// Who is in our room: the server sends the whole list after every change.
socket.on('user_list_update', ({ room, users: present }) => {
  if (room !== currentRoom) return;
  replaceItems(
    users,
    present.map((user) => renderUser(user, me?.id)),
  );
  userCount.textContent = `(${present.length})`;
});

// Who else is typing in our room.
socket.on('typing_update', ({ room, users: typists }) => {
  if (room === currentRoom) typing.textContent = typingText(typists, me?.nickname);
});

// Tell the room while we type ordinary messages; a throttle keeps it to one
// event every couple of seconds. Typing a whisper says nothing to the room.
const notifier = createTypingNotifier({
  start: () => socket.emit('typing_start'),
  stop: () => socket.emit('typing_stop'),
});
text.addEventListener('input', () => {
  const input = parseInput(text.value);
  if (input.kind === 'message' && input.text !== '') notifier.input();
  else notifier.stop();
});

// Enter in the field submits the form. `/w nick text` becomes a whisper,
// anything else a message to the room.
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = parseInput(text.value);
  if (input.kind === 'error') {
    showError(formError, input.message);
    return;
  }
  notifier.stop();
  // The acknowledgement says whether the server took it. We clear the field
  // only then, so nothing typed is lost.
  const done = (result: SendMessageAck) => {
    if (result.ok) {
      showError(formError);
      text.value = '';
    } else {
      showError(formError, result.error.message);
    }
    text.focus();
  };
  if (input.kind === 'whisper') {
    socket.emit('send_whisper', { to: input.to, text: input.text }, done);
  } else {
    socket.emit('send_message', { text: input.text }, done);
  }
});
