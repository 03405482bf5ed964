import type { Locator, Page } from '@playwright/test';

export const sectionLabels = ['ダッシュボード', '請求一覧', '新規受付', '請求書の送付', 'レポート', '設定'] as const;

// Page model of the application shell: header, navigation, page title, status bar.
export class ShellPage {
  readonly nav: Locator;
  readonly title: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'メインメニュー' });
    this.title = page.locator('#page-title');
    this.status = page.getByTestId('status-bar');
  }

  navItem(label: (typeof sectionLabels)[number]): Locator {
    return this.nav.getByRole('button', { name: label, exact: true });
  }

  async open(label: (typeof sectionLabels)[number]): Promise<void> {
    await this.navItem(label).click();
  }

  statusVersion(): Locator {
    return this.page.getByTestId('status-version');
  }

  statusDatabase(): Locator {
    return this.page.getByTestId('status-database');
  }

  statusDataDir(): Locator {
    return this.page.getByTestId('status-data-dir');
  }
}
