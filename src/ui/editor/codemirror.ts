// CodeMirror 6 for the laptop's files, loaded only when the editor is first shown (its own chunk).
// Dockerfiles get the Dockerfile highlighting of CodeMirror's legacy modes; other files are plain
// text. Ctrl+S (⌘S) saves; the buffer reports each change so the editor can mark it unsaved.
import { basicSetup, EditorView } from 'codemirror';
import { Compartment, EditorState } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { StreamLanguage } from '@codemirror/language';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import type { EditorLanguage } from './file-tree';

export interface CodeEditor {
  /** Show a document (a file opened), replacing the buffer and its undo history. */
  load(text: string, language: EditorLanguage): void;
  text(): string;
  focus(): void;
  destroy(): void;
}

export interface CodeEditorOptions {
  onSave: () => void;
  onChange: (text: string) => void;
  label: string;
}

const dockerfileLanguage = StreamLanguage.define(dockerFile);

export function createCodeEditor(parent: HTMLElement, options: CodeEditorOptions): CodeEditor {
  const language = new Compartment();
  const extensions = (lang: EditorLanguage) => [
    basicSetup,
    keymap.of([
      {
        key: 'Mod-s',
        preventDefault: true,
        run: () => {
          options.onSave();
          return true;
        },
      },
    ]),
    language.of(lang === 'dockerfile' ? dockerfileLanguage : []),
    EditorView.contentAttributes.of({ 'aria-label': options.label }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
    }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc: '', extensions: extensions('plain') }) });
  return {
    load(text, lang) {
      view.setState(EditorState.create({ doc: text, extensions: extensions(lang) }));
    },
    text: () => view.state.doc.toString(),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
