import { z } from 'zod';
import { ErrorCode, type EarlierRequests } from '../../../core/contract';
import { japanToday, type IsoDate } from '../../../core/domain/dates';
import { outcomes } from '../../../core/domain/decisions';
import { requestKinds } from '../../../core/domain/intake/kinds';
import { Party } from '../../../core/domain/intake/request';
import {
  DEFAULT_SAME_PERSON_MONTHS,
  outcomeSummary,
  personKeys,
  samePersonMatch,
  samePersonSince,
} from '../../../core/domain/intake/same-person';
import { closedStates, isState } from '../../../core/domain/workflow';
import type { Q } from '../db/store';
import { getParties, getRequestRow } from '../db/repositories/requests';
import { decisionsOf, findSamePersonCandidates } from '../db/repositories/same-person';
import { AppError } from '../errors';
import { readProcessingSettings } from '../settings/policies';
import type { Vault } from '../vault/vault';

// How many namesakes are compared at most, and how many matches are shown: a person with more
// than a screenful of requests in the period is already the pattern the list is there to show.
const CANDIDATES = 200;
const SHOWN = 20;

type Person = { name: string; kana: string; birthDate: string | null; address: string; phone: string };

const StoredDecision = z.object({ kind: z.enum(requestKinds), outcome: z.enum(outcomes) });

// Earlier requests of the same person, answered and closed ones included, over the period the
// administrator set (issue 33 §4): at intake, and on a request's page.
export class SamePersonLookup {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
  ) {}

  async forIntake(input: Person & { excludeId: string | null }): Promise<EarlierRequests> {
    return await this.lookup(this.vault.q(), input, japanToday(this.clock()), input.excludeId);
  }

  // Around a registered request: its principal, the period before its 到達日, itself left out.
  async forRequest(id: string): Promise<EarlierRequests> {
    const db = this.vault.q();
    const row = await getRequestRow(db, id);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '請求が見つかりません。');
    const stored = (await getParties(db, id)).find((p) => p.role === 'principal');
    const principal = Party.safeParse(JSON.parse(stored?.data ?? '{}'));
    // A purged request keeps no principal to compare.
    if (row.purged_at !== null || !principal.success) return await this.lookup(db, null, row.arrival_date, id);
    return await this.lookup(db, principal.data, row.arrival_date, id);
  }

  private async lookup(db: Q, person: Person | null, reference: IsoDate, excludeId: string | null) {
    const months = (await readProcessingSettings(db)).samePersonMonths ?? DEFAULT_SAME_PERSON_MONTHS;
    const since = samePersonSince(reference, months);
    if (!person) return { months, since, rows: [] };
    const keys = personKeys(person);
    const candidates = await findSamePersonCandidates(
      db,
      { name: keys.name, kana: keys.kana },
      { since, closedStatuses: closedStates, excludeId, limit: CANDIDATES },
    );
    const matches = candidates
      .flatMap((c) => {
        const other = Party.safeParse(JSON.parse(c.principal));
        const matched = other.success ? samePersonMatch(keys, personKeys(other.data)) : null;
        return matched ? [{ ...c.summary, matched }] : [];
      })
      .slice(0, SHOWN);
    const decisions = (
      await decisionsOf(
        db,
        matches.map((m) => m.id),
      )
    ).flatMap((d) => {
      const parsed = StoredDecision.safeParse({ ...(JSON.parse(d.data) as object), kind: d.kind });
      return parsed.success ? [{ requestId: d.request_id, ...parsed.data }] : [];
    });
    const rows = matches.map((m) => ({
      ...m,
      outcome: isState(m.status)
        ? outcomeSummary(
            m.status,
            m.kinds.flatMap((k) => decisions.filter((d) => d.requestId === m.id && d.kind === k)),
          )
        : m.status,
    }));
    return { months, since, rows };
  }
}
