import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MadoguchiApi } from '../../../core/contract';
import { ApiError, call, errorMessage } from './api';

const info = {
  appName: 'Madoguchi',
  version: '1.0.0',
  runtime: 'harness' as const,
  platform: 'linux',
  dataDir: '/d',
  database: { state: 'open' as const, schemaVersion: 1 },
};

function install(api: Partial<MadoguchiApi> | undefined) {
  vi.stubGlobal('window', api === undefined ? {} : { madoguchi: api });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('renderer api', () => {
  it('returns the data of an ok result', async () => {
    install({ 'app.info': () => Promise.resolve({ ok: true as const, data: info }) });
    await expect(call('app.info', {})).resolves.toEqual(info);
  });

  it('throws an ApiError carrying the code, the Japanese message and the issues', async () => {
    install({
      'app.info': () =>
        Promise.resolve({
          ok: false as const,
          error: {
            code: 'BAD_INPUT' as const,
            message: '入力内容に誤りがあります。',
            issues: [{ path: ['x'], message: 'bad' }],
          },
        }),
    });
    const err = await call('app.info', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'BAD_INPUT', message: '入力内容に誤りがあります。', issues: [{ path: ['x'] }] });
    expect(errorMessage(err)).toBe('入力内容に誤りがあります。');
  });

  it('turns a missing bridge or a transport failure into a Japanese INTERNAL error', async () => {
    install(undefined);
    await expect(call('app.info', {})).rejects.toMatchObject({ code: 'INTERNAL' });
    install({ 'app.info': () => Promise.reject(new Error('channel closed')) });
    const err = await call('app.info', {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INTERNAL' });
    expect(errorMessage(err)).toMatch(/内部エラー/);
    expect(errorMessage(new Error('raw'))).toMatch(/内部エラー/);
  });
});
