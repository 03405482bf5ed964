import { createHash, randomUUID } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { counterKey, DEFAULT_RECEIPT_PATTERN, formatReceiptNo } from '../../../core/domain/intake/receipt-number';
import {
  ErrorCode,
  FeeSchedule,
  IntakeSettings,
  type Enclosure,
  type RequestDetail,
  type RequestSummary,
} from '../../../core/contract';
import { evaluateFee, defaultFeeSchedule } from '../../../core/domain/intake/fees';
import { defaultIdentityPolicy, evaluateIdentity, type IdentityPolicy } from '../../../core/domain/intake/identity';
import type { RequestKind, RequesterType } from '../../../core/domain/intake/kinds';
import {
  DisclosureMethod,
  IdentityDocumentInput,
  Party,
  PaymentInput,
  RequestItem,
  type IntakeInput,
} from '../../../core/domain/intake/request';
import { kanaKey, nameKey, phoneKey } from '../../../core/domain/intake/text';
import {
  actionsFrom,
  closedStates,
  DEFAULT_CURE_DAYS,
  transition,
  type Action,
  type State,
} from '../../../core/domain/workflow';
import { addDays, japanToday } from '../../../core/domain/dates';
import {
  computeDeadlines,
  DEFAULT_CLOSED_DAYS,
  DEFAULT_SLA_BUSINESS_DAYS,
  type Pause,
} from '../../../core/domain/deadlines';
import {
  findPossibleDuplicates,
  getDocuments,
  getEnclosureContent,
  getItems,
  getParties,
  getPayments,
  getRequestRow,
  confirmOriginals,
  insertEvent,
  listEvents,
  type EventRow,
  insertEnclosure,
  insertRequest,
  listEnclosures,
  nextSerial,
  receiptNoTaken,
  searchByKana,
  searchByReceiptNo,
  type SummaryRow,
} from '../db/repositories/requests';
import { getSetting, putSetting } from '../db/repositories/settings';
import type { FileDialogs } from '../files/dialogs';
import { sniffMime } from '../files/sniff';
import { AppError } from './errors';
import type { Vault } from './vault';

export const MAX_ENCLOSURE_BYTES = 20 * 1024 * 1024;

function bad(path: (string | number)[], message: string): AppError {
  return new AppError(ErrorCode.BAD_INPUT, message, [{ path, message }]);
}

// The days a request waited for a 補正: from the day it was asked for to the day the cure arrived
// (open while it still waits). The internal SLA does not count them.
function curePauses(events: readonly EventRow[]): Pause[] {
  const pauses: Pause[] = [];
  for (const e of events) {
    if (e.to_state === 'awaitingCure') pauses.push({ from: e.day, to: null });
    else if (e.from_state === 'awaitingCure') {
      const open = pauses.at(-1);
      if (open?.to === null) open.to = e.day;
    }
  }
  return pauses;
}

function toSummary(r: SummaryRow): RequestSummary {
  const principal = Party.parse(JSON.parse(r.principal ?? '{}'));
  return {
    id: r.id,
    receiptNo: r.receipt_no,
    arrivalDate: r.arrival_date,
    status: r.status,
    requesterType: r.requester_type as RequesterType,
    principalName: principal.name,
    principalKana: principal.kana,
    kinds: (r.kinds ?? '').split(',').filter(Boolean) as RequestKind[],
  };
}

