import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFilter } from '../../core/contract';
import { addDays, formatJapaneseDate, japanToday } from '../../core/domain/dates';
import { withWeekday } from '../../core/domain/deadlines';
import { expect, test } from '../fixtures/app';
import { ADMIN, APPROVER } from '../fixtures/vault';
import { IntakePage } from '../pages/IntakePage';
import { LoginPage } from '../pages/LoginPage';
import { RequestPage } from '../pages/RequestPage';
import { ShellPage } from '../pages/ShellPage';
import { openFromList, registerDisclosure, relogin, today } from '../pages/flows';

test.use({ prepared: true });

test('a 本人 開示 request goes from intake to 完了 with a 補正 on the way', async ({ app }, info) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  const receiptNo = await registerDisclosure(page, '2020/1/1');
  const r = new RequestPage(page);
  // In every state the next step is in view on arrival, at both office screen sizes.
  const shot = (state: string) => (width: number) => info.outputPath(`request-${state}-${width}.png`);
  await expect(r.step).toContainText('受付');
  await expect(r.primary).toHaveText('確認を開始');
  await r.expectNextStepInView(r.primary, shot('received'));

  // What was asked is shown as it was entered, each group with its 修正.
  await expect(r.contents.getByTestId('contents-requester')).toContainText('山田 太郎（ヤマダ タロウ）');
  await expect(r.contents.getByTestId('contents-requester')).toContainText('東京都千代田区千代田1-1');
  await expect(r.contents.getByTestId('contents-items')).toContainText('開示（法第33条第1項）');
  await expect(r.contents.getByTestId('contents-items')).toContainText('書面の交付');
  await expect(r.contents.getByTestId('contents-identity')).toContainText('1. 運転免許証');
  await expect(r.contents.getByTestId('contents-identity')).toContainText('有効期限 2020/01/01');
  await expect(r.contents.getByTestId('contents-fee')).toContainText(/定額小為替.*1,000円/);
  await r.shoot(r.contents, shot('contents'));

  await r.act('確認を開始');
  await expect(r.step).toContainText('確認中');
  await expect(r.primary).toHaveText('調査を開始');
  await r.expectNextStepInView(r.primary, shot('checking'));
  // What is missing is said, and the investigation cannot start.
  await expect(r.missing).toContainText('本人確認・代理人確認が完了していません。');
  await expect(r.action('調査を開始')).toBeDisabled();

  // 補正: the defects from the checklist are proposed; the SLA stops.
  await r.act('補正を依頼');
  const cure = page.getByRole('group', { name: '補正の依頼' });
  await expect(cure.getByRole('checkbox').first()).toBeChecked();
  await cure.getByRole('button', { name: '補正を依頼する' }).click();
  await expect(r.step).toContainText('補正待ち');
  await expect(page.getByTestId('deadline-dates')).toContainText('社内期限: 補正待ちのため停止中');
  await expect(r.primary).toHaveText('補正の到着を記録');
  await r.expectNextStepInView(r.primary, shot('awaitingCure'));

  // The cure arrives: its day is recorded and the new licence copy added to the record, through
  // the 修正 beside the documents, which opens the intake form at them.
  await r.act('補正の到着を記録');
  await page.getByRole('group', { name: '補正の到着' }).getByRole('button', { name: '到着を記録する' }).click();
  await expect(r.step).toContainText('確認中');
  await r.edit('本人確認・代理人確認の書類').click();
  const intake = new IntakePage(page);
  await expect(page.getByRole('heading', { name: '4. 本人確認・代理人確認' })).toBeInViewport();
  await expect(intake.field('書類の種類', intake.document(0))).toBeFocused();
  const expiry = intake.field('有効期限', intake.document(0));
  await expiry.fill('2031/1/1');
  await expiry.blur();
  await expect(intake.checkPanel.getByTestId('identity-status')).toHaveText('確認済');
  await page.getByRole('button', { name: '修正を保存する' }).click();
  await expect(page.getByTestId('identity-status')).toHaveText('確認済');
  // Back on the request, at the documents just corrected.
  await expect(r.contents.getByTestId('contents-identity')).toContainText('有効期限 2031/01/01');
  await expect(r.contents.getByTestId('contents-identity')).toBeInViewport();

  await r.act('調査を開始');
  await expect(r.step).toContainText('調査中');
  await r.expectNextStepInView(r.primary, shot('investigating'));
  // Intake data is fixed once the investigation has started: no 修正.
  await expect(r.contents.getByRole('button', { name: /を修正$/ })).toHaveCount(0);
  await r.act('決定の起案を開始');
  const decision = r.decision('開示');
  await decision.getByLabel(/^開示する保有個人データ/).fill('氏名、住所、購入履歴');
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision.getByText('保存済み')).toBeVisible();
  await r.act('決裁に回す');
  await expect(r.step).toContainText('決裁待ち');

  // The drafter cannot approve their own decision: the button is disabled with the reason.
  await expect(r.action('承認する')).toBeDisabled();
  await expect(r.missing).toContainText('起案者本人は承認できません');
  // Nor can its letter be finalized before the approval: the button says why it is disabled.
  const decisionLetter = page
    .getByRole('table', { name: '作成できる書類' })
    .getByRole('row', { name: /開示決定通知書/ });
  await expect(decisionLetter.getByRole('button', { name: '確定する' })).toBeDisabled();
  await expect(decisionLetter).toContainText('決定が承認（決裁）されていないため確定できません');

  // Another approver approves.
  await relogin(page, APPROVER);
  const board = page.getByTestId('dashboard-awaitingMyApproval');
  await expect(board).toContainText(receiptNo);
  await board.getByRole('button', { name: receiptNo }).click();
  await expect(r.primary).toHaveText('承認する');
  await expect(r.primary).toBeEnabled();
  await r.expectNextStepInView(r.primary, shot('awaitingApproval'));
  await r.act('承認する');
  await expect(r.step).toContainText('回答準備');

  // The decision letter is finalized and printed from the dashboard, with the others ready today.
  await new ShellPage(page).open('ダッシュボード');
  const batch = page.getByTestId('batch-letters');
  await expect(batch).toContainText(`${receiptNo} 開示決定通知書`);
  await page.evaluate(() => {
    window.print = () => {
      (window as unknown as { printedPages: number }).printedPages =
        document.querySelectorAll('.letter-print img').length;
    };
  });
  await batch.getByRole('button', { name: 'まとめて確定して印刷…' }).click();
  await expect(batch).toContainText('1通を確定し、印刷しました。');
  expect(await page.evaluate(() => (window as unknown as { printedPages: number }).printedPages)).toBeGreaterThan(0);
  await openFromList(page, receiptNo);

  // Issued again only as a 再発行 with a reason, under a new number that the letter states.
  const approvedLetter = page
    .getByRole('table', { name: '作成できる書類' })
    .getByRole('row', { name: /開示決定通知書/ });
  await approvedLetter.getByRole('button', { name: '再発行…' }).click();
  const reissue = approvedLetter.getByRole('button', { name: '新しい文書番号で再発行する' });
  await expect(reissue).toBeDisabled();
  await approvedLetter.getByLabel('再発行の理由').fill('郵便事故により不着のため');
  await reissue.click();
  await expect(page.getByText(/文書番号「個保第\d+号」で再発行しました/)).toBeVisible();
  await expect(page.getByRole('table', { name: '確定した書類' }).getByRole('row')).toHaveCount(3);

  // Dispatch: a registered letter needs its tracking number.
  await expect(r.action('発送済にする')).toBeDisabled();
  const dispatch = page.getByRole('group', { name: '発送の記録' });
  await expect(dispatch.getByLabel('送付した書類')).toHaveValue(/^開示決定通知書（個保第\d+号）$/);
  await dispatch.getByRole('button', { name: '発送を記録する' }).click();
  await expect(dispatch).toContainText('書留・本人限定受取郵便の追跡番号を入力してください。');
  await dispatch.getByLabel('追跡番号').fill('1234-5678-9012');
  await dispatch.getByRole('button', { name: '発送を記録する' }).click();
  await expect(page.getByRole('table', { name: '発送の記録' })).toContainText('1234-5678-9012');
  // The letter sent is picked from the finalized ones, the newest (the 再発行) first.
  await expect(page.getByRole('table', { name: '発送の記録' })).toContainText(/開示決定通知書（個保第\d+号）/);
  await r.act('発送済にする');
  await expect(r.step).toContainText('発送済');

  // Completion records what happened to the ID copy.
  await expect(r.action('完了にする')).toBeDisabled();
  await page
    .getByRole('group', { name: '本人確認書類の写しの処理' })
    .getByRole('button', { name: '処理を記録する' })
    .click();
  await expect(page.getByTestId('disposal')).toContainText('廃棄');
  await r.act('完了にする');
  await expect(r.step).toContainText('完了');
  // A completed request shows the day it was completed, not a 回答期限; nothing is left to do.
  await expect(r.deadline).toHaveText(`完了日: ${withWeekday(japanToday(new Date()))}`);
  await expect(page.getByRole('main')).not.toContainText('回答期限');
  await expect(r.actions).toHaveCount(0);
  await r.expectNextStepInView(r.deadline, shot('completed'));
  const history = page.getByRole('table', { name: '処理の記録' });
  await expect(history.getByRole('row').nth(1)).toContainText('受付');
  for (const label of [
    '補正を依頼',
    '補正の到着を記録',
    '受付内容の修正',
    '決定の起案',
    '承認する',
    '発送の記録',
    '完了にする',
  ]) {
    await expect(history).toContainText(label);
  }
  await expect(history).toContainText(APPROVER.displayName);

  // A completed request leaves the dashboard's lists of work to do.
  await new ShellPage(page).open('ダッシュボード');
  await expect(page.getByTestId('dashboard-today')).toBeVisible();
  await expect(page.locator('main')).not.toContainText(receiptNo);
});

