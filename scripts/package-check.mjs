// `npm run test:package` (part of `npm test`): builds the app folder as `npm run dist` would
// (electron-builder --dir, electron-builder.yml) with a stand-in Electron folder (electronDist:
// Electron's binary cannot be downloaded here, and only the fuse step in afterPack needs it, so
// that step is left out), then lists what app.asar and app.asar.unpacked hold and fails when
// - app.asar is over its size budget (renderer-only and build-only packages belong in
//   devDependencies: Vite bundles them into out/renderer);
// - a package main's bundles load at run time is missing, with the packages it needs in turn;
// - a file the workers load from the unpacked copies is missing (pdf.js with its fonts and CMaps,
//   the canvas with its platform binary, UTIF with pako, zip.js), or the packages they need are
//   only inside the archive, where a worker resolving from the unpacked folder cannot reach;
// - the Electron build of the SQLite driver, the renderer, the preload or a bundled resource
//   (fonts, icons, seal) is missing.
// Where build/native/electron holds no driver (its Electron headers cannot be downloaded here),
// a stand-in copy of the Node build takes its place for the run and is removed afterwards.
import { extractFile, listPackage, statFile } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { builtinModules, createRequire } from 'node:module';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const BUDGET_MB = 60;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const started = Date.now();
const problems = [];
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;

