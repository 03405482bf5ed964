import { describe, expect, it } from 'vitest';
import { decisionProblems, type Decision } from '../core/domain/decisions';
import { kindInfo, requestKinds, type RequestKind } from '../core/domain/intake/kinds';
import { groundsFor, IntakeInput } from '../core/domain/intake/request';
import { postalAddresses } from '../electron/main/intake/postal';
import { decisionFor, makeStories, planRequest, rng } from './demo-data';

// The very requests and decisions `npm run demo` enters (the stories do not depend on the day
// but for their dates).
const plans = makeStories('2026-11-30').map(planRequest);

// The words that name one kind's measure; the group's own terms (訂正等, 利用停止等) name none.
const names: Partial<Record<RequestKind, RegExp>> = {
  correction: /訂正(?!等)/,
  addition: /追加/,
  deletion: /削除/,
  suspension: /利用(を)?停止(?!等)/,
  erasure: /消去/,
  stopThirdParty: /提供(を|の)?停止/,
};
const othersNamed = (kind: RequestKind, text: string) =>
  requestKinds.filter((k) => k !== kind && names[k]?.test(text)).map((k) => kindInfo[k].label);
const decisionTexts = (d: Decision) => [d.changes, d.reason, d.alternativeMeasure, d.disclosed, d.withheld].join('\n');

describe('the demo data', () => {
  it('decides every kind in its own words, as the desk could save it', () => {
    const decided = plans.flatMap((p) => p.decisions);
    // Every kind the demo asks, and every outcome it uses, is looked at below.
    const kinds = new Set(decided.map((d) => d.kind));
    expect(kinds).toEqual(new Set(plans.flatMap((p) => p.input.items.map((i) => i.kind))));
    expect(kinds.has('deletion') && kinds.has('erasure') && kinds.has('stopThirdParty')).toBe(true);
    // More draws than the 200 stories make, so that each kind meets each of its outcomes.
    const draws = requestKinds.flatMap((kind) =>
      Array.from({ length: 60 }, (_, i) => ({ kind, decision: decisionFor(rng(i + 1), kind, '2026-11-20') })),
    );
    for (const { kind, decision } of [...decided, ...draws]) {
      const where = `${kindInfo[kind].label}: ${decision.outcome}`;
      expect(decisionProblems(kind, decision), where).toEqual([]);
      expect(othersNamed(kind, decisionTexts(decision)), where).toEqual([]);
      const own = names[kind];
      if (own && decision.outcome === 'done' && kindInfo[kind].group === 'correction') {
        expect(decision.changes, where).toMatch(own);
      }
      if (own && decision.outcome === 'notDone' && kindInfo[kind].group !== 'correction') {
        expect(decision.reason, where).toMatch(own);
      }
    }
  });

  it('asks every kind in its own words, with the grounds that kind allows', () => {
    for (const { input } of plans) {
      expect(IntakeInput.safeParse(input).success).toBe(true);
      for (const item of input.items) {
        const text = [item.currentContent, item.correctContent, item.groundText].join('\n');
        expect(othersNamed(item.kind, text), kindInfo[item.kind].label).toEqual([]);
        for (const g of item.grounds) expect(groundsFor(item.kind)).toContain(g);
      }
    }
  });

  it('gives every address the postal code Japan Post gives its town', async () => {
    const parties = plans.flatMap(({ input }) => [input.principal, ...(input.agent ? [input.agent] : [])]);
    expect(parties.length).toBeGreaterThanOrEqual(200);
    const codes = new Map<string, string[]>();
    for (const p of parties) codes.set(p.postalCode, [...(codes.get(p.postalCode) ?? []), p.address]);
    for (const [code, addresses] of codes) {
      const towns = (await postalAddresses(code)).map((a) => `${a.prefecture}${a.city}${a.town}`);
      expect(towns, `〒${code}`).not.toEqual([]);
      for (const address of addresses)
        expect(
          towns.some((t) => address.startsWith(t)),
          `〒${code} ${address}`,
        ).toBe(true);
    }
  });
});
