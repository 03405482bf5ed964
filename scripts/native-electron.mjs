// Builds better-sqlite3-multiple-ciphers for Electron's ABI into build/native/electron/, leaving
// the package's own Node build (used by tests, the harness and benchmarks) untouched. The main
// process loads it through better-sqlite3's `nativeBinding` option. Run by `npm start` and
// `npm run dist`; skips itself when the build for this Electron version is already there.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const pkgDir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
const arch = process.env.npm_config_arch || process.arch;
const platform = process.platform;

const outDir = join(root, 'build', 'native', 'electron');
const outFile = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const stamp = JSON.stringify({ electronVersion, sqliteVersion, arch, platform });

if (existsSync(outFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`native-electron: up to date (Electron ${electronVersion}, ${platform}-${arch})`);
  process.exit(0);
}

const work = join(root, '.native-build', 'better-sqlite3-multiple-ciphers');
rmSync(work, { recursive: true, force: true });
mkdirSync(dirname(work), { recursive: true });
cpSync(pkgDir, work, { recursive: true, filter: (src) => !src.startsWith(join(pkgDir, 'build')) });

// Headers must be Electron's, not the Node headers an .npmrc `nodedir` may point at.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)),
);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, env, stdio: 'inherit' });

try {
  // A prebuilt binary for this Electron version, when the package publishes one.
  const prebuild = require.resolve('prebuild-install/bin.js', { paths: [pkgDir] });
  run(process.execPath, [
    prebuild,
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--platform=${platform}`,
  ]);
} catch {
  console.log('native-electron: no prebuilt binary; compiling from source with node-gyp');
  const nodeGyp = process.env.npm_config_node_gyp || require.resolve('node-gyp/bin/node-gyp.js');
  try {
    run(process.execPath, [
      nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  } catch {
    // node-gyp has said what failed above; end with one sentence instead of a stack trace.
    console.error(
      `データベースのドライバーを Electron ${electronVersion} 用に作成できませんでした（Electron のヘッダーの取得にインターネット接続と python3・make・C++ コンパイラーが必要です）。 / Could not build the SQLite driver for Electron ${electronVersion}: it needs internet access for Electron's headers and python3, make and a C++ compiler.`,
    );
    process.exit(1);
  }
}

mkdirSync(outDir, { recursive: true });
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), outFile);
writeFileSync(stampFile, stamp);
rmSync(join(root, '.native-build'), { recursive: true, force: true });
console.log(`native-electron: built for Electron ${electronVersion} (${platform}-${arch}) → ${outFile}`);
