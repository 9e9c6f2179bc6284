// The server side of the lesson cells, over real HTTP and real sockets:
// "Check my work" runs an exercise's step tests (the real runner, on a copy
// of the exercise) and streams them, and refuses what it must; client cells
// get a ticket, and only a ticket lets an opaque origin reach a demo.
import { request } from 'node:http';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCourse, startCourse } from '../server/start.ts';
import { copyExercises, type ExerciseCopy } from './helpers/exercise-copy.ts';

let running: RunningCourse;
let copy: ExerciseCopy;
let origin: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  copy = copyExercises('03-first-socket');
  running = await startCourse({ port: 0, build: false, exercisesRoot: copy.root });
  origin = running.url;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await running?.close();
  copy?.remove();
});

/** A POST as the course's own page would send it, headers overridable. */
function post(path: string, headers: Record<string, string> = {}, body = '{}') {
  return fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/json', ...headers },
    body,
  });
}

async function pageToken(): Promise<string> {
  const response = await post('/cells/token');
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  return token;
}

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { ok: boolean; error?: { code: string } };
  expect(body.ok).toBe(false);
  return body.error?.code;
}

interface Event {
  event: string;
  data: Record<string, unknown>;
}

/** Reads a check's whole event stream. */
async function readEvents(response: Response): Promise<Event[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? 'message';
      const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? '{}') as Record<string, unknown>;
      return { event, data };
    });
}

describe('the page token', () => {
  it("is given to the course's own pages", async () => {
    expect((await pageToken()).length).toBeGreaterThan(30);
  });

  it('is refused to a page of another site, and to a request with no Origin', async () => {
    const forged = await post('/cells/token', { Origin: 'http://evil.example' });
    expect(forged.status).toBe(403);
    expect(await errorCode(forged)).toBe('cross_origin');
    const sandboxed = await post('/cells/token', { Origin: 'null' });
    expect(sandboxed.status).toBe(403);
    const none = await fetch(`${running.url}/cells/token`, { method: 'POST' });
    expect(none.status).toBe(403);
  });

  it('is refused to a request sent to a host name the course does not answer to (DNS rebinding)', async () => {
    // fetch() will not forge a Host header; node:http will, as a rebinding page's browser would send it.
    const forged = `evil.example:${running.port}`;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const sent = request(
        {
          host: '127.0.0.1',
          port: running.port,
          path: '/cells/token',
          method: 'POST',
          headers: { Host: forged, Origin: `http://${forged}`, 'Content-Type': 'application/json' },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk) => {
            body += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      sent.on('error', reject);
      sent.end('{}');
    });
    // The course refuses the name before any route runs (the library's Host check).
    expect(answer.status).toBe(421);
    expect(answer.body).toContain('"evil.example');
    expect(answer.body).toContain('DNS-rebinding');
  });
});

describe('Check my work', () => {
  it('refuses a check without the page token, or with a forged Origin', async () => {
    const without = await post('/cells/check/03-first-socket');
    expect(without.status).toBe(403);
    expect(await errorCode(without)).toBe('token_invalid');
    const token = await pageToken();
    const forged = await post('/cells/check/03-first-socket', {
      'X-Funws-Token': token,
      Origin: 'http://evil.example',
    });
    expect(forged.status).toBe(403);
    expect(await errorCode(forged)).toBe('cross_origin');
  });

  it('refuses an exercise the catalogue does not know, naming the ones it does', async () => {
    const token = await pageToken();
    for (const name of ['99-nothing', '..%2F..%2Fpackages%2Fcli', 'sidebar-raw-vs-socketio']) {
      const response = await post(`/cells/check/${name}`, { 'X-Funws-Token': token });
      expect(response.status, name).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('unknown_exercise');
      expect(body.error.message).toContain('04-broadcast-chat');
    }
  });

  it('streams each step of the red starter with its test output and hints, and runs one check at a time', async () => {
    const token = await pageToken();
    const first = post('/cells/check/03-first-socket', { 'X-Funws-Token': token });
    const response = await first;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    // The first check is running (its headers are sent): a second one must wait.
    const second = await post('/cells/check/03-first-socket', { 'X-Funws-Token': token });
    expect(second.status).toBe(409);
    const refusal = (await second.json()) as { error: { code: string; message: string } };
    expect(refusal.error.code).toBe('check_running');
    expect(refusal.error.message).toContain('one runs at a time');

    const events = await readEvents(response);
    expect(events[0]?.event).toBe('plan');
    const steps = events.filter((item) => item.event === 'step').map((item) => item.data);
    expect(steps.map((step) => step.n)).toEqual([1, 2, 3]);
    for (const step of steps) {
      expect(step.passed, `step ${step.n} on the starter`).toBe(false);
      expect(String(step.failure)).toMatch(/✗/);
      expect((step.hints as string[]).length).toBeGreaterThan(0);
    }
    const done = events.at(-1);
    expect(done).toMatchObject({ event: 'done', data: { passed: 0, total: 3 } });
  }, 180_000);

  it('streams every step green once the code is right, and lets a new check start after one ends', async () => {
    copy.solve('03-first-socket');
    const token = await pageToken();
    const response = await post('/cells/check/03-first-socket', { 'X-Funws-Token': token });
    expect(response.status).toBe(200);
    const events = await readEvents(response);
    const steps = events.filter((item) => item.event === 'step').map((item) => item.data);
    expect(steps.map((step) => [step.n, step.passed, step.failure])).toEqual([
      [1, true, ''],
      [2, true, ''],
      [3, true, ''],
    ]);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { passed: 3, total: 3 } });
  }, 180_000);
});

