import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type KeyLike } from './shortcuts';

const press = (code: string, key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  code,
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it.each([
    [press('KeyT', '†', { altKey: true }), false, 'focus-terminal'], // a Mac's Alt+T
    [press('KeyP', 'p', { altKey: true }), true, 'toggle-pause'],
    [press('KeyL', '¬', { altKey: true }), false, 'toggle-lesson-panel'], // a Mac's Alt+L
    [press('KeyL', 'l', { altKey: true }), true, 'toggle-lesson-panel'],
    [press('KeyL', 'l'), false, undefined],
    [press('KeyS', 's', { altKey: true }), true, 'step'],
    [press('Digit1', '1', { altKey: true }), false, 'speed-instant'],
    [press('Digit3', '3', { altKey: true }), false, 'speed-slow'],
    [press('Slash', '?'), false, 'help'],
    [press('Slash', '?'), true, undefined],
    [press('KeyT', 't'), false, undefined],
    [press('KeyT', 't', { altKey: true, ctrlKey: true }), false, undefined],
    [press('KeyZ', 'z', { altKey: true }), false, undefined],
  ])('%j (typing: %s) → %s', (event, typing, action) => {
    expect(shortcutFor(event, typing)).toBe(action);
  });

  it('gives every shortcut its own key', () => {
    const codes = SHORTCUTS.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('lists the lesson panel shortcut for the help dialog', () => {
    expect(SHORTCUTS.find((s) => s.action === 'toggle-lesson-panel')).toMatchObject({ keys: 'Alt+L', code: 'KeyL' });
  });
});
