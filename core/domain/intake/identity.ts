import { addMonths, ageOn, formatJapaneseDate } from '../dates';
import { documentInfo, type DocumentType } from './documents';
import { kindInfo } from './kinds';
import {
  channelNotAcceptedMessage,
  identityMissingMessage,
  registeredMatchTodo,
  registeredMismatchMessage,
} from './identity-rules';

// The identity and agency check of DOMAIN.md §3, as a rule engine over what staff recorded.
// Every defect is a sentence addressed to the requester: the 補正 letter quotes it as is.

export { documentInfo, documentTypes, type DocumentType } from './documents';
export * from './identity-types';
import { defaultIdentityPolicy, type IdentityCase, type IdentityDocument, type IdentityPolicy } from './identity-types';
export { agencyEnded } from './coming-of-age';

export type Defect = { code: string; message: string; documentId?: string };

export type IdentityResult = {
  status: 'verified' | 'defective' | 'incomplete';
  defects: Defect[];
  // Staff's own remaining tasks (not sent to the requester).
  todos: string[];
};

export const identityStatusLabels: Record<IdentityResult['status'], string> = {
  verified: '確認済',
  defective: '不備',
  incomplete: '確認中',
};

const whose = (holder: 'principal' | 'agent') => (holder === 'principal' ? 'ご本人' : '代理人');

type Ctx = { c: IdentityCase; p: IdentityPolicy; defects: Defect[]; todos: string[] };

// Whether one document is usable on the 到達日; records why not.
function usable(doc: IdentityDocument, ctx: Ctx): boolean {
  const info = documentInfo[doc.type];
  const { c, p } = ctx;
  const on = doc.receivedOn ?? c.arrivalDate;
  const later = on !== c.arrivalDate;
  // A replacement is asked for as the policy wants it (a copy sent for an original is a second round).
  const form = info.originalRequired || p.originals?.includes(doc.type) ? '原本' : '写し';
  let ok = true;
  if (info.hasExpiry) {
    if (doc.expiresOn === null) {
      if (info.photoId) {
        ctx.todos.push(`${info.label}の有効期限を記録してください。`);
        ok = false;
      }
    } else if (doc.expiresOn < on) {
      ctx.defects.push({
        code: 'expired',
        documentId: doc.id,
        message: `ご提出いただいた${whose(doc.holder)}の${info.label}は有効期限（${formatJapaneseDate(doc.expiresOn)}）が過ぎています。${later ? '当社に到達した日' : '請求書の到達日'}において有効な書類の${form}をご提出ください。`,
      });
      ok = false;
    }
  }
  if (info.issueWindow) {
    const months = windowOf(doc.type, p);
    const earliest = addMonths(on, -months);
    if (doc.issuedOn === null) {
      ctx.todos.push(`${info.label}の発行日を記録してください。`);
      ok = false;
    } else if (doc.issuedOn < earliest) {
      ctx.defects.push({
        code: 'tooOld',
        documentId: doc.id,
        message: `ご提出いただいた${info.label}は発行日（${formatJapaneseDate(doc.issuedOn)}）から${months}か月を超えています。発行日から${months}か月以内の${form}をご提出ください${form === '原本' ? '（写しは受け付けておりません）' : ''}。`,
      });
      ok = false;
    } else if (doc.issuedOn > on) {
      ctx.todos.push(
        later
          ? `${info.label}の発行日がこの書類の到着日より後になっています。記録をご確認ください。`
          : `${info.label}の発行日が到達日より後になっています。補正で届いた書類は、その到着日を記録してください。`,
      );
      ok = false;
    }
  }
  if ((info.originalRequired || p.originals?.includes(doc.type)) && !doc.original) {
    ctx.defects.push({
      code: 'notOriginal',
      documentId: doc.id,
      message: `${info.label}は写しではなく原本をご提出ください。`,
    });
    ok = false;
  }
  return ok;
}

const docsOf = (ctx: Ctx, holder: 'principal' | 'agent', types: readonly DocumentType[]) =>
  ctx.c.documents.filter((d) => d.holder === holder && types.includes(d.type));

