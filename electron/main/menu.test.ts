import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('application menu', () => {
  const actions = { print: vi.fn(), lock: vi.fn(), about: vi.fn(), quit: vi.fn(), devTools: false };
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
});
