import type { CanvasStroke } from '../protocol/index.ts';
import type { Feature } from './handle-event.ts';
import { requireMembership } from './internal-rooms.ts';

/**
 * `canvas:draw`: one segment on a room's canvas. It is kept (bounded) for
 * late joiners and relayed to everyone in the room but the sending socket,
 * which drew it locally already; the drawer's other tabs do get it.
 */
export const drawSegment: Feature<'canvas:draw'> = async (ctx, socket, { room, segment }) => {
  requireMembership(socket, room);
  const stroke: CanvasStroke = { ...segment, userId: socket.data.userId };
  await ctx.stores.canvas.append(room, stroke, ctx.options.limits.canvasSegmentsPerRoom);
  socket.to(room).emit('canvas:segment', { room, stroke });
  return {};
};

/** `canvas:clear`: empties a room's canvas for everyone in it, the clearer included. */
export const clearCanvas: Feature<'canvas:clear'> = async (ctx, socket, { room }) => {
  requireMembership(socket, room);
  await ctx.stores.canvas.clear(room);
  ctx.io.to(room).emit('canvas:cleared', { room, by: socket.data.userId });
  return {};
};
