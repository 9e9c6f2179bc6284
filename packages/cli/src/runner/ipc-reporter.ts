// A vitest reporter that sends each run's results to the parent process over
// IPC, with the parts a learner needs (the message, vitest's expected/received
// diff, the frames in their own files). Loaded by vitest itself, in the child
// that `runVitest` and `startWatch` spawn, from `--reporter=<this file>`.
import { relative, sep } from 'node:path';
import type {
  Reporter,
  SerializedError,
  TestCase,
  TestModule,
  TestSpecification,
  Vitest,
} from 'vitest/node';
import {
  type FileEndMessage,
  type FileOutcome,
  type ReporterMessage,
  type RunMessage,
  type RunStartMessage,
  stripAnsi,
  type TestFailure,
  type TestOutcome,
} from './outcome.ts';

/** Sends {@link RunMessage}s to the process that spawned vitest. */
export default class IpcReporter implements Reporter {
  private root = process.cwd();

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>): void {
    const message: RunStartMessage = {
      type: 'funws:run-start',
      files: specifications.map((specification) => this.relative(specification.moduleId)),
    };
    send(message);
  }

  onTestModuleEnd(module: TestModule): void {
    const message: FileEndMessage = { type: 'funws:file-end', file: this.outcome(module) };
    send(message);
  }

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    const message: RunMessage = {
      type: 'funws:run-end',
      files: testModules.map((module) => this.outcome(module)),
      errors: unhandledErrors.map((error) => stripAnsi(error.stack || error.message)),
    };
    send(message);
  }

  private outcome(module: TestModule): FileOutcome {
    const tests = [...module.children.allTests()].map(testOutcome);
    const moduleErrors = module.errors().map((error) => stripAnsi(error.stack || error.message));
    const passed =
      module.state() === 'passed' && moduleErrors.length === 0 && tests.every((t) => t.passed);
    return {
      file: this.relative(module.moduleId),
      passed,
      message: moduleErrors.join('\n\n'),
      tests,
    };
  }

  private relative(file: string): string {
    return relative(this.root, file).split(sep).join('/');
  }
}

function testOutcome(test: TestCase): TestOutcome {
  const result = test.result();
  const failures: TestFailure[] =
    result.state === 'failed'
      ? result.errors.map((error) => ({
          message: stripAnsi(`${error.name ? `${error.name}: ` : ''}${error.message}`),
          ...(typeof error.diff === 'string' && error.diff ? { diff: stripAnsi(error.diff) } : {}),
          frames: (error.stacks ?? [])
            .filter((frame) => !/node_modules|^node:/.test(frame.file))
            .map((frame) => `${frame.file}:${frame.line}:${frame.column}`),
        }))
      : [];
  return {
    name: test.fullName,
    // A skipped test (`.skip`, `.todo`) is not a pass: a step is done when its tests ran and passed.
    passed: result.state === 'passed',
    failureMessages: failures.map((failure) =>
      [failure.message, ...failure.frames.map((frame) => `    at ${frame}`)].join('\n'),
    ),
    failures,
  };
}

function send(message: ReporterMessage): void {
  if (!process.send) {
    throw new Error(
      'The funws reporter sends its results to the funws CLI that started vitest; run it through `npx funws test`.',
    );
  }
  process.send(message);
}
