import { rmSync } from 'node:fs';
import { rawRequest } from '@funws/testkit';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningClassroom, startClassroom } from '../server/classroom/start-classroom.ts';
import { builtSiteFixture } from './built-site-fixture.ts';

// Students are played from 127.0.0.2 and 127.0.0.3: on loopback, any
// 127.x.y.z source reaches the server, and only 127.0.0.1 (and ::1) is the
// instructor. The server listens on 127.0.0.1 only: the test needs no LAN.
const student = '127.0.0.2';
const otherStudent = '127.0.0.3';
const code = 'TESTK7';

let classroom: RunningClassroom;
const siteDir = builtSiteFixture();
const sockets: Socket[] = [];

beforeAll(async () => {
  classroom = await startClassroom({
    host: '127.0.0.1',
    port: 0,
    build: false,
    strayUpgradeMs: 300,
    siteDir,
    code,
    env: {},
  });
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await classroom?.close();
  rmSync(siteDir, { recursive: true, force: true });
});

const host = () => `127.0.0.1:${classroom.port}`;

function get(path: string, from: string, cookie?: string, extra: Record<string, string> = {}) {
  return rawRequest(classroom.url, {
    path,
    localAddress: from,
    headers: { host: host(), ...(cookie ? { cookie } : {}), ...extra },
  });
}

/** Joins as a student from `from` and returns the cookie to send back. */
async function join(from: string): Promise<string> {
  const answer = await get(`/join?code=${code.toLowerCase()}`, from);
  expect(answer.status).toBe(303);
  const setCookie = answer.headers['set-cookie']?.[0] ?? '';
  return setCookie.split(';')[0] ?? '';
}

/** A socket.io client of a demo (default demo 4), from `from`, over WebSocket only. */
function demoSocket(from: string, cookie?: string, demo = '04-broadcast-chat'): Socket {
  const socket = connectSocket(classroom.url, {
    path: `/demos/${demo}/socket.io`,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    localAddress: from,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  } as Parameters<typeof connectSocket>[1]);
  sockets.push(socket);
  return socket;
}

function connected(socket: Socket): Promise<'connected' | string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

describe('a student without the join code', () => {
  it('gets only the join page, wherever they ask', async () => {
    for (const path of [
      '/',
      '/demos/04-broadcast-chat/',
      '/inspector/events?demo=04-broadcast-chat&inspect=x',
      '/lab/ticks',
    ]) {
      const answer = await get(path, student);
      expect(answer.status, path).toBe(401);
      expect(answer.body, path).toContain('Join the class');
      expect(answer.headers['set-cookie'], path).toBeUndefined();
    }
  });

  it('opens no socket: the handshake and a raw upgrade are refused', async () => {
    const socket = demoSocket(student);
    expect(await connected(socket)).not.toBe('connected');
    const upgrade = await rawRequest(classroom.url, {
      path: '/demos/04-broadcast-chat/socket.io/?EIO=4&transport=websocket',
      upgrade: true,
      localAddress: student,
      headers: { host: host() },
    });
    expect(upgrade.status).toBe(401);
  });

  it('is told a wrong code is wrong, and gets no cookie', async () => {
    const answer = await get('/join?code=WRONG1', otherStudent);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('not the join code');
    expect(answer.headers['set-cookie']).toBeUndefined();
  });
});

