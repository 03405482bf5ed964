import { japanToday } from '../../core/domain/dates';
import { expect, test } from '../fixtures/app';
import { ADMIN, monthStories } from '../fixtures/vault';
import { LoginPage } from '../pages/LoginPage';
import { ShellPage } from '../pages/ShellPage';

// June four years ago: its closed requests are past the default keeping period of three years.
const year = String(Number(japanToday(new Date()).slice(0, 4)) - 4);
const month = `${year}-06`;
test.use({ seedMonth: month });

test('the administrator purges what passed its keeping period; the yearly figures stay', async ({ app }) => {
  const page = app.page;
  const stories = monthStories(month);
  const closed = stories.filter((s) => s.fate !== 'open').length;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  const shell = new ShellPage(page);
  await shell.open('設定');
  await page.getByRole('tab', { name: '保存期間' }).click();
  const list = page.getByRole('table', { name: '保存期間を過ぎた請求' });
  await expect(list.getByRole('row')).toHaveCount(closed + 1);
  await page.getByRole('button', { name: '一覧の内容を削除…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '削除する' }).click();
  await expect(page.getByText(`請求${closed}件の個人データと、本人確認書類の写し0件を削除しました。`)).toBeVisible();
  await expect(page.getByText('保存期間を過ぎた請求はありません。')).toBeVisible();

  // The yearly report still counts every request of that month.
  await shell.open('レポート');
  await page.getByRole('radio', { name: '年次' }).check();
  await page.getByLabel('期間').selectOption({ label: `${year}年` });
  const figures = page.getByRole('table', { name: '主な数値' });
  await expect(figures.getByRole('row', { name: /受け付けた請求/ })).toContainText(`${stories.length}件`);
  await expect(figures.getByRole('row', { name: /^完了した請求/ })).toContainText(
    `${stories.filter((s) => s.fate === 'completed').length}件`,
  );
});
