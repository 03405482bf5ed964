import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyDecision } from '../../../core/domain/decisions';
import { makeP12 } from '../pdf/test-certificate';
import {
  call,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  ADMIN_PASSWORD,
  tempDataDir,
  failure,
} from '../testing/support';

const NOW = new Date('2026-11-22T01:00:00Z');

// A request taken to 回答準備 with a full disclosure decision (drafted by admin, approved by another).
async function approvedRequest(opens: string[], saveDir: string, name = '山田 太郎', replyAddress = '') {
  const dataDir = tempDataDir();
  const s = makeServices(dataDir, {
    clock: () => NOW,
    fileLog: true,
    dialogs: {
      openFile: () => Promise.resolve(opens.shift() ?? null),
      saveFile: (o) => Promise.resolve(join(saveDir, o.defaultName)),
    },
  });
  await setupVault(s);
  const base = intakeInput();
  const r = await call(s, 'intake.create', {
    ...base,
    principal: { ...base.principal, name },
    ...(replyAddress ? { replyAddress, replyPostalCode: '100-0001' } : {}),
  });
  for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
    await call(s, 'requests.transition', { id: r.id, action, comment: '' });
  }
  await call(s, 'requests.saveDecision', {
    id: r.id,
    kind: 'disclosure',
    decision: { ...emptyDecision(), outcome: 'full', disclosed: '氏名、住所、購入履歴' },
  });
  await call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' });
  await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
  await call(s, 'requests.transition', { id: r.id, action: 'approve', comment: '' });
  await switchTo(s, 'admin', ADMIN_PASSWORD);
  return { s, id: r.id, dataDir };
}

