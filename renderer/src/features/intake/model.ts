import type { z } from 'zod';
import { japanToday } from '../../../../core/domain/dates';
import { emptyParty, type IntakeInput } from '../../../../core/domain/intake/request';

export type IntakeForm = z.input<typeof IntakeInput>;

export function emptyIntake(): IntakeForm {
  return {
    channel: 'post',
    arrivalDate: japanToday(new Date()),
    provisional: false,
    trackingNo: '',
    requesterType: 'self',
    principal: { ...emptyParty },
    agent: null,
    items: [],
    disclosureMethod: null,
    answerTo: 'principal',
    delivery: 'simpleRegistered',
    replyAddress: '',
    replyPostalCode: '',
    notes: '',
    identity: { documents: [], nameAddressMatch: { principal: null, agent: null }, lawyerRegistrationNo: '' },
    payments: [],
  };
}

let counter = 0;
export function localId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

const shapeOf = (x: unknown) => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x);

// A saved draft as form values, or null when it does not have the form's shape (a draft of an
// older version, or damaged): every field of the empty form present with the same kind of value
// (null where the empty form has an object, or the reverse, is allowed: agent, disclosure method).
export function draftForm(data: unknown): IntakeForm | null {
  if (shapeOf(data) !== 'object') return null;
  const draft = data as Record<string, unknown>;
  const empty = emptyIntake();
  for (const [key, value] of Object.entries(empty)) {
    const got: unknown = draft[key];
    const a = shapeOf(got);
    const b = shapeOf(value);
    if (a !== b && !(a === 'null' && b === 'object') && !(a === 'object' && b === 'null')) return null;
  }
  return draft as IntakeForm;
}
