import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { ADMIN } from '../fixtures/vault';
import { LoginPage } from '../pages/LoginPage';
import { sectionLabels, ShellPage } from '../pages/ShellPage';

const version = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string })
  .version;

test.use({ prepared: true });

test.beforeEach(async ({ app }) => {
  await new LoginPage(app.page).login(ADMIN.loginName, ADMIN.password);
  await expect(app.page.getByTestId('current-account')).toBeVisible();
});

test('shows the Japanese shell and what app.info returned through the dispatcher', async ({ app }) => {
  const shell = new ShellPage(app.page);
  await expect(app.page).toHaveTitle('Madoguchi 窓口');
  await expect(app.page.getByText('窓口 Madoguchi')).toBeVisible();
  for (const label of sectionLabels) await expect(shell.navItem(label)).toBeVisible();
  await expect(shell.title).toHaveText('ダッシュボード');
  // After login the focus is on the page's title, not lost on the body.
  await expect(shell.title).toBeFocused();

  await expect(shell.statusVersion()).toHaveText(`バージョン ${version}`);
  await expect(shell.statusDataDir()).toHaveText(`データフォルダー: ${app.dataDir}`);
  await expect(shell.statusDatabase()).toHaveText('データベース: 使用中');
});

test('navigates between sections from the keyboard and the mouse', async ({ app }) => {
  const shell = new ShellPage(app.page);
  await shell.open('請求一覧');
  await expect(shell.title).toHaveText('請求一覧');
  await expect(shell.navItem('請求一覧')).toHaveAttribute('aria-current', 'page');
  await expect(shell.navItem('ダッシュボード')).not.toHaveAttribute('aria-current', 'page');
  // Tab walks from the header into the menu, one item at a time; Enter and Space open an item.
  await app.page.getByRole('button', { name: 'ログアウト' }).focus();
  await app.page.keyboard.press('Tab');
  await expect(shell.navItem('ダッシュボード')).toBeFocused();
  await app.page.keyboard.press('Tab');
  await app.page.keyboard.press('Tab');
  await expect(shell.navItem('新規受付')).toBeFocused();
  await app.page.keyboard.press('Enter');
  await expect(shell.title).toHaveText('新規受付');
  // The focus moves to the page just opened, and Tab goes on into its form.
  await expect(shell.title).toBeFocused();
  await app.page.keyboard.press('Tab');
  await expect(app.page.getByLabel('受付方法')).toBeFocused();
  await shell.navItem('ダッシュボード').focus();
  await app.page.keyboard.press('Space');
  await expect(shell.title).toHaveText('ダッシュボード');
  await expect(shell.navItem('ダッシュボード')).toHaveAttribute('aria-current', 'page');
});

test('the window.madoguchi bridge refuses bad input with a Japanese BAD_INPUT error', async ({ app }) => {
  const result = await app.page.evaluate(() => window.madoguchi['app.info']({ unexpected: true } as never));
  expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  if (!result.ok) expect(result.error.message).toContain('入力内容');
});

test('opens the about dialog when main sends the menu command', async ({ app }) => {
  await app.emit('app.menu', { command: 'about' });
  const dialog = app.page.getByRole('dialog', { name: 'Madoguchi（窓口）について' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '閉じる' }).click();
  await expect(dialog).toBeHidden();
});
