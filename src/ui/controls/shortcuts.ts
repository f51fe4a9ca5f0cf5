// The workspace's keyboard shortcuts, one table for both the key handler and the help dialog. Keys
// are matched by their physical position (`KeyT`, `Digit1`), because Alt+letter types a special
// character on a Mac keyboard and `event.key` would not say T.

export type ShortcutAction =
  | 'focus-terminal'
  | 'focus-editor'
  | 'focus-log'
  | 'toggle-lesson-panel'
  | 'toggle-pause'
  | 'step'
  | 'speed-instant'
  | 'speed-normal'
  | 'speed-slow'
  | 'toggle-theme'
  | 'help';

export interface Shortcut {
  /** As shown in the help dialog. */
  keys: string;
  action: ShortcutAction;
  description: string;
  /** `KeyboardEvent.code` with Alt held. */
  code: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Alt+T', code: 'KeyT', action: 'focus-terminal', description: 'Focus the terminal' },
  { keys: 'Alt+E', code: 'KeyE', action: 'focus-editor', description: 'Focus the editor' },
  { keys: 'Alt+M', code: 'KeyM', action: 'focus-log', description: 'Focus the message log' },
  { keys: 'Alt+L', code: 'KeyL', action: 'toggle-lesson-panel', description: 'Fold or unfold the lesson panel' },
  { keys: 'Alt+P', code: 'KeyP', action: 'toggle-pause', description: 'Pause or resume the network' },
  { keys: 'Alt+S', code: 'KeyS', action: 'step', description: 'Deliver the next message (while paused)' },
  { keys: 'Alt+1', code: 'Digit1', action: 'speed-instant', description: 'Speed: instant' },
  { keys: 'Alt+2', code: 'Digit2', action: 'speed-normal', description: 'Speed: normal (real time)' },
  { keys: 'Alt+3', code: 'Digit3', action: 'speed-slow', description: 'Speed: slow motion (×4)' },
  { keys: 'Alt+D', code: 'KeyD', action: 'toggle-theme', description: 'Light or dark theme' },
  { keys: 'Alt+H or ?', code: 'KeyH', action: 'help', description: 'This list of shortcuts' },
];

export interface KeyLike {
  code: string;
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** The action a key press asks for; `?` only counts outside text fields (and the terminal). */
export function shortcutFor(event: KeyLike, typingInText: boolean): ShortcutAction | undefined {
  if (event.ctrlKey || event.metaKey) return undefined;
  if (event.altKey) return SHORTCUTS.find((s) => s.code === event.code)?.action;
  if (event.key === '?' && !typingInText) return 'help';
  return undefined;
}

/** Whether keys typed at this element are text (an input, the editor, the terminal). */
export function isTextTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean; closest?: (s: string) => unknown } | null;
  if (!el?.tagName) return false;
  if (el.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return true;
  return Boolean(el.closest?.('.xterm, .cm-editor'));
}
