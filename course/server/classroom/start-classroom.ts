import { networkInterfaces } from 'node:os';
import { allowedHostsFromEnv } from '@funws/demo-kit';
import { type RunningCourse, type StartCourseOptions, startCourse } from '../start.ts';
import { gateClassroom } from './gate.ts';
import { createInstructorRouter } from './instructor.ts';
import { createJoinCode, normaliseJoinCode } from './join-code.ts';
import { type ClassroomRoom, createClassroomRoom } from './room.ts';
import { createClassroomSessions } from './sessions.ts';

export interface StartClassroomOptions
  extends Omit<StartCourseOptions, 'host' | 'guard' | 'allowedHosts'> {
  /** Address to bind. Default `0.0.0.0`: every interface, so students' computers reach it. */
  host?: string;
  /** The join code. Default `CLASSROOM_CODE`, or a fresh random one. */
  code?: string;
  /**
   * The address students use when a reverse proxy (HTTPS) stands in front,
   * e.g. `https://ws-class.example.org`. Default `CLASSROOM_PUBLIC_URL`.
   * Only then is `X-Forwarded-For` from a loopback proxy believed.
   */
  publicUrl?: string;
}

export interface RunningClassroom extends RunningCourse {
  /** The join code students type. */
  code: string;
  /** The links to give students (each with the code): one per network address, or the public URL. */
  joinUrls: string[];
  /** The instructor's hold on the room: stats and actions (what `/instructor` shows and does). */
  room: ClassroomRoom;
}

/**
 * `npm run classroom`: the course and every demo for a room of students.
 * It listens on every interface, and a gate stands in front of everything:
 * students (any address but 127.0.0.1 and ::1) need the join code once
 * (`/join?code=…` sets a cookie) before any page, socket or stream opens, and
 * never reach what runs commands on this computer ("Check my work").
 *
 * @example
 * const classroom = await startClassroom({ port: 0, code: 'K7QX4M' });
 * console.log(classroom.joinUrls); // ['http://192.168.1.20:4321/join?code=K7QX4M']
 */
export async function startClassroom(
  options: StartClassroomOptions = {},
): Promise<RunningClassroom> {
  const env = options.env ?? process.env;
  const host = options.host ?? '0.0.0.0';
  const code = normaliseJoinCode(options.code ?? (env.CLASSROOM_CODE || createJoinCode()));
  if (!/^[A-Z0-9]{4,32}$/.test(code)) {
    throw new Error(
      `A join code is 4 to 32 letters and digits; got ${JSON.stringify(options.code ?? env.CLASSROOM_CODE)}. ` +
        'Set CLASSROOM_CODE to one, or leave it out for a random code.',
    );
  }
  const publicUrl = parsePublicUrl(options.publicUrl ?? env.CLASSROOM_PUBLIC_URL);
  const allowedHosts = allowedHostsFromEnv({ ...env, HOST: host });
  if (publicUrl) allowedHosts.add(publicUrl.hostname);
  const sessions = createClassroomSessions();

  const trustProxy = publicUrl !== undefined;
  let room: ClassroomRoom | undefined;
  let loopbackUrl = '';

  const { code: _code, publicUrl: _publicUrl, ...courseOptions } = options;
  const course = await startCourse({
    ...courseOptions,
    host,
    allowedHosts,
    guard: (server) =>
      gateClassroom(server, {
        code,
        sessions,
        trustProxy,
        secureCookie: publicUrl?.protocol === 'https:',
        onRefusal: (reason) => room?.refused('class gate', reason),
      }),
    routes: (app, mounted) => {
      room = createClassroomRoom({
        demos: mounted.demos,
        sessions,
        trustProxy,
        loopbackUrl: () => loopbackUrl,
      });
      app.use('/instructor', createInstructorRouter(room, { allowedHosts, trustProxy }));
    },
  });
  loopbackUrl = `http://127.0.0.1:${course.port}`;
  if (!room) throw new Error('The classroom could not set up its dashboard.');
  const addresses = host === '0.0.0.0' || host === '::' ? lanAddresses() : [host];
  allowedHosts.add(...addresses);
  const joinUrls = publicUrl
    ? [new URL(`/join?code=${code}`, publicUrl).href]
    : addresses.map((address) => `http://${address}:${course.port}/join?code=${code}`);
  return { ...course, code, joinUrls, room };
}

/** This computer's IPv4 addresses on its networks (not loopback): what students type. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}

function parsePublicUrl(text: string | undefined): URL | undefined {
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(
      `--public-url needs a whole address such as https://class.example.org; got ${JSON.stringify(text)}.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`--public-url is an http or https address; got ${JSON.stringify(text)}.`);
  }
  return url;
}
