// Audit actions and their Japanese labels for the administrator's audit screen.
export const auditActions = {
  'vault.setup': '初期設定',
  'vault.backup': 'バックアップの作成',
  'vault.restore': 'バックアップからの復元',
  'vault.rekey': 'データベース鍵の更新',
  'retention.purge': '保存期間を過ぎた請求の削除',
  'retention.idCopy': '本人確認書類の写しの削除',
  'session.login': 'ログイン',
  'session.login_failed': 'ログイン失敗',
  'session.login_throttled': 'ログイン待機中の試行',
  'session.lock': 'ロック・ログアウト',
  'session.recover': '回復キーによる再設定',
  'session.password_changed': 'パスワード変更',
  'accounts.create': 'アカウント作成',
  'accounts.update': 'アカウント変更',
  'accounts.reset_password': '仮パスワード設定',
  'settings.update': '設定変更',
  'audit.verify': '監査ログの検証',
  'screen.print': '画面の印刷',
  'requests.create': '請求の受付',
  'requests.originals': '原本の到着（仮受付の確定）',
  'requests.transition': '請求の段階の変更',
  'requests.update': '受付内容の修正',
  'requests.cure': '補正の依頼',
  'requests.decision': '決定の起案',
  'requests.approval': '決裁（承認・差戻し）',
  'requests.extension': '回答期限の延長',
  'requests.dispatch': '回答書の発送記録',
  'requests.disposal': '本人確認書類の写しの返却・廃棄',
  'letters.finalize': '回答書の確定',
  'letters.reissue': '回答書の再発行',
  'letters.print': '回答書の印刷',
  'letters.save': '回答書の保存',
  'letters.certificate': '署名用証明書の登録・削除',
  'letters.seal': '社印画像の登録・削除',
  'reports.export': '報告書の出力',
  'enclosures.add': '同封書類の取り込み',
} as const;
export type AuditAction = keyof typeof auditActions;
export const auditActionNames = Object.keys(auditActions) as [AuditAction, ...AuditAction[]];

export const lockReasons = ['manual', 'logout', 'idle', 'system'] as const;
export type LockReason = (typeof lockReasons)[number];
