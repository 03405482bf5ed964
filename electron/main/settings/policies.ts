import {
  FeeSchedule,
  IntakeSettings,
  LetterSettings,
  ProcessingSettings,
  SecuritySettings,
} from '../../../core/contract';
import { DEFAULT_CLOSED_DAYS, DEFAULT_SLA_BUSINESS_DAYS } from '../../../core/domain/deadlines';
import { defaultReasonLibrary, ReasonLibrary, type ReasonTemplate } from '../../../core/domain/decisions';
import { defaultFeeSchedule } from '../../../core/domain/intake/fees';
import { defaultIdentityPolicy, identityPolicyOf, type IdentityPolicy } from '../../../core/domain/intake/identity';
import { DEFAULT_RECEIPT_PATTERN } from '../../../core/domain/intake/receipt-number';
import { DEFAULT_CURE_DAYS } from '../../../core/domain/workflow';
import { Organisation } from '../../../core/domain/organisation';
import type { Db } from '../db/connection';
import { getSetting } from '../db/repositories/settings';

// The administrator's policies as stored in settings, or the defaults of DOMAIN.md.

export const defaultLetterSettings: LetterSettings = {
  documentNoPattern: '個保第{連番}号',
  dateStyle: 'wareki',
  windowEnvelope: false,
  templates: {},
};

export const DEFAULT_SECURITY: SecuritySettings = { idleLockMinutes: 10 };

// The company and its 個人情報保護管理者, or null before the administrator has entered them.
export function readOrganisation(db: Db): Organisation | null {
  const parsed = Organisation.safeParse(getSetting(db, 'organisation'));
  return parsed.success ? parsed.data : null;
}

export function readFees(db: Db): FeeSchedule {
  const parsed = FeeSchedule.safeParse(getSetting(db, 'fees'));
  return parsed.success ? parsed.data : defaultFeeSchedule;
}

export function readIntakeSettings(db: Db): IntakeSettings {
  const parsed = IntakeSettings.safeParse(getSetting(db, 'intake'));
  return parsed.success
    ? parsed.data
    : {
        receiptPattern: DEFAULT_RECEIPT_PATTERN,
        issueWindowMonths: defaultIdentityPolicy.issueWindowMonths,
        lawyerNeedsSealCertificate: defaultIdentityPolicy.lawyerNeedsSealCertificate,
      };
}

export function readIdentityPolicy(db: Db): IdentityPolicy {
  return identityPolicyOf(readIntakeSettings(db));
}

export const defaultProcessingSettings: ProcessingSettings = {
  slaBusinessDays: DEFAULT_SLA_BUSINESS_DAYS,
  closedDays: [...DEFAULT_CLOSED_DAYS],
  cureDays: DEFAULT_CURE_DAYS,
};

export function readProcessingSettings(db: Db): ProcessingSettings {
  const parsed = ProcessingSettings.safeParse(getSetting(db, 'processing'));
  return parsed.success ? parsed.data : defaultProcessingSettings;
}

export function readReasonLibrary(db: Db): ReasonTemplate[] {
  const parsed = ReasonLibrary.safeParse(getSetting(db, 'reasons'));
  return parsed.success ? parsed.data : defaultReasonLibrary;
}

export function readLetterSettings(db: Db): LetterSettings {
  const parsed = LetterSettings.safeParse(getSetting(db, 'letters'));
  return parsed.success ? parsed.data : defaultLetterSettings;
}

export function readSecurity(db: Db): SecuritySettings {
  const parsed = SecuritySettings.safeParse(getSetting(db, 'security'));
  return parsed.success ? parsed.data : DEFAULT_SECURITY;
}
