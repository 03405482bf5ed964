import { z } from 'zod';
import type { Decision, DecisionProblem } from './decisions';
import { parseDate, slashDate } from './dates';
import { noUnsafe } from './intake/text';
import type { RequestKind } from './intake/kinds';

// 第三者提供記録 (33条5項): the records kept under 29条1項 (data we provided to a third party) and
// 30条3項 (data a third party provided to us), disclosed as a table rather than as free text.
// The items follow 施行規則20条 and 24条: when, to or from whom, which items of personal data, on
// what basis, and for data received, how the provider came by them. Each basis brings its own items:
// consent, the statement that the person's consent under 27条1項 (or, for a third party in a
// foreign country, 28条1項) was obtained (規則20条1項2号イ, 24条1項2号イ); opt-out (27条2項), the
// date (規則20条1項1号イ, 24条1項1号イ) and, for data received, the statement that the provider's
// notification is published under 27条4項 (規則24条1項1号ホ). A record whose very existence must not be revealed is excluded by 施行令11条: it
// is not a 第三者提供記録 in the sense of the law, is kept in the decision for the file, and is never
// printed or counted in the letter.

export const provisionDirections = ['provided', 'received'] as const;
export type ProvisionDirection = (typeof provisionDirections)[number];
export const provisionDirectionLabels: Record<ProvisionDirection, string> = {
  provided: '提供した記録（第29条）',
  received: '提供を受けた記録（第30条）',
};
export const provisionDirectionShort: Record<ProvisionDirection, string> = { provided: '提供', received: '受領' };

export const provisionBases = ['consent', 'foreignConsent', 'optOut'] as const;
export type ProvisionBasis = (typeof provisionBases)[number];
export const provisionBasisLabels: Record<ProvisionBasis, string> = {
  consent: '本人の同意（第27条第1項）',
  foreignConsent: '外国にある第三者への提供についての本人の同意（第28条第1項）',
  optOut: '第27条第2項（オプトアウト）',
};

const OPT_OUT = '法第27条第2項の規定による提供（オプトアウト）';
export const PUBLISHED = '法第27条第4項の規定により公表されている旨';

// The basis as the record states it (the 根拠 column of the table).
export function provisionBasisText(r: Pick<ProvisionRecord, 'direction' | 'basis' | 'published'>): string {
  switch (r.basis) {
    case 'consent':
      return '法第27条第1項の本人の同意を得ている旨';
    case 'foreignConsent':
      return '法第28条第1項の本人の同意を得ている旨（外国にある第三者への提供）';
    case 'optOut':
      return r.direction === 'received' && r.published ? `${OPT_OUT}\n${PUBLISHED}` : OPT_OUT;
  }
}

export const provisionExclusions = ['r11-1', 'r11-2', 'r11-3', 'r11-4'] as const;
export type ProvisionExclusion = (typeof provisionExclusions)[number];
export const provisionExclusionLabels: Record<ProvisionExclusion, string> = {
  'r11-1': '施行令第11条第1号（本人又は第三者の生命、身体又は財産に危害が及ぶおそれ）',
  'r11-2': '施行令第11条第2号（違法又は不当な行為を助長し、又は誘発するおそれ）',
  'r11-3': '施行令第11条第3号（国の安全、他国等との信頼関係・交渉上の不利益のおそれ）',
  'r11-4': '施行令第11条第4号（犯罪の予防、鎮圧又は捜査その他の公共の安全と秩序の維持に支障）',
};

export const MAX_PROVISION_RECORDS = 100;