function requireIdentity(ctx: Ctx, holder: 'principal' | 'agent'): void {
  const { p } = ctx;
  // Documents of a kind the company does not accept do not count (the message lists those it does).
  const candidates = ctx.c.documents.filter(
    (d) =>
      d.holder === holder &&
      (documentInfo[d.type].photoId || documentInfo[d.type].nonPhotoId) &&
      (!p.acceptedDocuments || p.acceptedDocuments.includes(d.type)),
  );
  const before = ctx.defects.length;
  const valid = candidates.filter((d) => usable(d, ctx));
  const photo = valid.filter((d) => documentInfo[d.type].photoId).length;
  const nonPhoto = valid.filter((d) => documentInfo[d.type].nonPhotoId).length;
  const anyOne = p.identityRule === 'anyOne';
  if (photo >= 1 || nonPhoto >= (anyOne ? 1 : 2)) return;
  // A document already refused (expired, too old, a copy) says what to send instead.
  if (ctx.defects.length > before && nonPhoto === 0) return;
  if (anyOne || p.acceptedDocuments) {
    const message = identityMissingMessage(
      whose(holder),
      p.identityRule ?? 'photoOrTwo',
      p.acceptedDocuments,
      nonPhoto === 1,
    );
    ctx.defects.push({ code: `${holder}IdentityMissing`, message });
    return;
  }
  const missing =
    nonPhoto === 1
      ? `${whose(holder)}の本人確認書類が1点不足しています。顔写真のない本人確認書類の場合は2点必要です。もう1点（健康保険の資格確認書、年金手帳、住民票の写し等）または顔写真付きの本人確認書類の写しをご提出ください。`
      : `${whose(holder)}の本人確認書類をご提出ください。顔写真付きの本人確認書類（運転免許証、パスポート、マイナンバーカード（表面のみ）等）の写し1点、または顔写真のない本人確認書類（健康保険の資格確認書、年金手帳、住民票の写し等）2点が必要です。`;
  ctx.defects.push({ code: `${holder}IdentityMissing`, message: missing });
}

function requireOne(
  ctx: Ctx,
  holder: 'principal' | 'agent',
  types: readonly DocumentType[],
  code: string,
  message: string,
  extra?: (d: IdentityDocument) => boolean,
): void {
  const found = docsOf(ctx, holder, types).filter((d) => (extra ? extra(d) : true));
  const valid = found.filter((d) => usable(d, ctx));
  if (valid.length === 0 && found.length === 0) ctx.defects.push({ code, message });
}

function requireMinor(ctx: Ctx, role: string): void {
  const { c, p } = ctx;
  if (c.principalBirthDate === null) {
    ctx.todos.push('ご本人の生年月日を記録してください（未成年であることの確認に必要です）。');
    return;
  }
  if (ageOn(c.principalBirthDate, c.arrivalDate) >= p.adultAge) {
    ctx.defects.push({
      code: 'principalAdult',
      message: `ご本人は請求書の到達日（${formatJapaneseDate(c.arrivalDate)}）の時点で${p.adultAge}歳に達しているため、${role}による請求としてはお受けできません。ご本人から請求いただくか、ご本人の委任状等をご提出ください。`,
    });
  }
}

// 施行令13条1号: only a 成年後見人 is the 法定代理人 of an adult. A 保佐人 or 補助人 acts for the
// person only where the court granted a 代理権 (shown on the certificate); otherwise a 委任状 is needed.
function requireStatutoryAgency(ctx: Ctx): void {
  const certificates = docsOf(ctx, 'principal', ['registryCertificate']);
  if (certificates.length === 0) return;
  const entitled = certificates.some((d) => (d.guardianship ?? 'guardian') === 'guardian' || d.agencyGranted === true);
  if (entitled) return;
  const role = certificates[0]?.guardianship === 'assistant' ? '補助人' : '保佐人';
  ctx.defects.push({
    code: 'noStatutoryAgency',
    documentId: certificates[0]?.id,
    message: `ご提出の登記事項証明書によると代理人の方は${role}であり、代理権の付与の記載がないため、法定代理人としての請求はお受けできません。ご本人から請求いただくか、ご本人の委任状（実印を押印したもの）と印鑑登録証明書をご提出ください。`,
  });
}

