import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import * as UTIF from 'utif2';
import { addDays, japanToday } from '../../core/domain/dates';
import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import { ADMIN } from '../fixtures/vault';
import { IntakePage } from '../pages/IntakePage';
import { LoginPage } from '../pages/LoginPage';
import { ShellPage } from '../pages/ShellPage';

test.use({ prepared: true });

test.beforeEach(async ({ app }) => {
  await new LoginPage(app.page).login(ADMIN.loginName, ADMIN.password);
  await new ShellPage(app.page).open('新規受付');
});

const today = japanToday(new Date()).replaceAll('-', '/');

test('a 本人 request with a driving licence and a 1,000円 定額小為替 is 確認済 and 充足', async ({ app }) => {
  const intake = new IntakePage(app.page);
  await intake.fillParty('本人', {
    氏名: '山田 太郎',
    フリガナ: 'やまだ たろう',
    生年月日: '昭和55年4月1日',
    住所: '東京都千代田区千代田1-1',
  });
  await intake.chooseKind('開示');
  await intake.addDocument({ type: '運転免許証', expires: '2030/1/1' });
  await intake.nameAddress('一致');
  await intake.addPayment({ amount: '1000', received: today, issued: '令和8年10月1日' });
  await expect(intake.checkPanel.getByTestId('identity-status')).toHaveText('確認済');
  await expect(intake.checkPanel.getByTestId('fee-status')).toHaveText('充足');
  await intake.submit();
  await expect(app.page.getByText(/・本人・開示$/)).toBeVisible();

  await expect(app.page.getByTestId('receipt-no')).toHaveText(/^受付番号 \d{4}-0001$/);
  // The page is titled by the request, not by the menu section.
  await expect(new ShellPage(app.page).title).toHaveText(/^受付番号 \d{4}-0001\u3000山田 太郎 様$/);
  // The page opens at its top: the new number, a success message, and the focus on the number.
  await expect(app.page.getByTestId('registered')).toContainText(/受付番号 \d{4}-0001 で登録しました/);
  await expect(app.page.getByTestId('receipt-heading')).toBeFocused();
  await expect(app.page.getByTestId('receipt-no')).toBeInViewport();
  await expect(app.page.getByTestId('identity-status')).toHaveText('確認済');
  await expect(app.page.getByTestId('fee-status')).toHaveText('充足');
  await expect(app.page.getByTestId('due-date')).toContainText('（法第39条の期限）');
  await app.page.getByText('計算の内訳').click();
  await expect(app.page.getByRole('list', { name: '期限の計算の内訳' })).toContainText('到達日の翌日から起算して2週間');

  // A scan is detected by its content; a renamed non-PDF is refused with a clear message.
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-scan-'));
  writeFileSync(join(dir, 'scan.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 32)]));
  writeFileSync(join(dir, 'fake.pdf'), 'MZ not a pdf at all');
  await app.nextOpenFile(join(dir, 'scan.pdf'));
  await app.page.getByRole('button', { name: 'ファイルを取り込む…' }).click();
  await expect(app.page.getByRole('table', { name: '同封書類' })).toContainText('application/pdf');
  await app.nextOpenFile(join(dir, 'fake.pdf'));
  await app.page.getByRole('button', { name: 'ファイルを取り込む…' }).click();
  await expect(app.page.getByRole('alert')).toContainText('PDF・PNG・JPEG・TIFF のいずれでもありません');
  await expect(app.page.getByRole('table', { name: '同封書類' }).getByRole('row')).toHaveCount(1);

  // An image scan is previewed in the app.
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxAADAA4GAQDYykJnAAAAAElFTkSuQmCC';
  writeFileSync(join(dir, 'id.png'), Buffer.from(png, 'base64'));
  await app.page.getByLabel('書類の種類').selectOption({ label: '本人確認書類' });
  await app.nextOpenFile(join(dir, 'id.png'));
  await app.page.getByRole('button', { name: 'ファイルを取り込む…' }).click();
  const row = app.page.getByRole('row', { name: /本人確認書類/ });
  await expect(row).toContainText('image/png');
  await row.getByRole('button', { name: '表示' }).click();
  const image = app.page.getByRole('img', { name: '本人確認書類のスキャン画像' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);

  // Registering removed the draft: a new intake starts empty.
  await app.page.getByRole('button', { name: '続けて新規受付' }).click();
  await expect(intake.field('氏名', app.page.getByRole('group', { name: '本人の情報' }))).toHaveValue('');
  await expect(app.page.getByTestId('draft-restored')).toHaveCount(0);
});

test('a postal 開示 request from an agent with an expired 印鑑登録証明書 shows that defect', async ({ app }) => {
  const intake = new IntakePage(app.page);
  await intake.select('受付方法', '簡易書留');
  await intake.select('請求者の種別', '任意代理人');
  await intake.fillParty('本人', { 氏名: '佐藤 花子', フリガナ: 'サトウ ハナコ', 住所: '大阪府大阪市北区梅田1-1-1' });
  await intake.fillParty('代理人', {
    氏名: '鈴木 一郎',
    フリガナ: 'スズキ イチロウ',
    住所: '大阪府大阪市北区梅田2-2-2',
  });
  await intake.chooseKind('開示');
  await intake.select('回答の送付先', '代理人');
  await intake.addDocument({ type: '運転免許証', holder: '代理人', expires: '2030/1/1' });
  const poa = await intake.addDocument({ type: '委任状', holder: '本人', original: true });
  await poa.getByLabel('委任事項: 開示').check();
  await poa.getByLabel('受領権限あり').check();
  await poa.getByLabel('実印の押印あり').check();
  await intake.addDocument({ type: '印鑑登録証明書', holder: '本人', issued: '2025/1/10', original: true });
  await intake.nameAddress('一致');
  await expect(intake.checkPanel.getByTestId('identity-status')).toHaveText('不備');
  await intake.submit();

  await expect(app.page.getByTestId('receipt-no')).toBeVisible();
  await expect(app.page.getByTestId('identity-status')).toHaveText('不備');
  await expect(app.page.getByRole('list', { name: '不備の内容' })).toContainText(
    '印鑑登録証明書は発行日（2025年1月10日）から3か月を超えています',
  );

  // The workflow refuses to investigate a defective request and takes a 補正 instead.
  await expect(app.page.getByTestId('current-step')).toHaveText('現在の段階: 受付');
  await app.page.getByRole('button', { name: '確認を開始' }).click();
  await expect(app.page.getByTestId('current-step')).toHaveText('現在の段階: 確認中');
  await expect(app.page.getByRole('button', { name: '調査を開始' })).toBeDisabled();
  await expect(app.page.getByTestId('missing')).toContainText('本人確認・代理人確認が完了していません。');
  await app.page.getByRole('button', { name: '補正を依頼', exact: true }).click();
  const cure = app.page.getByRole('group', { name: '補正の依頼' });
  await expect(cure.getByRole('checkbox', { name: /印鑑登録証明書は発行日/ })).toBeChecked();
  await cure.getByRole('button', { name: '補正を依頼する' }).click();
  await expect(app.page.getByTestId('current-step')).toHaveText(/^現在の段階: 補正待ち/);
  await app.page.getByText('計算の内訳').click();
  await expect(app.page.getByRole('list', { name: '期限の計算の内訳' })).toContainText('補正待ちのため停止中');
});

test('bad input is shown next to the field and nothing is registered', async ({ app }) => {
  const intake = new IntakePage(app.page);
  await intake.field('到達日').fill('2026/02/30');
  await intake.submit();
  await expect(app.page.getByText('日付は「2026/11/22」の形式で入力してください。')).toBeVisible();
  await expect(app.page.getByText('氏名を入力してください。').first()).toBeVisible();
  await expect(app.page.getByText('請求の種類を1つ以上選択してください。')).toBeVisible();
  await expect(app.page.getByTestId('receipt-no')).toHaveCount(0);
});

test('a future 到達日 or 生年月日 is refused beside its field as it is typed, in Japan’s calendar', async ({ app }) => {
  const intake = new IntakePage(app.page);
  const tomorrow = addDays(japanToday(new Date()), 1).replaceAll('-', '/');
  const arrival = intake.field('到達日');
  await arrival.fill(tomorrow);
  await arrival.press('Tab');
  await expect(arrival).toHaveAttribute('aria-invalid', 'true');
  await expect(arrival).toHaveAccessibleDescription(/到達日に未来の日付は指定できません。/);
  const birth = intake.field('生年月日', app.page.getByRole('group', { name: '本人の情報' }));
  await birth.fill(tomorrow);
  await birth.press('Tab');
  await expect(birth).toHaveAttribute('aria-invalid', 'true');
  await expect(birth).toHaveAccessibleDescription(/生年月日に未来の日付は指定できません。/);
  // Today is fine for both (a birth registered today is unusual but not impossible).
  await arrival.fill(today);
  await arrival.press('Tab');
  await expect(arrival).not.toHaveAttribute('aria-invalid', 'true');
  await birth.fill(today);
  await birth.press('Tab');
  await expect(birth).not.toHaveAttribute('aria-invalid', 'true');
});

test('when main refuses the form, the first refused field is focused and in view, with the summary', async ({
  app,
}) => {
  const page = app.page;
  const intake = new IntakePage(page);
  // The PC's clock runs days ahead of main's (as on a badly set clock): the form lets the dates
  // through and main, which decides, refuses them. The first refused field is the 本人's 生年月日,
  // well below the summary; the view is at the submit button.
  const ahead = addDays(japanToday(new Date()), 2).replaceAll('-', '/');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.clock.setFixedTime(new Date(Date.now() + 3 * 86_400_000));
  await intake.field('到達日').fill(today);
  await intake.fillParty('本人', {
    氏名: '山田 太郎',
    フリガナ: 'ヤマダ タロウ',
    生年月日: ahead,
    住所: '東京都千代田区千代田1-1',
  });
  await intake.chooseKind('開示');
  await intake.addDocument({ type: '運転免許証', expires: '2031/1/1' });
  await intake.nameAddress('一致');
  await intake.addPayment({ amount: '1000', received: ahead });
  await intake.submit();
  const birth = intake.field('生年月日', page.getByRole('group', { name: '本人の情報' }));
  await expect(birth).toBeFocused();
  await expect(birth).toBeInViewport({ ratio: 1 });
  await expect(birth).toHaveAccessibleDescription(/生年月日に未来の日付は指定できません。/);
  const box = await page.evaluate(() => {
    const r = document.activeElement?.getBoundingClientRect();
    return r ? { top: r.top, bottom: r.bottom, name: document.activeElement?.getAttribute('name') } : null;
  });
  expect(box?.name).toBe('principal.birthDate');
  expect(box?.top).toBeGreaterThanOrEqual(0);
  expect(box?.bottom).toBeLessThanOrEqual(await page.evaluate(() => window.innerHeight));
  // The summary stays in view above the field; the later refused field has its message too.
  const summary = page.getByRole('alert').first();
  await expect(summary).toHaveText('生年月日に未来の日付は指定できません。');
  await expect(summary).toBeInViewport({ ratio: 1 });
  await expect(intake.field('受領日', page.getByTestId('payment'))).toHaveAccessibleDescription(
    /手数料の受領日に未来の日付は指定できません。/,
  );
  await expect(page.getByTestId('receipt-no')).toHaveCount(0);
  for (const [width, height] of [
    [1280, 720],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: test.info().outputPath(`refused-${width}.png`) });
  }
});

test('at 1280×720 a document’s fields all fit inside its card, none cut off at the right', async ({ app }) => {
  const page = app.page;
  const intake = new IntakePage(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await intake.select('受付方法', 'FAX');
  const doc = await intake.addDocument({ type: '印鑑登録証明書', issued: today, original: true });
  const received = intake.field('この書類の到着日（補正で届いた場合）', doc);
  await expect(received).toBeVisible();
  // Each control lies wholly inside the box that would clip it (the document's frame and the card).
  const clipped = async (control: Locator) =>
    control.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const out: string[] = [];
      for (let p = e.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX === 'visible' && p.scrollWidth <= p.clientWidth) continue;
        const b = p.getBoundingClientRect();
        if (r.right > b.right + 1 || r.left < b.left - 1 || p.scrollWidth > p.clientWidth + 1)
          out.push(`${p.className.split(' ')[0] ?? p.tagName}: ${Math.round(r.right - b.right)}px`);
      }
      return out;
    });
  expect(await clipped(received)).toEqual([]);
  expect(await clipped(intake.field('発行日', doc))).toEqual([]);
  // The first row of the form (with the FAX's 仮受付 box) fits too.
  expect(await clipped(page.getByLabel('仮受付（原本の到着待ち）'))).toEqual([]);
  await received.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('document-1280.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await received.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('document-1366.png') });
});

test('a name the letter font cannot print asks for a spelling for letters and keeps the original', async ({ app }) => {
  const page = app.page;
  const intake = new IntakePage(page);
  await intake.fillParty('本人', { 氏名: '王 伟', フリガナ: 'ワン ウェイ', 住所: '東京都港区芝公園4-2-8 伟ビル' });
  // The warning names the fields and tells the character by its code point (this PC's font may
  // not draw it either).
  const warning = page.getByTestId('glyph-warning');
  await expect(warning).toContainText('本人の氏名・住所に回答書の書体にない文字があるため');
  await expect(warning).toContainText('氏名の「伟」: 文字コード U+4F1F（漢字（JISにない字。簡体字など））');
  await expect(warning).toContainText('住所の「伟」: 文字コード U+4F1F');
  await intake.chooseKind('利用目的の通知');
  await intake.addDocument({ type: 'パスポート', expires: '2031/3/31' });
  await intake.nameAddress('一致');
  const letterName = intake.field('回答書用の氏名');
  const letterAddress = intake.field('回答書用の住所');
  // The form says so as soon as the field is left empty, before main is asked…
  await letterAddress.fill('仮');
  await letterAddress.fill('');
  await expect(
    page.getByText('本人の住所に回答書の書体にない文字があるため、回答書用の住所を入力してください。'),
  ).toBeVisible();
  // … and on saving both spellings are required: refused beside their fields, nothing registered.
  await intake.submit();
  await expect(
    page.getByText('本人の氏名に回答書の書体にない文字があるため、回答書用の氏名を入力してください。'),
  ).toBeVisible();
  await expect(
    page.getByText('本人の住所に回答書の書体にない文字があるため、回答書用の住所を入力してください。'),
  ).toBeVisible();
  await expect(letterName).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('receipt-no')).toHaveCount(0);
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    await warning.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`glyph-warning-${size.width}.png`) });
  }
  await letterName.fill('王 偉');
  await letterAddress.fill('東京都港区芝公園4-2-8 偉ビル');
  await expect(letterAddress).not.toHaveAttribute('aria-invalid', 'true');
  await intake.submit();
  await expect(page.getByTestId('receipt-no')).toBeVisible();
  // The request keeps the name as written, and the spelling for letters beside it.
  const requester = page.getByRole('region', { name: '請求者' });
  await expect(requester).toContainText('王 伟（ワン ウェイ）');
  await expect(requester).toContainText('王 偉／東京都港区芝公園4-2-8 偉ビル');
});

