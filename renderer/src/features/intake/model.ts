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
