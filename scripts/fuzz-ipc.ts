// The bad-input test (`npm run test:fuzz`): for every IPC channel, generated malformed payloads
// (wrong types, huge strings, deep nesting, __proto__ and constructor keys, invalid dates,
// negative or fractional numbers, unknown enum values, in top-level and nested fields) go through
// the real dispatcher of an unlocked vault, as an administrator, then as a member of staff and as
// an approver only. Every one must come back BAD_INPUT (or FORBIDDEN where the role has no access)
// without its handler running, and the database must be unchanged (hash of a logical dump).
//
//   npx tsx scripts/fuzz-ipc.ts [--payloads 10000] [--seed 1]
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { channelNames, contract, ErrorCode, listFilter, type ChannelName } from '../core/contract';
import { DEFAULT_RECEIPT_PATTERN } from '../core/domain/intake/receipt-number';
import { rolesAllow, type Role } from '../core/domain/roles';
import { createDispatcher } from '../electron/main/ipc/dispatcher';
import type { HandlerMap } from '../electron/main/ipc/handlers-type';
import { createMemoryLogger } from '../electron/main/log';
import {
  call,
  dumpHash,
  intakeInput,
  makeServices,
  organisation,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
  ADMIN_PASSWORD,
  OTHER_PASSWORD,
} from '../electron/main/testing/support';

type Schema = z.ZodType & { def: Record<string, unknown> & { type: string } };

// Valid payloads the generic sampler cannot make (refinements it cannot see).
const bases: Partial<Record<ChannelName, unknown>> = {
  'vault.setup': {
    organisation,
    admin: { loginName: 'admin2', displayName: '管理 次郎', password: 'correct horse battery' },
  },
  'accounts.create': {
    loginName: 'sato',
    displayName: '佐藤 花子',
    roles: ['staff'],
    temporaryPassword: 'temporary password 1',
  },
  'settings.updateOrganisation': organisation,
  'intake.update': { id: 'a', input: intakeInput() },
  'settings.updateIntake': {
    receiptPattern: DEFAULT_RECEIPT_PATTERN,
    issueWindowMonths: 3,
    lawyerNeedsSealCertificate: false,
  },
  'drafts.save': { kind: 'intake', data: { principal: { name: '山田' } } },
  'requests.requestCure': { id: 'a', cure: { defects: ['印鑑登録証明書'], dueDate: '2026-12-04' } },
  'intake.create': intakeInput(),
  'intake.split': { id: 'a', kinds: ['correction'] },
  'intake.postalAddress': { postalCode: '100-0001' },
  'requests.list': listFilter(),
  'requests.recordFeeReturn': { id: 'a', method: 'enclosed', date: '2026-11-24', amount: 500 },
  'requests.flagSuspicion': { id: 'a', suspected: true, note: '住所が一致しない' },
  'requests.addSearch': {
    id: 'a',
    search: {
      system: '顧客管理システム',
      keys: '氏名、電話番号',
      on: '2026-11-24',
      result: 'notFound',
      inLetter: true,
    },
  },
  'requests.removeSearch': { id: 'a', searchId: 'b', reason: '入力の誤り' },
  'forms.create': {
    requestedOn: '2026-11-20',
    askedBy: 'phone',
    name: '送付 花子',
    postalCode: '100-0001',
    address: '東京都千代田区千代田9-9',
    kinds: ['disclosure'],
    note: '',
  },
  'forms.markSent': { id: 'a', sent: { sentOn: '2026-11-21', sentBy: 'post' } },
  'records.add': { requestId: 'a', meta: { kind: 'disclosure', system: '顧客管理システム', exportedOn: '2026-11-23' } },
  'settings.updateLetters': {
    documentNoPattern: '個保第{連番}号',
    dateStyle: 'wareki',
    windowEnvelope: false,
    templates: {},
  },
};

function unwrap(s: Schema): Schema {
  let t = s;
  for (;;) {
    const d = t.def;
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'readonly') {
      t = d['innerType'] as Schema;
    } else if (d.type === 'pipe') {
      t = d['in'] as Schema;
    } else return t;
  }
}

