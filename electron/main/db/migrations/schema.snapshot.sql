-- ===== version 1: initial =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

-- ===== version 2: requests =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      ) STRICT;
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

-- ===== version 3: request-events =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      ) STRICT;
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

-- ===== version 4: processing =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      ) STRICT;
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

-- ===== version 5: letters =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      ) STRICT;
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- ===== version 6: retention =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      ) STRICT;
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- ===== version 7: letter-reissue =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      ) STRICT;
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- ===== version 8: reply-postal-code =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      ) STRICT;
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '') STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- ===== version 9: fee-kinds =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- ===== version 10: fax-received-on =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- ===== version 11: suspicion =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- ===== version 12: searches =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- ===== version 13: form-requests =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- ===== version 14: disclosure-records =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- ===== version 15: disclosure-packages =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_packages
CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- ===== version 16: redacted-documents =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_packages
CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table redacted_documents
CREATE TABLE redacted_documents (
        record_id TEXT NOT NULL REFERENCES disclosure_records(id),
        marks_sha TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, part)
      );
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

-- ===== version 17: report-facts =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_packages
CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table redacted_documents
CREATE TABLE redacted_documents (
        record_id TEXT NOT NULL REFERENCES disclosure_records(id),
        marks_sha TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, part)
      );
-- table report_facts
CREATE TABLE report_facts (
        bucket TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        arrival_date TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (bucket, request_id)
      ) STRICT, WITHOUT ROWID;
-- table report_facts_stale
CREATE TABLE report_facts_stale (request_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests
      BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;

-- ===== version 18: undated-index =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- index requests_undated
CREATE INDEX requests_undated ON requests (id) WHERE due_date IS NULL;
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_packages
CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table redacted_documents
CREATE TABLE redacted_documents (
        record_id TEXT NOT NULL REFERENCES disclosure_records(id),
        marks_sha TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, part)
      );
-- table report_facts
CREATE TABLE report_facts (
        bucket TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        arrival_date TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (bucket, request_id)
      ) STRICT, WITHOUT ROWID;
-- table report_facts_stale
CREATE TABLE report_facts_stale (request_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests
      BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;

-- ===== version 19: suspected-index =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests (arrival_date, receipt_no) WHERE suspicion_json IS NOT NULL AND closed_on IS NULL;
-- index requests_undated
CREATE INDEX requests_undated ON requests (id) WHERE due_date IS NULL;
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_packages
CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table redacted_documents
CREATE TABLE redacted_documents (
        record_id TEXT NOT NULL REFERENCES disclosure_records(id),
        marks_sha TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, part)
      );
-- table report_facts
CREATE TABLE report_facts (
        bucket TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        arrival_date TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (bucket, request_id)
      ) STRICT, WITHOUT ROWID;
-- table report_facts_stale
CREATE TABLE report_facts_stale (request_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests
      BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;

-- ===== version 20: list-indexes =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests (arrival_date, receipt_no) WHERE suspicion_json IS NOT NULL AND closed_on IS NULL;
-- index requests_undated
CREATE INDEX requests_undated ON requests (id) WHERE due_date IS NULL;
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_packages
CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table redacted_documents
CREATE TABLE redacted_documents (
        record_id TEXT NOT NULL REFERENCES disclosure_records(id),
        marks_sha TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, part)
      );
-- table report_facts
CREATE TABLE report_facts (
        bucket TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        arrival_date TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (bucket, request_id)
      ) STRICT, WITHOUT ROWID;
-- table report_facts_stale
CREATE TABLE report_facts_stale (request_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT, kind_mask INTEGER NOT NULL DEFAULT 0) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests
      BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;
-- trigger requests_kind_mask_delete
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
      END;
-- trigger requests_kind_mask_insert
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;
-- trigger requests_kind_mask_update
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;

-- ===== version 21: account-keys =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests (arrival_date, receipt_no) WHERE suspicion_json IS NOT NULL AND closed_on IS NULL;
-- index requests_undated
CREATE INDEX requests_undated ON requests (id) WHERE due_date IS NULL;
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , public_key TEXT, revocation_pending INTEGER NOT NULL DEFAULT 0 CHECK (revocation_pending IN (0, 1))) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_packages
CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table redacted_documents
CREATE TABLE redacted_documents (
        record_id TEXT NOT NULL REFERENCES disclosure_records(id),
        marks_sha TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, part)
      );
