// A typedoc plugin for the course's API pages, loaded by starlight-typedoc
// (see server/api-reference.mjs). Each module's page is its folder's index
// (`entryFileName: 'index'`), which starlight-typedoc does not expect: it links
// to `/api/server/index/`, a page that does not exist, instead of `/api/server/`.
// This fixes those links, and titles each module's page with its import path.
import { PageEvent, ReflectionKind } from 'typedoc';

/** `](/api/server/index/)` or `](/api/server/index/#anchor)`: a link to a module page. */
const moduleIndexLink = /(\]\(\/api\/(?:[^()\s]*\/)?)index\/(?=[)#])/g;

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.on(
    PageEvent.END,
    (page) => {
      if (!page.contents) return;
      let contents = page.contents.replace(moduleIndexLink, '$1');
      if (page.model.kind === ReflectionKind.Module) {
        const title = JSON.stringify(`@funws/chat/${page.model.name}`);
        contents = contents.replace(/^title: .*$/m, `title: ${title}`);
      }
      page.contents = contents;
    },
    // After starlight-typedoc's own listener, which adds the front matter.
    -100,
  );
}
