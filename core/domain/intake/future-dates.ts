import { parseDate, type IsoDate } from '../dates';

// The intake dates that cannot lie after today in Japan: a request, a document or a fee that has
// not arrived yet cannot be recorded, and nobody is born tomorrow. Main refuses them; the form
// shows the same words beside the field as soon as the date is typed. `today` comes from
// japanToday(), so the rule follows the Japanese calendar whatever the PC's time zone.

export type DateIssue = { path: (string | number)[]; message: string };

// The form's values as typed (a date may still be text that does not read as one) or as parsed.
export type DatedIntake = {
  arrivalDate?: unknown;
  principal?: { birthDate?: unknown } | null;
  agent?: { birthDate?: unknown } | null;
  identity?: { documents?: readonly { receivedOn?: unknown; destroyedOn?: unknown }[] };
  payments?: readonly { receivedOn?: unknown }[];
};

export const futureMessages = {
  arrivalDate: '到達日に未来の日付は指定できません。',
  birthDate: '生年月日に未来の日付は指定できません。',
  documentReceivedOn: '書類の到着日に未来の日付は指定できません。',
  destroyedOn: '廃棄・マスキングの日付に未来の日付は指定できません。',
  paymentReceivedOn: '手数料の受領日に未来の日付は指定できません。',
} as const;

// Only a date that reads as one is judged: text that is not a date has its own message.
const isFuture = (v: unknown, today: IsoDate) => typeof v === 'string' && parseDate(v) === v && v > today;

// Every future date of the form, in the order the form shows them.
export function futureDateIssues(v: DatedIntake, today: IsoDate): DateIssue[] {
  const issues: DateIssue[] = [];
  const check = (value: unknown, path: (string | number)[], message: string) => {
    if (isFuture(value, today)) issues.push({ path, message });
  };
  check(v.arrivalDate, ['arrivalDate'], futureMessages.arrivalDate);
  check(v.principal?.birthDate, ['principal', 'birthDate'], futureMessages.birthDate);
  check(v.agent?.birthDate, ['agent', 'birthDate'], futureMessages.birthDate);
  for (const [i, d] of (v.identity?.documents ?? []).entries()) {
    check(d.receivedOn, ['identity', 'documents', i, 'receivedOn'], futureMessages.documentReceivedOn);
    check(d.destroyedOn, ['identity', 'documents', i, 'destroyedOn'], futureMessages.destroyedOn);
  }
  for (const [i, p] of (v.payments ?? []).entries())
    check(p.receivedOn, ['payments', i, 'receivedOn'], futureMessages.paymentReceivedOn);
  return issues;
}
