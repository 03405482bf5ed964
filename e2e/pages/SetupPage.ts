import { labelled } from './labels';
import type { Locator, Page } from '@playwright/test';

export type OrganisationValues = Record<
  | '会社名'
  | '郵便番号'
  | '電話番号'
  | '住所'
  | '代表者'
  | '個人情報保護管理者の役職'
  | '個人情報保護管理者の氏名'
  | '問合せ窓口の名称'
  | '問合せ窓口の電話番号',
  string
>;

// Page model of the first-run setup wizard.
export class SetupPage {
  readonly heading: Locator;
  readonly recoveryKey: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Madoguchi の初期設定' });
    this.recoveryKey = page.getByTestId('recovery-key');
  }

  field(label: string): Locator {
    return this.page.getByLabel(labelled(label));
  }

  async fillOrganisation(values: OrganisationValues): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
    await this.page.getByRole('button', { name: '次へ' }).click();
  }

  async fillAdmin(v: { loginName: string; displayName: string; password: string; confirm?: string }): Promise<void> {
    await this.field('ログイン名').fill(v.loginName);
    await this.field('氏名').fill(v.displayName);
    await this.field('パスワード').fill(v.password);
    await this.field('パスワード（確認）').fill(v.confirm ?? v.password);
    await this.page.getByRole('button', { name: '設定を完了する' }).click();
  }

  async finish(): Promise<void> {
    await this.page.getByLabel('回復キーを印刷または保存し、安全な場所に保管しました').check();
    await this.page.getByRole('button', { name: 'Madoguchi を使い始める' }).click();
  }
}
