// Stable error codes that cross process boundaries as data (never as thrown exceptions).
export const ErrorCode = {
  BAD_INPUT: 'BAD_INPUT',
  FORBIDDEN: 'FORBIDDEN',
  UNKNOWN_CHANNEL: 'UNKNOWN_CHANNEL',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  LOCKED: 'LOCKED',
  AUTH_FAILED: 'AUTH_FAILED',
  THROTTLED: 'THROTTLED',
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type Issue = {
  path: (string | number)[];
  message: string;
};

export type AppErrorData = {
  code: ErrorCode;
  message: string;
  issues?: Issue[];
};

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };

// Default Japanese messages, shown to staff when a service gives no more specific one.
export const defaultMessages: Record<ErrorCode, string> = {
  BAD_INPUT: '入力内容に誤りがあります。内容をご確認ください。',
  FORBIDDEN: 'この操作は許可されていません。',
  UNKNOWN_CHANNEL: '不明な操作が要求されました。',
  NOT_FOUND: '対象のデータが見つかりません。',
  CONFLICT: 'ほかの操作と競合しました。画面を更新してから再度お試しください。',
  LOCKED: 'ロックされています。ログインしてください。',
  AUTH_FAILED: 'ログイン名またはパスワードが正しくありません。',
  THROTTLED: 'ログインの失敗が続いたため、しばらくお待ちください。',
  PASSWORD_CHANGE_REQUIRED: '続行するには、パスワードを変更してください。',
  UNAVAILABLE: 'データベースを開けません。',
  INTERNAL:
    '内部エラーが発生しました。お手数ですが、もう一度お試しください。解決しない場合はシステム管理者にお問い合わせください。',
};