-- table report_facts
CREATE TABLE report_facts (
        bucket TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        arrival_date TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (bucket, request_id)
      ) STRICT, WITHOUT ROWID;
-- table report_facts_stale
CREATE TABLE report_facts_stale (request_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT, kind_mask INTEGER NOT NULL DEFAULT 0) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests
      BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;
-- trigger requests_kind_mask_delete
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
      END;
-- trigger requests_kind_mask_insert
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;
-- trigger requests_kind_mask_update
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;

-- ===== version 22: approval-links =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests (arrival_date, receipt_no) WHERE suspicion_json IS NOT NULL AND closed_on IS NULL;
-- index requests_undated
CREATE INDEX requests_undated ON requests (id) WHERE due_date IS NULL;
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , public_key TEXT, revocation_pending INTEGER NOT NULL DEFAULT 0 CHECK (revocation_pending IN (0, 1))) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_packages
CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , approval_event INTEGER);
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT, approval_event INTEGER) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table redacted_documents
CREATE TABLE redacted_documents (
        record_id TEXT NOT NULL REFERENCES disclosure_records(id),
        marks_sha TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, part)
      );
-- table report_facts
CREATE TABLE report_facts (
        bucket TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        arrival_date TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (bucket, request_id)
      ) STRICT, WITHOUT ROWID;
-- table report_facts_stale
CREATE TABLE report_facts_stale (request_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT, kind_mask INTEGER NOT NULL DEFAULT 0) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (OLD.request_id);
          END;
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items BEGIN
            INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.request_id);
          END;
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests
      BEGIN
        INSERT OR IGNORE INTO report_facts_stale (request_id) VALUES (NEW.id);
      END;
-- trigger requests_kind_mask_delete
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
      END;
-- trigger requests_kind_mask_insert
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;
-- trigger requests_kind_mask_update
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;

-- ===== version 23: stale-marks =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests (arrival_date, receipt_no) WHERE suspicion_json IS NOT NULL AND closed_on IS NULL;
-- index requests_undated
CREATE INDEX requests_undated ON requests (id) WHERE due_date IS NULL;
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , public_key TEXT, revocation_pending INTEGER NOT NULL DEFAULT 0 CHECK (revocation_pending IN (0, 1))) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_packages
CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , approval_event INTEGER);
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT, approval_event INTEGER) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table redacted_documents
CREATE TABLE redacted_documents (
        record_id TEXT NOT NULL REFERENCES disclosure_records(id),
        marks_sha TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, part)
      );
-- table report_facts
CREATE TABLE report_facts (
        bucket TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        arrival_date TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (bucket, request_id)
      ) STRICT, WITHOUT ROWID;
-- table report_facts_stale
CREATE TABLE report_facts_stale (request_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT, kind_mask INTEGER NOT NULL DEFAULT 0) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests BEGIN
        INSERT INTO report_facts_stale (request_id)
          SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.id);
      END;
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests
      BEGIN
        INSERT INTO report_facts_stale (request_id)
          SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.id);
      END;
-- trigger requests_kind_mask_delete
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
      END;
-- trigger requests_kind_mask_insert
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;
-- trigger requests_kind_mask_update
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;

-- ===== version 24: outside-law =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests (arrival_date, receipt_no) WHERE suspicion_json IS NOT NULL AND closed_on IS NULL;
-- index requests_undated
CREATE INDEX requests_undated ON requests (id) WHERE due_date IS NULL;
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , public_key TEXT, revocation_pending INTEGER NOT NULL DEFAULT 0 CHECK (revocation_pending IN (0, 1))) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_packages
CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , approval_event INTEGER);
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT, approval_event INTEGER) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table redacted_documents
CREATE TABLE redacted_documents (
        record_id TEXT NOT NULL REFERENCES disclosure_records(id),
        marks_sha TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, part)
      );
