import { expect, type Page } from '@playwright/test';
import { japanToday } from '../../core/domain/dates';
import { IntakePage } from './IntakePage';
import { LoginPage } from './LoginPage';
import { ShellPage } from './ShellPage';

// Steps several specs take the same way.

export const today = japanToday(new Date()).replaceAll('-', '/');

// Registers a 本人 開示 request through the intake form; an expired licence makes it defective.
export async function registerDisclosure(
  page: Page,
  licenceExpires: string,
  method?: string,
  kind = '開示',
): Promise<string> {
  await new ShellPage(page).open('新規受付');
  const intake = new IntakePage(page);
  await intake.fillParty('本人', {
    氏名: '山田 太郎',
    フリガナ: 'ヤマダ タロウ',
    生年月日: '1980/4/1',
    住所: '東京都千代田区千代田1-1',
  });
  await intake.chooseKind(kind);
  if (method) await page.getByLabel('開示の方法').selectOption({ label: method });
  await intake.addDocument({ type: '運転免許証', expires: licenceExpires });
  await intake.nameAddress('一致');
  await intake.addPayment({ amount: '1000', received: today, issued: today });
  await intake.submit();
  const receipt = page.getByTestId('receipt-no');
  await expect(receipt).toBeVisible();
  return ((await receipt.textContent()) ?? '').replace('受付番号 ', '');
}

export async function openFromList(page: Page, receiptNo: string): Promise<void> {
  await new ShellPage(page).open('請求一覧');
  await page.getByLabel('検索（受付番号・氏名・フリガナ）').fill(receiptNo);
  await expect(page.getByTestId('list-total')).toHaveText(/^1件/);
  await page.getByRole('button', { name: receiptNo }).click();
}

export async function relogin(page: Page, who: { loginName: string; password: string }): Promise<void> {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await new LoginPage(page).login(who.loginName, who.password);
  await expect(page.getByTestId('current-account')).toBeVisible();
}
