// `npm run demo [-- --data-dir DIR] [--no-open]`: builds a separate demo vault with about 200
// fictional requests over the last 12 months, in every step and kind, prints how to log in, and
// serves it through the test harness for a browser (with Electron installed, the same folder
// opens in the app with MADOGUCHI_DATA_DIR=DIR npm start). It never touches the real data folder.
import { emptyProvisionRecord } from '../core/domain/provision-records';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve, win32 } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChannelInput, ChannelName, ChannelOutput } from '../core/contract';
import { addDays, japanToday } from '../core/domain/dates';
import { defaultReasonLibrary, emptyDecision, type Decision, type GroundCode } from '../core/domain/decisions';
import { kindInfo, type RequestKind, type RequesterType } from '../core/domain/intake/kinds';
import { emptyItem, emptyParty } from '../core/domain/intake/request';
import { decisionLetterKinds } from '../core/domain/letters/catalogue';
import { Organisation } from '../core/domain/organisation';
import { createDispatcher } from '../electron/main/ipc/dispatcher';
import { createMemoryLogger } from '../electron/main/log';
import { APP_DIR_NAME } from '../electron/main/paths';
import { createServices, type Services } from '../electron/main/composition';
import { startHarness } from '../e2e/harness/server';

const MARKER = '.madoguchi-demo';
const COUNT = 200;

// A small deterministic generator, so every demo vault tells the same stories.
function rng(seed: number) {
  // mulberry32: small seeds (1, 2, 3…) still give unrelated sequences.
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}

const surnames = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['松本', 'マツモト'],
  ['井上', 'イノウエ'],
  ['木村', 'キムラ'],
  ['斎藤', 'サイトウ'],
  ['清水', 'シミズ'],
  ['森', 'モリ'],
] as const;
const given = [
  ['太郎', 'タロウ'],
  ['花子', 'ハナコ'],
  ['健一', 'ケンイチ'],
  ['美咲', 'ミサキ'],
  ['大輔', 'ダイスケ'],
  ['陽子', 'ヨウコ'],
  ['翔太', 'ショウタ'],
  ['由美', 'ユミ'],
  ['直樹', 'ナオキ'],
  ['さくら', 'サクラ'],
  ['隆', 'タカシ'],
  ['恵子', 'ケイコ'],
] as const;
const places = [
  '東京都港区芝公園',
  '大阪府大阪市北区梅田',
  '神奈川県横浜市西区みなとみらい',
  '愛知県名古屋市中区栄',
  '福岡県福岡市中央区天神',
  '北海道札幌市中央区大通西',
  '京都府京都市下京区四条通',
];

const kindSets: { kinds: RequestKind[]; weight: number }[] = [
  { kinds: ['disclosure'], weight: 45 },
  { kinds: ['purpose'], weight: 7 },
  { kinds: ['thirdPartyRecords'], weight: 8 },
  { kinds: ['disclosure', 'thirdPartyRecords'], weight: 7 },
  { kinds: ['correction'], weight: 8 },
  { kinds: ['deletion'], weight: 3 },
  { kinds: ['suspension'], weight: 5 },
  { kinds: ['erasure'], weight: 7 },
  { kinds: ['stopThirdParty'], weight: 6 },
  { kinds: ['erasure', 'stopThirdParty'], weight: 4 },
];

type Story = {
  index: number;
  arrival: string;
  target:
    | 'received'
    | 'checking'
    | 'awaitingCure'
    | 'investigating'
    | 'drafting'
    | 'awaitingApproval'
    | 'preparingAnswer'
    | 'sent'
    | 'completed'
    | 'withdrawn'
    | 'deemedWithdrawn'
    | 'declined';
  age: number;
  cure: boolean;
  extension: boolean;
  sendBack: boolean;
  id?: string;
};

function weighted<T extends { weight: number }>(r: ReturnType<typeof rng>, items: readonly T[]): T {
  const total = items.reduce((n, i) => n + i.weight, 0);
  let x = r.next() * total;
  for (const i of items) {
    x -= i.weight;
    if (x < 0) return i;
  }
  return items[items.length - 1] as T;
}

