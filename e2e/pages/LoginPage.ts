import { labelled } from './labels';
import type { Locator, Page } from '@playwright/test';

// Page model of the lock / login screen.
export class LoginPage {
  readonly heading: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Madoguchi にログイン' });
    this.alert = page.getByRole('alert');
  }

  async login(loginName: string, password: string): Promise<void> {
    await this.page.getByLabel(labelled('ログイン名')).fill(loginName);
    await this.page.getByLabel(labelled('パスワード')).fill(password);
    await this.page.getByRole('button', { name: 'ログイン', exact: true }).click();
  }

  async recover(recoveryKey: string, loginName: string, newPassword: string): Promise<void> {
    await this.page.getByRole('button', { name: '管理者のパスワードを忘れた場合（回復キーを使用）' }).click();
    await this.page.getByLabel(labelled('回復キー')).fill(recoveryKey);
    await this.page.getByLabel(labelled('管理者のログイン名')).fill(loginName);
    await this.page.getByLabel(labelled('新しいパスワード')).fill(newPassword);
    await this.page.getByLabel(labelled('新しいパスワード（確認）')).fill(newPassword);
    await this.page.getByRole('button', { name: 'パスワードを再設定してログイン' }).click();
  }
}