function requirePowerOfAttorney(ctx: Ctx, needsRegisteredSeal: boolean): void {
  const { c } = ctx;
  const poas = docsOf(ctx, 'principal', ['powerOfAttorney']).concat(docsOf(ctx, 'agent', ['powerOfAttorney']));
  if (poas.length === 0) {
    ctx.defects.push({
      code: 'poaMissing',
      message: 'ご本人が代理人に請求を委任したことを示す委任状（原本）をご提出ください。',
    });
    return;
  }
  const poa = poas.find((d) => usable(d, ctx));
  if (!poa) return;
  if (ctx.p.poaWindowMonths !== undefined) {
    const months = ctx.p.poaWindowMonths;
    const on = poa.receivedOn ?? c.arrivalDate;
    if (poa.issuedOn === null) ctx.todos.push('委任状の作成日を記録してください。');
    else if (poa.issuedOn < addMonths(on, -months)) {
      ctx.defects.push({
        code: 'poaTooOld',
        documentId: poa.id,
        message: `ご提出の委任状は作成日（${formatJapaneseDate(poa.issuedOn)}）から${months}か月を超えています。${months}か月以内に作成された委任状をご提出ください。`,
      });
    }
  }
  const scope = poa.powerOfAttorney;
  if (!scope) {
    ctx.todos.push('委任状の委任事項（請求の種類、受領権限、押印）を記録してください。');
    return;
  }
  const uncovered = c.kinds.filter((k) => !scope.kinds.includes(k));
  if (uncovered.length > 0) {
    ctx.defects.push({
      code: 'poaScope',
      documentId: poa.id,
      message: `委任状に「${uncovered.map((k) => kindInfo[k].label).join('」「')}」の請求についての委任が記載されていません。委任事項にこれらを含む委任状をご提出ください。`,
    });
  }
  if (c.answerTo === 'agent' && !scope.canReceive) {
    ctx.defects.push({
      code: 'poaNoReceipt',
      documentId: poa.id,
      message:
        '委任状に回答書の受領についての委任（受領権限）が記載されていません。代理人の方が回答を受け取るには、受領権限を含む委任状が必要です（受領権限がない場合、回答はご本人宛てにお送りします）。',
    });
  }
  if (needsRegisteredSeal && !scope.registeredSeal) {
    ctx.defects.push({
      code: 'poaSeal',
      documentId: poa.id,
      message: '委任状にはご本人の実印（印鑑登録をした印鑑）を押印してください。',
    });
  }
}

function sensitiveHandling(ctx: Ctx): void {
  for (const d of ctx.c.documents) {
    if (d.type === 'healthInsurance' && !d.insurerNumberMasked) {
      ctx.todos.push(
        '健康保険の資格確認書・被保険者証の保険者番号、記号・番号、QRコードをマスキングしてください（番号は転記しないでください）。',
      );
    }
    if (d.type === 'myNumberCard' && d.backSideReceived && !d.destroyedOn) {
      ctx.todos.push(
        'マイナンバーカードの裏面（個人番号）の写しを廃棄またはマスキングし、その日付を記録してください。',
      );
    }
    if (d.type === 'residentRecord' && d.containsMyNumber && !d.destroyedOn) {
      ctx.todos.push(
        '住民票の写しに記載された個人番号をマスキング（または書類を廃棄）し、その日付を記録してください。',
      );
    }
    const showsHonseki = d.type === 'familyRegister' || (d.type === 'residentRecord' && d.showsHonseki === true);
    if (showsHonseki && d.honsekiMasked !== true) {
      ctx.todos.push(`${documentInfo[d.type].label}の本籍の記載を黒塗りしてください。`);
    }
  }
}

function nameAddress(ctx: Ctx, holder: 'principal' | 'agent'): void {
  const match = ctx.c.nameAddressMatch[holder];
  if (match === null) {
    ctx.todos.push(`請求書と${whose(holder)}の本人確認書類の氏名・住所を照合してください。`);
  } else if (!match) {
    ctx.defects.push({
      code: `${holder}Mismatch`,
      message: `請求書に記載の${whose(holder)}の氏名・住所と本人確認書類の記載が一致していません。転居等により住所が異なる場合は、現住所の記載がある書類（運転免許証の裏面、住民票の写し等）をご提出ください。`,
    });
  }
}

// A 本人's request by a channel the company confirms by matching the registered record (e-mail,
// web form): every chosen detail matches, and no document is needed. A detail that does not match
// asks for an ID copy; once documents arrive they are judged as for any request. Returns whether
// the matching decided the check.
function matchesRegistered(ctx: Ctx): boolean {
  const rule = ctx.p.registeredMatch;
  const { c } = ctx;
  if (!rule || !c.channel || !rule.channels.includes(c.channel) || rule.fields.length === 0) return false;
  const result = (f: (typeof rule.fields)[number]) => c.registeredMatch?.[f] ?? null;
  const failed = rule.fields.filter((f) => result(f) === false);
  const hasDocuments = c.documents.some((d) => d.holder === 'principal');
  if (failed.length > 0) {
    if (hasDocuments) return false;
    ctx.defects.push({ code: 'registeredMismatch', message: registeredMismatchMessage(failed) });
    return true;
  }
  const open = rule.fields.filter((f) => result(f) === null);
  if (open.length > 0) ctx.todos.push(registeredMatchTodo(open));
  return true;
}

