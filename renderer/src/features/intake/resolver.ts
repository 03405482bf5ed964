import { zodResolver } from '@hookform/resolvers/zod';
import { get, set, type FieldErrors, type Resolver } from 'react-hook-form';
import { japanToday } from '../../../../core/domain/dates';
import { futureDateIssues } from '../../../../core/domain/intake/future-dates';
import { letterSpellingIssues, spellingTexts } from '../../../../core/domain/intake/letter-spelling';
import { IntakeInput } from '../../../../core/domain/intake/request';
import { call } from '../../lib/api';
import type { IntakeForm } from './model';

const schema = zodResolver(IntakeInput);

// What main answered for each text already asked about (glyphs.check), so that a keystroke asks
// only about the text it changed. Kept small: the form is validated on every change.
const answered = new Map<string, readonly string[]>();
async function lackingGlyphs(texts: string[]): Promise<(text: string) => readonly string[]> {
  const ask = texts.filter((t) => !answered.has(t)).slice(0, 30);
  if (ask.length > 0) {
    try {
      const found = await call('glyphs.check', { texts: Object.fromEntries(ask.map((t, i) => [String(i), t])) });
      if (answered.size > 500) answered.clear();
      ask.forEach((t, i) => answered.set(t, found[String(i)] ?? []));
    } catch {
      // Main checks again on save; the form just cannot tell yet.
    }
  }
  return (t) => answered.get(t) ?? [];
}

// The shared schema, plus what main refuses on save beyond it: dates after today in Japan, and a
// name or address the letter fonts lack without its spelling for letters. Those are checked apart
// from the schema so that they show beside their field at once, even while other fields are still
// empty (the schema's cross-field rules wait until every field parses).
export const intakeResolver: Resolver<IntakeForm> = async (values, context, options) => {
  const result = await schema(values, context, options);
  const missing = await lackingGlyphs(spellingTexts(values));
  const issues = [...futureDateIssues(values, japanToday(new Date())), ...letterSpellingIssues(values, missing)];
  if (issues.length === 0) return result;
  const errors: FieldErrors<IntakeForm> = { ...result.errors };
  for (const issue of issues) {
    const name = issue.path.join('.');
    if (!get(errors, name)) set(errors, name, { type: 'rule', message: issue.message });
  }
  return { values: {}, errors };
};
