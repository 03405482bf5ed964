import { z } from 'zod';
import { kindInfo, type RequestKind } from './intake/kinds';
import { parseDate } from './dates';
import { noUnsafe } from './intake/text';
import { Electronic, electronicProblems, type RequestedMethod } from './electronic';
import { ProvisionRecords, provisionProblems } from './provision-records';

// Decisions (決定) per requested kind (DOMAIN.md §1): the outcome, the legal grounds of any
// refusal, what is disclosed and what is withheld, and the reason given to the person (36条).

export const outcomes = [
  'notify',
  'notNotify',
  'full',
  'partial',
  'refused',
  'nonexistent',
  'done',
  'notDone',
  'alternative',
  // Data held only as a 委託先 for a business customer are not our 保有個人データ: the person is
  // referred to the 委託元's window, no fee is charged and no article is cited (DOMAIN.md §9).
  'notOurs',
] as const;
export type Outcome = (typeof outcomes)[number];

type Group = (typeof kindInfo)[RequestKind]['group'];

export const outcomesByGroup: Record<Group, readonly Outcome[]> = {
  notice: ['notify', 'notNotify', 'notOurs'],
  disclosure: ['full', 'partial', 'refused', 'nonexistent', 'notOurs'],
  correction: ['done', 'partial', 'notDone', 'notOurs'],
  suspension: ['done', 'partial', 'notDone', 'alternative', 'notOurs'],
  stopProvision: ['done', 'partial', 'notDone', 'alternative', 'notOurs'],
};

export const NOT_OURS_LABEL = '当社の保有個人データに当たらない（委託元へご案内）';

// Labels differ by group: 「全部開示」 for a disclosure, 「訂正等を行う」 for a correction.
export function outcomeLabel(kind: RequestKind, outcome: Outcome): string {
  const group = kindInfo[kind].group;
  const labels: Record<Group, Partial<Record<Outcome, string>>> = {
    notice: { notify: '通知する', notNotify: '通知しない' },
    disclosure: {
      full: '全部開示',
      partial: '一部開示',
      refused: '不開示',
      nonexistent: kind === 'thirdPartyRecords' ? '記録不存在' : '不存在',
    },
    correction: { done: '訂正等を行う', partial: '一部について訂正等を行う', notDone: '訂正等を行わない' },
    suspension: {
      done: '利用停止等を行う',
      partial: '一部について利用停止等を行う',
      notDone: '利用停止等を行わない',
      alternative: '代替措置をとる',
    },
    stopProvision: {
      done: '第三者提供を停止する',
      partial: '一部について第三者提供を停止する',
      notDone: '第三者提供を停止しない',
      alternative: '代替措置をとる',
    },
  };
  if (outcome === 'notOurs') return NOT_OURS_LABEL;
  return labels[group][outcome] ?? outcome;
}

// Outcomes that grant the request in full; any other outcome is a (partial) refusal or a
// different measure, which needs a legal ground and a reason (36条).
export function grantsInFull(outcome: Outcome): boolean {
  return outcome === 'notify' || outcome === 'full' || outcome === 'done';
}

export const groundCodes = [
  'a32-2-clear',
  'a21-4-1',
  'a21-4-2',
  'a21-4-3',
  'a33-2-1',
  'a33-2-2',
  'a33-2-3',
  'a33-3-method',
  'nonexistent',
  'recordNonexistent',
  'a34-notApplicable',
  'a35-notApplicable',
  'alternative',
  // Added later: another law has its own procedure for correcting this data (34条2項).
  'a34-otherLaw',
] as const;
export type GroundCode = (typeof groundCodes)[number];

// As staff pick them; the letter cites each through letters/citations (matched to the kind).
export const groundLabels: Record<GroundCode, string> = {
  'a32-2-clear': '第32条第2項第1号（利用目的が明らかである）',
  'a21-4-1': '第32条第2項第2号・第21条第4項第1号（本人又は第三者の生命、身体、財産その他の権利利益を害するおそれ）',
  'a21-4-2': '第32条第2項第2号・第21条第4項第2号（当社の権利又は正当な利益を害するおそれ）',
  'a21-4-3': '第32条第2項第2号・第21条第4項第3号（国の機関等の事務の遂行に支障を及ぼすおそれ）',
  'a33-2-1': '第33条第2項第1号（本人又は第三者の生命、身体、財産その他の権利利益を害するおそれ）',
  'a33-2-2': '第33条第2項第2号（当社の業務の適正な実施に著しい支障を及ぼすおそれ）',
  'a33-2-3': '第33条第2項第3号（他の法令に違反することとなる）',
  'a33-3-method': '第33条第2項本文括弧書（請求された方法による開示が困難、書面の交付による）',
  nonexistent: '第33条第3項（保有個人データが存在しない）',
  recordNonexistent: '第33条第5項・同条第3項（第三者提供記録が存在しない）',
  'a34-notApplicable': '第34条第2項（内容が事実でないとは認められない等）',
  'a34-otherLaw': '第34条第2項（他の法令の規定により訂正等の特別の手続が定められている）',
  'a35-notApplicable': '第35条（請求に理由があることが判明しない）',
  alternative: '第35条ただし書（代替措置）',
};