// A minimal valid value of a schema, or undefined when it cannot tell.
function sample(s: Schema): unknown {
  const d = s.def;
  const bag = s as unknown as Record<string, unknown>;
  switch (d.type) {
    case 'optional':
    case 'default':
      return undefined;
    case 'nullable':
      return null;
    case 'readonly':
      return sample(d['innerType'] as Schema);
    case 'pipe':
      return sample(d['in'] as Schema);
    case 'string': {
      const format = bag['format'];
      if (format === 'date') return '2026-01-15';
      if (format === 'datetime') return '2026-01-15T00:00:00.000Z';
      if (format === 'base64') return 'AAAA';
      const min = typeof bag['minLength'] === 'number' ? bag['minLength'] : 1;
      // Strings with refinements the sampler cannot read: common valid shapes.
      const candidates = ['a'.repeat(Math.max(1, min)), '2026-01-15', '2026-10', 'admin', '{連番}'];
      return candidates.find((c) => s.safeParse(c).success) ?? candidates[0];
    }
    case 'number': {
      const min = bag['minValue'];
      return typeof min === 'number' && Number.isFinite(min) ? Math.max(min, 0) : 0;
    }
    case 'boolean':
      return false;
    case 'enum':
      return (bag['options'] as unknown[])[0];
    case 'literal':
      return (d['values'] as unknown[])[0];
    case 'array': {
      const min = typeof bag['minLength'] === 'number' ? bag['minLength'] : 0;
      return Array.from({ length: min }, () => sample(d['element'] as Schema));
    }
    case 'record':
      return {};
    case 'union':
      for (const o of d['options'] as Schema[]) {
        const v = sample(o);
        if (o.safeParse(v).success) return v;
      }
      return undefined;
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(d['shape'] as Record<string, Schema>)) {
        const v = sample(f);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

function nest(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { a: v, b: [v] };
  return v;
}

const HUGE = 'x'.repeat(300_000);

// Values that are wrong for a field of this schema, by construction.
function badValues(field: Schema): unknown[] {
  // Wrappers may nest (nullable inside optional): what the field accepts is what any layer allows.
  let optional = false;
  let nullable = false;
  for (let w: Schema = field; ; w = w.def['innerType'] as Schema) {
    if (w.def.type === 'optional' || w.def.type === 'default') optional = true;
    else if (w.def.type === 'nullable') nullable = true;
    else break;
  }
  const t = unwrap(field);
  const bag = t as unknown as Record<string, unknown>;
  // Any JSON is valid for a z.json() field (drafts): only what is not JSON-like data is wrong.
  if (t.def.type === 'lazy') {
    return [nest(2000), JSON.parse('{"__proto__":{"polluted":true}}'), NaN, Infinity, new Date(), new Map(), undefined];
  }
  const common: unknown[] = [nest(2000), JSON.parse('{"__proto__":{"polluted":true}}'), ['x', 1, null]];
  if (!nullable) common.push(null);
  if (!optional) common.push(undefined);
  switch (t.def.type) {
    case 'string': {
      const out = [...common, 42, true, { toString: 'x' }, HUGE, '\u0000'.repeat(200_000)];
      if (bag['format'] === 'date') out.push('2026-02-30', '2026-13-01', '26-1-1', '令和8年', '2026-01-15T00:00:00Z');
      if (bag['format'] === 'datetime') out.push('2026-02-30T00:00:00Z', 'yesterday');
      return out;
    }
    case 'number': {
      const out = [...common, '42', NaN, Infinity, -Infinity, 1e308, -1e308];
      if (bag['isInt']) out.push(0.5, -0.5, 1.000001);
      const min = bag['minValue'];
      if (typeof min === 'number' && min >= 0) out.push(-1, -0.01);
      return out;
    }
    case 'boolean':
      return [...common, 'true', 1, 0, 'false'];
    case 'enum':
      return [...common, 'unknownValue', '', 0, `${String((bag['options'] as unknown[])[0])} `, 'constructor'];
    case 'literal':
      return [...common, 'unknownValue', 999];
    case 'array':
      return [...common, 'x', { length: 1, 0: 'x' }, new Array(100_001).fill(sample(t.def['element'] as Schema))];
    case 'object':
    case 'record':
      return [...common, 'x', 42, [], JSON.parse('{"constructor":{"prototype":{"polluted":true}}}')];
    default:
      return common;
  }
}

// Whole payloads that are wrong whatever the channel.
const wholeBad: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  NaN,
  'x',
  HUGE,
  [],
  [{}],
  true,
  new Date(),
  new Uint8Array(8),
  new Map([['a', 1]]),
  nest(5000),
  JSON.parse('{"__proto__":{"admin":true}}'),
  JSON.parse('{"constructor":{"prototype":{"admin":true}}}'),
  { prototype: {} },
  { zzUnknownKey: 1 },
];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

export type FuzzResult = { sent: number; perChannel: Record<string, number>; failures: string[] };

export async function runFuzz(opts: { payloads: number; seed: number }): Promise<FuzzResult> {
  const dataDir = tempDataDir();
  const services = makeServices(dataDir);
  await setupVault(services);
  // Some content for handlers to damage, were any to run; and one account per other role.
  await call(services, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
  await switchToNewAccount(services, 'tanto', ['staff'], '担当 三郎');
  await switchTo(services, 'admin', ADMIN_PASSWORD);
  await switchToNewAccount(services, 'kessai', ['approver'], '決裁 四郎');
  await switchTo(services, 'admin', ADMIN_PASSWORD);
  const ran = new Set<string>();
  const handlers = Object.fromEntries(
    Object.entries(services.handlers).map(([name, h]) => [
      name,
      (...args: unknown[]) => {
        ran.add(name);
        return (h as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as HandlerMap;
  const dispatch = createDispatcher({
    handlers,
    logger: createMemoryLogger(),
    validateOutput: false,
    context: services.context,
  });
  // Logins and locks add audit entries; the rest of the database must not change.
  const state = () => dumpHash(services.vault.connection(), { skipAudit: true });
  const before = state();
  const random = rng(opts.seed);
  let roles: readonly Role[] = ['staff', 'approver', 'admin'];
  const failures: string[] = [];
  const perChannel: Record<string, number> = {};
  let sent = 0;

  const send = async (channel: ChannelName, payload: unknown, what: string) => {
    sent += 1;
    perChannel[channel] = (perChannel[channel] ?? 0) + 1;
    const result = await dispatch(channel, payload, true);
    const access = contract[channel].access;
    const allowed = access === 'public' || access === 'session' || rolesAllow(roles, access);
    const expected = allowed ? ErrorCode.BAD_INPUT : ErrorCode.FORBIDDEN;
    if (result.ok || result.error.code !== expected) {
      failures.push(`${channel} ${what} as ${roles.join('+')}: ${result.ok ? 'accepted' : result.error.code}`);
    }
    if (ran.has(channel)) {
      failures.push(`${channel} ${what}: handler ran`);
      ran.delete(channel);
    }
  };

  const perChannelTarget = Math.ceil(opts.payloads / channelNames.length);
  const allCases = new Map<ChannelName, [unknown, string][]>();
  for (const channel of channelNames) {
    const schema = contract[channel].input as unknown as Schema;
    const base = bases[channel] ?? sample(schema);
    if (!schema.safeParse(base).success) {
      failures.push(`${channel}: no valid base payload (add one to bases)`);
      continue;
    }
    const shape = (unwrap(schema).def['shape'] ?? {}) as Record<string, Schema>;
    const cases: [unknown, string][] = wholeBad.map((p, i) => [p, `whole#${i}`]);
    for (const [key, field] of Object.entries(shape)) {
      badValues(field).forEach((v, i) => cases.push([{ ...(base as object), [key]: v }, `${key}#${i}`]));
      // One level down: each field of an object field, with the rest of the payload valid.
      const inner = unwrap(field);
      const innerBase = (base as Record<string, unknown>)[key];
      if (inner.def.type === 'object' && innerBase && typeof innerBase === 'object') {
        const innerShape = (inner.def['shape'] ?? {}) as Record<string, Schema>;
        for (const [sub, subField] of Object.entries(innerShape)) {
          badValues(subField)
            .slice(0, 3)
            .forEach((v, i) =>
              cases.push([{ ...(base as object), [key]: { ...innerBase, [sub]: v } }, `${key}.${sub}#${i}`]),
            );
        }
      }
    }
    // Poison keys beside a valid payload.
    cases.push([{ ...JSON.parse('{"__proto__":{"admin":true}}'), ...(base as object) }, 'proto+base']);
    cases.push([{ ...(base as object), constructor: { prototype: { admin: true } } }, 'constructor+base']);
    // Random combinations of bad fields until the channel's share is reached.
    const keys = Object.keys(shape);
    while (cases.length < perChannelTarget) {
      if (keys.length === 0) {
        cases.push([wholeBad[Math.floor(random() * wholeBad.length)], 'whole-random']);
        continue;
      }
      const payload: Record<string, unknown> = { ...(base as object) };
      const n = 1 + Math.floor(random() * Math.min(3, keys.length));
      const names: string[] = [];
      for (let i = 0; i < n; i++) {
        const key = keys[Math.floor(random() * keys.length)] ?? '';
        const bad = badValues(shape[key] as Schema);
        payload[key] = bad[Math.floor(random() * bad.length)];
        names.push(key);
      }
      cases.push([payload, `random:${names.join('+')}`]);
    }
    for (const [payload, what] of cases) await send(channel, payload, what);
    allCases.set(channel, cases);
  }
  // The same payloads (a share of them) from accounts with fewer roles.
  for (const [login, held] of [
    ['tanto', ['staff']],
    ['kessai', ['approver']],
  ] as const) {
    await switchTo(services, login, OTHER_PASSWORD);
    roles = held;
    for (const [channel, cases] of allCases) {
      for (const [payload, what] of cases.filter((_, i) => i % 4 === 0)) await send(channel, payload, what);
    }
  }
  await switchTo(services, 'admin', ADMIN_PASSWORD);
  const after = state();
  if (after !== before) failures.push('the database changed');
  await services.close();
  rmSync(dataDir, { recursive: true, force: true });
  return { sent, perChannel, failures };
}

async function main(): Promise<void> {
  // Test runs check the store's scopes (db/store.ts); the app does not.
  process.env['MADOGUCHI_STORE_GUARD'] ??= '1';
  const { values } = parseArgs({ options: { payloads: { type: 'string' }, seed: { type: 'string' } } });
  const payloads = Number(values.payloads ?? 10_000);
  const started = performance.now();
  const result = await runFuzz({ payloads, seed: Number(values.seed ?? 1) });
  for (const f of result.failures.slice(0, Number(process.env['FUZZ_SHOW'] ?? 50))) process.stderr.write(`${f}\n`);
  process.stdout.write(
    `Fuzz: ${result.sent} malformed payloads over ${Object.keys(result.perChannel).length} channels in ${Math.round(performance.now() - started)} ms; ${result.failures.length} failure(s).\n`,
  );
  if (result.failures.length || result.sent < payloads) process.exit(1);
}

if (require.main === module) void main();
