import { describe, expect, it } from 'vitest';
import { outsideLawCategories, outsideLawResponses, type OutsideLaw } from '../outside-law';
import { Organisation } from '../organisation';
import { buildLetter, finalizeBlock, lettersFor, type LetterCase } from './catalogue';
import { outsideLawLetterOf } from './outside-law';
import { sampleLetterCase, sampleOrganisation } from './sample';

// The letters of a request outside the Act (issue 33 §4): one per response, for every category,
// polite, naming the law only to say it does not apply, citing no article.

const org = Organisation.parse(sampleOrganisation);
const agentCase = (outsideLaw: OutsideLaw): LetterCase => ({
  ...sampleLetterCase,
  requesterType: 'appointed',
  answerToAgent: true,
  principalName: '山田 一郎',
  addressee: { ...sampleLetterCase.addressee, name: '山田 花子' },
  fee: { ...sampleLetterCase.fee, due: 0, accepted: 0, shortfall: 0, toReturn: 0 },
  outsideLaw,
});

const render = (c: LetterCase) => {
  const kind = outsideLawLetterOf(c, 'outsideLaw');
  if (!kind) throw new Error('no letter');
  const l = buildLetter(kind, c, org, { documentNo: '個保第1号', date: '2026-11-24', dateStyle: 'wareki' });
  return { l, text: [l.title, ...l.body, ...l.items.map((i) => `${i.label}：${i.text}`)].join('\n') };
};

describe('letters of a request outside the Act', () => {
  it('answer or decline for every category, with the reason and no article', () => {
    for (const category of outsideLawCategories) {
      for (const response of outsideLawResponses) {
        const { l, text } = render(agentCase({ category, response, text: 'お知らせする内容' }));
        expect(l.kind).toBe(response === 'service' ? 'outsideLawAnswer' : 'outsideLawDeclined');
        expect(l.title).toBe(
          response === 'service' ? 'ご依頼の件について（ご回答）' : 'ご依頼の件について（お知らせ）',
        );
        expect(text).toContain('個人情報の保護に関する法律に基づく開示等の請求の');
        expect(text).toContain(`${response === 'service' ? 'ご回答' : '理由'}：お知らせする内容`);
        expect(text).not.toMatch(/第\d+条|施行令|あなた/);
        // An heir is nobody's agent; another agent keeps the capacity line.
        expect(l.addressee.capacity).toBe(category === 'deceased' ? null : '（山田 一郎様の代理人）');
      }
    }
  });

  it('replace the decision letters of whatever was drafted, and wait for another approver', () => {
    const c = agentCase({ category: 'notARequest', response: 'declined', text: '…' });
    expect(lettersFor(c, 'drafting')).toContain('disclosureDecision');
    expect(lettersFor(c, 'outsideLaw')).toEqual(['receipt', 'cure', 'extension', 'outsideLawDeclined']);
    const r = { status: 'outsideLaw', actorId: 'a', actorCanApprove: true, declinedBy: 'a' };
    expect(finalizeBlock('outsideLawDeclined', r)).toBe('法の対象外として終了した方とは別の承認者が確定してください。');
    expect(finalizeBlock('outsideLawDeclined', { ...r, actorCanApprove: false })).toContain('承認者のアカウント');
    expect(finalizeBlock('outsideLawDeclined', { ...r, declinedBy: 'b' })).toBeNull();
  });
});