-- table report_facts
CREATE TABLE report_facts (
        bucket TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        arrival_date TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (bucket, request_id)
      ) STRICT, WITHOUT ROWID;
-- table report_facts_stale
CREATE TABLE report_facts_stale (request_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT, kind_mask INTEGER NOT NULL DEFAULT 0, outside_law_json TEXT) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests BEGIN
        INSERT INTO report_facts_stale (request_id)
          SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.id);
      END;
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests
      BEGIN
        INSERT INTO report_facts_stale (request_id)
          SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.id);
      END;
-- trigger requests_kind_mask_delete
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
      END;
-- trigger requests_kind_mask_insert
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;
-- trigger requests_kind_mask_update
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;

-- ===== version 25: split-requests =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_split_from
CREATE INDEX requests_split_from ON requests (split_from) WHERE split_from IS NOT NULL;
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests (arrival_date, receipt_no) WHERE suspicion_json IS NOT NULL AND closed_on IS NULL;
-- index requests_undated
CREATE INDEX requests_undated ON requests (id) WHERE due_date IS NULL;
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , public_key TEXT, revocation_pending INTEGER NOT NULL DEFAULT 0 CHECK (revocation_pending IN (0, 1))) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_packages
CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , approval_event INTEGER);
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT, approval_event INTEGER) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table redacted_documents
CREATE TABLE redacted_documents (
        record_id TEXT NOT NULL REFERENCES disclosure_records(id),
        marks_sha TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, part)
      );
-- table report_facts
CREATE TABLE report_facts (
        bucket TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        arrival_date TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (bucket, request_id)
      ) STRICT, WITHOUT ROWID;
-- table report_facts_stale
CREATE TABLE report_facts_stale (request_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT, kind_mask INTEGER NOT NULL DEFAULT 0, outside_law_json TEXT, split_from TEXT REFERENCES requests(id) ON DELETE SET NULL) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests BEGIN
        INSERT INTO report_facts_stale (request_id)
          SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.id);
      END;
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date ON requests
      BEGIN
        INSERT INTO report_facts_stale (request_id)
          SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.id);
      END;
-- trigger requests_kind_mask_delete
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
      END;
-- trigger requests_kind_mask_insert
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;
-- trigger requests_kind_mask_update
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;

-- ===== version 26: report-extension =====
-- index audit_log_account
CREATE INDEX audit_log_account ON audit_log (account_id, at);
-- index audit_log_action
CREATE INDEX audit_log_action ON audit_log (action, at);
-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);
-- index disclosure_packages_request
CREATE INDEX disclosure_packages_request ON disclosure_packages(request_id);
-- index disclosure_records_request
CREATE INDEX disclosure_records_request ON disclosure_records(request_id);
-- index enclosures_request
CREATE INDEX enclosures_request ON enclosures (request_id);
-- index fee_payments_request
CREATE INDEX fee_payments_request ON fee_payments (request_id);
-- index form_requests_request
CREATE INDEX form_requests_request ON form_requests(request_id);
-- index identity_documents_request
CREATE INDEX identity_documents_request ON identity_documents (request_id);
-- index letters_request
CREATE INDEX letters_request ON letters (request_id, created_at);
-- index report_facts_request
CREATE UNIQUE INDEX report_facts_request ON report_facts (request_id);
-- index request_dispatches_request
CREATE INDEX request_dispatches_request ON request_dispatches (request_id);
-- index request_events_request
CREATE INDEX request_events_request ON request_events (request_id, id);
-- index request_items_kind
CREATE INDEX request_items_kind ON request_items (kind, request_id);
-- index requests_arrival
CREATE INDEX requests_arrival ON requests (arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_channel
CREATE INDEX requests_channel ON requests (channel, arrival_date, receipt_no, purged_at, kind_mask);
-- index requests_kana
CREATE INDEX requests_kana ON requests (search_kana);
-- index requests_kana_phone
CREATE INDEX requests_kana_phone ON requests (search_kana, search_phone);
-- index requests_name
CREATE INDEX requests_name ON requests (search_name);
-- index requests_name_birth
CREATE INDEX requests_name_birth ON requests (search_name, search_birth);
-- index requests_split_from
CREATE INDEX requests_split_from ON requests (split_from) WHERE split_from IS NOT NULL;
-- index requests_status
CREATE INDEX requests_status ON requests (status, arrival_date, receipt_no, channel, purged_at, kind_mask);
-- index requests_status_closed
CREATE INDEX requests_status_closed ON requests (status, closed_on);
-- index requests_status_cure
CREATE INDEX requests_status_cure ON requests (status, cure_due);
-- index requests_status_due
CREATE INDEX requests_status_due ON requests (status, due_date);
-- index requests_suspected
CREATE INDEX requests_suspected ON requests (arrival_date, receipt_no) WHERE suspicion_json IS NOT NULL AND closed_on IS NULL;
-- index requests_undated
CREATE INDEX requests_undated ON requests (id) WHERE due_date IS NULL;
-- table account_roles
CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'admin')),
        PRIMARY KEY (account_id, role)
      ) STRICT, WITHOUT ROWID;
