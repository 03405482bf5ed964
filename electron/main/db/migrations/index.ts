import { m0001Initial } from './0001-initial';
import { m0002Requests } from './0002-requests';
import { m0003RequestEvents } from './0003-request-events';
import { m0004Processing } from './0004-processing';
import { m0005Letters } from './0005-letters';
import { m0006Retention } from './0006-retention';
import { m0007LetterReissue } from './0007-letter-reissue';
import { m0008ReplyPostalCode } from './0008-reply-postal-code';
import { m0009FeeKinds } from './0009-fee-kinds';
import { m0010FaxReceivedOn } from './0010-fax-received-on';
import { m0011Suspicion } from './0011-suspicion';
import { m0012Searches } from './0012-searches';
import { m0013FormRequests } from './0013-form-requests';
import { m0014DisclosureRecords } from './0014-disclosure-records';
import { m0015DisclosurePackages } from './0015-disclosure-packages';
import { m0016RedactedDocuments } from './0016-redacted-documents';
import { m0017ReportFacts } from './0017-report-facts';
import { m0018UndatedIndex } from './0018-undated-index';
import { m0019SuspectedIndex } from './0019-suspected-index';
import { m0020ListIndexes } from './0020-list-indexes';
import { m0021AccountKeys } from './0021-account-keys';
import { m0022ApprovalLinks } from './0022-approval-links';
import { m0023StaleMarks } from './0023-stale-marks';
import { m0024OutsideLaw } from './0024-outside-law';
import { m0025SplitRequests } from './0025-split-requests';
import { m0026ReportExtension } from './0026-report-extension';
import type { Migration } from './types';

// Append-only: never edit or reorder a migration that has shipped.
export const migrations: readonly Migration[] = [
  m0001Initial,
  m0002Requests,
  m0003RequestEvents,
  m0004Processing,
  m0005Letters,
  m0006Retention,
  m0007LetterReissue,
  m0008ReplyPostalCode,
  m0009FeeKinds,
  m0010FaxReceivedOn,
  m0011Suspicion,
  m0012Searches,
  m0013FormRequests,
  m0014DisclosureRecords,
  m0015DisclosurePackages,
  m0016RedactedDocuments,
  m0017ReportFacts,
  m0018UndatedIndex,
  m0019SuspectedIndex,
  m0020ListIndexes,
  m0021AccountKeys,
  m0022ApprovalLinks,
  m0023StaleMarks,
  m0024OutsideLaw,
  m0025SplitRequests,
  m0026ReportExtension,
];

// The first version a PostgreSQL database can have: the migration of this version carries the
// whole PostgreSQL schema (no PostgreSQL database existed before it); every later one carries its
// own PostgreSQL text.
export const POSTGRES_BASELINE_VERSION = 22;

export const LATEST_SCHEMA_VERSION = migrations.reduce((v, m) => Math.max(v, m.version), 0);
