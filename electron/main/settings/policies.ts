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
import { DEFAULT_SAME_PERSON_MONTHS } from '../../../core/domain/intake/same-person';
import { DEFAULT_CURE_DAYS } from '../../../core/domain/workflow';
import { Organisation } from '../../../core/domain/organisation';
import type { Q } from '../db/store';
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
export async function readOrganisation(db: Q): Promise<Organisation | null> {
  const parsed = Organisation.safeParse(await getSetting(db, 'organisation'));
  return parsed.success ? parsed.data : null;
}

export async function readFees(db: Q): Promise<FeeSchedule> {
  const parsed = FeeSchedule.safeParse(await getSetting(db, 'fees'));
  return parsed.success ? parsed.data : defaultFeeSchedule;
}

export async function readIntakeSettings(db: Q): Promise<IntakeSettings> {
  const parsed = IntakeSettings.safeParse(await getSetting(db, 'intake'));
  return parsed.success
    ? parsed.data
    : {
        receiptPattern: DEFAULT_RECEIPT_PATTERN,
        issueWindowMonths: defaultIdentityPolicy.issueWindowMonths,
        lawyerNeedsSealCertificate: defaultIdentityPolicy.lawyerNeedsSealCertificate,
      };
}

export async function readIdentityPolicy(db: Q): Promise<IdentityPolicy> {
  return identityPolicyOf(await readIntakeSettings(db));
}

export const defaultProcessingSettings: ProcessingSettings = {
  slaBusinessDays: DEFAULT_SLA_BUSINESS_DAYS,
  closedDays: [...DEFAULT_CLOSED_DAYS],
  cureDays: DEFAULT_CURE_DAYS,
  samePersonMonths: DEFAULT_SAME_PERSON_MONTHS,
};

export async function readProcessingSettings(db: Q): Promise<ProcessingSettings> {
  const parsed = ProcessingSettings.safeParse(await getSetting(db, 'processing'));
  return parsed.success ? parsed.data : defaultProcessingSettings;
}

export async function readReasonLibrary(db: Q): Promise<ReasonTemplate[]> {
  const parsed = ReasonLibrary.safeParse(await getSetting(db, 'reasons'));
  return parsed.success ? parsed.data : defaultReasonLibrary;
}

export async function readLetterSettings(db: Q): Promise<LetterSettings> {
  const parsed = LetterSettings.safeParse(await getSetting(db, 'letters'));
  return parsed.success ? parsed.data : defaultLetterSettings;
}

export async function readSecurity(db: Q): Promise<SecuritySettings> {
  const parsed = SecuritySettings.safeParse(await getSetting(db, 'security'));
  return parsed.success ? parsed.data : DEFAULT_SECURITY;
}
