import { describe, expect, it } from 'vitest';
import {
  agencyEnded,
  defaultIdentityPolicy,
  evaluateIdentity,
  type IdentityCase,
  type IdentityDocument,
} from './identity';

const arrival = '2026-11-22';

function doc(partial: Partial<IdentityDocument> & Pick<IdentityDocument, 'type'>): IdentityDocument {
  return { id: partial.type, holder: 'principal', original: false, expiresOn: null, issuedOn: null, ...partial };
}

const licence = (expiresOn = '2029-01-01', holder: 'principal' | 'agent' = 'principal') =>
  doc({ id: `licence-${holder}`, type: 'drivingLicence', expiresOn, holder });

function base(partial: Partial<IdentityCase>): IdentityCase {
  return {
    arrivalDate: arrival,
    requesterType: 'self',
    kinds: ['disclosure'],
    answerTo: 'principal',
    principalBirthDate: '1980-04-01',
    documents: [],
    nameAddressMatch: { principal: true, agent: true },
    ...partial,
  };
}

const poa = (partial: Partial<NonNullable<IdentityDocument['powerOfAttorney']>> = {}) =>
  doc({
    id: 'poa',
    type: 'powerOfAttorney',
    original: true,
    powerOfAttorney: { kinds: ['disclosure'], canReceive: true, registeredSeal: true, ...partial },
  });
const sealCert = (issuedOn = '2026-10-01', original = true) =>
  doc({ id: 'seal', type: 'sealCertificate', issuedOn, original });

describe('identity check: the person themself', () => {
  it('accepts one valid photo ID', () => {
    expect(evaluateIdentity(base({ documents: [licence()] }))).toEqual({ status: 'verified', defects: [], todos: [] });
  });

  it('accepts a photo ID expiring on the 到達日 itself', () => {
    expect(evaluateIdentity(base({ documents: [licence(arrival)] })).status).toBe('verified');
  });

  it('refuses an expired ID with a sentence for the 補正 letter', () => {
    const r = evaluateIdentity(base({ documents: [licence('2026-11-21')] }));
    expect(r.status).toBe('defective');
    expect(r.defects).toHaveLength(1);
    expect(r.defects[0]).toMatchObject({ code: 'expired', documentId: 'licence-principal' });
    expect(r.defects[0]?.message).toBe(
      'ご提出いただいたご本人の運転免許証は有効期限（2026年11月21日）が過ぎています。請求書の到達日において有効な書類の写しをご提出ください。',
    );
  });

  it('accepts two non-photo documents, and refuses one alone', () => {
    const pension = doc({ id: 'pension', type: 'pensionBook' });
    const insurance = doc({
      id: 'ins',
      type: 'healthInsurance',
      expiresOn: '2027-03-31',
      insurerNumberMasked: 'sender',
    });
    expect(evaluateIdentity(base({ documents: [pension, insurance] })).status).toBe('verified');
    const one = evaluateIdentity(base({ documents: [pension] }));
    expect(one.status).toBe('defective');
    expect(one.defects[0]?.message).toMatch(/1点不足/);
  });

  it('takes a 住民票 issued exactly N months before the 到達日, not a day earlier', () => {
    const pension = doc({ id: 'pension', type: 'pensionBook' });
    const record = (issuedOn: string) =>
      doc({ id: 'jumin', type: 'residentRecord', issuedOn, original: true, honsekiMasked: true });
    expect(evaluateIdentity(base({ documents: [pension, record('2026-08-22')] })).status).toBe('verified');
    const late = evaluateIdentity(base({ documents: [pension, record('2026-08-21')] }));
    expect(late.status).toBe('defective');
    expect(late.defects[0]).toMatchObject({ code: 'tooOld', documentId: 'jumin' });
    expect(late.defects[0]?.message).toMatch(/発行日（2026年8月21日）から3か月を超えています/);
    // The same document one day later: its window has closed.
    expect(
      evaluateIdentity(base({ arrivalDate: '2026-11-23', documents: [pension, record('2026-08-22')] })).status,
    ).toBe('defective');
  });

  it('asks for the original of a 住民票', () => {
    const r = evaluateIdentity(
      base({
        documents: [
          doc({ id: 'p', type: 'pensionBook' }),
          doc({ id: 'j', type: 'residentRecord', issuedOn: '2026-11-01', honsekiMasked: true }),
        ],
      }),
    );
    expect(r.defects.map((d) => d.code)).toContain('notOriginal');
  });

  it('reports a name or address that does not match, and waits for staff to compare', () => {
    expect(
      evaluateIdentity(base({ documents: [licence()], nameAddressMatch: { principal: false, agent: null } })).defects[0]
        ?.code,
    ).toBe('principalMismatch');
    const pending = evaluateIdentity(
      base({ documents: [licence()], nameAddressMatch: { principal: null, agent: null } }),
    );
    expect(pending.status).toBe('incomplete');
    expect(pending.todos[0]).toMatch(/照合/);
  });

  it('asks staff to mask insurance numbers, destroy a My Number back side, black out 本籍', () => {
    const r = evaluateIdentity(
      base({
        documents: [
          doc({ id: 'mn', type: 'myNumberCard', expiresOn: '2030-01-01', backSideReceived: true }),
          doc({ id: 'ins', type: 'healthInsurance', expiresOn: '2027-01-01' }),
          doc({ id: 'j', type: 'residentRecord', issuedOn: '2026-11-01', original: true, showsHonseki: true }),
        ],
      }),
    );
    expect(r.status).toBe('incomplete');
    expect(r.todos.join('\n')).toMatch(/マイナンバーカードの裏面/);
    expect(r.todos.join('\n')).toMatch(/保険者番号/);
    expect(r.todos.join('\n')).toMatch(/本籍/);
  });

  it('asks to black out 本籍 only on a 住民票 that shows it (a 戸籍謄本 always does)', () => {
    const jumin = doc({ id: 'j', type: 'residentRecord', issuedOn: '2026-11-01', original: true });
    const todos = (d: IdentityDocument) => evaluateIdentity(base({ documents: [licence(), d] })).todos.join('\n');
    expect(todos(jumin)).not.toMatch(/本籍/);
    expect(todos({ ...jumin, showsHonseki: true })).toMatch(/住民票の写しの本籍の記載を黒塗り/);
    expect(todos({ ...jumin, showsHonseki: true, honsekiMasked: true })).not.toMatch(/本籍/);
    expect(todos(doc({ id: 'k', type: 'familyRegister', issuedOn: '2026-11-01', original: true }))).toMatch(/本籍/);
  });
});

