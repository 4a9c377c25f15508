/**
 * CodeMirror 6 for code cells, loaded lazily (it is not in the main bundle).
 * Shift+Enter submits; every change is reported so nothing typed is lost.
 */
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { javascript } from '@codemirror/lang-javascript';
import { Prec } from '@codemirror/state';

export function createEditor(
  parent: HTMLElement,
  doc: string,
  onchange: (text: string) => void,
  onsubmit: (text: string) => void,
): EditorView {
  return new EditorView({
    parent,
    doc,
    extensions: [
      basicSetup,
      javascript(),
      Prec.highest(
        keymap.of([
          {
            key: 'Shift-Enter',
            run: (view) => {
              onsubmit(view.state.doc.toString());
              return true;
            },
          },
        ]),
      ),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onchange(update.state.doc.toString());
      }),
      EditorView.theme({
        '&': { fontSize: '13px', border: '1px solid var(--line)', borderRadius: '6px' },
        '.cm-content': { fontFamily: 'var(--mono)' },
        '.cm-gutters': { background: 'var(--code-bg)', border: 'none' },
      }),
    ],
  });
}
