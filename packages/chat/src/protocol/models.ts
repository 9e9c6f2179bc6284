import type { ReactionEmoji } from './emoji.ts';

/**
 * A user id the server assigned. Opaque: do not parse it.
 *
 * @example
 * const isMine = (message: ChatMessage, me: UserId) => message.userId === me;
 */
export type UserId = string;

/**
 * A room's name: lower-case letters, digits and dashes, e.g. `general`.
 *
 * @example
 * const room: RoomName = 'general';
 * await client.join(room);
 */
export type RoomName = string;

/**
 * Who you are, as the server sees you. Sent once on every connection.
 *
 * @example
 * const session: Session = await client.connect();
 * console.log(`Signed in as ${session.nickname}`);
 */
export interface Session {
  /** Your user id: the same on every tab and reconnection that presents `token`. */
  userId: UserId;
  /** Your nickname as the server normalised it (trimmed, NFKC), which may differ from what you typed. */
  nickname: string;
  /**
   * Present this on the next connection (`auth.token`) to stay the same user:
   * several tabs with one token are one member. Keep it like a password.
   */
  token: string;
}

/**
 * A member of a room. One user with several tabs open is one member.
 *
 * @example
 * const names = (members: readonly Member[]) => members.map((member) => member.nickname).join(', ');
 */
export interface Member {
  /** The member's user id; compare ids, not nicknames, to know who is who. */
  userId: UserId;
  /** The member's nickname, as shown to everybody. */
  nickname: string;
  /** When the user joined the room, ISO 8601, set by the server. */
  joinedAt: string;
}

/**
 * A room and how many members it has.
 *
 * @example
 * const rooms: RoomSummary[] = await client.listRooms();
 * const labels = rooms.map((room) => `${room.name} (${room.members})`);
 */
export interface RoomSummary {
  /** The room's name. */
  name: RoomName;
  /** How many members are in it now (users, not tabs). */
  members: number;
}

/**
 * Who reacted to a message with one emoji.
 *
 * @example
 * const label = (reaction: Reaction) => `${reaction.emoji} ${reaction.userIds.length}`;
 */
export interface Reaction {
  /** The emoji, one of `reactionEmoji`. */
  emoji: ReactionEmoji;
  /** Who reacts with it, in the order they reacted; its length is the count to show. */
  userIds: UserId[];
}

/**
 * A chat message. Every field is set by the server, never taken from the client.
 *
 * @example
 * const message: ChatMessage = await client.send('general', 'hello');
 * console.log(message.id, message.timestamp);
 */
export interface ChatMessage {
  /** A unique id (a UUID): reactions name the message by it, and a client merges replays by it. */
  id: string;
  /** The room it was sent to. */
  room: RoomName;
  /** The sender's user id. */
  userId: UserId;
  /** The sender's nickname when the message was sent. */
  nickname: string;
  /** The text, trimmed, 1–2000 characters; plain text, so render it as text, never as HTML. */
  text: string;
  /** ISO 8601, set by the server. */
  timestamp: string;
  /** Only emoji somebody currently reacts with; empty when nobody reacted. */
  reactions: Reaction[];
}

/**
 * A private message. Only the sender's and the recipient's sockets ever see it.
 *
 * @example
 * const whisper: Whisper = await client.whisper(member.userId, 'psst');
 * console.log(`to ${whisper.to.nickname}: ${whisper.text}`);
 */
export interface Whisper {
  /** A unique id (a UUID). */
  id: string;
  /** Who sent it. */
  from: {
    /** The sender's user id. */
    userId: UserId;
    /** The sender's nickname. */
    nickname: string;
  };
  /** Who it is for. */
  to: {
    /** The recipient's user id. */
    userId: UserId;
    /** The recipient's nickname. */
    nickname: string;
  };
  /** The text, trimmed, 1–2000 characters; plain text. */
  text: string;
  /** When the server received it, ISO 8601. */
  timestamp: string;
}