test('a drafter cannot approve their own decision through IPC either', async ({ app }) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  const receiptNo = await registerDisclosure(page, '2031/1/1');
  const r = new RequestPage(page);
  await r.act('確認を開始');
  await r.act('調査を開始');
  await r.act('決定の起案を開始');
  const decision = r.decision('開示');
  await decision.getByLabel(/^開示する保有個人データ/).fill('氏名、住所');
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision.getByText('保存済み')).toBeVisible();
  await r.act('決裁に回す');
  await expect(r.action('承認する')).toBeDisabled();

  // Calling main directly, as a tampered renderer would, is refused in main.
  const result = await page.evaluate(
    async (filter) => {
      const found = await window.madoguchi['requests.list'](filter);
      if (!found.ok) return found;
      const id = found.data.rows[0]?.id ?? '';
      return window.madoguchi['requests.transition']({ id, action: 'approve', comment: '' });
    },
    listFilter({ statuses: ['awaitingApproval'], limit: 1 }),
  );
  expect(result).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: '起案者本人は承認できません（別の承認者による決裁が必要です）。' },
  });
  await openFromList(page, receiptNo);
  await expect(r.step).toContainText('決裁待ち');
});

test('a refusal without a legal ground and a reason cannot be saved', async ({ app }) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  await registerDisclosure(page, '2031/1/1');
  const r = new RequestPage(page);
  await r.act('確認を開始');
  await r.act('調査を開始');
  await r.act('決定の起案を開始');
  const decision = r.decision('開示');
  await decision.getByLabel(/^決定/).selectOption({ label: '不開示' });
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision).toContainText('応じない部分がある決定には、法令上の根拠を選択してください。');
  await expect(decision).toContainText('応じない理由（本人に通知する文章）を入力してください（法第36条）。');
  await expect(decision.getByText('保存済み')).toHaveCount(0);
  await expect(r.action('決裁に回す')).toBeDisabled();
  await expect(r.missing).toContainText('すべての請求の種類について決定を入力してください。');

  // With a ground and a standard sentence (then edited) it is saved.
  await decision.getByLabel(/^第33条第2項第2号/).check();
  await decision.getByLabel('定型文から挿入').selectOption({ label: '業務の適正な実施への支障' });
  const reason = decision.getByLabel(/^理由（本人への通知に記載する文章）/);
  await expect(reason).toHaveValue(/業務の適正な実施に著しい支障/);
  await reason.fill(`${await reason.inputValue()}（審査基準に関する情報）`);
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision.getByText('保存済み')).toBeVisible();

  // The letter's draft is made from the saved decision: while the decision on the screen differs,
  // 「下書きを表示」 is greyed with the reason beside it, and a draft already shown says it is of
  // the saved decision. Saving makes them match again.
  const letter = page
    .getByRole('table', { name: '作成できる書類' })
    .getByRole('row', { name: /開示しない旨の決定通知書/ });
  const draft = letter.getByRole('button', { name: '下書きを表示' });
  await draft.click();
  await expect(page.getByText('下書き: 開示しない旨の決定通知書')).toBeVisible();
  await expect(page.getByTestId('draft-stale')).toHaveCount(0);
  await reason.fill(`${await reason.inputValue()}（補足）`);
  await expect(draft).toBeDisabled();
  await expect(letter.getByTestId('why-disabled')).toHaveText(
    '決定に保存していない変更があります。「決定を保存」を押すと、その内容で下書きを表示できます。',
  );
  await expect(draft).toHaveAccessibleDescription(/決定に保存していない変更があります/);
  await expect(page.getByTestId('draft-stale')).toContainText('この下書きは保存済みの決定の内容です。');
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    await letter.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`draft-unsaved-${size.width}.png`) });
  }
  // The 受付のお知らせ carries no decision and stays offered.
  await expect(
    page.getByRole('row', { name: /受付のお知らせ/ }).getByRole('button', { name: '下書きを表示' }),
  ).toBeEnabled();
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision.getByText('保存済み')).toBeVisible();
  await expect(draft).toBeEnabled();
  await expect(page.getByTestId('draft-stale')).toHaveCount(0);

  // Privacy mode masks names in lists, for screens others can see.
  await new ShellPage(page).open('請求一覧');
  const name = page.getByTestId('principal-name').first();
  await expect(name).toContainText('山田 太郎');
  await page.getByRole('switch', { name: 'プライバシーモード（氏名・住所を隠す）' }).click();
  await expect(name).toHaveText('山＊ ＊＊');
  // … and on the request page, kana included.
  await page.getByTestId('principal-name').first().locator('xpath=ancestor::tr').getByRole('button').first().click();
  await expect(page.getByTestId('contents-requester')).toContainText('山＊ ＊＊');
  await expect(page.getByTestId('contents-requester')).toContainText(
    '住所・連絡先プライバシーモードのため表示していません',
  );
  // … in the page title, and nowhere on the page in full; a letter's draft, which prints the
  // name and address, stays hidden until privacy mode is switched off.
  await expect(new ShellPage(page).title).toContainText('山＊ ＊＊ 様');
  await page.getByRole('button', { name: '下書きを表示' }).first().click();
  await expect(page.getByTestId('privacy-hidden')).toContainText(
    'プライバシーモードのため、回答書の内容は表示していません。',
  );
  await expect(page.getByRole('main')).not.toContainText('山田');
  await expect(page.getByRole('main')).not.toContainText('ヤマダ');
  await expect(page.getByRole('main')).not.toContainText('千代田');
  await expect(page.getByRole('main')).not.toContainText('1980/04/01');
  await page.getByRole('switch', { name: 'プライバシーモード（氏名・住所を隠す）' }).click();
  await expect(page.getByTestId('privacy-hidden')).toHaveCount(0);
  await expect(page.locator('canvas[aria-label$=" 1ページ目"]')).toBeVisible();
});

