import type { IsoDate } from '../dates';
import type { DocumentType } from './documents';
import { ADULT_AGE } from './coming-of-age';
import type { Channel, RequestKind, RequesterType } from './kinds';
import type { IdentityRules, RegisteredMatch } from './identity-rules';

// What the identity check reads: the documents and comparisons staff recorded, and the company's
// policy (intake settings).

export type IdentityDocument = {
  id: string;
  type: DocumentType;
  holder: 'principal' | 'agent';
  original: boolean;
  expiresOn: IsoDate | null;
  issuedOn: IsoDate | null;
  // When this document arrived, if later than the request (a 補正 brought it); null or absent:
  // with the request. Its freshness is judged on this date (DOMAIN.md §3: 到達日 of the document).
  receivedOn?: IsoDate | null;
  // 住民票 or 戸籍謄本 showing the parent–child relationship.
  showsRelationship?: boolean;
  powerOfAttorney?: { kinds: RequestKind[]; canReceive: boolean; registeredSeal: boolean };
  // Sensitive-data handling (DOMAIN.md §3).
  insurerNumberMasked?: 'sender' | 'us' | null;
  backSideReceived?: boolean;
  containsMyNumber?: boolean;
  destroyedOn?: IsoDate | null;
  honsekiMasked?: boolean | null;
  // A 住民票 shows the 本籍 only when it was asked for; a 戸籍謄本 always does.
  showsHonseki?: boolean;
  // 登記事項証明書 (後見登記): the type it shows (absent, from before this field: 後見), and for
  // 保佐・補助 whether it shows a 代理権 granted (代理権付与の審判).
  guardianship?: Guardianship;
  agencyGranted?: boolean;
};

export const guardianships = ['guardian', 'curator', 'assistant'] as const;
export type Guardianship = (typeof guardianships)[number];
export const guardianshipLabels: Record<Guardianship, string> = {
  guardian: '後見（成年後見人）',
  curator: '保佐（保佐人）',
  assistant: '補助（補助人）',
};

export type IdentityCase = {
  arrivalDate: IsoDate;
  requesterType: RequesterType;
  kinds: RequestKind[];
  answerTo: 'principal' | 'agent';
  principalBirthDate: IsoDate | null;
  documents: IdentityDocument[];
  // Staff compare the form with the documents; null until they have.
  nameAddressMatch: { principal: boolean | null; agent: boolean | null };
  lawyerRegistrationNo?: string | null;
  // How the request came, and for a request matched against the registered record, the result per
  // detail (true: matches, false: does not, null/absent: not yet compared).
  channel?: Channel;
  registeredMatch?: RegisteredMatch;
};

export type IdentityPolicy = IdentityRules & {
  issueWindowMonths: number;
  // A window of its own for some documents (住民票 6 months where others are 3); the others use
  // issueWindowMonths.
  issueWindows?: Partial<Record<DocumentType, number>>;
  adultAge: number;
  lawyerNeedsSealCertificate: boolean;
};

export const defaultIdentityPolicy: IdentityPolicy = {
  issueWindowMonths: 3,
  adultAge: ADULT_AGE,
  lawyerNeedsSealCertificate: false,
};

// The identity policy under the administrator's intake settings (absent: the defaults).
export function identityPolicyOf(
  settings:
    | {
        issueWindowMonths: number;
        lawyerNeedsSealCertificate: boolean;
        issueWindows?: Partial<Record<DocumentType, number>> | undefined;
        rules?: IdentityRules | undefined;
      }
    | null
    | undefined,
): IdentityPolicy {
  return settings
    ? {
        ...defaultIdentityPolicy,
        ...(settings.rules ?? {}),
        issueWindowMonths: settings.issueWindowMonths,
        ...(settings.issueWindows ? { issueWindows: settings.issueWindows } : {}),
        lawyerNeedsSealCertificate: settings.lawyerNeedsSealCertificate,
      }
    : defaultIdentityPolicy;
}
