import { z } from 'zod';
import { draftKinds, type ChannelOutput } from '../../../core/contract';
import type { Q } from '../db/store';
import { deleteSetting, getSetting, putSetting } from '../db/repositories/settings';
import type { Vault } from '../vault/vault';

type Kind = (typeof draftKinds)[number];

const draftKey = (kind: Kind, accountId: string) => `draft:${kind}:${accountId}`;

export async function deleteDrafts(db: Q, accountId: string): Promise<void> {
  for (const kind of draftKinds) await deleteSetting(db, draftKey(kind, accountId));
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

  async get(kind: Kind): Promise<ChannelOutput<'drafts.get'>> {
    const parsed = Stored.safeParse(await getSetting(this.vault.q(), this.key(kind)));
    return parsed.success ? parsed.data : null;
  }

  async save(kind: Kind, data: unknown): Promise<Record<string, never>> {
    await putSetting(this.vault.q(), this.key(kind), { savedAt: this.clock().toISOString(), data });
    return {};
  }

  async clear(kind: Kind): Promise<Record<string, never>> {
    await deleteSetting(this.vault.q(), this.key(kind));
    return {};
  }
}
