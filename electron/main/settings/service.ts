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
import type { Db } from '../db/connection';
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
    private readonly processingChanged: (db: Db) => void,
  ) {}

  organisation(): Organisation {
    const org = readOrganisation(this.vault.connection());
    if (!org) throw new AppError(ErrorCode.INTERNAL, '組織情報を読み込めません。設定画面で入力し直してください。');
    return org;
  }

  security(): SecuritySettings {
    return readSecurity(this.vault.connection());
  }

  fees(): FeeSchedule {
    return readFees(this.vault.connection());
  }

  intake(): IntakeSettings {
    return readIntakeSettings(this.vault.connection());
  }

  processing(): ProcessingSettings {
    return readProcessingSettings(this.vault.connection());
  }

  reasons(): ReasonTemplate[] {
    return readReasonLibrary(this.vault.connection());
  }

  letters(): LetterSettings {
    return readLetterSettings(this.vault.connection());
  }

  updateOrganisation(value: Organisation): Organisation {
    return this.put('organisation', value, 'organisation');
  }

  updateSecurity(value: SecuritySettings): SecuritySettings {
    return this.put('security', value, `idleLockMinutes=${value.idleLockMinutes}`);
  }

  updateIntake(value: IntakeSettings): IntakeSettings {
    const windows = Object.entries(value.issueWindows ?? {})
      .map(([t, m]) => `${t}:${m}`)
      .join(',');
    return this.put(
      'intake',
      value,
      `months=${value.issueWindowMonths} lawyerSeal=${String(value.lawyerNeedsSealCertificate)} faxProvisional=${String(value.faxProvisional === true)}${windows ? ` windows=${windows}` : ''}`,
    );
  }

  updateFees(value: FeeSchedule): FeeSchedule {
    const own = Object.entries(value.amounts ?? {})
      .map(([k, v]) => `${k}:${v}`)
      .join(',');
    return this.put('fees', value, `amount=${value.amount} per=${value.per}${own ? ` amounts=${own}` : ''}`);
  }

  updateProcessing(value: ProcessingSettings): ProcessingSettings {
    return this.put(
      'processing',
      value,
      `sla=${value.slaBusinessDays} closed=${value.closedDays.length} cure=${value.cureDays}`,
      this.processingChanged,
    );
  }

  updateReasons(value: ReasonTemplate[]): ReasonTemplate[] {
    const parsed = ReasonLibrary.parse(value);
    return this.put('reasons', parsed, `templates=${parsed.length}`);
  }

  updateLetters(value: LetterSettings): LetterSettings {
    return this.put(
      'letters',
      value,
      `date=${value.dateStyle} window=${String(value.windowEnvelope)} templates=${Object.keys(value.templates).length}`,
    );
  }

  private put<T>(key: string, value: T, summary: string, after?: (db: Db) => void): T {
    this.vault.write('settings.update', key, summary, (db) => {
      putSetting(db, key, value);
      after?.(db);
    });
    return value;
  }
}