// How many months after issue a certificate of this type is accepted.
export function windowOf(type: DocumentType, p: IdentityPolicy): number {
  return p.issueWindows?.[type] ?? p.issueWindowMonths;
}

function requireSealCertificate(ctx: Ctx, withinWindow: string): void {
  requireOne(
    ctx,
    'principal',
    ['sealCertificate'],
    'sealCertificateMissing',
    `委任状に押印された実印の印鑑登録証明書（ご本人のもの。${withinWindow}）をご提出ください。`,
  );
}

export function evaluateIdentity(c: IdentityCase, p: IdentityPolicy = defaultIdentityPolicy): IdentityResult {
  const ctx: Ctx = { c, p, defects: [], todos: [] };
  // The windows are the administrator's settings, so the sentences quote them.
  const within = (...types: DocumentType[]) => {
    const months = [...new Set(types.map((t) => windowOf(t, p)))];
    return months.length === 1
      ? `発行日から${months[0] ?? p.issueWindowMonths}か月以内の原本`
      : `発行日から${types.map((t) => `${documentInfo[t].label}は${windowOf(t, p)}か月`).join('、')}以内の原本`;
  };
  const kinship = (d: IdentityDocument) => d.type === 'familyRegister' || d.showsRelationship === true;
  if (c.channel && p.acceptedChannels && !p.acceptedChannels.includes(c.channel)) {
    ctx.defects.push({ code: 'channelNotAccepted', message: channelNotAcceptedMessage(c.channel, p.acceptedChannels) });
  }
  switch (c.requesterType) {
    case 'self':
      if (matchesRegistered(ctx)) break;
      requireIdentity(ctx, 'principal');
      nameAddress(ctx, 'principal');
      break;
    case 'parent': {
      requireIdentity(ctx, 'agent');
      const proofs = p.parentProof ?? ['familyRegister', 'residentRecord'];
      const named = proofs.includes('residentRecord')
        ? proofs.includes('familyRegister')
          ? '戸籍謄本、または続柄の記載のある住民票の写し'
          : '続柄の記載のある住民票の写し'
        : '戸籍謄本';
      requireOne(
        ctx,
        'principal',
        proofs,
        'relationshipMissing',
        `親権者であることを確認できる書類（${named}。${within(...proofs)}）をご提出ください。`,
        kinship,
      );
      requireMinor(ctx, '親権者');
      nameAddress(ctx, 'agent');
      break;
    }
    case 'minorGuardian':
      // A lawyer appointed 後見人 may prove who they are by the 弁護士登録番号.
      if (!c.lawyerRegistrationNo) requireIdentity(ctx, 'agent');
      requireOne(
        ctx,
        'principal',
        ['familyRegister', 'registryCertificate'],
        'guardianshipMissing',
        `未成年後見人であることを確認できる書類（戸籍謄本または登記事項証明書。${within('familyRegister', 'registryCertificate')}）をご提出ください。`,
      );
      requireMinor(ctx, '未成年後見人');
      if (!c.lawyerRegistrationNo) nameAddress(ctx, 'agent');
      break;
    case 'adultGuardian':
      if (!c.lawyerRegistrationNo) requireIdentity(ctx, 'agent');
      requireOne(
        ctx,
        'principal',
        ['registryCertificate'],
        'guardianshipMissing',
        `成年後見人であることを確認できる登記事項証明書（${within('registryCertificate')}）をご提出ください。`,
      );
      requireStatutoryAgency(ctx);
      if (!c.lawyerRegistrationNo) nameAddress(ctx, 'agent');
      break;
    case 'appointed': {
      const sealed = (p.appointedAgent ?? 'registeredSeal') === 'registeredSeal';
      requireIdentity(ctx, 'agent');
      requirePowerOfAttorney(ctx, sealed);
      if (sealed) requireSealCertificate(ctx, within('sealCertificate'));
      nameAddress(ctx, 'agent');
      break;
    }
    case 'lawyer':
      if (!c.lawyerRegistrationNo) requireIdentity(ctx, 'agent');
      requirePowerOfAttorney(ctx, p.lawyerNeedsSealCertificate);
      if (p.lawyerNeedsSealCertificate) requireSealCertificate(ctx, within('sealCertificate'));
      if (!c.lawyerRegistrationNo) nameAddress(ctx, 'agent');
      break;
  }
  sensitiveHandling(ctx);
  const status = ctx.defects.length > 0 ? 'defective' : ctx.todos.length > 0 ? 'incomplete' : 'verified';
  return { status, defects: ctx.defects, todos: [...new Set(ctx.todos)] };
}
