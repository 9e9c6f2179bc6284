import type { ReactionEmoji } from './emoji.ts';

/** A user id the server assigned. Opaque: do not parse it. */
export type UserId = string;

/** A room's name: lower-case letters, digits and dashes, e.g. `general`. */
export type RoomName = string;

/** Who you are, as the server sees you. Sent once on every connection. */
export interface Session {
  userId: UserId;
  nickname: string;
  /**
   * Present this on the next connection (`auth.token`) to stay the same user:
   * several tabs with one token are one member. Keep it like a password.
   */
  token: string;
}

/** A member of a room. One user with several tabs open is one member. */
export interface Member {
  userId: UserId;
  nickname: string;
  /** When the user joined the room, ISO 8601, set by the server. */
  joinedAt: string;
}

/** A room and how many members it has. */
export interface RoomSummary {
  name: RoomName;
  members: number;
}

/** Who reacted to a message with one emoji. */
export interface Reaction {
  emoji: ReactionEmoji;
  userIds: UserId[];
}

/** A chat message. Every field is set by the server, never taken from the client. */
export interface ChatMessage {
  id: string;
  room: RoomName;
  userId: UserId;
  nickname: string;
  text: string;
  /** ISO 8601, set by the server. */
  timestamp: string;
  /** Only emoji somebody currently reacts with; empty when nobody reacted. */
  reactions: Reaction[];
}

/** A private message. Only the sender's and the recipient's sockets ever see it. */
export interface Whisper {
  id: string;
  from: { userId: UserId; nickname: string };
  to: { userId: UserId; nickname: string };
  text: string;
  timestamp: string;
}

/** One answer of a poll, with its vote count. */
export interface PollOption {
  id: string;
  text: string;
  votes: number;
}

/** A poll: counts are public, who voted for what is not. */
export interface Poll {
  id: string;
  room: RoomName;
  question: string;
  options: PollOption[];
  creator: { userId: UserId; nickname: string };
  createdAt: string;
  closed: boolean;
}

/** A point on the shared canvas; 0..1 on both axes, so every screen size agrees. */
export interface CanvasPoint {
  x: number;
  y: number;
}

/** A straight line segment, as a client draws it. */
export interface CanvasSegment {
  from: CanvasPoint;
  to: CanvasPoint;
  /** `#rrggbb`. */
  color: string;
  /** Line width in pixels on a 1000 px wide canvas; scale it to yours. */
  width: number;
}

/** A segment as the server relays and stores it: with who drew it. */
export interface CanvasStroke extends CanvasSegment {
  userId: UserId;
}

/** Everything a member needs on joining a room, sent once in the join ack. */
export interface RoomSnapshot {
  room: RoomName;
  /** The full member list, this once; after it come `presence:diff` events. */
  members: Member[];
  /**
   * Oldest first: the messages that came after `since` when this field is
   * set, otherwise the most recent messages.
   */
  messages: ChatMessage[];
  /**
   * Set (to the id the join asked with) when the server still had that
   * message: `messages` then holds only what came after it, and the client
   * appends them. Absent when the join did not ask, or asked with an id the
   * server no longer has (it restarted without a persistent history, or the
   * message fell out of the bounded history): `messages` is then the recent
   * history, which may overlap what the client holds, so the client merges
   * by id.
   */
  since?: string;
  /** The user ids typing right now. */
  typing: UserId[];
  polls: Poll[];
  /** Your own vote in each poll you voted in: poll id → option id. */
  myVotes: Record<string, string>;
  /** The canvas so far, oldest segment first. */
  canvas: CanvasStroke[];
}
