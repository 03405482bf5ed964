import type { Locator, Page } from '@playwright/test';
import { labelled } from './labels';

// Page model of one request: its step, the next-step buttons and the processing forms.
export class RequestPage {
  readonly step: Locator;
  readonly missing: Locator;
  readonly actions: Locator;

  constructor(readonly page: Page) {
    this.step = page.getByTestId('current-step');
    this.missing = page.getByTestId('missing');
    this.actions = page.getByRole('group', { name: '次の手順' });
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
}
