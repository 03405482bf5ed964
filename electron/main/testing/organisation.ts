// The sample company of tests, benchmarks and the harness.
export const organisation = {
  companyName: '株式会社サンプル商事',
  postalCode: '1000001',
  address: '東京都千代田区千代田1-1',
  phone: '03-1234-5678',
  representative: '代表取締役 見本一郎',
  officerTitle: '個人情報保護管理者',
  officerName: '見本花子',
  contactName: 'お客様相談室',
  contactPhone: '0120-000-000',
  contactHours: '平日 9:00〜17:00',
  contactEmail: 'privacy@example.co.jp',
};
