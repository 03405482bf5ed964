import { z } from 'zod';
import { noUnsafe } from './intake/text';

// Printed on every letter: no control or bidi characters.
const required = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, `${label}を入力してください。`)
    .max(max, `${label}は${max}文字以内で入力してください。`)
    .superRefine(noUnsafe(label));
const optional = (label: string, max = 200) =>
  z.string().trim().max(max, `${label}は${max}文字以内で入力してください。`).superRefine(noUnsafe(label));

export const postalCode = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC').replace(/[ー－−]/g, '-'))
  .refine((s) => /^\d{3}-?\d{4}$/.test(s), '郵便番号は「123-4567」の形式で入力してください。')
  .transform((s) => (s.includes('-') ? s : `${s.slice(0, 3)}-${s.slice(3)}`));

export const phone = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC'))
  .refine((s) => /^[0-9()+\- ]{6,20}$/.test(s), '電話番号は数字とハイフンで入力してください。');

const email = z
  .string()
  .trim()
  .refine((s) => s === '' || z.email().safeParse(s).success, 'メールアドレスの形式が正しくありません。');

const optionalPhone = phone.or(z.literal(''));

export const JointUse = z
  .object({
    scope: required('共同して利用する者の範囲', 300),
    manager: required('管理責任者の名称', 200),
    managerAddress: required('管理責任者の住所・代表者', 300),
    weAreManager: z.boolean(),
  })
  .strict();
export type JointUse = z.infer<typeof JointUse>;

// The organisation profile printed on every letter (sender block and contact window). Companies
// publish different contacts: a phone, an e-mail address, a postal address, or several; at least
// one is needed for the contact window. The company's own phone is printed when given.
export const Organisation = z
  .object({
    companyName: required('会社名'),
    postalCode,
    address: required('住所', 300),
    phone: optionalPhone,
    representative: required('代表者'),
    officerTitle: required('個人情報保護管理者の役職'),
    officerName: required('個人情報保護管理者の氏名'),
    contactName: required('問合せ窓口の名称'),
    contactPhone: optionalPhone,
    contactHours: optional('受付時間'),
    contactEmail: email,
    contactAddress: optional('問合せ窓口の住所', 300).default(''),
    // A group 共同利用 (27条5項3号): who uses the data together, and the 管理責任者 who answers for
    // it. null: none (as before).
    jointUse: JointUse.nullable().default(null),
  })
  .strict()
  .refine((o) => o.contactPhone !== '' || o.contactEmail !== '' || o.contactAddress !== '', {
    path: ['contactPhone'],
    message: '問合せ窓口の電話番号、メールアドレス又は住所のいずれかを入力してください。',
  });
export type Organisation = z.infer<typeof Organisation>;
export type OrganisationInput = z.input<typeof Organisation>;