test('a suspected impersonation is recorded with a note, listed on the dashboard, and cleared', async ({ app }) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  const receiptNo = await registerDisclosure(page, '2031/1/1');
  await page.getByRole('button', { name: 'なりすましの疑いを記録する…' }).click();
  const flag = page.getByRole('group', { name: 'なりすましの疑いの記録' });
  await flag.getByLabel(/^疑いの内容/).fill('免許証の住所と会員登録の住所が異なる');
  await flag.getByRole('button', { name: '疑いを記録する' }).click();
  await expect(page.getByTestId('suspicion')).toContainText('なりすましの疑いがあります');
  await expect(page.getByTestId('suspicion')).toContainText('免許証の住所と会員登録の住所が異なる');

  await new ShellPage(page).open('ダッシュボード');
  const list = page.getByTestId('dashboard-suspected');
  await expect(list).toContainText(receiptNo);
  await list.getByRole('button', { name: receiptNo }).click();
  await page.getByRole('button', { name: '疑いを解除する…' }).click();
  const clear = page.getByRole('group', { name: 'なりすましの疑いの解除' });
  await clear.getByLabel(/^解除の理由/).fill('登録電話番号に折り返し、転居を確認した');
  await clear.getByRole('button', { name: '疑いを解除する' }).click();
  await expect(page.getByTestId('suspicion')).toHaveCount(0);
  await expect(page.getByRole('table', { name: '処理の記録' })).toContainText('なりすましの疑いを解除');
  await new ShellPage(page).open('ダッシュボード');
  await expect(page.getByTestId('dashboard-overdue')).toBeVisible();
  await expect(page.getByTestId('dashboard-suspected')).toHaveCount(0);
});

