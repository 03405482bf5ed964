import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFilter, type ListFilter } from '../../core/contract';
import { addDays, japanToday } from '../../core/domain/dates';
import { channels, requestKinds } from '../../core/domain/intake/kinds';
import { emptyItem } from '../../core/domain/intake/request';
import { kanaKey, nameKey } from '../../core/domain/intake/text';
import { closedStates, states, type State } from '../../core/domain/workflow';
import {
  insertDispatch,
  insertEvent,
  insertRequest,
  nextSerial,
  setProcessing,
  upsertDecision,
} from '../../electron/main/db/repositories/requests';
import { emptyDecision } from '../../core/domain/decisions';
import type { Services } from '../../electron/main/composition';
import { intakeFixture, surnameOfRank } from '../fixtures';
import { refreshReportFacts } from '../../electron/main/reports/facts';
import { BENCH_ROWS, type BenchGroup, median, openBenchVault, percentile, round } from '../lib';

const ROWS = BENCH_ROWS;
const RUNS = 300;
const ROUNDS = 5;
const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';

// A deterministic spread of requests over five years, as a busy desk would have: almost all
// closed, about 1% open in every step, some overdue, some waiting for a 補正.
function shape(i: number, today: string) {
  const age = (i * 7919) % 1825;
  const arrival = addDays(today, -age);
  const open = age < 20 || i % 211 === 0;
  const openStates = states.filter((s) => !closedStates.includes(s));
  const status: State = open
    ? (openStates[i % openStates.length] ?? 'received')
    : i % 50 === 0
      ? 'withdrawn'
      : i % 41 === 0
        ? 'deemedWithdrawn'
        : 'completed';
  return { arrival, status, due: addDays(arrival, 14) };
}

// Bulk-loads `rows` requests with their stored dates, closing days and approval fields (setup for
// the processing and reports benchmarks, not measured).
export async function fillRequests(services: Services, rows: number, today: string): Promise<void> {
  const me = services.vault.session()?.accountId ?? '';
  // Setup (not measured): 100,000 requests written in bulk, with the stored dates, the
  // closing day and the approval fields the dashboard reads.
  const fill = async (from: number, to: number) =>
    services.vault.store().transaction(async (tx) => {
      for (let i = from; i < to; i++) {
        const input = intakeFixture(i);
        const { arrival, status, due } = shape(i, today);
        const id = randomUUID();
        const kana = `${KANA.charAt(i % KANA.length)}${KANA.charAt((i * 7) % KANA.length)} ${input.principal.kana}`;
        const kinds = [requestKinds[i % requestKinds.length] ?? 'disclosure'];
        await insertRequest(tx, {
          id,
          receiptNo: `${arrival.slice(0, 4)}-${String(await nextSerial(tx, Number(arrival.slice(0, 4)))).padStart(6, '0')}`,
          channel: channels[i % channels.length] ?? 'post',
          arrivalDate: arrival,
          provisional: false,
          trackingNo: '',
          receivedBy: me,
          requesterType: input.requesterType,
          answerTo: input.answerTo,
          delivery: input.delivery,
          replyAddress: '',
          replyPostalCode: '',
          disclosureMethod: null,
          status,
          notes: '',
          identityJson: JSON.stringify({
            nameAddressMatch: { principal: true, agent: null },
            lawyerRegistrationNo: '',
          }),
          search: {
            kana: kanaKey(kana),
            name: nameKey(input.principal.name),
            birth: input.principal.birthDate,
            phone: null,
          },
          parties: [{ role: 'principal', data: JSON.stringify({ ...input.principal, kana }) }],
          // Valid as intake would store them (a correction says what to correct, a stop says why).
          items: kinds.map((kind) => ({
            kind,
            details: JSON.stringify({
              ...emptyItem(kind),
              dataItems: '購入履歴',
              correctContent: '住所を訂正',
              grounds: ['noLongerNeeded'],
            }),
          })),
          documents: [],
          payments: [],
          at: new Date().toISOString(),
        });
        await setProcessing(
          tx,
          id,
          {
            article39_date: due,
            sla_date: due,
            due_date: due,
            cure_due: status === 'awaitingCure' ? addDays(arrival, 14) : null,
            submitted_by: status === 'awaitingApproval' ? `drafter-${i % 3}` : null,
          },
          new Date().toISOString(),
        );
        if (status === 'completed') {
          // What a completed request carries: its approval, decision, letter sent and fee.
          await insertEvent(tx, {
            requestId: id,
            at: new Date().toISOString(),
            day: addDays(arrival, 8),
            accountId: me,
            action: 'approve',
            from: 'awaitingApproval',
            to: 'preparingAnswer',
            comment: '',
            closedOn: null,
          });
          await upsertDecision(tx, {
            requestId: id,
            kind: kinds[0] ?? 'disclosure',
            data: JSON.stringify({ ...emptyDecision(), outcome: i % 7 === 0 ? 'nonexistent' : 'full', disclosed: 'x' }),
            by: me,
            at: new Date().toISOString(),
          });
          await insertDispatch(tx, {
            id: randomUUID(),
            requestId: id,
            data: JSON.stringify({
              letter: '決定通知書',
              sentOn: addDays(arrival, 10),
              method: 'post',
              trackingNo: '',
            }),
            by: me,
            at: new Date().toISOString(),
          });
        }
        if (closedStates.includes(status)) {
          await insertEvent(tx, {
            requestId: id,
            at: new Date().toISOString(),
            day: addDays(arrival, 12),
            accountId: me,
            action: 'complete',
            from: 'sent',
            to: status,
            comment: '',
            closedOn: addDays(arrival, 12),
          });
        }
      }
      // Each write of the app keeps its requests' report facts up to date in its transaction.
      await refreshReportFacts(tx);
    });
  for (let i = 0; i < rows; i += 5000) await fill(i, Math.min(rows, i + 5000));
  // What the app does when the vault locks and opens again (PRAGMA optimize; ANALYZE on PostgreSQL,
  // which its autovacuum would do soon after a bulk load).
  if (services.vault.store().engine === 'sqlite') services.vault.connection().pragma('optimize');
  else await sql`ANALYZE`.execute(services.vault.q());
}

