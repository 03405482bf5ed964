import type { AuditVerification } from '../../../core/contract';
import { listAudit, type AuditFilter } from '../db/repositories/audit';
import type { AuditAnchor } from '../db/repositories/audit';
import type { Vault } from '../vault/vault';

// The audit log as administrators read it: pages of entries, the chain verified against every
// anchor kept outside the database, and the head to print.
export class AuditService {
  constructor(private readonly vault: Vault) {}

  list(query: AuditFilter) {
    return listAudit(this.vault.connection(), query);
  }

  verify(anchor: AuditAnchor | null): AuditVerification {
    const result = this.vault.verifyAuditLog(anchor);
    this.vault.write(
      'audit.verify',
      null,
      `ok=${String(result.ok)} checked=${result.checked} anchors=${result.anchors.checked} failed=${result.anchors.failed.length}`,
      () => undefined,
    );
    return result;
  }

  anchor(): { id: number; hash: string; at: string } {
    return this.vault.auditAnchor();
  }
}