test('a 不存在 decision goes to approval only with a search that found nothing', async ({ app }) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  await registerDisclosure(page, '2031/1/1');
  const r = new RequestPage(page);
  await r.act('確認を開始');
  await r.act('調査を開始');
  await r.act('決定の起案を開始');
  const decision = r.decision('開示');
  await decision.getByLabel(/^決定/).selectOption({ label: '不存在' });
  await decision.getByLabel(/^第33条第3項/).check();
  await decision.getByLabel(/^理由（本人への通知に記載する文章）/).fill('該当する記録はありませんでした。');
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision.getByText('保存済み')).toBeVisible();
  await expect(r.action('決裁に回す')).toBeDisabled();
  await expect(r.missing).toContainText('不存在の決定には、探索の記録');
  const searches = page.getByRole('region', { name: '探索の記録' });
  await expect(searches.getByTestId('search-missing')).toBeVisible();

  const add = searches.getByRole('group', { name: '探索の追加' });
  await add.getByLabel(/^探索したシステム・台帳/).fill('顧客管理システム');
  await add.getByLabel(/^検索に用いた事項/).fill('氏名（カナ）、電話番号');
  await add.getByRole('button', { name: '探索を記録する' }).click();
  await expect(searches.getByTestId('searches')).toContainText('顧客管理システム');
  await expect(searches.getByTestId('searches')).toContainText('該当なし');
  await expect(searches.getByTestId('search-missing')).toHaveCount(0);
  await expect(add.getByLabel(/^探索したシステム・台帳/)).toHaveValue('');
  await r.act('決裁に回す');
  await expect(r.step).toContainText('決裁待ち');
  // Fixed once it went to approval: no form, no delete.
  await expect(searches.getByRole('group', { name: '探索の追加' })).toHaveCount(0);
  await expect(searches.getByRole('button', { name: '削除…' })).toHaveCount(0);
});

