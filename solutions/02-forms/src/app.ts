import { fileURLToPath } from 'node:url';
import { browserCode, type DemoApp, type DemoOptions, securityHeaders } from '@funws/demo-kit';
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import nunjucks from 'nunjucks';
import { type Board, createBoard, MAX_TEXT_LENGTH } from './board.ts';

/** What demo 2's `createApp` accepts: the usual options, and a board (tests pass their own). */
export interface FormsOptions extends DemoOptions {
  board?: Board;
}

/**
 * Demo 2: a message board built from plain HTML forms. The browser sends what
 * you typed in a POST request; the server stores it and answers with a
 * redirect; the browser then asks for the board again. It works, but nobody
 * else sees your message until *they* reload. Demo 3 starts fixing that.
 *
 * `basePath` (where the demo is mounted) is not needed: every URL is relative.
 */
export function createApp({ board = createBoard() }: FormsOptions = {}): DemoApp {
  const app = express();
  app.disable('x-powered-by');

  // Nunjucks (Jinja2 for JavaScript) with autoescape on: every `{{ value }}` is
  // HTML-escaped, so a message containing `<script>` is shown as text.
  const views = fileURLToPath(new URL('../views/', import.meta.url));
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(views, { noCache: true }), {
    autoescape: true,
  });
  // A filter for the template: `{{ m.timestamp | utcTime }}` → "14:03 UTC", the
  // fallback text in each <time>; the browser rewrites it in local time.
  env.addFilter('utcTime', (iso: string) => `${iso.slice(11, 16)} UTC`);
  env.express(app);
  app.set('view engine', 'njk');

  app.use(securityHeaders());
  app.use(express.static(fileURLToPath(new URL('../public/', import.meta.url))));
  // A few lines of browser code that show times in your own time zone.
  app.use('/js', browserCode(new URL('./client/', import.meta.url)));

  // Only POSTs change anything, so only they need the cross-site check below.
  app.use(refuseCrossSitePosts);

  // Turns the form's `text=Hello+there` body into `request.body.text`. The limit
  // keeps a giant body from eating memory (500 characters fit easily in 16 KiB).
  app.use(express.urlencoded({ extended: false, limit: '16kb' }));

  /** Renders the board; on a failed post, with the error and what the visitor typed. */
  const showBoard = (response: Response, status = 200, form = { draft: '', error: '' }) => {
    response.status(status).render('board.njk', {
      messages: board.newestFirst(),
      maxLength: MAX_TEXT_LENGTH,
      ...form,
    });
  };

  // #region step-1: Show the board with every message at GET /
  app.get('/', (_request, response) => {
    showBoard(response);
  });
  // #endregion step-1

  app.post('/messages', (request, response, next) => {
    // A form field can be missing, or sent twice (then it's an array): only a
    // single string counts. Anything else is treated as empty.
    const body: unknown = request.body;
    const field = typeof body === 'object' && body !== null && 'text' in body ? body.text : '';
    const typed = typeof field === 'string' ? field : '';

    // #region step-3: Refuse an empty or over-long message with status 400, keeping what was typed
    // Your form has `required` and `maxlength`, but anyone can send a POST without
    // your form (curl, a script), so the server checks for itself. It answers
    // 400 Bad Request with the form again, the error, and the visitor's text.
    const trimmed = typed.trim();
    if (trimmed.length === 0) {
      showBoard(response, 400, { draft: typed, error: 'Please type a message first.' });
      return;
    }
    if (trimmed.length > MAX_TEXT_LENGTH) {
      const error = `Messages can be at most ${MAX_TEXT_LENGTH} characters; yours has ${trimmed.length}.`;
      showBoard(response, 400, { draft: typed, error });
      return;
    }
    // #endregion step-3

    // #region step-2: Store the message, then redirect back to the board (post/redirect/get)
    // The server, not the browser, sets the id and the time (see board.ts).
    board.add(typed.trim());
    // Post/Redirect/Get: instead of answering the POST with a page, we answer
    // "303 See Other: go to ./". The browser then GETs the board. Why bother?
    // If the last request were the POST, pressing reload (or Back) would send
    // the POST again and post the message twice. After the redirect, the last
    // request is a harmless GET, so reloading just reloads.
    // `./` is relative: from `/messages` it means `/`, from `/demos/02-forms/messages`
    // it means `/demos/02-forms/`.
    response.redirect(303, './');
    // #endregion step-2

    // A request that no code answers leaves the browser waiting forever. If
    // nothing above has answered (yet: say, while step 2 is still to do), pass
    // it on to the "not found" handler at the end, which always answers.
    if (!response.headersSent) next();
  });

  app.post('/clear', (_request, response) => {
    board.clear();
    response.redirect(303, './'); // post/redirect/get again
  });

  // Any other address: a plain 404 instead of Express's bare "Cannot GET".
  app.use((_request, response) => {
    response.status(404).type('text/plain').send('Not found. The message board is at ./\n');
  });

  // Errors end up here (Express knows an error handler by its four parameters).
  // Without it, Express would answer with its own page, stack trace included
  // while you develop: too much to show a visitor, and nothing they can act on.
  app.use(((error, _request, response, _next) => {
    // express.urlencoded refused a body over its 16 KiB limit: say so in words.
    if ((error as { status?: unknown }).status === 413) {
      showBoard(response, 413, {
        draft: '',
        error: `That message is far too long to send (the limit is ${MAX_TEXT_LENGTH} characters).`,
      });
      return;
    }
    console.error(error);
    response.status(500).type('text/plain').send('Sorry, the server failed. Try again.\n');
  }) satisfies ErrorRequestHandler);

  return { app };
}

/**
 * Refuses a POST sent by a page on another site: cross-site request forgery
 * (CSRF). Any web page you visit can contain a form that posts to
 * http://127.0.0.1:5002/clear and submit it with a script; your browser would
 * send it. The classic defence is a secret token in every form. Modern browsers
 * make a token-free defence possible: they say where a request comes from.
 */
const refuseCrossSitePosts: RequestHandler = (request, response, next) => {
  if (request.method !== 'POST') {
    next();
    return;
  }
  // #region step-4: Refuse form posts that come from another site
  // `Sec-Fetch-Site` is set by the browser itself (a page's script cannot change it):
  // `same-origin` = a page of this very server, `none` = the user typed the address,
  // `same-site` = another port or subdomain of the same site, `cross-site` = elsewhere.
  // We accept only the first two. (`same-site` is refused too: on your laptop every
  // other dev server on localhost is "same site".)
  const site = request.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    refuse(response, `Sec-Fetch-Site is "${site}"`);
    return;
  }
  // Older browsers don't send Sec-Fetch-Site. Then we compare the `Origin` header
  // (the site of the page that sent the form) with the `Host` this request was
  // sent to. No Origin at all means no web page sent it (e.g. curl): allowed.
  const origin = request.get('origin');
  if (site === undefined && origin !== undefined && !sameHost(origin, request.get('host'))) {
    refuse(response, `the request comes from ${origin}`);
    return;
  }
  // #endregion step-4
  next();
};

/** True when `origin` (e.g. `http://127.0.0.1:5002`) names the same host and port as `host`. */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // `Origin: null` (sandboxed pages, some redirects) or garbage: refuse
  }
}

function refuse(response: Response, why: string): void {
  response
    .status(403)
    .type('text/plain')
    .send(
      `Refused: this form was posted from another site (${why}).\n` +
        'This board only accepts posts from its own pages. That is its defence against ' +
        'cross-site request forgery (CSRF), where another site makes your browser post for you.\n',
    );
}
