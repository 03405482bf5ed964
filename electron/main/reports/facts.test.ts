import { describe, expect, it } from 'vitest';
import { storeOf } from '../db/store-engines';
import { emptyDecision } from '../../../core/domain/decisions';
import type { Db } from '../db/connection';
import { migrate } from '../db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../db/migrations';
import { call, intakeInput, makeServices, setupVault, switchToNewAccount, tempDataDir } from '../testing/support';
import { refreshReportFacts, type ReportFacts } from './facts';

const stale = (db: Db) => db.prepare('SELECT count(*) FROM report_facts_stale').pluck().get() as number;
const facts = (db: Db) =>
  db.prepare('SELECT bucket, request_id, arrival_date, data FROM report_facts ORDER BY request_id').all() as {
    bucket: string;
    request_id: string;
    arrival_date: string;
    data: string;
  }[];
const factsOfRequest = (db: Db, id: string) =>
  JSON.parse(db.prepare('SELECT data FROM report_facts WHERE request_id = ?').pluck().get(id) as string) as ReportFacts;

// A few requests through 補正, decision, approval, dispatch, withdrawal and completion.
async function busyVault() {
  let now = new Date('2026-10-01T01:00:00Z');
  const at = (day: string) => {
    now = new Date(`${day}T01:00:00Z`);
  };
  const s = makeServices(tempDataDir(), { clock: () => now });
  await setupVault(s);
  const cured = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
  await call(s, 'requests.transition', { id: cured.id, action: 'startCheck', comment: '' });
  await call(s, 'requests.requestCure', {
    id: cured.id,
    cure: { defects: ['本人確認書類の写し'], dueDate: '2026-10-15' },
  });
  at('2026-10-07');
  await call(s, 'requests.recordCure', { id: cured.id, arrivedOn: '2026-10-06' });
  const done = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-07' }));
  for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
    await call(s, 'requests.transition', { id: done.id, action, comment: '' });
  }
  await call(s, 'requests.saveDecision', {
    id: done.id,
    kind: 'disclosure',
    decision: { ...emptyDecision(), outcome: 'full', disclosed: '購入履歴' },
  });
  await call(s, 'requests.transition', { id: done.id, action: 'submitForApproval', comment: '' });
  const gone = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-07' }));
  at('2026-10-08');
  await call(s, 'requests.transition', { id: gone.id, action: 'withdraw', comment: '取下書' });
  await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
  at('2026-10-09');
  await call(s, 'requests.transition', { id: done.id, action: 'approve', comment: '' });
  at('2026-10-10');
  await call(s, 'letters.finalize', { requestId: done.id, kind: 'disclosureDecision' });
  await call(s, 'requests.addDispatch', {
    id: done.id,
    dispatch: { letter: '開示決定通知書', sentOn: '2026-10-10', method: 'simpleRegistered', trackingNo: '1' },
  });
  await call(s, 'requests.transition', { id: done.id, action: 'recordDispatch', comment: '' });
  at('2026-10-12');
  await call(s, 'requests.recordDisposal', { id: done.id, method: 'destroyed', date: '2026-10-12' });
  await call(s, 'requests.transition', { id: done.id, action: 'complete', comment: '' });
  return { s, db: s.vault.connection(), ids: { cured: cured.id, done: done.id, gone: gone.id } };
}

describe('report facts', () => {
  it('are kept up to date by each write, in its own transaction', async () => {
    const { db, ids } = await busyVault();
    expect(stale(db)).toBe(0);
    expect(
      facts(db)
        .map((f) => f.request_id)
        .sort(),
    ).toEqual(Object.values(ids).sort());
    const cured = factsOfRequest(db, ids.cured);
    expect(cured).toMatchObject({ status: 'checking', closedOn: null, cureRequestedOn: ['2026-10-01'] });
    expect(cured.curePauses).toEqual([{ from: '2026-10-01', to: '2026-10-06' }]);
    expect(factsOfRequest(db, ids.done)).toMatchObject({
      status: 'completed',
      closedOn: '2026-10-12',
      approvedOn: '2026-10-09',
      answeredOn: '2026-10-10',
      decisions: [{ kind: 'disclosure', outcome: 'full' }],
    });
    expect(factsOfRequest(db, ids.done).payments.length).toBeGreaterThan(0);
    const byId = new Map(facts(db).map((f) => [f.request_id, f.bucket]));
    // Open requests in the '' bucket, closed ones under their closing day.
    expect(byId.get(ids.cured)).toBe('');
    expect(byId.get(ids.done)).toBe('2026-10-12');
    expect(byId.get(ids.gone)).toBe('2026-10-08');
  });

  it('kept write by write are what computing them afresh gives', async () => {
    const { db } = await busyVault();
    const kept = facts(db);
    db.exec('DELETE FROM report_facts; INSERT INTO report_facts_stale (request_id) SELECT id FROM requests');
    expect(await storeOf(db).transaction((tx) => refreshReportFacts(tx))).toBe(3);
    expect(facts(db)).toEqual(kept);
  });

  it('a report never reads facts made stale outside a vault write', async () => {
    const { s, db, ids } = await busyVault();
    const before = await call(s, 'reports.get', { kind: 'month', value: '2026-10' });
    expect(before.current.withdrawals).toBe(1);
    // Changed straight in the table (as a repair script would): the trigger marks it stale.
    db.prepare("UPDATE requests SET status = 'completed', closed_on = '2026-10-20' WHERE id = ?").run(ids.gone);
    expect(stale(db)).toBe(1);
    const after = await call(s, 'reports.get', { kind: 'month', value: '2026-10' });
    expect(after.current.withdrawals).toBe(0);
    expect(after.current.completed).toBe(before.current.completed + 1);
    expect(stale(db)).toBe(0);
  });

  it('migration 0017 marks the requests of an existing vault, and the report counts them as before', async () => {
    const { s, db } = await busyVault();
    const report = await call(s, 'reports.get', { kind: 'month', value: '2026-10' });
    // Back to version 16: no facts, no triggers.
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report_facts_%'")
      .pluck()
      .all() as string[];
    expect(triggers.length).toBe(17);
    for (const t of triggers) db.exec(`DROP TRIGGER ${t}`);
    db.exec('DROP TABLE report_facts; DROP TABLE report_facts_stale; DROP INDEX requests_undated');
    db.exec('PRAGMA user_version = 16');
    // Migrations 0017 and 0018 again (what 0019 and 0020 made is left as it is).
    const upTo18 = migrations.filter((m) => m.version <= 18);
    expect(migrate(db, upTo18, () => undefined).applied).toEqual(['0017-report-facts', '0018-undated-index']);
    db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION}`);
    expect(stale(db)).toBe(3);
    expect(facts(db)).toEqual([]);
    expect(await call(s, 'reports.get', { kind: 'month', value: '2026-10' })).toEqual(report);
    expect(stale(db)).toBe(0);
  });
});
