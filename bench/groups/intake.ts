import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kanaKey } from '../../core/domain/intake/text';
import { insertRequest, nextSerial } from '../../electron/main/db/repositories/requests';
import { intakeFixture } from '../fixtures';
import { type BenchGroup, median, openBenchVault, percentile, round } from '../lib';

const INSERTS = 300;
const SEARCH_ROWS = 100_000;
const SEARCHES = 1000;
const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';

export const intake: BenchGroup = {
  name: 'intake',
  run: async () => {
    const work = mkdtempSync(join(tmpdir(), 'madoguchi-bench-intake-'));
    try {
      const dataDir = join(work, 'vault');
      mkdirSync(dataDir);
      // Two scans per request, as a 請求書 and an ID copy typically arrive (about 150 KB each).
      const scan = (n: number) => {
        const path = join(work, `scan${n}.pdf`);
        writeFileSync(path, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(150 * 1024)]));
        return path;
      };
      const files = [scan(1), scan(2)];
      let turn = 0;
      const { services, call } = await openBenchVault(dataDir, {
        dialogs: { openFile: () => Promise.resolve(files[turn++ % 2] ?? null), saveFile: () => Promise.resolve(null) },
      });
      const ok = async (channel: string, input: unknown) => (await call(channel, input)) as { id: string };
      // Registration through the dispatcher and services, each request with two enclosures.
      // Three rounds of INSERTS; the figure is the median round's (one round disturbed by the
      // machine does not make it).
      const rates: number[] = [];
      let started = performance.now();
      for (let round = 0; round < 3; round++) {
        started = performance.now();
        for (let i = round * INSERTS; i < (round + 1) * INSERTS; i++) {
          const created = await ok('intake.create', intakeFixture(i));
          await ok('enclosures.add', { requestId: created.id, type: 'requestForm' });
          await ok('enclosures.add', { requestId: created.id, type: 'identity' });
        }
        rates.push(INSERTS / ((performance.now() - started) / 1000));
      }
      const insertPerS = median(rates);

      // Fill up to 100,000 requests in bulk (setup, not measured), then time the searches.
      const fill = async (from: number, to: number) =>
        services.vault.store().transaction(async (tx) => {
          for (let i = from; i < to; i++) {
            const input = intakeFixture(i);
            const id = randomUUID();
            const kana = `${KANA.charAt(i % KANA.length)}${KANA.charAt((i * 7) % KANA.length)}${KANA.charAt((i * 13) % KANA.length)} ${input.principal.kana}`;
            await insertRequest(tx, {
              id,
              receiptNo: `2025-${String(await nextSerial(tx, 2025)).padStart(6, '0')}`,
              channel: input.channel,
              arrivalDate: input.arrivalDate,
              provisional: false,
              trackingNo: '',
              receivedBy: services.vault.session()?.accountId ?? '',
              requesterType: input.requesterType,
              answerTo: input.answerTo,
              delivery: input.delivery,
              replyAddress: '',
              replyPostalCode: '',
              disclosureMethod: null,
              status: 'received',
              notes: '',
              identityJson: '{}',
              search: {
                kana: kanaKey(kana),
                name: input.principal.name,
                birth: input.principal.birthDate,
                phone: null,
              },
              parties: [{ role: 'principal', data: JSON.stringify({ ...input.principal, kana }) }],
              items: input.items.map((it) => ({ kind: it.kind, details: JSON.stringify(it) })),
              documents: [],
              payments: [],
              at: new Date().toISOString(),
            });
          }
        });
      for (let i = 3 * INSERTS; i < SEARCH_ROWS; i += 5000) await fill(i, Math.min(SEARCH_ROWS, i + 5000));
      const timings: number[] = [];
      for (let i = 0; i < SEARCHES; i++) {
        const query =
          i % 2 === 0
            ? KANA.slice(i % KANA.length, (i % KANA.length) + 1 + (i % 3))
            : `2025-${String((i * 97) % SEARCH_ROWS)
                .padStart(6, '0')
                .slice(0, 4 + (i % 3))}`;
        started = performance.now();
        await ok('requests.search', { query, limit: 50 });
        timings.push(performance.now() - started);
      }
      await services.close();
      return [
        { name: 'intake.insert_per_s', value: round(insertPerS, 1), unit: 'requests/s' },
        { name: 'intake.search_p95_ms', value: round(percentile(timings, 95)), unit: 'ms' },
        { name: 'intake.search_p50_ms', value: round(percentile(timings, 50)), unit: 'ms' },
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
