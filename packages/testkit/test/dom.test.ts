// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  byLabel,
  find,
  findAll,
  loadPage,
  pressKey,
  submit,
  textOf,
  textsOf,
  typeInto,
} from '../src/dom/index.ts';

beforeEach(() => {
  loadPage('./fixtures/page.html', import.meta.url);
});

describe('loadPage', () => {
  it('puts the page body and title into the document', () => {
    expect(document.title).toBe('Chat');
    expect(document.documentElement.lang).toBe('en');
    expect(findAll('#messages li')).toHaveLength(2);
  });

  it('leaves scripts out, so nothing in the page runs', () => {
    expect(findAll('script')).toEqual([]);
    expect((window as unknown as { ran?: boolean }).ran).toBeUndefined();
  });
});

describe('queries', () => {
  it('finds a field by its label, through for= or by nesting', () => {
    expect(byLabel('Message').id).toBe('message');
    expect(byLabel('Nickname').name).toBe('nickname');
  });

  it('finds a control by its aria-label', () => {
    expect(byLabel<HTMLButtonElement>('Send the message').tagName).toBe('BUTTON');
  });

  it('lists the labels on the page when none matches', () => {
    expect(() => byLabel('Room')).toThrow(
      'Expected a field labelled "Room", but there is none. Labels on the page: "Message", "Nickname", "Send the message".',
    );
  });

  it('reads text the way a reader sees it, whitespace normalised', () => {
    expect(textOf('#status')).toBe('connecting');
    expect(textsOf('#messages li')).toEqual(['first', 'second message']);
  });

  it('names the selector when nothing matches', () => {
    expect(() => textOf('#nope')).toThrow(
      'Expected an element matching "#nope", but there is none.',
    );
    expect(() => find('.nope')).toThrow('".nope"');
  });
});

describe('events', () => {
  it('types into a field and fires a bubbling input event', () => {
    const typed: string[] = [];
    find('#send').addEventListener('input', (event) =>
      typed.push((event.target as HTMLInputElement).value),
    );
    typeInto(byLabel('Message'), 'hello');
    expect(byLabel('Message').value).toBe('hello');
    expect(typed).toEqual(['hello']);
  });

  it('submits the form around a field and reports whether the page handled it', () => {
    expect(submit(byLabel('Message')).defaultPrevented).toBe(false);
    find('#send').addEventListener('submit', (event) => event.preventDefault());
    expect(submit(find('#send')).defaultPrevented).toBe(true);
  });

  it('refuses to submit an element outside a form', () => {
    expect(() => submit(find('#status'))).toThrow('Expected <p#status> to be inside a <form>');
  });

  it('presses a key with keydown then keyup', () => {
    const keys: string[] = [];
    const field = byLabel('Message');
    field.addEventListener('keydown', (event) => keys.push(`down ${event.key}`));
    field.addEventListener('keyup', (event) => keys.push(`up ${event.key}`));
    pressKey(field, 'Enter');
    expect(keys).toEqual(['down Enter', 'up Enter']);
  });
});

describe('loadPage paths', () => {
  it('explains the happy-dom URL trap when given an http URL', () => {
    expect(() => loadPage(new URL('./fixtures/page.html', import.meta.url))).toThrow(
      "Write loadPage('../public/index.html', import.meta.url).",
    );
  });
});
