/**
 * The lesson side of a client cell: an editor holding a short client snippet,
 * Run and Reset, and the output. Each Run starts a fresh runner (a sandboxed
 * iframe, see server/cells/client-cells.ts for why it is safe), gets a
 * single-use ticket for the lesson's demo, and hands the runner the code.
 * Output comes back as messages and goes in with textContent only.
 */
import { cellsPost, errorOf } from './page-token.ts';
import { isRunnerMessage, type RunnerMessage, type RunRequest } from './runner/messages.ts';

/** The editor the cell shows: a plain textarea first, CodeMirror once it has loaded. */
export interface CellEditor {
  value(): string;
  set(text: string): void;
}

const statusText: Record<Extract<RunnerMessage, { kind: 'status' }>['state'], string> = {
  connecting: 'Connecting to the demo…',
  connected: 'Connected.',
  running: 'Running…',
  finished:
    'Done. The socket stays open, so its listeners keep printing until you Run again or Reset.',
  failed:
    'Your code stopped with an error (in the output). The socket stays open: fix the code and Run again, or Reset.',
  disconnected: 'Disconnected.',
};

/** The runner's address: the demo, `pane=cell`, and what the live demo's panes carry besides. */
export function runnerUrl(demo: string, paneSource?: string | null): string {
  const url = new URL('/cells/runner/', location.href);
  if (paneSource) {
    for (const [key, value] of new URL(paneSource, location.href).searchParams) {
      if (key !== 'pane' && key !== 'demo') url.searchParams.set(key, value);
    }
  }
  url.searchParams.set('demo', demo);
  url.searchParams.set('pane', 'cell');
  return url.pathname + url.search;
}

/** Wires one `[data-client-cell]` section. */
export function startClientCell(section: HTMLElement): void {
  const demo = section.dataset.clientCell ?? '';
  const original = section.dataset.code ?? '';
  const textarea = section.querySelector<HTMLTextAreaElement>('[data-code-input]');
  const output = section.querySelector<HTMLOListElement>('[data-output]');
  const status = section.querySelector<HTMLElement>('[data-status]');
  const runButton = section.querySelector<HTMLButtonElement>('[data-run]');
  const resetButton = section.querySelector<HTMLButtonElement>('[data-reset]');
  if (!textarea || !output || !status || !runButton || !resetButton) return;

  let editor: CellEditor = {
    value: () => textarea.value,
    set: (text) => {
      textarea.value = text;
    },
  };
  let runner: HTMLIFrameElement | undefined;
  let stopListening: (() => void) | undefined;

  // CodeMirror is loaded when the cell comes near the screen (or is touched),
  // not with the page: most readers never scroll this far.
  let upgrading: Promise<void> | undefined;
  const upgrade = () => {
    upgrading ??= import('./code-editor.ts')
      .then(({ mountCodeEditor }) => {
        editor = mountCodeEditor(textarea, editor.value());
        section.dataset.editor = 'codemirror';
      })
      .catch((error: unknown) => {
        console.warn('The code editor did not load; the plain text box stays.', error);
      });
    return upgrading;
  };
  const near = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        near.disconnect();
        void upgrade();
      }
    },
    { rootMargin: '600px 0px' },
  );
  near.observe(section);
  textarea.addEventListener('focus', () => void upgrade(), { once: true });

  const print = (level: 'log' | 'error' | 'note', text: string) => {
    const line = document.createElement('li');
    line.className = `client-cell__line client-cell__line--${level}`;
    line.textContent = text;
    output.append(line);
    output.scrollTop = output.scrollHeight;
  };
  const setStatus = (text: string) => {
    status.textContent = text;
  };

  const stop = () => {
    stopListening?.();
    stopListening = undefined;
    runner?.remove(); // closes its socket
    runner = undefined;
  };

  runButton.addEventListener('click', () => {
    stop();
    output.replaceChildren();
    const code = editor.value();
    const frame = document.createElement('iframe');
    // Scripts only: no same origin, so the code cannot reach this page.
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.className = 'client-cell__runner';
    frame.title = `Runs the cell's code against the demo ${demo}`;
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    const pane = document.querySelector(`[data-live-demo="${CSS.escape(demo)}"] iframe`);
    frame.src = runnerUrl(demo, pane?.getAttribute('src'));
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || !isRunnerMessage(event.data)) return;
      const message = event.data;
      if (message.kind === 'ready') void start(frame, code);
      else if (message.kind === 'status') setStatus(statusText[message.state]);
      else print(message.level, message.text);
    };
    window.addEventListener('message', onMessage);
    stopListening = () => window.removeEventListener('message', onMessage);
    runner = frame;
    setStatus('Starting…');
    section.append(frame);
  });

  const start = async (frame: HTMLIFrameElement, code: string) => {
    try {
      const response = await cellsPost('ticket', { demo });
      if (!response.ok) throw await errorOf(response);
      const { ticket } = (await response.json()) as { ticket: string };
      const request: RunRequest = { kind: 'run', code, ticket };
      // '*' because the runner's origin is opaque: it has no name to address.
      // It is the iframe this cell just made, and the ticket opens one connection to one demo.
      frame.contentWindow?.postMessage(request, '*');
    } catch (error) {
      setStatus('Could not run.');
      print('error', error instanceof Error ? error.message : String(error));
    }
  };

  resetButton.addEventListener('click', () => {
    stop();
    editor.set(original);
    output.replaceChildren();
    setStatus('Reset: the original code is back.');
  });
}
