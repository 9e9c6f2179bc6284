/**
 * The wire contract of demo 7: which events travel between browser and server,
 * and what each one carries. Both sides import these types, so TypeScript
 * checks every `emit` and every `on` against the same list.
 *
 * | direction              | event                       | payload                                              |
 * |------------------------|-----------------------------|------------------------------------------------------|
 * | client → server        | `join_chat`                 | `{ nickname }`, ack `{ ok: true, user }` or an error |
 * | server → the joiner    | `message_history`           | `{ messages }` — right after a successful join       |
 * | server → the joiner    | `poll_history`              | `{ polls }` — every poll so far, with its totals     |
 * | server → the joiner    | `canvas_history`            | `{ strokes }` — every segment since the last clear   |
 * | server → all clients   | `user_joined` / `user_left` | `{ type: 'system', text, timestamp, userCount }`     |
 * | server → all clients   | `user_list_update`          | `{ users: [{ id, nickname, joinedAt }] }`            |
 * | client → server        | `send_message`              | `{ text }`, with an ack; refused before joining      |
 * | server → all clients   | `new_message`               | `{ id, type: 'user', text, nickname, userId, timestamp, reactions }` |
 * | client → server        | `create_poll`               | `{ question, options: string[] }`, ack `{ ok: true, poll }` |
 * | server → all clients   | `new_poll` / `poll_updated` | `{ id, question, options: [{ id, text, votes }], creator, timestamp }` |
 * | client → server        | `vote_poll`                 | `{ poll_id, option_id }` — one vote per user; again = move it |
 * | client → server        | `add_reaction`              | `{ message_id, emoji }` — toggles your reaction      |
 * | server → each client   | `reaction_updated`          | `{ message_id, reactions: [{ emoji, count, mine }] }` — `mine` is per recipient |
 * | client → server        | `canvas_draw`               | `{ from: {x,y}, to: {x,y}, color, width }`, x and y from 0 to 1 |
 * | server → all but the drawer | `canvas_update`        | the segment plus `userId`                            |
 * | client → server        | `clear_canvas`              | nothing (a payload, if sent, is ignored), with an ack |
 * | server → all clients   | `canvas_cleared`            | `{ by }` — who cleared it                            |
 */

/** The longest message the server accepts, in characters, after trimming spaces. */
export const MAX_MESSAGE_LENGTH = 500;

/** The longest nickname the server accepts, in characters, after trimming spaces. */
export const MAX_NICKNAME_LENGTH = 32;

/** How many of the most recent messages the server keeps and sends to a newcomer. */
export const HISTORY_LIMIT = 100;

/** The longest poll question and poll option, in characters, after trimming spaces. */
export const MAX_QUESTION_LENGTH = 200;
export const MAX_OPTION_LENGTH = 80;

/** A poll has 2 to 6 different options. */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;

/** How many polls the server keeps; past this, the oldest is forgotten. */
export const POLL_LIMIT = 20;

/**
 * The reactions anyone can add to a message: a fixed set, so the server can
 * check an emoji against it and every page can show it safely. (`❤️` is two
 * code points, a heart and a "show as emoji" selector: compare whole strings.)
 */
export const REACTIONS = ['👍', '❤️', '😂', '🎉', '😮', '😢'] as const;

/** One of {@link REACTIONS}. */
export type Reaction = (typeof REACTIONS)[number];

/** How many canvas segments the server keeps for late joiners; past this, the oldest go. */
export const CANVAS_HISTORY_LIMIT = 5000;

/** The thinnest and thickest line, in CSS pixels. */
export const MIN_LINE_WIDTH = 1;
export const MAX_LINE_WIDTH = 40;

/** Someone who has joined the chat, as the server recorded them. */
export interface User {
  /** Made by the server (`crypto.randomUUID()`) when this user joined. */
  id: string;
  /** 1 to 32 characters, trimmed; no two users share one, whatever the case. */
  nickname: string;
  /** When they joined, as an ISO 8601 string. */
  joinedAt: string;
}

