import type { Page } from '@playwright/test';
import { japanToday } from '../../core/domain/dates';
import { expect, test } from '../fixtures/app';
import { accessibilityProblems, foreignWords, layoutProblems, tableProblems, textLines } from '../fixtures/layout';
import { ADMIN } from '../fixtures/vault';
import { addMonths } from '../../core/domain/dates';
import { IntakePage } from '../pages/IntakePage';
import { LoginPage } from '../pages/LoginPage';
import { ShellPage } from '../pages/ShellPage';

// A month of demo-like requests (received, withdrawn, completed with their history), as the
// demo vault has.
test.use({ seedMonth: addMonths(`${japanToday(new Date()).slice(0, 7)}-01`, -1).slice(0, 7) });

const today = japanToday(new Date()).replaceAll('-', '/');

// Every main screen at the two commonest office laptop sizes: nothing drawn over anything else,
// no sideways scrolling, no id or English word shown to staff, and no critical or serious
// axe-core finding. Screenshots of each size are attached to the report for a person to look at.
// One walk through the screens checks each at both sizes (the walk itself, with its login and
// its forms, is what takes the time); axe's findings do not depend on the window's size and are
// taken once, at the larger one.
const sizes = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

test('every main screen lays out without overlap at 1366×768 and 1280×720', async ({ app }, info) => {
  const page = app.page;
  await page.setViewportSize(sizes[0]);
  const shell = new ShellPage(page);
  const check = async (screen: string) => {
    for (const size of sizes) {
      await page.setViewportSize(size);
      // Two frames: the layout and any resize observer have caught up with the new size.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await page.screenshot({ path: info.outputPath(`${screen}-${size.width}.png`), fullPage: true });
      expect(await layoutProblems(page), `${screen} at ${size.width}`).toEqual([]);
      expect(await tableProblems(page), `${screen} at ${size.width}`).toEqual([]);
      expect(await foreignWords(page), `${screen} at ${size.width}`).toEqual([]);
      if (size === sizes[0]) expect(await accessibilityProblems(page), screen).toEqual([]);
    }
    await page.setViewportSize(sizes[0]);
  };
  const login = new LoginPage(page);
  await expect(login.heading).toBeVisible();
  await check('login');
  await login.login(ADMIN.loginName, ADMIN.password);

  await expect(page.getByTestId('dashboard-overdue')).toBeVisible();
  await check('dashboard');

  // The intake form at its fullest: an agent, a document of each shape, two payments.
  await shell.open('新規受付');
  const intake = new IntakePage(page);
  await intake.select('請求者の種別', '任意代理人');
  await intake.chooseKind('開示');
  await intake.chooseKind('訂正');
  await intake.addDocument({ type: '運転免許証', holder: '代理人', expires: '2030/1/1' });
  await intake.addDocument({ type: '委任状', original: true });
  await intake.addDocument({ type: '印鑑登録証明書', issued: today, original: true });
  await intake.addDocument({ type: '住民票の写し', issued: today, original: true });
  await intake.addPayment({ amount: '1000', received: today, issued: today, forKind: '開示' });
  await intake.addPayment({ amount: '500', received: today, means: '郵便切手' });
  await check('intake');

  await intake.fillParty('本人', { 氏名: '山田 太郎', フリガナ: 'ヤマダ タロウ', 住所: '東京都千代田区千代田1-1' });
  // The seeded month's requests are this person's: answered and withdrawn ones are listed too.
  const earlier = page.getByTestId('duplicate-warning');
  await expect(earlier).toContainText('開示: 全部開示');
  await expect(earlier).toContainText('取下げ');
  await earlier.scrollIntoViewIfNeeded();
  await check('intake-earlier');
  await intake.fillParty('代理人', { 氏名: '鈴木 一郎', フリガナ: 'スズキ イチロウ', 住所: '東京都港区芝1-1' });
  await intake.field('訂正・追加・削除の内容').fill('電話番号の訂正');
  await intake.submit();
  await expect(page.getByTestId('receipt-no')).toBeVisible();
  await check('request');
  await expect(page.getByTestId('earlier-section')).toContainText('開示: 全部開示');
  await page.getByTestId('earlier-section').scrollIntoViewIfNeeded();
  await check('request-earlier');
  // The 訂正 (never a fee) split off so that it need not wait for the 開示's fee.
  await page.getByRole('button', { name: '請求の種類を分けて別の受付番号で進める…' }).click();
  await page.getByRole('group', { name: '請求の分割' }).getByLabel('訂正（手数料なし）').check();
  await check('request-split-form');
  await page.getByRole('button', { name: '分割する', exact: true }).click();
  await expect(page.getByTestId('linked-requests')).toContainText(/\d-2（訂正）/);
  await page.getByTestId('split-section').scrollIntoViewIfNeeded();
  await check('request-split');

  // An heir's request about a deceased father's data, closed as outside the Act: the form, then
  // the request with no 39条 date.
  await page.getByRole('button', { name: '法の対象外として終了', exact: true }).click();
  const form = page.getByRole('group', { name: '法の対象外として終了' });
  await form.getByRole('radio', { name: '故人の情報' }).check();
  await form.getByRole('radio', { name: '任意の対応として回答する' }).check();
  await form.getByLabel('ご回答の内容（お知らせに記載します）').fill('故人様のご契約は解約の手続を完了しております。');
  await expect(form.getByRole('button', { name: '法の対象外として終了する' })).toBeEnabled();
  await check('request-outside-law-form');
  await form.getByRole('button', { name: '法の対象外として終了する' }).click();
  await expect(page.getByTestId('current-step')).toContainText('法の対象外');
  await expect(page.getByTestId('outside-law')).toContainText('法第39条の期限・手数料はありません');
  await expect(page.getByTestId('due-date')).toContainText('終了日');
  await check('request-outside-law');

  await shell.open('請求一覧');
  await expect(page.getByTestId('list-total')).toBeVisible();
  await check('list');
  // A completed request: its decision, dispatch and whole history.
  await page.getByLabel('段階').selectOption({ label: '完了' });
  await page.getByRole('row', { name: /完了/ }).first().getByRole('button').first().click();
  await expect(page.getByRole('table', { name: '処理の記録' })).toContainText('完了にする');
  await check('completed-request');

  await shell.open('レポート');
  await expect(page.getByRole('main')).toContainText('報告');
  await check('reports');
  await reportLabelsFit(page);

  await shell.open('設定');
  await checkTabs(page, check);
  await auditReadsWell(page);
});

