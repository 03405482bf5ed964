import { z } from 'zod';
import { noUnsafe } from './intake/text';

// Requests the Act does not cover (issue 33 §4, DOMAIN.md §9): a deceased person's data (not
// 個人情報: 法2条1項 「生存する個人に関する情報」), the company's own information (no 保有個人データ
// of the person), or a letter that is no 開示等の請求 at all. The company answers as a service
// (任意の対応) or declines with an explanation. No statutory deadline (no 39条 date), no fee
// (38条 does not apply), no article cited in the letter, counted apart in the reports.

export const outsideLawCategories = ['deceased', 'companyInformation', 'notARequest'] as const;
export type OutsideLawCategory = (typeof outsideLawCategories)[number];

export const outsideLawCategoryLabels: Record<OutsideLawCategory, string> = {
  deceased: '故人の情報',
  companyInformation: '当社の情報（保有個人データに当たらない）',
  notARequest: '法に基づく請求に当たらない',
};

export const outsideLawResponses = ['service', 'declined'] as const;
export type OutsideLawResponse = (typeof outsideLawResponses)[number];

export const outsideLawResponseLabels: Record<OutsideLawResponse, string> = {
  service: '任意の対応として回答する',
  declined: '理由を説明して応じない',
};

// What closing a request as outside the law records; the text is printed in the letter (the
// answer given as a service, or why the company does not respond).
export const OutsideLaw = z
  .object({
    category: z.enum(outsideLawCategories, '法の対象外とする理由を選択してください。'),
    response: z.enum(outsideLawResponses, '対応の方法を選択してください。'),
    text: z
      .string()
      .trim()
      .min(1, 'お知らせする内容（回答又は応じない理由）を入力してください。')
      .max(4000, 'お知らせする内容は4000文字以内で入力してください。')
      .superRefine(noUnsafe('お知らせする内容', true)),
  })
  .strict();
export type OutsideLaw = z.infer<typeof OutsideLaw>;

// One label for lists, the ledger and the history: 「法の対象外（故人の情報）：任意の対応として回答する」.
export const outsideLawLabel = (o: Pick<OutsideLaw, 'category' | 'response'>) =>
  `法の対象外（${outsideLawCategoryLabels[o.category]}）：${outsideLawResponseLabels[o.response]}`;

// Why the Act does not apply, as the letter explains it to the person: the law by name, no
// article (there is no duty under any article to cite).
export const outsideLawExplanations: Record<OutsideLawCategory, string> = {
  deceased:
    'ご依頼に係る情報は、亡くなられた方に関する情報です。個人情報の保護に関する法律は生存する個人に関する情報を対象としているため、同法に基づく開示等の請求の対象には当たりません。',
  companyInformation:
    'ご依頼に係る情報は、当社の業務に関する情報であり、ご依頼者様ご本人に関する保有個人データには当たらないため、個人情報の保護に関する法律に基づく開示等の請求の対象には当たりません。',
  notARequest:
    'ご依頼の内容は、当社が保有するご依頼者様ご本人の個人データの開示、訂正、利用停止等を求めるものではないため、個人情報の保護に関する法律に基づく開示等の請求には当たりません。',
};
