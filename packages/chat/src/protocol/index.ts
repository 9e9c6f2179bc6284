/**
 * The wire protocol shared by `@funws/chat/server` and `@funws/chat/client`:
 * event maps, payload types, runtime schemas, limits and error codes.
 * It imports nothing else of ours, so anything may import it.
 *
 * @example
 * import type { ClientToServerEvents, ServerToClientEvents } from '@funws/chat/protocol';
 * import { limits } from '@funws/chat/protocol';
 *
 * @module
 */

export type { ChatErrorPayload } from './chat-error.ts';
export { ChatError, isChatError } from './chat-error.ts';
export { confusableSkeleton } from './confusables.ts';
export type { ReactionEmoji } from './emoji.ts';
export { reactionEmoji } from './emoji.ts';
export type { ChatErrorCode } from './error-codes.ts';
export { chatErrorCodes } from './error-codes.ts';
export type {
  Ack,
  AckResult,
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from './events.ts';
export { explainIssue, readableIssues } from './issue-messages.ts';
export type { Limits } from './limits.ts';
export { limits } from './limits.ts';
export type {
  CanvasPoint,
  CanvasSegment,
  CanvasStroke,
  ChatMessage,
  Member,
  Poll,
  PollOption,
  Reaction,
  RoomName,
  RoomSnapshot,
  RoomSummary,
  Session,
  UserId,
  Whisper,
} from './models.ts';
export { nicknameKey, nicknameProblem, normalizeNickname } from './nickname.ts';
export type { ClientEventName, ClientPayload, ParsedClientPayload } from './schemas.ts';
export {
  clientPayloadSchemas,
  handshakeAuthSchema,
  nicknameSchema,
  roomNameSchema,
  textSchema,
} from './schemas.ts';
export { describeCodePoint, textProblem } from './text-rules.ts';
export { parsePayload } from './validate.ts';
