import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspFindings, runElectronegativity, unjustifiedSuppressions } from '../../scripts/security-scan';
import { contentSecurityPolicy } from './security';

const FIXTURE = resolve(__dirname, '../../scripts/fixtures/insecure-electron');

describe('security scan', () => {
  it('reports the findings of an insecure main process and a suppression without a reason', () => {
    const findings = runElectronegativity(FIXTURE).map((f) => f.split(' ')[0]);
    expect(findings).toEqual(
      expect.arrayContaining(['SANDBOX_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']),
    );
    // The suppressed eval is not reported by the tool, but its missing reason is.
    expect(findings).not.toContain('DANGEROUS_FUNCTIONS_JS_CHECK');
    expect(unjustifiedSuppressions(FIXTURE)).toEqual([expect.stringContaining(join('insecure-electron', 'main.js:7'))]);
  }, 60_000);

  it('finds nothing to say about the CSP main serves, and flags a weak one', () => {
    expect(cspFindings(contentSecurityPolicy())).toEqual([]);
    expect(cspFindings("script-src 'unsafe-inline' 'unsafe-eval' data:").length).toBeGreaterThan(0);
  });
});