test('a 消去 carried out is saved with its day, and the day is asked for', async ({ app }) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  await new ShellPage(page).open('新規受付');
  const intake = new IntakePage(page);
  await intake.fillParty('本人', {
    氏名: '山田 花子',
    フリガナ: 'ヤマダ ハナコ',
    生年月日: '1985/6/1',
    住所: '東京都千代田区千代田1-1',
  });
  await intake.chooseKind('消去');
  await page.getByRole('group', { name: '請求の理由' }).getByRole('checkbox').first().check();
  await intake.addDocument({ type: '運転免許証', expires: '2031/1/1' });
  await intake.nameAddress('一致');
  await intake.submit();
  await expect(page.getByTestId('receipt-no')).toBeVisible();
  const r = new RequestPage(page);
  await r.act('確認を開始');
  await r.act('調査を開始');
  const decision = r.decision('消去');
  await decision.getByLabel(/^決定/).selectOption({ label: '利用停止等を行う' });
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision).toContainText('利用停止等を実施した日を入力してください（通知に記載します）。');
  await decision.getByLabel(/^利用停止等を実施した日/).fill(today);
  await decision.getByLabel(/^委託先への指示/).fill('株式会社配送代行に消去を指示');
  await decision.getByLabel(/^再び取得・利用しないよう/).check();
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision.getByText('保存済み')).toBeVisible();
});

