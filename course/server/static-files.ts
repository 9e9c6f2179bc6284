import { join, sep } from 'node:path';
import compression from 'compression';
import express, { type Request, type RequestHandler, type Response } from 'express';

/** How long a browser may keep a hashed asset: a year, the usual "forever". */
export const immutableCacheControl = 'public, max-age=31536000, immutable';
/** Everything else: keep it, but ask the server (an ETag round trip) before using it. */
export const revalidateCacheControl = 'no-cache';

/**
 * gzip or brotli, whichever the browser prefers, for every compressible
 * response. Server-Sent Events are left alone: a compressor holds bytes back
 * until it has enough to squeeze, and an event stream must reach the page the
 * moment each event is written. The inspector's stream also says
 * `Cache-Control: no-transform`, which `compression` honours; the filter keeps
 * any event stream safe, whatever its headers.
 *
 * @example
 * app.use(courseCompression());
 */
export function courseCompression(): RequestHandler {
  return compression({
    filter(request: Request, response: Response) {
      const type = String(response.getHeader('Content-Type') ?? '');
      if (type.startsWith('text/event-stream')) return false;
      return compression.filter(request, response);
    },
  });
}

/**
 * The built site (`course/dist`): Astro names what it bundles under `/_astro/`
 * by content hash, so those files never change and are cached for good;
 * pages and everything else keep their names across builds, so the browser
 * revalidates them. Browsers still ask for `/favicon.ico` now and then;
 * Starlight's icon is `/favicon.svg`.
 *
 * @example
 * app.use(staticSite(distDir));
 */
export function staticSite(dir: string): RequestHandler {
  const hashed = join(dir, '_astro') + sep;
  const files = express.static(dir, {
    setHeaders(response, path) {
      response.setHeader(
        'Cache-Control',
        path.startsWith(hashed) ? immutableCacheControl : revalidateCacheControl,
      );
    },
  });
  const router = express.Router();
  router.get('/favicon.ico', (_request, response) => response.redirect(301, '/favicon.svg'));
  router.use(files);
  return router;
}