export class IntakeService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly dialogs: FileDialogs,
  ) {}

  fees(): FeeSchedule {
    const parsed = FeeSchedule.safeParse(getSetting(this.vault.connection(), 'fees'));
    return parsed.success ? parsed.data : defaultFeeSchedule;
  }

  settings(): IntakeSettings {
    const parsed = IntakeSettings.safeParse(getSetting(this.vault.connection(), 'intake'));
    return parsed.success
      ? parsed.data
      : {
          receiptPattern: DEFAULT_RECEIPT_PATTERN,
          issueWindowMonths: defaultIdentityPolicy.issueWindowMonths,
          lawyerNeedsSealCertificate: defaultIdentityPolicy.lawyerNeedsSealCertificate,
        };
  }

  updateSettings(value: IntakeSettings): IntakeSettings {
    this.vault.write(
      'settings.update',
      'intake',
      `months=${value.issueWindowMonths} lawyerSeal=${String(value.lawyerNeedsSealCertificate)}`,
      (db) => {
        putSetting(db, 'intake', value);
      },
    );
    return value;
  }

  private identityPolicy(): IdentityPolicy {
    const s = this.settings();
    return {
      ...defaultIdentityPolicy,
      issueWindowMonths: s.issueWindowMonths,
      lawyerNeedsSealCertificate: s.lawyerNeedsSealCertificate,
    };
  }

  updateFees(value: FeeSchedule): FeeSchedule {
    this.vault.write('settings.update', 'fees', `amount=${value.amount} per=${value.per}`, (db) => {
      putSetting(db, 'fees', value);
    });
    return value;
  }

  create(input: IntakeInput): RequestDetail {
    const session = this.vault.session();
    if (!session) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
    const today = japanToday(this.clock());
    if (input.arrivalDate > today) throw bad(['arrivalDate'], '到達日に未来の日付は指定できません。');
    for (const [i, p] of input.payments.entries()) {
      if (p.receivedOn > today)
        throw bad(['payments', i, 'receivedOn'], '手数料の受領日に未来の日付は指定できません。');
    }
    const id = randomUUID();
    const at = this.clock().toISOString();
    const pattern = this.settings().receiptPattern;
    const search = {
      kana: kanaKey(input.principal.kana),
      name: nameKey(input.principal.name),
      birth: input.principal.birthDate,
      phone: input.principal.phone ? phoneKey(input.principal.phone) : null,
    };
    this.vault.write(
      'requests.create',
      id,
      `kinds=${input.items.map((i) => i.kind).join(',')} channel=${input.channel}`,
      (db) => {
        // A number already taken (the pattern was changed back, say) is skipped, never reused.
        let receiptNo = formatReceiptNo(pattern, today, nextSerial(db, counterKey(pattern, today)));
        while (receiptNoTaken(db, receiptNo))
          receiptNo = formatReceiptNo(pattern, today, nextSerial(db, counterKey(pattern, today)));
        insertRequest(db, {
          id,
          receiptNo,
          channel: input.channel,
          arrivalDate: input.arrivalDate,
          provisional: input.provisional,
          trackingNo: input.trackingNo,
          receivedBy: session.accountId,
          requesterType: input.requesterType,
          answerTo: input.answerTo,
          delivery: input.delivery,
          replyAddress: input.replyAddress,
          disclosureMethod: input.disclosureMethod ? JSON.stringify(input.disclosureMethod) : null,
          status: 'received' satisfies State,
          notes: input.notes,
          identityJson: JSON.stringify({
            nameAddressMatch: input.identity.nameAddressMatch,
            lawyerRegistrationNo: input.identity.lawyerRegistrationNo,
          }),
          search,
          parties: [
            { role: 'principal', data: JSON.stringify(input.principal) },
            ...(input.agent ? [{ role: 'agent' as const, data: JSON.stringify(input.agent) }] : []),
          ],
          items: input.items.map((i) => ({ kind: i.kind, details: JSON.stringify(i) })),
          documents: input.identity.documents.map((d) => ({ id: `${id}:${d.id}`, data: JSON.stringify(d) })),
          payments: input.payments.map((p) => ({
            id: `${id}:${p.id}`,
            means: p.means,
            amount: p.amount,
            receivedOn: p.receivedOn,
            issuedOn: p.issuedOn ?? null,
          })),
          at,
        });
      },
    );
    return this.get(id);
  }

  // Moves a request along its workflow; core/domain/workflow decides what is allowed.
  transition(id: string, action: Action, comment: string): RequestDetail {
    const session = this.vault.session();
    if (!session) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
    const detail = this.get(id);
    const today = japanToday(this.clock());
    const cureAsked = [...detail.history].reverse().find((e) => e.to === 'awaitingCure');
    const result = transition(detail.status as State, action, {
      actorId: session.accountId,
      identity: detail.identity.result.status,
      fee: detail.fee.status,
      cureDeadlinePassed:
        cureAsked !== undefined && addDays(japanToday(new Date(cureAsked.at)), DEFAULT_CURE_DAYS) < today,
      // Decisions, approval and dispatch records come with the processing screens (issue 5).
      allKindsDecided: false,
      drafterId: null,
      comment,
      dispatchRecorded: false,
      idDisposalRecorded: false,
    });
    if (!result.ok) throw new AppError(ErrorCode.CONFLICT, result.reason);
    this.vault.write('requests.transition', id, `action=${action} from=${detail.status} to=${result.to}`, (db) => {
      insertEvent(db, {
        requestId: id,
        at: this.clock().toISOString(),
        day: today,
        accountId: session.accountId,
        action,
        from: detail.status,
        to: result.to,
        comment,
      });
    });
    return this.get(id);
  }

  // A FAX taken as 仮受付: the originals have arrived, and their day becomes the 到達日.
  confirmOriginals(id: string, arrivalDate: string): RequestDetail {
    const row = getRequestRow(this.vault.connection(), id);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '請求が見つかりません。');
    if (row.provisional !== 1) throw new AppError(ErrorCode.CONFLICT, 'この請求は仮受付ではありません。');
    if (arrivalDate > japanToday(this.clock())) throw bad(['arrivalDate'], '到達日に未来の日付は指定できません。');
    if (arrivalDate < row.arrival_date) throw bad(['arrivalDate'], '原本の到達日は FAX の受信日より前にはできません。');
    this.vault.write('requests.originals', id, `arrival=${arrivalDate}`, (db) => {
      confirmOriginals(db, id, arrivalDate, this.clock().toISOString());
    });
    return this.get(id);
  }

  get(id: string): RequestDetail {
    const db = this.vault.connection();
    const row = getRequestRow(db, id);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '請求が見つかりません。');
    const parties = getParties(db, id);
    const party = (role: string) => {
      const found = parties.find((p) => p.role === role);
      return found ? Party.parse(JSON.parse(found.data)) : null;
    };
    const principal = party('principal');
    if (!principal) throw new AppError(ErrorCode.INTERNAL, '請求の記録が壊れています。');
    const items = getItems(db, id).map((i) => RequestItem.parse(JSON.parse(i.details)));
    const documents = getDocuments(db, id).map((d) => IdentityDocumentInput.parse(JSON.parse(d)));
    const payments = getPayments(db, id).map((p) =>
      PaymentInput.parse({
        id: p.id.slice(id.length + 1),
        means: p.means,
        amount: p.amount,
        receivedOn: p.received_on,
        issuedOn: p.issued_on,
      }),
    );
    const identity = JSON.parse(row.identity_json) as {
      nameAddressMatch: { principal: boolean | null; agent: boolean | null };
      lawyerRegistrationNo: string;
    };
    const kinds = items.map((i) => i.kind);
    const result = evaluateIdentity(
      {
        arrivalDate: row.arrival_date,
        requesterType: row.requester_type as RequesterType,
        kinds,
        answerTo: row.answer_to as 'principal' | 'agent',
        principalBirthDate: principal.birthDate,
        documents,
        nameAddressMatch: identity.nameAddressMatch,
        lawyerRegistrationNo: identity.lawyerRegistrationNo,
      },
      this.identityPolicy(),
    );
    const events = listEvents(db, id);
    const enclosures: Enclosure[] = listEnclosures(db, id).map((e) => ({
      id: e.id,
      type: e.type as Enclosure['type'],
      mime: e.mime,
      size: e.size,
      sha256: e.sha256,
      addedAt: e.added_at,
    }));
    return {
      id,
      receiptNo: row.receipt_no,
      channel: row.channel as RequestDetail['channel'],
      arrivalDate: row.arrival_date,
      provisional: row.provisional === 1,
      trackingNo: row.tracking_no,
      receivedBy: row.received_by,
      requesterType: row.requester_type as RequesterType,
      principal,
      agent: party('agent'),
      items,
      disclosureMethod: row.disclosure_method ? DisclosureMethod.parse(JSON.parse(row.disclosure_method)) : null,
      answerTo: row.answer_to as 'principal' | 'agent',
      delivery: row.delivery as RequestDetail['delivery'],
      replyAddress: row.reply_address,
      notes: row.notes,
      status: row.status,
      identity: {
        documents,
        nameAddressMatch: identity.nameAddressMatch,
        lawyerRegistrationNo: identity.lawyerRegistrationNo,
        result,
      },
      payments,
      fee: evaluateFee(kinds, this.fees(), payments),
      enclosures,
      // Workflow settings (SLA length, closed days, 補正 pauses, extensions) arrive with the
      // processing screens; until then the defaults of DOMAIN.md §5 apply.
      deadlines: computeDeadlines({
        arrivalDate: row.arrival_date,
        slaBusinessDays: DEFAULT_SLA_BUSINESS_DAYS,
        closedDays: DEFAULT_CLOSED_DAYS,
        pauses: curePauses(events),
        extension: null,
      }),
      history: events.map((e) => ({
        at: e.at,
        accountId: e.account_id,
        action: e.action,
        from: e.from_state,
        to: e.to_state,
        comment: e.comment,
      })),
      availableActions: actionsFrom(row.status as State),
      createdAt: row.created_at,
    };
  }

  search(query: string, limit: number): RequestSummary[] {
    const db = this.vault.connection();
    const q = query.normalize('NFKC').trim();
    // フリガナ never contains digits; anything with one is (part of) a 受付番号.
    const rows = /\d/.test(q) ? searchByReceiptNo(db, q, limit) : searchByKana(db, kanaKey(q), limit);
    return rows.map(toSummary);
  }

  duplicates(input: { name: string; kana: string; birthDate: string | null; phone: string }): RequestSummary[] {
    const key = {
      name: nameKey(input.name),
      birth: input.birthDate,
      kana: kanaKey(input.kana),
      phone: input.phone ? phoneKey(input.phone) : null,
    };
    if (!key.name && !key.kana) return [];
    return findPossibleDuplicates(this.vault.connection(), key, closedStates).map(toSummary);
  }

  async addEnclosure(requestId: string, type: Enclosure['type']): Promise<Enclosure | null> {
    const session = this.vault.session();
    if (!session) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
    if (!getRequestRow(this.vault.connection(), requestId))
      throw new AppError(ErrorCode.NOT_FOUND, '請求が見つかりません。');
    const path = await this.dialogs.openFile({
      title: '同封書類の取り込み',
      filters: [
        { name: 'PDF・画像（PDF, PNG, JPEG, TIFF）', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff'] },
      ],
    });
    if (path === null) return null;
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new AppError(ErrorCode.BAD_INPUT, 'ファイルを読み込めませんでした。');
    if (info.size === 0) throw new AppError(ErrorCode.BAD_INPUT, 'ファイルが空です。');
    if (info.size > MAX_ENCLOSURE_BYTES) {
      throw new AppError(
        ErrorCode.BAD_INPUT,
        `ファイルが大きすぎます（${(info.size / 1024 / 1024).toFixed(1)}MB）。1ファイル${MAX_ENCLOSURE_BYTES / 1024 / 1024}MBまでです。スキャナーの解像度を下げるか、ページを分けて取り込んでください。`,
      );
    }
    const handle = await open(path, 'r');
    let content: Buffer;
    try {
      content = await handle.readFile();
    } finally {
      await handle.close();
    }
    const mime = sniffMime(content.subarray(0, 16));
    if (!mime) {
      throw new AppError(
        ErrorCode.BAD_INPUT,
        'このファイルは PDF・PNG・JPEG・TIFF のいずれでもありません（拡張子ではなく内容で判定しています）。スキャンした書類のファイルを選択してください。',
      );
    }
    const enclosure: Enclosure = {
      id: randomUUID(),
      type,
      mime,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      addedAt: this.clock().toISOString(),
    };
    this.vault.write(
      'enclosures.add',
      requestId,
      `enclosure=${enclosure.id} type=${type} mime=${mime} size=${content.length}`,
      (db) => {
        insertEnclosure(db, { ...enclosure, requestId, content, addedBy: session.accountId });
      },
    );
    return enclosure;
  }

  enclosureContent(id: string): { mime: string; base64: string } {
    const found = getEnclosureContent(this.vault.connection(), id);
    if (!found?.content) throw new AppError(ErrorCode.NOT_FOUND, '同封書類が見つかりません。');
    return { mime: found.mime, base64: found.content.toString('base64') };
  }
}
