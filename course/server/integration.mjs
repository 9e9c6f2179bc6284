// The Astro integration that makes `npm run dev` serve the live demos too: on
// Vite's dev server it mounts what `npm start` mounts (server/mount-all.ts,
// through server/dev-mount.ts).
//
// Plain JavaScript, and careful with imports: Astro may evaluate this file in
// a Vite module runner that is closed once the config is loaded, so the
// TypeScript server code is loaded later with Node's own import().
import { register } from 'node:module';

/** Node's import(), out of reach of Vite's rewriting of dynamic imports. */
const nativeImport = new Function('specifier', 'return import(specifier)');

let typescriptReady;

/** Lets this Node process import TypeScript (tsx), resolving `@funws/*` to sources. */
function enableTypeScript() {
  typescriptReady ??= (async () => {
    register(new URL('./source-condition.mjs', import.meta.url).href, import.meta.url);
    const tsx = await nativeImport('tsx/esm/api');
    tsx.register();
  })();
  return typescriptReady;
}

/** @returns {import('astro').AstroIntegration} */
export function courseDemos() {
  return {
    name: 'funws:course-demos',
    hooks: {
      'astro:server:setup': async ({ server, logger }) => {
        const httpServer = server.httpServer;
        if (!httpServer) {
          // Astro also starts Vite in middleware mode for internal work: nothing to mount there.
          logger.debug('No http server (middleware mode): the live demos are not mounted here.');
          return;
        }
        try {
          await enableTypeScript();
          const { mountForDev } = await nativeImport(
            new URL('./dev-mount.ts', import.meta.url).href,
          );
          const mounted = await mountForDev(httpServer, (message) => logger.error(message));
          server.middlewares.use((request, response, next) =>
            mounted.handle(request, response, next),
          );
          httpServer.once('close', () => void mounted.close());
          logger.info(
            `Mounted ${mounted.demoCount} live demos, the playground, the inspector and the lab.`,
          );
        } catch (error) {
          logger.error(
            'The live demos could not be mounted; lessons still render, but their demo panes will not work.\n' +
              (error instanceof Error ? (error.stack ?? error.message) : String(error)),
          );
        }
      },
    },
  };
}
