import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { japanToday } from '../../core/domain/dates';
import { expect, test } from '../fixtures/app';
import { ADMIN } from '../fixtures/vault';
import { IntakePage } from '../pages/IntakePage';
import { LoginPage } from '../pages/LoginPage';
import { ShellPage } from '../pages/ShellPage';

test.use({ prepared: true });

test('the monthly report shows this month’s figures with a chart and saves as CSV and Excel', async ({ app }) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  const shell = new ShellPage(page);
  const today = japanToday(new Date());
  await shell.open('新規受付');
  const intake = new IntakePage(page);
  await intake.fillParty('本人', { 氏名: '山田 太郎', フリガナ: 'ヤマダ タロウ', 住所: '東京都千代田区千代田1-1' });
  await intake.chooseKind('開示');
  await intake.addDocument({ type: '運転免許証', expires: '2031/1/1' });
  await intake.nameAddress('一致');
  await intake.submit();
  await expect(page.getByTestId('receipt-no')).toBeVisible();

  await shell.open('レポート');
  const month = `${today.slice(0, 4)}年${Number(today.slice(5, 7))}月`;
  await page.getByLabel('期間').selectOption({ label: month });
  const figures = page.getByRole('table', { name: '主な数値' });
  await expect(figures.getByRole('row', { name: /受け付けた請求/ })).toContainText('1件');
  await expect(page.getByRole('img', { name: '過去12か月の受付件数' })).toBeVisible();
  await expect(page.getByRole('table', { name: '請求の種類別の受付件数' })).toContainText('開示');

  const value = today.slice(0, 7);
  await page.getByRole('button', { name: 'CSV で保存…', exact: true }).click();
  await expect(page.getByText('保存しました。', { exact: true })).toBeVisible();
  const csv = readFileSync(join(app.downloadsDir, `開示等請求_月次報告_${value}.csv`));
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain('"受け付けた請求","1件"');
  await page.getByRole('button', { name: 'Excel で保存…', exact: true }).click();
  await expect.poll(() => existsSync(join(app.downloadsDir, `開示等請求_月次報告_${value}.xlsx`))).toBe(true);

  // The ledger, masked for circulation.
  await page.getByLabel('氏名をイニシャル、住所を都道府県までにする（回覧用）').check();
  await page.getByRole('button', { name: '台帳を CSV で保存…' }).click();
  await expect(page.getByText('1件を保存しました。')).toBeVisible();
  const ledger = readFileSync(
    join(app.downloadsDir, `開示等請求管理台帳_${today.slice(0, 4)}-01-01_${today}_マスク済み.csv`),
    'utf8',
  );
  expect(ledger).toContain('"山. 太."');
  expect(ledger).not.toContain('山田');
});
