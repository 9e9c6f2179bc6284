import { type ChildProcess, spawn } from 'node:child_process';

/** What a finished command printed. */
export interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion and resolves with its output, or rejects with
 * a message that shows the command, its exit code and everything it printed.
 * A command still running after `timeoutMs` (default 120 s) is killed, so a
 * hung child never outlives the test.
 */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    const output = collect(child);
    const timer = setTimeout(() => child.kill(), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(output);
      reject(
        new Error(
          `\`${command} ${args.join(' ')}\` in ${options.cwd} exited with ${code ?? signal}.\n` +
            `stdout:\n${output.stdout}\nstderr:\n${output.stderr}`,
        ),
      );
    });
  });
}

/** Starts a long-running command and resolves once it prints a line matching `ready`. */
export function start(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number },
): Promise<{ child: ChildProcess; output: RunResult }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    const output = collect(child);
    const timer = setTimeout(() => fail('did not get ready in time'), options.timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill();
      reject(
        new Error(
          `\`${command} ${args.join(' ')}\` ${why}.\nstdout:\n${output.stdout}\nstderr:\n${output.stderr}`,
        ),
      );
    };
    child.on('error', (error) => fail(`failed to start (${error.message})`));
    child.on('exit', (code) => fail(`exited with ${code} before it was ready`));
    child.stdout?.on('data', () => {
      if (!options.ready.test(output.stdout)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, output });
    });
  });
}

/** Stops a child process and waits until it has exited. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

function collect(child: ChildProcess): RunResult {
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output.stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output.stderr += chunk;
  });
  return output;
}
