import {
  ErrorCode,
  type FeeSchedule,
  type IntakeSettings,
  type LetterSettings,
  type ProcessingSettings,
  type SecuritySettings,
} from '../../../core/contract';
import { ReasonLibrary, type ReasonTemplate } from '../../../core/domain/decisions';
import type { Organisation } from '../../../core/domain/organisation';
import { DEFAULT_SAME_PERSON_MONTHS } from '../../../core/domain/intake/same-person';
import type { Q } from '../db/store';
import { putSetting } from '../db/repositories/settings';
import { AppError } from '../errors';
import type { Vault } from '../vault/vault';
import {
  readFees,
  readIntakeSettings,
  readLetterSettings,
  readOrganisation,
  readProcessingSettings,
  readReasonLibrary,
  readSecurity,
} from './policies';

// Every policy the administrator sets (the settings.* channels): read with the defaults of
// DOMAIN.md where nothing is stored, written with an audit entry.
export class SettingsService {
  constructor(
    private readonly vault: Vault,
    // The processing policy changed (inside its transaction): open requests' deadlines follow.
    private readonly processingChanged: (db: Q) => Promise<void>,
  ) {}

  async organisation(): Promise<Organisation> {
    const org = await readOrganisation(this.vault.q());
    if (!org) throw new AppError(ErrorCode.INTERNAL, '組織情報を読み込めません。設定画面で入力し直してください。');
    return org;
  }

  async security(): Promise<SecuritySettings> {
    return await readSecurity(this.vault.q());
  }

  async fees(): Promise<FeeSchedule> {
    return await readFees(this.vault.q());
  }

  async intake(): Promise<IntakeSettings> {
    return await readIntakeSettings(this.vault.q());
  }

  async processing(): Promise<ProcessingSettings> {
    return await readProcessingSettings(this.vault.q());
  }

  async reasons(): Promise<ReasonTemplate[]> {
    return await readReasonLibrary(this.vault.q());
  }

  async letters(): Promise<LetterSettings> {
    return await readLetterSettings(this.vault.q());
  }

  async updateOrganisation(value: Organisation): Promise<Organisation> {
    return await this.put('organisation', value, 'organisation');
  }

  async updateSecurity(value: SecuritySettings): Promise<SecuritySettings> {
    return await this.put('security', value, `idleLockMinutes=${value.idleLockMinutes}`);
  }

  async updateIntake(value: IntakeSettings): Promise<IntakeSettings> {
    const windows = Object.entries(value.issueWindows ?? {})
      .map(([t, m]) => `${t}:${m}`)
      .join(',');
    return await this.put(
      'intake',
      value,
      `months=${value.issueWindowMonths} lawyerSeal=${String(value.lawyerNeedsSealCertificate)} faxProvisional=${String(value.faxProvisional === true)}${windows ? ` windows=${windows}` : ''}`,
    );
  }

  async updateFees(value: FeeSchedule): Promise<FeeSchedule> {
    const own = Object.entries(value.amounts ?? {})
      .map(([k, v]) => `${k}:${v}`)
      .join(',');
    return await this.put('fees', value, `amount=${value.amount} per=${value.per}${own ? ` amounts=${own}` : ''}`);
  }

  async updateProcessing(value: ProcessingSettings): Promise<ProcessingSettings> {
    return await this.put(
      'processing',
      value,
      `sla=${value.slaBusinessDays} closed=${value.closedDays.length} cure=${value.cureDays} samePerson=${value.samePersonMonths ?? DEFAULT_SAME_PERSON_MONTHS}`,
      this.processingChanged,
    );
  }

  async updateReasons(value: ReasonTemplate[]): Promise<ReasonTemplate[]> {
    const parsed = ReasonLibrary.parse(value);
    return await this.put('reasons', parsed, `templates=${parsed.length}`);
  }

  async updateLetters(value: LetterSettings): Promise<LetterSettings> {
    return await this.put(
      'letters',
      value,
      `date=${value.dateStyle} window=${String(value.windowEnvelope)} templates=${Object.keys(value.templates).length}`,
    );
  }

  private async put<T>(key: string, value: T, summary: string, after?: (db: Q) => Promise<void>): Promise<T> {
    await this.vault.write('settings.update', key, summary, async (db) => {
      await putSetting(db, key, value);
      await after?.(db);
    });
    return value;
  }
}
