import { describe, expect, it } from 'vitest';
import type { GroundCode } from '../decisions';
import type { RequestKind, RequesterType } from '../intake/kinds';
import type { SuspensionGround } from '../intake/request';
import {
  citeGround,
  declineCitation,
  declineGroundOf,
  decisionCitations,
  noticeDuty,
  type DeclineGround,
} from './citations';

// DOMAIN.md §9, row by row.
describe('citations', () => {
  it.each<[RequestKind, string]>([
    ['purpose', '第32条第3項'],
    ['disclosure', '第33条第3項'],
    ['thirdPartyRecords', '第33条第5項において準用する同条第3項'],
    ['correction', '第34条第3項'],
    ['addition', '第34条第3項'],
    ['deletion', '第34条第3項'],
    ['suspension', '第35条第7項'],
    ['erasure', '第35条第7項'],
    ['stopThirdParty', '第35条第7項'],
  ])('the notice of a %s decision is owed under %s', (kind, article) => {
    expect(noticeDuty(kind)).toBe(article);
  });

  it.each<[RequestKind, GroundCode, SuspensionGround[], RegExp]>([
    ['purpose', 'a32-2-clear', [], /^第32条第2項第1号（/],
    ['purpose', 'a21-4-1', [], /^第32条第2項第2号（第21条第4項第1号/],
    ['purpose', 'a21-4-2', [], /^第32条第2項第2号（第21条第4項第2号/],
    ['purpose', 'a21-4-3', [], /^第32条第2項第2号（第21条第4項第3号/],
    ['disclosure', 'a33-2-1', [], /^第33条第2項第1号（/],
    ['disclosure', 'a33-2-2', [], /^第33条第2項第2号（/],
    ['disclosure', 'a33-2-3', [], /^第33条第2項第3号（/],
    ['thirdPartyRecords', 'a33-2-1', [], /^第33条第5項において準用する同条第2項第1号（/],
    ['disclosure', 'nonexistent', [], /^第33条第3項（請求に係る保有個人データが存在しないとき）$/],
    ['thirdPartyRecords', 'recordNonexistent', [], /^第33条第5項において準用する同条第3項（/],
    ['disclosure', 'a33-3-method', [], /^第33条第2項本文括弧書（/],
    ['correction', 'a34-notApplicable', [], /^第34条第2項（/],
    ['correction', 'a34-otherLaw', [], /^第34条第2項（訂正等について他の法令の規定により特別の手続/],
    ['erasure', 'a35-notApplicable', ['purposeViolation'], /^第35条第2項（/],
    ['erasure', 'a35-notApplicable', ['noLongerNeeded'], /^第35条第6項（/],
    ['stopThirdParty', 'a35-notApplicable', ['thirdPartyViolation'], /^第35条第4項（/],
    ['stopThirdParty', 'a35-notApplicable', [], /^第35条第4項（/],
    ['suspension', 'alternative', ['improperAcquisition'], /^第35条第2項ただし書（代替措置）$/],
    ['stopThirdParty', 'alternative', ['thirdPartyViolation'], /^第35条第4項ただし書（代替措置）$/],
    ['erasure', 'alternative', ['leak'], /^第35条第6項ただし書（代替措置）$/],
    ['erasure', 'alternative', ['harmToRights', 'purposeViolation'], /^第35条第6項ただし書/],
  ])('%s, ground %s (request grounds %j) cites %s', (kind, ground, grounds, expected) => {
    expect(citeGround(kind, ground, grounds)).toMatch(expected);
    expect(citeGround(kind, ground, grounds)).not.toContain('ただし書（利用目的');
  });

  it('cites 32条2項 by its numbers, never 「ただし書」, for not notifying the purpose', () => {
    for (const g of ['a32-2-clear', 'a21-4-1', 'a21-4-2', 'a21-4-3'] as const) {
      expect(citeGround('purpose', g, [])).not.toContain('ただし書');
    }
  });

  it('adds the authority and the notice when paper replaces the requested 電磁的記録', () => {
    const lines = decisionCitations('disclosure', { grounds: [], methodChanged: true }, []);
    expect(lines).toEqual([
      '個人情報の保護に関する法律第33条第2項本文括弧書（請求された方法による開示が困難であるため、書面の交付による）',
      '個人情報の保護に関する法律第33条第3項（その旨の通知）',
    ]);
  });

  it('names the law once per line, never garbled with a label', () => {
    const lines = decisionCitations('disclosure', { grounds: ['nonexistent'], methodChanged: false }, []);
    expect(lines).toEqual(['個人情報の保護に関する法律第33条第3項（請求に係る保有個人データが存在しないとき）']);
  });

  it('cites 37条1項 for a procedure not met and for an agent not confirmed, 施行令13条 only for one who cannot be an agent', () => {
    expect(declineCitation('procedure')).toBe(
      '個人情報の保護に関する法律第37条第1項（当社の定める手続によらない請求）',
    );
    // The confirmation of an agent's standing is part of the company's procedure (施行令12条3号).
    const unconfirmed = declineCitation('noAuthority') ?? '';
    expect(unconfirmed).toMatch(/^個人情報の保護に関する法律第37条第1項、/);
    expect(unconfirmed).toContain('個人情報の保護に関する法律施行令第12条第3号');
    expect(unconfirmed).not.toContain('第13条');
    // 施行令13条 says who may be an agent at all (法37条3項).
    const notAgent = declineCitation('notAnAgent') ?? '';
    expect(notAgent).toContain('個人情報の保護に関する法律施行令第13条');
    expect(notAgent).toContain('第37条第3項');
    expect(notAgent).not.toContain('第37条第1項');
  });

  it.each<[RequesterType, string, string[], DeclineGround]>([
    ['self', 'defective', ['principalIdentityMissing'], 'procedure'],
    ['appointed', 'verified', [], 'procedure'],
    ['appointed', 'defective', ['poaMissing'], 'noAuthority'],
    ['lawyer', 'incomplete', [], 'noAuthority'],
    ['parent', 'defective', ['relationshipMissing'], 'noAuthority'],
    ['adultGuardian', 'defective', ['noStatutoryAgency'], 'notAnAgent'],
    ['parent', 'defective', ['agentIdentityMissing', 'principalAdult'], 'notAnAgent'],
  ])('a %s request declined with identity %s %j stands on %s', (type, status, codes, ground) => {
    expect(declineGroundOf(type, { status, defects: codes.map((code) => ({ code })) })).toBe(ground);
  });
});
