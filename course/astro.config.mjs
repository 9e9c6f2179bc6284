// The course site: Astro + Starlight. `npm start` (server/main.ts) builds it and
// serves it with every demo mounted; `npm run dev` runs `astro dev` with the
// same demos mounted by the integration in server/integration.mjs.
import { existsSync } from 'node:fs';
import starlight from '@astrojs/starlight';
import course from '@funws/catalogue/catalogue.json' with { type: 'json' };
import { defineConfig } from 'astro/config';
import starlightTypeDoc, { typeDocSidebarGroup } from 'starlight-typedoc';
// Vite's default resolve conditions. Astro 5 runs its own Vite 6, whose
// defaults are the same as those of the Vite hoisted at the repository root.
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { apiReferenceOptions } from './server/api-reference.mjs';
import { courseDemos } from './server/integration.mjs';

// A lesson still being written is left out of the sidebar instead of failing the build.
const lessonExists = (slug) =>
  ['mdx', 'md'].some((ext) =>
    existsSync(new URL(`./src/content/docs/lessons/${slug}.${ext}`, import.meta.url)),
  );
const lessonItems = (slugs) => slugs.filter(lessonExists).map((slug) => `lessons/${slug}`);

// `@funws/source` makes `@funws/chat/client` resolve to the library's TypeScript
// sources, so the course needs no build step of the library.
const sourceCondition = '@funws/source';

export default defineConfig({
  site: 'http://localhost:4321',
  // `npm run dev` listens where `npm start` does: 127.0.0.1:4321, HOST and PORT override.
  server: { host: process.env.HOST || '127.0.0.1', port: Number(process.env.PORT) || 4321 },
  // Former lesson addresses lead to today's, in the static build and `npm run dev`
  // (`npm start` answers them with a 308 first, from server/mount-all.ts). This
  // is `lessonRedirects()` of @funws/catalogue, spelled out from the JSON: Astro
  // first imports this file with Node's own loader, which cannot load TypeScript
  // (and would then keep that failure for the dev server's imports too). The
  // browser tests check that every redirect lessonRedirects() names is built.
  redirects: Object.fromEntries(
    [
      ...Object.entries(course.renamedLessons),
      ...course.demos
        .filter((demo) => demo.folder !== demo.lesson)
        .map((demo) => [demo.folder, demo.lesson]),
    ].map(([from, to]) => [`/lessons/${from}`, `/lessons/${to}/`]),
  ),
  integrations: [
    starlight({
      title: 'Fun with WebSockets',
      description:
        'Learn WebSockets and Socket.IO in TypeScript: lessons with live demos, exercises and a typed chat library.',
      customCss: ['./src/styles/site.css', './src/styles/cells.css'],
      pagination: true,
      // The API reference of @funws/chat, generated from its doc comments (server/api-reference.mjs).
      plugins: [starlightTypeDoc(apiReferenceOptions())],
      sidebar: [
        { label: 'Start here', items: lessonItems([course.welcome]) },
        { label: 'Lessons', items: lessonItems(course.lessons) },
        { label: 'Playground', link: '/playground/' },
        typeDocSidebarGroup,
      ],
    }),
    courseDemos(),
  ],
  vite: {
    // A taken port is an error that names it, not a silent move to the next port:
    // the live demos, the CLI's lesson links and your bookmarks all expect 4321.
    server: { strictPort: true },
    resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
    ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
  },
});
