import type { Slice } from '../ipc/handlers-type';
import type { SettingsService } from '../settings/service';
import type { Vault } from '../vault/vault';

export function sessionHandlers(vault: Vault, settings: SettingsService) {
  return {
    'session.current': async () => ({
      vault: vault.state(),
      session: vault.session(),
      idleLockMinutes: vault.state() === 'unlocked' ? (await settings.security()).idleLockMinutes : null,
    }),
    'session.login': (input) => vault.login(input.loginName, input.password),
    'session.recover': (input) => vault.recover(input.recoveryKey, input.loginName, input.newPassword),
    'session.lock': async (input) => {
      await vault.lock(input.reason);
      return {};
    },
    'session.changePassword': (input) => vault.changePassword(input.currentPassword, input.newPassword),
  } satisfies Slice<'session'>;
}
