// Generated from the migrated SQLite schema by electron/main/testing/schema-types.ts; do not edit.
// `npx vitest run electron/main/db/schema-types.test.ts -u` rewrites it after a migration.
import type { ColumnType } from 'kysely';

// A column the database fills when an insert leaves it out (a DEFAULT or an INTEGER PRIMARY KEY).
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type AccountRolesTable = {
  account_id: string;
  role: string;
};

export type AccountsTable = {
  id: string;
  login_name: string;
  display_name: string;
  disabled: Defaulted<number>;
  must_change_password: Defaulted<number>;
  created_at: string;
  updated_at: string;
  public_key: Defaulted<string | null>;
  revocation_pending: Defaulted<number>;
};

export type AuditHeadTable = {
  id: Defaulted<number>;
  last_id: number;
  last_hash: string;
};

export type AuditLogTable = {
  id: Defaulted<number>;
  at: string;
  account_id: Defaulted<string | null>;
  action: string;
  target_id: Defaulted<string | null>;
  summary: string;
  prev_hash: string;
  hash: string;
};

export type DisclosurePackagesTable = {
  id: string;
  request_id: string;
  route: string;
  password_route: string;
  file_name: string;
  size: number;
  sha256: string;
  manifest_json: string;
  password_hash: string;
  created_by: string;
  created_at: string;
  approval_event: Defaulted<number | null>;
};

export type DisclosureRecordsTable = {
  id: string;
  request_id: string;
  kind: string;
  file_name: string;
  system: string;
  exported_on: string;
  format: string;
  size: number;
  sha256: string;
  content: Buffer;
  marks_json: Defaulted<string>;
  added_by: string;
  added_at: string;
};

export type EnclosuresTable = {
  id: string;
  request_id: string;
  type: string;
  mime: string;
  size: number;
  sha256: string;
  content: Defaulted<Buffer | null>;
  added_by: string;
  added_at: string;
  purged_at: Defaulted<string | null>;
};

export type FeePaymentsTable = {
  id: string;
  request_id: string;
  means: string;
  amount: number;
  received_on: string;
  issued_on: Defaulted<string | null>;
  for_kind: Defaulted<string | null>;
};

export type FormRequestsTable = {
  id: string;
  number: string;
  requested_on: string;
  data_json: string;
  sent_json: Defaulted<string | null>;
  request_id: Defaulted<string | null>;
  created_by: string;
  created_at: string;
};

export type IdentityDocumentsTable = {
  id: string;
  request_id: string;
  data: string;
};

export type LetterCountersTable = {
  year: Defaulted<number>;
  last: number;
};

export type LettersTable = {
  id: string;
  request_id: string;
  kind: string;
  document_no: string;
  pdf: Buffer;
  sha256: string;
  signed: number;
  created_by: string;
  created_at: string;
  reissue_reason: Defaulted<string | null>;
  approval_event: Defaulted<number | null>;
};

export type ReceiptCountersTable = {
  year: Defaulted<number>;
  last: number;
};

export type RedactedDocumentsTable = {
  record_id: string;
  marks_sha: string;
  part: number;
  parts: number;
  data: Buffer;
};

export type ReportFactsTable = {
  bucket: string;
  request_id: string;
  arrival_date: string;
  data: string;
};

export type ReportFactsStaleTable = {
  request_id: string;
};

export type RequestDecisionsTable = {
  request_id: string;
  kind: string;
  data: string;
  drafted_by: string;
  drafted_at: string;
};

export type RequestDispatchesTable = {
  id: string;
  request_id: string;
  data: string;
  recorded_by: string;
  recorded_at: string;
};

export type RequestEventsTable = {
  id: Defaulted<number>;
  request_id: string;
  at: string;
  day: string;
  account_id: string;
  action: string;
  from_state: string;
  to_state: string;
  comment: Defaulted<string>;
};

export type RequestItemsTable = {
  request_id: string;
  kind: string;
  details: string;
};

export type RequestPartiesTable = {
  request_id: string;
  role: string;
  data: string;
};

export type RequestsTable = {
  id: string;
  receipt_no: string;
  channel: string;
  arrival_date: string;
  provisional: Defaulted<number>;
  tracking_no: Defaulted<string>;
  received_by: string;
  requester_type: string;
  answer_to: string;
  delivery: string;
  reply_address: Defaulted<string>;
  disclosure_method: Defaulted<string | null>;
  status: string;
  notes: Defaulted<string>;
  identity_json: Defaulted<string>;
  search_kana: string;
  search_name: string;
  search_birth: Defaulted<string | null>;
  search_phone: Defaulted<string | null>;
  created_at: string;
  updated_at: string;
  article39_date: Defaulted<string | null>;
  sla_date: Defaulted<string | null>;
  due_date: Defaulted<string | null>;
  cure_json: Defaulted<string | null>;
  cure_due: Defaulted<string | null>;
  extension_json: Defaulted<string | null>;
  submitted_by: Defaulted<string | null>;
  approved_by: Defaulted<string | null>;
  disposal_json: Defaulted<string | null>;
  closed_on: Defaulted<string | null>;
  purged_at: Defaulted<string | null>;
  reply_postal_code: Defaulted<string>;
  fee_return_json: Defaulted<string | null>;
  fax_received_on: Defaulted<string | null>;
  suspicion_json: Defaulted<string | null>;
  searches_json: Defaulted<string | null>;
  kind_mask: Defaulted<number>;
  outside_law_json: Defaulted<string | null>;
  split_from: Defaulted<string | null>;
};

export type SealImageTable = {
  id: Defaulted<number>;
  png: Buffer;
  imported_by: string;
  imported_at: string;
};

export type SettingsTable = {
  key: string;
  value: string;
};

export type SigningIdentityTable = {
  id: Defaulted<number>;
  key: Buffer;
  certificates: string;
  subject: string;
  not_before: string;
  not_after: string;
  imported_by: string;
  imported_at: string;
};

export type Schema = {
  account_roles: AccountRolesTable;
  accounts: AccountsTable;
  audit_head: AuditHeadTable;
  audit_log: AuditLogTable;
  disclosure_packages: DisclosurePackagesTable;
  disclosure_records: DisclosureRecordsTable;
  enclosures: EnclosuresTable;
  fee_payments: FeePaymentsTable;
  form_requests: FormRequestsTable;
  identity_documents: IdentityDocumentsTable;
  letter_counters: LetterCountersTable;
  letters: LettersTable;
  receipt_counters: ReceiptCountersTable;
  redacted_documents: RedactedDocumentsTable;
  report_facts: ReportFactsTable;
  report_facts_stale: ReportFactsStaleTable;
  request_decisions: RequestDecisionsTable;
  request_dispatches: RequestDispatchesTable;
  request_events: RequestEventsTable;
  request_items: RequestItemsTable;
  request_parties: RequestPartiesTable;
  requests: RequestsTable;
  seal_image: SealImageTable;
  settings: SettingsTable;
  signing_identity: SigningIdentityTable;
};