-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , public_key TEXT, revocation_pending INTEGER NOT NULL DEFAULT 0 CHECK (revocation_pending IN (0, 1))) STRICT;
-- table audit_head
CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      ) STRICT;
-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
-- table disclosure_packages
CREATE TABLE disclosure_packages (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        route TEXT NOT NULL,
        password_route TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , approval_event INTEGER);
-- table disclosure_records
CREATE TABLE disclosure_records (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        system TEXT NOT NULL,
        exported_on TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        marks_json TEXT NOT NULL DEFAULT '[]',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
-- table enclosures
CREATE TABLE enclosures (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      , purged_at TEXT) STRICT;
-- table fee_payments
CREATE TABLE fee_payments (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        means TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        received_on TEXT NOT NULL,
        issued_on TEXT
      , for_kind TEXT) STRICT;
-- table form_requests
CREATE TABLE form_requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        requested_on TEXT NOT NULL,
        data_json TEXT NOT NULL,
        sent_json TEXT,
        request_id TEXT REFERENCES requests(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
-- table identity_documents
CREATE TABLE identity_documents (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL
      ) STRICT;
-- table letter_counters
CREATE TABLE letter_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table letters
CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_no TEXT NOT NULL UNIQUE,
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      , reissue_reason TEXT, approval_event INTEGER) STRICT;
-- table receipt_counters
CREATE TABLE receipt_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
-- table redacted_documents
CREATE TABLE redacted_documents (
        record_id TEXT NOT NULL REFERENCES disclosure_records(id),
        marks_sha TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (record_id, part)
      );
-- table report_facts
CREATE TABLE report_facts (
        bucket TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        arrival_date TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (bucket, request_id)
      ) STRICT, WITHOUT ROWID;
-- table report_facts_stale
CREATE TABLE report_facts_stale (request_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
-- table request_decisions
CREATE TABLE request_decisions (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        drafted_by TEXT NOT NULL,
        drafted_at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_dispatches
CREATE TABLE request_dispatches (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
-- table request_events
CREATE TABLE request_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        account_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
-- table request_items
CREATE TABLE request_items (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (request_id, kind)
      ) STRICT, WITHOUT ROWID;
-- table request_parties
CREATE TABLE request_parties (
        request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('principal', 'agent')),
        data TEXT NOT NULL,
        PRIMARY KEY (request_id, role)
      ) STRICT, WITHOUT ROWID;
-- table requests
CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
        tracking_no TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL REFERENCES accounts (id),
        requester_type TEXT NOT NULL,
        answer_to TEXT NOT NULL,
        delivery TEXT NOT NULL,
        reply_address TEXT NOT NULL DEFAULT '',
        disclosure_method TEXT,
        status TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        identity_json TEXT NOT NULL DEFAULT '{}',
        -- Normalised copies of the person's name, kana, birth date and phone for search and the
        -- duplicate warning.
        search_kana TEXT NOT NULL,
        search_name TEXT NOT NULL,
        search_birth TEXT,
        search_phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , article39_date TEXT, sla_date TEXT, due_date TEXT, cure_json TEXT, cure_due TEXT, extension_json TEXT, submitted_by TEXT, approved_by TEXT, disposal_json TEXT, closed_on TEXT, purged_at TEXT, reply_postal_code TEXT NOT NULL DEFAULT '', fee_return_json TEXT, fax_received_on TEXT, suspicion_json TEXT, searches_json TEXT, kind_mask INTEGER NOT NULL DEFAULT 0, outside_law_json TEXT, split_from TEXT REFERENCES requests(id) ON DELETE SET NULL) STRICT;
-- table seal_image
CREATE TABLE seal_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        png BLOB NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
-- table signing_identity
CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        certificates TEXT NOT NULL,
        subject TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
-- trigger report_facts_fee_payments_delete
CREATE TRIGGER report_facts_fee_payments_delete AFTER DELETE ON fee_payments BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_fee_payments_insert
CREATE TRIGGER report_facts_fee_payments_insert AFTER INSERT ON fee_payments BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_fee_payments_update
CREATE TRIGGER report_facts_fee_payments_update AFTER UPDATE ON fee_payments BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_decisions_delete
CREATE TRIGGER report_facts_request_decisions_delete AFTER DELETE ON request_decisions BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_decisions_insert
CREATE TRIGGER report_facts_request_decisions_insert AFTER INSERT ON request_decisions BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_decisions_update
CREATE TRIGGER report_facts_request_decisions_update AFTER UPDATE ON request_decisions BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_delete
CREATE TRIGGER report_facts_request_dispatches_delete AFTER DELETE ON request_dispatches BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_dispatches_insert
CREATE TRIGGER report_facts_request_dispatches_insert AFTER INSERT ON request_dispatches BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_dispatches_update
CREATE TRIGGER report_facts_request_dispatches_update AFTER UPDATE ON request_dispatches BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_events_delete
CREATE TRIGGER report_facts_request_events_delete AFTER DELETE ON request_events BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_events_insert
CREATE TRIGGER report_facts_request_events_insert AFTER INSERT ON request_events BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_events_update
CREATE TRIGGER report_facts_request_events_update AFTER UPDATE ON request_events BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_items_delete
CREATE TRIGGER report_facts_request_items_delete AFTER DELETE ON request_items BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT OLD.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = OLD.request_id);
          END;
-- trigger report_facts_request_items_insert
CREATE TRIGGER report_facts_request_items_insert AFTER INSERT ON request_items BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_request_items_update
CREATE TRIGGER report_facts_request_items_update AFTER UPDATE ON request_items BEGIN
            INSERT INTO report_facts_stale (request_id)
              SELECT NEW.request_id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.request_id);
          END;