describe('client cells', () => {
  async function ticket(demo: string): Promise<string> {
    const response = await post(
      '/cells/ticket',
      { 'X-Funws-Token': await pageToken() },
      JSON.stringify({ demo }),
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { ticket: string }).ticket;
  }

  /** A socket as a sandboxed page opens it: `Origin: null`, WebSocket only. */
  function cellSocket(
    demo: string,
    query: Record<string, string>,
    headers: Record<string, string> = {},
  ) {
    const socket = connectSocket(running.url, {
      path: `/demos/${demo}/socket.io`,
      transports: ['websocket'],
      reconnection: false,
      query,
      extraHeaders: { Origin: 'null', ...headers },
    });
    sockets.push(socket);
    return new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(true));
      socket.once('connect_error', () => resolve(false));
    });
  }

  it('needs the page token for a ticket, and a demo the catalogue knows', async () => {
    const without = await post('/cells/ticket', {}, JSON.stringify({ demo: '04-broadcast-chat' }));
    expect(without.status).toBe(403);
    const token = await pageToken();
    const unknown = await post(
      '/cells/ticket',
      { 'X-Funws-Token': token },
      JSON.stringify({ demo: 'nope' }),
    );
    expect(unknown.status).toBe(400);
    expect(await errorCode(unknown)).toBe('unknown_demo');
    const garbage = await post('/cells/ticket', { 'X-Funws-Token': token }, '{not json');
    expect(garbage.status).toBe(400);
    expect(await errorCode(garbage)).toBe('invalid_payload');
  });

  it('lets a sandboxed page (Origin: null) in with a fresh ticket, once', async () => {
    const good = await ticket('04-broadcast-chat');
    expect(await cellSocket('04-broadcast-chat', { cell: good })).toBe(true);
    // Spent: the same ticket opens nothing more.
    expect(await cellSocket('04-broadcast-chat', { cell: good })).toBe(false);
  });

  it('refuses Origin: null without a ticket, with a ticket for another demo, or sent to a foreign Host', async () => {
    expect(await cellSocket('04-broadcast-chat', {})).toBe(false);
    expect(await cellSocket('04-broadcast-chat', { cell: 'x'.repeat(43) })).toBe(false);
    const other = await ticket('03-first-socket');
    expect(await cellSocket('04-broadcast-chat', { cell: other })).toBe(false);
    const rebound = await ticket('04-broadcast-chat');
    expect(
      await cellSocket(
        '04-broadcast-chat',
        { cell: rebound },
        { Host: `evil.example:${running.port}` },
      ),
    ).toBe(false);
  });

  it('still lets the demo own pages in, and keeps other sites out', async () => {
    const own = connectSocket(running.url, {
      path: '/demos/04-broadcast-chat/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { Origin: origin },
    });
    sockets.push(own);
    await new Promise<void>((resolve, reject) => {
      own.once('connect', () => resolve());
      own.once('connect_error', reject);
    });
    const foreign = connectSocket(running.url, {
      path: '/demos/04-broadcast-chat/socket.io',
      transports: ['websocket'],
      reconnection: false,
      query: { cell: await ticket('04-broadcast-chat') },
      extraHeaders: { Origin: 'http://evil.example' },
    });
    sockets.push(foreign);
    const refused = await new Promise<boolean>((resolve) => {
      foreign.once('connect', () => resolve(false));
      foreign.once('connect_error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('serves the runner page sandboxed, allowed to connect to this server only', async () => {
    const response = await fetch(`${running.url}/cells/runner/?demo=04-broadcast-chat&pane=cell`);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain('sandbox allow-scripts');
    expect(policy).toContain(`connect-src ws://127.0.0.1:${running.port}`);
    expect(policy).toContain(`frame-ancestors http://127.0.0.1:${running.port}`);
    expect(policy).not.toContain('allow-same-origin');
    const script = await fetch(`${running.url}/cells/runner/js/runner.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('postMessage');
  });
});
