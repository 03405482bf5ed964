import { expect, type Locator, type Page } from '@playwright/test';
import { labelled } from './labels';

// The two commonest office laptop screens.
export const officeSizes = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

// Page model of one request: its step, the next-step buttons and the processing forms.
export class RequestPage {
  readonly step: Locator;
  readonly missing: Locator;
  readonly actions: Locator;
  // The sticky bar: 受付番号, step, deadline (or 完了日) and the next-step buttons.
  readonly bar: Locator;
  readonly primary: Locator;
  readonly deadline: Locator;
  readonly contents: Locator;

  constructor(readonly page: Page) {
    this.step = page.getByTestId('current-step');
    this.missing = page.getByTestId('missing');
    this.actions = page.getByRole('group', { name: '次の手順' });
    this.bar = page.getByTestId('receipt-heading');
    this.primary = this.actions.getByTestId('primary-action');
    this.deadline = page.getByTestId('due-date');
    this.contents = page.getByTestId('request-contents');
  }

  action(label: string): Locator {
    return this.actions.getByRole('button', { name: label, exact: true });
  }

  async act(label: string): Promise<void> {
    await this.action(label).click();
  }

  field(label: string, scope: Page | Locator = this.page): Locator {
    return scope.getByLabel(labelled(label));
  }

  decision(kindLabel: string): Locator {
    return this.page.getByRole('group', { name: `${kindLabel}の決定` });
  }

  // 修正 beside a group of the 受付内容 (請求者, 請求の内容, 本人確認・代理人確認の書類, 手数料).
  edit(group: string): Locator {
    return this.contents.getByRole('button', { name: `${group}を修正`, exact: true });
  }

  // Screenshots of a part of the page at both office sizes, for a person to look at.
  async shoot(part: Locator, shot: (width: number) => string): Promise<void> {
    const before = this.page.viewportSize();
    for (const size of officeSizes) {
      await this.page.setViewportSize(size);
      await part.scrollIntoViewIfNeeded();
      await this.page.screenshot({ path: shot(size.width) });
    }
    if (before) await this.page.setViewportSize(before);
  }

  // The next step is where the eye lands: the primary button (or, when nothing is left to do, the
  // bar's 完了日) lies wholly inside the window at both office sizes, at the top of the page as it
  // opens and also at its foot (the bar stays). A screenshot of each size at the top is saved to
  // `shot(width)` for a person to look at.
  async expectNextStepInView(target: Locator, shot: (width: number) => string): Promise<void> {
    const main = this.page.getByRole('main');
    const before = this.page.viewportSize();
    for (const size of officeSizes) {
      await this.page.setViewportSize(size);
      await main.evaluate((m) => m.scrollTo(0, 0));
      await expect(target, `at the top, ${size.width}×${size.height}`).toBeInViewport({ ratio: 1 });
      await this.page.screenshot({ path: shot(size.width) });
      await main.evaluate((m) => m.scrollTo(0, m.scrollHeight));
      await expect(target, `at the foot, ${size.width}×${size.height}`).toBeInViewport({ ratio: 1 });
      await main.evaluate((m) => m.scrollTo(0, 0));
    }
    if (before) await this.page.setViewportSize(before);
  }
}
