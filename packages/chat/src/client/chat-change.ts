import type {
  CanvasStroke,
  ChatMessage,
  Member,
  Poll,
  Reaction,
  RoomName,
  RoomSummary,
  Session,
  UserId,
  Whisper,
} from '../protocol/index.ts';
import type { ConnectionStatus, RoomState } from './chat-state.ts';

/**
 * What changed, passed with the new state to every `change` listener. A UI
 * can re-render from the state alone; the change is for side effects such as
 * a sound on a new message or a notification for a whisper.
 *
 * Only real changes are reported: a message that arrives twice (a replay after
 * a reconnection) changes nothing and fires nothing.
 *
 * @example
 * client.on('change', (state, change) => {
 *   if (change.type === 'message' && change.message.userId !== state.session?.userId) ping();
 * });
 */
export type ChatChange =
  /** The connection went up, down or is trying again. */
  | {
      /** Which change this is; narrow on it. */
      type: 'connection';
      /** The new connection status. */
      connection: ConnectionStatus;
    }
  /** The server said who you are (on every connection, a reconnection included). */
  | {
      /** Which change this is; narrow on it. */
      type: 'session';
      /** Your user id, nickname and token. */
      session: Session;
    }
  /** The room list and member counts, from `listRooms` or, while watching, from the server. */
  | {
      /** Which change this is; narrow on it. */
      type: 'room-counts';
      /** Every room with its member count. */
      rooms: RoomSummary[];
    }
  /** You joined a room, or its state was refreshed after a reconnection. */
  | {
      /** Which change this is; narrow on it. */
      type: 'joined';
      /** The room, its name as the server normalised it. */
      room: RoomName;
      /** Everything the client now holds about the room. */
      state: RoomState;
    }
  /** You left a room (or a rejoin after a reconnection was refused). */
  | {
      /** Which change this is; narrow on it. */
      type: 'left';
      /** The room you are no longer in. */
      room: RoomName;
    }
  /** Members came into or went out of a room you are in. */
  | {
      /** Which change this is; narrow on it. */
      type: 'presence';
      /** The room whose member list changed. */
      room: RoomName;
      /** Who arrived. */
      joined: Member[];
      /** The user ids of who went. */
      left: UserId[];
    }
  /** A new message in a room you are in, your own included. */
  | {
      /** Which change this is; narrow on it. */
      type: 'message';
      /** The room it was sent to. */
      room: RoomName;
      /** The message. */
      message: ChatMessage;
    }
  /** Who is typing in a room changed. */
  | {
      /** Which change this is; narrow on it. */
      type: 'typing';
      /** The room. */
      room: RoomName;
      /** Everybody typing there now, except you. */
      userIds: UserId[];
    }
  /** A poll was created, voted in or closed. */
  | {
      /** Which change this is; narrow on it. */
      type: 'poll';
      /** The poll's room. */
      room: RoomName;
      /** The poll as it is now, with its counts. */
      poll: Poll;
    }
  /** Your own vote in a poll changed (from this tab or another of yours). */
  | {
      /** Which change this is; narrow on it. */
      type: 'my-vote';
      /** The poll's room. */
      room: RoomName;
      /** The poll's id. */
      pollId: string;
      /** The option you vote for now; `null` when you have no vote. */
      optionId: string | null;
    }
  /** Somebody added or removed a reaction on a message. */
  | {
      /** Which change this is; narrow on it. */
      type: 'reactions';
      /** The message's room. */
      room: RoomName;
      /** The message's id. */
      messageId: string;
      /** The message's reactions now; empty when nobody reacts. */
      reactions: Reaction[];
    }
  /** Somebody (you included) drew a segment on a room's canvas. */
  | {
      /** Which change this is; narrow on it. */
      type: 'canvas-segment';
      /** The canvas's room. */
      room: RoomName;
      /** The segment, with who drew it. */
      stroke: CanvasStroke;
    }
  /** Somebody cleared a room's canvas. */
  | {
      /** Which change this is; narrow on it. */
      type: 'canvas-cleared';
      /** The canvas's room. */
      room: RoomName;
      /** Who cleared it. */
      by: UserId;
    }
  /** A whisper from you or to you (also one sent from another of your tabs). */
  | {
      /** Which change this is; narrow on it. */
      type: 'whisper';
      /** The whisper. */
      whisper: Whisper;
    };

/**
 * The `type` of a {@link ChatChange}.
 *
 * @example
 * const sounds: Partial<Record<ChatChangeType, string>> = { message: 'pop.mp3', whisper: 'ding.mp3' };
 */
export type ChatChangeType = ChatChange['type'];
