import { describe, expect, it } from 'vitest';
import { requestKinds } from './kinds';
import { groundsFor, suspensionGrounds } from './request';

describe('request grounds by kind', () => {
  it('offers 18–20条 breaches for 利用停止・消去, 27・28条 for 第三者提供の停止, 35条5項 for both', () => {
    expect(groundsFor('suspension')).toEqual([
      'purposeViolation',
      'improperUse',
      'improperAcquisition',
      'noLongerNeeded',
      'leak',
      'harmToRights',
    ]);
    expect(groundsFor('erasure')).toEqual(groundsFor('suspension'));
    expect(groundsFor('stopThirdParty')).toEqual(['thirdPartyViolation', 'noLongerNeeded', 'leak', 'harmToRights']);
    for (const k of requestKinds.filter((k) => !['suspension', 'erasure', 'stopThirdParty'].includes(k)))
      expect(groundsFor(k)).toEqual([]);
    // Every ground belongs to some kind.
    for (const g of suspensionGrounds) expect(requestKinds.some((k) => groundsFor(k).includes(g))).toBe(true);
  });
});
