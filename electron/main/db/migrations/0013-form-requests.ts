import type { Migration } from './types';

// The company's 請求書 sent on request (送付依頼): who asked, when and how, when the form went out,
// and the request it led to. The person's name and address sit in data_json, inside the
// encrypted database like every request.
export const m0013FormRequests: Migration = {
  version: 13,
  name: 'form-requests',
  up: (db) => {
    db.exec(`
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
      CREATE INDEX form_requests_request ON form_requests(request_id);
    `);
  },
};
