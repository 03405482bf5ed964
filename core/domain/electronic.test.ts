import { describe, expect, it } from 'vitest';
import { Decision, decisionProblems, emptyDecision } from './decisions';
import type { Electronic } from './electronic';
import { buildLetter, type LetterCase } from './letters/catalogue';
import { sampleLetterCase, sampleOrganisation } from './letters/sample';
import { Organisation } from './organisation';

// 電磁的記録 (33条1項): what the person asked for stays on the request; the company's choice —
// format, route, link validity, how the password goes — is recorded on the 開示 decision.

const full = (electronic: Electronic | null, extra: Partial<Decision> = {}): Decision => ({
  ...emptyDecision(),
  outcome: 'full',
  disclosed: '会員情報',
  electronic,
  ...extra,
});
const cd: Electronic = { format: 'csv', route: 'cdr', linkValidDays: null, passwordRoute: 'letter' };
const messages = (d: Decision, requested: 'paper' | 'media' | 'email' | 'download' | null) =>
  decisionProblems('disclosure', d, requested).map((p) => p.message);

describe('the 電磁的記録 fields of a 開示', () => {
  it('are required when the person asked for an electronic method, and refused on paper', () => {
    expect(messages(full(null), 'media')[0]).toContain('電磁的記録による開示を請求されています');
    expect(messages(full(cd), 'media')).toEqual([]);
    expect(messages(full(null), 'paper')).toEqual([]);
    expect(messages(full(cd), 'paper')[0]).toContain('書面で開示する場合は');
    expect(messages(full(null), null)).toEqual([]);
    // Paper instead of the method asked for (33条2項括弧書): no electronic fields.
    const paper = full(null, { methodChanged: true, grounds: ['a33-3-method'], reason: '困難なため' });
    expect(messages(paper, 'download')).toEqual([]);
    expect(messages({ ...paper, electronic: cd }, 'download')[0]).toContain('書面で開示する場合は');
    // A refusal discloses nothing: no fields.
    expect(
      messages(full(null, { outcome: 'refused', grounds: ['a33-2-1'], reason: '第三者の権利利益' }), 'media'),
    ).toEqual([]);
  });

  it('ask for a link validity only for a download, and never send the password by the same e-mail', () => {
    const dl: Electronic = { ...cd, route: 'download' };
    expect(messages(full(dl), 'download')).toEqual(['ダウンロードのリンクの有効期間（日数）を入力してください。']);
    expect(messages(full({ ...dl, linkValidDays: 7 }), 'download')).toEqual([]);
    expect(messages(full({ ...cd, linkValidDays: 7 }), 'media')[0]).toContain('ダウンロードによる提供の場合にのみ');
    const mail: Electronic = { ...cd, route: 'email', passwordRoute: 'separateEmail' };
    expect(messages(full(mail), 'email')[0]).toContain('電子メール以外の経路');
    expect(messages(full({ ...mail, passwordRoute: 'phone' }), 'email')).toEqual([]);
    expect(Decision.safeParse(full({ ...dl, linkValidDays: 0 })).success).toBe(false);
    expect(Decision.safeParse(full({ ...dl, linkValidDays: 31 })).success).toBe(false);
  });

  it('need a reason when the route is not the method asked for, and the letter prints it', () => {
    expect(messages(full(cd), 'email')).toEqual([
      'ご請求と異なる経路で提供する場合は、その理由（ご本人の同意を得た旨など）を入力してください。',
    ]);
    const d = full({ ...cd, format: 'xlsx' }, { reason: 'ご本人の同意を得て、CD-Rでお送りいたします。' });
    expect(messages(d, 'email')).toEqual([]);
    const c: LetterCase = {
      ...sampleLetterCase,
      disclosureMethod: 'email',
      items: [{ kind: 'disclosure', dataItems: '会員情報', grounds: [] }],
      decisions: [{ kind: 'disclosure', decision: d }],
    };
    const letter = buildLetter('disclosureDecision', c, Organisation.parse(sampleOrganisation), {
      documentNo: '個保第1号',
      date: '2026-11-24',
      dateStyle: 'wareki',
    });
    const text = letter.items.map((i) => `${i.label}：${i.text}`).join('\n');
    expect(text).toContain('開示の方法：電磁的記録の提供（CD-Rに記録して郵送）');
    expect(text).toContain('ファイル形式：Excel形式（.xlsx）');
    expect(text).toContain('パスワード：ファイルは暗号化しております。開くためのパスワードは、別送の書面（郵送）にて');
    expect(text).toContain('提供の方法について：ご本人の同意を得て、CD-Rでお送りいたします。');
    expect(text).not.toContain('ダウンロードの期限');
  });

  it('read a decision stored before them as on paper', () => {
    const old = Object.fromEntries(Object.entries(emptyDecision()).filter(([k]) => k !== 'electronic'));
    expect(Decision.parse(old).electronic).toBeNull();
  });
});
