/**
 * Types `text` into a field the way a user's typing ends up: the value set,
 * then an `input` event that bubbles (listeners for typing indicators run).
 *
 * @example
 * typeInto(byLabel('Message'), 'hello');
 */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.focus();
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Submits a form (or the form around `element`) by dispatching a cancelable
 * `submit` event, as pressing Enter or the button would, without happy-dom
 * navigating anywhere. Returns the event: a page that handles the form itself
 * must call `preventDefault()`, which a test can check.
 *
 * @throws Error when `element` is not in a form.
 *
 * @example
 * const event = submit(byLabel('Message'));
 * expect(event.defaultPrevented).toBe(true);
 */
export function submit(element: Element): Event {
  const form = element instanceof HTMLFormElement ? element : element.closest('form');
  if (!form) throw new Error(`Expected ${describe(element)} to be inside a <form>, but it is not.`);
  const event = new Event('submit', { bubbles: true, cancelable: true });
  form.dispatchEvent(event);
  return event;
}

/**
 * Presses a key on `element`: `keydown` then `keyup`, both bubbling.
 *
 * @example
 * pressKey(byLabel('Message'), 'Enter');
 */
export function pressKey(element: Element, key: string): void {
  for (const type of ['keydown', 'keyup']) {
    element.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, cancelable: true }));
  }
}

function describe(element: Element): string {
  const id = element.id ? `#${element.id}` : '';
  return `<${element.tagName.toLowerCase()}${id}>`;
}
