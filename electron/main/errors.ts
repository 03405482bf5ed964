import { ErrorCode, type Issue } from '../../core/contract';

// A failure a service reports to staff. The message is Japanese and must not contain personal
// data, because it may be logged by id alongside the code.
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

// What a failed file operation means for the user (disk full, read-only or denied folder).
export function fileErrorMessage(err: unknown, what: string): AppError | null {
  const code = err instanceof Error && 'code' in err ? (err as { code: unknown }).code : null;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError(
      ErrorCode.UNAVAILABLE,
      `${what}の保存先に空き容量がありません。空きを作るか、別の保存先を選んでください。何も変更していません。`,
    );
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError(
      ErrorCode.UNAVAILABLE,
      `${what}の保存先に書き込めません（読み取り専用か、権限がありません）。別の保存先を選んでください。何も変更していません。`,
    );
  }
  if (code === 'EIO' || code === 'ENXIO' || code === 'ENODEV') {
    return new AppError(
      ErrorCode.UNAVAILABLE,
      `${what}の保存先の読み書き中にエラーが起きました（装置が外されたか、故障しているおそれがあります）。別の保存先でもう一度お試しください。何も変更していません。`,
    );
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AppError(
      ErrorCode.UNAVAILABLE,
      `${what}の保存先が見つかりません。フォルダーをご確認ください。何も変更していません。`,
    );
  }
  return null;
}

// The database could not write: the data folder's disk is full, or the folder became read-only
// or unreachable. SQLite rolled the transaction back, so nothing was half-written.
export function storageError(err: unknown): AppError | null {
  const code = err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code === 'SQLITE_FULL') {
    return new AppError(
      ErrorCode.UNAVAILABLE,
      'ディスクの空き容量が足りないため保存できませんでした。何も保存されていません（入力内容は画面に残っています）。空き容量を増やしてから、もう一度お試しください。',
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError(
      ErrorCode.UNAVAILABLE,
      'データフォルダーに書き込めないため保存できませんでした（読み取り専用か、ディスクに問題があります）。何も保存されていません。システム管理者にお問い合わせください。',
    );
  }
  return fileErrorMessage(err, 'ファイル');
}

// The refusals every part of main gives in the same words.
export const refusals = {
  locked: () => new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。'),
  busy: () =>
    new AppError(ErrorCode.UNAVAILABLE, 'データベースの鍵を更新しています。終わるまでしばらくお待ちください。'),
  noHeader: () => new AppError(ErrorCode.INTERNAL, '鍵情報ファイルが見つかりません。'),
  notSetUp: () => new AppError(ErrorCode.CONFLICT, '初期設定が完了していません。'),
  loginFailed: () => new AppError(ErrorCode.AUTH_FAILED, 'ログイン名またはパスワードが正しくありません。'),
  keysMismatch: () =>
    new AppError(ErrorCode.UNAVAILABLE, 'データベースと鍵情報が一致しません。バックアップから復元してください。'),
  newerDatabase: () =>
    new AppError(
      ErrorCode.UNAVAILABLE,
      'このデータベースは新しいバージョンの Madoguchi で作成されています。アプリを最新版に更新してください。',
    ),
  headerBroken: () =>
    new AppError(
      ErrorCode.UNAVAILABLE,
      '鍵情報ファイル（vault.json）が壊れています。バックアップから復元してください。',
    ),
  // Whole-file work of the embedded vault (backup, restore) asked of a vault on the server.
  embeddedOnly: () =>
    new AppError(
      ErrorCode.UNAVAILABLE,
      '共有サーバー（PostgreSQL）のデータベースは、このアプリからバックアップ・復元できません。サーバーの管理者にご依頼ください。',
    ),
  requestNotFound: () => new AppError(ErrorCode.NOT_FOUND, '請求が見つかりません。'),
  letterNotFound: () => new AppError(ErrorCode.NOT_FOUND, '回答書が見つかりません。'),
  enclosureNotFound: () => new AppError(ErrorCode.NOT_FOUND, '同封書類が見つかりません。'),
  // One field's problem: the message shown at the top and beside the field.
  badField: (path: (string | number)[], message: string) =>
    new AppError(ErrorCode.BAD_INPUT, message, [{ path, message }]),
  // A new password that does not meet the rules, each problem beside the field.
  badPassword: (field: string, problems: string[]) =>
    new AppError(
      ErrorCode.BAD_INPUT,
      problems[0] ?? '',
      problems.map((message) => ({ path: [field], message })),
    ),
};