test('data held for a 委託元 are answered as not ours, naming its window, and the fee goes back', async ({ app }) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  await new ShellPage(page).open('設定');
  await page.getByRole('tab', { name: '期限・委託元' }).click();
  await page.getByRole('button', { name: '委託元を追加' }).click();
  const trustor = page.getByRole('group', { name: '委託元 1' });
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(trustor).toContainText('委託元の名称を入力してください。');
  await trustor.getByLabel(/^委託元の名称/).fill('株式会社見本通販');
  await trustor.getByLabel(/^委託元の窓口/).fill('株式会社見本通販 お客様窓口　電話 0120-111-222');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText(/^保存しました。/)).toBeVisible();

  const receiptNo = await registerDisclosure(page, '2031/1/1');
  await openFromList(page, receiptNo);
  const r = new RequestPage(page);
  await r.act('確認を開始');
  await r.act('調査を開始');
  const decision = r.decision('開示');
  await expect(page.getByTestId('fee-to-return')).toHaveCount(0);
  await decision.getByLabel(/^決定/).selectOption({ label: '当社の保有個人データに当たらない（委託元へご案内）' });
  await expect(decision.getByText('法令上の根拠')).toHaveCount(0);
  await decision.getByLabel('登録済みの委託元から選ぶ').selectOption({ label: '株式会社見本通販' });
  await expect(decision.getByLabel(/^委託元の窓口/)).toHaveValue('株式会社見本通販 お客様窓口　電話 0120-111-222');
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision.getByText('保存済み')).toBeVisible();
  await expect(page.getByTestId('fee-to-return')).toHaveText('返還すべき額: 1,000円');
});

test('a 開示 asked for by e-mail records how the data go out, and the password never by the same e-mail', async ({
  app,
}) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  const receiptNo = await registerDisclosure(page, '2031/1/1', '電磁的記録（電子メール）');
  await openFromList(page, receiptNo);
  const r = new RequestPage(page);
  await r.act('確認を開始');
  await r.act('調査を開始');
  const decision = r.decision('開示');
  await decision.getByLabel(/^開示する保有個人データ/).fill('会員情報、購入履歴');
  const electronic = decision.getByRole('group', { name: '電磁的記録による提供' });
  await expect(electronic).toContainText('ご請求の方法: 電子メールによる送付');
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(electronic).toContainText('電磁的記録による開示を請求されています');
  await electronic.getByLabel(/^ファイル形式/).selectOption({ label: 'CSV形式（UTF-8）' });
  await electronic.getByLabel(/^提供の経路/).selectOption({ label: '電子メールに添付して送付' });
  await electronic.getByLabel(/^パスワードのお知らせ方法/).selectOption({ label: '別の電子メール' });
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(electronic).toContainText('電子メール以外の経路');
  await electronic.getByLabel(/^パスワードのお知らせ方法/).selectOption({ label: '別送の書面（郵送）' });
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision.getByText('保存済み')).toBeVisible();
});

test('a 第三者提供記録の開示 is decided from a table of records; a record excluded by 施行令11条 is kept', async ({
  app,
}) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  const receiptNo = await registerDisclosure(page, '2031/1/1', undefined, '第三者提供記録の開示');
  const r = new RequestPage(page);
  await r.act('確認を開始');
  await r.act('調査を開始');
  const decision = r.decision('第三者提供記録の開示');
  const table = decision.getByRole('group', { name: '開示する第三者提供記録' });
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(table).toContainText('開示する第三者提供記録を1件以上入力してください');

  await table.getByRole('button', { name: '記録を追加' }).click();
  const first = table.getByRole('group', { name: '記録1' });
  await first.getByLabel(/^区分/).selectOption({ label: '提供を受けた記録（第30条）' });
  await first.getByLabel(/^提供元の氏名又は名称/).fill('見本名簿株式会社');
  await first.getByLabel(/^個人データの項目/).fill('氏名、住所');
  await first.getByLabel(/^根拠/).selectOption({ label: '第27条第2項（オプトアウト）' });
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(table).toContainText('記録1: オプトアウトによる提供は、年月日の記録が必要です');
  await expect(table).toContainText('記録1: 提供元による取得の経緯を入力してください');
  await first.getByLabel(/^年月日/).fill('2025/6/10');
  await first.getByLabel(/^相手方の住所・代表者/).fill('東京都千代田区見本町1-1 代表取締役 見本一郎');
  await first.getByLabel(/^提供元による取得の経緯/).fill('同社が公開情報から収集');
  // Received under opt-out: the statement that it is published (法27条4項, 規則24条1項) is required.
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(table).toContainText(
    '記録1: オプトアウトにより提供を受けた記録には、法第27条第4項の規定により公表されている旨',
  );
  await first.getByRole('checkbox', { name: /公表/ }).check();

  await table.getByRole('button', { name: '記録を追加' }).click();
  const second = table.getByRole('group', { name: '記録2' });
  await second.getByLabel(/^提供先の氏名又は名称/).fill('見本署');
  await second.getByLabel(/^個人データの項目/).fill('購入履歴');
  await second.getByLabel(/^施行令第11条による除外/).selectOption({ index: 4 });
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision.getByText('保存済み')).toBeVisible();

  // Stored: opened again from the list, the records read back as entered.
  await openFromList(page, receiptNo);
  const again = new RequestPage(page).decision('第三者提供記録の開示');
  await expect(again.getByRole('group', { name: '記録1' }).getByLabel(/^年月日/)).toHaveValue('2025/06/10');
  await expect(again.getByRole('group', { name: '記録2' }).getByLabel(/^施行令第11条による除外/)).toHaveValue('r11-4');
  await expect(again.getByText('保存済み')).toBeVisible();
});