describe('identity check: agents', () => {
  const appointed = (docs: IdentityDocument[], extra: Partial<IdentityCase> = {}) =>
    base({ requesterType: 'appointed', answerTo: 'agent', documents: docs, ...extra });

  it('accepts an appointed agent with 委任状, seal certificate and own ID', () => {
    expect(evaluateIdentity(appointed([licence(undefined, 'agent'), poa(), sealCert()]))).toEqual({
      status: 'verified',
      defects: [],
      todos: [],
    });
  });

  it('refuses an agent without the 印鑑登録証明書', () => {
    const r = evaluateIdentity(appointed([licence(undefined, 'agent'), poa()]));
    expect(r.defects.map((d) => d.code)).toEqual(['sealCertificateMissing']);
    expect(r.defects[0]?.message).toMatch(/印鑑登録証明書/);
  });

  it('refuses an expired 印鑑登録証明書 (older than three months)', () => {
    const r = evaluateIdentity(appointed([licence(undefined, 'agent'), poa(), sealCert('2026-07-01')]));
    expect(r.defects.map((d) => d.code)).toEqual(['tooOld']);
    expect(r.defects[0]?.message).toMatch(/印鑑登録証明書/);
  });

  it('judges a certificate a 補正 brought at the date it arrived, not at the request’s 到達日', () => {
    // The first certificate was five months old at the 到達日; the 補正 brought one issued after it.
    const fresh = { ...sealCert('2026-12-01'), id: 'seal2', receivedOn: '2026-12-03' };
    const before = evaluateIdentity(appointed([licence(undefined, 'agent'), poa(), sealCert('2026-06-20')]));
    expect(before.defects.map((d) => d.code)).toEqual(['tooOld']);
    const after = evaluateIdentity(appointed([licence(undefined, 'agent'), poa(), fresh]));
    expect(after).toEqual({ status: 'verified', defects: [], todos: [] });
    // Without its own arrival date, the same certificate reads as issued after the 到達日.
    const unrecorded = evaluateIdentity(
      appointed([licence(undefined, 'agent'), poa(), { ...fresh, receivedOn: null }]),
    );
    expect(unrecorded.status).not.toBe('verified');
    expect(unrecorded.todos.join()).toMatch(/到着日を記録/);
    // A window counted back from the later date: issued 4 months before it arrived is too old.
    const stale = evaluateIdentity(
      appointed([licence(undefined, 'agent'), poa(), { ...sealCert('2026-08-01'), receivedOn: '2026-12-03' }]),
    );
    expect(stale.defects.map((d) => d.code)).toEqual(['tooOld']);
  });

  it('judges an ID card a 補正 brought by its validity on the day it arrived', () => {
    const late = doc({ id: 'lic2', type: 'drivingLicence', expiresOn: '2026-11-30', receivedOn: '2026-12-05' });
    const r = evaluateIdentity(base({ documents: [late] }));
    expect(r.defects.map((d) => d.code)).toEqual(['expired']);
    expect(r.defects[0]?.message).toMatch(/当社に到達した日において有効/);
  });

  it('takes a window of its own for one kind of certificate (住民票 6 months, 印鑑登録証明書 3)', () => {
    const policy = { ...defaultIdentityPolicy, issueWindows: { residentRecord: 6 } };
    const record = doc({ type: 'residentRecord', issuedOn: '2026-06-01', original: true });
    const insurance = doc({ id: 'hi', type: 'healthInsurance', insurerNumberMasked: 'us' });
    expect(evaluateIdentity(base({ documents: [record, insurance] }), policy).defects).toEqual([]);
    expect(evaluateIdentity(base({ documents: [record, insurance] })).defects[0]?.code).toBe('tooOld');
    // The seal certificate keeps the common three months, and the sentence says so.
    const agent = evaluateIdentity(
      base({
        requesterType: 'appointed',
        answerTo: 'agent',
        documents: [licence('2029-01-01', 'agent'), poa(), sealCert('2026-06-01')],
      }),
      policy,
    );
    expect(agent.defects.map((d) => d.message)).toContain(
      'ご提出いただいた印鑑登録証明書は発行日（2026年6月1日）から3か月を超えています。発行日から3か月以内の原本をご提出ください（写しは受け付けておりません）。',
    );
    const parent = evaluateIdentity(
      base({
        requesterType: 'parent',
        answerTo: 'agent',
        principalBirthDate: '2015-01-01',
        documents: [licence('2029-01-01', 'agent')],
      }),
      policy,
    );
    expect(parent.defects.map((d) => d.message).join('')).toMatch(
      /発行日から戸籍謄本は3か月、住民票の写しは6か月以内の原本/,
    );
  });

  it('quotes the administrator’s window in what it asks for', () => {
    const r = evaluateIdentity(appointed([licence(undefined, 'agent'), poa()]), {
      ...defaultIdentityPolicy,
      issueWindowMonths: 6,
    });
    expect(r.defects[0]?.message).toBe(
      '委任状に押印された実印の印鑑登録証明書（ご本人のもの。発行日から6か月以内の原本）をご提出ください。',
    );
  });

  it('refuses a 委任状 without 受領権限 when the answer is to go to the agent', () => {
    const r = evaluateIdentity(appointed([licence(undefined, 'agent'), poa({ canReceive: false }), sealCert()]));
    expect(r.defects.map((d) => d.code)).toEqual(['poaNoReceipt']);
    expect(
      evaluateIdentity(
        appointed([licence(undefined, 'agent'), poa({ canReceive: false }), sealCert()], { answerTo: 'principal' }),
      ).status,
    ).toBe('verified');
  });

  it('refuses a 委任状 that does not cover every requested kind, naming them', () => {
    const r = evaluateIdentity(
      appointed([licence(undefined, 'agent'), poa(), sealCert()], { kinds: ['disclosure', 'correction', 'erasure'] }),
    );
    expect(r.defects[0]?.message).toMatch(/「訂正」「消去」の請求についての委任が記載されていません/);
  });

  it('refuses a parent once the child turned 18 before the 到達日', () => {
    const family = doc({
      id: 'koseki',
      type: 'familyRegister',
      issuedOn: '2026-11-01',
      original: true,
      honsekiMasked: true,
    });
    const parent = (birth: string) =>
      evaluateIdentity(
        base({
          requesterType: 'parent',
          answerTo: 'agent',
          principalBirthDate: birth,
          documents: [licence(undefined, 'agent'), family],
        }),
      );
    expect(parent('2008-11-23').status).toBe('verified');
    const adult = parent('2008-11-21');
    expect(adult.defects.map((d) => d.code)).toEqual(['principalAdult']);
    expect(adult.defects[0]?.message).toMatch(/18歳に達している/);
    expect(parent('2008-11-22').status).toBe('defective');
  });

  it('needs the relationship document of a parent', () => {
    const r = evaluateIdentity(
      base({
        requesterType: 'parent',
        answerTo: 'agent',
        principalBirthDate: '2015-01-01',
        documents: [licence(undefined, 'agent')],
      }),
    );
    expect(r.defects.map((d) => d.code)).toEqual(['relationshipMissing']);
  });

  it('accepts a lawyer identified by registration number without 実印 or seal certificate', () => {
    const r = evaluateIdentity(
      base({
        requesterType: 'lawyer',
        answerTo: 'agent',
        lawyerRegistrationNo: '12345',
        documents: [poa({ registeredSeal: false })],
      }),
    );
    expect(r.status).toBe('verified');
  });

  const registry = (partial: Partial<IdentityDocument> = {}) =>
    doc({ id: 'registry', type: 'registryCertificate', issuedOn: '2026-10-01', original: true, ...partial });
  const guardian = (documents: IdentityDocument[], partial: Partial<IdentityCase> = {}) =>
    evaluateIdentity(base({ requesterType: 'adultGuardian', answerTo: 'agent', documents, ...partial }));

  it('accepts a 成年後見人 (and a certificate recorded before the type was asked: 後見)', () => {
    expect(guardian([licence('2029-01-01', 'agent'), registry({ guardianship: 'guardian' })]).status).toBe('verified');
    expect(guardian([licence('2029-01-01', 'agent'), registry()]).status).toBe('verified');
  });

  it('refuses a 保佐人 or 補助人 without a 代理権 granted (施行令13条), asking for a 委任状 instead', () => {
    const curator = guardian([licence('2029-01-01', 'agent'), registry({ guardianship: 'curator' })]);
    expect(curator.status).toBe('defective');
    expect(curator.defects).toEqual([
      {
        code: 'noStatutoryAgency',
        documentId: 'registry',
        message:
          'ご提出の登記事項証明書によると代理人の方は保佐人であり、代理権の付与の記載がないため、法定代理人としての請求はお受けできません。ご本人から請求いただくか、ご本人の委任状（実印を押印したもの）と印鑑登録証明書をご提出ください。',
      },
    ]);
    const assistant = guardian([licence('2029-01-01', 'agent'), registry({ guardianship: 'assistant' })]);
    expect(assistant.defects[0]?.message).toMatch(/代理人の方は補助人であり/);
    const granted = guardian([
      licence('2029-01-01', 'agent'),
      registry({ guardianship: 'assistant', agencyGranted: true }),
    ]);
    expect(granted.status).toBe('verified');
  });

  it('lets a lawyer who is the 後見人 show the 弁護士登録番号 instead of an ID', () => {
    expect(guardian([registry()]).defects.map((d) => d.code)).toEqual(['agentIdentityMissing']);
    expect(guardian([registry()], { lawyerRegistrationNo: '45678' }).status).toBe('verified');
  });
});

