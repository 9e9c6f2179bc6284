import { clearCanvas, drawSegment } from './canvas.ts';
import type { Features } from './handle-event.ts';
import { sendMessage } from './messages.ts';
import { closePoll, createPoll, votePoll } from './polls.ts';
import { toggleReaction } from './reactions.ts';
import { joinRoom, leaveRoom, listRooms, switchRoom } from './rooms.ts';
import { startTyping, stopTyping } from './typing.ts';
import { sendWhisper } from './whispers.ts';

/** Which feature handles each client→server event; the type makes sure none is missing. */
export const features: Features = {
  'room:list': listRooms,
  'room:join': joinRoom,
  'room:leave': leaveRoom,
  'room:switch': switchRoom,
  'message:send': sendMessage,
  'whisper:send': sendWhisper,
  'typing:start': startTyping,
  'typing:stop': stopTyping,
  'poll:create': createPoll,
  'poll:vote': votePoll,
  'poll:close': closePoll,
  'reaction:toggle': toggleReaction,
  'canvas:draw': drawSegment,
  'canvas:clear': clearCanvas,
};