function intake(r: ReturnType<typeof rng>, s: Story): ChannelInput<'intake.create'> {
  const [sn, sk] = r.pick(surnames);
  const [gn, gk] = r.pick(given);
  const type: RequesterType = weighted(r, [
    { t: 'self' as const, weight: 80 },
    { t: 'appointed' as const, weight: 10 },
    { t: 'parent' as const, weight: 10 },
  ]).t;
  const kinds = weighted(r, kindSets).kinds;
  const minor = type === 'parent';
  const birthYear = minor ? Number(s.arrival.slice(0, 4)) - 8 - r.int(8) : 1950 + r.int(50);
  const principal = {
    ...emptyParty,
    name: `${sn} ${gn}`,
    kana: `${sk} ${gk}`,
    birthDate: `${birthYear}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`,
    postalCode: `${100 + r.int(800)}-${String(r.int(10000)).padStart(4, '0')}`,
    address: `${r.pick(places)}${1 + r.int(9)}-${1 + r.int(20)}-${1 + r.int(30)}`,
    phone: `0${3 + r.int(6)}-${String(1000 + r.int(9000))}-${String(1000 + r.int(9000))}`,
    customerNo: r.chance(0.6) ? `C${String(r.int(10_000_000)).padStart(8, '0')}` : '',
  };
  const agent =
    type === 'self'
      ? null
      : {
          ...principal,
          name: type === 'parent' ? `${sn} ${r.pick(given)[0]}` : `${r.pick(surnames)[0]} ${r.pick(given)[0]}`,
          kana: type === 'parent' ? `${sk} ${r.pick(given)[1]}` : `${r.pick(surnames)[1]} ${r.pick(given)[1]}`,
          birthDate: null,
          customerNo: '',
          relationship: type === 'parent' ? '親権者（母）' : '知人',
        };
  const expired = s.cure;
  const licence = (holder: 'principal' | 'agent') => ({
    id: `lic-${holder}`,
    type: 'drivingLicence' as const,
    holder,
    original: false,
    expiresOn: expired ? addDays(s.arrival, -20) : addDays(s.arrival, 400 + r.int(1000)),
    issuedOn: null,
  });
  const documents =
    type === 'self'
      ? [licence('principal')]
      : type === 'parent'
        ? [
            licence('agent'),
            {
              id: 'family',
              type: 'familyRegister' as const,
              holder: 'principal' as const,
              original: true,
              expiresOn: null,
              issuedOn: addDays(s.arrival, -20),
              honsekiMasked: true,
            },
          ]
        : [
            licence('agent'),
            {
              id: 'poa',
              type: 'powerOfAttorney' as const,
              holder: 'principal' as const,
              original: true,
              expiresOn: null,
              issuedOn: null,
              powerOfAttorney: { kinds, canReceive: true, registeredSeal: true },
            },
            {
              id: 'seal',
              type: 'sealCertificate' as const,
              holder: 'principal' as const,
              original: true,
              expiresOn: null,
              issuedOn: addDays(s.arrival, -15),
            },
          ];
  const feeDue = kinds.some((k) => k === 'purpose' || k === 'disclosure' || k === 'thirdPartyRecords');
  const items = kinds.map((k) => {
    const item = { ...emptyItem(k), dataItems: '会員情報、購入履歴', period: '2023年4月以降' };
    if (k === 'correction' || k === 'deletion') {
      return { ...item, currentContent: '住所: 旧住所のまま', correctContent: '住所を現住所に訂正してください' };
    }
    if (k === 'suspension' || k === 'erasure' || k === 'stopThirdParty') {
      return { ...item, grounds: ['noLongerNeeded' as const], groundText: '退会済みのため' };
    }
    return item;
  });
  const channel = weighted(r, [
    { c: 'registeredPost' as const, weight: 50 },
    { c: 'post' as const, weight: 35 },
    { c: 'counter' as const, weight: 8 },
    { c: 'email' as const, weight: 7 },
  ]).c;
  return {
    channel,
    arrivalDate: s.arrival,
    provisional: false,
    trackingNo: channel === 'registeredPost' ? `${r.int(9000) + 1000}-${r.int(9000) + 1000}-${r.int(9000) + 1000}` : '',
    requesterType: type,
    principal,
    agent,
    items,
    // A 電磁的記録 is asked for only on requests the demo leaves before the dispatch: that dispatch
    // names the package built from attached records, which the demo does not script.
    disclosureMethod: kinds.some((k) => k === 'disclosure' || k === 'thirdPartyRecords')
      ? { method: r.chance(0.7) || s.target === 'sent' || s.target === 'completed' ? 'paper' : 'media', format: '' }
      : null,
    answerTo: type === 'self' ? 'principal' : 'agent',
    delivery: r.chance(0.8) ? 'simpleRegistered' : 'restricted',
    replyAddress: '',
    notes: '',
    identity: {
      documents,
      nameAddressMatch: { principal: type === 'self' ? true : null, agent: type === 'self' ? null : true },
      lawyerRegistrationNo: '',
    },
    payments: feeDue
      ? [
          {
            id: 'fee',
            means: 'postalMoneyOrder',
            amount: 1000,
            receivedOn: s.arrival,
            issuedOn: addDays(s.arrival, -7),
          },
        ]
      : [],
  };
}

