import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyItem } from '../../../core/domain/intake/request';
import { appointedInput, call, intakeInput, makeServices, setupVault, tempDataDir, failure } from '../testing/support';

const NOW = new Date('2026-11-22T01:00:00Z'); // 10:00 in Japan

async function ready(files: string[] = []) {
  const queue = [...files];
  const services = makeServices(tempDataDir(), {
    clock: () => NOW,
    dialogs: { openFile: () => Promise.resolve(queue.shift() ?? null), saveFile: () => Promise.resolve(null) },
  });
  await setupVault(services);
  return services;
}

function scratchFile(name: string, content: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'madoguchi-upload-')), name);
  writeFileSync(path, content);
  return path;
}

const requestCount = async (s: Awaited<ReturnType<typeof ready>>) =>
  (
    await s.vault
      .q()
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('intake', () => {
  it('registers a 本人 開示 request with a driving licence and a 1,000円 定額小為替: 確認済 and 充足', async () => {
    const s = await ready();
    const r = await call(s, 'intake.create', intakeInput());
    expect(r.receiptNo).toBe('2026-0001');
    expect(r.identity.result.status).toBe('verified');
    expect(r.fee).toMatchObject({ status: 'paid', due: 1000 });
    // Arrived Friday 2026-11-20: 39条 date 12-04; ten business days (11-23 勤労感謝の日 skipped) end 12-07.
    expect(r.deadlines).toMatchObject({ article39Date: '2026-12-04', slaDate: '2026-12-07', dueDate: '2026-12-04' });
    const second = await call(
      s,
      'intake.create',
      intakeInput({ replyAddress: '大阪府大阪市北区梅田1-1-1 転送先', replyPostalCode: '530-0001' }),
    );
    expect(second.receiptNo).toBe('2026-0002');
    expect((await call(s, 'requests.get', { id: second.id })).replyAddress).toBe('大阪府大阪市北区梅田1-1-1 転送先');
    expect(await call(s, 'requests.get', { id: r.id })).toEqual(r);
    await s.close();
  });

  it('shows an agent request with an expired 印鑑登録証明書 as 不備', async () => {
    const s = await ready();
    const r = await call(s, 'intake.create', appointedInput('2026-06-01'));
    expect(r.identity.result.status).toBe('defective');
    expect(r.identity.result.defects.map((d) => d.code)).toEqual(['tooOld']);
    expect(r.identity.result.defects[0]?.message).toMatch(
      /印鑑登録証明書は発行日（2026年6月1日）から3か月を超えています/,
    );
    await s.close();
  });

  it('refuses a name or address the letter fonts lack without its spelling for letters, beside the field', async () => {
    const s = await ready();
    const principal = { ...intakeInput().principal, name: '王 伟', address: '東京都港区芝1-1' };
    const refused = await failure(call(s, 'intake.create', intakeInput({ principal })));
    expect(refused).toMatchObject({
      code: ErrorCode.BAD_INPUT,
      message: '本人の氏名に回答書の書体にない文字があるため、回答書用の氏名を入力してください。',
    });
    expect(refused.issues).toEqual([
      {
        path: ['principal', 'letterName'],
        message: '本人の氏名に回答書の書体にない文字があるため、回答書用の氏名を入力してください。',
      },
    ]);
    // A spelling the fonts lack too is no better.
    const still = await failure(
      call(s, 'intake.create', intakeInput({ principal: { ...principal, letterName: '王伟' } })),
    );
    expect(still.issues?.[0]?.message).toContain('「伟」（U+4F1F）');
    expect(await requestCount(s)).toBe(0);
    const r = await call(s, 'intake.create', intakeInput({ principal: { ...principal, letterName: '王 偉' } }));
    expect(r.principal.letterName).toBe('王 偉');
    // Correcting it afterwards is held to the same rule.
    const input = intakeInput({ principal: { ...principal, letterName: '' } });
    const update = await failure(call(s, 'intake.update', { id: r.id, input }));
    expect(update.issues?.[0]?.path).toEqual(['principal', 'letterName']);
    await s.close();
  });

  it('refuses a future 到達日, an empty required field and a fee schedule for 訂正, storing nothing', async () => {
    const s = await ready();
    const future = await failure(call(s, 'intake.create', intakeInput({ arrivalDate: '2026-11-23', payments: [] })));
    expect(future).toMatchObject({ code: ErrorCode.BAD_INPUT, message: '到達日に未来の日付は指定できません。' });
    expect(future.issues?.[0]?.path).toEqual(['arrivalDate']);
    // A future 生年月日 is refused the same way, beside its field.
    const unborn = await failure(
      call(s, 'intake.create', intakeInput({ principal: { ...intakeInput().principal, birthDate: '2026-11-23' } })),
    );
    expect(unborn.issues).toEqual([
      { path: ['principal', 'birthDate'], message: '生年月日に未来の日付は指定できません。' },
    ]);
    const empty = await failure(
      call(s, 'intake.create', intakeInput({ principal: { ...intakeInput().principal, name: '' } })),
    );
    expect(empty.code).toBe(ErrorCode.BAD_INPUT);
    expect(empty.issues).toContainEqual({ path: ['principal', 'name'], message: '氏名を入力してください。' });
    const fee = await failure(
      call(s, 'settings.updateFees', { amount: 1000, per: 'request', accepted: ['stamps'], kinds: ['correction'] }),
    );
    expect(fee.issues?.[0]?.message).toMatch(/手数料を求めることはできません（個人情報保護法第38条第1項）/);
    expect(await requestCount(s)).toBe(0);
    expect((await call(s, 'settings.get', {})).fees.kinds).toEqual(['purpose', 'disclosure', 'thirdPartyRecords']);
    // An amount of its own for 訂正 is refused the same way, and nothing changes.
    const own = await failure(
      call(s, 'settings.updateFees', {
        amount: 1000,
        per: 'request',
        accepted: ['stamps'],
        kinds: ['purpose', 'disclosure'],
        amounts: { correction: 500 },
      }),
    );
    expect(own.issues?.[0]?.message).toMatch(/手数料を求めることはできません/);
    expect((await call(s, 'settings.get', {})).fees.amounts).toBeUndefined();
    await s.close();
  });

  it('takes a window of its own per certificate, and refuses 0 months, 100 years, a document without one or an unknown one', async () => {
    const s = await ready();
    const base = { receiptPattern: '{YYYY}-{NNNN}', issueWindowMonths: 3, lawyerNeedsSealCertificate: false };
    for (const issueWindows of [
      { residentRecord: 0 },
      { residentRecord: 1200 },
      { drivingLicence: 6 },
      { bogus: 6 } as unknown as Record<string, number>,
    ]) {
      const refused = await failure(call(s, 'settings.updateIntake', { ...base, issueWindows }));
      expect(refused.code).toBe(ErrorCode.BAD_INPUT);
      expect(refused.issues?.[0]?.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
    expect((await call(s, 'settings.get', {})).intake.issueWindows).toBeUndefined();
    await call(s, 'settings.updateIntake', { ...base, issueWindows: { residentRecord: 6 } });
    // A 住民票 issued five months before arrival now counts; a 戸籍謄本 of the same age would not.
    const base2 = intakeInput();
    const r = await call(s, 'intake.create', {
      ...base2,
      identity: {
        ...base2.identity,
        documents: [
          {
            id: 'r',
            type: 'residentRecord',
            holder: 'principal',
            original: true,
            expiresOn: null,
            issuedOn: '2026-06-25',
          },
          {
            id: 'h',
            type: 'healthInsurance',
            holder: 'principal',
            original: false,
            expiresOn: null,
            issuedOn: null,
            insurerNumberMasked: 'us',
          },
        ],
      },
    });
    expect(r.identity.result.defects).toEqual([]);
    await s.close();
  });

  it('charges 利用目的の通知 its own fee when the company sets one', async () => {
    const s = await ready();
    await call(s, 'settings.updateFees', {
      amount: 1000,
      per: 'request',
      accepted: ['postalMoneyOrder', 'stamps'],
      kinds: ['purpose', 'disclosure', 'thirdPartyRecords'],
      amounts: { purpose: 500 },
    });
    const purpose = await call(
      s,
      'intake.create',
      intakeInput({
        items: [emptyItem('purpose')],
        disclosureMethod: null,
        payments: [{ id: 'p', means: 'stamps', amount: 500, receivedOn: '2026-11-20' }],
      }),
    );
    expect(purpose.fee).toMatchObject({ due: 500, status: 'paid' });
    expect((await call(s, 'intake.create', intakeInput())).fee).toMatchObject({ due: 1000, status: 'paid' });
    await s.close();
  });

  it('flags a fee enclosed with a 訂正 request to be returned', async () => {
    const s = await ready();
    const r = await call(
      s,
      'intake.create',
      intakeInput({
        items: [
          {
            kind: 'correction',
            dataItems: '住所',
            period: '',
            currentContent: '旧住所',
            correctContent: '新住所',
            grounds: [],
            groundText: '',
          },
        ],
        disclosureMethod: null,
      }),
    );
    expect(r.fee).toMatchObject({ status: 'notRequired', toReturn: 1000 });
    await s.close();
  });

  it('stores a scanned PDF encrypted, detected by content; refuses a renamed non-PDF and a 30 MB file', async () => {
    const pdf = scratchFile('scan.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20)]));
    const fake = scratchFile('invoice.pdf', Buffer.from('MZ\x90\x00 this is an executable'));
    const huge = scratchFile('huge.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(30 * 1024 * 1024)]));
    const s = await ready([pdf, fake, huge]);
    const r = await call(s, 'intake.create', intakeInput());
    const added = await call(s, 'enclosures.add', { requestId: r.id, type: 'requestForm' });
    expect(added).toMatchObject({ mime: 'application/pdf', type: 'requestForm', size: 2009 });
    const renamed = await failure(call(s, 'enclosures.add', { requestId: r.id, type: 'identity' }));
    expect(renamed.message).toMatch(/PDF・PNG・JPEG・TIFF のいずれでもありません/);
    const tooBig = await failure(call(s, 'enclosures.add', { requestId: r.id, type: 'identity' }));
    expect(tooBig.message).toMatch(/ファイルが大きすぎます（30.0MB）/);
    expect((await call(s, 'requests.get', { id: r.id })).enclosures).toHaveLength(1);
    const content = await call(s, 'enclosures.content', { id: added?.id ?? '' });
    expect(Buffer.from(content.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // A cancelled dialog adds nothing.
    expect(await call(s, 'enclosures.add', { requestId: r.id, type: 'identity' })).toBeNull();
    await s.close();
  });

  it('finds requests by フリガナ prefix (hiragana too) and by 受付番号, and warns of an open duplicate', async () => {
    const s = await ready();
    await call(s, 'intake.create', intakeInput());
    await call(
      s,
      'intake.create',
      intakeInput({
        principal: {
          ...intakeInput().principal,
          name: '山本 一郎',
          kana: 'ヤマモト イチロウ',
          phone: '',
          birthDate: null,
        },
      }),
    );
    expect((await call(s, 'requests.search', { query: 'やまだ', limit: 10 })).map((r) => r.principalName)).toEqual([
      '山田 太郎',
    ]);
    expect((await call(s, 'requests.search', { query: 'ﾔﾏ', limit: 10 })).length).toBe(2);
    expect((await call(s, 'requests.search', { query: '2026-0002', limit: 10 })).map((r) => r.principalKana)).toEqual([
      'ヤマモト イチロウ',
    ]);
    const dup = await call(s, 'intake.duplicates', { name: '山田太郎', kana: '', birthDate: '1980-04-01', phone: '' });
    expect(dup.rows.map((d) => d.receiptNo)).toEqual(['2026-0001']);
    const byPhone = await call(s, 'intake.duplicates', {
      name: '',
      kana: 'やまだたろう',
      birthDate: null,
      phone: '0312345678',
    });
    expect(byPhone.rows).toHaveLength(1);
    expect(
      (await call(s, 'intake.duplicates', { name: '山田太郎', kana: '', birthDate: '1990-01-01', phone: '' })).rows,
    ).toEqual([]);
    await s.close();
  });

  it('numbers requests with the administrator’s pattern, never reusing a number, and applies the identity policy', async () => {
    const s = await ready();
    const first = await call(s, 'intake.create', intakeInput());
    expect(first.receiptNo).toBe('2026-0001');
    const bad = await failure(
      call(s, 'settings.updateIntake', {
        receiptPattern: '{YYYY}',
        issueWindowMonths: 3,
        lawyerNeedsSealCertificate: false,
      }),
    );
    expect(bad.issues?.[0]?.message).toMatch(/連番/);
    await call(s, 'settings.updateIntake', {
      receiptPattern: 'KJ{YY}-{NNN}',
      issueWindowMonths: 6,
      lawyerNeedsSealCertificate: false,
    });
    expect((await call(s, 'intake.create', intakeInput())).receiptNo).toBe('KJ26-002');
    await call(s, 'settings.updateIntake', {
      receiptPattern: '{YYYY}-{NNNN}',
      issueWindowMonths: 6,
      lawyerNeedsSealCertificate: false,
    });
    expect((await call(s, 'intake.create', intakeInput())).receiptNo).toBe('2026-0003');
    expect((await call(s, 'requests.search', { query: 'KJ26', limit: 5 })).map((r) => r.receiptNo)).toEqual([
      'KJ26-002',
    ]);
    // Six months instead of three: a seal certificate issued on 2026-06-01 is now in time.
    const withSeal = appointedInput('2026-06-01');
    expect((await call(s, 'intake.create', withSeal)).identity.result.status).toBe('verified');
    await s.close();
  });

  it('takes a FAX as 仮受付 and moves the 到達日 to the day the originals arrive', async () => {
    const s = await ready();
    const fax = await call(
      s,
      'intake.create',
      intakeInput({ channel: 'fax', provisional: true, arrivalDate: '2026-11-18' }),
    );
    expect(fax.provisional).toBe(true);
    // No 調査 on a FAX copy: the originals must arrive first.
    await call(s, 'requests.transition', { id: fax.id, action: 'startCheck', comment: '' });
    const tooSoon = await failure(
      call(s, 'requests.transition', { id: fax.id, action: 'startInvestigation', comment: '' }),
    );
    expect(tooSoon).toMatchObject({
      code: ErrorCode.CONFLICT,
      message: '原本が到着していません（FAXによる仮受付）。原本の到着を記録してから調査を開始してください。',
    });
    const early = await failure(call(s, 'intake.confirmOriginals', { id: fax.id, arrivalDate: '2026-11-17' }));
    expect(early.message).toMatch(/FAX の受信日より前/);
    const confirmed = await call(s, 'intake.confirmOriginals', { id: fax.id, arrivalDate: '2026-11-21' });
    expect(confirmed).toMatchObject({ provisional: false, arrivalDate: '2026-11-21', faxReceivedOn: '2026-11-18' });
    expect(confirmed.history.at(-1)).toMatchObject({
      action: 'originals',
      comment: 'FAXの受信日 2026/11/18、原本の到着日 2026/11/21',
    });
    expect(confirmed.deadlines.article39Date).toBe('2026-12-05');
    expect(
      (await call(s, 'requests.transition', { id: fax.id, action: 'startInvestigation', comment: '' })).status,
    ).toBe('investigating');
    expect((await failure(call(s, 'intake.confirmOriginals', { id: fax.id, arrivalDate: '2026-11-21' }))).code).toBe(
      ErrorCode.CONFLICT,
    );
    await s.close();
  });

  it('moves a request through its workflow, refusing with the reason, and pauses the SLA during a 補正', async () => {
    let now = new Date('2026-11-20T01:00:00Z');
    const s = makeServices(tempDataDir(), { clock: () => now });
    await setupVault(s);
    const r = await call(s, 'intake.create', appointedInput('2026-06-01'));
    expect(r.status).toBe('received');
    expect(r.availableActions).toContain('startCheck');
    await call(s, 'requests.transition', { id: r.id, action: 'startCheck', comment: '' });
    const refused = await failure(
      call(s, 'requests.transition', { id: r.id, action: 'startInvestigation', comment: '' }),
    );
    expect(refused).toMatchObject({ code: ErrorCode.CONFLICT, message: '本人確認・代理人確認が完了していません。' });
    const cure = await call(s, 'requests.requestCure', {
      id: r.id,
      cure: { defects: ['印鑑登録証明書（発行後3か月以内の原本）'], dueDate: '2026-12-04' },
    });
    expect(cure.status).toBe('awaitingCure');
    expect(cure.deadlines.slaDate).toBeNull();
    expect(cure.cure).toEqual({
      defects: ['印鑑登録証明書（発行後3か月以内の原本）'],
      dueDate: '2026-12-04',
      requestedOn: '2026-11-20',
    });
    now = new Date('2026-11-27T01:00:00Z');
    const back = await call(s, 'requests.recordCure', { id: r.id, arrivedOn: '2026-11-26' });
    expect(back.status).toBe('checking');
    // Paused from 11-20 to 11-26: the business days 11-24, 11-25 and 11-26 are not counted.
    expect(back.deadlines.explanation.join('\n')).toMatch(/補正による停止: 3営業日/);
    expect(back.history.map((h) => `${h.from}>${h.to}`)).toEqual([
      'received>received',
      'received>checking',
      'checking>awaitingCure',
      'awaitingCure>checking',
    ]);
    const wrong = await failure(call(s, 'requests.transition', { id: r.id, action: 'approve', comment: '' }));
    expect(wrong.message).toBe('「確認中」の請求に「承認する」はできません。');
    expect(
      (await call(s, 'requests.transition', { id: r.id, action: 'withdraw', comment: '書面で取下げ' })).status,
    ).toBe('withdrawn');
    await s.close();
  });
});
