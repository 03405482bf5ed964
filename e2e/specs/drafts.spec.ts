import { expect, test } from '../fixtures/app';
import { ADMIN } from '../fixtures/vault';
import { IntakePage } from '../pages/IntakePage';
import { LoginPage } from '../pages/LoginPage';
import { ShellPage } from '../pages/ShellPage';

test.use({ prepared: true });

test('an intake left unsaved by a lock comes back after logging in, and can be discarded', async ({ app }) => {
  const page = app.page;
  const login = new LoginPage(page);
  await login.login(ADMIN.loginName, ADMIN.password);
  const shell = new ShellPage(page);
  await shell.open('新規受付');
  const intake = new IntakePage(page);
  await intake.fillParty('本人', { 氏名: '山田 太郎', フリガナ: 'ヤマダ タロウ', 住所: '東京都千代田区千代田1-1' });
  await intake.chooseKind('開示');
  // The draft is saved a moment after typing stops; the page says so once the last change is in
  // it (a wait on state, not on time). Then the screen is locked.
  await expect(page.getByTestId('draft-saved')).toBeVisible();
  await page.getByRole('button', { name: 'ロック', exact: true }).click();
  await login.login(ADMIN.loginName, ADMIN.password);
  await shell.open('新規受付');
  await expect(page.getByTestId('draft-restored')).toContainText('を復元しました');
  const principal = page.getByRole('group', { name: '本人の情報' });
  await expect(intake.field('氏名', principal)).toHaveValue('山田 太郎');
  await expect(intake.field('住所', principal)).toHaveValue('東京都千代田区千代田1-1');

  await page.getByRole('button', { name: '破棄して最初から入力' }).click();
  await expect(intake.field('氏名', principal)).toHaveValue('');
  await shell.open('ダッシュボード');
  await shell.open('新規受付');
  await expect(intake.field('氏名', principal)).toHaveValue('');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
});
