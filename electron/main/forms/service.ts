import { randomUUID } from 'node:crypto';
import { ErrorCode, type FormRequestRow } from '../../../core/contract';
import { japanToday, type IsoDate } from '../../../core/domain/dates';
import { FormRequestInput, FormSent, formNumber } from '../../../core/domain/form-requests';
import { buildFormCoverLetter } from '../../../core/domain/letters/form-cover';
import type { Q } from '../db/store';
import {
  countFormRequestsOfYear,
  deleteFormRequest,
  getFormRequest,
  insertFormRequest,
  linkFormRequest,
  listFormRequestIds,
  requestIdOfReceipt,
  setFormRequestSent,
} from '../db/repositories/form-requests';
import { AppError, refusals } from '../errors';
import type { LetterFonts } from '../pdf/fonts';
import { renderLetter } from '../pdf/lazy';
import { readFees, readIdentityPolicy, readLetterSettings, readOrganisation } from '../settings/policies';
import type { Vault } from '../vault/vault';

// The company's 請求書 sent on request (送付依頼, issue 16 §2): a log of who asked and when, the
// cover letter to print with the form, when it went out, and the request it led to. The audit
// entries carry the record's id and what changed, never the person's name or address.

const notFound = () => new AppError(ErrorCode.NOT_FOUND, '請求書の送付の記録が見つかりません。');

export class FormsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly fonts: LetterFonts,
  ) {}

  private today(): IsoDate {
    return japanToday(this.clock());
  }

  private async row(db: Q, id: string): Promise<FormRequestRow> {
    const r = await getFormRequest(db, id);
    if (!r) throw notFound();
    return {
      id: r.id,
      number: r.number,
      data: FormRequestInput.parse(JSON.parse(r.data_json)),
      sent: r.sent_json ? FormSent.parse(JSON.parse(r.sent_json)) : null,
      requestId: r.request_id,
      receiptNo: r.receipt_no,
      createdBy: r.created_by,
      createdAt: r.created_at,
    };
  }

  async list(): Promise<FormRequestRow[]> {
    const db = this.vault.q();
    const rows: FormRequestRow[] = [];
    for (const id of await listFormRequestIds(db, 500)) rows.push(await this.row(db, id));
    return rows;
  }

  async create(input: FormRequestInput): Promise<FormRequestRow> {
    if (input.requestedOn > this.today()) {
      throw refusals.badField(['requestedOn'], 'お申出の日に未来の日付は指定できません。');
    }
    const id = randomUUID();
    const at = this.clock().toISOString();
    const by = this.vault.session()?.accountId ?? '';
    await this.vault.write('forms.request', id, 'action=create', async (db) => {
      const year = Number(this.today().slice(0, 4));
      await insertFormRequest(db, {
        id,
        number: formNumber(year, (await countFormRequestsOfYear(db, year)) + 1),
        requestedOn: input.requestedOn,
        data: JSON.stringify(input),
        createdBy: by,
        createdAt: at,
      });
    });
    return this.row(this.vault.q(), id);
  }

  async markSent(id: string, sent: FormSent): Promise<FormRequestRow> {
    const current = await this.row(this.vault.q(), id);
    if (sent.sentOn > this.today()) throw refusals.badField(['sent', 'sentOn'], '送付日に未来の日付は指定できません。');
    if (sent.sentOn < current.data.requestedOn) {
      throw refusals.badField(['sent', 'sentOn'], '送付日がお申出の日より前になっています。');
    }
    await this.vault.write('forms.request', id, `action=sent method=${sent.sentBy}`, async (db) => {
      await setFormRequestSent(db, id, JSON.stringify(sent));
    });
    return this.row(this.vault.q(), id);
  }

  // Links the request that came back on the form, by its 受付番号.
  async link(id: string, receiptNo: string): Promise<FormRequestRow> {
    const db = this.vault.q();
    await this.row(db, id);
    const requestId = await requestIdOfReceipt(db, receiptNo);
    if (!requestId) throw refusals.badField(['receiptNo'], `受付番号「${receiptNo}」の請求が見つかりません。`);
    await this.vault.write('forms.request', id, 'action=link', async (w) => {
      await linkFormRequest(w, id, requestId);
    });
    return this.row(this.vault.q(), id);
  }

  // Removed for good (a record made in error, or one the person withdrew): the audit keeps that
  // it was, by id.
  async remove(id: string): Promise<Record<string, never>> {
    await this.row(this.vault.q(), id);
    await this.vault.write('forms.request', id, 'action=remove', async (db) => {
      await deleteFormRequest(db, id);
    });
    return {};
  }

  async coverLetter(id: string): Promise<{ base64: string }> {
    const db = this.vault.q();
    const f = await this.row(db, id);
    const org = await readOrganisation(db);
    if (!org) {
      throw new AppError(ErrorCode.CONFLICT, '組織情報が設定されていません。設定 › 組織情報を入力してください。');
    }
    const settings = await readLetterSettings(db);
    const letter = buildFormCoverLetter(
      { ...f.data, number: f.number },
      org,
      await readIdentityPolicy(db),
      await readFees(db),
      {
        date: this.today(),
        dateStyle: settings.dateStyle,
      },
    );
    const rendered = await renderLetter(letter, this.fonts, {
      windowEnvelope: settings.windowEnvelope,
      ...(settings.window ? { window: settings.window } : {}),
      seal: null,
    });
    return { base64: Buffer.from(rendered.bytes).toString('base64') };
  }
}
