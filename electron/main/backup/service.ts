import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BackupSettings, ErrorCode, type BackupInfo, type ChannelOutput, KeysReplaced } from '../../../core/contract';
import { deleteSetting, getSetting, putSetting } from '../db/repositories/settings';
import { KEYS_TO_SHOW } from '../vault/rekey';
import type { FileDialogs } from '../files/dialogs';
import { AppError } from '../errors';
import type { Vault } from '../vault/vault';

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { reminderDays: 7 };
const EXTENSION = 'mdgbak';
const DAY_MS = 86_400_000;
// Safety copies kept per kind in <data>/backups; older ones are deleted.
export const KEEP_SAFETY_COPIES = 5;
// Safety copies expire, so that what retention purged does not live on in them.
export const SAFETY_COPY_DAYS = 30;
const SAFETY_KINDS = /^(pre-restore|pre-rekey|pre-migration)-/;

// Backups to a folder the administrator chooses, restore from one, and the database key
// rotation. The file a restore uses is chosen through main's dialog and kept here: no path
// crosses IPC.
export class BackupService {
  private chosen: string | null = null;

  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly dialogs: FileDialogs,
    private readonly appVersion: string,
    private readonly dataDir: string,
  ) {
    this.tidy();
  }

  // At start: work files a crash left behind (`*.partial*`) go, and so do safety copies past
  // SAFETY_COPY_DAYS (by their modification time).
  tidy(days = SAFETY_COPY_DAYS): void {
    const oldest = this.clock().getTime() - days * 86_400_000;
    if (existsSync(this.dataDir)) {
      for (const f of readdirSync(this.dataDir))
        if (f.includes('.partial')) rmSync(join(this.dataDir, f), { force: true });
    }
    const dir = join(this.dataDir, 'backups');
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)) {
      const path = join(dir, f);
      if (f.includes('.partial')) rmSync(path, { force: true });
      else if (SAFETY_KINDS.test(f) && statSync(path).mtimeMs < oldest) rmSync(path, { force: true });
    }
  }

  private stamp(): string {
    return this.clock().toISOString().replace(/\..*$/, '').replace(/[-:]/g, '').replace('T', '-');
  }

  async settings(): Promise<BackupSettings> {
    const parsed = BackupSettings.safeParse(await getSetting(this.vault.q(), 'backup'));
    return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
  }

  async status(): Promise<ChannelOutput<'backup.status'>> {
    const last = await getSetting(this.vault.q(), 'backup.last');
    const lastBackupAt = typeof last === 'string' ? last : null;
    const settings = await this.settings();
    const due =
      lastBackupAt === null || this.clock().getTime() - Date.parse(lastBackupAt) >= settings.reminderDays * DAY_MS;
    const admin = this.vault.session()?.roles.includes('admin') === true;
    return {
      lastBackupAt,
      settings,
      due,
      keysToShow: await this.keysToShow(),
      keysetChanged: admin && !this.vault.keysetTrusted(),
    };
  }

  private async keysToShow(): Promise<KeysReplaced | null> {
    if (!this.vault.session()?.roles.includes('admin')) return null;
    const parsed = KeysReplaced.safeParse(await getSetting(this.vault.q(), KEYS_TO_SHOW));
    return parsed.success ? parsed.data : null;
  }

  async keysNoted(): Promise<Record<string, never>> {
    await this.vault.write('settings.update', 'keys', 'keys noted', async (db) => {
      await deleteSetting(db, KEYS_TO_SHOW);
    });
    return {};
  }

  async updateSettings(value: BackupSettings): Promise<BackupSettings> {
    await this.vault.write(
      'settings.update',
      'backup',
      `reminderDays=${value.reminderDays} safetyCopyDays=${value.safetyCopyDays ?? SAFETY_COPY_DAYS}`,
      async (db) => {
        await putSetting(db, 'backup', value);
      },
    );
    this.tidy(value.safetyCopyDays ?? SAFETY_COPY_DAYS);
    return value;
  }

  async create(password: string | null): Promise<ChannelOutput<'backup.create'>> {
    this.vault.q();
    const path = await this.dialogs.saveFile({
      title: 'バックアップの保存先',
      defaultName: `Madoguchi_バックアップ_${this.stamp()}.${EXTENSION}`,
      filters: [{ name: 'Madoguchi バックアップ', extensions: [EXTENSION] }],
    });
    if (path === null) return { saved: false, info: null };
    const info = await this.vault.createBackup(path, { password, appVersion: this.appVersion });
    await putSetting(this.vault.q(), 'backup.last', info.createdAt);
    return { saved: true, info };
  }

  async choose(): Promise<ChannelOutput<'backup.choose'>> {
    this.vault.q();
    const path = await this.dialogs.openFile({
      title: '復元するバックアップ',
      filters: [{ name: 'Madoguchi バックアップ', extensions: [EXTENSION] }],
    });
    if (path === null) return null;
    const { meta } = this.vault.readBackup(path);
    this.chosen = path;
    return { createdAt: meta.createdAt, protection: meta.protection };
  }

  private chosenFile(): string {
    if (!this.chosen) throw new AppError(ErrorCode.CONFLICT, '先に復元するバックアップファイルを選んでください。');
    return this.chosen;
  }

  inspect(password: string | null): Promise<BackupInfo> {
    return this.vault.inspectBackup(this.chosenFile(), password);
  }

  // Safety copies (before a restore or a key rotation) go to the data folder's backups/.
  private safetyCopy(kind: string): string {
    // A sequence number after the last one of the same second keeps copies apart and in order.
    const dir = join(this.dataDir, 'backups');
    const prefix = `${kind}-${this.stamp()}-`;
    const taken = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.startsWith(prefix))
          .map((f) => Number.parseInt(f.slice(prefix.length), 10))
      : [];
    const next = Math.max(-1, ...taken.filter(Number.isFinite)) + 1;
    return join(dir, `${prefix}${String(next).padStart(3, '0')}.${EXTENSION}`);
  }

  // Keeps the newest KEEP_SAFETY_COPIES of a kind (their names sort by time).
  private pruneSafetyCopies(kind: string): void {
    const dir = join(this.dataDir, 'backups');
    const copies = readdirSync(dir)
      .filter((f) => f.startsWith(`${kind}-`) && f.endsWith(`.${EXTENSION}`))
      .sort();
    for (const old of copies.slice(0, Math.max(0, copies.length - KEEP_SAFETY_COPIES))) rmSync(join(dir, old));
  }

  async restore(password: string | null): Promise<BackupInfo> {
    const file = this.chosenFile();
    const info = await this.vault.restoreBackup(file, {
      password,
      safetyCopy: this.safetyCopy('pre-restore'),
      appVersion: this.appVersion,
    });
    this.chosen = null;
    this.pruneSafetyCopies('pre-restore');
    this.tidy();
    return info;
  }

  async rotateKey(repairKeyset = false): Promise<{ safetyCopy: string; keys: KeysReplaced }> {
    const safety = this.safetyCopy('pre-rekey');
    mkdirSync(dirname(safety), { recursive: true });
    await this.vault.createBackup(safety, { password: null, appVersion: this.appVersion });
    const replaced = await this.vault.rotateKey(repairKeyset);
    this.pruneSafetyCopies('pre-rekey');
    this.tidy((await this.settings()).safetyCopyDays ?? SAFETY_COPY_DAYS);
    return {
      safetyCopy: basename(safety),
      keys: { newRecoveryKey: replaced.newRecoveryKey, accountsNeedingPassword: replaced.droppedAccounts.length },
    };
  }
}
