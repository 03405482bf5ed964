import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../core/contract';
import { emptyDecision } from '../../../core/domain/decisions';
import { emptyItem, emptyParty } from '../../../core/domain/intake/request';
import { Organisation } from '../../../core/domain/organisation';
import { createDispatcher } from '../ipc/dispatcher';
import { AppError } from '../errors';
import { createFileLogger, createMemoryLogger } from '../log';
import { logDir } from '../paths';
import type { KdfCost } from '../vault/kdf';
import type { Db } from '../db/connection';
import type { PostgresConnection } from '../db/store-engines';
import { createServices, type ServiceOptions, type Services } from '../composition';

// Shared by unit tests (not shipped code paths): a cheap KDF keeps each test fast.
export const cheapKdf = (): Promise<KdfCost> => Promise.resolve({ algorithm: 'scrypt', logN: 14, r: 8, p: 1 });

// The sample company of tests and benchmarks (kept apart so a bundled benchmark child can take it
// without the services).
export { organisation } from './organisation';
import { organisation } from './organisation';
import { repoRoot } from './repo-root';

export const ADMIN_PASSWORD = 'correct horse battery';

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'madoguchi-vault-'));
}

export const RESOURCES_DIR = join(repoRoot(), 'resources');

// Services over dataDir as Node tests, benchmarks and the harness need them: a cheap KDF unless
// told otherwise, no network-drive probe, the repository's resources/.
export function makeServices(dataDir: string, opts: Partial<ServiceOptions> & { fileLog?: boolean } = {}): Services {
  const { fileLog, ...overrides } = opts;
  return createServices({
    ...(process.env.MADOGUCHI_TEST_ENGINE === 'postgres' ? { postgres: () => postgresFor(dataDir) } : {}),
    runtime: { appName: 'Madoguchi', version: 'test', runtime: 'harness', platform: process.platform, dataDir },
    logger: fileLog ? createFileLogger(logDir(dataDir)) : createMemoryLogger(),
    kdfCost: cheapKdf,
    isNetworkLocation: () => Promise.resolve(false),
    resourcesDir: RESOURCES_DIR,
    ...overrides,
  });
}

// The service tests' second engine (vitest.config.mts, project "postgres"): each data folder gets a
// database of its own on the run's cluster, the same one each time the folder is opened again.
const postgresDatabases = new Map<string, Promise<PostgresConnection>>();
function postgresFor(dataDir: string): Promise<PostgresConnection> {
  let database = postgresDatabases.get(dataDir);
  if (!database) {
    database = import('./postgres-database').then(async (m) => (await m.freshPgDatabase()).connection);
    postgresDatabases.set(dataDir, database);
  }
  return database;
}

// Sets up a vault with one administrator "admin" (password ADMIN_PASSWORD); leaves it unlocked.
export function setupVault(services: Services, adminName = '管理 太郎') {
  return services.vault.setup({
    organisation: Organisation.parse(organisation),
    admin: { loginName: 'admin', displayName: adminName, password: ADMIN_PASSWORD },
  });
}

// Calls a channel through the real dispatcher, as the renderer would.
export async function call<C extends ChannelName>(
  services: Services,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const dispatch = createDispatcher({
    handlers: services.handlers,
    logger: createMemoryLogger(),
    validateOutput: true,
    context: services.context,
  });
  const result = await dispatch(channel, input, true);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.issues);
  return result.data as ChannelOutput<C>;
}

// A complete 本人 開示 request (fictional person) that tests and benchmarks vary by overrides:
// a driving licence, name and address compared, a 1,000円 定額小為替.
export function intakeInput(overrides: Partial<ChannelInput<'intake.create'>> = {}): ChannelInput<'intake.create'> {
  return {
    channel: 'post',
    arrivalDate: '2026-11-20',
    provisional: false,
    trackingNo: '',
    requesterType: 'self',
    principal: {
      ...emptyParty,
      name: '山田 太郎',
      kana: 'ヤマダ タロウ',
      birthDate: '1980-04-01',
      postalCode: '100-0001',
      address: '東京都千代田区千代田1-1',
      phone: '03-1234-5678',
    },
    agent: null,
    items: [{ ...emptyItem('disclosure'), dataItems: '購入履歴', period: '2024年以降' }],
    disclosureMethod: { method: 'paper', format: '' },
    answerTo: 'principal',
    delivery: 'simpleRegistered',
    replyAddress: '',
    notes: '',
    identity: {
      documents: [
        {
          id: 'd1',
          type: 'drivingLicence',
          holder: 'principal',
          original: false,
          expiresOn: '2029-01-01',
          issuedOn: null,
        },
      ],
      nameAddressMatch: { principal: true, agent: null },
      lawyerRegistrationNo: '',
    },
    payments: [
      {
        id: 'p1',
        means: 'postalMoneyOrder',
        amount: 1000,
        receivedOn: overrides.arrivalDate ?? '2026-11-20',
        issuedOn: '2026-10-01',
      },
    ],
    ...overrides,
  };
}

