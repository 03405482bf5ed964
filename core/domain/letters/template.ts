import { z } from 'zod';
import { noUnsafe } from '../intake/text';

// The editable letter templates: their placeholders and the checks a template must pass.

export const placeholders = [
  '氏名',
  '受付番号',
  '到達日',
  '回答予定日',
  '補正期限',
  '延長後の期限',
  '会社名',
  // 「お客様」, or for an agent 「ご本人（田中翔様）」: no letter calls its reader 「あなた」.
  '本人',
  // The article the letter is sent under (第33条第1項及び第2項 for a full disclosure, else the notice duty).
  '通知の根拠',
  '補正依頼日',
] as const;
export type Values = Record<(typeof placeholders)[number], string>;

export const LetterTemplate = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, '表題を入力してください。')
      .max(200, '表題は200文字以内で入力してください。')
      .superRefine(noUnsafe('表題')),
    body: z
      .string()
      .trim()
      .min(1, '本文を入力してください。')
      .max(4000, '本文は4000文字以内で入力してください。')
      .superRefine(noUnsafe('本文', true)),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const [key, text] of [
      ['title', t.title],
      ['body', t.body],
    ] as const) {
      for (const m of text.matchAll(/\{([^}]*)\}/g)) {
        if (!(placeholders as readonly string[]).includes(m[1] ?? '')) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `「{${m[1] ?? ''}}」は使えない差し込み項目です。使えるもの: ${placeholders.map((p) => `{${p}}`).join('、')}`,
          });
        }
      }
    }
  });
export type LetterTemplate = z.infer<typeof LetterTemplate>;