// The report's 項目 labels each on one line at both sizes: the period columns are as wide as
// their figures and their headings' lines, not as a one-line heading.
async function reportLabelsFit(page: Page) {
  const figures = page.getByRole('table', { name: '主な数値' });
  await expect(figures.getByRole('row', { name: /期末に期限を過ぎていた請求/ })).toBeVisible();
  for (const size of sizes) {
    await page.setViewportSize(size);
    const rows = await figures.getByRole('row').all();
    for (const row of rows.slice(1)) {
      const label = row.getByRole('cell').first();
      expect(await textLines(label), `${(await label.textContent()) ?? ''} at ${size.width}`).toBe(1);
    }
  }
  await page.setViewportSize(sizes[0]);
}

// The audit log after the walk above: a typical entry (a request's step) reads on one line at
// both sizes, the 番号 column is as narrow as its numbers, the text does not repeat the 受付番号
// of its own column, and the printed-record check is folded under 詳細.
async function auditReadsWell(page: Page) {
  await page.getByRole('main').getByRole('tab', { name: '監査ログ' }).click();
  await expect(page.getByLabel('控えの番号')).toBeHidden();
  await page.getByLabel('操作').selectOption({ label: '請求の段階の変更' });
  const table = page.getByRole('table', { name: '監査ログ' });
  const row = table.getByRole('row').filter({ hasText: '「受付」→「確認中」' }).first();
  const cells = row.getByRole('cell');
  await expect(cells.nth(5)).toContainText('「受付」→「確認中」');
  const receiptNo = (await cells.nth(4).textContent()) ?? '';
  expect(receiptNo).toMatch(/\d/);
  await expect(cells.nth(5)).not.toContainText(receiptNo);
  for (const size of sizes) {
    await page.setViewportSize(size);
    expect(await textLines(cells.nth(5)), `内容 at ${size.width}`).toBe(1);
    expect((await cells.nth(0).boundingBox())?.width, `番号 at ${size.width}`).toBeLessThan(80);
  }
  await page.setViewportSize(sizes[0]);
  await page.getByText('詳細: 紙などに控えた記録との照合').click();
  await expect(page.getByLabel('控えの番号')).toBeVisible();
}

async function checkTabs(page: Page, check: (screen: string) => Promise<void>) {
  const tabs = page.getByRole('main').getByRole('tab');
  const count = await tabs.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    const label = (await tab.textContent()) ?? String(i);
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await check(`settings-${label}`);
  }
}
