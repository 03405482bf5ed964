import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import {
  ADMIN_PASSWORD,
  OTHER_PASSWORD,
  call,
  failure,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

describe('drafts', () => {
  it('keeps one draft per account and form, encrypted with the rest, until cleared', async () => {
    const s = makeServices(tempDataDir(), { clock: () => new Date('2026-11-22T01:00:00Z') });
    await setupVault(s);
    expect(await call(s, 'drafts.get', { kind: 'intake' })).toBeNull();
    await call(s, 'drafts.save', { kind: 'intake', data: { principal: { name: '山田 太郎' } } });
    expect(await call(s, 'drafts.get', { kind: 'intake' })).toEqual({
      savedAt: '2026-11-22T01:00:00.000Z',
      data: { principal: { name: '山田 太郎' } },
    });
    // Another account does not see it.
    await switchToNewAccount(s, 'tanto', ['staff']);
    expect(await call(s, 'drafts.get', { kind: 'intake' })).toBeNull();
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    expect((await call(s, 'drafts.get', { kind: 'intake' }))?.data).toEqual({ principal: { name: '山田 太郎' } });
    await call(s, 'drafts.clear', { kind: 'intake' });
    expect(await call(s, 'drafts.get', { kind: 'intake' })).toBeNull();
    // Disabling an account removes its drafts.
    await switchTo(s, 'tanto', OTHER_PASSWORD);
    await call(s, 'drafts.save', { kind: 'intake', data: { notes: '担当者の下書き' } });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const tanto = (await call(s, 'accounts.list', {})).find((a) => a.loginName === 'tanto');
    await call(s, 'accounts.update', { id: tanto?.id ?? '', disabled: true });
    const left = await s.vault.q().selectFrom('settings').select('key').where('key', 'like', 'draft:%').execute();
    expect(left).toEqual([]);
    // A draft too large is refused, not cut.
    const huge = await failure(call(s, 'drafts.save', { kind: 'intake', data: { notes: 'x'.repeat(300_000) } }));
    expect(huge.code).toBe(ErrorCode.BAD_INPUT);
    await s.close();
  });
});
