import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { shortcutGroups } from '../../core/domain/shortcuts';
import { buildMenuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('application menu', () => {
  const actions = {
    newIntake: vi.fn(),
    shortcuts: vi.fn(),
    print: vi.fn(),
    lock: vi.fn(),
    about: vi.fn(),
    quit: vi.fn(),
    devTools: false,
  };
  const template = buildMenuTemplate(actions);

  it('is in Japanese with ファイル・編集・表示・ヘルプ', () => {
    expect(template.map((m) => m.label?.replace(/\(&.\)/, ''))).toEqual(['ファイル', '編集', '表示', 'ヘルプ']);
  });

  it('locks with Ctrl+L', () => {
    const lock = flatten(template).find((i) => i.label?.startsWith('ロック'));
    expect(lock?.accelerator).toBe('CmdOrCtrl+L');
    lock?.click?.(undefined as never, undefined, undefined as never);
    expect(actions.lock).toHaveBeenCalledTimes(1);
  });

  it('prints and quits through the given actions', () => {
    const items = flatten(template);
    const print = items.find((i) => i.label?.startsWith('印刷'));
    const quit = items.find((i) => i.label?.startsWith('終了'));
    print?.click?.(undefined as never, undefined, undefined as never);
    quit?.click?.(undefined as never, undefined, undefined as never);
    expect(actions.print).toHaveBeenCalledTimes(1);
    expect(actions.quit).toHaveBeenCalledTimes(1);
    expect(print?.accelerator).toBe('CmdOrCtrl+P');
  });

  it('offers no reload (it would lose a form being filled in) and no dev tools when packaged', () => {
    const roles = flatten(template).map((i) => i.role);
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(roles).not.toContain('toggleDevTools');
    const dev = flatten(buildMenuTemplate({ ...actions, devTools: true })).map((i) => i.role);
    expect(dev).toContain('toggleDevTools');
  });

  it('opens 新規受付 with Ctrl+N and the list of shortcuts with F1 (ヘルプ › キーボードショートカット)', () => {
    const items = flatten(template);
    const intake = items.find((i) => i.label?.startsWith('新規受付'));
    const list = items.find((i) => i.label?.startsWith('キーボードショートカット'));
    expect(intake?.accelerator).toBe('CmdOrCtrl+N');
    expect(list?.accelerator).toBe('F1');
    intake?.click?.(undefined as never, undefined, undefined as never);
    list?.click?.(undefined as never, undefined, undefined as never);
    expect(actions.newIntake).toHaveBeenCalledTimes(1);
    expect(actions.shortcuts).toHaveBeenCalledTimes(1);
    const help = template.find((m) => m.label?.startsWith('ヘルプ'));
    expect(flatten([help ?? {}]).map((i) => i.label)).toContain('キーボードショートカット(&K)');
  });

  // Electron's own accelerators for the roles the menu uses (undo, copy, zoom, full screen, …).
  const roleDefaults = [
    'CmdOrCtrl+Z',
    'Shift+CmdOrCtrl+Z',
    'CmdOrCtrl+Y',
    'CmdOrCtrl+X',
    'CmdOrCtrl+C',
    'CmdOrCtrl+V',
    'CmdOrCtrl+A',
    'CmdOrCtrl+-',
    'CmdOrCtrl+0',
    'F11',
    'CmdOrCtrl+Shift+I',
  ];

  it('binds each accelerator once, none of them a role’s own, and lists every one of them', () => {
    const bound = flatten(buildMenuTemplate({ ...actions, devTools: true }))
      .map((i) => i.accelerator)
      .filter((a): a is string => typeof a === 'string');
    expect(new Set(bound).size).toBe(bound.length);
    for (const a of bound) expect(roleDefaults).not.toContain(a);
    const listed = shortcutGroups.flatMap((g) => g.items.flatMap((i) => i.keys));
    for (const a of bound) expect(listed).toContain(a.replace('CmdOrCtrl+', 'Ctrl+').replace('Plus', '+'));
  });
});
