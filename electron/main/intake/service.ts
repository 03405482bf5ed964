import { randomUUID } from 'node:crypto';
import { ErrorCode, type RequestDetail } from '../../../core/contract';
import { japanToday, slashDate } from '../../../core/domain/dates';
import { counterKey, formatReceiptNo } from '../../../core/domain/intake/receipt-number';
import type { IntakeInput } from '../../../core/domain/intake/request';
import { futureDateIssues, futureMessages } from '../../../core/domain/intake/future-dates';
import { letterSpellingIssues, spellingTexts } from '../../../core/domain/intake/letter-spelling';
import type { RequestKind } from '../../../core/domain/intake/kinds';
import { splitRequest } from './split';
import { kanaKey, nameKey, phoneKey } from '../../../core/domain/intake/text';
import { canRecord, type RecordKind, type State } from '../../../core/domain/workflow';
import {
  confirmOriginals,
  getRequestRow,
  insertEvent,
  insertRequest,
  nextSerial,
  receiptNoTaken,
  replaceIntake,
} from '../db/repositories/requests';
import type { FileDialogs } from '../files/dialogs';
import { AppError, refusals } from '../errors';
import { readIntakeSettings } from '../settings/policies';
import type { RequestQueries } from '../requests/queries';
import type { Vault } from '../vault/vault';

// The stored form of what staff entered at intake (shared by create and update).
function intakeRecord(id: string, input: IntakeInput, at: string) {
  return {
    trackingNo: input.trackingNo,
    requesterType: input.requesterType,
    answerTo: input.answerTo,
    delivery: input.delivery,
    replyAddress: input.replyAddress,
    replyPostalCode: input.replyAddress ? input.replyPostalCode : '',
    disclosureMethod: input.disclosureMethod ? JSON.stringify(input.disclosureMethod) : null,
    notes: input.notes,
    identityJson: JSON.stringify({
      nameAddressMatch: input.identity.nameAddressMatch,
      lawyerRegistrationNo: input.identity.lawyerRegistrationNo,
      ...(input.identity.registeredMatch ? { registeredMatch: input.identity.registeredMatch } : {}),
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
      forKind: p.forKind ?? null,
    })),
    at,
  };
}

// Registering a request from the paper form, editing it while it is still in intake, the
// original of a FAX.
export class IntakeService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly dialogs: FileDialogs,
    private readonly requests: RequestQueries,
    // Which characters of a text the letter fonts lack (FontCoverage).
    private readonly coverage: { missing(text: string): Promise<string[]> },
  ) {}

  // Every future date, and every name or address the letter fonts cannot print without its
  // spelling for letters, at once, each beside its field (the rules the form applies as typed).
  private async checkInput(input: IntakeInput): Promise<void> {
    const texts = spellingTexts(input);
    const lacking = new Map(await Promise.all(texts.map(async (t) => [t, await this.coverage.missing(t)] as const)));
    const issues = [
      ...futureDateIssues(input, japanToday(this.clock())),
      ...letterSpellingIssues(input, (t) => lacking.get(t) ?? []),
    ];
    const first = issues[0];
    if (first) throw new AppError(ErrorCode.BAD_INPUT, first.message, issues);
  }

  async create(input: IntakeInput): Promise<RequestDetail> {
    const session = this.vault.session();
    if (!session) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
    await this.checkInput(input);
    const today = japanToday(this.clock());
    const id = randomUUID();
    const pattern = (await readIntakeSettings(this.vault.q())).receiptPattern;
    await this.vault.write(
      'requests.create',
      id,
      `kinds=${input.items.map((i) => i.kind).join(',')} channel=${input.channel}`,
      async (db) => {
        // A number already taken (the pattern was changed back, say) is skipped, never reused.
        let receiptNo = formatReceiptNo(pattern, today, await nextSerial(db, counterKey(pattern, today)));
        while (await receiptNoTaken(db, receiptNo))
          receiptNo = formatReceiptNo(pattern, today, await nextSerial(db, counterKey(pattern, today)));
        await insertRequest(db, {
          ...intakeRecord(id, input, this.clock().toISOString()),
          id,
          receiptNo,
          channel: input.channel,
          arrivalDate: input.arrivalDate,
          provisional: input.provisional,
          receivedBy: session.accountId,
          status: 'received' satisfies State,
        });
        // The history starts with the receipt itself (who registered it, and when).
        await insertEvent(db, {
          requestId: id,
          at: this.clock().toISOString(),
          day: today,
          accountId: session.accountId,
          action: 'received' satisfies RecordKind,
          from: 'received',
          to: 'received',
          comment: '',
          closedOn: null,
        });
        await this.requests.refreshDeadlines(db, id);
      },
    );
    return this.requests.get(id);
  }

  // Corrects what was recorded at intake, or adds what a 補正 brought (documents, a fee), before
  // the investigation starts. The 到達日 and the channel stay as received.
  async update(id: string, input: IntakeInput): Promise<RequestDetail> {
    const current = await this.requests.get(id);
    if (!canRecord('intake', current.status)) {
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
      throw refusals.badField(
        ['arrivalDate'],
        '到達日・受付方法・仮受付の別は修正できません（仮受付の原本は「原本の到着を記録」から記録します）。',
      );
    }
    await this.checkInput(input);
    await this.vault.write('requests.update', id, `kinds=${input.items.map((i) => i.kind).join(',')}`, async (db) => {
      await replaceIntake(db, id, intakeRecord(id, input, this.clock().toISOString()));
      await insertEvent(db, {
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
      await this.requests.refreshDeadlines(db, id);
    });
    return this.requests.get(id);
  }

  // A FAX taken as 仮受付: the originals have arrived, and their day becomes the 到達日.
  async confirmOriginals(id: string, arrivalDate: string): Promise<RequestDetail> {
    const row = await getRequestRow(this.vault.q(), id);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '請求が見つかりません。');
    if (row.provisional !== 1) throw new AppError(ErrorCode.CONFLICT, 'この請求は仮受付ではありません。');
    if (arrivalDate > japanToday(this.clock())) throw refusals.badField(['arrivalDate'], futureMessages.arrivalDate);
    if (arrivalDate < row.arrival_date)
      throw refusals.badField(['arrivalDate'], '原本の到達日は FAX の受信日より前にはできません。');
    await this.vault.write('requests.originals', id, `arrival=${arrivalDate}`, async (db) => {
      await confirmOriginals(db, id, arrivalDate, this.clock().toISOString());
      await insertEvent(db, {
        requestId: id,
        at: this.clock().toISOString(),
        day: japanToday(this.clock()),
        accountId: this.vault.session()?.accountId ?? '',
        action: 'originals' satisfies RecordKind,
        from: row.status,
        to: row.status,
        comment: `FAXの受信日 ${slashDate(row.arrival_date)}、原本の到着日 ${slashDate(arrivalDate)}`,
        closedOn: null,
      });
      await this.requests.refreshDeadlines(db, id);
    });
    return this.requests.get(id);
  }

  async split(id: string, kinds: readonly RequestKind[]): Promise<RequestDetail> {
    return await splitRequest(this.vault, this.clock, this.requests, id, kinds);
  }
}
