import { ErrorCode, SecuritySettings } from '../../../core/contract';
import type { Organisation } from '../../../core/domain/organisation';
import { getSetting, putSetting } from '../db/repositories/settings';
import { AppError } from '../errors';
import { readOrganisation } from './policies';
import type { Vault } from '../vault/vault';

export const DEFAULT_SECURITY: SecuritySettings = { idleLockMinutes: 10 };

export class SettingsService {
  constructor(private readonly vault: Vault) {}

  organisation(): Organisation {
    const org = readOrganisation(this.vault.connection());
    if (!org) throw new AppError(ErrorCode.INTERNAL, '組織情報を読み込めません。設定画面で入力し直してください。');
    return org;
  }

  security(): SecuritySettings {
    const parsed = SecuritySettings.safeParse(getSetting(this.vault.connection(), 'security'));
    return parsed.success ? parsed.data : DEFAULT_SECURITY;
  }

  updateOrganisation(value: Organisation): Organisation {
    this.vault.write('settings.update', 'organisation', 'organisation', (db) => {
      putSetting(db, 'organisation', value);
    });
    return value;
  }

  updateSecurity(value: SecuritySettings): SecuritySettings {
    this.vault.write('settings.update', 'security', `idleLockMinutes=${value.idleLockMinutes}`, (db) => {
      putSetting(db, 'security', value);
    });
    return value;
  }
}