-- trigger report_facts_requests_insert
CREATE TRIGGER report_facts_requests_insert AFTER INSERT ON requests BEGIN
        INSERT INTO report_facts_stale (request_id)
          SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.id);
      END;
-- trigger report_facts_requests_update
CREATE TRIGGER report_facts_requests_update
        AFTER UPDATE OF arrival_date, channel, requester_type, status, closed_on, sla_date, article39_date,
          extension_json ON requests
      BEGIN
        INSERT INTO report_facts_stale (request_id)
          SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM report_facts_stale WHERE request_id = NEW.id);
      END;
-- trigger requests_kind_mask_delete
CREATE TRIGGER requests_kind_mask_delete AFTER DELETE ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
      END;
-- trigger requests_kind_mask_insert
CREATE TRIGGER requests_kind_mask_insert AFTER INSERT ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;
-- trigger requests_kind_mask_update
CREATE TRIGGER requests_kind_mask_update AFTER UPDATE OF request_id, kind ON request_items BEGIN
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = OLD.request_id) WHERE id = OLD.request_id;
        UPDATE requests SET kind_mask = (SELECT coalesce(sum(CASE kind WHEN 'purpose' THEN 1 WHEN 'disclosure' THEN 2 WHEN 'thirdPartyRecords' THEN 4 WHEN 'correction' THEN 8 WHEN 'addition' THEN 16 WHEN 'deletion' THEN 32 WHEN 'suspension' THEN 64 WHEN 'erasure' THEN 128 WHEN 'stopThirdParty' THEN 256 ELSE 0 END), 0) FROM request_items WHERE request_id = NEW.request_id) WHERE id = NEW.request_id;
      END;