describe('letters service', () => {
  it('finalizes a signed 開示決定通知書 with a document number, stores its bytes and SHA-256, and saves them', async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-letters-svc-'));
    makeP12(work, 'secret pass');
    const { s, id, dataDir } = await approvedRequest([join(work, 'id.p12')], work);
    const cert = await call(s, 'letters.importCertificate', { passphrase: 'secret pass' });
    expect(cert?.subject).toContain('CN=Privacy Officer');

    expect((await call(s, 'letters.pending', {})).map((p) => p.kind)).toEqual(['disclosureDecision']);
    const info = await call(s, 'letters.list', { requestId: id });
    expect(info.available.map((a) => a.kind)).toEqual(['receipt', 'disclosureDecision']);
    expect(info.signing).toBe(true);
    const done = await call(s, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' });
    expect(done).toMatchObject({ documentNo: '個保第1号', signed: true });
    expect(await call(s, 'letters.pending', {})).toEqual([]);
    const second = await call(s, 'letters.finalize', { requestId: id, kind: 'receipt' });
    expect(second.documentNo).toBe('個保第2号');

    const content = await call(s, 'letters.content', { id: done.id });
    const bytes = Buffer.from(content.base64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(content.sha256);
    expect(bytes.includes(Buffer.from('ETSI.CAdES.detached'))).toBe(true);
    expect(bytes.toString('latin1')).toContain('/ByteRange');

    expect(await call(s, 'letters.save', { id: done.id })).toEqual({ saved: true });
    const saved = readFileSync(join(work, '個保第1号.pdf'));
    expect(saved.equals(bytes)).toBe(true);
    await call(s, 'letters.printed', { id: done.id });

    const audit = await call(s, 'audit.list', { offset: 0, limit: 200 });
    const actions = audit.entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['letters.certificate', 'letters.finalize', 'letters.save', 'letters.print']),
    );
    // The passphrase is never written anywhere: not in the audit log, not in the logs.
    expect(JSON.stringify(audit.entries)).not.toContain('secret pass');
    for (const f of readdirSync(join(dataDir, 'logs'), { recursive: true }) as string[]) {
      if (f.endsWith('.log')) expect(readFileSync(join(dataDir, 'logs', f), 'utf8')).not.toContain('secret pass');
    }
    await s.close();
  });

  it('finalizes unsigned without a certificate, and says so', async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-letters-svc-'));
    const { s, id } = await approvedRequest([], work);
    expect((await call(s, 'letters.list', { requestId: id })).signing).toBe(false);
    const done = await call(s, 'letters.finalize', { requestId: id, kind: 'receipt' });
    expect(done.signed).toBe(false);
    await s.close();
  });

  // (A name or address of the person the fonts lack is refused at intake without its spelling for
  // letters; the 送付先 address is not, and reaches this guard.)
  it('refuses to finalize a letter that would lose a character, naming the field and the character', async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-letters-svc-'));
    const { s, id } = await approvedRequest([], work, '山田 太郎', '東京都港区伟町1-1');
    const refused = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'receipt' }));
    expect(refused.code).toBe(ErrorCode.BAD_INPUT);
    expect(refused.message).toContain('宛名（住所）に、回答書の書体にない文字「伟」があります');
    expect((await call(s, 'letters.list', { requestId: id })).finalized).toEqual([]);
    await s.close();
  });

  it('refuses to finalize a letter whose address block does not fit the envelope window, saying so', async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-letters-svc-'));
    const { s, id } = await approvedRequest(
      [],
      work,
      '寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末食う寝る処に住む処藪ら柑子の藪柑子 太郎',
    );
    await call(s, 'settings.updateLetters', {
      documentNoPattern: '個保第{連番}号',
      dateStyle: 'wareki',
      windowEnvelope: true,
      window: { left: 23, top: 13, width: 90, height: 25 },
      templates: {},
    });
    const refused = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'receipt' }));
    expect(refused.code).toBe(ErrorCode.BAD_INPUT);
    expect(refused.message).toMatch(/^宛名が封筒の窓に収まりません。/);
    expect((await call(s, 'letters.list', { requestId: id })).finalized).toEqual([]);
    await s.close();
  });

  it('refuses a wrong passphrase and a letter the request cannot have', async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-letters-svc-'));
    makeP12(work, 'right');
    const { s, id } = await approvedRequest([join(work, 'id.p12')], work);
    const wrong = await failure(call(s, 'letters.importCertificate', { passphrase: 'wrong' }));
    expect(wrong.message).toContain('パスフレーズが正しいか');
    expect((await call(s, 'settings.get', {})).certificate).toBeNull();
    const notNow = await failure(call(s, 'letters.finalize', { requestId: id, kind: 'withdrawal' }));
    expect(notNow.message).toBe('この請求では「取下げの確認」は作成できません（記録がそろっていません）。');
    await s.close();
  });

  it('takes a PNG seal and refuses anything else, and draws the seal on letters', async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-letters-svc-'));
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxAADAA4GAQDYykJnAAAAAElFTkSuQmCC',
      'base64',
    );
    writeFileSync(join(work, 'seal.png'), png);
    writeFileSync(join(work, 'seal.jpg.png'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]));
    const { s, id } = await approvedRequest([join(work, 'seal.jpg.png'), join(work, 'seal.png')], work);
    const refused = await failure(call(s, 'letters.importSeal', {}));
    expect(refused.message).toContain('PNG 画像ではありません');
    expect((await call(s, 'settings.get', {})).seal).toBe(false);
    expect(await call(s, 'letters.importSeal', {})).toBe(true);
    expect((await call(s, 'settings.get', {})).seal).toBe(true);
    const done = await call(s, 'letters.finalize', { requestId: id, kind: 'receipt' });
    const bytes = Buffer.from((await call(s, 'letters.content', { id: done.id })).base64, 'base64');
    expect(bytes.toString('latin1')).toContain('/Subtype /Image');
    await call(s, 'letters.removeSeal', {});
    expect((await call(s, 'settings.get', {})).seal).toBe(false);
    await s.close();
  });

  it('validates the letter settings and previews an edited template on the sample request', async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-letters-svc-'));
    const { s } = await approvedRequest([], work);
    const bad = await failure(
      call(s, 'settings.updateLetters', {
        documentNoPattern: '個保第号',
        dateStyle: 'wareki',
        windowEnvelope: false,
        templates: {},
      }),
    );
    expect(bad.issues?.[0]?.message).toBe('文書番号の形式には {連番} を含めてください（例: 個保第{連番}号）。');
    const badTemplate = await failure(
      call(s, 'letters.templatePreview', { kind: 'receipt', template: { title: '受付のお知らせ', body: '{名前}様' } }),
    );
    expect(badTemplate.issues?.[0]?.message).toMatch(/^「\{名前\}」は使えない差し込み項目です。/);
    const preview = await call(s, 'letters.templatePreview', {
      kind: 'receipt',
      template: { title: '受付のお知らせ（見本）', body: '{受付番号}の請求を受け付けました。' },
    });
    const text = Buffer.from(preview.base64, 'base64');
    expect(text.subarray(0, 5).toString()).toBe('%PDF-');
    await call(s, 'settings.updateLetters', {
      documentNoPattern: '{年}個第{連番}号',
      dateStyle: 'seireki',
      windowEnvelope: true,
      templates: {},
    });
    expect((await call(s, 'settings.get', {})).letters.documentNoPattern).toBe('{年}個第{連番}号');

    // The envelope window: a rectangle off the sheet is refused in Japanese and changes nothing.
    const offSheet = await failure(
      call(s, 'settings.updateLetters', {
        documentNoPattern: '個保第{連番}号',
        dateStyle: 'wareki',
        windowEnvelope: true,
        window: { left: 23, top: 200, width: 90, height: 45 },
        templates: {},
      }),
    );
    expect(offSheet.code).toBe(ErrorCode.BAD_INPUT);
    expect(offSheet.issues?.[0]?.message).toBe('窓の上端は120mm以下にしてください。');
    expect((await call(s, 'settings.get', {})).letters.documentNoPattern).toBe('{年}個第{連番}号');
    await call(s, 'settings.updateLetters', {
      documentNoPattern: '個保第{連番}号',
      dateStyle: 'wareki',
      windowEnvelope: true,
      window: { left: 20, top: 15, width: 95, height: 45 },
      templates: {},
    });
    expect((await call(s, 'settings.get', {})).letters.window).toEqual({ left: 20, top: 15, width: 95, height: 45 });
    await s.close();
  });
});
