import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestHandler } from 'express';

/**
 * The API reference used to be typedoc's own HTML site at `/api/`; it is now
 * part of the course (starlight-typedoc). Its old addresses, in bookmarks and
 * old notes, lead to the new pages:
 *
 * - `/api/functions/server.createChatServer.html` → `/api/server/functions/createchatserver/`
 * - `/api/modules/client.html` → `/api/client/`
 * - anything else that ends in `.html` (`index.html`, `modules.html`, `hierarchy.html`,
 *   a page that no longer exists) → `/api/`
 */

/** typedoc's HTML folders, and the folder of the same pages in the course. */
const kindFolders: Readonly<Record<string, string>> = {
  classes: 'classes',
  functions: 'functions',
  interfaces: 'interfaces',
  types: 'type-aliases',
  variables: 'variables',
};

/**
 * Where an old typedoc address lives now, or undefined when `path` is not one.
 *
 * @example
 * newApiPath('/api/types/protocol.RoomName.html'); // '/api/protocol/type-aliases/roomname/'
 */
export function newApiPath(path: string): string | undefined {
  const match = /^\/api\/(?:([a-z]+)\/)?([\w.-]+)\.html$/.exec(path);
  if (!match) return undefined;
  const [, folder, name = ''] = match;
  if (folder === 'modules') return `/api/${name.toLowerCase()}/`;
  const kind = folder ? kindFolders[folder] : undefined;
  const dot = name.indexOf('.');
  if (!kind || dot < 1) return '/api/';
  const module = name.slice(0, dot).toLowerCase();
  const member = name.slice(dot + 1).toLowerCase();
  return `/api/${module}/${kind}/${member}/`;
}

/**
 * Redirects old typedoc addresses (301) to the page that exists in `dir`, or
 * to the reference's first page when the member is gone.
 *
 * @example
 * app.use(apiRedirects(distDir));
 */
export function apiRedirects(dir: string): RequestHandler {
  return (request, response, next) => {
    const target =
      request.method === 'GET' || request.method === 'HEAD' ? newApiPath(request.path) : undefined;
    if (!target) return next();
    const exists = existsSync(join(dir, target, 'index.html'));
    response.redirect(301, exists ? target : '/api/');
  };
}
