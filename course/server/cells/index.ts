import { fileURLToPath } from 'node:url';
import { demos } from '@funws/catalogue';
import { createHostAllowlist, type HostAllowlist } from '@funws/chat/server';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { type CheckOptions, createCheckHandler } from './check-my-work.ts';
import { type ClientCells, createClientCells } from './client-cells.ts';
import { createTokenStore, type TokenStore } from './page-tokens.ts';
import { answer, refuseForeign, tokenHeader } from './request-guard.ts';

/**
 * The server side of the lesson cells that do something, mounted at `/cells`:
 *
 * - `POST /cells/token`: a page token for this page (same origin only);
 * - `POST /cells/check/<exercise>` (with the page token): "Check my work",
 *   the exercise's step tests on the learner's copy, streamed step by step;
 * - `POST /cells/ticket` `{ demo }` (with the page token): a single-use ticket
 *   for a client cell's connection to that demo;
 * - `GET /cells/runner/`: the sandboxed page a client cell's code runs in.
 */
export interface Cells {
  router: Router;
  /** Lets client cells connect to a demo's socket.io (see client-cells.ts). */
  admit: ClientCells['admit'];
}

export interface CellsOptions extends Partial<CheckOptions> {
  /** The repository whose `exercises/` are checked. Default: this one. */
  root?: string;
  /** Host names the cells answer to. Default: the loopback names. */
  allowedHosts?: HostAllowlist;
  tokens?: TokenStore;
}

/** This repository: the one whose `exercises/` a learner edits. */
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function createCells(options: CellsOptions = {}): Cells {
  const allowedHosts = options.allowedHosts ?? createHostAllowlist();
  const tokens = options.tokens ?? createTokenStore();
  const clientCells = createClientCells(tokens, allowedHosts);
  const router = Router();

  /** Same origin and an allowed Host, always; a page token where `withToken`. */
  const guard =
    (withToken: boolean) => (request: Request, response: Response, next: NextFunction) => {
      const refusal = refuseForeign(request, allowedHosts);
      if (refusal) return answer(response, refusal);
      if (withToken && !tokens.verify(request.get(tokenHeader), 'page')) {
        return answer(response, {
          status: 403,
          code: 'token_invalid',
          message: `This needs the page's token in the ${tokenHeader} header, from POST /cells/token; it was missing or has expired. Reload the page.`,
        });
      }
      next();
    };

  router.post('/token', guard(false), (_request, response) => {
    response.set('Cache-Control', 'no-store').json({ ok: true, token: tokens.issue('page') });
  });

  const checkOptions: CheckOptions = { root: options.root ?? repositoryRoot };
  if (options.progressMs !== undefined) checkOptions.progressMs = options.progressMs;
  if (options.run !== undefined) checkOptions.run = options.run;
  router.post('/check/:exercise', guard(true), createCheckHandler(checkOptions));

  router.post(
    '/ticket',
    guard(true),
    express.json({ limit: '1kb' }),
    (request: Request, response: Response) => {
      const demo: unknown = (request.body as { demo?: unknown } | undefined)?.demo;
      if (typeof demo !== 'string' || !demos.some((entry) => entry.folder === demo)) {
        return answer(response, {
          status: 400,
          code: 'unknown_demo',
          message: `A ticket is for one demo: send { "demo": "<folder>" } with one of ${demos.map((entry) => entry.folder).join(', ')}.`,
        });
      }
      response
        .set('Cache-Control', 'no-store')
        .json({ ok: true, ticket: clientCells.ticket(demo) });
    },
  );

  router.use(clientCells.router);
  // A body that is not JSON (or too big) gets a typed answer, not Express's HTML page.
  router.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    answer(response, {
      status: 400,
      code: 'invalid_payload',
      message: `Send a small JSON body, e.g. { "demo": "04-broadcast-chat" }: ${error instanceof Error ? error.message : String(error)}`,
    });
  });
  return { router, admit: clientCells.admit };
}
