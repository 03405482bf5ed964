// The documents staff record at intake (DOMAIN.md §3): what each proves, for whom, and how
// long a certificate stays fresh.

export const documentTypes = [
  'drivingLicence',
  'passport',
  'myNumberCard',
  'residenceCard',
  'specialPermanentResident',
  'healthInsurance',
  'pensionBook',
  'residentRecord',
  'familyRegister',
  'registryCertificate',
  'sealCertificate',
  'powerOfAttorney',
  'other',
] as const;
export type DocumentType = (typeof documentTypes)[number];

type DocInfo = {
  label: string;
  photoId: boolean;
  nonPhotoId: boolean;
  hasExpiry: boolean;
  // Must have been issued within the policy's window before the 到達日.
  issueWindow: boolean;
  originalRequired: boolean;
};

export const documentInfo: Record<DocumentType, DocInfo> = {
  drivingLicence: {
    label: '運転免許証',
    photoId: true,
    nonPhotoId: false,
    hasExpiry: true,
    issueWindow: false,
    originalRequired: false,
  },
  passport: {
    label: 'パスポート',
    photoId: true,
    nonPhotoId: false,
    hasExpiry: true,
    issueWindow: false,
    originalRequired: false,
  },
  myNumberCard: {
    label: 'マイナンバーカード（表面）',
    photoId: true,
    nonPhotoId: false,
    hasExpiry: true,
    issueWindow: false,
    originalRequired: false,
  },
  residenceCard: {
    label: '在留カード',
    photoId: true,
    nonPhotoId: false,
    hasExpiry: true,
    issueWindow: false,
    originalRequired: false,
  },
  specialPermanentResident: {
    label: '特別永住者証明書',
    photoId: true,
    nonPhotoId: false,
    hasExpiry: true,
    issueWindow: false,
    originalRequired: false,
  },
  healthInsurance: {
    label: '健康保険の資格確認書・被保険者証',
    photoId: false,
    nonPhotoId: true,
    hasExpiry: true,
    issueWindow: false,
    originalRequired: false,
  },
  pensionBook: {
    label: '年金手帳・年金証書',
    photoId: false,
    nonPhotoId: true,
    hasExpiry: false,
    issueWindow: false,
    originalRequired: false,
  },
  residentRecord: {
    label: '住民票の写し',
    photoId: false,
    nonPhotoId: true,
    hasExpiry: false,
    issueWindow: true,
    originalRequired: true,
  },
  familyRegister: {
    label: '戸籍謄本',
    photoId: false,
    nonPhotoId: false,
    hasExpiry: false,
    issueWindow: true,
    originalRequired: true,
  },
  registryCertificate: {
    label: '登記事項証明書',
    photoId: false,
    nonPhotoId: false,
    hasExpiry: false,
    issueWindow: true,
    originalRequired: true,
  },
  sealCertificate: {
    label: '印鑑登録証明書',
    photoId: false,
    nonPhotoId: false,
    hasExpiry: false,
    issueWindow: true,
    originalRequired: true,
  },
  powerOfAttorney: {
    label: '委任状',
    photoId: false,
    nonPhotoId: false,
    hasExpiry: false,
    issueWindow: false,
    originalRequired: true,
  },
  other: {
    label: 'その他の書類',
    photoId: false,
    nonPhotoId: false,
    hasExpiry: false,
    issueWindow: false,
    originalRequired: false,
  },
};
