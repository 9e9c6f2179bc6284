import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  browserCode,
  type DemoApp,
  type DemoOptions,
  limitRate,
  nicknameKey,
  nicknameProblem,
  normalizeNickname,
  onePayloadAndAck,
  sameOriginOnly,
  securityHeaders,
  textProblem,
} from '@funws/demo-kit';
import express from 'express';
import { Server } from 'socket.io';
import {
  type AckError,
  CANVAS_HISTORY_LIMIT,
  type ClientToServerEvents,
  type CreatePollAck,
  type ErrorCode,
  HISTORY_LIMIT,
  type JoinAck,
  MAX_LINE_WIDTH,
  MAX_MESSAGE_LENGTH,
  MAX_NICKNAME_LENGTH,
  MAX_OPTION_LENGTH,
  MAX_OPTIONS,
  MAX_QUESTION_LENGTH,
  type Message,
  MIN_LINE_WIDTH,
  MIN_OPTIONS,
  type OkAck,
  POLL_LIMIT,
  type Point,
  type Poll,
  REACTIONS,
  type Reaction,
  type ReactionCount,
  type Segment,
  type ServerToClientEvents,
  type Stroke,
  type SystemMessage,
  type User,
  type UserListPayload,
  type VoteAck,
} from './protocol.ts';

/** A message as the server keeps it: who reacted with what, as sets of user ids. */
interface StoredMessage extends Omit<Message, 'reactions'> {
  reactedBy: Map<Reaction, Set<string>>;
}

/** A poll as the server keeps it: each voter's choice, by user id. */
interface StoredPoll extends Omit<Poll, 'options'> {
  options: { id: string; text: string }[];
  /** user id → option id. A Map holds one entry per key: one vote per user, by design. */
  votes: Map<string, string>;
}

/**
 * Demo 7: polls, reactions and a shared canvas. Back to one chat for everyone
 * (as in demo 5), with things people do *together*: vote, react, draw.
 *
 * New ideas here: the server keeps shared state (votes, reactions, drawings)
 * and hands a copy to whoever joins late; `socket.broadcast.emit` sends to
 * everyone but the sender; and one event can carry a different payload for
 * each recipient (your own `mine` flag on reactions).
 */
