import { defaultFeeSchedule, evaluateFee } from '../../../../core/domain/intake/fees';
import { evaluateIdentity, type IdentityPolicy } from '../../../../core/domain/intake/identity';
import type { IntakeForm } from './model';

// The identity and fee checks run live on the form as typed (main runs the same on save).

export const isIso = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
export const isoOrNull = (v: unknown) => (isIso(v) ? v : null);

export function useLiveCheck(form: IntakeForm, fees: typeof defaultFeeSchedule, policy: IdentityPolicy) {
  if (!isIso(form.arrivalDate)) return { identity: null, fee: null };
  const kinds = form.items.map((i) => i.kind);
  const documents = form.identity.documents.map((d) => ({
    ...d,
    expiresOn: isoOrNull(d.expiresOn),
    issuedOn: isoOrNull(d.issuedOn),
    receivedOn: isoOrNull(d.receivedOn),
    destroyedOn: isoOrNull(d.destroyedOn),
  }));
  // Nothing to judge before the first document: no red 不備 on an empty form.
  const started =
    form.identity.documents.length > 0 ||
    form.identity.lawyerRegistrationNo.trim() !== '' ||
    Object.values(form.identity.registeredMatch ?? {}).some((v) => v !== null);
  const identity = !started
    ? null
    : evaluateIdentity(
        {
          arrivalDate: form.arrivalDate,
          requesterType: form.requesterType,
          kinds,
          answerTo: form.answerTo,
          principalBirthDate: isoOrNull(form.principal.birthDate),
          documents,
          nameAddressMatch: form.identity.nameAddressMatch,
          lawyerRegistrationNo: form.identity.lawyerRegistrationNo,
          channel: form.channel,
          ...(form.identity.registeredMatch ? { registeredMatch: form.identity.registeredMatch } : {}),
        },
        policy,
      );
  const payments = form.payments
    .filter((p) => Number.isFinite(p.amount) && p.amount > 0 && isIso(p.receivedOn))
    .map((p) => ({ ...p, issuedOn: isoOrNull(p.issuedOn) }));
  return { identity, fee: evaluateFee(kinds, fees, payments) };
}
