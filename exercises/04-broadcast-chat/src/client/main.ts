// The browser side of demo 4: connect, show the connection state, show the
// history and every new message, and send what the form holds.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol.ts';
import { showConnection } from './connection.ts';
import { appendItem, renderMessage, replaceItems } from './render.ts';

/** Finds an element of public/index.html by id, or says which one is missing. */
function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`public/index.html has no element with id="${id}".`);
  return element as T;
}

const connection = byId<HTMLElement>('connection');
const messages = byId<HTMLOListElement>('messages');
const form = byId<HTMLFormElement>('message-form');
const text = byId<HTMLInputElement>('text');
const formError = byId<HTMLElement>('form-error');

// Open the socket. The types are the other way round from the server's
// (the server's "to client" events are what we listen to).
// Why `path`: socket.io listens at `<where the page lives>/socket.io`. Alone,
// that is `/socket.io`; inside the course the page lives under a prefix such
// as `/demos/04-broadcast-chat/`, so we work it out from the page's own address.
const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
  path: new URL('socket.io', location.href).pathname,
});

// Connection state: socket.io reconnects by itself after a drop; we just show it.
showConnection(connection, 'connecting');
socket.on('connect', () => showConnection(connection, 'connected'));
// `socket.active` is true when socket.io will try again (the network dropped),
// false when the connection was closed on purpose.
socket.on('disconnect', () =>
  showConnection(connection, socket.active ? 'reconnecting' : 'disconnected'),
);
socket.io.on('reconnect_attempt', () => showConnection(connection, 'reconnecting'));
socket.io.on('reconnect_failed', () => showConnection(connection, 'disconnected'));

// The messages so far, sent by the server when we connect (and again after a reconnect).
socket.on('message_history', ({ messages: history }) =>
  replaceItems(messages, history.map(renderMessage)),
);

// Every new message, ours included: the server broadcasts to everyone.
socket.on('new_message', (message) => appendItem(messages, renderMessage(message)));

// Enter in the field submits the form; we send over the socket instead of
// letting the browser load a new page (as the forms of demo 2 did).
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
