import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { windowOptions } from './security';

const constructed: unknown[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(options: unknown) {
      constructed.push(options);
    }
    once() {
      return this;
    }
    loadURL() {
      return Promise.resolve();
    }
  }
  return { BrowserWindow };
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('window factory', () => {
  it('builds the window with the secure options', async () => {
    const { createMainWindow } = await import('./window');
    await createMainWindow('/app/preload/index.cjs');
    expect(constructed).toEqual([windowOptions('/app/preload/index.cjs')]);
  });

  it('is the only place a BrowserWindow is created', () => {
    const root = join(__dirname, '..');
    const creators = sources(root)
      .filter((f) => readFileSync(f, 'utf8').includes('new BrowserWindow('))
      .map((f) => relative(root, f).replaceAll('\\', '/'));
    expect(creators).toEqual(['main/window.ts']);
  });
});
