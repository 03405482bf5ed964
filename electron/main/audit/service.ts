import { writeFile } from 'node:fs/promises';
import type { AuditVerification } from '../../../core/contract';
import { describeAudit } from '../../../core/domain/audit-text';
import { auditActions } from '../../../core/domain/audit';
import { toCsv } from '../../../core/domain/table';
import { accountNames } from '../db/repositories/requests';
import { listAudit, type AuditFilter } from '../db/repositories/audit';
import type { AuditAnchor } from '../db/repositories/audit';
import type { FileDialogs } from '../files/dialogs';
import { fileErrorMessage } from '../errors';
import { encodeCsv } from '../reports/spreadsheets';
import type { Vault } from '../vault/vault';

// One export holds at most this many entries (newest first); a longer period is exported in parts.
const EXPORT_MAX = 100_000;

// The audit log as administrators read it: pages of entries, the chain verified against every
// anchor kept outside the database, the head to print, and a CSV an auditor can read.
export class AuditService {
  constructor(
    private readonly vault: Vault,
    private readonly dialogs: FileDialogs,
  ) {}

  async list(query: AuditFilter & { limit: number; offset: number }) {
    return await listAudit(this.vault.q(), query);
  }

  async export(filter: Omit<AuditFilter, 'limit' | 'offset'>): Promise<{ saved: boolean; rows: number }> {
    const db = this.vault.q();
    const { entries } = await listAudit(db, { ...filter, limit: EXPORT_MAX, offset: 0 });
    const names = await accountNames(db);
    const path = await this.dialogs.saveFile({
      title: '監査ログの保存',
      defaultName: '監査ログ.csv',
      filters: [{ name: 'CSV（UTF-8）', extensions: ['csv'] }],
    });
    if (path === null) return { saved: false, rows: 0 };
    const rows = entries.map((e) => [
      String(e.id),
      new Date(e.at).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }),
      e.accountId ? (names[e.accountId] ?? '（不明なアカウント）') : '—',
      (auditActions as Record<string, string>)[e.action] ?? e.action,
      e.receiptNo ?? '',
      describeAudit(e),
    ]);
    const csv = toCsv(['番号', '日時', 'アカウント', '操作', '受付番号', '内容'], rows);
    try {
      await writeFile(path, encodeCsv(csv, false));
    } catch (err) {
      throw fileErrorMessage(err, '監査ログ') ?? err;
    }
    await this.vault.write('audit.export', null, `rows=${rows.length}`, () => undefined);
    return { saved: true, rows: rows.length };
  }

  async verify(anchor: AuditAnchor | null): Promise<AuditVerification> {
    const result = await this.vault.verifyAuditLog(anchor);
    await this.vault.write(
      'audit.verify',
      null,
      `ok=${String(result.ok)} checked=${result.checked} anchors=${result.anchors.checked} failed=${result.anchors.failed.length}`,
      () => undefined,
    );
    return result;
  }

  async anchor(): Promise<{ id: number; hash: string; at: string }> {
    return await this.vault.auditAnchor();
  }
}
