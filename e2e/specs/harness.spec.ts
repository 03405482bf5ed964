import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createFilePicker, NO_PAGE_MESSAGE } from '../harness/file-picker';
import type { PickRequest } from '../harness/file-picker-event';
import { mainCode } from '../fixtures/bundled';
import type { Harness } from '../fixtures/main-code';
import { cheapKdf, ADMIN } from '../fixtures/vault';
import { LoginPage } from '../pages/LoginPage';

// The harness stands in for Electron's sender check: only our own page, holding the per-run
// cookie and sending our Origin, is a trusted sender.
let harness: Harness;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-harness-spec-'));
  harness = await mainCode().startHarness({ dataDir });
});

test.afterAll(async () => {
  await harness.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function token(): string {
  return new URL(harness.url).searchParams.get('token') ?? '';
}

test('refuses requests without the per-run token', async () => {
  const res = await fetch(`${harness.origin}/index.html`);
  expect(res.status).toBe(403);
  const rpc = await fetch(`${harness.origin}/__harness/rpc/app.info`, { method: 'POST', body: '{}' });
  expect(rpc.status).toBe(403);
});

test('answers a foreign origin holding the cookie with FORBIDDEN, through the real dispatcher', async () => {
  const res = await fetch(`${harness.origin}/__harness/rpc/app.info`, {
    method: 'POST',
    headers: { Cookie: `madoguchi_harness=${token()}`, Origin: 'http://evil.example' },
    body: '{}',
  });
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('answers our own origin, and refuses unknown channels and unparsable bodies', async () => {
  const headers = { Cookie: `madoguchi_harness=${token()}`, Origin: harness.origin };
  const ok = await fetch(`${harness.origin}/__harness/rpc/app.info`, { method: 'POST', headers, body: '{}' });
  expect(await ok.json()).toMatchObject({ ok: true, data: { runtime: 'harness', dataDir } });
  const unknown = await fetch(`${harness.origin}/__harness/rpc/app.delete`, { method: 'POST', headers, body: '{}' });
  expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  const garbage = await fetch(`${harness.origin}/__harness/rpc/app.info`, { method: 'POST', headers, body: '{nope' });
  expect(await garbage.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
});

test('serves the renderer with the same CSP as the app, plus connect-src to itself', async () => {
  const res = await fetch(harness.url);
  expect(res.status).toBe(200);
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(await res.text()).toContain('/__harness/bridge.js');
});

test('opening the app again asks for a login; it never lands in the last user’s session', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-harness-session-'));
  const { prepareVault, startHarness } = mainCode();
  await prepareVault(dir);
  const own = await startHarness({ dataDir: dir, kdfCost: cheapKdf });
  try {
    const first = await browser.newContext({ locale: 'ja-JP' });
    const page = await first.newPage();
    await page.goto(own.url);
    await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
    await expect(page.getByTestId('current-account')).toBeVisible();
    const second = await browser.newContext({ locale: 'ja-JP' });
    const other = await second.newPage();
    await other.goto(own.url);
    await expect(new LoginPage(other).heading).toBeVisible();
    await expect(other.getByTestId('current-account')).toHaveCount(0);
    await second.close();
    await first.close();
  } finally {
    await own.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// The browser file picker that stands in for main's dialog when no test queued a file (the page's
// side is walked in disclosure.spec.ts).
test('the file picker hands the chosen file to the service under its own name and removes the copy after the call', async () => {
  const sent: PickRequest[] = [];
  const picker = createFilePicker({ listening: () => true, send: (_e, data) => sent.push(data) });
  const filters = [{ name: '表', extensions: ['csv', 'xlsx'] }];
  const { path, during } = await picker.during(async () => {
    const chosen = picker.pick({ title: '開示する記録の添付', filters });
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toMatchObject({ title: '開示する記録の添付', accept: '.csv,.xlsx' });
    expect(picker.answer('no-such-pick', null)).toBe(false);
    expect(picker.answer(sent[0]?.id ?? '', { name: '会員情報.csv', content: Buffer.from('氏名\n山田') })).toBe(true);
    const file = (await chosen) ?? '';
    expect(statSync(file).mode & 0o077).toBe(0);
    return { path: file, during: readFileSync(file, 'utf8') };
  });
  expect(basename(path)).toBe('会員情報.csv');
  expect(during).toBe('氏名\n山田');
  // Personal data is not left in clear on disk once the call has returned.
  expect(existsSync(path)).toBe(false);
  // A cancel in the page is a cancel of the dialog.
  const cancelled = picker.pick({ title: '同封書類の取り込み', filters });
  picker.answer(sent[1]?.id ?? '', null);
  expect(await cancelled).toBeNull();
  picker.close();
});

test('the file picker says in Japanese when no page is there to choose a file', async () => {
  const picker = createFilePicker({ listening: () => false, send: () => undefined });
  await expect(picker.pick({ title: '同封書類の取り込み', filters: [] })).rejects.toThrow(NO_PAGE_MESSAGE);
  expect(NO_PAGE_MESSAGE).toMatch(/^ファイルを選ぶ画面を開けませんでした/);
});