export const processing: BenchGroup = {
  name: 'processing',
  run: async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-bench-processing-'));
    try {
      const dataDir = join(work, 'vault');
      mkdirSync(dataDir);
      const { services, call: ok } = await openBenchVault(dataDir);
      const today = japanToday(new Date());
      await fillRequests(services, ROWS, today);

      // Filtered list pages, as staff use the list: open requests, a step, a kind, a channel, a
      // period, overdue only, a search by 受付番号 / フリガナ / 氏名, later pages.
      const base: ListFilter = listFilter();
      const openStates = states.filter((s) => !closedStates.includes(s));
      const year = today.slice(0, 4);
      const filters = (i: number): ListFilter => {
        switch (i % 10) {
          case 0:
            return { ...base, statuses: openStates };
          case 1:
            return { ...base, statuses: [openStates[i % openStates.length] ?? 'received'], sort: 'dueAsc' };
          case 2:
            return { ...base, kind: requestKinds[i % requestKinds.length] ?? 'disclosure', offset: 50 * (i % 5) };
          case 3:
            return { ...base, channel: channels[i % channels.length] ?? 'post', statuses: ['completed'] };
          case 4:
            return { ...base, from: addDays(today, -30 - (i % 300)), to: addDays(today, -(i % 300)) };
          case 5:
            return { ...base, overdue: true, sort: 'dueAsc' };
          case 6:
            return { ...base, query: KANA.slice(i % KANA.length, (i % KANA.length) + 2) };
          case 7:
            return { ...base, query: `${year}-000${i % 10}` };
          case 8:
            // A surname search: the commonest (about 1% of people), a common and a rare one.
            return { ...base, query: surnameOfRank([0, 3, 40, 600][i % 4] ?? 0)[0] };
          default:
            return { ...base, kind: 'disclosure', channel: 'fax', from: addDays(today, -365), to: today };
        }
      };
      // Rounds of RUNS lists then RUNS dashboards; each figure is the median over the rounds of
      // that round's percentile, so one round disturbed by the machine (a neighbour, a
      // collection) does not make the figure.
      const lists: number[][] = [];
      const dashboards: number[][] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const list: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          await ok('requests.list', filters(i));
          list.push(performance.now() - started);
          if (process.env['BENCH_DETAIL'])
            process.stderr.write(`case ${i % 10} ${(performance.now() - started).toFixed(1)}\n`);
        }
        const dashboard: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          await ok('requests.dashboard', {});
          dashboard.push(performance.now() - started);
        }
        lists.push(list);
        dashboards.push(dashboard);
      }
      const over = (rounds: number[][], p: number) => round(median(rounds.map((r) => percentile(r, p))));
      await services.close();
      return [
        { name: 'processing.list.p95_ms', value: over(lists, 95), unit: 'ms', rows: ROWS },
        { name: 'processing.list.p50_ms', value: over(lists, 50), unit: 'ms', rows: ROWS },
        { name: 'processing.dashboard.p95_ms', value: over(dashboards, 95), unit: 'ms', rows: ROWS },
        { name: 'processing.dashboard.p50_ms', value: over(dashboards, 50), unit: 'ms', rows: ROWS },
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