test('a FAX taken as 仮受付 gets its 到達日 when the originals arrive', async ({ app }) => {
  const intake = new IntakePage(app.page);
  await intake.select('受付方法', 'FAX');
  await app.page.getByLabel('仮受付（原本の到着待ち）').check();
  await intake.fillParty('本人', {
    氏名: '高橋 健太',
    フリガナ: 'タカハシ ケンタ',
    住所: '福岡県福岡市中央区天神1-1-1',
  });
  await intake.chooseKind('訂正');
  await intake.field('訂正・追加・削除の内容').fill('住所を福岡県福岡市中央区天神1-1-1に訂正');
  await intake.addDocument({ type: 'パスポート', expires: '2031/3/31' });
  await intake.nameAddress('一致');
  await intake.submit();
  await expect(app.page.getByText(/FAX・.*到達（仮受付）/)).toBeVisible();
  // The FAX copy is checked, but 調査 waits for the originals.
  await app.page.getByRole('button', { name: '確認を開始' }).click();
  await expect(app.page.getByTestId('current-step')).toHaveText('現在の段階: 確認中');
  await expect(app.page.getByRole('button', { name: '調査を開始' })).toBeDisabled();
  await expect(app.page.getByTestId('missing')).toContainText('原本が到着していません（FAXによる仮受付）');
  await intake.field('原本の到着日').fill(today);
  await app.page.getByRole('button', { name: '原本の到着を記録' }).click();
  await expect(app.page.getByText(new RegExp(`FAX・${today} 到達（FAX受信 ${today}）・本人・訂正`))).toBeVisible();
  await expect(app.page.getByRole('button', { name: '原本の到着を記録' })).toHaveCount(0);
  await expect(app.page.getByRole('button', { name: '調査を開始' })).toBeEnabled();
  await expect(
    app.page.getByRole('table', { name: '処理の記録' }).getByRole('row', { name: /原本の到着/ }),
  ).toContainText(`FAXの受信日 ${today}、原本の到着日 ${today}`);
});