const template = (id: string) => defaultReasonLibrary.find((t) => t.id === id)?.text ?? '';

// carriedOutOn: the day a stop of use or provision is recorded as done (the decision's day).
function decisionFor(r: ReturnType<typeof rng>, kind: RequestKind, carriedOutOn: string): Decision {
  const d = emptyDecision();
  const refuse = (
    outcome: Decision['outcome'],
    grounds: GroundCode[],
    reason: string,
    extra: Partial<Decision> = {},
  ) => ({
    ...d,
    outcome,
    grounds,
    reason,
    ...extra,
  });
  switch (kind) {
    case 'purpose':
      return r.chance(0.85)
        ? { ...d, outcome: 'notify' }
        : refuse('notNotify', ['a32-2-clear'], template('purpose-clear'));
    case 'disclosure':
    case 'thirdPartyRecords': {
      const x = r.next();
      if (x < 0.7 && kind === 'thirdPartyRecords') {
        const record = {
          ...emptyProvisionRecord(),
          date: '2025-04-01',
          counterparty: '株式会社見本物流',
          items: '氏名、住所、電話番号',
        };
        return { ...d, outcome: 'full', provisionRecords: [record] };
      }
      if (x < 0.7)
        return { ...d, outcome: 'full', disclosed: '会員情報（氏名、住所、電話番号）、2023年4月以降の購入履歴' };
      if (x < 0.85)
        return refuse('partial', ['a33-2-1'], template('third-party-harm'), {
          disclosed: '会員情報、購入履歴',
          withheld: '問い合わせ対応記録のうち第三者に関する記載',
        });
      if (x < 0.95)
        return kind === 'thirdPartyRecords'
          ? refuse('nonexistent', ['recordNonexistent'], template('record-nonexistent'))
          : refuse('nonexistent', ['nonexistent'], template('nonexistent'));
      return refuse('refused', ['a33-2-2'], template('business-obstruction'));
    }
    case 'correction':
    case 'addition':
    case 'deletion':
      return r.chance(0.75)
        ? { ...d, outcome: 'done', changes: '登録住所を現住所に訂正しました。' }
        : refuse('notDone', ['a34-notApplicable'], template('correction-fact'));
    default: {
      const x = r.next();
      if (x < 0.7) return { ...d, outcome: 'done', carriedOutOn, suppressed: r.chance(0.5) };
      if (x < 0.85) return refuse('notDone', ['a35-notApplicable'], template('retention-duty'));
      return refuse('alternative', ['alternative'], template('alternative-measure'), {
        alternativeMeasure: '営業目的での利用を停止し、法定保存期間の満了後に消去します。',
      });
    }
  }
}

