// `npm run classroom:load`: plays a hall of students against a classroom
// server and reports how it held. A benchmark, not a test: it prints figures.
//
// - The server runs in a child process (so its memory is its own), on 127.0.0.1.
// - Students connect from 127.0.0.2, 127.0.0.3, … (loopback only), each with
//   its own join code cookie, over WebSocket: 200 in demo 5 (one room), the
//   rest spread over demos 4, 6 and 7. Each chats every ~5 s; in demo 7 some
//   draw and some vote.
// - Every message carries its send time; every member of the demo records
//   when it arrived. Lost = deliveries expected (acked messages × members)
//   minus deliveries seen, after a drain.
//
// Options: --students N (≤ 300), --seconds S (≤ 120), --big N (students in demo 5),
// --baseline (the same load on the course without classroom mode, to compare).
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { io as connectSocket, type Socket } from 'socket.io-client';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '30' },
    big: { type: 'string', default: '200' },
    baseline: { type: 'boolean', default: false },
  },
});
const studentCount = Math.min(300, Math.max(4, Number(values.students) || 300));
const seconds = Math.min(120, Math.max(5, Number(values.seconds) || 30));
const bigRoom = Math.min(studentCount - 3, Math.max(1, Number(values.big) || 200));
const chatEveryMs = 5000;

type Demo =
  | '04-broadcast-chat'
  | '05-nicknames-presence'
  | '06-typing-whispers-rooms'
  | '07-polls-reactions-canvas';

interface Student {
  index: number;
  demo: Demo;
  socket: Socket;
  /** Sent message ids this student has received. */
  received: number;
}

const server = fork(
  new URL('./classroom-server.ts', import.meta.url),
  values.baseline ? ['--baseline'] : [],
  {
    execArgv: ['--import', 'tsx', '--conditions=@funws/source'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  },
);
const started = await new Promise<{ port: number; code: string }>((resolve, reject) => {
  server.once('message', (message) => resolve(message as { port: number; code: string }));
  server.once('exit', (code) =>
    reject(new Error(`The classroom server exited (${code}) before it started.`)),
  );
});
const base = `http://127.0.0.1:${started.port}`;

/** The source address of student `index`: 127.0.0.2 … 127.0.0.254, then round again. */
const addressOf = (index: number) => `127.0.0.${2 + (index % 253)}`;

function joinCookie(localAddress: string): Promise<string> {
  if (values.baseline) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const sent = request(
      `${base}/join?code=${started.code}`,
      { localAddress, agent: false },
      (response) => {
        response.resume();
        const cookie = response.headers['set-cookie']?.[0]?.split(';')[0];
        if (response.statusCode === 303 && cookie) resolve(cookie);
        else reject(new Error(`/join answered ${response.statusCode}`));
      },
    );
    sent.once('error', reject);
    sent.end();
  });
}

function demoFor(index: number): Demo {
  if (index < bigRoom) return '05-nicknames-presence';
  const rest = index - bigRoom;
  return (
    (['04-broadcast-chat', '06-typing-whispers-rooms', '07-polls-reactions-canvas'] as const)[
      rest % 3
    ] ?? '04-broadcast-chat'
  );
}

const latencies: number[] = [];
let acked = 0;
let refused = 0;
const expectedByDemo = new Map<Demo, number>();
const sentAt = new Map<string, number>();

async function connectStudent(index: number): Promise<Student> {
  const localAddress = addressOf(index);
  const cookie = await joinCookie(localAddress);
  const demo = demoFor(index);
  const socket = connectSocket(base, {
    path: `/demos/${demo}/socket.io`,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
    localAddress,
  } as Parameters<typeof connectSocket>[1]);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const student: Student = { index, demo, socket, received: 0 };
  socket.on('new_message', (message: { text?: string }) => {
    const id = /^load:(\d+:\d+) /.exec(message.text ?? '')?.[1];
    const at = id === undefined ? undefined : sentAt.get(id);
    if (at === undefined) return;
    student.received += 1;
    latencies.push(performance.now() - at);
  });
  const nickname = `student-${index}`;
  if (demo === '05-nicknames-presence' || demo === '07-polls-reactions-canvas') {
    await socket.timeout(10_000).emitWithAck('join_chat', { nickname });
  } else if (demo === '06-typing-whispers-rooms') {
    await socket.timeout(10_000).emitWithAck('join_room', { nickname, room: 'general' });
  }
  return student;
}

console.log(
  `Classroom load: ${studentCount} students (${bigRoom} in demo 5), ${seconds} s of chat, server on ${base}`,
);
const students: Student[] = [];
// Arrive in small groups, as a class does, rather than all in one millisecond.
for (let first = 0; first < studentCount; first += 20) {
  const group = await Promise.all(
    Array.from({ length: Math.min(20, studentCount - first) }, (_, offset) =>
      connectStudent(first + offset),
    ),
  );
  students.push(...group);
}
const members = new Map<Demo, number>();
for (const student of students) members.set(student.demo, (members.get(student.demo) ?? 0) + 1);
console.log(`All joined: ${[...members].map(([demo, count]) => `${demo} ${count}`).join(', ')}`);

