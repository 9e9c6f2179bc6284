import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demos } from '@funws/catalogue';
import { checkSteps, type StepReport } from '@funws/cli/learner';
import type { Request, Response } from 'express';
import { answer, type Refusal } from './request-guard.ts';

/**
 * "Check my work": runs the step tests of one exercise on the learner's own
 * working copy (`exercises/<folder>/`) and streams the results to the page,
 * step by step, as Server-Sent Events on the POST's response.
 *
 * What runs is fixed: `checkSteps` from the funws CLI (the same run as
 * `npx funws test <folder>`), in a folder the catalogue names. Nothing the page
 * sends becomes part of a command; the page only names the exercise, which
 * must be one of the catalogue's. One run at a time: a second request while
 * one runs is answered 409.
 */

/** What a check needs to know. */
export interface CheckOptions {
  /** The repository whose `exercises/` are checked. */
  root: string;
  /** How often a `progress` event says the run is still going, in ms. Default 1000. */
  progressMs?: number;
  /** Runs the checks; the CLI's `checkSteps` unless a test gives its own. */
  run?: typeof checkSteps;
}

/** The run going on now, if any. */
interface Running {
  exercise: string;
  started: number;
}

/** One event of the stream. */
export type CheckEvent =
  | {
      event: 'plan';
      data: { exercise: string; steps: Array<{ n: number; title: string; test: string }> };
    }
  | { event: 'progress'; data: { elapsedMs: number } }
  | { event: 'step'; data: StepReport }
  | { event: 'done'; data: { exercise: string; passed: number; total: number; durationMs: number } }
  | { event: 'error'; data: { code: string; message: string } };

/**
 * The handler of `POST /cells/check/:exercise` (after the origin and token
 * checks, which the router does).
 *
 * @example
 * router.post('/check/:exercise', guard, createCheckHandler({ root: repoDir }));
 */
export function createCheckHandler(options: CheckOptions) {
  const run = options.run ?? checkSteps;
  const progressMs = options.progressMs ?? 1000;
  let running: Running | undefined;

  return async (request: Request, response: Response): Promise<void> => {
    const exercise = String(request.params.exercise ?? '');
    const refusal = refuseExercise(exercise, options.root, running);
    if (refusal) return answer(response, refusal);
    running = { exercise, started: Date.now() };
    const started = running.started;

    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // `no-transform`: no proxy or compression may hold the events back.
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
    });
    const send = (item: CheckEvent) => {
      if (!response.writableEnded) {
        response.write(`event: ${item.event}\ndata: ${JSON.stringify(item.data)}\n\n`);
      }
    };
    const ticker = setInterval(
      () => send({ event: 'progress', data: { elapsedMs: Date.now() - started } }),
      progressMs,
    );
    try {
      const reports = await run(options.root, exercise, {
        onPlan: (plan) => send({ event: 'plan', data: plan }),
        onStep: (report) => send({ event: 'step', data: report }),
      });
      send({
        event: 'done',
        data: {
          exercise,
          passed: reports.filter((report) => report.passed).length,
          total: reports.length,
          durationMs: Date.now() - started,
        },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      send({
        event: 'error',
        data: {
          code: 'run_failed',
          message: `The tests of exercises/${exercise} could not run: ${message}`,
        },
      });
    } finally {
      clearInterval(ticker);
      running = undefined;
      response.end();
    }
  };
}

function refuseExercise(
  exercise: string,
  root: string,
  running: Running | undefined,
): Refusal | undefined {
  const known = demos.some((demo) => demo.folder === exercise);
  if (!known || !existsSync(join(root, 'exercises', exercise, 'package.json'))) {
    return {
      status: 404,
      code: 'unknown_exercise',
      message: `There is no exercise "${exercise.slice(0, 60)}"; expected one of ${demos
        .map((demo) => demo.folder)
        .join(
          ', ',
        )}${known ? `, and exercises/${exercise} to exist (run npm run exercises:generate)` : ''}.`,
    };
  }
  if (running) {
    const seconds = Math.round((Date.now() - running.started) / 1000);
    return {
      status: 409,
      code: 'check_running',
      message: `A check of exercises/${running.exercise} is running (for ${seconds} s); one runs at a time. Wait for it to finish, then try again.`,
    };
  }
  return undefined;
}