/**
 * One answer of a poll, with its vote count.
 *
 * @example
 * const totalVotes = (options: PollOption[]) => options.reduce((sum, option) => sum + option.votes, 0);
 */
export interface PollOption {
  /** The option's id: vote with it (`poll:vote`'s `optionId`). */
  id: string;
  /** The answer as its creator wrote it, 1–80 characters. */
  text: string;
  /** How many users vote for it now (one vote per user; changing a vote moves it). */
  votes: number;
}

/**
 * A poll: counts are public, who voted for what is not.
 *
 * @example
 * const poll: Poll = await client.createPoll('general', 'Lunch?', ['Pizza', 'Sushi']);
 * const [first] = poll.options;
 * if (first) await client.vote(poll.id, first.id);
 */
export interface Poll {
  /** The poll's id: vote and close with it. */
  id: string;
  /** The room it belongs to; only its members see it. */
  room: RoomName;
  /** The question, 1–200 characters. */
  question: string;
  /** The answers, 2–6 of them, in the creator's order, with their counts. */
  options: PollOption[];
  /** Who created it; only they may close it. */
  creator: {
    /** The creator's user id. */
    userId: UserId;
    /** The creator's nickname. */
    nickname: string;
  };
  /** When it was created, ISO 8601, set by the server. */
  createdAt: string;
  /** True once its creator closed it: the counts are final and votes are refused. */
  closed: boolean;
}

/**
 * A point on the shared canvas; 0..1 on both axes, so every screen size agrees.
 *
 * @example
 * const toPoint = (event: MouseEvent, canvas: HTMLCanvasElement): CanvasPoint => ({
 *   x: event.offsetX / canvas.clientWidth,
 *   y: event.offsetY / canvas.clientHeight,
 * });
 */
export interface CanvasPoint {
  /** From the left edge (0) to the right edge (1). */
  x: number;
  /** From the top edge (0) to the bottom edge (1). */
  y: number;
}

/**
 * A straight line segment, as a client draws it.
 *
 * @example
 * const segment: CanvasSegment = { from: { x: 0.1, y: 0.1 }, to: { x: 0.5, y: 0.5 }, color: '#ff0000', width: 4 };
 * await client.draw('general', segment);
 */
export interface CanvasSegment {
  /** Where the line starts. */
  from: CanvasPoint;
  /** Where the line ends. */
  to: CanvasPoint;
  /** `#rrggbb`. */
  color: string;
  /** Line width in pixels on a 1000 px wide canvas; scale it to yours. */
  width: number;
}

/**
 * A segment as the server relays and stores it: with who drew it.
 *
 * @example
 * function paint(context: CanvasRenderingContext2D, stroke: CanvasStroke): void {
 *   const { width, height } = context.canvas;
 *   context.strokeStyle = stroke.color;
 *   context.lineWidth = (stroke.width * width) / 1000;
 *   context.beginPath();
 *   context.moveTo(stroke.from.x * width, stroke.from.y * height);
 *   context.lineTo(stroke.to.x * width, stroke.to.y * height);
 *   context.stroke();
 * }
 */
export interface CanvasStroke extends CanvasSegment {
  /** Who drew it, set by the server. */
  userId: UserId;
}

/**
 * Everything a member needs on joining a room, sent once in the join ack.
 *
 * @example
 * const snapshot: RoomSnapshot = await client.join('general');
 * console.log(`${snapshot.members.length} here, ${snapshot.messages.length} recent messages`);
 */
export interface RoomSnapshot {
  /** The room you joined, its name normalised (trimmed, lower-case). */
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
  /** The room's polls, open and closed, oldest first (the server keeps `limits.pollsPerRoom`, 20 by default). */
  polls: Poll[];
  /** Your own vote in each poll you voted in: poll id → option id. */
  myVotes: Record<string, string>;
  /** The canvas so far, oldest segment first. */
  canvas: CanvasStroke[];
}