describe('a student with the join code', () => {
  it('gets an HttpOnly, SameSite=Lax cookie and is sent to the course', async () => {
    const answer = await get(`/join?code=${code}`, student);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    const setCookie = answer.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
  });

  it('reads the lessons and opens the demos', async () => {
    const cookie = await join(student);
    expect((await get('/', student, cookie)).status).toBe(200);
    expect((await get('/demos/04-broadcast-chat/', student, cookie)).status).toBe(200);
  });

  it('chats in a live demo with another student', async () => {
    const alice = demoSocket(student, await join(student));
    const bob = demoSocket(otherStudent, await join(otherStudent));
    expect(await connected(alice)).toBe('connected');
    expect(await connected(bob)).toBe('connected');
    const arrived = new Promise<{ text: string }>((resolve) => bob.on('new_message', resolve));
    const ack = await alice.emitWithAck('send_message', { text: 'hello class' });
    expect(ack).toMatchObject({ ok: true });
    expect((await arrived).text).toBe('hello class');
  });

  it('is refused at the instructor dashboard and at "Check my work"', async () => {
    const cookie = await join(student);
    expect((await get('/instructor', student, cookie)).status).toBe(403);
    const check = await rawRequest(classroom.url, {
      path: '/cells/check/04-broadcast-chat',
      method: 'POST',
      localAddress: student,
      headers: { host: host(), cookie, origin: `http://${host()}` },
    });
    expect(check.status).toBe(403);
  });

  it('still gets a page token, which a lesson page needs', async () => {
    const cookie = await join(student);
    const token = await rawRequest(classroom.url, {
      path: '/cells/token',
      method: 'POST',
      localAddress: student,
      headers: { host: host(), cookie, origin: `http://${host()}` },
    });
    expect(token.status).toBe(200);
  });

  it('loses a forged cookie: a changed signature is refused', async () => {
    const cookie = await join(student);
    const forged = `${cookie.slice(0, -2)}xx`;
    expect((await get('/', student, forged)).status).toBe(401);
  });
});

describe('the Host check', () => {
  it('refuses a forged Host before the gate, for students and the instructor alike', async () => {
    const cookie = await join(student);
    for (const from of [student, '127.0.0.1']) {
      const answer = await get('/', from, cookie, { host: `evil.example:${classroom.port}` });
      expect(answer.status, from).toBe(421);
    }
  });
});

