import { z } from 'zod';
import { commonPasswords } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const common = new Set(commonPasswords);

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

// Counts user-perceived characters, so a 12-character Japanese passphrase counts as 12.
function length(password: string): number {
  return Array.from(graphemes.segment(password)).length;
}

// Returns Japanese messages for each rule the password breaks; empty when acceptable.
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  const n = length(password);
  if (n < PASSWORD_MIN_LENGTH) problems.push(`パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください。`);
  if (n > PASSWORD_MAX_LENGTH) problems.push(`パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください。`);
  const lowered = password.toLowerCase();
  if (common.has(lowered) || /^(.)\1+$/u.test(password)) {
    problems.push('よく使われているパスワードのため使用できません。推測されにくいものにしてください。');
  }
  return problems;
}

// The policy as a schema, for forms: each broken rule becomes a message under the field.
export const PolicyPassword = z.string().superRefine((p, ctx) => {
  for (const message of passwordProblems(p)) ctx.addIssue({ code: 'custom', message });
});