/** One emoji under a message: how many people chose it, and whether you did. */
export interface ReactionCount {
  emoji: Reaction;
  /** How many users reacted with this emoji (each user counts once). */
  count: number;
  /**
   * Whether *you*, the one receiving this payload, are among them. The server
   * works it out for each recipient and sends each socket its own copy, so the
   * page can show your reactions pressed without keeping any state.
   */
  mine: boolean;
}

/** One chat message, as the server sends it. */
export interface Message {
  /** Made by the server (`crypto.randomUUID()`), unique. */
  id: string;
  /** Tells a user's message from a system line (`SystemMessage`). */
  type: 'user';
  /** 1 to 500 characters, trimmed. */
  text: string;
  /** The sender's nickname, from the server's record of who sent it (never from the payload). */
  nickname: string;
  /** The sender's `User.id`. */
  userId: string;
  /** When the server received it, as an ISO 8601 string (e.g. `2025-01-31T09:15:00.000Z`). */
  timestamp: string;
  /** Only emoji with a count above zero, in the order of {@link REACTIONS}. */
  reactions: ReactionCount[];
}

/** A line from the server itself: someone joined or left. */
export interface SystemMessage {
  type: 'system';
  /** E.g. `Alice joined the chat`. */
  text: string;
  /** ISO 8601, from the server's clock. */
  timestamp: string;
  /** How many users are in the chat now, after this join or leave. */
  userCount: number;
}

/** One answer of a poll. The id is the server's; the text is only for showing. */
export interface PollOption {
  /** Made by the server. Votes name this id, never the text. */
  id: string;
  /** 1 to 80 characters, trimmed. */
  text: string;
  /** How many users chose it. */
  votes: number;
}

/** A poll with its totals. Who voted for what stays on the server. */
export interface Poll {
  /** Made by the server (`crypto.randomUUID()`). */
  id: string;
  /** 1 to 200 characters, trimmed. */
  question: string;
  /** 2 to 6 options, in the order they were given. */
  options: PollOption[];
  /** The nickname of whoever asked, from the server's record. */
  creator: string;
  /** When it was asked, as an ISO 8601 string. */
  timestamp: string;
}

/** A point on the shared canvas: 0 to 1 across and down, so any screen size agrees. */
export interface Point {
  x: number;
  y: number;
}

/** One straight piece of a line. The page sends one every few pointer moves. */
export interface Segment {
  /** Where the piece starts: where the previous one ended, so the line is unbroken. */
  from: Point;
  to: Point;
  /** A colour as `#rrggbb`. */
  color: string;
  /** Line width in CSS pixels, 1 to 40. */
  width: number;
}

/** A segment as the server keeps and relays it: with who drew it. */
export interface Stroke extends Segment {
  /** The drawer's `User.id`, from the server's record. */
  userId: string;
}

/** What the browser sends to join. */
export interface JoinChatPayload {
  /** 1 to 32 characters after trimming. */
  nickname: string;
}

/** The messages so far (the last 100, oldest first), sent to each user as they join. */
export interface MessageHistoryPayload {
  messages: Message[];
}

/** The polls so far (the last 20, oldest first), sent to each user as they join. */
export interface PollHistoryPayload {
  polls: Poll[];
}

/** The drawing so far (the last 5000 segments, oldest first), sent to each user as they join. */
export interface CanvasHistoryPayload {
  strokes: Stroke[];
}

/** Everyone in the chat now, in the order they joined. */
export interface UserListPayload {
  users: User[];
}

/** What the browser sends to post a message. Only `text`: the server adds the rest. */
export interface SendMessagePayload {
  /** 1 to 500 characters after trimming. */
  text: string;
}

/** What the browser sends to ask a question. */
export interface CreatePollPayload {
  /** 1 to 200 characters after trimming. */
  question: string;
  /** 2 to 6 options, each 1 to 80 characters after trimming, no two the same (ignoring case). */
  options: string[];
}

/** What the browser sends to vote (or to move its vote). */
export interface VotePollPayload {
  poll_id: string;
  option_id: string;
}

