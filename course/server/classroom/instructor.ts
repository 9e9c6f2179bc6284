import { checkRequestOrigin, type HostAllowlist } from '@funws/chat/server';
import { browserCode } from '@funws/demo-kit';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { dashboardCss, dashboardPage } from './dashboard-page.ts';
import type { ActionResult, ClassroomRoom } from './room.ts';
import { roleOf } from './who.ts';

/** The actions `POST /instructor/api/actions` takes. */
export type InstructorAction =
  | { action: 'lock' | 'unlock' | 'clear-canvas' | 'clear-chat'; demo: string }
  | { action: 'mute' | 'unmute' | 'remove'; nickname: string }
  | { action: 'reset-all' };

/**
 * `/instructor`: the dashboard page, `GET /instructor/api/state` (what it
 * shows) and `POST /instructor/api/actions` (what its buttons do). The
 * instructor's computer only: the gate already keeps students out, and this
 * checks again. Actions also need a same-origin JSON request, so another
 * website open in the instructor's browser cannot press the buttons.
 */
export function createInstructorRouter(
  room: ClassroomRoom,
  options: { allowedHosts: HostAllowlist; trustProxy: boolean },
): Router {
  const router = Router();
  router.use((request: Request, response: Response, next: NextFunction) => {
    if (roleOf(request, options.trustProxy) !== 'instructor') {
      return fail(
        response,
        403,
        'instructor_only',
        'The dashboard opens on the instructor’s computer only.',
      );
    }
    response.set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    next();
  });
  router.get('/', (_request, response) => {
    response
      .set(
        'Content-Security-Policy',
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      )
      .type('html')
      .send(dashboardPage);
  });
  router.get('/dashboard.css', (_request, response) => {
    response.type('css').send(dashboardCss);
  });
  router.use('/js', browserCode(new URL('./dashboard/', import.meta.url)));
  router.get('/api/state', (_request, response) => {
    response.json({ ok: true, ...room.state() });
  });
  router.post('/api/actions', express.json({ limit: '2kb' }), async (request, response) => {
    const origin = checkRequestOrigin(request, { allowedHosts: options.allowedHosts });
    if (!origin.ok || request.headers.origin === undefined) {
      return fail(
        response,
        403,
        'cross_origin',
        'Actions come from the dashboard page itself (same origin).',
      );
    }
    const result = await run(room, request.body as unknown);
    response.status(result.ok ? 200 : 400).json(result);
  });
  router.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    fail(
      response,
      400,
      'invalid_payload',
      'Send a small JSON body such as { "action": "reset-all" }.',
    );
  });
  return router;
}

/** Runs one action from an untrusted body. */
export async function run(room: ClassroomRoom, body: unknown): Promise<ActionResult> {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { action, demo, nickname } = fields;
  const needs = (value: unknown): value is string =>
    typeof value === 'string' && value.length > 0 && value.length <= 64;
  switch (action) {
    case 'lock':
    case 'unlock':
      if (!needs(demo)) break;
      return room.lock(demo, action === 'lock');
    case 'clear-canvas':
      if (!needs(demo)) break;
      return room.clearCanvas(demo);
    case 'clear-chat':
      if (!needs(demo)) break;
      return room.clearChat(demo);
    case 'mute':
    case 'unmute':
      if (!needs(nickname)) break;
      return room.mute(nickname, action === 'mute');
    case 'remove':
      if (!needs(nickname)) break;
      return room.remove(nickname);
    case 'reset-all':
      return room.resetAll();
  }
  return {
    ok: false,
    error: {
      code: 'invalid_action',
      message: `Expected { action: 'lock' | 'unlock' | 'clear-canvas' | 'clear-chat', demo } or { action: 'mute' | 'unmute' | 'remove', nickname } or { action: 'reset-all' }; received ${JSON.stringify(body)?.slice(0, 120)}.`,
    },
  };
}

function fail(response: Response, status: number, code: string, message: string): void {
  response.status(status).json({ ok: false, error: { code, message } });
}
