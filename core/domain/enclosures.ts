// The kinds of scanned enclosure staff file with a request, and their names on screen.
export const enclosureTypes = [
  'requestForm',
  'identity',
  'powerOfAttorney',
  'sealCertificate',
  'familyRegister',
  'registryCertificate',
  'residentRecord',
  'fee',
  'other',
] as const;
export type EnclosureType = (typeof enclosureTypes)[number];

export const enclosureTypeLabels: Record<EnclosureType, string> = {
  requestForm: '請求書',
  identity: '本人確認書類',
  powerOfAttorney: '委任状',
  sealCertificate: '印鑑登録証明書',
  familyRegister: '戸籍謄本',
  registryCertificate: '登記事項証明書',
  residentRecord: '住民票',
  fee: '手数料',
  other: 'その他',
};
