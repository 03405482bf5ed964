import { z } from 'zod';
import { draftKinds, type ChannelOutput } from '../../../core/contract';
import type { Db } from '../db/connection';
import { deleteSetting, getSetting, putSetting } from '../db/repositories/settings';
import type { Vault } from '../vault/vault';

type Kind = (typeof draftKinds)[number];

const draftKey = (kind: Kind, accountId: string) => `draft:${kind}:${accountId}`;

export function deleteDrafts(db: Db, accountId: string): void {
  for (const kind of draftKinds) deleteSetting(db, draftKey(kind, accountId));
}
const Stored = z.object({ savedAt: z.string(), data: z.json() });

// What a form held when it was left unsaved (navigation, idle lock, a crash): kept in the
// encrypted database per account and form, never logged, not audited (saved every few seconds
// while typing), gone once the form is submitted or discarded.
export class DraftsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
  ) {}

  private key(kind: Kind): string {
    return draftKey(kind, this.vault.session()?.accountId ?? '');
  }

  get(kind: Kind): ChannelOutput<'drafts.get'> {
    const parsed = Stored.safeParse(getSetting(this.vault.connection(), this.key(kind)));
    return parsed.success ? parsed.data : null;
  }

  save(kind: Kind, data: unknown): Record<string, never> {
    putSetting(this.vault.connection(), this.key(kind), { savedAt: this.clock().toISOString(), data });
    return {};
  }

  clear(kind: Kind): Record<string, never> {
    deleteSetting(this.vault.connection(), this.key(kind));
    return {};
  }
}
