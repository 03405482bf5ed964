import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from './protocol';
import { contentSecurityPolicy } from './security';

let root: string;
let rendererDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'madoguchi-protocol-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside');
});

describe('app:// protocol', () => {
  it.each([
    ['app://madoguchi/', 200, 'text/html'],
    ['app://madoguchi/index.html', 200, 'text/html'],
    ['app://madoguchi/assets/app.js', 200, 'text/javascript'],
    ['app://madoguchi/missing.js', 404, 'text/plain'],
    ['app://madoguchi/../secret.txt', 404, 'text/plain'],
    ['app://madoguchi/%2e%2e/secret.txt', 404, 'text/plain'],
    ['app://madoguchi/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 404, 'text/plain'],
    ['app://madoguchi/assets/..%5c..%5csecret.txt', 404, 'text/plain'],
    ['app://madoguchi/%00index.html', 404, 'text/plain'],
    ['app://madoguchi/%E0%A4%A', 404, 'text/plain'],
    ['app://other-host/index.html', 404, 'text/plain'],
  ])('%s → %i with the CSP header', async (url, status, type) => {
    const res = await serveAppRequest(rendererDir, url);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    if (status === 404) expect(await res.text()).not.toContain('outside');
  });

  it('serves the file content', async () => {
    const res = await serveAppRequest(rendererDir, 'app://madoguchi/assets/app.js');
    expect(await res.text()).toBe('console.log(1)');
  });
});
