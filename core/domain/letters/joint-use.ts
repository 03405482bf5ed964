import type { Organisation } from '../organisation';
import type { LetterCase, LetterItem, LetterKind } from './catalogue';
import { decisionsOf } from './items';

// A group 共同利用 (27条5項3号): a letter answering for jointly used data says so once, and names
// the 管理責任者 — the company itself, answering for the group, or another member the person may
// also ask.
export function jointUseItems(kind: LetterKind, c: LetterCase, org: Organisation): LetterItem[] {
  const joint = org.jointUse;
  if (!joint || kind === 'notOurs') return [];
  if (!decisionsOf(c, kind).some((d) => d.decision.jointUse)) return [];
  return [
    {
      label: '共同利用について',
      text: joint.weAreManager
        ? `ご請求の保有個人データは、${joint.scope}において共同して利用しているものであり、当社が管理責任者として回答いたします。`
        : `ご請求の保有個人データは、${joint.scope}において共同して利用しているものです。その管理責任者は${joint.manager}（${joint.managerAddress}）であり、共同利用に関するお問い合わせは管理責任者にもお申し出いただけます。`,
    },
  ];
}
