import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addMonths, japanToday } from '../../core/domain/dates';
import { KINDS_NOTE } from '../../core/domain/report-sections';
import { expect, test } from '../fixtures/app';
import { ADMIN, monthStories } from '../fixtures/vault';
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
  // One table, its header first: 区分, 項目, 単位, then the periods; figures as plain numbers.
  expect(csv.toString('utf8')).toContain('"主な数値","受け付けた請求","件","1",');
  await page.getByRole('button', { name: 'Excel で保存…', exact: true }).click();
  await expect.poll(() => existsSync(join(app.downloadsDir, `開示等請求_月次報告_${value}.xlsx`))).toBe(true);

  // The ledger, masked for circulation.
  await page.getByLabel('氏名をイニシャル、住所を都道府県までにする（回覧用）').check();
  await page.getByRole('button', { name: '台帳を CSV で保存…' }).click();
  await expect(page.getByText('1件を保存しました。')).toBeVisible();
  const ledger = readFileSync(
    join(app.downloadsDir, `開示等請求管理台帳_${today.slice(0, 4)}-01-01_${today}_マスク版.csv`),
    'utf8',
  );
  expect(ledger).toContain('"山. 太."');
  expect(ledger).not.toContain('山田');
});

test.describe('a month of demo-like requests', () => {
  const month = addMonths(`${japanToday(new Date()).slice(0, 7)}-01`, -1).slice(0, 7);
  test.use({ seedMonth: month });

  test('last month’s report shows the figures known by construction and exports CSV, Excel and PDF', async ({
    app,
  }) => {
    const page = app.page;
    const stories = monthStories(month);
    const number = (fate: string) => stories.filter((x) => x.fate === fate).length;
    const count = (fate: string) => `${number(fate)}件`;
    await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
    await new ShellPage(page).open('レポート');
    // Last month is the report shown first.
    await expect(page.getByLabel('期間')).toHaveValue(month);
    const figures = page.getByRole('table', { name: '主な数値' });
    await expect(figures.getByRole('row', { name: /受け付けた請求/ })).toContainText(`${stories.length}件`);
    await expect(figures.getByRole('row', { name: /^完了した請求/ })).toContainText(count('completed'));
    await expect(figures.getByRole('row', { name: /^取下げ/ })).toContainText(count('withdrawn'));
    await expect(page.getByRole('table', { name: '請求の種類別の決定' })).toContainText(
      `開示：全部開示${count('completed')}`,
    );
    // The note that the counts per kind add up to more than the requests (issue 34 §6; their
    // order is tested in core, these requests are all 開示).
    await expect(page.getByText(`※${KINDS_NOTE}`)).toBeVisible();
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size);
      await page.getByText(`※${KINDS_NOTE}`).scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`report-${size.width}.png`) });
    }

    const base = join(app.downloadsDir, `開示等請求_月次報告_${month}`);
    await page.getByRole('button', { name: 'CSV で保存…', exact: true }).click();
    await expect.poll(() => existsSync(`${base}.csv`)).toBe(true);
    const csv = readFileSync(`${base}.csv`, 'utf8');
    expect(csv).toContain(`"受け付けた請求","件","${stories.length}"`);
    expect(csv).toContain(`"完了した請求","件","${number('completed')}"`);

    await page.getByRole('button', { name: 'Excel で保存…', exact: true }).click();
    await expect.poll(() => existsSync(`${base}.xlsx`)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(`${base}.xlsx`);
    // Figures are numbers, shown with their unit by the cell's format.
    const rows: string[] = [];
    book.getWorksheet('主な数値')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join('|')));
    expect(rows).toContain(`取下げ|${number('withdrawn')}|0`);

    await page.getByRole('button', { name: 'PDF で保存…', exact: true }).click();
    await expect.poll(() => existsSync(`${base}.pdf`)).toBe(true);
    await expect(page.getByText('保存しました。', { exact: true })).toBeVisible();
    const text = execFileSync('pdftotext', ['-layout', `${base}.pdf`, '-'], { encoding: 'utf8' }).replace(
      /[ \t]+/g,
      ' ',
    );
    expect(text).toContain(`受け付けた請求 ${stories.length}件`);
    expect(text).toContain(`完了した請求 ${count('completed')}`);
    expect(text).toContain('過去12か月の受付件数');
    expect(text).toContain(`※${KINDS_NOTE}`.slice(0, 30));
    // One calendar: the letters' (和暦 by default), for the title, the periods, the chart's years.
    expect(text).toContain('令和');
    expect(text).not.toMatch(/\d{4}年/);
  });
});