describe('the instructor at 127.0.0.1', () => {
  it('needs no code for pages and sockets', async () => {
    expect((await get('/', '127.0.0.1')).status).toBe(200);
    expect(await connected(demoSocket('127.0.0.1'))).toBe('connected');
  });

  it('is sent straight to the course when trying the students’ link', async () => {
    const answer = await get(`/join?code=${code}`, '127.0.0.1');
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('is given join links that carry the code', () => {
    expect(classroom.joinUrls).toEqual([`http://127.0.0.1:${classroom.port}/join?code=${code}`]);
  });
});

/** Posts one dashboard action as the instructor's page would. */
async function act(body: Record<string, string>, origin = `http://${host()}`) {
  const answer = await rawRequest(classroom.url, {
    path: '/instructor/api/actions',
    method: 'POST',
    localAddress: '127.0.0.1',
    headers: { host: host(), origin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: answer.status,
    json: JSON.parse(answer.body) as { ok: boolean; done?: string; error?: { code: string } },
  };
}

/** A student who has joined `demo` (5 or 7) with `nickname`. */
async function member(from: string, demo: string, nickname: string): Promise<Socket> {
  const socket = demoSocket(from, await join(from), demo);
  expect(await connected(socket)).toBe('connected');
  expect(await socket.emitWithAck('join_chat', { nickname })).toMatchObject({ ok: true });
  return socket;
}

describe('the instructor dashboard', () => {
  it('opens on the instructor’s computer', async () => {
    const page = await get('/instructor', '127.0.0.1');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Classroom');
    const script = await get('/instructor/js/main.js', '127.0.0.1');
    expect(script.status).toBe(200);
    expect(script.body).toContain('/instructor/api/state');
  });

  it('counts the students connected to each demo, with their nicknames', async () => {
    await member(student, '05-nicknames-presence', 'Counted');
    const state = await get('/instructor/api/state', '127.0.0.1');
    const demos = (
      JSON.parse(state.body) as { demos: { demo: string; students: number; nicknames: string[] }[] }
    ).demos;
    const five = demos.find((entry) => entry.demo === '05-nicknames-presence');
    expect(five?.students).toBeGreaterThanOrEqual(1);
    expect(five?.nicknames).toContain('Counted');
  });

  it('refuses an action sent from another origin', async () => {
    const answer = await act({ action: 'reset-all' }, 'http://evil.example');
    expect(answer.status).toBe(403);
  });

  it('answers an unknown action with a typed error', async () => {
    const answer = await act({ action: 'explode' });
    expect(answer.status).toBe(400);
    expect(answer.json.error?.code).toBe('invalid_action');
  });

  it('locks a demo: students’ events are refused until it is unlocked, and the refusal is listed', async () => {
    const socket = demoSocket(student, await join(student));
    expect(await connected(socket)).toBe('connected');
    expect((await act({ action: 'lock', demo: '04-broadcast-chat' })).json.ok).toBe(true);
    expect(await socket.emitWithAck('send_message', { text: 'during the lock' })).toMatchObject({
      ok: false,
      error: { code: 'demo_locked' },
    });
    expect((await act({ action: 'unlock', demo: '04-broadcast-chat' })).json.ok).toBe(true);
    expect(await socket.emitWithAck('send_message', { text: 'after' })).toMatchObject({ ok: true });
    const state = JSON.parse((await get('/instructor/api/state', '127.0.0.1')).body) as {
      refusals: { where: string; code: string }[];
    };
    expect(state.refusals).toContainEqual(
      expect.objectContaining({ where: '04-broadcast-chat', code: 'demo_locked' }),
    );
  });

  it('mutes a nickname and no one else', async () => {
    const loud = await member(student, '05-nicknames-presence', 'Loud');
    const quiet = await member(otherStudent, '05-nicknames-presence', 'Quiet');
    expect((await act({ action: 'mute', nickname: 'loud' })).json.ok).toBe(true);
    expect(await loud.emitWithAck('send_message', { text: 'hey' })).toMatchObject({
      ok: false,
      error: { code: 'muted' },
    });
    expect(await quiet.emitWithAck('send_message', { text: 'hi' })).toMatchObject({ ok: true });
    await act({ action: 'unmute', nickname: 'Loud' });
    expect(await loud.emitWithAck('send_message', { text: 'sorry' })).toMatchObject({ ok: true });
  });

  it('removes a nickname: its socket is closed and its cookie no longer works', async () => {
    const cookie = await join('127.0.0.4');
    const socket = demoSocket('127.0.0.4', cookie, '05-nicknames-presence');
    expect(await connected(socket)).toBe('connected');
    expect(await socket.emitWithAck('join_chat', { nickname: 'Troll' })).toMatchObject({
      ok: true,
    });
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect((await act({ action: 'remove', nickname: 'Troll' })).json.ok).toBe(true);
    expect(await gone).toBe('io server disconnect');
    expect((await get('/', '127.0.0.4', cookie)).status).toBe(401);
  });

  it('clears demo 7’s canvas for every student', async () => {
    const drawer = await member(student, '07-polls-reactions-canvas', 'Drawer');
    const watcher = await member(otherStudent, '07-polls-reactions-canvas', 'Watcher');
    const stroke = { from: { x: 0.1, y: 0.1 }, to: { x: 0.5, y: 0.5 }, color: '#ff0000', width: 4 };
    expect(await drawer.emitWithAck('canvas_draw', stroke)).toMatchObject({ ok: true });
    const cleared = new Promise<{ by: string }>((resolve) =>
      watcher.once('canvas_cleared', resolve),
    );
    expect(
      (await act({ action: 'clear-canvas', demo: '07-polls-reactions-canvas' })).json,
    ).toMatchObject({ ok: true });
    expect((await cleared).by).toBe('Instructor');
  });

  it('clears a demo’s chat: a student reconnecting gets an empty history', async () => {
    const cookie = await join(student);
    const talker = demoSocket(student, cookie);
    expect(await connected(talker)).toBe('connected');
    expect(await talker.emitWithAck('send_message', { text: 'before the clear' })).toMatchObject({
      ok: true,
    });
    const dropped = new Promise<string>((resolve) => talker.once('disconnect', resolve));
    expect((await act({ action: 'clear-chat', demo: '04-broadcast-chat' })).json).toMatchObject({
      ok: true,
    });
    // A closed transport, which socket.io clients answer by reconnecting
    // (a server-side disconnect would tell them to stay away).
    expect(await dropped).toBe('transport close');
    const late = demoSocket(otherStudent, await join(otherStudent));
    const history = new Promise<{ messages: unknown[] }>((resolve) =>
      late.once('message_history', resolve),
    );
    expect(await connected(late)).toBe('connected');
    expect((await history).messages).toEqual([]);
    // The fresh demo works, and the dashboard still counts and steers it.
    expect(await late.emitWithAck('send_message', { text: 'after the clear' })).toMatchObject({
      ok: true,
    });
    await act({ action: 'lock', demo: '04-broadcast-chat' });
    expect(await late.emitWithAck('send_message', { text: 'locked' })).toMatchObject({
      ok: false,
      error: { code: 'demo_locked' },
    });
    await act({ action: 'unlock', demo: '04-broadcast-chat' });
  });

  it('resets every demo between two classes', async () => {
    const before = await member(student, '05-nicknames-presence', 'Yesterday');
    expect(await before.emitWithAck('send_message', { text: 'old news' })).toMatchObject({
      ok: true,
    });
    await act({ action: 'lock', demo: '05-nicknames-presence' });
    expect((await act({ action: 'reset-all' })).json).toMatchObject({ ok: true });
    const today = demoSocket(otherStudent, await join(otherStudent), '05-nicknames-presence');
    expect(await connected(today)).toBe('connected');
    const history = new Promise<{ messages: unknown[] }>((resolve) =>
      today.once('message_history', resolve),
    );
    // The nickname of yesterday is free again, and the demo is unlocked.
    expect(await today.emitWithAck('join_chat', { nickname: 'Yesterday' })).toMatchObject({
      ok: true,
    });
    expect((await history).messages).toEqual([]);
    expect(await today.emitWithAck('send_message', { text: 'new day' })).toMatchObject({
      ok: true,
    });
  });
});

describe('behind a reverse proxy (a public URL)', () => {
  let proxied: RunningClassroom;
  const proxiedSite = builtSiteFixture();

  beforeAll(async () => {
    proxied = await startClassroom({
      host: '127.0.0.1',
      port: 0,
      build: false,
      siteDir: proxiedSite,
      env: { CLASSROOM_CODE: 'PROXY7', CLASSROOM_PUBLIC_URL: 'https://class.example.org' },
    });
  });

  afterAll(async () => {
    await proxied?.close();
    rmSync(proxiedSite, { recursive: true, force: true });
  });

  const ask = (from: string, headers: Record<string, string>, path = '/') =>
    rawRequest(proxied.url, { path, localAddress: from, headers });

  it('gives the public join link, with the code from CLASSROOM_CODE', () => {
    expect(proxied.code).toBe('PROXY7');
    expect(proxied.joinUrls).toEqual(['https://class.example.org/join?code=PROXY7']);
  });

  it('treats what the local proxy forwards as a student, and the public name as allowed', async () => {
    const forwarded = await ask('127.0.0.1', {
      host: 'class.example.org',
      'x-forwarded-for': '203.0.113.5',
    });
    expect(forwarded.status).toBe(401);
    const joined = await ask(
      '127.0.0.1',
      { host: 'class.example.org', 'x-forwarded-for': '203.0.113.5' },
      '/join?code=PROXY7',
    );
    expect(joined.headers['set-cookie']?.[0]).toMatch(/; Secure/);
  });

  it('believes X-Forwarded-For only from the proxy on this computer', async () => {
    const spoofed = await ask(student, {
      host: `127.0.0.1:${proxied.port}`,
      'x-forwarded-for': '127.0.0.1',
    });
    expect(spoofed.status).toBe(401);
    const instructor = await ask('127.0.0.1', { host: `127.0.0.1:${proxied.port}` });
    expect(instructor.status).toBe(200);
  });
});

describe('guessing the code', () => {
  it('stops answering an address after twenty wrong codes in a minute', async () => {
    const guesser = '127.0.0.9';
    for (let attempt = 0; attempt < 20; attempt += 1) {
      expect((await get(`/join?code=GUESS${attempt}`, guesser)).status).toBe(403);
    }
    // Even the right code waits now: a guesser cannot tell it was right.
    expect((await get(`/join?code=${code}`, guesser)).status).toBe(429);
  });
});
