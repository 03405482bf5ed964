import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { labelled } from '../pages/labels';
import { ADMIN } from '../fixtures/vault';
import { LoginPage } from '../pages/LoginPage';
import { SetupPage } from '../pages/SetupPage';
import { ShellPage } from '../pages/ShellPage';

const organisation = {
  会社名: '株式会社テスト物産',
  郵便番号: '5300001',
  電話番号: '06-1234-5678',
  住所: '大阪府大阪市北区梅田1-1-1',
  代表者: '代表取締役 試験太郎',
  個人情報保護管理者の役職: '取締役',
  個人情報保護管理者の氏名: '試験花子',
  問合せ窓口の名称: '個人情報お問合せ窓口',
  問合せ窓口の電話番号: '0120-111-222',
};

test('first run: setup, recovery key, log out, log in, lock, unlock, wrong password', async ({ app }) => {
  const setup = new SetupPage(app.page);
  const shell = new ShellPage(app.page);
  const login = new LoginPage(app.page);

  await expect(setup.heading).toBeVisible();
  await setup.fillOrganisation(organisation);
  await setup.fillAdmin({ loginName: 'tanaka', displayName: '田中 一郎', password: 'short' });
  await expect(app.page.getByText('パスワードは12文字以上にしてください。')).toBeVisible();
  await setup.fillAdmin({ loginName: 'tanaka', displayName: '田中 一郎', password: 'correct horse battery' });

  await expect(setup.recoveryKey).toHaveText(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
  await expect(app.page.getByRole('button', { name: 'Madoguchi を使い始める' })).toBeDisabled();
  await setup.finish();
  await expect(app.page.getByTestId('current-account')).toContainText('田中 一郎');
  await expect(shell.statusDatabase()).toHaveText('データベース: 使用中');

  await app.page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(login.heading).toBeVisible();
  await login.login('tanaka', 'correct horse battery');
  await expect(app.page.getByTestId('current-account')).toContainText('田中 一郎');

  await app.page.getByRole('button', { name: 'ロック', exact: true }).click();
  await expect(login.heading).toBeVisible();
  await login.login('tanaka', 'correct horse battery');
  await expect(app.page.getByTestId('current-account')).toBeVisible();

  await app.page.keyboard.press('Control+L');
  await expect(login.heading).toBeVisible();
  await login.login('tanaka', 'this is not my password');
  await expect(login.alert).toHaveText('ログイン名またはパスワードが正しくありません。');
  await expect(app.page.getByLabel(labelled('パスワード'))).toHaveValue('');
  await login.login('nobody', 'this is not my password');
  await expect(login.alert).toHaveText('ログイン名またはパスワードが正しくありません。');
});

test.describe('with a prepared vault', () => {
  test.use({ prepared: true });
  test('vault.json changed outside the app: the rotation is refused, and the administrator rebuilds the key set', async ({
    app,
  }) => {
    const page = app.page;
    // An insider adds an entry of their own to vault.json, with no password known.
    const file = join(app.dataDir, 'vault.json');
    const header = JSON.parse(readFileSync(file, 'utf8')) as { accounts: Record<string, Record<string, unknown>> };
    const model = Object.values(header.accounts)[0];
    header.accounts['ghost-lookup'] = { ...model, accountId: 'ghost' };
    writeFileSync(file, JSON.stringify(header));
    await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
    // The administrator is told at once, on the dashboard.
    await expect(page.getByTestId('keyset-changed')).toContainText('アプリの外で変更されています');
    const shell = new ShellPage(page);
    await shell.open('設定');
    await page.getByRole('tab', { name: 'バックアップ' }).click();
    await page.getByRole('button', { name: 'データベース鍵を更新…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '更新する' }).click();
    await expect(
      page.getByText('鍵情報ファイル（vault.json）がアプリの外で変更されています。', { exact: false }),
    ).toBeVisible();
    await page.getByRole('button', { name: '鍵情報を作り直して鍵を更新…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '作り直して更新する' }).click();
    await expect(page.getByText('データベース鍵を更新しました', { exact: false })).toBeVisible();
    const after = JSON.parse(readFileSync(file, 'utf8')) as { accounts: Record<string, { accountId: string }> };
    expect(Object.values(after.accounts).map((e) => e.accountId)).not.toContain('ghost');
    await shell.open('ダッシュボード');
    await expect(page.getByTestId('keyset-changed')).toHaveCount(0);
  });

  test('the recovery key sets a new administrator password', async ({ app }) => {
    const login = new LoginPage(app.page);
    await expect(login.heading).toBeVisible();
    await login.recover(app.recoveryKey ?? '', ADMIN.loginName, 'a new passphrase for me');
    await expect(app.page.getByTestId('current-account')).toContainText(ADMIN.displayName);
    await app.page.getByRole('button', { name: 'ログアウト' }).click();
    await login.login(ADMIN.loginName, ADMIN.password);
    await expect(login.alert).toBeVisible();
    await login.login(ADMIN.loginName, 'a new passphrase for me');
    await expect(app.page.getByTestId('current-account')).toBeVisible();
  });

  test('an administrator adds an account that must change its temporary password', async ({ app }) => {
    const login = new LoginPage(app.page);
    const shell = new ShellPage(app.page);
    await login.login(ADMIN.loginName, ADMIN.password);
    await shell.open('設定');
    await app.page.getByRole('tab', { name: 'アカウント' }).click();
    await app.page.getByRole('button', { name: 'アカウントを追加' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'アカウントの追加' });
    await dialog.getByLabel(labelled('ログイン名')).fill('sato');
    await dialog.getByLabel(labelled('氏名')).fill('佐藤 花子');
    await dialog.getByLabel(labelled('仮パスワード')).fill('temporary passphrase');
    await dialog.getByRole('button', { name: '保存する' }).click();
    await expect(dialog).toBeHidden();
    const row = app.page.getByRole('row', { name: /sato/ });
    await expect(row).toContainText('仮パスワード');

    await app.page.getByRole('button', { name: 'ログアウト' }).click();
    await login.login('sato', 'temporary passphrase');
    await expect(app.page.getByRole('heading', { name: 'パスワードの変更' })).toBeVisible();
    await app.page.getByLabel(labelled('現在のパスワード')).fill('temporary passphrase');
    await app.page.getByLabel(labelled('新しいパスワード')).fill('sato own passphrase');
    await app.page.getByLabel(labelled('新しいパスワード（確認）')).fill('sato own passphrase');
    await app.page.getByRole('button', { name: 'パスワードを変更する' }).click();
    await expect(app.page.getByTestId('current-account')).toContainText('佐藤 花子（担当者）');
  });

  test('the audit log lists what happened and verifies', async ({ app }) => {
    const login = new LoginPage(app.page);
    const shell = new ShellPage(app.page);
    await login.login(ADMIN.loginName, ADMIN.password);
    await shell.open('設定');
    await app.page.getByRole('tab', { name: '監査ログ' }).click();
    const table = app.page.getByRole('table', { name: '監査ログ' });
    await expect(table).toContainText('初期設定');
    await expect(table).toContainText('ログイン');
    await app.page.getByRole('button', { name: '監査ログを検証する' }).click();
    await expect(app.page.getByTestId('audit-verification')).toContainText('改ざんされていません');
    await app.page.getByLabel('操作').selectOption({ label: 'ログイン' });
    // The header, the approver's first login (when the vault was prepared) and this one.
    await expect(table.getByRole('row')).toHaveCount(3);
  });
});