test('scanned PDF and fax TIFF enclosures are previewed in the window', async ({ app }) => {
  const intake = new IntakePage(app.page);
  await intake.fillParty('本人', {
    氏名: '中村 陽子',
    フリガナ: 'ナカムラ ヨウコ',
    住所: '北海道札幌市中央区北1条西2丁目',
  });
  await intake.chooseKind('利用停止');
  await app.page.getByRole('checkbox', { name: '目的外利用（第18条違反）' }).check();
  await intake.addDocument({ type: 'パスポート', expires: '2031/3/31' });
  await intake.nameAddress('一致');
  await intake.submit();
  await expect(app.page.getByTestId('receipt-no')).toBeVisible();

  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-scan-'));
  const pdf = await PDFDocument.create();
  pdf.addPage([300, 200]).drawRectangle({ x: 20, y: 20, width: 100, height: 60, color: rgb(0.2, 0.2, 0.2) });
  pdf.addPage([300, 200]);
  writeFileSync(join(dir, 'form.pdf'), await pdf.save());
  const rgba = new Uint8Array(16 * 8 * 4).fill(255);
  writeFileSync(join(dir, 'fax.tif'), Buffer.from(UTIF.encodeImage(rgba, 16, 8)));

  await app.nextOpenFile(join(dir, 'form.pdf'));
  await app.page.getByRole('button', { name: 'ファイルを取り込む…' }).click();
  await app.page
    .getByRole('row', { name: /請求書/ })
    .getByRole('button', { name: '表示' })
    .click();
  await expect(app.page.getByRole('img', { name: '請求書のスキャン画像 2ページ目' })).toBeVisible();
  await app.page.getByRole('button', { name: '閉じる' }).click();

  await app.page.getByLabel('書類の種類').selectOption({ label: 'その他' });
  await app.nextOpenFile(join(dir, 'fax.tif'));
  await app.page.getByRole('button', { name: 'ファイルを取り込む…' }).click();
  const row = app.page.getByRole('row', { name: /その他/ });
  await expect(row).toContainText('image/tiff');
  await row.getByRole('button', { name: '表示' }).click();
  const page1 = app.page.getByRole('img', { name: 'その他のスキャン画像 1ページ目' });
  await expect(page1).toBeVisible();
  expect(await page1.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([16, 8]);
});

test('Enter moves on from the last fee field without ever pressing a delete button', async ({ app }) => {
  const page = app.page;
  const intake = new IntakePage(page);
  await intake.chooseKind('開示');
  await intake.addPayment({ amount: '1000', received: '2026/11/20', issued: '2026/11/01' });
  const row = page.getByTestId('payment').last();
  await intake.field('小為替の発行日', row).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('button[data-destructive]:focus')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payment')).toHaveCount(1);
  await expect(intake.field('金額（円）', row)).toHaveValue('1000');
});

test('a deleted payment or document comes back with 元に戻す, as it was typed', async ({ app }) => {
  const page = app.page;
  const intake = new IntakePage(page);
  await intake.chooseKind('開示');
  await intake.addDocument({ type: 'パスポート', expires: '2031/3/31' });
  await intake.addPayment({ amount: '1000', received: '2026/11/20', issued: '2026/11/01' });
  await page.getByTestId('payment').getByRole('button', { name: '削除' }).click();
  await expect(page.getByTestId('payment')).toHaveCount(0);
  await page
    .getByRole('status')
    .filter({ hasText: '手数料の受領（1件目）を削除しました。' })
    .getByRole('button', { name: '元に戻す' })
    .click();
  await expect(page.getByTestId('payment')).toHaveCount(1);
  await expect(intake.field('小為替の発行日', page.getByTestId('payment'))).toHaveValue('2026/11/01');

  await intake.document(0).getByRole('button', { name: 'この書類を削除' }).click();
  await expect(page.getByTestId('identity-document')).toHaveCount(0);
  await page
    .getByRole('status')
    .filter({ hasText: '確認書類（パスポート）を削除しました。' })
    .getByRole('button', { name: '元に戻す' })
    .click();
  await expect(intake.field('有効期限', intake.document(0))).toHaveValue('2031/03/31');
  await expect(intake.field('書類の種類', intake.document(0))).toHaveValue('passport');
});

test('a postal code fills the address, never over what staff typed; a shared code offers its places', async ({
  app,
}) => {
  const page = app.page;
  const intake = new IntakePage(page);
  const principal = page.getByRole('group', { name: '本人の情報' });
  await intake.field('郵便番号', principal).fill('〒１５０－０００１');
  await expect(intake.field('住所', principal)).toHaveValue('東京都渋谷区神宮前');
  await intake.field('住所', principal).fill('東京都渋谷区神宮前1-2-3');
  await intake.field('郵便番号', principal).fill('100-0001');
  await expect(page.getByTestId('postal-unknown')).toHaveCount(0);
  await expect(intake.field('住所', principal)).toHaveValue('東京都渋谷区神宮前1-2-3');

  await intake.field('住所', principal).fill('');
  await intake.field('郵便番号', principal).fill('498-0000');
  const places = page.getByRole('group', { name: '郵便番号に該当する住所' });
  await places.getByRole('button', { name: '三重県桑名郡木曽岬町' }).click();
  await expect(intake.field('住所', principal)).toHaveValue('三重県桑名郡木曽岬町');
  await intake.field('郵便番号', principal).fill('999-9999');
  await expect(page.getByTestId('postal-unknown')).toContainText('該当する住所が見つかりません');
});

test('the error bar goes once the last red field is fixed', async ({ app }) => {
  const page = app.page;
  const intake = new IntakePage(page);
  await intake.chooseKind('開示');
  await intake.submit();
  const bar = page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' });
  await expect(bar).toBeVisible();
  await intake.fillParty('本人', { 氏名: '山田 太郎', フリガナ: 'ヤマダ タロウ', 住所: '東京都千代田区千代田1-1' });
  await expect(bar).toBeHidden();
  await expect(page.getByTestId('receipt-no')).toHaveCount(0);
});

test('a My Number card whose back side came too: the to-do clears once the disposal date is recorded', async ({
  app,
}) => {
  const intake = new IntakePage(app.page);
  await intake.fillParty('本人', {
    氏名: '山田 花子',
    フリガナ: 'ヤマダ ハナコ',
    生年月日: '1985/5/5',
    住所: '東京都千代田区千代田1-1',
  });
  await intake.chooseKind('開示');
  const card = await intake.addDocument({ type: 'マイナンバーカード（表面）', expires: '2031/1/1' });
  await intake.nameAddress('一致');
  await intake.addPayment({ amount: '1000', received: today, issued: today });
  const todos = intake.checkPanel.getByRole('list', { name: '確認作業' });
  await expect(intake.checkPanel.getByTestId('identity-status')).toHaveText('確認済');
  // No date field until the back side is ticked.
  await expect(intake.field('個人番号を廃棄・マスキングした日', card)).toHaveCount(0);
  await card.getByLabel('裏面（個人番号）の写しも届いた').check();
  await expect(todos).toContainText('裏面（個人番号）の写しを廃棄またはマスキングし、その日付を記録してください。');
  await expect(intake.checkPanel.getByTestId('identity-status')).not.toHaveText('確認済');
  await intake.field('個人番号を廃棄・マスキングした日', card).fill(today);
  await intake.field('個人番号を廃棄・マスキングした日', card).blur();
  await expect(todos).toHaveCount(0);
  await expect(intake.checkPanel.getByTestId('identity-status')).toHaveText('確認済');
  await intake.submit();
  await expect(app.page.getByTestId('identity-status')).toHaveText('確認済');
});

test('a 開示 + 訂正 request with stamps sent for the 訂正: 訂正 not blocked, 500円 to return and recorded', async ({
  app,
}) => {
  const intake = new IntakePage(app.page);
  await intake.fillParty('本人', { 氏名: '森 直樹', フリガナ: 'モリ ナオキ', 住所: '愛知県名古屋市中区栄1-1-1' });
  await intake.chooseKind('開示');
  await intake.chooseKind('訂正');
  await intake.field('訂正・追加・削除の内容').fill('電話番号を052-000-0000に訂正');
  await intake.addDocument({ type: 'パスポート', expires: '2031/3/31' });
  await intake.nameAddress('一致');
  await intake.addPayment({ amount: '1000', received: today, issued: '令和8年10月1日', forKind: '開示' });
  await intake.addPayment({ amount: '500', received: today, means: '郵便切手', forKind: '訂正' });
  await expect(intake.checkPanel.getByTestId('fee-status')).toHaveText('充足');
  await expect(intake.checkPanel).toContainText('「訂正」分としてお送りいただいた500円は返還してください。');
  await intake.submit();

  await expect(app.page.getByTestId('receipt-no')).toBeVisible();
  await expect(app.page.getByTestId('fee-status')).toHaveText('充足');
  await expect(app.page.getByTestId('fee-to-return')).toHaveText('返還すべき額: 500円');
  await app.page.getByRole('button', { name: '確認を開始' }).click();
  await expect(app.page.getByTestId('current-step')).toHaveText('現在の段階: 確認中');
  await expect(app.page.getByRole('button', { name: '調査を開始' })).toBeEnabled();
  const record = app.page.getByRole('group', { name: '手数料の返還の記録' });
  await record.getByLabel('返還の方法').selectOption({ label: '現金書留で返還' });
  await record.getByRole('button', { name: '返還を記録する' }).click();
  await expect(app.page.getByTestId('fee-return')).toHaveText(`500円を現金書留で返還しました（${today}）。`);
  await expect(app.page.getByRole('group', { name: '手数料の返還の記録' })).toHaveCount(0);
});

test('a 保佐人 is a 法定代理人 only with a 代理権 granted; the certificate is the 本人’s by default', async ({
  app,
}) => {
  const intake = new IntakePage(app.page);
  await intake.select('請求者の種別', '法定代理人（成年後見人）');
  await intake.fillParty('本人', { 氏名: '小林 正', フリガナ: 'コバヤシ タダシ', 住所: '京都府京都市中京区1-1' });
  await intake.fillParty('代理人', { 氏名: '小林 誠', フリガナ: 'コバヤシ マコト', 住所: '京都府京都市中京区1-1' });
  await intake.chooseKind('開示');
  await intake.addDocument({ type: '運転免許証', holder: '代理人', expires: '2030/1/1' });
  const registry = await intake.addDocument({ type: '登記事項証明書', issued: today, original: true });
  await expect(intake.field('誰の書類か', registry)).toHaveValue('principal');
  await intake.nameAddress('一致');
  await expect(intake.checkPanel.getByTestId('identity-status')).toHaveText('確認済');
  await intake.select('登記されている類型', '保佐（保佐人）', registry);
  await expect(intake.checkPanel.getByTestId('identity-status')).toHaveText('不備');
  await expect(intake.checkPanel).toContainText('代理人の方は保佐人であり、代理権の付与の記載がないため');
  await registry.getByLabel('代理権付与の記載あり').check();
  await expect(intake.checkPanel.getByTestId('identity-status')).toHaveText('確認済');
});

test('a company that charges 利用目的の通知 its own 500円 sees that fee at intake', async ({ app }) => {
  const shell = new ShellPage(app.page);
  await shell.open('設定');
  await app.page.getByRole('tab', { name: '受付・手数料' }).click();
  const own = app.page.getByRole('group', { name: '請求の種類ごとの手数料' });
  await own.getByLabel('利用目的の通知の手数料（円）').fill('500');
  await app.page.getByRole('button', { name: '保存する' }).click();
  await expect(app.page.getByText('保存しました。')).toBeVisible();
  await shell.open('新規受付');
  const intake = new IntakePage(app.page);
  await intake.chooseKind('利用目的の通知');
  await expect(intake.checkPanel).toContainText('必要額 500円');
  await intake.chooseKind('開示');
  await expect(intake.checkPanel).toContainText('必要額 1,000円');
});

test('where FAX is only 仮受付 by the company’s procedure, a FAX request starts as one', async ({ app }) => {
  const shell = new ShellPage(app.page);
  const intake = new IntakePage(app.page);
  await intake.select('受付方法', 'FAX');
  await expect(app.page.getByLabel('仮受付（原本の到着待ち）')).not.toBeChecked();
  await shell.open('設定');
  await app.page.getByRole('tab', { name: '受付・手数料' }).click();
  await app.page.getByLabel('FAX は仮受付として扱う（原本が届くまで調査を始めません）').check();
  await app.page.getByRole('button', { name: '保存する' }).click();
  await expect(app.page.getByText('保存しました。')).toBeVisible();
  await shell.open('新規受付');
  await intake.select('受付方法', '郵送');
  await intake.select('受付方法', 'FAX');
  await expect(app.page.getByLabel('仮受付（原本の到着待ち）')).toBeChecked();
});

test('a company that confirms e-mail requests by the registered details needs no ID copy for them', async ({ app }) => {
  const page = app.page;
  await new ShellPage(page).open('設定');
  await page.getByRole('tab', { name: '受付・手数料' }).click();
  const byMatch = page.getByRole('group', { name: /ご登録情報との照合で確認する請求の方法/ });
  await byMatch.getByRole('checkbox', { name: 'メール' }).check();
  const fields = page.getByRole('group', { name: /照合する項目/ });
  await fields.getByRole('checkbox', { name: '氏名' }).check();
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('alert')).toContainText('照合する項目を2つ以上選択してください。');
  await fields.getByRole('checkbox', { name: 'メールアドレス' }).check();
  await fields.getByRole('checkbox', { name: '生年月日' }).check();
  await page
    .getByRole('group', { name: /受け付ける請求の方法/ })
    .getByRole('checkbox', { name: 'Webフォーム' })
    .uncheck();
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText(/^保存しました。/)).toBeVisible();

  await new ShellPage(page).open('新規受付');
  const intake = new IntakePage(page);
  await intake.select('受付方法', 'メール');
  await intake.fillParty('本人', {
    氏名: '山田 三郎',
    フリガナ: 'ヤマダ サブロウ',
    生年月日: '1990/3/3',
    住所: '東京都千代田区千代田1-1',
  });
  await intake.chooseKind('利用目的の通知');
  const match = page.getByRole('group', { name: 'ご登録情報との照合' });
  await match.getByRole('radiogroup', { name: '氏名の照合' }).getByRole('radio', { name: '一致', exact: true }).check();
  await expect(intake.checkPanel).toContainText(
    'ご登録情報との照合（メールアドレス、生年月日）の結果を記録してください。',
  );
  await match
    .getByRole('radiogroup', { name: 'メールアドレスの照合' })
    .getByRole('radio', { name: '一致', exact: true })
    .check();
  await match
    .getByRole('radiogroup', { name: '生年月日の照合' })
    .getByRole('radio', { name: '一致', exact: true })
    .check();
  await expect(intake.checkPanel.getByTestId('identity-status')).toHaveText('確認済');

  // A web form request is not taken: the check says which channels are.
  await intake.select('受付方法', 'Webフォーム');
  await expect(intake.checkPanel).toContainText('当社ではWebフォームによるご請求はお受けしておりません。');
  await intake.select('受付方法', 'メール');
  await intake.submit();
  await expect(page.getByTestId('receipt-no')).toBeVisible();
  await expect(page.getByTestId('identity-status')).toHaveText('確認済');
});
