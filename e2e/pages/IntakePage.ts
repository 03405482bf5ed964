import type { Locator, Page } from '@playwright/test';
import { labelled } from './labels';

type PartyValues = { 氏名: string; フリガナ: string; 生年月日?: string; 住所: string; 電話番号?: string };

// Page model of the intake form (新規受付) and the summary shown after registering.
export class IntakePage {
  readonly checkPanel: Locator;

  constructor(readonly page: Page) {
    this.checkPanel = page.getByTestId('check-panel');
  }

  field(label: string, scope: Page | Locator = this.page): Locator {
    return scope.getByLabel(labelled(label));
  }

  async select(label: string, option: string, scope: Page | Locator = this.page): Promise<void> {
    await this.field(label, scope).selectOption({ label: option });
  }

  async fillParty(who: '本人' | '代理人', v: PartyValues): Promise<void> {
    const scope = this.page.getByRole('group', { name: `${who}の情報` });
    for (const [label, value] of Object.entries(v)) await this.field(label, scope).fill(value);
  }

  async chooseKind(label: string): Promise<void> {
    await this.page
      .getByRole('group', { name: '請求の種類' })
      .getByLabel(new RegExp(`^${label}（`))
      .check();
  }

  document(n: number): Locator {
    return this.page.getByTestId('identity-document').nth(n);
  }

  async addDocument(v: {
    type: string;
    holder?: string;
    expires?: string;
    issued?: string;
    original?: boolean;
  }): Promise<Locator> {
    await this.page.getByRole('button', { name: '確認書類を追加' }).click();
    const doc = this.page.getByTestId('identity-document').last();
    await this.select('書類の種類', v.type, doc);
    if (v.holder) await this.select('誰の書類か', v.holder, doc);
    if (v.expires) await this.field('有効期限', doc).fill(v.expires);
    if (v.issued) await this.field('発行日', doc).fill(v.issued);
    if (v.original) await doc.getByLabel('原本').check();
    return doc;
  }

  async addPayment(v: { amount: string; received: string; issued?: string; means?: string; forKind?: string }) {
    await this.page.getByRole('button', { name: '手数料の受領を追加' }).click();
    const row = this.page.getByTestId('payment').last();
    if (v.means) await this.select('支払方法', v.means, row);
    if (v.forKind) await this.select('対象の請求', v.forKind, row);
    await this.field('金額（円）', row).fill(v.amount);
    await this.field('受領日', row).fill(v.received);
    if (v.issued) await this.field('小為替の発行日', row).fill(v.issued);
  }

  async nameAddress(value: '一致' | '不一致'): Promise<void> {
    await this.page.getByRole('radiogroup').getByLabel(value, { exact: true }).check();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '受付を登録する' }).click();
  }
}