test('a group 共同利用 set in the profile is marked on a decision', async ({ app }) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  await new ShellPage(page).open('設定');
  await page.getByRole('tab', { name: '組織情報' }).click();
  const joint = page.getByRole('group', { name: '共同利用' });
  await joint.getByRole('checkbox', { name: /共同利用している/ }).check();
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(joint).toContainText('共同して利用する者の範囲を入力してください。');
  await joint.getByLabel(/^共同して利用する者の範囲/).fill('見本グループ各社');
  await joint.getByRole('radio', { name: '他のグループ会社' }).check();
  await joint.getByLabel(/^管理責任者の名称/).fill('見本ホールディングス株式会社');
  await joint.getByLabel(/^管理責任者の住所・代表者/).fill('東京都千代田区丸の内1-1 代表取締役 見本一郎');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('組織情報を保存しました。')).toBeVisible();

  const receiptNo = await registerDisclosure(page, '2031/1/1');
  await openFromList(page, receiptNo);
  const r = new RequestPage(page);
  await r.act('確認を開始');
  await r.act('調査を開始');
  const decision = r.decision('開示');
  await decision.getByLabel(/^開示する保有個人データ/).fill('会員情報');
  await decision.getByRole('checkbox', { name: /グループで共同利用しているデータである/ }).check();
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision.getByText('保存済み')).toBeVisible();
});

