import { MASKED_BY_US, maskingNotes } from '../intake/masking';
import type { LetterCase, LetterItem, LetterKind } from './catalogue';

// What letters say about the documents (issue 33 §3): a 補正 that asks for documents carries the
// masking instructions for those it names; where the company masked a 保険証's numbers itself, the
// letters after it say so (the fee and extension notices, which ask for nothing and answer
// nothing, aside).

const silent: readonly LetterKind[] = ['feeShortfall', 'extension'];

export function documentNotes(kind: LetterKind, c: LetterCase): LetterItem[] {
  const items: LetterItem[] = [];
  const notes = kind === 'cure' ? maskingNotes(c.cure?.defects ?? []) : [];
  if (notes.length > 0) items.push({ label: 'ご提出にあたってのお願い', text: notes.join('\n') });
  if (c.insuranceMaskedByUs && !silent.includes(kind)) {
    items.push({ label: '健康保険証の写しの取扱い', text: MASKED_BY_US });
  }
  return items;
}
