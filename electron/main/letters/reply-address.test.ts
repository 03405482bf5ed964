import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, failure, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';

const textOf = (base64: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'madoguchi-reply-')), 'l.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
};

describe('a reply address of its own', () => {
  it('is printed with its own 郵便番号, not the form’s', async () => {
    const s = makeServices(tempDataDir(), { clock: () => new Date('2026-11-22T01:00:00Z') });
    await setupVault(s);
    const r = await call(s, 'intake.create', {
      ...intakeInput(),
      replyAddress: '大阪府大阪市北区梅田1-1-1 梅田ビル5階',
      replyPostalCode: '530-0001',
    });
    expect(r.replyPostalCode).toBe('530-0001');
    const text = textOf((await call(s, 'letters.preview', { requestId: r.id, kind: 'receipt' })).base64);
    // The address block: the reply 郵便番号 right above the reply address (the form's 〒100-0001
    // belongs to the form's address, which is not used).
    expect(text).toContain('〒530-0001大阪府大阪市北区梅田1-1-1');
    expect(text).not.toContain('〒100-0001大阪府');
  });

  it('is refused without its 郵便番号, next to the field', async () => {
    const s = makeServices(tempDataDir(), { clock: () => new Date('2026-11-22T01:00:00Z') });
    await setupVault(s);
    const bad = await failure(
      call(s, 'intake.create', { ...intakeInput(), replyAddress: '大阪府大阪市北区梅田1-1-1' }),
    );
    expect(bad.code).toBe('BAD_INPUT');
    expect(bad.issues?.find((i) => i.path.at(-1) === 'replyPostalCode')?.message).toBe(
      '送付先の郵便番号を入力してください。',
    );
    expect((await call(s, 'requests.list', { ...(await import('../../../core/contract')).listFilter() })).total).toBe(
      0,
    );
  });
});
