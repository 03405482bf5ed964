import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { japanToday } from '../../core/domain/dates';
import { makeP12 } from '../../electron/main/pdf/test-certificate';
import { expect, test } from '../fixtures/app';
import { ADMIN } from '../fixtures/vault';
import { IntakePage } from '../pages/IntakePage';
import { LoginPage } from '../pages/LoginPage';
import { ShellPage } from '../pages/ShellPage';

test.use({ prepared: true });

test('an administrator registers a certificate; a 受付のお知らせ is previewed, finalized signed, saved and printed', async ({
  app,
}) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  const shell = new ShellPage(page);

  // The certificate: a wrong passphrase is refused, the right one registers it.
  const work = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-cert-'));
  makeP12(work, 'e2e passphrase');
  await shell.open('設定');
  await page.getByRole('tab', { name: '回答書' }).click();
  await page.getByLabel('証明書のパスフレーズ').fill('wrong');
  await app.nextOpenFile(join(work, 'id.p12'));
  await page.getByRole('button', { name: '証明書ファイル（PKCS#12）を取り込む…' }).click();
  await expect(page.getByRole('alert')).toContainText('パスフレーズが正しいか');
  await page.getByLabel('証明書のパスフレーズ').fill('e2e passphrase');
  await app.nextOpenFile(join(work, 'id.p12'));
  await page.getByRole('button', { name: '証明書ファイル（PKCS#12）を取り込む…' }).click();
  await expect(page.getByTestId('certificate')).toContainText('CN=Privacy Officer');

  // A request, and its receipt letter.
  await shell.open('新規受付');
  const intake = new IntakePage(page);
  const today = japanToday(new Date()).replaceAll('-', '/');
  await intake.fillParty('本人', { 氏名: '山田 太郎', フリガナ: 'ヤマダ タロウ', 住所: '東京都千代田区千代田1-1' });
  await intake.chooseKind('開示');
  await intake.addDocument({ type: '運転免許証', expires: '2031/1/1' });
  await intake.nameAddress('一致');
  await intake.addPayment({ amount: '1000', received: today, issued: today });
  await intake.submit();
  const letters = page.getByRole('table', { name: '作成できる書類' });
  const receiptRow = letters.getByRole('row', { name: /受付のお知らせ/ });
  await receiptRow.getByRole('button', { name: '下書きを表示' }).click();
  await expect(page.getByRole('img', { name: /下書き: 受付のお知らせ 1ページ目/ })).toBeVisible();
  await receiptRow.getByRole('button', { name: '確定する' }).click();
  await expect(page.getByText('文書番号「個保第1号」で確定しました（電子署名付き）。')).toBeVisible();
  const finalized = page.getByRole('table', { name: '確定した書類' });
  await expect(finalized).toContainText('電子署名あり');

  // Saved: the stored bytes, signed and valid for an independent verifier.
  await finalized.getByRole('button', { name: 'PDF を保存…' }).click();
  await expect(page.getByText('PDF ファイルを保存しました。')).toBeVisible();
  const saved = join(app.downloadsDir, '個保第1号.pdf');
  expect(existsSync(saved)).toBe(true);
  const check = spawnSync('pdfsig', [saved], { encoding: 'utf8' });
  expect(check.stdout).toContain('Signature is Valid.');

  // Printed through the print dialog: the pages are drawn into the print layer first.
  await page.evaluate(() => {
    const w = window as unknown as { printedPages: number };
    w.printedPages = -1;
    window.print = () => {
      w.printedPages = document.querySelectorAll('.letter-print img').length;
    };
  });
  await finalized.getByRole('button', { name: '印刷…' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printedPages: number }).printedPages)).toBe(1);

  await shell.open('設定');
  await page.getByRole('tab', { name: '監査ログ' }).click();
  const audit = page.getByRole('table', { name: '監査ログ' });
  for (const label of ['回答書の確定', '回答書の保存', '回答書の印刷', '署名用証明書の登録・削除']) {
    await expect(audit).toContainText(label);
  }
});