const cpuAtStart = process.cpuUsage();
server.send('memory');
const serverCpuAtStart = await new Promise<NodeJS.CpuUsage>((resolve) =>
  server.once('message', (message) => resolve((message as { cpu: NodeJS.CpuUsage }).cpu)),
);
let sequence = 0;
let pollId: string | undefined;
let optionIds: string[] = [];
const drawers = students
  .filter((student) => student.demo === '07-polls-reactions-canvas')
  .slice(0, 5);
const creator = drawers[0];
if (creator) {
  const answer = (await creator.socket.timeout(5000).emitWithAck('create_poll', {
    question: 'Polling or WebSockets?',
    options: ['Polling', 'WebSockets'],
  })) as { ok: boolean; poll?: { id: string; options: { id: string }[] } };
  pollId = answer.poll?.id;
  optionIds = answer.poll?.options.map((option) => option.id) ?? [];
}

async function chat(student: Student): Promise<void> {
  sequence += 1;
  const id = `${student.index}:${sequence}`;
  sentAt.set(id, performance.now());
  const answer = (await student.socket
    .timeout(10_000)
    .emitWithAck('send_message', { text: `load:${id} hello from the hall` })
    .catch(() => ({ ok: false }))) as { ok: boolean };
  if (answer.ok) {
    acked += 1;
    expectedByDemo.set(student.demo, (expectedByDemo.get(student.demo) ?? 0) + 1);
  } else refused += 1;
}

const timers: NodeJS.Timeout[] = [];
const end = Date.now() + seconds * 1000;
for (const student of students) {
  // Each student's first message at a random moment of the first period, then every ~5 s.
  const tick = () => {
    if (Date.now() >= end) return;
    void chat(student);
    timers.push(setTimeout(tick, chatEveryMs * (0.8 + Math.random() * 0.4)));
  };
  timers.push(setTimeout(tick, Math.random() * chatEveryMs));
}
for (const drawer of drawers) {
  let x = Math.random();
  const draw = () => {
    if (Date.now() >= end) return;
    const next = Math.min(1, Math.max(0, x + (Math.random() - 0.5) * 0.1));
    drawer.socket.emit('canvas_draw', {
      from: { x, y: 0.5 },
      to: { x: next, y: 0.5 },
      color: '#3366ff',
      width: 3,
    });
    x = next;
    timers.push(setTimeout(draw, 100));
  };
  draw();
}
const voters = students.filter((student) => student.demo === '07-polls-reactions-canvas');
for (const voter of voters) {
  const vote = () => {
    if (Date.now() >= end || !pollId) return;
    const option = optionIds[Math.floor(Math.random() * optionIds.length)];
    voter.socket.emit('vote_poll', { poll_id: pollId, option_id: option });
    timers.push(setTimeout(vote, 3000 + Math.random() * 4000));
  };
  timers.push(setTimeout(vote, Math.random() * 3000));
}

await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
// Drain: every chat sent has its ack by now or within its timeout; then one
// round trip per student makes sure what the server sent before has arrived.
await new Promise((resolve) => setTimeout(resolve, chatEveryMs * 0.25));
await Promise.all(
  students.map((student) =>
    student.socket
      .timeout(10_000)
      .emitWithAck('send_message', { text: '' })
      .catch(() => undefined),
  ),
);

let expected = 0;
for (const [demo, count] of expectedByDemo) expected += count * (members.get(demo) ?? 0);
const received = students.reduce((sum, student) => sum + student.received, 0);
latencies.sort((a, b) => a - b);
const quantile = (q: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;

server.send('memory');
const { memory, cpu } = await new Promise<{ memory: NodeJS.MemoryUsage; cpu: NodeJS.CpuUsage }>(
  (resolve) =>
    server.once('message', (message) =>
      resolve(message as { memory: NodeJS.MemoryUsage; cpu: NodeJS.CpuUsage }),
    ),
);
const clientCpu = process.cpuUsage(cpuAtStart);
const busy = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log(`Messages sent and acknowledged: ${acked} (refused or timed out: ${refused})`);
console.log(`Deliveries: ${received} of ${expected} expected; lost: ${expected - received}`);
console.log(
  `Delivery latency: p50 ${quantile(0.5).toFixed(1)} ms, p99 ${quantile(0.99).toFixed(1)} ms, max ${quantile(1).toFixed(1)} ms`,
);
console.log(`Server memory: rss ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}`);
// Where the time went: CPU seconds of each process while the students chatted.
const serverBusy = busy(cpu) - busy(serverCpuAtStart);
console.log(
  `CPU during the chat: server ${serverBusy.toFixed(1)} s, load generator ${busy(clientCpu).toFixed(1)} s, in ${seconds} s (2 cores shared with whatever else runs)`,
);

for (const timer of timers) clearTimeout(timer);
for (const student of students) student.socket.disconnect();
server.send('stop');
await new Promise((resolve) => server.once('exit', resolve));
process.exitCode = expected - received === 0 ? 0 : 1;