describe('agency of a 親権者 at the answer', () => {
  const child = { requesterType: 'parent' as const, answerTo: 'agent' as const, principalBirthDate: '2008-12-10' };
  it('holds until the 本人 turns 18, then names the 本人’s own request or 委任状', () => {
    expect(agencyEnded(child, '2026-12-09')).toBeNull();
    expect(agencyEnded(child, '2026-12-10')).toMatch(/18歳に達したため、元の親権者の方へは回答できません。.*委任状/);
    expect(agencyEnded({ ...child, requesterType: 'minorGuardian' }, '2027-01-01')).toMatch(/元の未成年後見人/);
  });
  it('does not concern an answer to the 本人, another agent, or an unknown birth date', () => {
    expect(agencyEnded({ ...child, answerTo: 'principal' }, '2027-01-01')).toBeNull();
    expect(agencyEnded({ ...child, requesterType: 'appointed' }, '2027-01-01')).toBeNull();
    expect(agencyEnded({ ...child, principalBirthDate: null }, '2027-01-01')).toBeNull();
  });
});

// A 補正 asks for the replacement in the form the policy wants (issue 33 §3): a person told only
// 「3か月以内のもの」 sends a copy, and a second round follows.
describe('a stale or expired document asks for the replacement as the policy wants it', () => {
  const residentRecord = (issuedOn: string) => doc({ id: 'jumin', type: 'residentRecord', issuedOn, original: true });
  const insurance = (expiresOn: string) => doc({ id: 'hoken', type: 'healthInsurance', expiresOn });
  const messageOf = (r: ReturnType<typeof evaluateIdentity>, code: string) =>
    r.defects.find((d) => d.code === code)?.message ?? '';

  it('a certificate past its window: a new original, not a copy', () => {
    const stale = evaluateIdentity(base({ documents: [residentRecord('2026-07-01'), insurance('2029-01-01')] }));
    expect(messageOf(stale, 'tooOld')).toMatch(
      /発行日から3か月以内の原本をご提出ください（写しは受け付けておりません）。$/,
    );
  });

  it('an expired ID: a copy, or the original where the company asks for one', () => {
    const docs = [insurance('2026-11-01'), doc({ id: 'pension', type: 'pensionBook' })];
    expect(messageOf(evaluateIdentity(base({ documents: docs })), 'expired')).toMatch(
      /有効な書類の写しをご提出ください。$/,
    );
    const originals = { ...defaultIdentityPolicy, originals: ['healthInsurance' as const] };
    expect(messageOf(evaluateIdentity(base({ documents: docs }), originals), 'expired')).toMatch(
      /有効な書類の原本をご提出ください。$/,
    );
  });
});
