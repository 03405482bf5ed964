import { createHash, randomUUID } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import {
  ErrorCode,
  type Enclosure,
  type FeeSchedule,
  type IntakeSettings,
  type RequestDetail,
  type RequestSummary,
} from '../../../core/contract';
import { japanToday } from '../../../core/domain/dates';
import { counterKey, formatReceiptNo } from '../../../core/domain/intake/receipt-number';
import type { IntakeInput } from '../../../core/domain/intake/request';
import { kanaKey, nameKey, phoneKey } from '../../../core/domain/intake/text';
import { closedStates, type RecordKind, type State } from '../../../core/domain/workflow';
import {
  confirmOriginals,
  findPossibleDuplicates,
  getEnclosureContent,
  getRequestRow,
  insertEnclosure,
  insertEvent,
  deleteEnclosure,
  getEnclosureRow,
  insertRequest,
  nextSerial,
  receiptNoTaken,
  replaceIntake,
  searchByKana,
  searchByReceiptNo,
} from '../db/repositories/requests';
import { putSetting } from '../db/repositories/settings';
import type { FileDialogs } from '../files/dialogs';
import { imageProblem } from '../files/image-limits';
import { sniffMime } from '../files/sniff';
import { AppError } from '../errors';
import { readFees, readIntakeSettings } from '../settings/policies';
import { toSummary, type RequestsService } from '../requests/service';
import type { Vault } from '../vault/vault';

export const MAX_ENCLOSURE_BYTES = 20 * 1024 * 1024;

function bad(path: (string | number)[], message: string): AppError {
  return new AppError(ErrorCode.BAD_INPUT, message, [{ path, message }]);
}

const editableStates: readonly State[] = ['received', 'checking', 'awaitingCure'];

// The stored form of what staff entered at intake (shared by create and update).
function intakeRecord(id: string, input: IntakeInput, at: string) {
  return {
    trackingNo: input.trackingNo,
    requesterType: input.requesterType,
    answerTo: input.answerTo,
    delivery: input.delivery,
    replyAddress: input.replyAddress,
    disclosureMethod: input.disclosureMethod ? JSON.stringify(input.disclosureMethod) : null,
    notes: input.notes,
    identityJson: JSON.stringify({
      nameAddressMatch: input.identity.nameAddressMatch,
      lawyerRegistrationNo: input.identity.lawyerRegistrationNo,
    }),
    search: {
      kana: kanaKey(input.principal.kana),
      name: nameKey(input.principal.name),
      birth: input.principal.birthDate,
      phone: input.principal.phone ? phoneKey(input.principal.phone) : null,
    },
    parties: [
      { role: 'principal' as const, data: JSON.stringify(input.principal) },
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
  };
}

export class IntakeService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly dialogs: FileDialogs,
    private readonly requests: RequestsService,
  ) {}

  fees(): FeeSchedule {
    return readFees(this.vault.connection());
  }

  settings(): IntakeSettings {
    return readIntakeSettings(this.vault.connection());
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

  updateFees(value: FeeSchedule): FeeSchedule {
    this.vault.write('settings.update', 'fees', `amount=${value.amount} per=${value.per}`, (db) => {
      putSetting(db, 'fees', value);
    });
    return value;
  }

  private checkDates(input: IntakeInput): void {
    const today = japanToday(this.clock());
    if (input.arrivalDate > today) throw bad(['arrivalDate'], '到達日に未来の日付は指定できません。');
    for (const [i, p] of input.payments.entries()) {
      if (p.receivedOn > today)
        throw bad(['payments', i, 'receivedOn'], '手数料の受領日に未来の日付は指定できません。');
    }
  }

  create(input: IntakeInput): RequestDetail {
    const session = this.vault.session();
    if (!session) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
    this.checkDates(input);
    const today = japanToday(this.clock());
    const id = randomUUID();
    const pattern = this.settings().receiptPattern;
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
          ...intakeRecord(id, input, this.clock().toISOString()),
          id,
          receiptNo,
          channel: input.channel,
          arrivalDate: input.arrivalDate,
          provisional: input.provisional,
          receivedBy: session.accountId,
          status: 'received' satisfies State,
        });
        this.requests.refreshDeadlines(db, id);
      },
    );
    return this.requests.get(id);
  }

  // Corrects what was recorded at intake, or adds what a 補正 brought (documents, a fee), before
  // the investigation starts. The 到達日 and the channel stay as received.
  update(id: string, input: IntakeInput): RequestDetail {
    const current = this.requests.get(id);
    if (!editableStates.includes(current.status as State)) {
      throw new AppError(
        ErrorCode.CONFLICT,
        '受付内容は、調査を開始する前（受付・確認中・補正待ち）に限り修正できます。',
      );
    }
    if (
      input.arrivalDate !== current.arrivalDate ||
      input.channel !== current.channel ||
      input.provisional !== current.provisional
    ) {
      throw bad(
        ['arrivalDate'],
        '到達日・受付方法・仮受付の別は修正できません（仮受付の原本は「原本の到着を記録」から記録します）。',
      );
    }
    this.checkDates(input);
    this.vault.write('requests.update', id, `kinds=${input.items.map((i) => i.kind).join(',')}`, (db) => {
      replaceIntake(db, id, intakeRecord(id, input, this.clock().toISOString()));
      insertEvent(db, {
        requestId: id,
        at: this.clock().toISOString(),
        day: japanToday(this.clock()),
        accountId: this.vault.session()?.accountId ?? '',
        action: 'update' satisfies RecordKind,
        from: current.status,
        to: current.status,
        comment: '',
        closedOn: null,
      });
      this.requests.refreshDeadlines(db, id);
    });
    return this.requests.get(id);
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
      this.requests.refreshDeadlines(db, id);
    });
    return this.requests.get(id);
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
    // Checked from the header, before anything decodes the pixels.
    const tooBig = imageProblem(content, mime);
    if (tooBig) throw new AppError(ErrorCode.BAD_INPUT, tooBig);
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

  // Removes an enclosure for good (administrators, with a reason kept in the history); the audit
  // log keeps its id, type and SHA-256.
  removeEnclosure(id: string, reason: string): Record<string, never> {
    const db = this.vault.connection();
    const row = getEnclosureRow(db, id);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '同封書類が見つかりません。');
    const current = this.requests.get(row.request_id);
    this.vault.write(
      'enclosures.remove',
      row.request_id,
      `enclosure=${id} type=${row.type} sha256=${row.sha256}`,
      (w) => {
        deleteEnclosure(w, id);
        insertEvent(w, {
          requestId: row.request_id,
          at: this.clock().toISOString(),
          day: japanToday(this.clock()),
          accountId: this.vault.session()?.accountId ?? '',
          action: 'enclosureRemoved' satisfies RecordKind,
          from: current.status,
          to: current.status,
          comment: reason,
          closedOn: null,
        });
      },
    );
    return {};
  }

  enclosureContent(id: string): { mime: string; base64: string } {
    const found = getEnclosureContent(this.vault.connection(), id);
    if (!found?.content) throw new AppError(ErrorCode.NOT_FOUND, '同封書類が見つかりません。');
    return { mime: found.mime, base64: found.content.toString('base64') };
  }
}
