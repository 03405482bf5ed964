import type { RequestKind } from '../../../../core/domain/intake/kinds';

// The bit of each kind in requests.kind_mask, which the list's kind filter reads. Stored data:
// never renumber. Tied to RequestKind, so a new kind does not compile without a bit (the filter
// would otherwise ask for bit 0 and find nothing). The mask itself is kept by triggers that
// migration 0020 wrote with its own frozen copy of this table: a new kind also needs a migration
// that recreates those triggers with its bit (request-lists.test.ts fails until it has one).
export const kindBits = {
  purpose: 1,
  disclosure: 2,
  thirdPartyRecords: 4,
  correction: 8,
  addition: 16,
  deletion: 32,
  suspension: 64,
  erasure: 128,
  stopThirdParty: 256,
} as const satisfies Record<RequestKind, number>;
