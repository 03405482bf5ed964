import { describe, expect, it } from 'vitest';
import { shortcutOf } from './shortcuts';

const key = (key: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean; code?: string } = {}) => ({
  key,
  code: mods.code ?? '',
  ctrlKey: mods.ctrl ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
  metaKey: false,
});

describe('keyboard shortcuts', () => {
  it('opens 新規受付 with Ctrl+N or Alt+N, by the key or its place', () => {
    expect(shortcutOf(key('n', { ctrl: true }), true)).toBe('newIntake');
    expect(shortcutOf(key('N', { ctrl: true }), false)).toBe('newIntake');
    expect(shortcutOf(key('Process', { alt: true, code: 'KeyN' }), true)).toBe('newIntake');
    expect(shortcutOf(key('n', { ctrl: true, shift: true }), false)).toBeNull();
    expect(shortcutOf(key('n'), false)).toBeNull();
  });

  it('opens the list with F1 anywhere and with ? outside a text field only', () => {
    expect(shortcutOf(key('F1'), true)).toBe('shortcuts');
    expect(shortcutOf(key('?', { shift: true }), false)).toBe('shortcuts');
    expect(shortcutOf(key('?', { shift: true }), true)).toBeNull();
  });

  it('locks with Ctrl+L', () => {
    expect(shortcutOf(key('l', { ctrl: true }), true)).toBe('lock');
    expect(shortcutOf(key('l', { alt: true }), true)).toBeNull();
  });
});
