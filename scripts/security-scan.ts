// The Electron security scan run by `npm test`: Electronegativity over electron/ (its exit code
// is 0 even with findings, so its SARIF output is read), the CSP main serves checked with the
// same evaluator, and every inline suppression must say why.
//
//   npx tsx scripts/security-scan.ts [--input <dir>]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentSecurityPolicy } from '../electron/main/security';

const ROOT = resolve(__dirname, '..');
const load = createRequire(__filename);

// Checks left out of the tool's run, each with the reason and what replaces it.
const EXCLUDED: Record<string, string> = {
  // The CSP is a response header of the app:// protocol handler (protocol.ts), built by
  // contentSecurityPolicy(); the tool only looks for it in HTML and onHeadersReceived. The same
  // evaluator is run on the real policy below instead.
  CSPGlobalCheck: 'CSP served by the protocol handler; evaluated below',
};

type SarifResult = {
  ruleId: string;
  message?: { text?: string };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[];
};

export function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const range = pkg.devDependencies?.['electron'] ?? '';
  const version = /\d+\.\d+\.\d+/.exec(range)?.[0];
  if (!version) throw new Error('No Electron version in package.json');
  return version;
}

export function runElectronegativity(input: string): string[] {
  const out = mkdtempSync(join(tmpdir(), 'madoguchi-eng-'));
  try {
    const sarif = join(out, 'result.sarif');
    const bin = join(
      ROOT,
      'node_modules',
      '.bin',
      process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity',
    );
    execFileSync(
      bin,
      ['-i', input, '-o', sarif, '-r', '-v', 'false', '-e', electronVersion(), '-x', Object.keys(EXCLUDED).join(',')],
      { cwd: ROOT, stdio: 'pipe' },
    );
    const parsed = JSON.parse(readFileSync(sarif, 'utf8')) as { runs?: { results?: SarifResult[] }[] };
    if (!Array.isArray(parsed.runs) || parsed.runs.length === 0) throw new Error('Electronegativity wrote no run');
    return parsed.runs.flatMap((run) =>
      (run.results ?? []).map((r) => {
        const loc = r.locations?.[0]?.physicalLocation;
        return `${r.ruleId} ${loc?.artifactLocation?.uri ?? '?'}:${loc?.region?.startLine ?? '?'} ${r.message?.text ?? ''}`;
      }),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// An `eng-disable` comment must be followed by `--` and a reason on the same line.
export function unjustifiedSuppressions(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'node_modules') walk(p);
      } else if (/\.(ts|tsx|js|mjs|html)$/.test(name)) {
        readFileSync(p, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (line.includes('eng-disable') && !/eng-disable(\s+[A-Z_]+)+\s+--\s+\S.{3,}/.test(line)) {
              found.push(`${relative(ROOT, p)}:${i + 1} eng-disable without a reason (write "-- why")`);
            }
          });
      }
    }
  };
  walk(dir);
  return found;
}

// The policy main sends, through the evaluator Electronegativity uses: no high or medium finding.
export function cspFindings(policy: string): string[] {
  const csp = load('@doyensec/csp-evaluator') as {
    CspParser: new (s: string) => { csp: unknown };
    CspEvaluator: new (
      c: unknown,
      v: unknown,
    ) => {
      evaluate: () => { severity: number; description: string; directive: string }[];
    };
    Version: { CSP3: unknown };
    severities: Record<string, number>;
  };
  const findings = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
  const limit = csp.severities['MEDIUM'] ?? 30;
  return findings.filter((f) => f.severity <= limit).map((f) => `CSP ${f.directive}: ${f.description}`);
}

function main(): void {
  const { values } = parseArgs({ options: { input: { type: 'string' } } });
  const input = resolve(values.input ?? join(ROOT, 'electron'));
  const problems = [
    ...runElectronegativity(input),
    ...unjustifiedSuppressions(input),
    ...(values.input ? [] : cspFindings(contentSecurityPolicy())),
  ];
  for (const p of problems) process.stderr.write(`${p}\n`);
  if (problems.length) {
    process.stderr.write(`Security scan: ${problems.length} finding(s).\n`);
    process.exit(1);
  }
  process.stdout.write('Security scan: no findings.\n');
}

if (require.main === module) main();