const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label}は${max}文字以内で入力してください。`).superRefine(noUnsafe(label, true));

export const ProvisionRecord = z
  .object({
    direction: z.enum(provisionDirections, '提供した記録か、提供を受けた記録かを選択してください。'),
    // 提供年月日 / 提供を受けた年月日 (ISO); '' where the rules do not require it (consent).
    date: z.string().refine((v) => v === '' || parseDate(v) === v, '年月日は「2026/11/22」の形式で入力してください。'),
    // 第三者 (provided) or 提供元 (received): 氏名又は名称.
    counterparty: text('相手方の氏名又は名称', 200),
    // 住所・法人の代表者 (required for data received, 施行規則24条1項1号).
    counterpartyDetails: text('相手方の住所・代表者', 300),
    items: text('個人データの項目', 500),
    basis: z.enum(provisionBases, '提供の根拠（本人の同意又はオプトアウト）を選択してください。'),
    // Data received under opt-out: the provider's notification was found published by the
    // 個人情報保護委員会 (27条4項). Absent in records stored before this field.
    published: z.boolean().default(false),
    // 取得の経緯 of the provider (received only, 施行規則24条1項1号).
    acquisition: text('取得の経緯', 300),
    exclusion: z.enum(provisionExclusions).nullable(),
  })
  .strict();
export type ProvisionRecord = z.infer<typeof ProvisionRecord>;

export function emptyProvisionRecord(): ProvisionRecord {
  return {
    direction: 'provided',
    date: '',
    counterparty: '',
    counterpartyDetails: '',
    items: '',
    basis: 'consent',
    published: false,
    acquisition: '',
    exclusion: null,
  };
}

export const ProvisionRecords = z
  .array(ProvisionRecord)
  .max(MAX_PROVISION_RECORDS, `第三者提供記録は${MAX_PROVISION_RECORDS}件までです。`);

// The records the letter discloses: every record not excluded by 施行令11条.
export const disclosedRecords = (records: readonly ProvisionRecord[]) => records.filter((r) => r.exclusion === null);

// Per record, what keeps it from being saved (「記録2: …」), then the rules of the decision: records
// only for a 第三者提供記録の開示, at least one disclosed record for a (partial) disclosure, and
// only excluded records behind a 記録不存在.
export function provisionProblems(kind: RequestKind, d: Decision): DecisionProblem[] {
  const records = d.provisionRecords;
  const problem = (message: string): DecisionProblem => ({ path: 'provisionRecords', message });
  if (kind !== 'thirdPartyRecords') {
    return records.length > 0 ? [problem('第三者提供記録は「第三者提供記録の開示」の決定にのみ入力できます。')] : [];
  }
  const problems: DecisionProblem[] = [];
  records.forEach((r, i) => {
    const at = `記録${i + 1}: `;
    if (r.counterparty === '') {
      problems.push(
        problem(`${at}${r.direction === 'provided' ? '提供先' : '提供元'}の氏名又は名称を入力してください。`),
      );
    }
    if (r.items === '') problems.push(problem(`${at}個人データの項目を入力してください。`));
    if (r.basis === 'optOut' && r.date === '') {
      problems.push(problem(`${at}オプトアウトによる提供は、年月日の記録が必要です（施行規則第20条・第24条）。`));
    }
    if (r.direction === 'received' && r.counterpartyDetails === '') {
      problems.push(problem(`${at}提供元の住所（法人の場合は代表者の氏名）を入力してください（施行規則第24条）。`));
    }
    if (r.direction === 'received' && r.basis === 'optOut' && !r.published) {
      problems.push(
        problem(
          `${at}オプトアウトにより提供を受けた記録には、${PUBLISHED}（個人情報保護委員会による公表を確認したこと）が必要です（施行規則第24条第1項第1号）。`,
        ),
      );
    }
    if (r.direction === 'received' && r.acquisition === '') {
      problems.push(problem(`${at}提供元による取得の経緯を入力してください（施行規則第24条）。`));
    }
    if (r.direction === 'provided' && r.acquisition !== '') {
      problems.push(problem(`${at}取得の経緯は、提供を受けた記録にのみ入力します。`));
    }
  });
  const shown = disclosedRecords(records).length;
  // A decision drafted before the table, with the records described in words, stays valid so that
  // requests already in progress are not blocked at approval.
  const legacy = records.length === 0 && d.disclosed !== '';
  if ((d.outcome === 'full' || d.outcome === 'partial') && shown === 0 && !legacy) {
    problems.push(
      problem('開示する第三者提供記録を1件以上入力してください（施行令第11条により除外する記録は数えません）。'),
    );
  }
  if (d.outcome === 'nonexistent' && shown > 0) {
    problems.push(
      problem(
        '記録不存在とする場合、開示の対象となる記録は入力できません（施行令第11条により除外する記録のみ残せます）。',
      ),
    );
  }
  return problems;
}

// The table printed under its own heading (別紙), in the order entered.
export const provisionTableHeader = [
  '区分',
  '年月日',
  '相手方（氏名又は名称・住所等）',
  '個人データの項目',
  '根拠',
  '取得の経緯',
];
export const provisionTableWidths = [0.07, 0.18, 0.25, 0.23, 0.13, 0.14];

export function provisionTableRows(
  records: readonly ProvisionRecord[],
  date: (d: string) => string = slashDate,
): string[][] {
  return disclosedRecords(records).map((r) => [
    provisionDirectionShort[r.direction],
    r.date ? date(r.date) : '—',
    r.counterpartyDetails ? `${r.counterparty}\n${r.counterpartyDetails}` : r.counterparty,
    r.items,
    provisionBasisText(r),
    r.direction === 'received' ? r.acquisition : '—',
  ]);
}