/** What the browser sends to add (or take back) a reaction. */
export interface AddReactionPayload {
  message_id: string;
  /** One of {@link REACTIONS}. */
  emoji: string;
}

/** New reaction counts for one message. */
export interface ReactionUpdatePayload {
  message_id: string;
  reactions: ReactionCount[];
}

/** Who wiped the canvas. */
export interface CanvasClearedPayload {
  /** Their nickname, from the server's record. */
  by: string;
}

/**
 * Why the server refused a request. A closed set of strings (a string-literal
 * union), so the browser can `switch` over it and TypeScript knows every case.
 */
export type ErrorCode =
  /** A field is missing, has the wrong type, is empty or is too long. */
  | 'invalid_payload'
  /** The nickname is missing, empty or longer than 32 characters. */
  | 'nickname_invalid'
  /** Someone in the chat already uses this nickname (compared ignoring case). */
  | 'nickname_taken'
  /** This connection has already joined; one connection is one user. */
  | 'already_joined'
  /** Join the chat with `join_chat` first. */
  | 'not_joined'
  /** The question or options break a rule: length, number of options, or two the same. */
  | 'poll_invalid'
  /** No poll has this id. */
  | 'unknown_poll'
  /** The poll has no option with this id. Your earlier vote, if any, stays. */
  | 'unknown_option'
  /** No message in the history has this id. */
  | 'unknown_message'
  /** Not one of {@link REACTIONS}. */
  | 'unknown_reaction'
  /** A segment with a point outside 0..1, a colour that is not `#rrggbb`, or a bad width. */
  | 'segment_invalid'
  /** This connection sent too many events too quickly; wait a moment. */
  | 'rate_limited';

/** The answer to a refused request. */
export interface AckError {
  ok: false;
  error: { code: ErrorCode; message: string };
}

/** The answer to `join_chat`: the server's record of you, or why not. */
export type JoinAck = { ok: true; user: User } | AckError;

/** The answer to `create_poll`: the poll as the server made it (with its option ids). */
export type CreatePollAck = { ok: true; poll: Poll } | AckError;

/** The answer to `vote_poll`: which option now holds your vote. */
export type VoteAck = { ok: true; poll_id: string; option_id: string } | AckError;

/** The answer to `send_message`, `add_reaction`, `canvas_draw` and `clear_canvas`. */
export type OkAck = { ok: true } | AckError;

/** Events the server sends and the browser listens to. */
export interface ServerToClientEvents {
  message_history: (payload: MessageHistoryPayload) => void;
  poll_history: (payload: PollHistoryPayload) => void;
  canvas_history: (payload: CanvasHistoryPayload) => void;
  new_message: (message: Message) => void;
  user_joined: (event: SystemMessage) => void;
  user_left: (event: SystemMessage) => void;
  user_list_update: (payload: UserListPayload) => void;
  new_poll: (poll: Poll) => void;
  poll_updated: (poll: Poll) => void;
  reaction_updated: (payload: ReactionUpdatePayload) => void;
  canvas_update: (stroke: Stroke) => void;
  canvas_cleared: (payload: CanvasClearedPayload) => void;
}

/** Events the browser sends and the server listens to. */
export interface ClientToServerEvents {
  join_chat: (payload: JoinChatPayload, ack: (result: JoinAck) => void) => void;
  send_message: (payload: SendMessagePayload, ack: (result: OkAck) => void) => void;
  create_poll: (payload: CreatePollPayload, ack: (result: CreatePollAck) => void) => void;
  vote_poll: (payload: VotePollPayload, ack: (result: VoteAck) => void) => void;
  add_reaction: (payload: AddReactionPayload, ack: (result: OkAck) => void) => void;
  /** The ack is optional here: while drawing, the page sends many segments and skips it. */
  canvas_draw: (segment: Segment, ack?: (result: OkAck) => void) => void;
  /** No payload: just the ack. (Any payload sent before it is ignored.) */
  clear_canvas: (ack?: (result: OkAck) => void) => void;
}
