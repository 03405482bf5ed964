import type { DateIssue } from './future-dates';

// A name or address with a character no bundled font has (伟, some 外字) prints as an empty box,
// so the intake form asks for the spelling letters use (回答書用の氏名・住所). That spelling is
// required then, and must itself be printable. Main refuses such an intake with these words
// beside the field; the form shows the same as it is typed. Which characters a font lacks is
// main's to say (glyphs.check): this rule takes the answer as a function.

export type Issue = DateIssue;

type PartyText = { name?: unknown; address?: unknown; letterName?: unknown; letterAddress?: unknown } | null;
export type SpelledIntake = { principal?: PartyText; agent?: PartyText };

const fields = [
  { real: 'name', letter: 'letterName', label: '氏名' },
  { real: 'address', letter: 'letterAddress', label: '住所' },
] as const;

const roles = [
  { role: 'principal', label: '本人' },
  { role: 'agent', label: '代理人' },
] as const;

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

// The texts whose characters are to be checked against the fonts.
export function spellingTexts(v: SpelledIntake): string[] {
  const texts = new Set<string>();
  for (const { role } of roles) {
    const p = v[role];
    if (!p) continue;
    for (const f of fields) {
      for (const t of [str(p[f.real]), str(p[f.letter])]) if (t !== '') texts.add(t);
    }
  }
  return [...texts];
}

// A character with its code point, which names it even where no font on the PC can draw it.
export const quoted = (chars: readonly string[]) =>
  chars.map((c) => `「${c}」（U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}）`).join('');

export function letterSpellingIssues(v: SpelledIntake, missing: (text: string) => readonly string[]): Issue[] {
  const issues: Issue[] = [];
  for (const { role, label: who } of roles) {
    const p = v[role];
    if (!p) continue;
    for (const f of fields) {
      const real = str(p[f.real]);
      if (real === '' || missing(real).length === 0) continue;
      const spelled = str(p[f.letter]);
      const path = [role, f.letter];
      if (spelled === '') {
        issues.push({
          path,
          message: `${who}の${f.label}に回答書の書体にない文字があるため、回答書用の${f.label}を入力してください。`,
        });
        continue;
      }
      const still = missing(spelled);
      if (still.length > 0) {
        issues.push({
          path,
          message: `回答書用の${f.label}にも回答書の書体にない文字${quoted(still)}があります。別の表記を入力してください。`,
        });
      }
    }
  }
  return issues;
}
