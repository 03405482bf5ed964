import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type AuditVerification as ContractAuditVerification } from '../../../core/contract';
import { anchorHolds, verifyAudit, type AuditAnchor } from '../db/repositories/audit';
import { anchorAuthentic } from './keyring';
import { readBackupMeta } from './backup-file';

import type { VaultDatabase } from './database';

// The chain walked from its first entry, then every anchor known outside the database: those in
// vault.json (their MAC checked), those in the backups' descriptions in the data folder, and one
// the administrator typed from a printed record. Says which disagree.
export function verifyAuditLog(core: VaultDatabase, printed: AuditAnchor | null): ContractAuditVerification {
  const u = core.unlockedOrThrow();
  const chain = verifyAudit(u.db);
  const failed: { source: string; entryId: number }[] = [];
  let checked = 0;
  const check = (source: string, a: AuditAnchor, authentic = true) => {
    checked++;
    if (!authentic || !anchorHolds(u.db, a)) failed.push({ source, entryId: a.id });
  };
  for (const a of core.header()?.auditAnchors ?? [])
    check('鍵情報ファイル（vault.json）の記録', a, anchorAuthentic(u.master, a));
  const dir = join(core.deps.dataDir, 'backups');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.mdgbak'))) {
      try {
        const head = readBackupMeta(join(dir, f)).meta.auditHead;
        if (head) check(`バックアップ ${f}`, head);
      } catch {
        // Not a readable backup: it holds no anchor.
      }
    }
  }
  if (printed) check('印刷した記録', printed);
  const anchors = { checked, failed };
  if (!chain.ok) return { ...chain, anchors };
  if (failed.length) {
    return {
      ok: false,
      checked: chain.checked,
      entryId: failed[0]?.entryId ?? 0,
      problem: 'anchor_mismatch',
      anchors,
    };
  }
  return { ok: true, checked: chain.checked, entryId: null, problem: null, anchors };
}
