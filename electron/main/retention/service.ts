import { deleteFormRequest, formRequestsToPurge } from '../db/repositories/form-requests';
import { ErrorCode, RetentionSettings, type ChannelOutput } from '../../../core/contract';
import { addDays, addMonths, japanToday } from '../../../core/domain/dates';
import { kindInfo, type RequestKind } from '../../../core/domain/intake/kinds';
import { closedStates } from '../../../core/domain/workflow';
import {
  decisionOutcomes,
  deleteEnclosureContent,
  idCopiesToDelete,
  requestsToPurge,
  tombstone,
} from '../db/repositories/retention';
import { getSetting, putSetting } from '../db/repositories/settings';
import { AppError } from '../errors';
import type { Vault } from '../vault/vault';

export const DEFAULT_RETENTION: RetentionSettings = { completedYears: 3, idCopyDays: 0 };

// The enclosures that are copies of identity documents (本人確認書類の写し and the agent's or
// heir's certificates), deleted first.
export const idCopyTypes = [
  'identity',
  'sealCertificate',
  'familyRegister',
  'registryCertificate',
  'residentRecord',
] as const;

// The keeping periods, the list of what they let go, and the purge itself (administrators only).
export class RetentionService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
  ) {}

  async settings(): Promise<RetentionSettings> {
    const parsed = RetentionSettings.safeParse(await getSetting(this.vault.q(), 'retention'));
    return parsed.success ? parsed.data : DEFAULT_RETENTION;
  }

  async updateSettings(value: RetentionSettings): Promise<RetentionSettings> {
    await this.vault.write(
      'settings.update',
      'retention',
      `completedYears=${value.completedYears} idCopyDays=${value.idCopyDays}`,
      async (db) => {
        await putSetting(db, 'retention', value);
      },
    );
    return value;
  }

  private async candidates() {
    const db = this.vault.q();
    const settings = await this.settings();
    const asOf = japanToday(this.clock());
    return {
      asOf,
      settings,
      requests: await requestsToPurge(db, closedStates, addMonths(asOf, -12 * settings.completedYears)),
      idCopies: await idCopiesToDelete(db, closedStates, idCopyTypes, addDays(asOf, -settings.idCopyDays)),
      forms: await formRequestsToPurge(db, addMonths(asOf, -12 * settings.completedYears)),
    };
  }

  async preview(): Promise<ChannelOutput<'retention.get'>> {
    const c = await this.candidates();
    return {
      asOf: c.asOf,
      settings: c.settings,
      requests: c.requests.map((r) => ({
        receiptNo: r.receipt_no,
        kinds: (r.kinds ?? '')
          .split(',')
          .filter(Boolean)
          .map((k) => kindInfo[k as RequestKind].label),
        arrivalDate: r.arrival_date,
        closedOn: r.closed_on,
      })),
      idCopies: c.idCopies.map((e) => ({ receiptNo: e.receipt_no, type: e.type, closedOn: e.closed_on })),
      forms: c.forms.map((f) => ({ number: f.number, requestedOn: f.requested_on })),
    };
  }

  // Deletes the ID copies due, then turns the requests due into tombstones; one transaction,
  // one audit entry per copy and per request. Refused when the list is not the one shown.
  async purge(seen: { requests: number; idCopies: number; forms: number }): Promise<{
    requests: number;
    idCopies: number;
    forms: number;
  }> {
    const c = await this.candidates();
    if (c.requests.length !== seen.requests || c.idCopies.length !== seen.idCopies || c.forms.length !== seen.forms) {
      throw new AppError(ErrorCode.CONFLICT, '削除の対象が変わりました。一覧をもう一度確認してから実行してください。');
    }
    const at = this.clock().toISOString();
    await this.vault.store().transaction(async (tx) => {
      for (const e of c.idCopies) {
        await deleteEnclosureContent(tx, e.id, at);
        await this.vault.audit(
          tx,
          'retention.idCopy',
          e.request_id,
          `receipt=${e.receipt_no} type=${e.type} closed=${e.closed_on}`,
        );
      }
      for (const r of c.requests) {
        const outcomes = (await decisionOutcomes(tx, r.id)).join(',');
        await tombstone(tx, r.id, at);
        await this.vault.audit(
          tx,
          'retention.purge',
          r.id,
          `receipt=${r.receipt_no} kinds=${r.kinds} arrival=${r.arrival_date} closed=${r.closed_on} outcome=${outcomes || 'none'}`,
        );
      }
      // A 送付依頼 that never led to a request names a person for nothing once the period is over.
      for (const f of c.forms) {
        await deleteFormRequest(tx, f.id);
        await this.vault.audit(tx, 'forms.request', f.id, `action=purge requested=${f.requested_on}`);
      }
    });
    return { requests: c.requests.length, idCopies: c.idCopies.length, forms: c.forms.length };
  }
}
