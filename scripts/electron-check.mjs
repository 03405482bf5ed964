// Run first by `npm start` and the packaging scripts: where Electron's binary could not be
// downloaded (no internet at install, or ELECTRON_SKIP_BINARY_DOWNLOAD=1), say so in one
// sentence and point to the demo (the app with fictional requests, in a browser) and the empty
// harness, instead of failing later with a stack trace.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.error(
    'Electron の実行ファイルがインストールされていないため起動できません。`npm run demo` でデモデータ入りの画面をブラウザーからお試しいただけます（空の保管庫は `npm run harness`、アプリ本体はインターネットに接続して `npm install` をやり直してください）。 / Electron is not installed (its binary could not be downloaded): run `npm run demo` to try the app with demo data in a browser (`npm run harness` for an empty vault), or `npm install` again with internet access.',
  );
  process.exit(1);
}
