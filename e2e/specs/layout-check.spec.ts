import { expect, test } from '@playwright/test';
import { accessibilityProblems, foreignWords, layoutProblems } from '../fixtures/layout';

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