// Adds an account (as the administrator, who must be logged in) and logs in as it, with the
// first-login password change done; returns its id.
// An appointed agent's (任意代理人) request: agent ID, a full 委任状, and the principal's seal certificate.
export function appointedInput(
  sealIssuedOn: string,
  opts: { arrivalDate?: string; extra?: ChannelInput<'intake.create'>['identity']['documents'] } = {},
): ChannelInput<'intake.create'> {
  return intakeInput({
    ...(opts.arrivalDate ? { arrivalDate: opts.arrivalDate } : {}),
    requesterType: 'appointed',
    answerTo: 'agent',
    agent: { ...intakeInput().principal, name: '代理 花子', kana: 'ダイリ ハナコ', relationship: '知人' },
    identity: {
      documents: [
        { id: 'a', type: 'drivingLicence', holder: 'agent', original: false, expiresOn: '2030-01-01', issuedOn: null },
        {
          id: 'poa',
          type: 'powerOfAttorney',
          holder: 'principal',
          original: true,
          expiresOn: null,
          issuedOn: null,
          powerOfAttorney: { kinds: ['disclosure'], canReceive: true, registeredSeal: true },
        },
        {
          id: 'seal',
          type: 'sealCertificate',
          holder: 'principal',
          original: true,
          expiresOn: null,
          issuedOn: sealIssuedOn,
        },
        ...(opts.extra ?? []),
      ],
      nameAddressMatch: { principal: null, agent: true },
      lawyerRegistrationNo: '',
    },
  });
}

export async function switchToNewAccount(
  services: Services,
  loginName: string,
  roles: ('staff' | 'approver' | 'admin')[],
  displayName = '承認 次郎',
): Promise<string> {
  const account = await call(services, 'accounts.create', {
    loginName,
    displayName,
    roles,
    temporaryPassword: 'temporary password 1',
  });
  await services.vault.lock('logout');
  await call(services, 'session.login', { loginName, password: 'temporary password 1' });
  await call(services, 'session.changePassword', {
    currentPassword: 'temporary password 1',
    newPassword: OTHER_PASSWORD,
  });
  return account.id;
}

export const OTHER_PASSWORD = 'another staple battery';

export async function switchTo(services: Services, loginName: string, password: string): Promise<void> {
  await services.vault.lock('logout');
  await call(services, 'session.login', { loginName, password });
}

// The AppError a call ends with (tests of refusals).
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

// Every row of every table, in a stable order, as one JSON text: two databases with the same
// logical content give the same dump whatever their pages look like. The audit log can be cut
// at an entry (what was added later is compared separately).
export function logicalDump(db: Db, opts: { auditUpTo?: number; skipAudit?: boolean } = {}): string {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    if (opts.auditUpTo !== undefined && t === 'audit_head') continue;
    if (opts.skipAudit && (t === 'audit_log' || t === 'audit_head')) continue;
    // The key set record follows the audit anchors (each lock and backup), as audit_head does.
    const auditAside = opts.auditUpTo !== undefined || opts.skipAudit === true;
    const where =
      opts.auditUpTo !== undefined && t === 'audit_log'
        ? ` WHERE id <= ${opts.auditUpTo}`
        : auditAside && t === 'settings'
          ? " WHERE key <> 'vault.keyset'"
          : '';
    const columns = (db.pragma(`table_info("${t}")`) as unknown[]).length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    out[t] = (db.prepare(`SELECT * FROM "${t}"${where} ORDER BY ${order}`).raw().all() as unknown[][]).map((row) =>
      row.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)),
    );
  }
  return JSON.stringify(out);
}

export function dumpHash(db: Db, opts: { skipAudit?: boolean } = {}): string {
  return createHash('sha256').update(logicalDump(db, opts)).digest('hex');
}

// Takes a request from 受付 to 完了 with a full disclosure: the drafting steps as the account
// logged in, approval by another account, the answer sent and the ID copy destroyed; `at` moves
// the test clock to each step's day. The drafting account is logged in again at the end.
export async function completeRequest(
  services: Services,
  id: string,
  opts: {
    drafter: { loginName: string; password: string };
    approver: { loginName: string; password: string };
    at: (day: string) => void;
    approveOn: string;
    closeOn: string;
  },
): Promise<void> {
  for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
    await call(services, 'requests.transition', { id, action, comment: '調査メモ：山田様に電話' });
  }
  await call(services, 'requests.saveDecision', {
    id,
    kind: 'disclosure',
    decision: { ...emptyDecision(), outcome: 'full', disclosed: '山田太郎様の購入履歴' },
  });
  await call(services, 'requests.transition', { id, action: 'submitForApproval', comment: '' });
  await switchTo(services, opts.approver.loginName, opts.approver.password);
  opts.at(opts.approveOn);
  await call(services, 'requests.transition', { id, action: 'approve', comment: '' });
  // A reply is recorded as sent only with its finalized, numbered decision letter.
  await call(services, 'letters.finalize', { requestId: id, kind: 'disclosureDecision' });
  await call(services, 'requests.addDispatch', {
    id,
    dispatch: { letter: '開示決定通知書', sentOn: opts.approveOn, method: 'simpleRegistered', trackingNo: '1234' },
  });
  await call(services, 'requests.transition', { id, action: 'recordDispatch', comment: '' });
  opts.at(opts.closeOn);
  await call(services, 'requests.recordDisposal', { id, method: 'destroyed', date: opts.closeOn });
  await call(services, 'requests.transition', { id, action: 'complete', comment: '' });
  await switchTo(services, opts.drafter.loginName, opts.drafter.password);
}

// The open vault's database key (tests that write a database as an earlier version did).
export function databaseKeyForTest(vault: Services['vault']): Buffer {
  const core = (vault as unknown as { core: { unlocked: { key: Buffer } | null } }).core;
  if (!core.unlocked) throw new Error('The vault is locked.');
  return Buffer.from(core.unlocked.key);
}
