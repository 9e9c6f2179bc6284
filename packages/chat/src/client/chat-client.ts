import {
  type CanvasSegment,
  type CanvasStroke,
  ChatError,
  type ChatMessage,
  type ClientEventName,
  type ClientPayload,
  type Poll,
  type Reaction,
  type ReactionEmoji,
  type RoomName,
  type RoomSnapshot,
  type RoomSummary,
  type Session,
  type UserId,
  type Whisper,
} from '../protocol/index.ts';
import type { ChatChange } from './chat-change.ts';
import type { ChatClientEvents } from './chat-client-events.ts';
import { reduceChatState } from './chat-reducer.ts';
import { type ChatState, initialChatState } from './chat-state.ts';
import { type ConnectAttempt, checkNickname, connectAttempt } from './connect-attempt.ts';
import { type ConnectionWatch, watchConnection } from './connection.ts';
import { createSocket } from './create-socket.ts';
import { Emitter } from './emitter.ts';
import { watchJoins } from './join-window.ts';
import { type ChatClientOptions, defaultTimeoutMs, resolveUrl } from './options.ts';
import { rejoinRooms } from './rejoin.ts';
import { type AckSuccess, type ChatSocket, request } from './request.ts';
import { roomKey, roomStateFromSnapshot } from './room-reducers.ts';
import { bindServerEvents } from './server-events.ts';
import { defaultTokenStorage, readToken, type TokenStorage, writeToken } from './token-storage.ts';
import { TypingThrottle } from './typing-throttle.ts';
import { backInTime, reconnected } from './wait-for-connection.ts';

/**
 * A typed, framework-free chat client: it connects, keeps an immutable
 * {@link ChatState} current from the server's events, and tells you when it
 * changes. Every request returns a promise that rejects with a `ChatError`.
 * Runs in browsers and in Node.
 *
 * @example
 * const client = new ChatClient({ url: 'http://127.0.0.1:3000', nickname: 'ada' });
 * client.on('change', (state) => render(state));
 * await client.connect();
 * await client.join('general');
 * await client.send('general', 'hello!');
 */
export class ChatClient {
  /**
   * The underlying socket.io socket, for what the client does not cover:
   * an event inspector (`socket.onAny`, `socket.onAnyOutgoing`) or tests.
   * Emitting on it directly bypasses the client's state.
   */
  readonly socket: ChatSocket;
  /** The server URL in use (the page's origin when none was given). */
  readonly url: string;

  #state: ChatState = initialChatState;
  readonly #events = new Emitter<ChatClientEvents>();
  readonly #typing = new TypingThrottle();
  readonly #joins: ReturnType<typeof watchJoins>;
  readonly #nickname: string;
  readonly #storage: TokenStorage | undefined;
  readonly #timeoutMs: number;
  readonly #connection: ConnectionWatch;
  #token: string | undefined;
  #connecting: ConnectAttempt | undefined;
  /** Counts sessions, so that a re-join answered after yet another reconnection is ignored. */
  #generation = 0;
  /** True after `watchRoomCounts()`, so a fresh connection asks for counts again. */
  #watchingCounts = false;

