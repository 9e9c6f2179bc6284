import { describe, expect, it } from 'vitest';
import { useDocument } from '../src/dom/index.ts';

describe('useDocument', () => {
  useDocument();

  it('gives the tests a document to build elements in', () => {
    const item = document.createElement('li');
    item.dataset.id = 'm1';
    item.textContent = '<img src=x>';
    expect(item.outerHTML).toBe('<li data-id="m1">&lt;img src=x&gt;</li>');
    expect(window.document).toBe(document);
  });

  it('parses HTML as a browser does, so innerHTML can be told from textContent', () => {
    const item = document.createElement('li');
    item.innerHTML = '<img src=x onerror=alert(1)>';
    expect(item.querySelector('img')).not.toBeNull();
  });

  it('knows a <time> element’s dateTime', () => {
    const time = document.createElement('time');
    time.dateTime = '2025-01-31T09:15:00.000Z';
    expect(time.getAttribute('datetime')).toBe('2025-01-31T09:15:00.000Z');
  });
});

it('takes the document away again after those tests, as files share a worker', () => {
  expect('document' in globalThis).toBe(false);
  expect('window' in globalThis).toBe(false);
});
