// The PostgreSQL schema as of version 22, made in one step: no PostgreSQL database exists before
// this version, so the SQLite history 0001..0022 is not replayed there. It is the SQLite schema of
// version 22 (schema.snapshot.sql) table for table and column for column, in the same column
// order, with the same keys, uniques, foreign keys, CHECKs, defaults, indexes and triggers. Frozen
// like every migration: later changes are later migrations with both texts.
//
// Value types stay engine-neutral, so one repository code reads both engines alike:
// - TEXT → text: dates, timestamps and JSON stay ISO/JSON text as on SQLite. Every text column is
//   COLLATE "C": comparison and order are byte order (UTF-8 code point order), as SQLite's BINARY,
//   whatever locale the server's database was created with (range scans on 受付番号, ORDER BY).
// - INTEGER → integer, or bigint where a value can pass 2^31: ids of append-only logs
//   (audit_log, request_events and what points at them) and a package's size (a file outside the
//   database; a BLOB inside is at most 1 GB on both engines). 0/1 flags stay integer with their
//   CHECKs. BLOB → bytea.
// - SQLite's rowid: where repositories order by it (letters, disclosure_records,
//   disclosure_packages, identity_documents, fee_payments), the table has `seq bigint GENERATED
//   ALWAYS AS IDENTITY` as its last column: the insertion order, never written by the app.
//   requests has no seq: its rowid is used only as a row key there, and id serves on PostgreSQL.
// - STRICT and WITHOUT ROWID are SQLite's storage notions and have no counterpart.
// - SQLite's triggers become trigger functions with the same effect (INSERT OR IGNORE → ON
//   CONFLICT DO NOTHING), one trigger per SQLite trigger under the same name.
export const postgresBaseline = `
DO $$
BEGIN
  IF (SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()) <> 'UTF8' THEN
    RAISE EXCEPTION 'Madoguchi needs a database with the UTF8 encoding.';
  END IF;
END
$$;

CREATE TABLE settings (
  key text COLLATE "C" PRIMARY KEY,
  value text COLLATE "C" NOT NULL
);

CREATE TABLE accounts (
  id text COLLATE "C" PRIMARY KEY,
  login_name text COLLATE "C" NOT NULL UNIQUE,
  display_name text COLLATE "C" NOT NULL,
  disabled integer NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  must_change_password integer NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  public_key text COLLATE "C",
  revocation_pending integer NOT NULL DEFAULT 0 CHECK (revocation_pending IN (0, 1))
);

CREATE TABLE account_roles (
  account_id text COLLATE "C" NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  role text COLLATE "C" NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
  PRIMARY KEY (account_id, role)
);

-- The app gives each entry its id (audit_head.last_id + 1, under the head's lock): no identity.
CREATE TABLE audit_log (
  id bigint PRIMARY KEY,
  at text COLLATE "C" NOT NULL,
  account_id text COLLATE "C",
  action text COLLATE "C" NOT NULL,
  target_id text COLLATE "C",
  summary text COLLATE "C" NOT NULL,
  prev_hash text COLLATE "C" NOT NULL,
  hash text COLLATE "C" NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_account ON audit_log (account_id, at);
CREATE INDEX audit_log_action ON audit_log (action, at);

-- The chain's head, updated with every append: deleting the newest entries shows.
CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  last_id bigint NOT NULL,
  last_hash text COLLATE "C" NOT NULL
);

CREATE TABLE receipt_counters (
  year integer PRIMARY KEY,
  last integer NOT NULL
);

CREATE TABLE requests (
  id text COLLATE "C" PRIMARY KEY,
  receipt_no text COLLATE "C" NOT NULL UNIQUE,
  channel text COLLATE "C" NOT NULL,
  arrival_date text COLLATE "C" NOT NULL,
  provisional integer NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
  tracking_no text COLLATE "C" NOT NULL DEFAULT '',
  received_by text COLLATE "C" NOT NULL REFERENCES accounts (id),
  requester_type text COLLATE "C" NOT NULL,
  answer_to text COLLATE "C" NOT NULL,
  delivery text COLLATE "C" NOT NULL,
  reply_address text COLLATE "C" NOT NULL DEFAULT '',
  disclosure_method text COLLATE "C",
  status text COLLATE "C" NOT NULL,
  notes text COLLATE "C" NOT NULL DEFAULT '',
  identity_json text COLLATE "C" NOT NULL DEFAULT '{}',
  -- Normalised copies of the person's name, kana, birth date and phone for search and the
  -- duplicate warning.
  search_kana text COLLATE "C" NOT NULL,
  search_name text COLLATE "C" NOT NULL,
  search_birth text COLLATE "C",
  search_phone text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  article39_date text COLLATE "C",
  sla_date text COLLATE "C",
  due_date text COLLATE "C",
  cure_json text COLLATE "C",
  cure_due text COLLATE "C",
  extension_json text COLLATE "C",
  submitted_by text COLLATE "C",
  approved_by text COLLATE "C",
  disposal_json text COLLATE "C",
  closed_on text COLLATE "C",
  purged_at text COLLATE "C",
  reply_postal_code text COLLATE "C" NOT NULL DEFAULT '',
  fee_return_json text COLLATE "C",
  fax_received_on text COLLATE "C",
  suspicion_json text COLLATE "C",
  searches_json text COLLATE "C",
  kind_mask integer NOT NULL DEFAULT 0
);
CREATE INDEX requests_kana ON requests (search_kana);
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
CREATE INDEX requests_status_due ON requests (status, due_date);
CREATE INDEX requests_status_cure ON requests (status, cure_due);
CREATE INDEX requests_status_closed ON requests (status, closed_on);
CREATE INDEX requests_name ON requests (search_name);
CREATE INDEX requests_undated ON requests (id) WHERE due_date IS NULL;
CREATE INDEX requests_suspected ON requests (arrival_date, receipt_no) WHERE suspicion_json IS NOT NULL AND closed_on IS NULL;
CREATE INDEX requests_arrival ON requests (arrival_date, receipt_no, purged_at, kind_mask);
CREATE INDEX requests_channel ON requests (channel, arrival_date, receipt_no, purged_at, kind_mask);
CREATE INDEX requests_status ON requests (status, arrival_date, receipt_no, channel, purged_at, kind_mask);

CREATE TABLE request_parties (
  request_id text COLLATE "C" NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  role text COLLATE "C" NOT NULL CHECK (role IN ('principal', 'agent')),
  data text COLLATE "C" NOT NULL,
  PRIMARY KEY (request_id, role)
);

CREATE TABLE request_items (
  request_id text COLLATE "C" NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  kind text COLLATE "C" NOT NULL,
  details text COLLATE "C" NOT NULL,
  PRIMARY KEY (request_id, kind)
);
CREATE INDEX request_items_kind ON request_items (kind, request_id);

CREATE TABLE enclosures (
  id text COLLATE "C" PRIMARY KEY,
  request_id text COLLATE "C" NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  type text COLLATE "C" NOT NULL,
  mime text COLLATE "C" NOT NULL,
  size integer NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  content bytea,
  added_by text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  purged_at text COLLATE "C"
);
CREATE INDEX enclosures_request ON enclosures (request_id);

CREATE TABLE identity_documents (
  id text COLLATE "C" PRIMARY KEY,
  request_id text COLLATE "C" NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  data text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX identity_documents_request ON identity_documents (request_id);

CREATE TABLE fee_payments (
  id text COLLATE "C" PRIMARY KEY,
  request_id text COLLATE "C" NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  means text COLLATE "C" NOT NULL,
  amount integer NOT NULL CHECK (amount > 0),
  received_on text COLLATE "C" NOT NULL,
  issued_on text COLLATE "C",
  for_kind text COLLATE "C",
  seq bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX fee_payments_request ON fee_payments (request_id);

CREATE TABLE request_events (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  request_id text COLLATE "C" NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  at text COLLATE "C" NOT NULL,
  day text COLLATE "C" NOT NULL,
  account_id text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL,
  from_state text COLLATE "C" NOT NULL,
  to_state text COLLATE "C" NOT NULL,
  comment text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX request_events_request ON request_events (request_id, id);

CREATE TABLE request_decisions (
  request_id text COLLATE "C" NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  kind text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  drafted_by text COLLATE "C" NOT NULL,
  drafted_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (request_id, kind)
);

CREATE TABLE request_dispatches (
  id text COLLATE "C" PRIMARY KEY,
  request_id text COLLATE "C" NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  data text COLLATE "C" NOT NULL,
  recorded_by text COLLATE "C" NOT NULL,
  recorded_at text COLLATE "C" NOT NULL
);
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);

CREATE TABLE letters (
  id text COLLATE "C" PRIMARY KEY,
  request_id text COLLATE "C" NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  kind text COLLATE "C" NOT NULL,
  document_no text COLLATE "C" NOT NULL UNIQUE,
  pdf bytea NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  signed integer NOT NULL CHECK (signed IN (0, 1)),
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  reissue_reason text COLLATE "C",
  approval_event bigint,
  seq bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX letters_request ON letters (request_id, created_at);

CREATE TABLE letter_counters (
  year integer PRIMARY KEY,
  last integer NOT NULL
);

-- One row each: the certificate (PKCS#8 key and DER certificates, never the passphrase) and the
-- seal image (PNG).
CREATE TABLE signing_identity (
  id integer PRIMARY KEY CHECK (id = 1),
  key bytea NOT NULL,
  certificates text COLLATE "C" NOT NULL,
  subject text COLLATE "C" NOT NULL,
  not_before text COLLATE "C" NOT NULL,
  not_after text COLLATE "C" NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL
);

CREATE TABLE seal_image (
  id integer PRIMARY KEY CHECK (id = 1),
  png bytea NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL
);

CREATE TABLE form_requests (
  id text COLLATE "C" PRIMARY KEY,
  number text COLLATE "C" NOT NULL UNIQUE,
  requested_on text COLLATE "C" NOT NULL,
  data_json text COLLATE "C" NOT NULL,
  sent_json text COLLATE "C",
  request_id text COLLATE "C" REFERENCES requests (id),
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL
);
CREATE INDEX form_requests_request ON form_requests (request_id);

CREATE TABLE disclosure_records (
  id text COLLATE "C" PRIMARY KEY,
  request_id text COLLATE "C" NOT NULL REFERENCES requests (id),
  kind text COLLATE "C" NOT NULL,
  file_name text COLLATE "C" NOT NULL,
  system text COLLATE "C" NOT NULL,
  exported_on text COLLATE "C" NOT NULL,
  format text COLLATE "C" NOT NULL,
  size integer NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  content bytea NOT NULL,
  marks_json text COLLATE "C" NOT NULL DEFAULT '[]',
  added_by text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX disclosure_records_request ON disclosure_records (request_id);

CREATE TABLE disclosure_packages (
  id text COLLATE "C" PRIMARY KEY,
  request_id text COLLATE "C" NOT NULL REFERENCES requests (id),
  route text COLLATE "C" NOT NULL,
  password_route text COLLATE "C" NOT NULL,
  file_name text COLLATE "C" NOT NULL,
  size bigint NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  manifest_json text COLLATE "C" NOT NULL,
  password_hash text COLLATE "C" NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  approval_event bigint,
  seq bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX disclosure_packages_request ON disclosure_packages (request_id);

CREATE TABLE redacted_documents (
  record_id text COLLATE "C" NOT NULL REFERENCES disclosure_records (id),
  marks_sha text COLLATE "C" NOT NULL,
  part integer NOT NULL,
  parts integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (record_id, part)
);

-- What the reports count, per request (see 0017-report-facts.ts); on SQLite clustered by bucket.
CREATE TABLE report_facts (
  bucket text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  arrival_date text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  PRIMARY KEY (bucket, request_id)
);
CREATE UNIQUE INDEX report_facts_request ON report_facts (request_id);
CREATE TABLE report_facts_stale (request_id text COLLATE "C" PRIMARY KEY);

-- A change to what a request counts marks it stale in the same statement (0017-report-facts.ts).
CREATE FUNCTION report_facts_mark_new() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (NEW.request_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;
CREATE FUNCTION report_facts_mark_old() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (OLD.request_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;
CREATE FUNCTION report_facts_mark_request() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
CREATE TRIGGER report_facts_requests_update
  AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items
  FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();

-- requests.kind_mask: the bits of the kinds asked for, kept by triggers on request_items
-- (0020-list-indexes.ts; the bits as that migration froze them).
CREATE FUNCTION requests_kind_mask_of(request text) RETURNS integer LANGUAGE sql STABLE AS $fn$
  SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4
    WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64
    WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0)::integer
  FROM request_items WHERE request_id = request
$fn$;
CREATE FUNCTION requests_kind_mask_new() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(NEW.request_id) WHERE id = NEW.request_id;
  RETURN NULL;
END
$fn$;
CREATE FUNCTION requests_kind_mask_old() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(OLD.request_id) WHERE id = OLD.request_id;
  RETURN NULL;
END
$fn$;
CREATE FUNCTION requests_kind_mask_moved() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(OLD.request_id) WHERE id = OLD.request_id;
  UPDATE requests SET kind_mask = requests_kind_mask_of(NEW.request_id) WHERE id = NEW.request_id;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items
  FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_new();
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items
  FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_old();
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items
  FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_moved();
`;
