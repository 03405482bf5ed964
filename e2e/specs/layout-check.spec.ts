import { expect, test } from '@playwright/test';
import { accessibilityProblems, foreignWords, layoutProblems, tableProblems, textLines } from '../fixtures/layout';

// The checks of layout.spec.ts find what they look for (a check that finds nothing proves
// nothing): on a page made to fail each of them.
test('the layout checks report overlap, sideways scrolling, English words and axe findings', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.setContent(`<!doctype html><html lang="ja"><head><title>検査</title></head><body>
    <header><h1>受付</h1></header>
    <main>
      <button style="position:absolute;left:10px;top:100px;width:120px;height:30px">保存する</button>
      <button style="position:absolute;left:40px;top:110px;width:120px;height:30px">取り消す</button>
      <div style="width:1500px">status: received</div>
      <button></button>
    </main></body></html>`);
  expect(await layoutProblems(page)).toEqual(
    expect.arrayContaining([expect.stringContaining('horizontal scrollbar'), expect.stringContaining('overlaps')]),
  );
  expect(await foreignWords(page)).toEqual(expect.arrayContaining(['status', 'received']));
  const axe = await accessibilityProblems(page);
  expect(axe.some((p) => p.startsWith('button-name (critical)'))).toBe(true);
  // Once put into the page, axe-core stays: a second check finds the same.
  expect(await accessibilityProblems(page)).toEqual(axe);
});

test('a sticky bar over the page scrolled under it is no overlap; controls over each other inside it are', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.setContent(`<!doctype html><html lang="ja"><head><title>検査</title></head><body>
    <main style="height:300px;overflow:auto">
      <div style="position:sticky;top:0;height:60px;background:#fff">
        <button style="position:absolute;left:10px;top:10px;width:120px;height:30px">承認する</button>
        <button style="position:absolute;left:40px;top:20px;width:120px;height:30px">差し戻す</button>
      </div>
      <button style="width:120px;height:30px">保存する</button>
      <div style="height:900px"></div>
    </main></body></html>`);
  await page.locator('main').evaluate((m) => m.scrollTo(0, 60));
  const sticky = await layoutProblems(page);
  expect(sticky).toEqual([expect.stringMatching(/^button「承認する」 overlaps button「差し戻す」/)]);
});

// A table that shares its width out evenly (Fluent's default, table-layout: fixed): its number
// column is far wider than its numbers while the description wraps. The same table sized by its
// content passes.
test('the table check reports a column wider than its content beside wrapped text', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const table = (layout: string) => `<!doctype html><html lang="ja"><head><title>検査</title></head><body><main>
    <table aria-label="記録" style="width:600px;table-layout:${layout}"><thead><tr><th>番号</th><th>内容</th></tr></thead>
    <tbody><tr><td>86</td><td>「受付」→「法の対象外」（法の対象外として終了）、対応の方法: 任意の対応として回答する</td></tr></tbody>
    </table></main></body></html>`;
  await page.setContent(table('fixed'));
  expect(await tableProblems(page)).toEqual([expect.stringContaining('table「記録」: column「番号」')]);
  expect(await textLines(page.getByRole('cell').nth(1))).toBeGreaterThan(1);
  await page.setContent(table('auto'));
  expect(await tableProblems(page)).toEqual([]);
});
