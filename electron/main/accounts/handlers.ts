import type { Slice } from '../ipc/handlers-type';
import type { AccountsService } from './service';

export function accountsHandlers(accounts: AccountsService) {
  return {
    'accounts.list': async () => await accounts.list(),
    'accounts.create': (input) => accounts.create(input),
    'accounts.update': (input) => accounts.update(input),
    'accounts.resetPassword': (input) => accounts.resetPassword(input),
  } satisfies Slice<'accounts'>;
}
