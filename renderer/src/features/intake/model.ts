import type { z } from 'zod';
import type { IntakeInput, Party } from '../../../../core/domain/intake/request';

export type IntakeForm = z.input<typeof IntakeInput>;

export const emptyParty: z.input<typeof Party> = {
  name: '',
  kana: '',
  birthDate: null,
  postalCode: '',
  address: '',
  phone: '',
  email: '',
  customerNo: '',
  formerName: '',
  formerAddress: '',
  relationship: '',
  letterName: '',
  letterAddress: '',
};

export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function emptyIntake(): IntakeForm {
  return {
    channel: 'post',
    arrivalDate: todayIso(),
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
