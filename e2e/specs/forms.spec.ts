import { japanToday } from '../../core/domain/dates';
import { expect, test } from '../fixtures/app';
import { ADMIN } from '../fixtures/vault';
import { LoginPage } from '../pages/LoginPage';
import { ShellPage } from '../pages/ShellPage';

test.use({ prepared: true });

const today = japanToday(new Date()).replaceAll('-', '/');
const year = today.slice(0, 4);

test('a request for the company 請求書 is logged, its cover letter shown and printed, and marked sent', async ({
  app,
}) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  await new ShellPage(page).open('請求書の送付');
  const form = page.getByRole('form', { name: '請求書の送付依頼の記録' });
  await form.getByRole('button', { name: '記録する' }).click();
  await expect(form.getByRole('alert').first()).toContainText('入力内容に誤りがあります。');
  await expect(form).toContainText('氏名を入力してください。');
  await form.getByLabel(/^お申出の方法/).selectOption({ label: '電話' });
  await form.getByLabel(/^氏名/).fill('送付 花子');
  await form.getByLabel(/^郵便番号/).fill('100-0001');
  await form.getByLabel(/^送付先住所/).fill('東京都千代田区千代田9-9');
  await form.getByRole('checkbox', { name: '開示', exact: true }).check();
  await form.getByRole('button', { name: '記録する' }).click();
  await expect(page.getByText(`送付番号「F-${year}-0001」で記録しました。`)).toBeVisible();

  const records = page.getByRole('table', { name: '送付依頼の記録' });
  const row = records.getByRole('row', { name: new RegExp(`F-${year}-0001`) });
  await expect(row).toContainText('未送付');
  await row.getByRole('button', { name: '送付状を表示' }).click();
  await expect(page.getByRole('img', { name: /送付状 1ページ目/ })).toBeVisible();

  await page.evaluate(() => {
    const w = window as unknown as { printedPages: number };
    w.printedPages = -1;
    window.print = () => {
      w.printedPages = document.querySelectorAll('.letter-print img').length;
    };
  });
  await row.getByRole('button', { name: '送付状を印刷…' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printedPages: number }).printedPages)).toBe(1);

  await row.getByRole('button', { name: '送付済みにする' }).click();
  await expect(row).toContainText(`${today}（郵送）`);
});