export function createApp({ basePath = '', rateLimit }: DemoOptions = {}): DemoApp {
  // The HTTP side: the page, its CSS, and the browser code (TypeScript, bundled on request).
  const app = express();
  app.use(securityHeaders());
  app.use(express.static(fileURLToPath(new URL('../public/', import.meta.url))));
  app.use('/js', browserCode(new URL('./client/', import.meta.url)));

  // The socket side. The two type parameters are our event lists from
  // protocol.ts, so a typo in an event name or a payload of the wrong shape
  // is a compile error, not a silent bug.
  // - `path`: where socket.io listens; under a prefix when the course mounts this demo.
  // - `allowRequest: sameOriginOnly`: only pages served by this server may connect.
  //   (The original used `cors_allowed_origins="*"`: any website could connect.)
  // - `serveClient: false`: the browser gets socket.io-client inside js/main.js instead.
  // The server is created unattached: startDemo (or the course) attaches it to an HTTP server.
  const io = new Server<ClientToServerEvents, ServerToClientEvents>({
    path: `${basePath}/socket.io`,
    allowRequest: sameOriginOnly,
    serveClient: false,
  });

  // The chat's memory: the most recent messages, oldest first, with their reactions.
  const history: StoredMessage[] = [];

  // The polls, by id. Never by option text: two polls may both offer "Yes".
  const polls = new Map<string, StoredPoll>();

  // The drawing: every segment since the last clear, oldest first, so that
  // someone who joins late sees the same picture as everyone else.
  let strokes: Stroke[] = [];

  // Who has joined, by socket id. This map is the server's truth about who
  // each connection is: whatever a payload *claims* about its sender is ignored.
  const users = new Map<string, User>();

  /** Everyone online, in the order they joined (a Map keeps insertion order). */
  const userList = (): UserListPayload => ({ users: [...users.values()] });

  const systemMessage = (text: string): SystemMessage => ({
    type: 'system',
    text,
    timestamp: new Date().toISOString(),
    userCount: users.size,
  });

  /** A message's reaction counts as `viewerId` sees them (`mine` is about them). */
  const reactionsFor = (message: StoredMessage, viewerId?: string): ReactionCount[] =>
    REACTIONS.flatMap((emoji) => {
      const reacted = message.reactedBy.get(emoji);
      if (reacted === undefined || reacted.size === 0) return [];
      return [
        { emoji, count: reacted.size, mine: viewerId !== undefined && reacted.has(viewerId) },
      ];
    });

  /** A stored message as `viewerId` receives it. */
  const messageFor = (message: StoredMessage, viewerId?: string): Message => ({
    id: message.id,
    type: message.type,
    text: message.text,
    nickname: message.nickname,
    userId: message.userId,
    timestamp: message.timestamp,
    reactions: reactionsFor(message, viewerId),
  });

  /** A poll with its totals: how many votes each option has, not who cast them. */
  const pollView = (poll: StoredPoll): Poll => ({
    id: poll.id,
    question: poll.question,
    options: poll.options.map((option) => ({
      id: option.id,
      text: option.text,
      votes: [...poll.votes.values()].filter((choice) => choice === option.id).length,
    })),
    creator: poll.creator,
    timestamp: poll.timestamp,
  });

  // 'connection' fires once for every browser tab that connects. `socket` is
  // that one connection: what we emit on it goes to that tab only.
  io.on('connection', (socket) => {
    // A flood from one tab (or from a script in the browser console) is refused
    // instead of handled and broadcast to everyone: each connection may send a
    // burst of 100 events, then 50 a second. Refused events get a `rate_limited`
    // answer through their acknowledgement. (The original had no limit at all.)
    socket.use(limitRate(rateLimit));
    // Every handler below takes `(payload, ack)`. A client may send an ack
    // without a payload, or extra arguments; onePayloadAndAck() sorts that out
    // first, so `ack` is always the callback if there is one (or undefined).
    socket.use(onePayloadAndAck());

    // The types in protocol.ts describe what a well-behaved browser sends. But
    // anything can arrive over the network, so we accept `unknown` and check
    // each field by hand. (In the original workshop, a payload with a missing
    // field raised an exception in the handler.)
    socket.on('join_chat', (payload: unknown, ack?: unknown) => {
      if (users.has(socket.id)) {
        reply(ack, fail('already_joined', 'You have already joined the chat.'));
        return;
      }
      const nickname = normalizeNickname(readString(payload, 'nickname'));
      // Invisible or direction-changing characters would let a name pass for
      // another; nicknameProblem (from demo-kit) finds them, as in demo 5.
      const problem = nicknameProblem(nickname);
      if (problem !== undefined) {
        reply(ack, fail('nickname_invalid', `This nickname cannot be used: ${problem}.`));
        return;
      }
      if (nickname === '' || nickname.length > MAX_NICKNAME_LENGTH) {
        reply(
          ack,
          fail('nickname_invalid', `A nickname needs 1 to ${MAX_NICKNAME_LENGTH} characters.`),
        );
        return;
      }
      // Look-alikes count as taken ("Bob", "bob", "bоb" with a Cyrillic "о"), as in demo 5.
      const wanted = nicknameKey(nickname);
      if ([...users.values()].some((user) => nicknameKey(user.nickname) === wanted)) {
        reply(
          ack,
          fail('nickname_taken', `Someone is already called "${nickname}"; pick another.`),
        );
        return;
      }
      const user: User = { id: randomUUID(), nickname, joinedAt: new Date().toISOString() };
      users.set(socket.id, user);
      reply(ack, { ok: true, user });

      // #region step-4: Send the newcomer everything so far: messages, polls and the drawing
      // Polls and drawings used to exist only as they happened: whoever came
      // later saw no polls and an empty canvas. The server keeps them, and a
      // newcomer gets a copy of each.
      socket.emit('message_history', {
        messages: history.map((message) => messageFor(message, user.id)),
      });
      socket.emit('poll_history', { polls: [...polls.values()].map(pollView) });
      socket.emit('canvas_history', { strokes });
      // #endregion step-4

      io.emit('user_joined', systemMessage(`${user.nickname} joined the chat`));
      io.emit('user_list_update', userList());
    });

    socket.on('send_message', (payload: unknown, ack?: unknown) => {
      // Only members may talk: the server knows who you are from join_chat.
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'Join the chat with a nickname first.'));
        return;
      }
      const text = readString(payload, 'text');
      if (text === '' || text.length > MAX_MESSAGE_LENGTH) {
        reply(
          ack,
          fail('invalid_payload', `A message needs 1 to ${MAX_MESSAGE_LENGTH} characters.`),
        );
        return;
      }
      if (refuseUnreadable(ack, text)) return;
      const message: StoredMessage = {
        id: randomUUID(),
        type: 'user',
        text,
        nickname: user.nickname,
        userId: user.id,
        timestamp: new Date().toISOString(),
        reactedBy: new Map(),
      };
      history.push(message);
      if (history.length > HISTORY_LIMIT) history.shift();
      io.emit('new_message', messageFor(message)); // no reactions yet: the same for everyone
      reply(ack, { ok: true });
    });

    socket.on('create_poll', (payload: unknown, ack?: unknown) => {
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'Join the chat with a nickname first.'));
        return;
      }
      const question = readString(payload, 'question');
      const options = readStrings(payload, 'options');
      if (options === undefined) {
        reply(
          ack,
          fail('invalid_payload', 'A poll needs { question: string, options: string[] }.'),
        );
        return;
      }
      if (question === '' || question.length > MAX_QUESTION_LENGTH) {
        reply(
          ack,
          fail('poll_invalid', `A question needs 1 to ${MAX_QUESTION_LENGTH} characters.`),
        );
        return;
      }
      if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
        reply(ack, fail('poll_invalid', `A poll has ${MIN_OPTIONS} to ${MAX_OPTIONS} options.`));
        return;
      }
      if (options.some((option) => option === '' || option.length > MAX_OPTION_LENGTH)) {
        reply(ack, fail('poll_invalid', `Each option needs 1 to ${MAX_OPTION_LENGTH} characters.`));
        return;
      }
      // A Set keeps one of each value: fewer entries means two options were alike.
      if (new Set(options.map((option) => option.toLowerCase())).size !== options.length) {
        reply(ack, fail('poll_invalid', 'Two options are the same; make each one different.'));
        return;
      }
      if (refuseUnreadable(ack, question, ...options)) return;
      // The server gives every option its own id, and votes name that id. (The
      // original keyed votes by the option's text, so two alike got mixed up.)
      const poll: StoredPoll = {
        id: randomUUID(),
        question,
        options: options.map((text) => ({ id: randomUUID(), text })),
        creator: user.nickname,
        timestamp: new Date().toISOString(),
        votes: new Map(),
      };
      polls.set(poll.id, poll);
      // A Map keeps insertion order, so its first key is the oldest poll.
      const oldest = polls.keys().next().value;
      if (polls.size > POLL_LIMIT && oldest !== undefined) polls.delete(oldest);
      io.emit('new_poll', pollView(poll));
      reply(ack, { ok: true, poll: pollView(poll) });
    });

    socket.on('vote_poll', (payload: unknown, ack?: unknown) => {
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'Join the chat with a nickname first.'));
        return;
      }
      const pollId = readString(payload, 'poll_id');
      const optionId = readString(payload, 'option_id');
      if (pollId === '' || optionId === '') {
        reply(ack, fail('invalid_payload', 'A vote needs { poll_id: string, option_id: string }.'));
        return;
      }
      const poll = polls.get(pollId);
      if (poll === undefined) {
        reply(ack, fail('unknown_poll', 'There is no such poll (any more).'));
        return;
      }
      // Check the option BEFORE changing anything. The original took away your
      // old vote first and only then found the option did not exist: your vote
      // was simply gone.
      if (!poll.options.some((option) => option.id === optionId)) {
        reply(ack, fail('unknown_option', 'This poll has no such option; your vote is unchanged.'));
        return;
      }
      // #region step-1: Record one vote per user (voting again moves it) and send everyone the new totals
      // `votes` maps user id → option id: setting it again *replaces* this
      // user's vote instead of adding a second one.
      poll.votes.set(user.id, optionId);
      io.emit('poll_updated', pollView(poll));
      // #endregion step-1
      reply(ack, { ok: true, poll_id: poll.id, option_id: optionId });
    });

    socket.on('add_reaction', (payload: unknown, ack?: unknown) => {
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'Join the chat with a nickname first.'));
        return;
      }
      const messageId = readString(payload, 'message_id');
      const emoji = readString(payload, 'emoji');
      if (messageId === '') {
        reply(
          ack,
          fail('invalid_payload', 'A reaction needs { message_id: string, emoji: string }.'),
        );
        return;
      }
      if (!isReaction(emoji)) {
        reply(ack, fail('unknown_reaction', `A reaction is one of ${REACTIONS.join(' ')}.`));
        return;
      }
      const message = history.find((candidate) => candidate.id === messageId);
      if (message === undefined) {
        reply(ack, fail('unknown_message', 'There is no such message (any more).'));
        return;
      }
      // #region step-2: Toggle this user's reaction and send each member the new counts
      // A Set of user ids: each user counts once, and reacting again takes it back.
      const reacted = message.reactedBy.get(emoji) ?? new Set<string>();
      if (reacted.has(user.id)) reacted.delete(user.id);
      else reacted.add(user.id);
      message.reactedBy.set(emoji, reacted);
      // The counts are the same for all, but `mine` is not: each member gets
      // their own copy, emitted to their socket id, instead of one `io.emit`.
      for (const [socketId, member] of users) {
        io.to(socketId).emit('reaction_updated', {
          message_id: message.id,
          reactions: reactionsFor(message, member.id),
        });
      }
      // #endregion step-2
      reply(ack, { ok: true });
    });

    socket.on('canvas_draw', (payload: unknown, ack?: unknown) => {
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'Join the chat with a nickname first.'));
        return;
      }
      const segment = readSegment(payload);
      if (segment === undefined) {
        reply(
          ack,
          fail(
            'segment_invalid',
            `A segment is { from: {x, y}, to: {x, y}, color: '#rrggbb', width } with x and y from 0 to 1 and width ${MIN_LINE_WIDTH} to ${MAX_LINE_WIDTH}.`,
          ),
        );
        return;
      }
      // Only the checked fields go on, with the drawer as the server knows them.
      const stroke: Stroke = { ...segment, userId: user.id };
      strokes.push(stroke);
      if (strokes.length > CANVAS_HISTORY_LIMIT) strokes.shift();
      // #region step-3: Relay the segment to everyone except the one who drew it
      // The drawer has it on screen already. `socket.broadcast.emit` sends to
      // every connected socket but this one.
      socket.broadcast.emit('canvas_update', stroke);
      // #endregion step-3
      reply(ack, { ok: true });
    });

    // No payload here: the browser sends only an ack. onePayloadAndAck() moved
    // it to the second place, so `ack` is the callback whatever the client sent.
    socket.on('clear_canvas', (_payload: unknown, ack?: unknown) => {
      const user = users.get(socket.id);
      if (user === undefined) {
        reply(ack, fail('not_joined', 'Join the chat with a nickname first.'));
        return;
      }
      strokes = [];
      io.emit('canvas_cleared', { by: user.nickname });
      reply(ack, { ok: true });
    });

    // 'disconnect' fires when the tab closes, reloads or loses its network.
    socket.on('disconnect', () => {
      const user = users.get(socket.id);
      if (user === undefined) return; // never joined: nobody to announce
      users.delete(socket.id);
      // Their messages, votes, reactions and drawing stay: they happened.
      io.emit('user_left', systemMessage(`${user.nickname} left the chat`));
      io.emit('user_list_update', userList());
    });
  });

  return { app, io };
}

