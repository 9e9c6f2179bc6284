import { fileURLToPath } from 'node:url';
import { type DemoApp, type DemoOptions, securityHeaders } from '@funws/demo-kit';
import express from 'express';
import nunjucks from 'nunjucks';

/**
 * Demo 1: a plain web server. No sockets yet: the browser asks (a request),
 * the server answers (a response), and the conversation is over. Every later
 * demo grows out of this one.
 *
 * If you know Flask: `app.get('/', …)` is `@app.route('/')`, `response.render`
 * is `render_template`, and nunjucks is the JavaScript port of Jinja2, so the
 * templates in `views/` read like Flask templates.
 */
// `options.basePath` tells a demo where it is mounted ('' when alone). This demo
// doesn't need it: every link is relative, so it works at any prefix.
export function createApp(_options: DemoOptions = {}): DemoApp {
  const app = express();
  app.disable('x-powered-by'); // no need to tell the world which server we run

  // Nunjucks renders the templates in `views/`. `autoescape: true` is the
  // important part: every `{{ value }}` is HTML-escaped, so a visitor who puts
  // `<script>` in the query string gets the text "<script>" on the page, not a
  // script that runs. (Jinja2 in Flask does the same for `.html` templates.)
  // `noCache` re-reads a template on every request, so your edits show up on reload.
  const views = fileURLToPath(new URL('../views/', import.meta.url));
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(views, { noCache: true }), {
    autoescape: true,
  });
  env.express(app);
  app.set('view engine', 'njk');

  // Safety headers (a Content Security Policy and friends) for every response.
  app.use(securityHeaders());

  // Links in the templates are relative (`./about`, `style.css`), so the demo also
  // works mounted under a prefix such as `/demos/01-basic-server/` inside the course.
  // A relative link resolves against the current path, so a page deeper down
  // (say the 404 page for `/a/b/c`) needs `../` in front to reach the demo's top.
  // `root` is that prefix, worked out once per request for the layout to use.
  app.use((request, response, next) => {
    const depth = request.path.split('/').length - 2;
    response.locals.root = depth > 0 ? '../'.repeat(depth) : './';
    next();
  });

  // Files in `public/` (the stylesheet) are sent as they are, with the right
  // Content-Type (`text/css` for `.css`). Flask does this for its `static/` folder.
  app.use(express.static(fileURLToPath(new URL('../public/', import.meta.url))));

  // TODO(step 1): Render the home page, greeting the visitor named in the query string

  // TODO(step 2): Render the about page with the same layout

  // TODO(step 3): Answer every other path with a 404 page in the same layout

  return { app };
}
