/**
 * The page side of "Check my work": POSTs to `/cells/check/<exercise>` with
 * the page token, reads the Server-Sent Events of the answer as they stream
 * in, and marks each step of the exercise cell passed or failed, with the
 * same test output and pointers as `npx funws test`. Text goes in with
 * textContent only: test output quotes the learner's code.
 */
import { cellsPost, errorOf } from './page-token.ts';

/** One step's result, as the server streams it (the CLI's `StepReport`). */
export interface StepResult {
  n: number;
  title: string;
  test: string;
  passed: boolean;
  failure: string;
  hints: string[];
}

/** One Server-Sent Event. */
export interface StreamEvent {
  event: string;
  data: string;
}

/**
 * Splits a stream of Server-Sent Events into events as the text arrives;
 * keeps an unfinished event for the next chunk.
 *
 * @example
 * const parser = createEventParser();
 * parser.push('event: step\ndata: {"n":1}\n\nevent: do'); // → [{ event: 'step', data: '{"n":1}' }]
 */
export function createEventParser() {
  let buffer = '';
  return {
    push(chunk: string): StreamEvent[] {
      buffer += chunk.replace(/\r\n/g, '\n');
      const events: StreamEvent[] = [];
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length) events.push({ event, data: data.join('\n') });
        end = buffer.indexOf('\n\n');
      }
      return events;
    },
  };
}

/** Wires the "Check my work" button of one exercise cell. */
export function startCheck(section: HTMLElement): void {
  const exercise = section.dataset.exercise ?? '';
  const button = section.querySelector<HTMLButtonElement>('[data-check]');
  const status = section.querySelector<HTMLElement>('[data-check-status]');
  if (!button || !status) return;
  const stepItem = (n: number) => section.querySelector<HTMLElement>(`[data-step="${n}"]`);

  const clear = () => {
    for (const item of section.querySelectorAll<HTMLElement>('[data-step]')) {
      item.removeAttribute('data-result');
      const result = item.querySelector<HTMLElement>('[data-step-result]');
      if (result) {
        result.hidden = true;
        result.replaceChildren();
      }
    }
  };

  let firstFailure = true;
  const showStep = (step: StepResult) => {
    const item = stepItem(step.n);
    const result = item?.querySelector<HTMLElement>('[data-step-result]');
    if (!item || !result) return;
    item.dataset.result = step.passed ? 'passed' : 'failed';
    const verdict = document.createElement('p');
    verdict.className = 'exercise__verdict';
    verdict.textContent = step.passed
      ? `✓ Step ${step.n} passes.`
      : `✗ Step ${step.n} fails (${step.test}).`;
    result.replaceChildren(verdict);
    if (!step.passed) {
      const output = document.createElement('pre');
      output.className = 'exercise__failure';
      output.tabIndex = 0;
      output.textContent = step.failure;
      const pointer = document.createElement('p');
      pointer.className = 'exercise__pointer';
      pointer.textContent = `Look for TODO(step ${step.n}) in exercises/${exercise}. ${
        step.hints.length ? 'Stuck? Show a hint below, or run npx funws hint.' : ''
      }`;
      if (firstFailure) {
        result.append(output, pointer);
      } else {
        // As the CLI does, the first failing step comes first; the others wait, folded.
        const more = document.createElement('details');
        const summary = document.createElement('summary');
        summary.textContent = 'Show the test output';
        more.append(summary, output, pointer);
        result.append(more);
      }
      firstFailure = false;
    }
    result.hidden = false;
  };

  button.addEventListener('click', async () => {
    button.disabled = true;
    section.dataset.checking = '';
    clear();
    firstFailure = true;
    status.textContent = `Running the tests of exercises/${exercise}…`;
    try {
      const response = await cellsPost(`check/${encodeURIComponent(exercise)}`);
      if (!response.ok || !response.body) throw await errorOf(response);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = createEventParser();
      let total = 0;
      let seen = 0;
      let passed = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const { event, data } of parser.push(value)) {
          const payload = JSON.parse(data) as Record<string, unknown>;
          if (event === 'plan') {
            total = (payload.steps as unknown[]).length;
            for (const step of payload.steps as Array<{ n: number }>) {
              stepItem(step.n)?.setAttribute('data-result', 'running');
            }
          } else if (event === 'progress') {
            const seconds = Math.round(Number(payload.elapsedMs) / 1000);
            status.textContent = `Running the tests of exercises/${exercise}… ${seconds} s, ${seen} of ${total} steps reported.`;
          } else if (event === 'step') {
            const step = payload as unknown as StepResult;
            seen++;
            if (step.passed) passed++;
            showStep(step);
          } else if (event === 'done') {
            status.textContent =
              passed === total
                ? `All ${total} steps pass. Compare with the reference: npx funws diff ${exercise}.`
                : `${passed} of ${total} steps pass. Fix the first failing step, save, and check again.`;
          } else if (event === 'error') {
            status.textContent = String(payload.message);
          }
        }
      }
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      button.disabled = false;
      delete section.dataset.checking;
      for (const item of section.querySelectorAll<HTMLElement>('[data-result="running"]')) {
        item.removeAttribute('data-result');
      }
    }
  });
}