test('the records found are attached from exported files and shown as a table; a mismatched file is refused', async ({
  app,
}) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  const receiptNo = await registerDisclosure(page, '2031/1/1');
  await openFromList(page, receiptNo);
  const r = new RequestPage(page);
  await r.act('確認を開始');
  await r.act('調査を開始');
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-records-'));
  const csv = join(dir, '会員情報.csv');
  writeFileSync(
    csv,
    `\uFEFF会員番号,氏名,電話番号\n${Array.from({ length: 250 }, (_, i) => `${i + 1},山田 太郎,03-0000-${String(i).padStart(4, '0')}`).join('\n')}\n`,
  );
  const fake = join(dir, '購入履歴.xlsx');
  writeFileSync(fake, '会員番号,商品\n1,本\n');

  const attach = page.getByRole('group', { name: '記録の添付' });
  await attach.getByLabel(/^出力元のシステム・台帳/).fill('顧客管理システム');
  await app.nextOpenFile(fake);
  await attach.getByRole('button', { name: 'ファイルを選んで添付…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '名前（.xlsx）と内容が一致しません' })).toBeVisible();
  await expect(page.getByRole('table', { name: '開示する記録' })).toHaveCount(0);

  await app.nextOpenFile(csv);
  await attach.getByRole('button', { name: 'ファイルを選んで添付…' }).click();
  const table = page.getByRole('table', { name: '記録「会員情報.csv」の内容' });
  await expect(table.getByRole('columnheader', { name: '電話番号' })).toBeVisible();
  await expect(table).toContainText('03-0000-0199');
  await expect(page.getByText('全250行中 1〜200行目')).toBeVisible();
  await page.getByRole('button', { name: '次の200行' }).click();
  await expect(table).toContainText('03-0000-0249');

  // The phone numbers withheld as a column under 33条2項1号, with the library's reason.
  const tools = page.getByRole('group', { name: '開示しない部分の指定' });
  await expect(tools.getByLabel(/^不開示の理由/)).toHaveValue(/第33条第2項第1号/);
  await table.getByRole('cell', { name: '03-0000-0249', exact: true }).click();
  await expect(table.getByRole('cell', { name: '03-0000-0248（不開示）' })).toBeVisible();
  await page.getByRole('button', { name: '不開示の指定を保存' }).click();
  await expect(page.getByText('不開示の指定 1件（保存しました）')).toBeVisible();

  // The decision's 開示しない部分 is built from the mark, and the decision becomes 一部開示.
  const decision = r.decision('開示');
  await decision.getByLabel(/^開示する保有個人データ/).fill('会員情報');
  await decision.getByRole('button', { name: '不開示の指定から「開示しない部分」を作成' }).click();
  await expect(decision.getByLabel(/^決定/)).toHaveValue('partial');
  await expect(decision.getByLabel(/^開示しない部分/)).toHaveValue(/会員情報\.csv: 「電話番号」の列/);
  await decision.getByRole('button', { name: '決定を保存' }).click();
  await expect(decision.getByText('保存済み')).toBeVisible();
});

test('a 補正 date after the 法第39条 date is warned about (not refused): the legal clock keeps running', async ({
  app,
}) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  await registerDisclosure(page, '2020/1/1');
  const r = new RequestPage(page);
  await r.act('確認を開始');
  await r.act('補正を依頼');
  const cure = page.getByRole('group', { name: '補正の依頼' });
  const due = r.field('補正の期限', cure);
  const warning = cure.getByTestId('cure-beyond-article39');
  // Arrived today: the 39条 date is two weeks after it.
  const article39 = addDays(japanToday(new Date()), 14);
  // At both office screen sizes the warning comes into view below the date as it is typed.
  for (const [width, height] of [
    [1280, 720],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await due.fill(article39.replaceAll('-', '/'));
    await expect(warning).toBeHidden();
    await due.fill(addDays(article39, 1).replaceAll('-', '/'));
    await expect(warning).toHaveText(
      `補正の期限が法第39条の期限（${formatJapaneseDate(article39)}）より後です。補正を待つ間も法定の期限は止まりません。`,
    );
    // (Scrolled to the nearest edge, it may end a fraction of a pixel past the scrolling area.)
    await expect(warning).toBeInViewport({ ratio: 0.95 });
    await page.screenshot({ path: test.info().outputPath(`cure-warning-${width}.png`) });
  }
  // A warning, not a refusal: the later date is still taken.
  await due.fill(addDays(article39, 7).replaceAll('-', '/'));
  await expect(warning).toBeVisible();
  await cure.getByRole('button', { name: '補正を依頼する' }).click();
  await expect(r.step).toContainText('補正待ち');
});

test('a greyed-out button says why beside it, and the reason goes once it is met', async ({ app }) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  await registerDisclosure(page, '2020/1/1');
  const r = new RequestPage(page);
  await r.act('確認を開始');
  await r.act('補正を依頼');
  const cure = page.getByRole('group', { name: '補正の依頼' });
  const send = cure.getByRole('button', { name: '補正を依頼する' });
  const due = r.field('補正の期限', cure);
  await due.fill('');
  await expect(send).toBeDisabled();
  await expect(cure.getByTestId('why-disabled')).toHaveText('補正の期限を入力してください。');
  await expect(cure.getByTestId('why-disabled')).toBeVisible();
  await expect(send).toHaveAccessibleDescription('補正の期限を入力してください。');
  await due.fill('来週');
  await expect(send).toHaveAccessibleDescription('補正の期限を「2026/11/22」の形式で入力してください。');
  await due.fill(today);
  await expect(send).toBeEnabled();
  await expect(cure.getByTestId('why-disabled')).toHaveCount(0);
  await cure.getByRole('button', { name: '取り消す' }).click();

  // A form whose text is required: 取下げ.
  await r.act('取下げを記録');
  const withdraw = page.getByRole('group', { name: '取下げを記録' });
  await expect(withdraw.getByRole('button', { name: '取下げを記録' })).toBeDisabled();
  await expect(withdraw.getByTestId('why-disabled')).toHaveText('取下げの内容を入力してください。');
  for (const [width, height] of [
    [1280, 720],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await withdraw.getByTestId('why-disabled').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`why-disabled-${width}.png`) });
  }
  await r.field('取下げの内容（取下書の到着日など）', withdraw).fill('取下書を受領');
  await expect(withdraw.getByTestId('why-disabled')).toHaveCount(0);
  await expect(withdraw.getByRole('button', { name: '取下げを記録' })).toBeEnabled();
});