export const groundsByKind = (kind: RequestKind): readonly GroundCode[] => {
  switch (kindInfo[kind].group) {
    case 'notice':
      return ['a32-2-clear', 'a21-4-1', 'a21-4-2', 'a21-4-3'];
    case 'disclosure':
      return [
        'a33-2-1',
        'a33-2-2',
        'a33-2-3',
        'a33-3-method',
        kind === 'thirdPartyRecords' ? 'recordNonexistent' : 'nonexistent',
      ];
    case 'correction':
      return ['a34-notApplicable', 'a34-otherLaw'];
    case 'suspension':
    case 'stopProvision':
      return ['a35-notApplicable', 'alternative'];
  }
};

// Printed in letters: no control or bidi characters (line breaks are fine).
const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label}は${max}文字以内で入力してください。`).superRefine(noUnsafe(label, true));

export const Decision = z
  .object({
    outcome: z.enum(outcomes, '決定の内容を選択してください。'),
    grounds: z.array(z.enum(groundCodes)).max(groundCodes.length),
    disclosed: text('開示する内容', 4000),
    withheld: text('開示しない内容', 4000),
    changes: text('訂正等の内容', 4000),
    alternativeMeasure: text('代替措置の内容', 2000),
    // 33条3項: the requested method is difficult; the answer is given on paper instead.
    methodChanged: z.boolean(),
    reason: text('理由', 4000),
    // 利用停止等 and 第三者提供の停止 carried out (35条7項): the day, what each 委託先 was told to do,
    // and whether a suppression flag keeps the person from being added again. Decisions stored
    // before these fields read as not recorded.
    carriedOutOn: z
      .string()
      .refine((v) => v === '' || parseDate(v) === v, '実施日は「2026/11/22」の形式で入力してください。')
      .default(''),
    contractors: text('委託先への指示', 2000).default(''),
    suppressed: z.boolean().default(false),
    // For 'notOurs': the 委託元 (business customer) and its window, copied from the company's list
    // when chosen so that a later edit of the list does not change a letter already decided.
    trustorName: text('委託元の名称', 200).default(''),
    trustorWindow: text('委託元の窓口', 1000).default(''),
    // 電磁的記録 as the company provides it (a 開示 granted to a person who asked for it); null:
    // on paper, or decided before this field.
    electronic: Electronic.nullable().default(null),
    // 第三者提供記録 disclosed as a table (a 第三者提供記録の開示 only); none before this field.
    provisionRecords: ProvisionRecords.default([]),
    // The data of this kind are used jointly in the company's group (27条5項3号); the letter
    // names the 管理責任者. Only where the company profile has a 共同利用.
    jointUse: z.boolean().default(false),
  })
  .strict();
export type Decision = z.infer<typeof Decision>;

export function emptyDecision(): Decision {
  return {
    outcome: 'full',
    grounds: [],
    disclosed: '',
    withheld: '',
    changes: '',
    alternativeMeasure: '',
    methodChanged: false,
    reason: '',
    carriedOutOn: '',
    contractors: '',
    suppressed: false,
    trustorName: '',
    trustorWindow: '',
    electronic: null,
    provisionRecords: [],
    jointUse: false,
  };
}

// A decision that stops use or provision (利用停止等・第三者提供の停止), in full or in part: the
// letter says when it was done.
export function stopsUse(kind: RequestKind, outcome: Outcome): boolean {
  const group = kindInfo[kind].group;
  return (group === 'suspension' || group === 'stopProvision') && (outcome === 'done' || outcome === 'partial');
}

export type DecisionProblem = { path: keyof Decision; message: string };

// What keeps a decision from being saved, in Japanese, field by field. Checked in the renderer
// (next to each field) and in main (authoritative).
export function decisionProblems(
  kind: RequestKind,
  d: Decision,
  requested: RequestedMethod | null = null,
): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const group = kindInfo[kind].group;
  if (!outcomesByGroup[group].includes(d.outcome)) {
    problems.push({ path: 'outcome', message: `「${kindInfo[kind].label}」にこの決定は選択できません。` });
    return problems;
  }
  const allowed = groundsByKind(kind);
  if (d.grounds.some((g) => !allowed.includes(g))) {
    problems.push({ path: 'grounds', message: `「${kindInfo[kind].label}」に適用できない根拠が含まれています。` });
  }
  if (d.outcome === 'notOurs') return notOursProblems(d);
  const refusing = !grantsInFull(d.outcome) || d.methodChanged;
  if (refusing && d.grounds.length === 0) {
    problems.push({ path: 'grounds', message: '応じない部分がある決定には、法令上の根拠を選択してください。' });
  }
  if (refusing && d.reason === '') {
    problems.push({ path: 'reason', message: '応じない理由（本人に通知する文章）を入力してください（法第36条）。' });
  }
  if (d.methodChanged && !d.grounds.includes('a33-3-method')) {
    problems.push({
      path: 'grounds',
      message:
        '開示の方法を変更する場合は、第33条第2項本文括弧書（請求された方法による開示が困難）を根拠に選択してください。',
    });
  }
  if (d.methodChanged && group !== 'disclosure') {
    problems.push({ path: 'methodChanged', message: '開示の方法の変更は、開示の請求にのみ指定できます。' });
  }
  if (d.outcome === 'nonexistent' && !d.grounds.some((g) => g === 'nonexistent' || g === 'recordNonexistent')) {
    problems.push({ path: 'grounds', message: '不存在の決定には「不存在」を根拠に選択してください。' });
  }
  if (d.outcome === 'alternative' && !d.grounds.includes('alternative')) {
    problems.push({ path: 'grounds', message: '代替措置の決定には「代替措置」を根拠に選択してください。' });
  }
  // A 第三者提供記録の開示 lists its records in the table instead (provisionProblems).
  if (
    group === 'disclosure' &&
    kind !== 'thirdPartyRecords' &&
    (d.outcome === 'full' || d.outcome === 'partial') &&
    d.disclosed === ''
  ) {
    problems.push({ path: 'disclosed', message: '開示する保有個人データ（項目）を入力してください。' });
  }
  if (group === 'disclosure' && d.outcome === 'partial' && d.withheld === '') {
    problems.push({ path: 'withheld', message: '開示しない部分を入力してください。' });
  }
  if (group === 'correction' && (d.outcome === 'done' || d.outcome === 'partial') && d.changes === '') {
    problems.push({ path: 'changes', message: '訂正等を行った内容を入力してください（通知に記載します）。' });
  }
  if (stopsUse(kind, d.outcome) && d.carriedOutOn === '') {
    problems.push({
      path: 'carriedOutOn',
      message:
        group === 'stopProvision'
          ? '第三者提供を停止した日を入力してください（通知に記載します）。'
          : '利用停止等を実施した日を入力してください（通知に記載します）。',
    });
  }
  if (d.outcome === 'alternative' && d.alternativeMeasure === '') {
    problems.push({ path: 'alternativeMeasure', message: 'とる代替措置の内容を入力してください。' });
  }
  problems.push(...electronicProblems(kind, d, requested));
  problems.push(...provisionProblems(kind, d));
  return problems;
}

// Not our 保有個人データ: no article applies (neither 37条 nor a refusal ground), so no ground is
// chosen; the letter names the 委託元 and where to ask.
function notOursProblems(d: Decision): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (d.grounds.length > 0) {
    problems.push({
      path: 'grounds',
      message:
        '当社の保有個人データに当たらない場合は、法令上の根拠を選択しないでください（適用される条項はありません）。',
    });
  }
  if (d.methodChanged) {
    problems.push({
      path: 'methodChanged',
      message: '当社の保有個人データに当たらない場合は、開示の方法は変更できません。',
    });
  }
  if (d.trustorName === '') problems.push({ path: 'trustorName', message: '委託元の名称を入力してください。' });
  if (d.trustorWindow === '') {
    problems.push({
      path: 'trustorWindow',
      message: '委託元の窓口（ご請求先）を入力してください（通知に記載します）。',
    });
  }
  return problems;
}

// The editable library of standard reason sentences (定型文). Staff pick one and then edit it; on
// insertion {根拠条項} and {対象} are filled for the kind and the scope (letters/reasons).
export const ReasonTemplate = z
  .object({
    id: z.string().min(1).max(64),
    ground: z.enum(groundCodes).nullable(),
    title: z.string().trim().min(1, '見出しを入力してください。').max(100, '見出しは100文字以内で入力してください。'),
    text: z.string().trim().min(1, '文章を入力してください。').max(4000, '文章は4000文字以内で入力してください。'),
  })
  .strict();
export type ReasonTemplate = z.infer<typeof ReasonTemplate>;

export const ReasonLibrary = z
  .array(ReasonTemplate)
  .max(200, '定型文は200件までです。')
  .refine((list) => new Set(list.map((t) => t.id)).size === list.length, '定型文の識別子が重複しています。');

export const defaultReasonLibrary: ReasonTemplate[] = [
  {
    id: 'third-party-harm',
    ground: 'a33-2-1',
    title: '第三者の権利利益',
    text: '{対象}には第三者の個人情報が含まれており、開示することにより当該第三者の権利利益を害するおそれがあるため、個人情報の保護に関する法律{根拠条項}に基づき、開示しないことといたしました。',
  },
  {
    id: 'business-obstruction',
    ground: 'a33-2-2',
    title: '業務の適正な実施への支障',
    text: '{対象}には当社の審査基準に関する評価情報が含まれており、開示することにより当社の業務の適正な実施に著しい支障を及ぼすおそれがあるため、個人情報の保護に関する法律{根拠条項}に基づき、開示しないことといたしました。',
  },
  {
    id: 'other-law',
    ground: 'a33-2-3',
    title: '他の法令違反',
    text: '{対象}を開示することは他の法令に違反することとなるため、個人情報の保護に関する法律{根拠条項}に基づき、開示しないことといたしました。',
  },
  {
    id: 'method-difficult',
    ground: 'a33-3-method',
    title: '開示方法の変更',
    text: 'ご指定の方法による開示は、当社のシステム上の制約により困難であるため、個人情報の保護に関する法律{根拠条項}の規定により、書面の交付により開示いたします。',
  },
  {
    id: 'nonexistent',
    ground: 'nonexistent',
    title: '不存在',
    text: '当社の保有個人データを確認いたしましたが、ご請求の保有個人データは存在しませんでした。',
  },
  {
    id: 'record-nonexistent',
    ground: 'recordNonexistent',
    title: '記録不存在',
    text: 'ご請求の期間において、当社がお客様の個人データを第三者に提供した記録（個人情報の保護に関する法律第29条第1項）及び第三者から提供を受けた記録（同法第30条第3項）は、いずれも存在しません（業務の委託、事業の承継又は共同利用に伴う提供は第三者提供に当たらないため、記録の対象ではありません）。',
  },
  {
    id: 'purpose-clear',
    ground: 'a32-2-clear',
    title: '利用目的が明らか',
    text: 'お客様の個人情報の利用目的は、当社ウェブサイトの「個人情報の取扱いについて」において公表しているとおりであり、明らかであるため、個人情報の保護に関する法律{根拠条項}に基づき、個別の通知はいたしません。',
  },
  {
    id: 'correction-fact',
    ground: 'a34-notApplicable',
    title: '事実と相違しない',
    text: '当社で調査いたしましたが、{対象}が事実でないとは認められなかったため、その訂正等は行わないことといたしました。',
  },
  {
    id: 'correction-other-law',
    ground: 'a34-otherLaw',
    title: '他の法令による訂正の手続',
    text: '{対象}の訂正等については、他の法令の規定により特別の手続が定められているため、個人情報の保護に関する法律{根拠条項}により、当社においてご請求に応じることはできません。恐れ入りますが、当該手続によりお申し出くださいますようお願いいたします。',
  },
  {
    id: 'retention-duty',
    ground: 'a35-notApplicable',
    title: '法令上の保存義務',
    text: '{対象}は、法人税法等により7年間の保存が義務付けられている帳簿書類に記載されており、保存期間の満了までは当社において保存する必要があるため、ご請求に理由があるとは認められず、消去を行うことはできません。',
  },
  {
    id: 'alternative-measure',
    ground: 'alternative',
    title: '代替措置',
    text: 'ご請求の措置を全面的に行うには多額の費用を要するため、個人情報の保護に関する法律{根拠条項}の規定により、代替措置として、お客様の個人データを営業目的に利用しない設定といたしました。',
  },
];
