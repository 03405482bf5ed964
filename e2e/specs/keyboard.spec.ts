import type { Page } from '@playwright/test';
import { japanToday } from '../../core/domain/dates';
import { expect, test } from '../fixtures/app';
import { ADMIN } from '../fixtures/vault';
import { IntakePage } from '../pages/IntakePage';
import { LoginPage } from '../pages/LoginPage';
import { ShellPage } from '../pages/ShellPage';

test.use({ prepared: true });

// Every key pressed, counted: one per key press, one per character typed (an IME needs more
// for kanji, whatever the form's layout, so this counts what the form asks of staff). No key
// is ever pressed while a destructive button (a row's 削除) has the focus.
class Keyboard {
  count = 0;
  constructor(readonly page: Page) {}

  private async focusedLabel(): Promise<string> {
    return this.page.evaluate(() => {
      const e = document.activeElement;
      if (!(e instanceof HTMLElement)) return '';
      if (e.hasAttribute('data-destructive')) return `DESTRUCTIVE ${e.textContent}`;
      const labels = e instanceof HTMLInputElement ? e.labels : null;
      return (labels?.[0]?.textContent ?? e.getAttribute('aria-label') ?? e.textContent).trim();
    });
  }

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      expect(await this.focusedLabel()).not.toMatch(/^DESTRUCTIVE/);
      await this.page.keyboard.press(key);
      this.count++;
    }
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.count += Array.from(new Intl.Segmenter('ja', { granularity: 'grapheme' }).segment(text)).length;
  }

  // Tab until the focus is on the field labelled so (each Tab counted), at most `limit` times.
  async tabTo(label: RegExp, limit = 30, key = 'Tab'): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if (label.test(await this.focusedLabel())) return;
      await this.press(key);
    }
    expect(await this.focusedLabel()).toMatch(label);
  }
}

test('the standard 本人 開示 request is registered by keyboard alone in at most 150 keys', async ({ app }) => {
  const page = app.page;
  const shell = new ShellPage(page);
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  await expect(shell.title).toBeFocused();
  const keys = new Keyboard(page);

  // From the page title back into the menu, and open 新規受付.
  await keys.tabTo(/^新規受付$/, 6, 'Shift+Tab');
  await expect(shell.navItem('新規受付')).toBeFocused();
  await keys.press('Enter');
  await expect(shell.title).toHaveText('新規受付');

  // 受付: by post, arriving today (the defaults).
  await keys.tabTo(/^氏名/);
  await keys.type('山田 太郎');
  await keys.press('Tab');
  await keys.type('ヤマダ タロウ');
  await keys.press('Tab');
  await keys.type('1980/4/1');
  await keys.press('Tab');
  await keys.type('1000001');
  // The postal code fills the prefecture, city and town; the 番地 goes after it.
  await keys.press('Tab');
  await expect(page.getByRole('group', { name: '本人の情報' }).getByLabel(/^住所/)).toHaveValue('東京都千代田区千代田');
  await keys.press('End');
  await keys.type('1-1');

  // 開示: Space ticks it and the focus stays on the checkbox.
  await keys.tabTo(/^開示（/);
  await keys.press('Space');
  const disclosure = page.getByRole('checkbox', { name: /^開示（/ });
  await expect(disclosure).toBeChecked();
  await expect(disclosure).toBeFocused();

  // A driving licence (the default type), held by the 本人, valid until 2030.
  await keys.tabTo(/^確認書類を追加$/, 40);
  await keys.press('Enter');
  await keys.tabTo(/^有効期限/);
  await keys.type('2030/1/1');
  // Enter goes on (the 受領日 left as the 到達日) past the row's 削除 button to the name-and-address
  // check.
  await keys.tabTo(/^未照合$/, 5, 'Enter');
  await keys.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '一致', exact: true })).toBeChecked();

  // A 1,000円 定額小為替 received and issued today (received today and 1,000円 are the defaults).
  await keys.tabTo(/^手数料の受領を追加$/);
  await keys.press('Enter');
  await keys.tabTo(/^小為替の発行日/);
  await keys.type(japanToday(new Date()).replaceAll('-', '/'));
  await keys.press('Enter');
  await keys.tabTo(/^受付を登録する$/);
  await expect(page.getByTestId('identity-status')).toHaveText('確認済');
  await expect(page.getByTestId('fee-status')).toHaveText('充足');
  await keys.press('Enter');

  await expect(page.getByTestId('registered')).toContainText('で登録しました');
  await expect(page.getByTestId('identity-status')).toHaveText('確認済');
  test.info().annotations.push({ type: 'keys', description: String(keys.count) });
  console.log(`keyboard-only intake: ${keys.count} keys`);
  expect(keys.count).toBeLessThanOrEqual(150);
});

test.describe('a normal day at the desk', () => {
  test.use({ seedDesk: true });

  test('the dashboard fits one screen with 30 open requests', async ({ app }) => {
    const page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
    await expect(page.getByTestId('dashboard-overdue')).toBeVisible();
    await expect(page.getByTestId('dashboard-today')).toContainText('本日は令和');
    // Nothing to scroll at 1366×768: the page and its main area are no taller than the window.
    const heights = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      return { main: main.scrollHeight, mainView: main.clientHeight, page: document.documentElement.scrollHeight };
    });
    expect(heights.main).toBeLessThanOrEqual(heights.mainView);
    expect(heights.page).toBeLessThanOrEqual(768);
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await page.screenshot({ path: test.info().outputPath(`dashboard-${size.width}.png`), fullPage: true });
    }

    // 新規受付 from the keyboard, anywhere: Ctrl+N (the menu's accelerator in the app) and Alt+N
    // (a browser keeps Ctrl+N for itself).
    const shell = new ShellPage(page);
    for (const key of ['Control+n', 'Alt+n']) {
      await shell.open('ダッシュボード');
      await expect(shell.title).toHaveText('ダッシュボード');
      await page.keyboard.press(key);
      await expect(shell.title, key).toHaveText('新規受付');
    }
    // The list of shortcuts opens with F1, and with ? outside a text field only.
    const list = page.getByRole('dialog', { name: 'キーボードショートカット' });
    await page.keyboard.press('F1');
    await expect(list).toContainText('新規受付を開く');
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    const name = new IntakePage(page).field('氏名').first();
    await name.fill('');
    await name.press('?');
    await expect(name).toHaveValue('?');
    await expect(list).toBeHidden();
    await name.fill('');
    await shell.title.click();
    await page.keyboard.press('?');
    await expect(list).toBeVisible();
    await page.keyboard.press('Escape');
  });
});
