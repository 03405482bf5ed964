import { describe, expect, it } from 'vitest';
import { defaultIdentityPolicy, evaluateIdentity, type IdentityCase, type IdentityDocument } from './identity';
import type { IdentityPolicy } from './identity-types';

// The company's own identity procedure as settings (issue 16 §2): each rule against the default.

const arrival = '2026-11-22';
const doc = (partial: Partial<IdentityDocument> & Pick<IdentityDocument, 'type'>): IdentityDocument => ({
  id: partial.type,
  holder: 'principal',
  original: false,
  expiresOn: null,
  issuedOn: null,
  ...partial,
});
const base = (partial: Partial<IdentityCase>): IdentityCase => ({
  arrivalDate: arrival,
  requesterType: 'self',
  kinds: ['disclosure'],
  answerTo: 'principal',
  principalBirthDate: '1980-04-01',
  documents: [],
  nameAddressMatch: { principal: true, agent: true },
  ...partial,
});
const policy = (rules: Partial<IdentityPolicy>): IdentityPolicy => ({ ...defaultIdentityPolicy, ...rules });
const pension = doc({ id: 'pension', type: 'pensionBook' });
const licence = (holder: 'principal' | 'agent' = 'principal') =>
  doc({ id: `licence-${holder}`, type: 'drivingLicence', expiresOn: '2029-01-01', holder });
const poa = (issuedOn: string | null = null, registeredSeal = true) =>
  doc({
    id: 'poa',
    type: 'powerOfAttorney',
    original: true,
    issuedOn,
    powerOfAttorney: { kinds: ['disclosure'], canReceive: true, registeredSeal },
  });
const codes = (c: IdentityCase, p?: IdentityPolicy) => evaluateIdentity(c, p).defects.map((d) => d.code);

