import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

// What .ci/run installs where missing: every `need+=(…)`.
function ciPackages(): string[] {
  const script = readFileSync(join(root, '.ci/run'), 'utf8');
  return [...script.matchAll(/need\+=\(([^)]*)\)/g)].flatMap((m) => (m[1] ?? '').trim().split(/\s+/));
}

// What the README tells a person to install: its `apt-get install` line.
function readmePackages(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const lines = readme.split('\n').filter((l) => /\bapt-get install\b/.test(l));
  expect(lines).toHaveLength(1);
  return (lines[0] ?? '')
    .replace(/^.*\bapt-get install\b/, '')
    .trim()
    .split(/\s+/)
    .filter((w) => !w.startsWith('-'));
}

describe('the README and .ci/run', () => {
  it('list the same Debian packages', () => {
    const ci = ciPackages();
    expect(ci).toEqual(
      expect.arrayContaining(['libreoffice-calc-nogui', 'openssl', 'fonts-ipafont-gothic', 'postgresql']),
    );
    expect([...readmePackages()].sort()).toEqual([...ci].sort());
  });
});
