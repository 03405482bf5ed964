import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type AuditVerification as ContractAuditVerification } from '../../../core/contract';
import { anchorHolds, firstAuditAction, verifyAudit, type AuditAnchor } from '../db/repositories/audit';
import { anchorAuthentic } from './keyring';
import { keysetProblems, readKeysetRecord } from './keyset';
import { readBackupMeta } from './backup-file';

import type { VaultDatabase } from './database';

const HEADER_SOURCE = '鍵情報ファイル（vault.json）の記録';

// The chain walked from its first entry (which must be the vault's setup), then every anchor known
// outside the database: those in vault.json (their MAC checked, and the key set's MAC and count:
// anchors deleted show), the total and newest the database records, those in the backups'
// descriptions in the data folder, the one kept outside the data folder for this Windows user,
// and one the administrator typed from a printed record. Says which disagree.
export async function verifyAuditLog(
  core: VaultDatabase,
  printed: AuditAnchor | null,
): Promise<ContractAuditVerification> {
  const witness = await core.readWitness();
  const u = core.unlockedOrThrow();
  const chain = await u.store.read((q) => verifyAudit(q));
  const failed: { source: string; entryId: number }[] = [];
  let checked = 0;
  const check = async (source: string, a: AuditAnchor, authentic = true) => {
    checked++;
    if (!authentic || !(await anchorHolds(u.store.q, a))) failed.push({ source, entryId: a.id });
  };
  const header = core.header();
  for (const a of header?.auditAnchors ?? []) await check(HEADER_SOURCE, a, anchorAuthentic(u.master, a));
  const record = await readKeysetRecord(u.store.q);
  if (header) {
    const problems = keysetProblems(header, u.master, record);
    const newest = record?.newestAnchor?.id ?? header.auditAnchors?.at(-1)?.id ?? 0;
    if (problems.includes('mac')) failed.push({ source: `${HEADER_SOURCE}（全体の認証）`, entryId: newest });
    if (problems.includes('anchors')) failed.push({ source: `${HEADER_SOURCE}（件数・最新の控え）`, entryId: newest });
  }
  if (record?.newestAnchor) await check('データベース内の控え', record.newestAnchor);
  const dir = join(core.deps.dataDir, 'backups');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.mdgbak'))) {
      try {
        const meta = readBackupMeta(join(dir, f)).meta;
        if (meta.auditHead) await check(`バックアップ ${f}`, meta.auditHead);
        if (header && meta.anchorTotal !== undefined && meta.anchorTotal > (header.anchorTotal ?? 0))
          failed.push({ source: `バックアップ ${f}（控えの件数）`, entryId: meta.auditHead?.id ?? 0 });
      } catch {
        // Not a readable backup: it holds no anchor.
      }
    }
  }
  if (witness) await check('このPCのWindowsアカウントに保存した控え', witness);
  if (printed) await check('印刷した記録', printed);
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
  if ((await firstAuditAction(u.store.q)) !== 'vault.setup')
    return { ok: false, checked: chain.checked, entryId: 1, problem: 'not_from_setup', anchors };
  return { ok: true, checked: chain.checked, entryId: null, problem: null, anchors };
}
