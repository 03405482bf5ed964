import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// zxcvbn's top score: at least 10^10 estimated guesses, its "strong protection from an offline
// slow-hash attack", which is the attack that matters here (someone with a copy of the data folder
// trying passwords against vault.json's scrypt).
export const PASSWORD_MIN_SCORE = 4;

// zxcvbn scores structure, so it rates a phrase strong that is weak only because it was published
// and is now in every cracking list (xkcd 936's), and it does not know this app's own words. These go
// in as one more dictionary, so variants (l33t, reversed, with a suffix) are weak too.
const knownPhrases = [
  'correct horse battery staple',
  'correcthorsebatterystaple',
  'tr0ub4dor&3',
  'madoguchi',
  'まどぐち',
  'マドグチ',
  '窓口',
  'お客様相談窓口',
  '個人情報保護',
];

// zxcvbn's matching grows quickly with length (about 0.6 s for 256 characters of l33t-like text,
// per check, and the form checks as staff type): it looks at the first 100 characters (under
// 0.2 s), which hold far more than the guesses the score needs when the password is any good.
const STRENGTH_CHECKED_LENGTH = 100;

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

// Counts user-perceived characters, so a 12-character Japanese passphrase counts as 12.
function length(password: string): number {
  return Array.from(graphemes.segment(password)).length;
}

// Cost, once per process: the lists (about 30,000 passwords, the diceware words, keyboard layouts;
// about 430 KB of JS, plus 90 KB for the estimator, in the renderer's bundle and main's
// node_modules) are decompressed when this module is first imported (~60 ms); the ranked
// dictionaries are built here on the first check (~30 ms). A check then takes 1–5 ms.
let estimator: ZxcvbnFactory | undefined;
function strength(password: string, context: readonly string[]): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...dictionary, knownPhrases },
    graphs: adjacencyGraphs,
    maxLength: STRENGTH_CHECKED_LENGTH,
  });
  const inputs = context.filter((s) => s.length > 0);
  const typed = estimator.check(password, inputs);
  // Attack rules treat separators as interchangeable, so "a-b_c" is as weak as "a b c".
  const spaced = password.replace(/[\s\-_.・･,、。/]+/gu, ' ');
  if (spaced === password) return typed;
  const other = estimator.check(spaced, inputs);
  return other.guesses < typed.guesses ? other : typed;
}

const hints: Partial<Record<string, string>> = {
  straightRow: 'キーボードの並び',
  keyPattern: 'キーボードの並び',
  simpleRepeat: '同じ文字や語の繰り返し',
  extendedRepeat: '同じ文字や語の繰り返し',
  sequences: '連続した文字や数字',
  recentYears: '年号',
  dates: '日付',
  topTen: 'よく使われているパスワード',
  topHundred: 'よく使われているパスワード',
  common: 'よく使われているパスワード',
  similarToCommon: 'よく使われているパスワードに似た語',
  wordByItself: 'よく知られた単語',
  namesByThemselves: '人名',
  commonNames: '人名',
  userInputs: 'ログイン名や氏名',
};

function weakMessage(result: ZxcvbnResult): string {
  const hint = result.feedback.warning === null ? undefined : hints[result.feedback.warning];
  const because = hint === undefined ? '' : `${hint}が含まれているため、`;
  return `このパスワードは${because}推測されやすいため使用できません。よく使われているパスワード、単語や人名だけのもの、キーボードの並び、日付を避け、関係のない複数の語を組み合わせるなど、推測されにくいものにしてください。`;
}

// Returns Japanese messages for each rule the password breaks; empty when acceptable. `context`
// takes words the password must not lean on (login name, display name).
export function passwordProblems(password: string, context: readonly string[] = []): string[] {
  const problems: string[] = [];
  const n = length(password);
  if (n < PASSWORD_MIN_LENGTH) problems.push(`パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください。`);
  if (n > PASSWORD_MAX_LENGTH) problems.push(`パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください。`);
  if (problems.length > 0) return problems;
  const result = strength(password, context);
  if (result.score < PASSWORD_MIN_SCORE) problems.push(weakMessage(result));
  return problems;
}

// The policy as a schema, for forms: each broken rule becomes a message under the field.
export const PolicyPassword = z.string().superRefine((p, ctx) => {
  for (const message of passwordProblems(p)) ctx.addIssue({ code: 'custom', message });
});
