import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths, japanToday } from '../../core/domain/dates';
import { expect, test } from '../fixtures/app';
import { ADMIN, monthStories } from '../fixtures/vault';
import { LoginPage } from '../pages/LoginPage';
import { ShellPage } from '../pages/ShellPage';

const month = addMonths(`${japanToday(new Date()).slice(0, 7)}-01`, -1).slice(0, 7);
test.use({ seedMonth: month });

test('the administrator backs up, is no longer reminded, and restores the backup after confirming', async ({ app }) => {
  const page = app.page;
  const requests = monthStories(month).length;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  await expect(page.getByTestId('backup-reminder')).toContainText('まだバックアップがありません。');
  const shell = new ShellPage(page);
  await shell.open('設定');
  await page.getByRole('tab', { name: 'バックアップ' }).click();
  await page.getByRole('button', { name: 'バックアップを作成…' }).click();
  await expect(page.getByText('バックアップを保存し、検証しました。')).toBeVisible();
  await expect(page.getByLabel('バックアップの内容')).toContainText(`請求 ${requests}件`);
  const [file] = readdirSync(app.downloadsDir).filter((f) => f.endsWith('.mdgbak'));
  expect(file).toBeDefined();
  await shell.open('ダッシュボード');
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);

  // A change after the backup, which the restore takes back.
  await shell.open('設定');
  await page.getByRole('tab', { name: 'バックアップ' }).click();
  await page.getByLabel('バックアップを促すまでの日数').fill('30');
  await page.getByRole('button', { name: '日数を保存' }).click();
  await expect(page.getByText('保存しました。')).toBeVisible();

  // Restore: choose the file, check what it holds, confirm.
  await app.nextOpenFile(join(app.downloadsDir, file ?? ''));
  await page.getByRole('button', { name: 'バックアップファイルを選ぶ…' }).click();
  await page.getByRole('button', { name: '内容を確認する' }).click();
  await expect(page.getByLabel('バックアップの内容')).toContainText('検証済み（整合性・監査ログとも正常）');
  await page.getByRole('button', { name: 'このバックアップから復元…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '復元する' }).click();
  // The vault locks after a restore: back to the login screen.
  await expect(page.getByRole('button', { name: 'ログイン' })).toBeVisible();
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  await shell.open('設定');
  await page.getByRole('tab', { name: 'バックアップ' }).click();
  await expect(page.getByLabel('バックアップを促すまでの日数')).toHaveValue('7');
  await shell.open('請求一覧');
  const open = monthStories(month).filter((s) => s.fate === 'open').length;
  await expect(page.getByText(`${open}件（1〜${open}件目）`)).toBeVisible();
});
