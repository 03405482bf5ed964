import { test } from '../fixtures/app';
import { ADMIN } from '../fixtures/vault';
import { LoginPage } from '../pages/LoginPage';
test.use({ prepared: true });
test('probe', async ({ app }) => {
  const page = app.page;
  await new LoginPage(page).login(ADMIN.loginName, ADMIN.password);
  await page.getByTestId('dashboard-overdue').waitFor();
  await page.getByRole('button', { name: 'ログアウト' }).focus();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    console.log(
      await page.evaluate(() => {
        const e = document.activeElement!;
        return (
          e.tagName +
          ' ' +
          e.getAttribute('role') +
          ' ' +
          (e.textContent ?? '').slice(0, 20) +
          ' ' +
          e.outerHTML.slice(0, 80)
        );
      }),
    );
  }
});
