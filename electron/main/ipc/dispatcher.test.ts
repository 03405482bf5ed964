import { describe, expect, it, vi } from 'vitest';
import { channelNames, ErrorCode } from '../../../core/contract';
import type { Role } from '../../../core/domain/roles';
import { createMemoryLogger } from '../log';
import { AppError } from '../errors';
import { createDispatcher, isPlainData } from './dispatcher';
import type { CallContext, HandlerMap } from './handlers-type';

const info = {
  appName: 'Madoguchi',
  version: '1.2.3',
  runtime: 'harness' as const,
  platform: 'linux',
  dataDir: '/data',
  database: { state: 'absent' as const, schemaVersion: null },
};

function setup(
  handler: HandlerMap['app.info'] = () => info,
  validateOutput = true,
  context: CallContext = { session: null },
) {
  const spy = vi.fn(handler);
  const logger = createMemoryLogger();
  const others = Object.fromEntries(channelNames.map((n) => [n, vi.fn(() => ({}))]));
  const handlers = { ...others, 'app.info': spy } as unknown as HandlerMap;
  const dispatch = createDispatcher({ handlers, logger, validateOutput, context: () => context });
  return { dispatch, spy, logger, handlers };
}

const session = (roles: Role[], mustChangePassword = false): CallContext => ({
  session: { accountId: 'a1', roles, mustChangePassword },
});

