/**
 * CodeMirror 6 for a client cell, loaded on demand. The editor lives in a
 * shadow root: CodeMirror then keeps its styles in constructed stylesheets
 * (`adoptedStyleSheets`) instead of a `<style>` element, which a strict
 * Content Security Policy would block. Colours come from Starlight's theme
 * variables, which cross into the shadow root.
 */
import { javascript } from '@codemirror/lang-javascript';
import { lineNumbers } from '@codemirror/view';
import { EditorView, minimalSetup } from 'codemirror';
import type { CellEditor } from './client-cell.ts';

const theme = EditorView.theme({
  '&': {
    color: 'var(--sl-color-white)',
    backgroundColor: 'var(--sl-color-black)',
    border: '1px solid var(--sl-color-gray-5)',
    borderRadius: '0.25rem',
    fontSize: 'var(--sl-text-sm, 0.875rem)',
  },
  '&.cm-focused': { outline: '2px solid var(--sl-color-accent-high)', outlineOffset: '2px' },
  '.cm-content': {
    fontFamily: 'var(--sl-font-mono, monospace)',
    caretColor: 'var(--sl-color-white)',
  },
  '.cm-scroller': { fontFamily: 'var(--sl-font-mono, monospace)', lineHeight: '1.5' },
  '.cm-gutters': {
    backgroundColor: 'var(--sl-color-gray-6)',
    color: 'var(--sl-color-gray-3)',
    border: 'none',
  },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'var(--sl-color-accent-low)',
  },
  '.cm-cursor': { borderLeftColor: 'var(--sl-color-white)' },
});

/**
 * Replaces `textarea` by a CodeMirror editor holding `text`, inside a shadow
 * root; the textarea stays in the page, hidden, as the form field it was.
 */
export function mountCodeEditor(textarea: HTMLTextAreaElement, text: string): CellEditor {
  const host = document.createElement('div');
  host.className = 'client-cell__editor';
  textarea.after(host);
  const root = host.attachShadow({ mode: 'open' });
  const view = new EditorView({
    doc: text,
    root,
    parent: root,
    extensions: [
      minimalSetup,
      lineNumbers(),
      javascript(),
      // Tab is left alone: it moves the focus on, as everywhere else in the page.
      EditorView.lineWrapping,
      theme,
      EditorView.contentAttributes.of({
        'aria-label': textarea.getAttribute('aria-label') ?? 'Code',
      }),
    ],
  });
  textarea.hidden = true;
  return {
    value: () => view.state.doc.toString(),
    set(next) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
  };
}