/** The trimmed string in `payload[field]`, or `''` when there is no such string. */
function readString(payload: unknown, field: string): string {
  if (typeof payload !== 'object' || payload === null) return '';
  const value = (payload as Record<string, unknown>)[field];
  return typeof value === 'string' ? value.trim() : '';
}

/** The trimmed strings in `payload[field]`, or `undefined` unless it is an array of strings. */
function readStrings(payload: unknown, field: string): string[] | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const value = (payload as Record<string, unknown>)[field];
  if (!Array.isArray(value)) return undefined;
  const strings: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') return undefined;
    strings.push(item.trim());
  }
  return strings;
}

/** True for one of the fixed {@link REACTIONS}. */
function isReaction(value: string): value is Reaction {
  return (REACTIONS as readonly string[]).includes(value);
}

/** A point with `x` and `y` from 0 to 1, or `undefined`. (`Number.isFinite` rules out NaN too.) */
function readPoint(value: unknown): Point | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { x, y } = value as Record<string, unknown>;
  const inRange = (n: unknown): n is number =>
    typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1;
  return inRange(x) && inRange(y) ? { x, y } : undefined;
}

/** The segment in `payload`, copied field by field, or `undefined` if anything is off. */
function readSegment(payload: unknown): Segment | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { from, to, color, width } = payload as Record<string, unknown>;
  const start = readPoint(from);
  const end = readPoint(to);
  if (start === undefined || end === undefined) return undefined;
  if (typeof color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(color)) return undefined;
  if (typeof width !== 'number' || !Number.isFinite(width)) return undefined;
  if (width < MIN_LINE_WIDTH || width > MAX_LINE_WIDTH) return undefined;
  return { from: start, to: end, color, width };
}

/**
 * Refuses text that no screen can show honestly, answering the ack: NUL, or
 * half of a surrogate pair (see `textProblem` in demo-kit, which says which).
 * True when it refused.
 */
function refuseUnreadable(ack: unknown, ...texts: string[]): boolean {
  for (const text of texts) {
    const problem = textProblem(text);
    if (problem === undefined) continue;
    reply(ack, fail('invalid_payload', `This text cannot be sent: ${problem}.`));
    return true;
  }
  return false;
}

/** An error answer for the acknowledgement. */
function fail(code: ErrorCode, message: string): AckError {
  return { ok: false, error: { code, message } };
}

/**
 * Answers the client's acknowledgement callback, if it sent one. A client that
 * sent no callback (or something that is not a function) gets no answer,
 * instead of crashing the server.
 */
function reply(ack: unknown, result: JoinAck | OkAck | CreatePollAck | VoteAck): void {
  if (typeof ack === 'function') ack(result);
}
