import { open, stat } from 'node:fs/promises';
import { ErrorCode } from '../../../core/contract';
import { AppError } from '../errors';

// A file the user chose in a dialog, read whole once it is known to be a file of a size the app
// takes (enclosures, records found): the refusals in Japanese, the same for every import.
export async function readChosenFile(path: string, maxBytes: number, tooBigHint = ''): Promise<Buffer> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new AppError(ErrorCode.BAD_INPUT, 'ファイルを読み込めませんでした。');
  if (info.size === 0) throw new AppError(ErrorCode.BAD_INPUT, 'ファイルが空です。');
  if (info.size > maxBytes) {
    throw new AppError(
      ErrorCode.BAD_INPUT,
      `ファイルが大きすぎます（${(info.size / 1024 / 1024).toFixed(1)}MB）。1ファイル${maxBytes / 1024 / 1024}MBまでです。${tooBigHint}`,
    );
  }
  const handle = await open(path, 'r');
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