describe('identity rules of the company', () => {
  it('one document of any accepted kind, where the company says so (default: a photo ID or two others)', () => {
    expect(codes(base({ documents: [pension] }))).toEqual(['principalIdentityMissing']);
    expect(evaluateIdentity(base({ documents: [pension] }), policy({ identityRule: 'anyOne' })).status).toBe(
      'verified',
    );
  });

  it('counts only the documents the company accepts, and names them when asking for one', () => {
    const p = policy({ acceptedDocuments: ['drivingLicence', 'passport', 'residentRecord'] });
    expect(evaluateIdentity(base({ documents: [licence()] }), p).status).toBe('verified');
    const r = evaluateIdentity(base({ documents: [doc({ type: 'myNumberCard', expiresOn: '2030-01-01' })] }), p);
    expect(r.defects.map((d) => d.message)).toEqual([
      'ご本人の本人確認書類をご提出ください。顔写真付きの本人確認書類（運転免許証、パスポート）の写し1点、または顔写真のない本人確認書類（住民票の写し）2点が必要です。',
    ]);
  });

  it('asks for the original of a document the company wants as an original', () => {
    expect(codes(base({ documents: [licence()] }), policy({ originals: ['drivingLicence'] }))).toEqual(['notOriginal']);
    expect(
      codes(base({ documents: [{ ...licence(), original: true }] }), policy({ originals: ['drivingLicence'] })),
    ).toEqual([]);
  });

  it('takes a signed 委任状 with the agent ID and no 印鑑登録証明書 where the company says so', () => {
    const appointed = base({
      requesterType: 'appointed',
      answerTo: 'agent',
      documents: [licence('agent'), poa(null, false)],
    });
    expect(codes(appointed)).toEqual(['poaSeal', 'sealCertificateMissing']);
    expect(evaluateIdentity(appointed, policy({ appointedAgent: 'signedWithAgentId' })).status).toBe('verified');
    // The agent's own ID is still needed.
    expect(
      codes({ ...appointed, documents: [poa(null, false)] }, policy({ appointedAgent: 'signedWithAgentId' })),
    ).toEqual(['agentIdentityMissing']);
  });

  it('judges how recent the 委任状 is, on the day it arrived', () => {
    const p = policy({ appointedAgent: 'signedWithAgentId', poaWindowMonths: 3 });
    const appointed = (issuedOn: string | null) =>
      base({ requesterType: 'appointed', answerTo: 'agent', documents: [licence('agent'), poa(issuedOn, false)] });
    expect(evaluateIdentity(appointed('2026-09-01'), p).status).toBe('verified');
    expect(evaluateIdentity(appointed(null), p).todos).toEqual(['委任状の作成日を記録してください。']);
    const old = evaluateIdentity(appointed('2026-08-01'), p);
    expect(old.defects.map((d) => d.message)).toEqual([
      'ご提出の委任状は作成日（2026年8月1日）から3か月を超えています。3か月以内に作成された委任状をご提出ください。',
    ]);
    // Without the setting the date is not judged (as before).
    expect(evaluateIdentity(appointed('2020-01-01'), policy({ appointedAgent: 'signedWithAgentId' })).status).toBe(
      'verified',
    );
  });

  it('refuses a channel the company does not accept, naming the ones it does', () => {
    const p = policy({ acceptedChannels: ['post', 'registeredPost'] });
    const r = evaluateIdentity(base({ channel: 'email', documents: [licence()] }), p);
    expect(r.defects.map((d) => d.message)).toEqual([
      '当社ではメールによるご請求はお受けしておりません。恐れ入りますが、郵送、簡易書留によりご請求くださいますようお願いいたします。',
    ]);
    expect(evaluateIdentity(base({ channel: 'post', documents: [licence()] }), p).status).toBe('verified');
    // No setting: every channel, as before.
    expect(evaluateIdentity(base({ channel: 'email', documents: [licence()] })).status).toBe('verified');
  });

  it('confirms a 本人 by e-mail by matching the registered details, without documents', () => {
    const p = policy({
      registeredMatch: { channels: ['email', 'web'], fields: ['name', 'email', 'phone', 'birthDate'] },
    });
    const all = { name: true, email: true, phone: true, birthDate: true };
    expect(evaluateIdentity(base({ channel: 'email', registeredMatch: all }), p)).toEqual({
      status: 'verified',
      defects: [],
      todos: [],
    });
    expect(evaluateIdentity(base({ channel: 'web', registeredMatch: { name: true } }), p).todos).toEqual([
      'ご登録情報との照合（メールアドレス、電話番号、生年月日）の結果を記録してください。',
    ]);
    const mismatch = evaluateIdentity(base({ channel: 'email', registeredMatch: { ...all, phone: false } }), p);
    expect(mismatch.defects.map((d) => d.message)).toEqual([
      'ご請求時にお知らせいただいた電話番号が、当社にご登録の情報と一致しませんでした。お手数ですが、ご本人であることを確認できる本人確認書類の写しをご提出ください。',
    ]);
    // The ID that then arrives is judged as for any request.
    const cured = base({ channel: 'email', registeredMatch: { ...all, phone: false }, documents: [licence()] });
    expect(evaluateIdentity(cured, p).status).toBe('verified');
    // By post, or by an agent, documents are needed as before.
    expect(codes(base({ channel: 'post', registeredMatch: all }), p)).toEqual(['principalIdentityMissing']);
    expect(
      codes(base({ channel: 'email', registeredMatch: all, requesterType: 'appointed', answerTo: 'agent' }), p),
    ).toContain('agentIdentityMissing');
  });

  it('takes only a 戸籍謄本 as proof of a 親権者 where the company says so', () => {
    const record = doc({
      id: 'rr',
      type: 'residentRecord',
      issuedOn: '2026-10-01',
      original: true,
      showsRelationship: true,
    });
    const parent = base({
      requesterType: 'parent',
      answerTo: 'agent',
      principalBirthDate: '2015-01-01',
      documents: [licence('agent'), record],
    });
    expect(evaluateIdentity(parent).status).toBe('verified');
    const strict = evaluateIdentity(parent, policy({ parentProof: ['familyRegister'] }));
    expect(strict.defects.map((d) => d.message)).toEqual([
      '親権者であることを確認できる書類（戸籍謄本。発行日から3か月以内の原本）をご提出ください。',
    ]);
  });
});