  constructor(options: ChatClientOptions) {
    this.url = resolveUrl(options.url);
    this.#nickname = options.nickname;
    this.#storage =
      options.storage === null ? undefined : (options.storage ?? defaultTokenStorage());
    this.#token = options.token ?? readToken(this.#storage);
    this.#timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.socket = createSocket(this.url, options, () =>
      this.#token ? { nickname: this.#nickname, token: this.#token } : { nickname: this.#nickname },
    );
    this.#joins = watchJoins(this.socket);
    bindServerEvents(this.socket, {
      state: () => this.#state,
      apply: (change) => this.#apply(change),
      session: (session) => {
        this.#generation += 1;
        this.#token = session.token;
        writeToken(this.#storage, session.token);
        this.#apply({ type: 'session', session });
      },
      error: (error) => this.#events.emit('error', error),
    });
    this.#connection = watchConnection(this.socket, {
      url: this.url,
      isConnecting: () => this.#connecting !== undefined,
      status: (connection) => {
        if (connection !== 'connected') this.#typing.reset();
        this.#apply({ type: 'connection', connection });
      },
      rejoin: () => void this.#rejoin(this.#generation),
      error: (error) => this.#events.emit('error', error),
    });
  }

  /** The current state. A new object after every change; never mutate it. */
  get state(): ChatState {
    return this.#state;
  }

  /**
   * Listens for `change` or `error`; returns a function that stops listening.
   *
   * @example
   * const off = client.on('change', (state, change) => {
   *   if (change.type === 'whisper') notify(change.whisper.from.nickname);
   * });
   * off();
   */
  on<E extends keyof ChatClientEvents>(
    event: E,
    listener: (...args: ChatClientEvents[E]) => void,
  ): () => void {
    return this.#events.on(event, listener);
  }

  /**
   * Connects and resolves with who the server says you are. Rejects with a
   * `ChatError`: the server's reason (`nickname_taken`, `unauthorized`…), or
   * `connection_failed` with the URL when the server cannot be reached. After a
   * refusal the client stays disconnected; call `connect()` again to retry.
   *
   * @example
   * const { userId, nickname } = await client.connect();
   */
  connect(): Promise<Session> {
    if (this.#connecting) return this.#connecting.promise;
    if (this.socket.connected && this.#state.session) return Promise.resolve(this.#state.session);
    // socket.io is already retrying: a second attempt would only race it.
    if (this.#state.connection === 'reconnecting') {
      return reconnected((listener) => this.on('change', listener), this.url);
    }
    const refused = checkNickname(this.#nickname);
    if (refused) return Promise.reject(refused);
    this.#apply({ type: 'connection', connection: 'connecting' });
    const attempt = connectAttempt(this.socket, this.url, {
      failed: () => this.#apply({ type: 'connection', connection: 'disconnected' }),
      settled: () => {
        this.#connecting = undefined;
      },
    });
    this.#connecting = attempt;
    return attempt.promise;
  }

  /**
   * Disconnects for good (until `connect()` is called again). Listeners stay
   * subscribed and see the state become `disconnected`.
   *
   * @example
   * window.addEventListener('pagehide', () => client.close());
   */
  close(): void {
    this.#connecting?.abort(
      new ChatError('not_connected', 'The client was closed before it connected.'),
    );
    this.#connection.stop();
    this.socket.disconnect();
    this.#typing.reset();
    this.#apply({ type: 'connection', connection: 'disconnected' });
  }

  /**
   * Joins a room and resolves with its snapshot, which also becomes
   * `state.rooms[room]`.
   *
   * @example
   * const { members, messages } = await client.join('general');
   */
  async join(room: RoomName): Promise<RoomSnapshot> {
    const { snapshot } = await this.#request('room:join', { room });
    this.#apply({ type: 'joined', room: snapshot.room, state: roomStateFromSnapshot(snapshot) });
    return snapshot;
  }

  /** Leaves a room; it disappears from `state.rooms`. @example await client.leave('general'); */
  async leave(room: RoomName): Promise<void> {
    await this.#request('room:leave', { room });
    // Leaving ends our typing there on the server too.
    this.#typing.forget(roomKey(room));
    this.#apply({ type: 'left', room: roomKey(room) });
  }

  /**
   * Leaves every room and joins `room`, in one request.
   *
   * @example
   * await client.switchRoom('random');
   */
  async switchRoom(room: RoomName): Promise<RoomSnapshot> {
    const { snapshot } = await this.#request('room:switch', { room });
    // Join first, then leave: a listener never sees a moment with no room.
    this.#apply({ type: 'joined', room: snapshot.room, state: roomStateFromSnapshot(snapshot) });
    for (const name of Object.keys(this.#state.rooms)) {
      if (name !== snapshot.room) this.#apply({ type: 'left', room: name });
    }
    return snapshot;
  }

  /**
   * Lists every room and its member count, once (also kept in
   * `state.roomCounts`). To keep the counts current, use {@link watchRoomCounts}.
   *
   * @example
   * const rooms = await client.listRooms();
   */
  async listRooms(): Promise<RoomSummary[]> {
    const { rooms } = await this.#request('room:list', {});
    this.#apply({ type: 'room-counts', rooms });
    return rooms;
  }

  /**
   * Lists every room and its member count, and keeps `state.roomCounts`
   * current from then on: the server sends `room:counts` to watching clients
   * only, at most every `limits.roomCountsIntervalMs` (250 ms). The client
   * asks again by itself after a reconnection. Watch only where you show the
   * counts: every watcher gets every update.
   *
   * @example
   * await client.watchRoomCounts();
   * client.on('change', (state, change) => {
   *   if (change.type === 'room-counts') renderBadges(state.roomCounts);
   * });
   */
  async watchRoomCounts(): Promise<RoomSummary[]> {
    const { rooms } = await this.#request('room:list', { watch: true });
    this.#watchingCounts = true;
    this.#apply({ type: 'room-counts', rooms });
    return rooms;
  }

  /** Stops {@link watchRoomCounts}; `state.roomCounts` keeps its last value. @example await client.unwatchRoomCounts(); */
  async unwatchRoomCounts(): Promise<void> {
    this.#watchingCounts = false;
    await this.#request('room:list', { watch: false });
  }

  /**
   * Sends a message to a room you are in; resolves with it as stored.
   *
   * @example
   * const message = await client.send('general', 'hello!');
   */
  async send(room: RoomName, text: string): Promise<ChatMessage> {
    const { message } = await this.#request('message:send', { room, text });
    // The server stopped our typing with the message; the next keystroke starts it afresh.
    this.#typing.forget(message.room);
    this.#apply({ type: 'message', room: message.room, message });
    return message;
  }

  /**
   * Whispers to one connected user, by user id; only the two of you see it.
   *
   * @example
   * await client.whisper(member.userId, 'psst');
   */
  async whisper(to: UserId, text: string): Promise<Whisper> {
    const { whisper } = await this.#request('whisper:send', { to, text });
    this.#apply({ type: 'whisper', whisper });
    return whisper;
  }

  /**
   * Says you are typing in `room`. Call it on every input event: it sends at
   * most one `typing:start` per room per `limits.typingThrottleMs`, and
   * nothing at all while disconnected or for a room you are not in.
   *
   * @example
   * input.addEventListener('input', () => client.typing('general'));
   */
  typing(room: RoomName): void {
    const name = roomKey(room);
    // Not while re-joining after a reconnection either: the server has not got us back in the room yet.
    if (this.#state.connection !== 'connected' || !Object.hasOwn(this.#state.rooms, name)) return;
    if (this.#typing.start(name, Date.now())) this.socket.emit('typing:start', { room: name });
  }

  /**
   * Says you stopped typing, if you had said you were (e.g. on blur or when
   * the input is emptied). Sending a message does this for you, without a
   * `typing:stop` on the wire: the server stops it when the message arrives.
   *
   * @example
   * input.addEventListener('blur', () => client.stopTyping('general'));
   */
  stopTyping(room: RoomName): void {
    const name = roomKey(room);
    if (this.#typing.stop(name, Date.now()) && this.socket.connected) {
      this.socket.emit('typing:stop', { room: name });
    }
  }

  /**
   * Creates a poll in a room you are in.
   *
   * @example
   * const poll = await client.createPoll('general', 'Lunch?', ['Pizza', 'Sushi']);
   */
  async createPoll(room: RoomName, question: string, options: string[]): Promise<Poll> {
    const { poll } = await this.#request('poll:create', { room, question, options });
    this.#apply({ type: 'poll', room: poll.room, poll });
    return poll;
  }

  /**
   * Votes for an option; voting again moves your vote. Your choice is kept in
   * `state.rooms[room].myVotes`.
   *
   * @example
   * await client.vote(poll.id, poll.options[0]!.id);
   */
  async vote(pollId: string, optionId: string): Promise<Poll> {
    const { poll } = await this.#request('poll:vote', { pollId, optionId });
    this.#apply({ type: 'poll', room: poll.room, poll });
    this.#apply({ type: 'my-vote', room: poll.room, pollId, optionId });
    return poll;
  }

  /** Closes a poll you created. @example await client.closePoll(poll.id); */
  async closePoll(pollId: string): Promise<Poll> {
    const { poll } = await this.#request('poll:close', { pollId });
    this.#apply({ type: 'poll', room: poll.room, poll });
    return poll;
  }

  /**
   * Toggles your reaction to a message: adds it, or removes it if you had it.
   *
   * @example
   * await client.react('general', message.id, '🎉');
   */
  async react(room: RoomName, messageId: string, emoji: ReactionEmoji): Promise<Reaction[]> {
    const { reactions } = await this.#request('reaction:toggle', { room, messageId, emoji });
    this.#apply({ type: 'reactions', room: roomKey(room), messageId, reactions });
    return reactions;
  }

  /**
   * Draws a segment on a room's canvas. The server relays it to the others
   * but not back to you, so the client adds it to your own state here.
   *
   * @example
   * await client.draw('general', { from: { x: 0.1, y: 0.1 }, to: { x: 0.2, y: 0.3 }, color: '#1e90ff', width: 4 });
   */
  async draw(room: RoomName, segment: CanvasSegment): Promise<CanvasStroke> {
    await this.#request('canvas:draw', { room, segment });
    const stroke: CanvasStroke = { ...segment, userId: this.#state.session?.userId ?? '' };
    this.#apply({ type: 'canvas-segment', room: roomKey(room), stroke });
    return stroke;
  }

  /** Clears a room's canvas for everyone. @example await client.clearCanvas('general'); */
  async clearCanvas(room: RoomName): Promise<void> {
    await this.#request('canvas:clear', { room });
    this.#apply({
      type: 'canvas-cleared',
      room: roomKey(room),
      by: this.#state.session?.userId ?? '',
    });
  }

  async #request<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<AckSuccess<E>> {
    const { connection } = this.#state;
    if (connection === 'idle' || connection === 'disconnected') {
      throw new ChatError(
        'not_connected',
        `Cannot send '${event}': the client is ${connection} (call connect() first).`,
      );
    }
    // Sent now, a request could reach the server before the re-join after a
    // reconnection and fail with `not_in_room`: it waits until we are back.
    if (connection === 'reconnecting') {
      await backInTime((listener) => this.on('change', listener), {
        event,
        timeoutMs: this.#timeoutMs,
        url: this.url,
      });
    }
    return request(this.socket, event, payload, this.#timeoutMs, this.url);
  }

  /** After a reconnection the server did not recover: re-join and catch up, then say `connected`. */
  async #rejoin(generation: number): Promise<void> {
    const current = () => generation === this.#generation;
    await rejoinRooms({
      socket: this.socket,
      url: this.url,
      timeoutMs: this.#timeoutMs,
      state: () => this.#state,
      apply: (change) => this.#apply(change),
      error: (error) => this.#events.emit('error', error),
      current,
      watchingCounts: this.#watchingCounts,
    });
    if (current() && this.socket.connected) {
      this.#apply({ type: 'connection', connection: 'connected' });
    }
  }

  #apply(given: ChatChange): void {
    if (given.type === 'presence') this.#joins.seen(given);
    const change = given.type === 'joined' ? this.#joins.settle(given) : given;
    const next = reduceChatState(this.#state, change);
    if (next === this.#state) return;
    this.#state = next;
    this.#events.emit('change', next, change);
  }
}
