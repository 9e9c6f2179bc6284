/**
 * Finds the form control labelled `text`: by a `<label>` (its `for`, or a
 * control inside it) or by an `aria-label`. Whitespace is normalised; the
 * match is exact. This is how a user finds a field, so it is how tests should.
 *
 * @throws Error listing the labels that do exist.
 *
 * @example
 * const nickname = byLabel('Nickname');
 * typeInto(nickname, 'Ada');
 */
export function byLabel<T extends HTMLElement = HTMLInputElement>(
  text: string,
  scope: ParentNode = document,
): T {
  const wanted = normalise(text);
  const labels = Array.from(scope.querySelectorAll('label'));
  for (const label of labels) {
    if (normalise(label.textContent) !== wanted) continue;
    const control = label.htmlFor
      ? label.ownerDocument.getElementById(label.htmlFor)
      : label.querySelector('input, select, textarea, button');
    if (control) return control as T;
    throw new Error(
      `The label "${text}" labels nothing: give it for="<id of the field>" or put the field inside it.`,
    );
  }
  const byAria = Array.from(scope.querySelectorAll('[aria-label]')).find(
    (element) => normalise(element.getAttribute('aria-label')) === wanted,
  );
  if (byAria) return byAria as T;
  const known = [
    ...labels.map((label) => normalise(label.textContent)),
    ...Array.from(scope.querySelectorAll('[aria-label]'), (element) =>
      normalise(element.getAttribute('aria-label')),
    ),
  ];
  const list = known.length ? known.map((label) => `"${label}"`).join(', ') : 'none';
  throw new Error(
    `Expected a field labelled "${text}", but there is none. Labels on the page: ${list}.`,
  );
}

/**
 * The element matching `selector`.
 *
 * @throws Error naming the selector when nothing matches, so a failing test
 * says what it looked for instead of "cannot read properties of null".
 *
 * @example
 * const list = find<HTMLUListElement>('#messages');
 */
export function find<T extends Element = HTMLElement>(
  selector: string,
  scope: ParentNode = document,
): T {
  const element = scope.querySelector<T>(selector);
  if (!element) throw new Error(`Expected an element matching "${selector}", but there is none.`);
  return element;
}

/**
 * Every element matching `selector`, as an array (empty when none match).
 *
 * @example
 * expect(findAll('#messages li')).toHaveLength(2);
 */
export function findAll<T extends Element = HTMLElement>(
  selector: string,
  scope: ParentNode = document,
): T[] {
  return Array.from(scope.querySelectorAll<T>(selector));
}

/**
 * The text of the element matching `selector`, whitespace normalised: what a
 * reader sees.
 *
 * @throws Error naming the selector when nothing matches.
 *
 * @example
 * expect(textOf('#status')).toBe('connected');
 */
export function textOf(selector: string, scope: ParentNode = document): string {
  return normalise(find(selector, scope).textContent);
}

/**
 * The texts of every element matching `selector`, in document order.
 *
 * @example
 * expect(textsOf('#messages li .text')).toEqual(['hi', 'hello']);
 */
export function textsOf(selector: string, scope: ParentNode = document): string[] {
  return findAll(selector, scope).map((element) => normalise(element.textContent));
}

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
