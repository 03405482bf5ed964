import { z } from 'zod';
import type { Decision, DecisionProblem } from './decisions';
import { kindInfo, type RequestKind } from './intake/kinds';

// 電磁的記録 (33条1項): how the company provides the data when the person asked for an electronic
// method. What the person asked for stays on the request (disclosureMethod); this is what the
// company chose: the file format, the route, how long a download link is valid, and how the
// package's password reaches the person.
export const electronicFormats = ['csv', 'xlsx', 'pdf'] as const;
export const electronicRoutes = ['cdr', 'usb', 'email', 'download'] as const;
export const passwordRoutes = ['letter', 'phone', 'separateEmail'] as const;
export const electronicFormatLabels: Record<(typeof electronicFormats)[number], string> = {
  csv: 'CSV形式（UTF-8）',
  xlsx: 'Excel形式（.xlsx）',
  pdf: 'PDF形式',
};
export const electronicRouteLabels: Record<(typeof electronicRoutes)[number], string> = {
  cdr: 'CD-Rに記録して郵送',
  usb: 'USBメモリに記録して郵送',
  email: '電子メールに添付して送付',
  download: 'ダウンロードにより提供',
};
export const passwordRouteLabels: Record<(typeof passwordRoutes)[number], string> = {
  letter: '別送の書面（郵送）',
  phone: 'お電話',
  separateEmail: '別の電子メール',
};
// The methods the person may ask for, and the routes that are that method.
export type RequestedMethod = 'paper' | 'media' | 'email' | 'download';
export const requestedMethodLabels: Record<RequestedMethod, string> = {
  paper: '書面の交付',
  media: '電磁的記録媒体の送付',
  email: '電子メールによる送付',
  download: 'ダウンロードによる提供',
};
const routeMethod: Record<(typeof electronicRoutes)[number], RequestedMethod> = {
  cdr: 'media',
  usb: 'media',
  email: 'email',
  download: 'download',
};

export const Electronic = z
  .object({
    format: z.enum(electronicFormats, 'ファイル形式を選択してください。'),
    route: z.enum(electronicRoutes, '提供の経路を選択してください。'),
    linkValidDays: z
      .number()
      .int('リンクの有効期間は日数（整数）で入力してください。')
      .min(1, 'リンクの有効期間は1日以上にしてください。')
      .max(30, 'リンクの有効期間は30日以内にしてください。')
      .nullable(),
    passwordRoute: z.enum(passwordRoutes, 'パスワードのお知らせ方法を選択してください。'),
  })
  .strict();
export type Electronic = z.infer<typeof Electronic>;

// The 電磁的記録 fields: required where the person asked for an electronic method and the data are
// disclosed that way; refused where the answer is on paper. A route other than the one asked for
// needs a reason (the person's consent, or why), printed in the letter.
export function electronicProblems(
  kind: RequestKind,
  d: Decision,
  requested: RequestedMethod | null,
): DecisionProblem[] {
  const grants = kindInfo[kind].group === 'disclosure' && (d.outcome === 'full' || d.outcome === 'partial');
  const electronic = grants && !d.methodChanged && requested !== null && requested !== 'paper';
  const e = d.electronic;
  if (!electronic) {
    return e === null
      ? []
      : [{ path: 'electronic', message: '書面で開示する場合は、電磁的記録による提供の方法は指定できません。' }];
  }
  if (e === null) {
    return [
      {
        path: 'electronic',
        message:
          '電磁的記録による開示を請求されています。ファイル形式、提供の経路、パスワードのお知らせ方法を選択してください（書面で開示する場合は「書面で開示する」を選択してください）。',
      },
    ];
  }
  const problems: DecisionProblem[] = [];
  if (e.route === 'download' && e.linkValidDays === null) {
    problems.push({ path: 'electronic', message: 'ダウンロードのリンクの有効期間（日数）を入力してください。' });
  }
  if (e.route !== 'download' && e.linkValidDays !== null) {
    problems.push({
      path: 'electronic',
      message: 'リンクの有効期間は、ダウンロードによる提供の場合にのみ指定できます。',
    });
  }
  if (e.route === 'email' && e.passwordRoute === 'separateEmail') {
    problems.push({
      path: 'electronic',
      message: '電子メールで送付する場合、パスワードは電子メール以外の経路（書面・お電話）でお知らせしてください。',
    });
  }
  if (routeMethod[e.route] !== requested && d.reason === '') {
    problems.push({
      path: 'reason',
      message: 'ご請求と異なる経路で提供する場合は、その理由（ご本人の同意を得た旨など）を入力してください。',
    });
  }
  return problems;
}

// The route chosen differs from the method the person asked for.
export const routeDiffers = (e: Electronic, requested: RequestedMethod | null) =>
  requested !== null && routeMethod[e.route] !== requested;
