export const sections = [
  // The dashboard opens with today's date in place of a description (the lists say what they are).
  { id: 'dashboard', label: 'ダッシュボード', description: null },
  { id: 'requests', label: '請求一覧', description: '受け付けたすべての開示等請求を検索・絞り込みします。' },
  { id: 'intake', label: '新規受付', description: '郵送・FAX 等で届いた請求書を登録します。' },
  {
    id: 'forms',
    label: '請求書の送付',
    description: 'ご依頼に応じて当社所定の請求書を送付し、その記録と送付状を管理します。',
  },
  { id: 'reports', label: 'レポート', description: '月次・年次の報告書と管理台帳を作成します。' },
  { id: 'settings', label: '設定', description: '組織情報、手数料、期限、アカウントなどを設定します。' },
] as const;

export type SectionId = (typeof sections)[number]['id'];
