-- ===== version 22: approval-links (baseline) =====
-- function report_facts_mark_new()
CREATE OR REPLACE FUNCTION report_facts_mark_new()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (NEW.request_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function report_facts_mark_old()
CREATE OR REPLACE FUNCTION report_facts_mark_old()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (OLD.request_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function report_facts_mark_request()
CREATE OR REPLACE FUNCTION report_facts_mark_request()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_moved()
CREATE OR REPLACE FUNCTION requests_kind_mask_moved()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(OLD.request_id) WHERE id = OLD.request_id;
  UPDATE requests SET kind_mask = requests_kind_mask_of(NEW.request_id) WHERE id = NEW.request_id;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_new()
CREATE OR REPLACE FUNCTION requests_kind_mask_new()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(NEW.request_id) WHERE id = NEW.request_id;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_of(request text)
CREATE OR REPLACE FUNCTION requests_kind_mask_of(request text)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
  SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4
    WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64
    WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0)::integer
  FROM request_items WHERE request_id = request
$function$;
-- function requests_kind_mask_old()
CREATE OR REPLACE FUNCTION requests_kind_mask_old()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(OLD.request_id) WHERE id = OLD.request_id;
  RETURN NULL;
END
$function$;
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log USING btree (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log USING btree (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log USING btree (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages USING btree (request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records USING btree (request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures USING btree (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments USING btree (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests USING btree (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents USING btree (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters USING btree (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts USING btree (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches USING btree (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events USING btree (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items USING btree (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests USING btree (arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_channel
CREATE INDEX requests_channel ON requests USING btree (channel, arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_kana
CREATE INDEX requests_kana ON requests USING btree (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests USING btree (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests USING btree (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests USING btree (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests USING btree (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests USING btree (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests USING btree (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests USING btree (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests USING btree (arrival_date, receipt_no) WHERE ((suspicion_json IS NOT NULL) AND (closed_on IS NULL));
-- index requests_undated
CREATE INDEX requests_undated ON requests USING btree (id) WHERE (due_date IS NULL);
-- table account_roles
CREATE TABLE account_roles (
  account_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  CONSTRAINT account_roles_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE,
  CONSTRAINT account_roles_pkey PRIMARY KEY (account_id, role),
  CONSTRAINT account_roles_role_check CHECK ((role = ANY (ARRAY['staff'::text, 'approver'::text, 'admin'::text])))
);
-- table accounts
CREATE TABLE accounts (
  id text COLLATE "C" NOT NULL,
  login_name text COLLATE "C" NOT NULL,
  display_name text COLLATE "C" NOT NULL,
  disabled integer NOT NULL DEFAULT 0,
  must_change_password integer NOT NULL DEFAULT 0,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  public_key text COLLATE "C",
  revocation_pending integer NOT NULL DEFAULT 0,
  CONSTRAINT accounts_disabled_check CHECK ((disabled = ANY (ARRAY[0, 1]))),
  CONSTRAINT accounts_login_name_key UNIQUE (login_name),
  CONSTRAINT accounts_must_change_password_check CHECK ((must_change_password = ANY (ARRAY[0, 1]))),
  CONSTRAINT accounts_pkey PRIMARY KEY (id),
  CONSTRAINT accounts_revocation_pending_check CHECK ((revocation_pending = ANY (ARRAY[0, 1])))
);
-- table audit_head
CREATE TABLE audit_head (
  id integer NOT NULL,
  last_id bigint NOT NULL,
  last_hash text COLLATE "C" NOT NULL,
  CONSTRAINT audit_head_id_check CHECK ((id = 1)),
  CONSTRAINT audit_head_pkey PRIMARY KEY (id)
);
-- table audit_log
CREATE TABLE audit_log (
  id bigint NOT NULL,
  at text COLLATE "C" NOT NULL,
  account_id text COLLATE "C",
  action text COLLATE "C" NOT NULL,
  target_id text COLLATE "C",
  summary text COLLATE "C" NOT NULL,
  prev_hash text COLLATE "C" NOT NULL,
  hash text COLLATE "C" NOT NULL,
  CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);
-- table disclosure_packages
CREATE TABLE disclosure_packages (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
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
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT disclosure_packages_pkey PRIMARY KEY (id),
  CONSTRAINT disclosure_packages_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table disclosure_records
CREATE TABLE disclosure_records (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  file_name text COLLATE "C" NOT NULL,
  system text COLLATE "C" NOT NULL,
  exported_on text COLLATE "C" NOT NULL,
  format text COLLATE "C" NOT NULL,
  size integer NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  content bytea NOT NULL,
  marks_json text COLLATE "C" NOT NULL DEFAULT '[]'::text,
  added_by text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT disclosure_records_pkey PRIMARY KEY (id),
  CONSTRAINT disclosure_records_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table enclosures
CREATE TABLE enclosures (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  type text COLLATE "C" NOT NULL,
  mime text COLLATE "C" NOT NULL,
  size integer NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  content bytea,
  added_by text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  purged_at text COLLATE "C",
  CONSTRAINT enclosures_pkey PRIMARY KEY (id),
  CONSTRAINT enclosures_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table fee_payments
CREATE TABLE fee_payments (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  means text COLLATE "C" NOT NULL,
  amount integer NOT NULL,
  received_on text COLLATE "C" NOT NULL,
  issued_on text COLLATE "C",
  for_kind text COLLATE "C",
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT fee_payments_amount_check CHECK ((amount > 0)),
  CONSTRAINT fee_payments_pkey PRIMARY KEY (id),
  CONSTRAINT fee_payments_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table form_requests
CREATE TABLE form_requests (
  id text COLLATE "C" NOT NULL,
  number text COLLATE "C" NOT NULL,
  requested_on text COLLATE "C" NOT NULL,
  data_json text COLLATE "C" NOT NULL,
  sent_json text COLLATE "C",
  request_id text COLLATE "C",
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  CONSTRAINT form_requests_number_key UNIQUE (number),
  CONSTRAINT form_requests_pkey PRIMARY KEY (id),
  CONSTRAINT form_requests_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table identity_documents
CREATE TABLE identity_documents (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT identity_documents_pkey PRIMARY KEY (id),
  CONSTRAINT identity_documents_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table letter_counters
CREATE TABLE letter_counters (
  year integer NOT NULL,
  last integer NOT NULL,
  CONSTRAINT letter_counters_pkey PRIMARY KEY (year)
);
-- table letters
CREATE TABLE letters (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  document_no text COLLATE "C" NOT NULL,
  pdf bytea NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  signed integer NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  reissue_reason text COLLATE "C",
  approval_event bigint,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT letters_document_no_key UNIQUE (document_no),
  CONSTRAINT letters_pkey PRIMARY KEY (id),
  CONSTRAINT letters_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE,
  CONSTRAINT letters_signed_check CHECK ((signed = ANY (ARRAY[0, 1])))
);
-- table receipt_counters
CREATE TABLE receipt_counters (
  year integer NOT NULL,
  last integer NOT NULL,
  CONSTRAINT receipt_counters_pkey PRIMARY KEY (year)
);
-- table redacted_documents
CREATE TABLE redacted_documents (
  record_id text COLLATE "C" NOT NULL,
  marks_sha text COLLATE "C" NOT NULL,
  part integer NOT NULL,
  parts integer NOT NULL,
  data bytea NOT NULL,
  CONSTRAINT redacted_documents_pkey PRIMARY KEY (record_id, part),
  CONSTRAINT redacted_documents_record_id_fkey FOREIGN KEY (record_id) REFERENCES disclosure_records(id)
);
-- table report_facts
CREATE TABLE report_facts (
  bucket text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  arrival_date text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  CONSTRAINT report_facts_pkey PRIMARY KEY (bucket, request_id),
  CONSTRAINT report_facts_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table report_facts_stale
CREATE TABLE report_facts_stale (
  request_id text COLLATE "C" NOT NULL,
  CONSTRAINT report_facts_stale_pkey PRIMARY KEY (request_id)
);
-- table request_decisions
CREATE TABLE request_decisions (
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  drafted_by text COLLATE "C" NOT NULL,
  drafted_at text COLLATE "C" NOT NULL,
  CONSTRAINT request_decisions_pkey PRIMARY KEY (request_id, kind),
  CONSTRAINT request_decisions_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_dispatches
CREATE TABLE request_dispatches (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  recorded_by text COLLATE "C" NOT NULL,
  recorded_at text COLLATE "C" NOT NULL,
  CONSTRAINT request_dispatches_pkey PRIMARY KEY (id),
  CONSTRAINT request_dispatches_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_events
CREATE TABLE request_events (
  id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  at text COLLATE "C" NOT NULL,
  day text COLLATE "C" NOT NULL,
  account_id text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL,
  from_state text COLLATE "C" NOT NULL,
  to_state text COLLATE "C" NOT NULL,
  comment text COLLATE "C" NOT NULL DEFAULT ''::text,
  CONSTRAINT request_events_pkey PRIMARY KEY (id),
  CONSTRAINT request_events_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_items
CREATE TABLE request_items (
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  details text COLLATE "C" NOT NULL,
  CONSTRAINT request_items_pkey PRIMARY KEY (request_id, kind),
  CONSTRAINT request_items_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_parties
CREATE TABLE request_parties (
  request_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  CONSTRAINT request_parties_pkey PRIMARY KEY (request_id, role),
  CONSTRAINT request_parties_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE,
  CONSTRAINT request_parties_role_check CHECK ((role = ANY (ARRAY['principal'::text, 'agent'::text])))
);
-- table requests
CREATE TABLE requests (
  id text COLLATE "C" NOT NULL,
  receipt_no text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  arrival_date text COLLATE "C" NOT NULL,
  provisional integer NOT NULL DEFAULT 0,
  tracking_no text COLLATE "C" NOT NULL DEFAULT ''::text,
  received_by text COLLATE "C" NOT NULL,
  requester_type text COLLATE "C" NOT NULL,
  answer_to text COLLATE "C" NOT NULL,
  delivery text COLLATE "C" NOT NULL,
  reply_address text COLLATE "C" NOT NULL DEFAULT ''::text,
  disclosure_method text COLLATE "C",
  status text COLLATE "C" NOT NULL,
  notes text COLLATE "C" NOT NULL DEFAULT ''::text,
  identity_json text COLLATE "C" NOT NULL DEFAULT '{}'::text,
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
  reply_postal_code text COLLATE "C" NOT NULL DEFAULT ''::text,
  fee_return_json text COLLATE "C",
  fax_received_on text COLLATE "C",
  suspicion_json text COLLATE "C",
  searches_json text COLLATE "C",
  kind_mask integer NOT NULL DEFAULT 0,
  CONSTRAINT requests_pkey PRIMARY KEY (id),
  CONSTRAINT requests_provisional_check CHECK ((provisional = ANY (ARRAY[0, 1]))),
  CONSTRAINT requests_receipt_no_key UNIQUE (receipt_no),
  CONSTRAINT requests_received_by_fkey FOREIGN KEY (received_by) REFERENCES accounts(id)
);
-- table schema_version
CREATE TABLE schema_version (
  id integer NOT NULL,
  version integer NOT NULL,
  CONSTRAINT schema_version_id_check CHECK ((id = 1)),
  CONSTRAINT schema_version_pkey PRIMARY KEY (id)
);
-- table seal_image
CREATE TABLE seal_image (
  id integer NOT NULL,
  png bytea NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL,
  CONSTRAINT seal_image_id_check CHECK ((id = 1)),
  CONSTRAINT seal_image_pkey PRIMARY KEY (id)
);
-- table settings
CREATE TABLE settings (
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  CONSTRAINT settings_pkey PRIMARY KEY (key)
);
-- table signing_identity
CREATE TABLE signing_identity (
  id integer NOT NULL,
  key bytea NOT NULL,
  certificates text COLLATE "C" NOT NULL,
  subject text COLLATE "C" NOT NULL,
  not_before text COLLATE "C" NOT NULL,
  not_after text COLLATE "C" NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL,
  CONSTRAINT signing_identity_id_check CHECK ((id = 1)),
  CONSTRAINT signing_identity_pkey PRIMARY KEY (id)
);
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
-- trigger requests_kind_mask_delete
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_old();
-- trigger requests_kind_mask_insert
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_new();
-- trigger requests_kind_mask_update
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_moved();

-- ===== version 23: stale-marks =====
-- function report_facts_mark_new()
CREATE OR REPLACE FUNCTION report_facts_mark_new()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (NEW.request_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function report_facts_mark_old()
CREATE OR REPLACE FUNCTION report_facts_mark_old()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (OLD.request_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function report_facts_mark_request()
CREATE OR REPLACE FUNCTION report_facts_mark_request()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_moved()
CREATE OR REPLACE FUNCTION requests_kind_mask_moved()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(OLD.request_id) WHERE id = OLD.request_id;
  UPDATE requests SET kind_mask = requests_kind_mask_of(NEW.request_id) WHERE id = NEW.request_id;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_new()
CREATE OR REPLACE FUNCTION requests_kind_mask_new()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(NEW.request_id) WHERE id = NEW.request_id;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_of(request text)
CREATE OR REPLACE FUNCTION requests_kind_mask_of(request text)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
  SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4
    WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64
    WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0)::integer
  FROM request_items WHERE request_id = request
$function$;
-- function requests_kind_mask_old()
CREATE OR REPLACE FUNCTION requests_kind_mask_old()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(OLD.request_id) WHERE id = OLD.request_id;
  RETURN NULL;
END
$function$;
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log USING btree (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log USING btree (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log USING btree (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages USING btree (request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records USING btree (request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures USING btree (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments USING btree (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests USING btree (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents USING btree (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters USING btree (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts USING btree (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches USING btree (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events USING btree (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items USING btree (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests USING btree (arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_channel
CREATE INDEX requests_channel ON requests USING btree (channel, arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_kana
CREATE INDEX requests_kana ON requests USING btree (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests USING btree (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests USING btree (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests USING btree (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests USING btree (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests USING btree (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests USING btree (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests USING btree (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests USING btree (arrival_date, receipt_no) WHERE ((suspicion_json IS NOT NULL) AND (closed_on IS NULL));
-- index requests_undated
CREATE INDEX requests_undated ON requests USING btree (id) WHERE (due_date IS NULL);
-- table account_roles
CREATE TABLE account_roles (
  account_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  CONSTRAINT account_roles_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE,
  CONSTRAINT account_roles_pkey PRIMARY KEY (account_id, role),
  CONSTRAINT account_roles_role_check CHECK ((role = ANY (ARRAY['staff'::text, 'approver'::text, 'admin'::text])))
);
-- table accounts
CREATE TABLE accounts (
  id text COLLATE "C" NOT NULL,
  login_name text COLLATE "C" NOT NULL,
  display_name text COLLATE "C" NOT NULL,
  disabled integer NOT NULL DEFAULT 0,
  must_change_password integer NOT NULL DEFAULT 0,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  public_key text COLLATE "C",
  revocation_pending integer NOT NULL DEFAULT 0,
  CONSTRAINT accounts_disabled_check CHECK ((disabled = ANY (ARRAY[0, 1]))),
  CONSTRAINT accounts_login_name_key UNIQUE (login_name),
  CONSTRAINT accounts_must_change_password_check CHECK ((must_change_password = ANY (ARRAY[0, 1]))),
  CONSTRAINT accounts_pkey PRIMARY KEY (id),
  CONSTRAINT accounts_revocation_pending_check CHECK ((revocation_pending = ANY (ARRAY[0, 1])))
);
-- table audit_head
CREATE TABLE audit_head (
  id integer NOT NULL,
  last_id bigint NOT NULL,
  last_hash text COLLATE "C" NOT NULL,
  CONSTRAINT audit_head_id_check CHECK ((id = 1)),
  CONSTRAINT audit_head_pkey PRIMARY KEY (id)
);
-- table audit_log
CREATE TABLE audit_log (
  id bigint NOT NULL,
  at text COLLATE "C" NOT NULL,
  account_id text COLLATE "C",
  action text COLLATE "C" NOT NULL,
  target_id text COLLATE "C",
  summary text COLLATE "C" NOT NULL,
  prev_hash text COLLATE "C" NOT NULL,
  hash text COLLATE "C" NOT NULL,
  CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);
-- table disclosure_packages
CREATE TABLE disclosure_packages (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
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
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT disclosure_packages_pkey PRIMARY KEY (id),
  CONSTRAINT disclosure_packages_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table disclosure_records
CREATE TABLE disclosure_records (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  file_name text COLLATE "C" NOT NULL,
  system text COLLATE "C" NOT NULL,
  exported_on text COLLATE "C" NOT NULL,
  format text COLLATE "C" NOT NULL,
  size integer NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  content bytea NOT NULL,
  marks_json text COLLATE "C" NOT NULL DEFAULT '[]'::text,
  added_by text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT disclosure_records_pkey PRIMARY KEY (id),
  CONSTRAINT disclosure_records_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table enclosures
CREATE TABLE enclosures (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  type text COLLATE "C" NOT NULL,
  mime text COLLATE "C" NOT NULL,
  size integer NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  content bytea,
  added_by text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  purged_at text COLLATE "C",
  CONSTRAINT enclosures_pkey PRIMARY KEY (id),
  CONSTRAINT enclosures_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table fee_payments
CREATE TABLE fee_payments (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  means text COLLATE "C" NOT NULL,
  amount integer NOT NULL,
  received_on text COLLATE "C" NOT NULL,
  issued_on text COLLATE "C",
  for_kind text COLLATE "C",
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT fee_payments_amount_check CHECK ((amount > 0)),
  CONSTRAINT fee_payments_pkey PRIMARY KEY (id),
  CONSTRAINT fee_payments_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table form_requests
CREATE TABLE form_requests (
  id text COLLATE "C" NOT NULL,
  number text COLLATE "C" NOT NULL,
  requested_on text COLLATE "C" NOT NULL,
  data_json text COLLATE "C" NOT NULL,
  sent_json text COLLATE "C",
  request_id text COLLATE "C",
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  CONSTRAINT form_requests_number_key UNIQUE (number),
  CONSTRAINT form_requests_pkey PRIMARY KEY (id),
  CONSTRAINT form_requests_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table identity_documents
CREATE TABLE identity_documents (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT identity_documents_pkey PRIMARY KEY (id),
  CONSTRAINT identity_documents_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table letter_counters
CREATE TABLE letter_counters (
  year integer NOT NULL,
  last integer NOT NULL,
  CONSTRAINT letter_counters_pkey PRIMARY KEY (year)
);
-- table letters
CREATE TABLE letters (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  document_no text COLLATE "C" NOT NULL,
  pdf bytea NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  signed integer NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  reissue_reason text COLLATE "C",
  approval_event bigint,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT letters_document_no_key UNIQUE (document_no),
  CONSTRAINT letters_pkey PRIMARY KEY (id),
  CONSTRAINT letters_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE,
  CONSTRAINT letters_signed_check CHECK ((signed = ANY (ARRAY[0, 1])))
);
-- table receipt_counters
CREATE TABLE receipt_counters (
  year integer NOT NULL,
  last integer NOT NULL,
  CONSTRAINT receipt_counters_pkey PRIMARY KEY (year)
);
-- table redacted_documents
CREATE TABLE redacted_documents (
  record_id text COLLATE "C" NOT NULL,
  marks_sha text COLLATE "C" NOT NULL,
  part integer NOT NULL,
  parts integer NOT NULL,
  data bytea NOT NULL,
  CONSTRAINT redacted_documents_pkey PRIMARY KEY (record_id, part),
  CONSTRAINT redacted_documents_record_id_fkey FOREIGN KEY (record_id) REFERENCES disclosure_records(id)
);
-- table report_facts
CREATE TABLE report_facts (
  bucket text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  arrival_date text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  CONSTRAINT report_facts_pkey PRIMARY KEY (bucket, request_id),
  CONSTRAINT report_facts_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table report_facts_stale
CREATE TABLE report_facts_stale (
  request_id text COLLATE "C" NOT NULL,
  CONSTRAINT report_facts_stale_pkey PRIMARY KEY (request_id)
);
-- table request_decisions
CREATE TABLE request_decisions (
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  drafted_by text COLLATE "C" NOT NULL,
  drafted_at text COLLATE "C" NOT NULL,
  CONSTRAINT request_decisions_pkey PRIMARY KEY (request_id, kind),
  CONSTRAINT request_decisions_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_dispatches
CREATE TABLE request_dispatches (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  recorded_by text COLLATE "C" NOT NULL,
  recorded_at text COLLATE "C" NOT NULL,
  CONSTRAINT request_dispatches_pkey PRIMARY KEY (id),
  CONSTRAINT request_dispatches_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_events
CREATE TABLE request_events (
  id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  at text COLLATE "C" NOT NULL,
  day text COLLATE "C" NOT NULL,
  account_id text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL,
  from_state text COLLATE "C" NOT NULL,
  to_state text COLLATE "C" NOT NULL,
  comment text COLLATE "C" NOT NULL DEFAULT ''::text,
  CONSTRAINT request_events_pkey PRIMARY KEY (id),
  CONSTRAINT request_events_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_items
CREATE TABLE request_items (
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  details text COLLATE "C" NOT NULL,
  CONSTRAINT request_items_pkey PRIMARY KEY (request_id, kind),
  CONSTRAINT request_items_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_parties
CREATE TABLE request_parties (
  request_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  CONSTRAINT request_parties_pkey PRIMARY KEY (request_id, role),
  CONSTRAINT request_parties_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE,
  CONSTRAINT request_parties_role_check CHECK ((role = ANY (ARRAY['principal'::text, 'agent'::text])))
);
-- table requests
CREATE TABLE requests (
  id text COLLATE "C" NOT NULL,
  receipt_no text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  arrival_date text COLLATE "C" NOT NULL,
  provisional integer NOT NULL DEFAULT 0,
  tracking_no text COLLATE "C" NOT NULL DEFAULT ''::text,
  received_by text COLLATE "C" NOT NULL,
  requester_type text COLLATE "C" NOT NULL,
  answer_to text COLLATE "C" NOT NULL,
  delivery text COLLATE "C" NOT NULL,
  reply_address text COLLATE "C" NOT NULL DEFAULT ''::text,
  disclosure_method text COLLATE "C",
  status text COLLATE "C" NOT NULL,
  notes text COLLATE "C" NOT NULL DEFAULT ''::text,
  identity_json text COLLATE "C" NOT NULL DEFAULT '{}'::text,
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
  reply_postal_code text COLLATE "C" NOT NULL DEFAULT ''::text,
  fee_return_json text COLLATE "C",
  fax_received_on text COLLATE "C",
  suspicion_json text COLLATE "C",
  searches_json text COLLATE "C",
  kind_mask integer NOT NULL DEFAULT 0,
  CONSTRAINT requests_pkey PRIMARY KEY (id),
  CONSTRAINT requests_provisional_check CHECK ((provisional = ANY (ARRAY[0, 1]))),
  CONSTRAINT requests_receipt_no_key UNIQUE (receipt_no),
  CONSTRAINT requests_received_by_fkey FOREIGN KEY (received_by) REFERENCES accounts(id)
);
-- table schema_version
CREATE TABLE schema_version (
  id integer NOT NULL,
  version integer NOT NULL,
  CONSTRAINT schema_version_id_check CHECK ((id = 1)),
  CONSTRAINT schema_version_pkey PRIMARY KEY (id)
);
-- table seal_image
CREATE TABLE seal_image (
  id integer NOT NULL,
  png bytea NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL,
  CONSTRAINT seal_image_id_check CHECK ((id = 1)),
  CONSTRAINT seal_image_pkey PRIMARY KEY (id)
);
-- table settings
CREATE TABLE settings (
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  CONSTRAINT settings_pkey PRIMARY KEY (key)
);
-- table signing_identity
CREATE TABLE signing_identity (
  id integer NOT NULL,
  key bytea NOT NULL,
  certificates text COLLATE "C" NOT NULL,
  subject text COLLATE "C" NOT NULL,
  not_before text COLLATE "C" NOT NULL,
  not_after text COLLATE "C" NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL,
  CONSTRAINT signing_identity_id_check CHECK ((id = 1)),
  CONSTRAINT signing_identity_pkey PRIMARY KEY (id)
);
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
-- trigger requests_kind_mask_delete
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_old();
-- trigger requests_kind_mask_insert
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_new();
-- trigger requests_kind_mask_update
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_moved();

-- ===== version 24: outside-law =====
-- function report_facts_mark_new()
CREATE OR REPLACE FUNCTION report_facts_mark_new()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (NEW.request_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function report_facts_mark_old()
CREATE OR REPLACE FUNCTION report_facts_mark_old()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (OLD.request_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function report_facts_mark_request()
CREATE OR REPLACE FUNCTION report_facts_mark_request()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_moved()
CREATE OR REPLACE FUNCTION requests_kind_mask_moved()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(OLD.request_id) WHERE id = OLD.request_id;
  UPDATE requests SET kind_mask = requests_kind_mask_of(NEW.request_id) WHERE id = NEW.request_id;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_new()
CREATE OR REPLACE FUNCTION requests_kind_mask_new()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(NEW.request_id) WHERE id = NEW.request_id;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_of(request text)
CREATE OR REPLACE FUNCTION requests_kind_mask_of(request text)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
  SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4
    WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64
    WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0)::integer
  FROM request_items WHERE request_id = request
$function$;
-- function requests_kind_mask_old()
CREATE OR REPLACE FUNCTION requests_kind_mask_old()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(OLD.request_id) WHERE id = OLD.request_id;
  RETURN NULL;
END
$function$;
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log USING btree (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log USING btree (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log USING btree (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages USING btree (request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records USING btree (request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures USING btree (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments USING btree (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests USING btree (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents USING btree (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters USING btree (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts USING btree (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches USING btree (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events USING btree (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items USING btree (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests USING btree (arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_channel
CREATE INDEX requests_channel ON requests USING btree (channel, arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_kana
CREATE INDEX requests_kana ON requests USING btree (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests USING btree (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests USING btree (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests USING btree (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests USING btree (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests USING btree (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests USING btree (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests USING btree (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests USING btree (arrival_date, receipt_no) WHERE ((suspicion_json IS NOT NULL) AND (closed_on IS NULL));
-- index requests_undated
CREATE INDEX requests_undated ON requests USING btree (id) WHERE (due_date IS NULL);
-- table account_roles
CREATE TABLE account_roles (
  account_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  CONSTRAINT account_roles_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE,
  CONSTRAINT account_roles_pkey PRIMARY KEY (account_id, role),
  CONSTRAINT account_roles_role_check CHECK ((role = ANY (ARRAY['staff'::text, 'approver'::text, 'admin'::text])))
);
-- table accounts
CREATE TABLE accounts (
  id text COLLATE "C" NOT NULL,
  login_name text COLLATE "C" NOT NULL,
  display_name text COLLATE "C" NOT NULL,
  disabled integer NOT NULL DEFAULT 0,
  must_change_password integer NOT NULL DEFAULT 0,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  public_key text COLLATE "C",
  revocation_pending integer NOT NULL DEFAULT 0,
  CONSTRAINT accounts_disabled_check CHECK ((disabled = ANY (ARRAY[0, 1]))),
  CONSTRAINT accounts_login_name_key UNIQUE (login_name),
  CONSTRAINT accounts_must_change_password_check CHECK ((must_change_password = ANY (ARRAY[0, 1]))),
  CONSTRAINT accounts_pkey PRIMARY KEY (id),
  CONSTRAINT accounts_revocation_pending_check CHECK ((revocation_pending = ANY (ARRAY[0, 1])))
);
-- table audit_head
CREATE TABLE audit_head (
  id integer NOT NULL,
  last_id bigint NOT NULL,
  last_hash text COLLATE "C" NOT NULL,
  CONSTRAINT audit_head_id_check CHECK ((id = 1)),
  CONSTRAINT audit_head_pkey PRIMARY KEY (id)
);
-- table audit_log
CREATE TABLE audit_log (
  id bigint NOT NULL,
  at text COLLATE "C" NOT NULL,
  account_id text COLLATE "C",
  action text COLLATE "C" NOT NULL,
  target_id text COLLATE "C",
  summary text COLLATE "C" NOT NULL,
  prev_hash text COLLATE "C" NOT NULL,
  hash text COLLATE "C" NOT NULL,
  CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);
-- table disclosure_packages
CREATE TABLE disclosure_packages (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
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
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT disclosure_packages_pkey PRIMARY KEY (id),
  CONSTRAINT disclosure_packages_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table disclosure_records
CREATE TABLE disclosure_records (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  file_name text COLLATE "C" NOT NULL,
  system text COLLATE "C" NOT NULL,
  exported_on text COLLATE "C" NOT NULL,
  format text COLLATE "C" NOT NULL,
  size integer NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  content bytea NOT NULL,
  marks_json text COLLATE "C" NOT NULL DEFAULT '[]'::text,
  added_by text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT disclosure_records_pkey PRIMARY KEY (id),
  CONSTRAINT disclosure_records_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table enclosures
CREATE TABLE enclosures (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  type text COLLATE "C" NOT NULL,
  mime text COLLATE "C" NOT NULL,
  size integer NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  content bytea,
  added_by text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  purged_at text COLLATE "C",
  CONSTRAINT enclosures_pkey PRIMARY KEY (id),
  CONSTRAINT enclosures_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table fee_payments
CREATE TABLE fee_payments (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  means text COLLATE "C" NOT NULL,
  amount integer NOT NULL,
  received_on text COLLATE "C" NOT NULL,
  issued_on text COLLATE "C",
  for_kind text COLLATE "C",
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT fee_payments_amount_check CHECK ((amount > 0)),
  CONSTRAINT fee_payments_pkey PRIMARY KEY (id),
  CONSTRAINT fee_payments_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table form_requests
CREATE TABLE form_requests (
  id text COLLATE "C" NOT NULL,
  number text COLLATE "C" NOT NULL,
  requested_on text COLLATE "C" NOT NULL,
  data_json text COLLATE "C" NOT NULL,
  sent_json text COLLATE "C",
  request_id text COLLATE "C",
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  CONSTRAINT form_requests_number_key UNIQUE (number),
  CONSTRAINT form_requests_pkey PRIMARY KEY (id),
  CONSTRAINT form_requests_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table identity_documents
CREATE TABLE identity_documents (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT identity_documents_pkey PRIMARY KEY (id),
  CONSTRAINT identity_documents_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table letter_counters
CREATE TABLE letter_counters (
  year integer NOT NULL,
  last integer NOT NULL,
  CONSTRAINT letter_counters_pkey PRIMARY KEY (year)
);
-- table letters
CREATE TABLE letters (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  document_no text COLLATE "C" NOT NULL,
  pdf bytea NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  signed integer NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  reissue_reason text COLLATE "C",
  approval_event bigint,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT letters_document_no_key UNIQUE (document_no),
  CONSTRAINT letters_pkey PRIMARY KEY (id),
  CONSTRAINT letters_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE,
  CONSTRAINT letters_signed_check CHECK ((signed = ANY (ARRAY[0, 1])))
);
-- table receipt_counters
CREATE TABLE receipt_counters (
  year integer NOT NULL,
  last integer NOT NULL,
  CONSTRAINT receipt_counters_pkey PRIMARY KEY (year)
);
-- table redacted_documents
CREATE TABLE redacted_documents (
  record_id text COLLATE "C" NOT NULL,
  marks_sha text COLLATE "C" NOT NULL,
  part integer NOT NULL,
  parts integer NOT NULL,
  data bytea NOT NULL,
  CONSTRAINT redacted_documents_pkey PRIMARY KEY (record_id, part),
  CONSTRAINT redacted_documents_record_id_fkey FOREIGN KEY (record_id) REFERENCES disclosure_records(id)
);
-- table report_facts
CREATE TABLE report_facts (
  bucket text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  arrival_date text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  CONSTRAINT report_facts_pkey PRIMARY KEY (bucket, request_id),
  CONSTRAINT report_facts_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table report_facts_stale
CREATE TABLE report_facts_stale (
  request_id text COLLATE "C" NOT NULL,
  CONSTRAINT report_facts_stale_pkey PRIMARY KEY (request_id)
);
-- table request_decisions
CREATE TABLE request_decisions (
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  drafted_by text COLLATE "C" NOT NULL,
  drafted_at text COLLATE "C" NOT NULL,
  CONSTRAINT request_decisions_pkey PRIMARY KEY (request_id, kind),
  CONSTRAINT request_decisions_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_dispatches
CREATE TABLE request_dispatches (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  recorded_by text COLLATE "C" NOT NULL,
  recorded_at text COLLATE "C" NOT NULL,
  CONSTRAINT request_dispatches_pkey PRIMARY KEY (id),
  CONSTRAINT request_dispatches_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_events
CREATE TABLE request_events (
  id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  at text COLLATE "C" NOT NULL,
  day text COLLATE "C" NOT NULL,
  account_id text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL,
  from_state text COLLATE "C" NOT NULL,
  to_state text COLLATE "C" NOT NULL,
  comment text COLLATE "C" NOT NULL DEFAULT ''::text,
  CONSTRAINT request_events_pkey PRIMARY KEY (id),
  CONSTRAINT request_events_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_items
CREATE TABLE request_items (
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  details text COLLATE "C" NOT NULL,
  CONSTRAINT request_items_pkey PRIMARY KEY (request_id, kind),
  CONSTRAINT request_items_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_parties
CREATE TABLE request_parties (
  request_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  CONSTRAINT request_parties_pkey PRIMARY KEY (request_id, role),
  CONSTRAINT request_parties_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE,
  CONSTRAINT request_parties_role_check CHECK ((role = ANY (ARRAY['principal'::text, 'agent'::text])))
);
-- table requests
CREATE TABLE requests (
  id text COLLATE "C" NOT NULL,
  receipt_no text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  arrival_date text COLLATE "C" NOT NULL,
  provisional integer NOT NULL DEFAULT 0,
  tracking_no text COLLATE "C" NOT NULL DEFAULT ''::text,
  received_by text COLLATE "C" NOT NULL,
  requester_type text COLLATE "C" NOT NULL,
  answer_to text COLLATE "C" NOT NULL,
  delivery text COLLATE "C" NOT NULL,
  reply_address text COLLATE "C" NOT NULL DEFAULT ''::text,
  disclosure_method text COLLATE "C",
  status text COLLATE "C" NOT NULL,
  notes text COLLATE "C" NOT NULL DEFAULT ''::text,
  identity_json text COLLATE "C" NOT NULL DEFAULT '{}'::text,
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
  reply_postal_code text COLLATE "C" NOT NULL DEFAULT ''::text,
  fee_return_json text COLLATE "C",
  fax_received_on text COLLATE "C",
  suspicion_json text COLLATE "C",
  searches_json text COLLATE "C",
  kind_mask integer NOT NULL DEFAULT 0,
  outside_law_json text COLLATE "C",
  CONSTRAINT requests_pkey PRIMARY KEY (id),
  CONSTRAINT requests_provisional_check CHECK ((provisional = ANY (ARRAY[0, 1]))),
  CONSTRAINT requests_receipt_no_key UNIQUE (receipt_no),
  CONSTRAINT requests_received_by_fkey FOREIGN KEY (received_by) REFERENCES accounts(id)
);
-- table schema_version
CREATE TABLE schema_version (
  id integer NOT NULL,
  version integer NOT NULL,
  CONSTRAINT schema_version_id_check CHECK ((id = 1)),
  CONSTRAINT schema_version_pkey PRIMARY KEY (id)
);
-- table seal_image
CREATE TABLE seal_image (
  id integer NOT NULL,
  png bytea NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL,
  CONSTRAINT seal_image_id_check CHECK ((id = 1)),
  CONSTRAINT seal_image_pkey PRIMARY KEY (id)
);
-- table settings
CREATE TABLE settings (
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  CONSTRAINT settings_pkey PRIMARY KEY (key)
);
-- table signing_identity
CREATE TABLE signing_identity (
  id integer NOT NULL,
  key bytea NOT NULL,
  certificates text COLLATE "C" NOT NULL,
  subject text COLLATE "C" NOT NULL,
  not_before text COLLATE "C" NOT NULL,
  not_after text COLLATE "C" NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL,
  CONSTRAINT signing_identity_id_check CHECK ((id = 1)),
  CONSTRAINT signing_identity_pkey PRIMARY KEY (id)
);
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
-- trigger requests_kind_mask_delete
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_old();
-- trigger requests_kind_mask_insert
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_new();
-- trigger requests_kind_mask_update
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_moved();

-- ===== version 25: split-requests =====
-- function report_facts_mark_new()
CREATE OR REPLACE FUNCTION report_facts_mark_new()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (NEW.request_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function report_facts_mark_old()
CREATE OR REPLACE FUNCTION report_facts_mark_old()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (OLD.request_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function report_facts_mark_request()
CREATE OR REPLACE FUNCTION report_facts_mark_request()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_moved()
CREATE OR REPLACE FUNCTION requests_kind_mask_moved()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(OLD.request_id) WHERE id = OLD.request_id;
  UPDATE requests SET kind_mask = requests_kind_mask_of(NEW.request_id) WHERE id = NEW.request_id;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_new()
CREATE OR REPLACE FUNCTION requests_kind_mask_new()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(NEW.request_id) WHERE id = NEW.request_id;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_of(request text)
CREATE OR REPLACE FUNCTION requests_kind_mask_of(request text)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
  SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4
    WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64
    WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0)::integer
  FROM request_items WHERE request_id = request
$function$;
-- function requests_kind_mask_old()
CREATE OR REPLACE FUNCTION requests_kind_mask_old()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(OLD.request_id) WHERE id = OLD.request_id;
  RETURN NULL;
END
$function$;
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log USING btree (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log USING btree (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log USING btree (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages USING btree (request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records USING btree (request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures USING btree (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments USING btree (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests USING btree (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents USING btree (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters USING btree (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts USING btree (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches USING btree (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events USING btree (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items USING btree (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests USING btree (arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_channel
CREATE INDEX requests_channel ON requests USING btree (channel, arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_kana
CREATE INDEX requests_kana ON requests USING btree (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests USING btree (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests USING btree (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests USING btree (search_name, search_birth);
-- index requests_split_from
CREATE INDEX requests_split_from ON requests USING btree (split_from) WHERE (split_from IS NOT NULL);
-- index requests_status
CREATE INDEX requests_status ON requests USING btree (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests USING btree (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests USING btree (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests USING btree (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests USING btree (arrival_date, receipt_no) WHERE ((suspicion_json IS NOT NULL) AND (closed_on IS NULL));
-- index requests_undated
CREATE INDEX requests_undated ON requests USING btree (id) WHERE (due_date IS NULL);
-- table account_roles
CREATE TABLE account_roles (
  account_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  CONSTRAINT account_roles_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE,
  CONSTRAINT account_roles_pkey PRIMARY KEY (account_id, role),
  CONSTRAINT account_roles_role_check CHECK ((role = ANY (ARRAY['staff'::text, 'approver'::text, 'admin'::text])))
);
-- table accounts
CREATE TABLE accounts (
  id text COLLATE "C" NOT NULL,
  login_name text COLLATE "C" NOT NULL,
  display_name text COLLATE "C" NOT NULL,
  disabled integer NOT NULL DEFAULT 0,
  must_change_password integer NOT NULL DEFAULT 0,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  public_key text COLLATE "C",
  revocation_pending integer NOT NULL DEFAULT 0,
  CONSTRAINT accounts_disabled_check CHECK ((disabled = ANY (ARRAY[0, 1]))),
  CONSTRAINT accounts_login_name_key UNIQUE (login_name),
  CONSTRAINT accounts_must_change_password_check CHECK ((must_change_password = ANY (ARRAY[0, 1]))),
  CONSTRAINT accounts_pkey PRIMARY KEY (id),
  CONSTRAINT accounts_revocation_pending_check CHECK ((revocation_pending = ANY (ARRAY[0, 1])))
);
-- table audit_head
CREATE TABLE audit_head (
  id integer NOT NULL,
  last_id bigint NOT NULL,
  last_hash text COLLATE "C" NOT NULL,
  CONSTRAINT audit_head_id_check CHECK ((id = 1)),
  CONSTRAINT audit_head_pkey PRIMARY KEY (id)
);
-- table audit_log
CREATE TABLE audit_log (
  id bigint NOT NULL,
  at text COLLATE "C" NOT NULL,
  account_id text COLLATE "C",
  action text COLLATE "C" NOT NULL,
  target_id text COLLATE "C",
  summary text COLLATE "C" NOT NULL,
  prev_hash text COLLATE "C" NOT NULL,
  hash text COLLATE "C" NOT NULL,
  CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);
-- table disclosure_packages
CREATE TABLE disclosure_packages (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
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
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT disclosure_packages_pkey PRIMARY KEY (id),
  CONSTRAINT disclosure_packages_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table disclosure_records
CREATE TABLE disclosure_records (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  file_name text COLLATE "C" NOT NULL,
  system text COLLATE "C" NOT NULL,
  exported_on text COLLATE "C" NOT NULL,
  format text COLLATE "C" NOT NULL,
  size integer NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  content bytea NOT NULL,
  marks_json text COLLATE "C" NOT NULL DEFAULT '[]'::text,
  added_by text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT disclosure_records_pkey PRIMARY KEY (id),
  CONSTRAINT disclosure_records_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table enclosures
CREATE TABLE enclosures (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  type text COLLATE "C" NOT NULL,
  mime text COLLATE "C" NOT NULL,
  size integer NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  content bytea,
  added_by text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  purged_at text COLLATE "C",
  CONSTRAINT enclosures_pkey PRIMARY KEY (id),
  CONSTRAINT enclosures_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table fee_payments
CREATE TABLE fee_payments (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  means text COLLATE "C" NOT NULL,
  amount integer NOT NULL,
  received_on text COLLATE "C" NOT NULL,
  issued_on text COLLATE "C",
  for_kind text COLLATE "C",
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT fee_payments_amount_check CHECK ((amount > 0)),
  CONSTRAINT fee_payments_pkey PRIMARY KEY (id),
  CONSTRAINT fee_payments_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table form_requests
CREATE TABLE form_requests (
  id text COLLATE "C" NOT NULL,
  number text COLLATE "C" NOT NULL,
  requested_on text COLLATE "C" NOT NULL,
  data_json text COLLATE "C" NOT NULL,
  sent_json text COLLATE "C",
  request_id text COLLATE "C",
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  CONSTRAINT form_requests_number_key UNIQUE (number),
  CONSTRAINT form_requests_pkey PRIMARY KEY (id),
  CONSTRAINT form_requests_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table identity_documents
CREATE TABLE identity_documents (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT identity_documents_pkey PRIMARY KEY (id),
  CONSTRAINT identity_documents_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table letter_counters
CREATE TABLE letter_counters (
  year integer NOT NULL,
  last integer NOT NULL,
  CONSTRAINT letter_counters_pkey PRIMARY KEY (year)
);
-- table letters
CREATE TABLE letters (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  document_no text COLLATE "C" NOT NULL,
  pdf bytea NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  signed integer NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  reissue_reason text COLLATE "C",
  approval_event bigint,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT letters_document_no_key UNIQUE (document_no),
  CONSTRAINT letters_pkey PRIMARY KEY (id),
  CONSTRAINT letters_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE,
  CONSTRAINT letters_signed_check CHECK ((signed = ANY (ARRAY[0, 1])))
);
-- table receipt_counters
CREATE TABLE receipt_counters (
  year integer NOT NULL,
  last integer NOT NULL,
  CONSTRAINT receipt_counters_pkey PRIMARY KEY (year)
);
-- table redacted_documents
CREATE TABLE redacted_documents (
  record_id text COLLATE "C" NOT NULL,
  marks_sha text COLLATE "C" NOT NULL,
  part integer NOT NULL,
  parts integer NOT NULL,
  data bytea NOT NULL,
  CONSTRAINT redacted_documents_pkey PRIMARY KEY (record_id, part),
  CONSTRAINT redacted_documents_record_id_fkey FOREIGN KEY (record_id) REFERENCES disclosure_records(id)
);
-- table report_facts
CREATE TABLE report_facts (
  bucket text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  arrival_date text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  CONSTRAINT report_facts_pkey PRIMARY KEY (bucket, request_id),
  CONSTRAINT report_facts_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table report_facts_stale
CREATE TABLE report_facts_stale (
  request_id text COLLATE "C" NOT NULL,
  CONSTRAINT report_facts_stale_pkey PRIMARY KEY (request_id)
);
-- table request_decisions
CREATE TABLE request_decisions (
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  drafted_by text COLLATE "C" NOT NULL,
  drafted_at text COLLATE "C" NOT NULL,
  CONSTRAINT request_decisions_pkey PRIMARY KEY (request_id, kind),
  CONSTRAINT request_decisions_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_dispatches
CREATE TABLE request_dispatches (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  recorded_by text COLLATE "C" NOT NULL,
  recorded_at text COLLATE "C" NOT NULL,
  CONSTRAINT request_dispatches_pkey PRIMARY KEY (id),
  CONSTRAINT request_dispatches_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_events
CREATE TABLE request_events (
  id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  at text COLLATE "C" NOT NULL,
  day text COLLATE "C" NOT NULL,
  account_id text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL,
  from_state text COLLATE "C" NOT NULL,
  to_state text COLLATE "C" NOT NULL,
  comment text COLLATE "C" NOT NULL DEFAULT ''::text,
  CONSTRAINT request_events_pkey PRIMARY KEY (id),
  CONSTRAINT request_events_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_items
CREATE TABLE request_items (
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  details text COLLATE "C" NOT NULL,
  CONSTRAINT request_items_pkey PRIMARY KEY (request_id, kind),
  CONSTRAINT request_items_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_parties
CREATE TABLE request_parties (
  request_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  CONSTRAINT request_parties_pkey PRIMARY KEY (request_id, role),
  CONSTRAINT request_parties_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE,
  CONSTRAINT request_parties_role_check CHECK ((role = ANY (ARRAY['principal'::text, 'agent'::text])))
);
-- table requests
CREATE TABLE requests (
  id text COLLATE "C" NOT NULL,
  receipt_no text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  arrival_date text COLLATE "C" NOT NULL,
  provisional integer NOT NULL DEFAULT 0,
  tracking_no text COLLATE "C" NOT NULL DEFAULT ''::text,
  received_by text COLLATE "C" NOT NULL,
  requester_type text COLLATE "C" NOT NULL,
  answer_to text COLLATE "C" NOT NULL,
  delivery text COLLATE "C" NOT NULL,
  reply_address text COLLATE "C" NOT NULL DEFAULT ''::text,
  disclosure_method text COLLATE "C",
  status text COLLATE "C" NOT NULL,
  notes text COLLATE "C" NOT NULL DEFAULT ''::text,
  identity_json text COLLATE "C" NOT NULL DEFAULT '{}'::text,
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
  reply_postal_code text COLLATE "C" NOT NULL DEFAULT ''::text,
  fee_return_json text COLLATE "C",
  fax_received_on text COLLATE "C",
  suspicion_json text COLLATE "C",
  searches_json text COLLATE "C",
  kind_mask integer NOT NULL DEFAULT 0,
  outside_law_json text COLLATE "C",
  split_from text COLLATE "C",
  CONSTRAINT requests_pkey PRIMARY KEY (id),
  CONSTRAINT requests_provisional_check CHECK ((provisional = ANY (ARRAY[0, 1]))),
  CONSTRAINT requests_receipt_no_key UNIQUE (receipt_no),
  CONSTRAINT requests_received_by_fkey FOREIGN KEY (received_by) REFERENCES accounts(id),
  CONSTRAINT requests_split_from_fkey FOREIGN KEY (split_from) REFERENCES requests(id) ON DELETE SET NULL
);
-- table schema_version
CREATE TABLE schema_version (
  id integer NOT NULL,
  version integer NOT NULL,
  CONSTRAINT schema_version_id_check CHECK ((id = 1)),
  CONSTRAINT schema_version_pkey PRIMARY KEY (id)
);
-- table seal_image
CREATE TABLE seal_image (
  id integer NOT NULL,
  png bytea NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL,
  CONSTRAINT seal_image_id_check CHECK ((id = 1)),
  CONSTRAINT seal_image_pkey PRIMARY KEY (id)
);
-- table settings
CREATE TABLE settings (
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  CONSTRAINT settings_pkey PRIMARY KEY (key)
);
-- table signing_identity
CREATE TABLE signing_identity (
  id integer NOT NULL,
  key bytea NOT NULL,
  certificates text COLLATE "C" NOT NULL,
  subject text COLLATE "C" NOT NULL,
  not_before text COLLATE "C" NOT NULL,
  not_after text COLLATE "C" NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL,
  CONSTRAINT signing_identity_id_check CHECK ((id = 1)),
  CONSTRAINT signing_identity_pkey PRIMARY KEY (id)
);
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
-- trigger requests_kind_mask_delete
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_old();
-- trigger requests_kind_mask_insert
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_new();
-- trigger requests_kind_mask_update
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_moved();

-- ===== version 26: report-extension =====
-- function report_facts_mark_new()
CREATE OR REPLACE FUNCTION report_facts_mark_new()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (NEW.request_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function report_facts_mark_old()
CREATE OR REPLACE FUNCTION report_facts_mark_old()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (OLD.request_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function report_facts_mark_request()
CREATE OR REPLACE FUNCTION report_facts_mark_request()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO report_facts_stale (request_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_moved()
CREATE OR REPLACE FUNCTION requests_kind_mask_moved()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(OLD.request_id) WHERE id = OLD.request_id;
  UPDATE requests SET kind_mask = requests_kind_mask_of(NEW.request_id) WHERE id = NEW.request_id;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_new()
CREATE OR REPLACE FUNCTION requests_kind_mask_new()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(NEW.request_id) WHERE id = NEW.request_id;
  RETURN NULL;
END
$function$;
-- function requests_kind_mask_of(request text)
CREATE OR REPLACE FUNCTION requests_kind_mask_of(request text)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
  SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4
    WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64
    WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0)::integer
  FROM request_items WHERE request_id = request
$function$;
-- function requests_kind_mask_old()
CREATE OR REPLACE FUNCTION requests_kind_mask_old()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  UPDATE requests SET kind_mask = requests_kind_mask_of(OLD.request_id) WHERE id = OLD.request_id;
  RETURN NULL;
END
$function$;
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log USING btree (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log USING btree (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log USING btree (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages USING btree (request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records USING btree (request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures USING btree (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments USING btree (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests USING btree (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents USING btree (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters USING btree (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts USING btree (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches USING btree (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events USING btree (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items USING btree (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests USING btree (arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_channel
CREATE INDEX requests_channel ON requests USING btree (channel, arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_kana
CREATE INDEX requests_kana ON requests USING btree (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests USING btree (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests USING btree (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests USING btree (search_name, search_birth);
-- index requests_split_from
CREATE INDEX requests_split_from ON requests USING btree (split_from) WHERE (split_from IS NOT NULL);
-- index requests_status
CREATE INDEX requests_status ON requests USING btree (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests USING btree (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests USING btree (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests USING btree (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests USING btree (arrival_date, receipt_no) WHERE ((suspicion_json IS NOT NULL) AND (closed_on IS NULL));
-- index requests_undated
CREATE INDEX requests_undated ON requests USING btree (id) WHERE (due_date IS NULL);
-- table account_roles
CREATE TABLE account_roles (
  account_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  CONSTRAINT account_roles_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE,
  CONSTRAINT account_roles_pkey PRIMARY KEY (account_id, role),
  CONSTRAINT account_roles_role_check CHECK ((role = ANY (ARRAY['staff'::text, 'approver'::text, 'admin'::text])))
);
-- table accounts
CREATE TABLE accounts (
  id text COLLATE "C" NOT NULL,
  login_name text COLLATE "C" NOT NULL,
  display_name text COLLATE "C" NOT NULL,
  disabled integer NOT NULL DEFAULT 0,
  must_change_password integer NOT NULL DEFAULT 0,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  public_key text COLLATE "C",
  revocation_pending integer NOT NULL DEFAULT 0,
  CONSTRAINT accounts_disabled_check CHECK ((disabled = ANY (ARRAY[0, 1]))),
  CONSTRAINT accounts_login_name_key UNIQUE (login_name),
  CONSTRAINT accounts_must_change_password_check CHECK ((must_change_password = ANY (ARRAY[0, 1]))),
  CONSTRAINT accounts_pkey PRIMARY KEY (id),
  CONSTRAINT accounts_revocation_pending_check CHECK ((revocation_pending = ANY (ARRAY[0, 1])))
);
-- table audit_head
CREATE TABLE audit_head (
  id integer NOT NULL,
  last_id bigint NOT NULL,
  last_hash text COLLATE "C" NOT NULL,
  CONSTRAINT audit_head_id_check CHECK ((id = 1)),
  CONSTRAINT audit_head_pkey PRIMARY KEY (id)
);
-- table audit_log
CREATE TABLE audit_log (
  id bigint NOT NULL,
  at text COLLATE "C" NOT NULL,
  account_id text COLLATE "C",
  action text COLLATE "C" NOT NULL,
  target_id text COLLATE "C",
  summary text COLLATE "C" NOT NULL,
  prev_hash text COLLATE "C" NOT NULL,
  hash text COLLATE "C" NOT NULL,
  CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);
-- table disclosure_packages
CREATE TABLE disclosure_packages (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
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
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT disclosure_packages_pkey PRIMARY KEY (id),
  CONSTRAINT disclosure_packages_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table disclosure_records
CREATE TABLE disclosure_records (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  file_name text COLLATE "C" NOT NULL,
  system text COLLATE "C" NOT NULL,
  exported_on text COLLATE "C" NOT NULL,
  format text COLLATE "C" NOT NULL,
  size integer NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  content bytea NOT NULL,
  marks_json text COLLATE "C" NOT NULL DEFAULT '[]'::text,
  added_by text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT disclosure_records_pkey PRIMARY KEY (id),
  CONSTRAINT disclosure_records_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table enclosures
CREATE TABLE enclosures (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  type text COLLATE "C" NOT NULL,
  mime text COLLATE "C" NOT NULL,
  size integer NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  content bytea,
  added_by text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  purged_at text COLLATE "C",
  CONSTRAINT enclosures_pkey PRIMARY KEY (id),
  CONSTRAINT enclosures_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table fee_payments
CREATE TABLE fee_payments (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  means text COLLATE "C" NOT NULL,
  amount integer NOT NULL,
  received_on text COLLATE "C" NOT NULL,
  issued_on text COLLATE "C",
  for_kind text COLLATE "C",
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT fee_payments_amount_check CHECK ((amount > 0)),
  CONSTRAINT fee_payments_pkey PRIMARY KEY (id),
  CONSTRAINT fee_payments_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table form_requests
CREATE TABLE form_requests (
  id text COLLATE "C" NOT NULL,
  number text COLLATE "C" NOT NULL,
  requested_on text COLLATE "C" NOT NULL,
  data_json text COLLATE "C" NOT NULL,
  sent_json text COLLATE "C",
  request_id text COLLATE "C",
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  CONSTRAINT form_requests_number_key UNIQUE (number),
  CONSTRAINT form_requests_pkey PRIMARY KEY (id),
  CONSTRAINT form_requests_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id)
);
-- table identity_documents
CREATE TABLE identity_documents (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT identity_documents_pkey PRIMARY KEY (id),
  CONSTRAINT identity_documents_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table letter_counters
CREATE TABLE letter_counters (
  year integer NOT NULL,
  last integer NOT NULL,
  CONSTRAINT letter_counters_pkey PRIMARY KEY (year)
);
-- table letters
CREATE TABLE letters (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  document_no text COLLATE "C" NOT NULL,
  pdf bytea NOT NULL,
  sha256 text COLLATE "C" NOT NULL,
  signed integer NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  reissue_reason text COLLATE "C",
  approval_event bigint,
  seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT letters_document_no_key UNIQUE (document_no),
  CONSTRAINT letters_pkey PRIMARY KEY (id),
  CONSTRAINT letters_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE,
  CONSTRAINT letters_signed_check CHECK ((signed = ANY (ARRAY[0, 1])))
);
-- table receipt_counters
CREATE TABLE receipt_counters (
  year integer NOT NULL,
  last integer NOT NULL,
  CONSTRAINT receipt_counters_pkey PRIMARY KEY (year)
);
-- table redacted_documents
CREATE TABLE redacted_documents (
  record_id text COLLATE "C" NOT NULL,
  marks_sha text COLLATE "C" NOT NULL,
  part integer NOT NULL,
  parts integer NOT NULL,
  data bytea NOT NULL,
  CONSTRAINT redacted_documents_pkey PRIMARY KEY (record_id, part),
  CONSTRAINT redacted_documents_record_id_fkey FOREIGN KEY (record_id) REFERENCES disclosure_records(id)
);
-- table report_facts
CREATE TABLE report_facts (
  bucket text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  arrival_date text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  CONSTRAINT report_facts_pkey PRIMARY KEY (bucket, request_id),
  CONSTRAINT report_facts_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table report_facts_stale
CREATE TABLE report_facts_stale (
  request_id text COLLATE "C" NOT NULL,
  CONSTRAINT report_facts_stale_pkey PRIMARY KEY (request_id)
);
-- table request_decisions
CREATE TABLE request_decisions (
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  drafted_by text COLLATE "C" NOT NULL,
  drafted_at text COLLATE "C" NOT NULL,
  CONSTRAINT request_decisions_pkey PRIMARY KEY (request_id, kind),
  CONSTRAINT request_decisions_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_dispatches
CREATE TABLE request_dispatches (
  id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  recorded_by text COLLATE "C" NOT NULL,
  recorded_at text COLLATE "C" NOT NULL,
  CONSTRAINT request_dispatches_pkey PRIMARY KEY (id),
  CONSTRAINT request_dispatches_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_events
CREATE TABLE request_events (
  id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  at text COLLATE "C" NOT NULL,
  day text COLLATE "C" NOT NULL,
  account_id text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL,
  from_state text COLLATE "C" NOT NULL,
  to_state text COLLATE "C" NOT NULL,
  comment text COLLATE "C" NOT NULL DEFAULT ''::text,
  CONSTRAINT request_events_pkey PRIMARY KEY (id),
  CONSTRAINT request_events_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_items
CREATE TABLE request_items (
  request_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  details text COLLATE "C" NOT NULL,
  CONSTRAINT request_items_pkey PRIMARY KEY (request_id, kind),
  CONSTRAINT request_items_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE
);
-- table request_parties
CREATE TABLE request_parties (
  request_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  CONSTRAINT request_parties_pkey PRIMARY KEY (request_id, role),
  CONSTRAINT request_parties_request_id_fkey FOREIGN KEY (request_id) REFERENCES requests(id) ON DELETE CASCADE,
  CONSTRAINT request_parties_role_check CHECK ((role = ANY (ARRAY['principal'::text, 'agent'::text])))
);
-- table requests
CREATE TABLE requests (
  id text COLLATE "C" NOT NULL,
  receipt_no text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  arrival_date text COLLATE "C" NOT NULL,
  provisional integer NOT NULL DEFAULT 0,
  tracking_no text COLLATE "C" NOT NULL DEFAULT ''::text,
  received_by text COLLATE "C" NOT NULL,
  requester_type text COLLATE "C" NOT NULL,
  answer_to text COLLATE "C" NOT NULL,
  delivery text COLLATE "C" NOT NULL,
  reply_address text COLLATE "C" NOT NULL DEFAULT ''::text,
  disclosure_method text COLLATE "C",
  status text COLLATE "C" NOT NULL,
  notes text COLLATE "C" NOT NULL DEFAULT ''::text,
  identity_json text COLLATE "C" NOT NULL DEFAULT '{}'::text,
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
  reply_postal_code text COLLATE "C" NOT NULL DEFAULT ''::text,
  fee_return_json text COLLATE "C",
  fax_received_on text COLLATE "C",
  suspicion_json text COLLATE "C",
  searches_json text COLLATE "C",
  kind_mask integer NOT NULL DEFAULT 0,
  outside_law_json text COLLATE "C",
  split_from text COLLATE "C",
  CONSTRAINT requests_pkey PRIMARY KEY (id),
  CONSTRAINT requests_provisional_check CHECK ((provisional = ANY (ARRAY[0, 1]))),
  CONSTRAINT requests_receipt_no_key UNIQUE (receipt_no),
  CONSTRAINT requests_received_by_fkey FOREIGN KEY (received_by) REFERENCES accounts(id),
  CONSTRAINT requests_split_from_fkey FOREIGN KEY (split_from) REFERENCES requests(id) ON DELETE SET NULL
);
-- table schema_version
CREATE TABLE schema_version (
  id integer NOT NULL,
  version integer NOT NULL,
  CONSTRAINT schema_version_id_check CHECK ((id = 1)),
  CONSTRAINT schema_version_pkey PRIMARY KEY (id)
);
-- table seal_image
CREATE TABLE seal_image (
  id integer NOT NULL,
  png bytea NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL,
  CONSTRAINT seal_image_id_check CHECK ((id = 1)),
  CONSTRAINT seal_image_pkey PRIMARY KEY (id)
);
-- table settings
CREATE TABLE settings (
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  CONSTRAINT settings_pkey PRIMARY KEY (key)
);
-- table signing_identity
CREATE TABLE signing_identity (
  id integer NOT NULL,
  key bytea NOT NULL,
  certificates text COLLATE "C" NOT NULL,
  subject text COLLATE "C" NOT NULL,
  not_before text COLLATE "C" NOT NULL,
  not_after text COLLATE "C" NOT NULL,
  imported_by text COLLATE "C" NOT NULL,
  imported_at text COLLATE "C" NOT NULL,
  CONSTRAINT signing_identity_id_check CHECK ((id = 1)),
  CONSTRAINT signing_identity_pkey PRIMARY KEY (id)
);
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_old();
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items FOR EACH ROW EXECUTE FUNCTION report_facts_mark_new();
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date, extension_json ON requests FOR EACH ROW EXECUTE FUNCTION report_facts_mark_request();
-- trigger requests_kind_mask_delete
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_old();
-- trigger requests_kind_mask_insert
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_new();
-- trigger requests_kind_mask_update
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items FOR EACH ROW EXECUTE FUNCTION requests_kind_mask_moved();