function realDataFolders(): string[] {
  const home = homedir();
  return [
    process.env['LOCALAPPDATA'] ? win32.join(process.env['LOCALAPPDATA'], APP_DIR_NAME) : '',
    join(home, '.config', APP_DIR_NAME),
    join(home, 'Library', 'Application Support', APP_DIR_NAME),
    process.env['MADOGUCHI_DATA_DIR'] ?? '',
  ]
    .filter(Boolean)
    .map((p) => resolve(p));
}

function prepareFolder(dir: string): void {
  if (realDataFolders().includes(resolve(dir))) {
    throw new Error(`${dir} は実際のデータフォルダーです。デモ用には別のフォルダーを指定してください。`);
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, MARKER))) {
      throw new Error(`${dir} は空ではなく、デモ用フォルダーでもありません。別のフォルダーを指定してください。`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'Madoguchi demo vault: fictional data only. Safe to delete.\n');
}

function password(): string {
  const words = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x');
  return `demo-${words.slice(0, 4)}-${words.slice(4, 8)}-${words.slice(8, 12)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'no-open': { type: 'boolean' } } });
  const dataDir = resolve(values['data-dir'] ?? join(tmpdir(), 'madoguchi-demo'));
  prepareFolder(dataDir);
  const today = japanToday(new Date());
  let now = new Date();
  // The services read this clock: each step is recorded on the day it happened in the story.
  const at = (day: string) => {
    const target = new Date(`${day}T01:30:00Z`);
    now = target > new Date() ? new Date() : target;
  };
  const services: Services = createServices({
    runtime: { appName: 'Madoguchi', version: 'demo', runtime: 'harness', platform: process.platform, dataDir },
    logger: createMemoryLogger(),
    resourcesDir: join(__dirname, '..', 'resources'),
    clock: () => now,
  });
  const dispatch = createDispatcher({
    handlers: services.handlers,
    logger: createMemoryLogger(),
    validateOutput: false,
    context: services.context,
  });
  const call = async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await dispatch(channel, input, true);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data as ChannelOutput<C>;
  };

  const accounts = {
    admin: { loginName: 'demo', displayName: 'デモ 管理者', password: password() },
    staff: { loginName: 'tanto', displayName: '窓口 担当子', password: password() },
    approver: { loginName: 'shonin', displayName: '決裁 承認郎', password: password() },
  };
  process.stdout.write('デモ用の保管庫を作成しています（1〜2分かかります）…\n');
  at(addDays(today, -370));
  await services.vault.setup({
    organisation: Organisation.parse({
      companyName: '株式会社デモ商事',
      postalCode: '1000005',
      address: '東京都千代田区丸の内1-1-1',
      phone: '03-0000-0000',
      representative: '代表取締役 見本一郎',
      officerTitle: '個人情報保護管理者',
      officerName: '窓口 太郎',
      contactName: 'お客様相談室',
      contactPhone: '0120-000-000',
      contactHours: '平日 9:00〜17:00',
      contactEmail: 'privacy@example.jp',
    }),
    admin: accounts.admin,
  });
  for (const a of [accounts.staff, accounts.approver]) {
    await call('accounts.create', {
      loginName: a.loginName,
      displayName: a.displayName,
      roles: a === accounts.approver ? ['staff', 'approver'] : ['staff'],
      temporaryPassword: `${a.password}-tmp`,
    });
  }
  const loginAs = async (a: (typeof accounts)[keyof typeof accounts], first = false) => {
    await services.vault.lock('logout');
    await call('session.login', { loginName: a.loginName, password: first ? `${a.password}-tmp` : a.password });
    if (first) await call('session.changePassword', { currentPassword: `${a.password}-tmp`, newPassword: a.password });
  };

  // The stories: arrival days over the last 12 months; the older ones closed, the recent ones
  // spread over the steps, a few left overdue.
  const r = rng(20261122);
  const stories: Story[] = [];
  for (let i = 0; i < COUNT; i++) {
    const age = i < 40 ? r.int(25) : 25 + r.int(340);
    const arrival = addDays(today, -age);
    let target: Story['target'];
    if (age >= 25) {
      target = weighted(r, [
        { t: 'completed' as const, weight: 86 },
        { t: 'withdrawn' as const, weight: 5 },
        { t: 'deemedWithdrawn' as const, weight: 5 },
        { t: 'declined' as const, weight: 2 },
        { t: 'investigating' as const, weight: 1 },
      ]).t;
    } else {
      const byAge: Story['target'][] =
        age <= 1
          ? ['received', 'checking']
          : age <= 4
            ? ['checking', 'awaitingCure', 'investigating']
            : age <= 9
              ? ['awaitingCure', 'investigating', 'drafting', 'awaitingApproval']
              : age <= 14
                ? ['drafting', 'awaitingApproval', 'preparingAnswer', 'sent']
                : ['awaitingCure', 'sent', 'completed', 'completed', 'completed'];
      target = r.pick(byAge);
    }
    const cure = target === 'awaitingCure' || target === 'deemedWithdrawn' || r.chance(0.12);
    stories.push({
      index: i,
      arrival,
      age,
      target,
      cure,
      extension: target === 'investigating' && age >= 25,
      sendBack: r.chance(0.08),
    });
  }
  stories.sort((a, b) => (a.arrival < b.arrival ? -1 : a.arrival > b.arrival ? 1 : a.index - b.index));

  const order = [
    'received',
    'checking',
    'investigating',
    'drafting',
    'awaitingApproval',
    'preparingAnswer',
    'sent',
    'completed',
  ];
  const reaches = (s: Story, step: string) =>
    order.includes(s.target) && order.indexOf(s.target) >= order.indexOf(step);
  // A day of the story, never after today (recent requests have lived fewer days).
  const day = (s: Story, offset: number) => addDays(s.arrival, Math.min(offset, s.age));
  const move = (s: Story, action: ChannelInput<'requests.transition'>['action'], comment = '') =>
    call('requests.transition', { id: s.id ?? '', action, comment });

  // As the desk's staff: intake, checks, 補正, investigation and drafting.
  await loginAs(accounts.staff, true);
  for (const s of stories) {
    const rr = rng(s.index + 1);
    const input = intake(rr, s);
    at(s.arrival);
    const created = await call('intake.create', input);
    s.id = created.id;
    if (s.target === 'received') continue;
    at(day(s, 1));
    await move(s, 'startCheck');
    if (s.target === 'withdrawn' && rr.chance(0.5)) {
      await move(s, 'withdraw', '取下書を受領しました。');
      continue;
    }
    if (s.target === 'declined') {
      await move(s, 'decline', '所定の請求書によらない請求であり、補正の求めにも応じていただけなかったため。');
      continue;
    }
    if (s.cure) {
      const defects = created.identity.result.defects.map((d) => d.message);
      await call('requests.requestCure', {
        id: s.id,
        cure: {
          defects: defects.length ? defects : ['有効期限内の本人確認書類の写し'],
          dueDate: addDays(s.arrival, 15),
        },
      });
      if (s.target === 'awaitingCure') continue;
      if (s.target === 'deemedWithdrawn') {
        at(day(s, 17));
        await move(s, 'closeAsNotMade', '補正の期限までに補正がありませんでした。');
        continue;
      }
      at(day(s, 6));
      await call('requests.recordCure', { id: s.id, arrivedOn: day(s, 6) });
      const fixed = structuredClone(input);
      fixed.identity.documents = fixed.identity.documents.map((d) =>
        d.type === 'drivingLicence' ? { ...d, expiresOn: addDays(s.arrival, 900) } : d,
      );
      await call('intake.update', { id: s.id, input: fixed });
    }
    if (s.target === 'checking') continue;
    if (s.target === 'withdrawn') {
      await move(s, 'withdraw', '電話の後、取下書を受領しました。');
      continue;
    }
    const base = s.cure ? 6 : 1;
    at(day(s, base + 1));
    await move(s, 'startInvestigation');
    if (s.extension) {
      await call('requests.extend', {
        id: s.id,
        date: addDays(s.arrival, 30),
        reason: '複数の部署への照会に時間を要しているため。',
      });
    }
    if (!reaches(s, 'drafting')) continue;
    at(day(s, base + 3));
    await move(s, 'startDraft');
    for (const item of input.items) {
      const decision = decisionFor(rr, item.kind, day(s, base + 3));
      // Asked for on a medium: the data go out on a CD-R, the password by letter.
      const electronic =
        input.disclosureMethod?.method === 'media' &&
        kindInfo[item.kind].group === 'disclosure' &&
        (decision.outcome === 'full' || decision.outcome === 'partial')
          ? ({ format: 'pdf', route: 'cdr', linkValidDays: null, passwordRoute: 'letter' } as const)
          : null;
      await call('requests.saveDecision', { id: s.id, kind: item.kind, decision: { ...decision, electronic } });
      if (decision.outcome === 'nonexistent') {
        // A 不存在 goes to approval only with the search that found nothing.
        await call('requests.addSearch', {
          id: s.id,
          search: {
            system: item.kind === 'thirdPartyRecords' ? '第三者提供記録簿' : '顧客管理システム',
            keys: '氏名（カナ）、生年月日、電話番号',
            on: day(s, base + 3),
            result: 'notFound',
            inLetter: true,
          },
        });
      }
    }
    if (!reaches(s, 'awaitingApproval')) continue;
    at(day(s, base + 4));
    await move(s, 'submitForApproval');
  }

  // As the approver (4-eyes): approve, or send back once with a comment.
  await loginAs(accounts.approver, true);
  const sentBack: Story[] = [];
  for (const s of stories.filter((x) => reaches(x, 'preparingAnswer'))) {
    at(day(s, (s.cure ? 6 : 1) + 5));
    if (s.sendBack) {
      await move(s, 'sendBack', '理由の記載をもう少し具体的にしてください。');
      sentBack.push(s);
    } else await move(s, 'approve');
  }
  if (sentBack.length) {
    await loginAs(accounts.staff);
    for (const s of sentBack) await move(s, 'submitForApproval');
    await loginAs(accounts.approver);
    for (const s of sentBack) await move(s, 'approve');
  }

  // As staff again: the letters go out, the ID copies are destroyed, the files close.
  await loginAs(accounts.staff);
  for (const s of stories.filter((x) => reaches(x, 'sent'))) {
    const sentOn = day(s, (s.cure ? 6 : 1) + 6);
    at(sentOn);
    // The reply goes with its finalized, numbered decision letters (dispatch refuses it without).
    const letters = await call('letters.list', { requestId: s.id ?? '' });
    for (const l of letters.available.filter((a) => a.action === 'finalize' && a.blocked === null)) {
      if (decisionLetterKinds.includes(l.kind)) await call('letters.finalize', { requestId: s.id ?? '', kind: l.kind });
    }
    await call('requests.addDispatch', {
      id: s.id ?? '',
      dispatch: {
        letter: '決定通知書',
        sentOn,
        method: 'simpleRegistered',
        trackingNo: `${1000 + s.index}-${2000 + s.index}-${3000 + s.index}`,
      },
    });
    await move(s, 'recordDispatch');
    if (!reaches(s, 'completed')) continue;
    await call('requests.recordDisposal', { id: s.id ?? '', method: 'destroyed', date: sentOn });
    await move(s, 'complete');
  }
  await services.vault.lock('logout');
  await services.close();

  process.stdout.write(
    [
      '',
      `デモ用の保管庫を作成しました（架空の請求 ${COUNT} 件）。`,
      `  フォルダー: ${dataDir}`,
      `  管理者:     ログイン名 ${accounts.admin.loginName} ／ パスワード ${accounts.admin.password}`,
      `  担当者:     ログイン名 ${accounts.staff.loginName} ／ パスワード ${accounts.staff.password}`,
      `  承認者:     ログイン名 ${accounts.approver.loginName} ／ パスワード ${accounts.approver.password}`,
      '実際のデータフォルダーには一切触れていません。',
      '',
    ].join('\n'),
  );
  if (values['no-open']) return;
  const harness = await startHarness({ dataDir, port: 0 });
  process.stdout.write(`ブラウザーで次のアドレスを開いてください（終了は Ctrl+C）:\n  ${harness.url}\n`);
  const stop = () => void harness.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