describe('dispatcher', () => {
  it('answers a valid call with ok and the handler output', async () => {
    const { dispatch, spy } = setup();
    await expect(dispatch('app.info', {}, true)).resolves.toEqual({ ok: true, data: info });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a string', 'x'],
    ['null', null],
    ['undefined', undefined],
    ['an unknown key', { extra: 1 }],
    ['an array', []],
  ])(
    'refuses a malformed payload (%s) with BAD_INPUT and zod issues, without calling the handler',
    async (_label, payload) => {
      const { dispatch, spy } = setup();
      const result = await dispatch('app.info', payload, true);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(ErrorCode.BAD_INPUT);
      expect(result.error.message).toMatch(/入力内容/);
      expect(result.error.issues?.length).toBeGreaterThan(0);
      expect(spy).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['a Date', new Date()],
    ['a Map', new Map()],
    ['a typed array', new Uint8Array(2)],
    ['a __proto__ key', JSON.parse('{"__proto__":{"admin":true}}') as unknown],
    ['a constructor key', { constructor: { prototype: {} } }],
    ['an infinite number deep inside', { a: [{ b: Infinity }] }],
    ['nesting deeper than 32', JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) as unknown],
  ])('refuses a payload that is not plain data (%s) before any schema or handler', async (_label, payload) => {
    const { dispatch, spy } = setup();
    const result = await dispatch('app.info', payload, true);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.BAD_INPUT } });
    expect(spy).not.toHaveBeenCalled();
  });

  // app.info takes no input, so its schema would refuse these keys anyway; glyphs.check takes a
  // record with free keys, which a prototype-naming key would pass unless the dispatcher refuses it.
  it.each([
    ['__proto__', JSON.parse('{"texts":{"__proto__":"x"}}') as unknown],
    ['constructor', { texts: { constructor: 'x' } }],
    ['prototype', { texts: { prototype: 'x' } }],
  ])('refuses a %s key that the schema itself would accept, before the handler', async (_label, payload) => {
    const { dispatch, handlers } = setup(undefined, true, session(['staff']));
    const result = await dispatch('glyphs.check', payload, true);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.BAD_INPUT } });
    expect(result.ok || result.error.issues).toBeUndefined();
    expect(handlers['glyphs.check']).not.toHaveBeenCalled();
  });

  it('lets the same record through with ordinary keys (so the refusal above is the key check)', async () => {
    const { dispatch, handlers } = setup(undefined, true, session(['staff']));
    const result = await dispatch('glyphs.check', { texts: { name: 'x', protoType: 'y' } }, true);
    expect(result).toEqual({ ok: true, data: {} });
    expect(handlers['glyphs.check']).toHaveBeenCalledTimes(1);
  });

  it('finds prototype-naming keys at any depth', () => {
    expect(isPlainData({ a: [{ b: { constructor: 1 } }] })).toBe(false);
    expect(isPlainData(JSON.parse('[{"__proto__":null}]'))).toBe(false);
    expect(isPlainData({ a: [{ b: { prototype: 'x' } }] })).toBe(false);
    expect(isPlainData({ a: [{ b: { constructors: 1, proto: 2 } }] })).toBe(true);
  });

  it('counts an unset optional field (undefined, as Electron delivers it) as plain data', () => {
    expect(isPlainData({ a: undefined, b: [null, 'x', 1.5, true] })).toBe(true);
    expect(isPlainData({ a: NaN })).toBe(false);
  });

  it('refuses an unknown channel, including prototype keys', async () => {
    const { dispatch, spy } = setup();
    for (const name of ['app.nothing', '__proto__', 'constructor', 'toString', '']) {
      const result = await dispatch(name, {}, true);
      expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.UNKNOWN_CHANNEL } });
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a foreign sender before looking at the payload', async () => {
    const { dispatch, spy, logger } = setup();
    const result = await dispatch('app.info', {}, false);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
    expect(spy).not.toHaveBeenCalled();
    expect(logger.entries.at(-1)?.event).toBe('ipc.refused_sender');
  });

  it('returns an AppError thrown by a service as data', async () => {
    const { dispatch } = setup(() => {
      throw new AppError(ErrorCode.CONFLICT, '既に更新されています。');
    });
    await expect(dispatch('app.info', {}, true)).resolves.toEqual({
      ok: false,
      error: { code: ErrorCode.CONFLICT, message: '既に更新されています。' },
    });
  });

  it('hides an unexpected error behind INTERNAL and logs no message text', async () => {
    const { dispatch, logger } = setup(() => {
      throw new Error('山田太郎 secret detail');
    });
    const result = await dispatch('app.info', {}, true);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.INTERNAL } });
    expect(JSON.stringify(result)).not.toContain('山田太郎');
    expect(JSON.stringify(logger.entries)).not.toContain('山田太郎');
  });

  it('catches a handler whose output breaks the contract when output validation is on', async () => {
    const broken = () => ({ ...info, version: 42 }) as unknown as typeof info;
    const checked = setup(broken, true);
    await expect(checked.dispatch('app.info', {}, true)).resolves.toMatchObject({
      ok: false,
      error: { code: ErrorCode.INTERNAL },
    });
    const unchecked = setup(broken, false);
    await expect(unchecked.dispatch('app.info', {}, true)).resolves.toMatchObject({ ok: true });
  });

  it('answers LOCKED to a session channel while nobody is logged in, before parsing or calling', async () => {
    const { dispatch, handlers } = setup();
    const result = await dispatch('accounts.list', {}, true);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.LOCKED } });
    expect(handlers['accounts.list']).not.toHaveBeenCalled();
    const settings = await dispatch('settings.get', {}, true);
    expect(settings).toMatchObject({ ok: false, error: { code: ErrorCode.LOCKED } });
  });

  it('refuses a role-restricted channel to an account without the role', async () => {
    const { dispatch, handlers } = setup(undefined, true, session(['staff', 'approver']));
    await expect(dispatch('accounts.list', {}, true)).resolves.toMatchObject({
      ok: false,
      error: { code: ErrorCode.FORBIDDEN },
    });
    expect(handlers['accounts.list']).not.toHaveBeenCalled();
    const admin = setup(undefined, false, session(['admin']));
    await expect(admin.dispatch('accounts.list', {}, true)).resolves.toMatchObject({ ok: true });
  });

  it('allows only the password change and lock while a temporary password is in use', async () => {
    const { dispatch, handlers } = setup(undefined, false, session(['admin'], true));
    await expect(dispatch('accounts.list', {}, true)).resolves.toMatchObject({
      ok: false,
      error: { code: ErrorCode.PASSWORD_CHANGE_REQUIRED },
    });
    await expect(
      dispatch('session.changePassword', { currentPassword: 'x', newPassword: 'y' }, true),
    ).resolves.toMatchObject({ ok: true });
    await expect(dispatch('session.lock', { reason: 'manual' }, true)).resolves.toMatchObject({ ok: true });
    expect(handlers['accounts.list']).not.toHaveBeenCalled();
  });
});
