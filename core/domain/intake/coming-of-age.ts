import { ageOn, type IsoDate } from '../dates';
import type { RequesterType } from './kinds';

// The age of majority (民法4条): a 親権者's or 未成年後見人's agency ends on the 18th birthday.
export const ADULT_AGE = 18;

// A 親権者 or 未成年後見人 acts for a minor; the agency ends when the 本人 reaches adultAge. A
// request that was valid on its 到達日 may reach that birthday before it is answered: the answer
// can then no longer go to the former representative. The reason, or null while agency holds.
export function agencyEnded(
  c: { requesterType: RequesterType; answerTo: 'principal' | 'agent'; principalBirthDate: IsoDate | null },
  today: IsoDate,
  adultAge = ADULT_AGE,
): string | null {
  if (c.requesterType !== 'parent' && c.requesterType !== 'minorGuardian') return null;
  if (c.answerTo !== 'agent' || c.principalBirthDate === null) return null;
  if (ageOn(c.principalBirthDate, today) < adultAge) return null;
  const role = c.requesterType === 'parent' ? '親権者' : '未成年後見人';
  return `ご本人が${adultAge}歳に達したため、元の${role}の方へは回答できません。ご本人からの請求、またはご本人の委任状（代理人の本人確認書類を含む）をご提出いただく必要があります。`;
}