for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
  if (!existsSync(join(root, f))) {
    console.error(`package-check: ${f} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}

// electron-builder's log, without its list of every package required twice (thousands of names).
// Its logger writes a line in parts: whole lines are passed on.
const builderLog = require('builder-util').log;
let line = '';
builderLog.stream = {
  write: (part) => {
    line += part;
    if (!line.endsWith('\n')) return true;
    if (!line.includes('duplicate dependency references')) process.stdout.write(line);
    line = '';
    return true;
  },
};

const work = mkdtempSync(join(tmpdir(), 'madoguchi-package-check-'));
// The stand-in Electron folder: an executable named as electron-builder expects, nothing else.
const electronDist = join(work, 'electron-dist');
mkdirSync(electronDist);
writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in Electron (package check)"\n', { mode: 0o755 });
const native = join(root, 'build/native/electron/better_sqlite3.node');
const standInNative = !existsSync(native);
// The folders the stand-in creates, to remove afterwards (the outermost first).
const created = ['build', 'build/native', 'build/native/electron']
  .map((d) => join(root, d))
  .filter((d) => !existsSync(d));
if (standInNative) {
  mkdirSync(dirname(native), { recursive: true });
  copyFileSync(
    join(dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), 'build/Release/better_sqlite3.node'),
    native,
  );
}

try {
  const config = YAML.parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', Arch[process.arch] ?? Arch.x64),
    publish: 'never',
    config: { ...config, electronDist, electronVersion, afterPack: null, directories: { output: join(work, 'dist') } },
  });
  const appOut = join(work, 'dist', readdirSync(join(work, 'dist')).find((d) => d.endsWith('-unpacked')) ?? '');
  const asar = join(appOut, 'resources', 'app.asar');
  const unpackedDir = `${asar}.unpacked`;
  const inAsar = new Set(listPackage(asar, { isPack: false }).map((p) => p.split(sep).join('/').replace(/^\//, '')));
  const walk = (dir) =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(dir, e.name)) : [relative(unpackedDir, join(dir, e.name)).split(sep).join('/')],
        )
      : [];
  const inUnpacked = new Set(walk(unpackedDir));
  const has = (p) => inAsar.has(p) || inUnpacked.has(p);

  // What the archive holds, by package (the largest first).
  const asarBytes = statSync(asar).size;
  const byTop = new Map();
  for (const p of inAsar) {
    const info = statFile(asar, p, false);
    if (!('size' in info) || info.unpacked) continue;
    const parts = p.split('/');
    const top = parts[0] === 'node_modules' ? parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/') : parts[0];
    byTop.set(top, (byTop.get(top) ?? 0) + info.size);
  }
  const unpackedBytes = [...inUnpacked].reduce((n, p) => n + statSync(join(unpackedDir, p)).size, 0);
  console.log(
    `package-check: app.asar ${mb(asarBytes)} (${inAsar.size} entries); app.asar.unpacked ${mb(unpackedBytes)} (${inUnpacked.size} files)`,
  );
  for (const [top, size] of [...byTop].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`  ${mb(size).padStart(9)}  ${top}`);
  if (asarBytes > BUDGET_MB * 1024 * 1024) {
    problems.push(
      `app.asar is ${mb(asarBytes)}, over its budget of ${BUDGET_MB} MB: move renderer-only and build-only packages to devDependencies.`,
    );
  }

  // The app's own files.
  for (const f of [
    'package.json',
    'out/main/index.js',
    'out/main/vault-worker.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
  ]) {
    if (!inAsar.has(f)) problems.push(`${f} is not in app.asar.`);
  }
  if (!inUnpacked.has('build/native/electron/better_sqlite3.node')) {
    problems.push(
      'the Electron build of the SQLite driver (build/native/electron/better_sqlite3.node) is not in app.asar.unpacked.',
    );
  }

  // A package and, in turn, every package it needs, found as Node would resolve them inside the
  // packaged app (electron-builder lays node_modules out anew); `where` holds the files a lookup
  // can see. Optional dependencies count where they are packaged.
  const readPkg = (p) =>
    JSON.parse(inUnpacked.has(p) ? readFileSync(join(unpackedDir, p), 'utf8') : extractFile(asar, p).toString('utf8'));
  const closure = (name, where, from = '', seen = new Map(), missing = []) => {
    let found = null;
    for (let dir = from; ; dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '') {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (where(`${candidate}/package.json`)) {
        found = candidate;
        break;
      }
      if (dir === '') break;
    }
    if (!found) {
      missing.push(name);
      return { seen, missing };
    }
    if (seen.has(found)) return { seen, missing };
    seen.set(found, name);
    const pkg = readPkg(`${found}/package.json`);
    for (const dep of Object.keys(pkg.dependencies ?? {})) closure(dep, where, found, seen, missing);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) {
      if (where(`${found}/node_modules/${dep}/package.json`) || where(`node_modules/${dep}/package.json`)) {
        closure(dep, where, found, seen, missing);
      }
    }
    return { seen, missing };
  };

  // Every package main's bundles require at run time (electron-vite leaves dependencies external).
  const externals = new Set();
  const bundles = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? bundles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
    );
  for (const f of bundles(join(root, 'out/main'))) {
    const code = readFileSync(f, 'utf8');
    for (const m of code.matchAll(/\b(?:require(?:\.resolve)?|import)\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
      const spec = m[1];
      if (spec.startsWith('node:') || builtinModules.includes(spec) || spec === 'electron') continue;
      externals.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  for (const name of externals) {
    for (const dep of closure(name, has).missing)
      problems.push(`${dep} (needed by main through ${name}) is not in the app.`);
  }
  console.log(`package-check: main requires ${externals.size} packages: ${[...externals].sort().join(', ')}`);

  // What the workers load from the unpacked copies (disclosure/redact-worker.ts, zip.ts), and what
  // those need: Node resolves their imports from the unpacked folder, which cannot reach the archive.
  const fromWorkers = ['pdfjs-dist', '@napi-rs/canvas', 'utif2', '@zip.js/zip.js'];
  for (const name of fromWorkers) {
    for (const dep of closure(name, (p) => inUnpacked.has(p)).missing) {
      problems.push(`${dep} (loaded by a worker through ${name}) is not in app.asar.unpacked.`);
    }
  }
  const appPath = (file) => relative(root, file).split(sep).join('/');
  const workerFiles = [
    require.resolve('pdfjs-dist/legacy/build/pdf.mjs'),
    require.resolve('@napi-rs/canvas'),
    require.resolve('utif2'),
    require.resolve('@zip.js/zip.js'),
  ];
  for (const file of workerFiles) {
    const p = appPath(file);
    if (!inUnpacked.has(p)) problems.push(`${p} (loaded by a worker) is not in app.asar.unpacked.`);
  }
  // pdf.js's fonts and CMaps, and the canvas's binary for this platform, file by file.
  const pdfjs = dirname(require.resolve('pdfjs-dist/package.json'));
  for (const sub of ['standard_fonts', 'cmaps']) {
    const files = readdirSync(join(pdfjs, sub));
    const missing = files.filter((f) => !inUnpacked.has(`${appPath(pdfjs)}/${sub}/${f}`));
    if (files.length === 0 || missing.length)
      problems.push(`pdf.js ${sub}: ${missing.length} of ${files.length} files not in app.asar.unpacked.`);
  }
  const canvasBinaries = [...inUnpacked].filter(
    (p) => p.startsWith('node_modules/@napi-rs/canvas-') && p.endsWith('.node'),
  );
  if (canvasBinaries.length === 0)
    problems.push("@napi-rs/canvas's binary for this platform is not in app.asar.unpacked.");

  // The bundled resources (extraResources: fonts with their licences, icons, the seal placeholder).
  const resourcesOut = join(appOut, 'resources', 'resources');
  const resourcesIn = join(root, 'resources');
  const list = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? list(join(dir, e.name)) : [relative(resourcesIn, join(dir, e.name))],
    );
  for (const f of list(resourcesIn))
    if (!existsSync(join(resourcesOut, f))) problems.push(`resources/${f} is not in the app's resources.`);

  // Nothing test-only or build-only inside.
  for (const p of inAsar) {
    if (/^(e2e|scripts|bench|core|electron|renderer)\//.test(p))
      problems.push(`${p} (source or test-only) is in app.asar.`);
  }
} finally {
  if (!process.env.KEEP_PACKAGE_CHECK) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
  if (standInNative) rmSync(created[0] ?? native, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length) {
  console.error(`package-check: ${problems.length} problem(s) (${seconds} s):`);
  for (const p of [...new Set(problems)]) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`package-check: the packaged app holds everything main and the workers load (${seconds} s).`);
