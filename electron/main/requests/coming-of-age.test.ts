import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../core/contract';
import { emptyDecision } from '../../../core/domain/decisions';
import {
  call,
  failure,
  intakeInput,
  makeServices,
  setupVault,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

// A 親権者 asks for their child's data; the child turns 18 on 2026-11-10, after the 到達日.
function parentRequest(): ChannelInput<'intake.create'> {
  const base = intakeInput({ arrivalDate: '2026-11-02' });
  return {
    ...base,
    requesterType: 'parent',
    answerTo: 'agent',
    principal: { ...base.principal, birthDate: '2008-11-10' },
    agent: { ...base.principal, name: '山田 一郎', kana: 'ヤマダ イチロウ', birthDate: '1975-01-01' },
    identity: {
      ...base.identity,
      nameAddressMatch: { principal: true, agent: true },
      documents: [
        {
          id: 'lic',
          type: 'drivingLicence',
          holder: 'agent',
          original: false,
          expiresOn: '2029-01-01',
          issuedOn: null,
        },
        {
          id: 'jumin',
          type: 'residentRecord',
          holder: 'principal',
          original: true,
          expiresOn: null,
          issuedOn: '2026-10-20',
          showsRelationship: true,
          honsekiMasked: true,
        },
      ],
    },
  };
}

describe('a child who turns 18 before the answer', () => {
  it('is re-checked at the decision, the approval and the letter, with the reason shown', async () => {
    let now = new Date('2026-11-04T01:00:00Z');
    const s = makeServices(tempDataDir(), { clock: () => now });
    await setupVault(s);
    const r = await call(s, 'intake.create', parentRequest());
    expect(r.identity.result.status).toBe('verified');
    expect(r.agencyEnded).toBeNull();
    for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const)
      await call(s, 'requests.transition', { id: r.id, action, comment: '' });
    await call(s, 'requests.saveDecision', {
      id: r.id,
      kind: 'disclosure',
      decision: { ...emptyDecision(), outcome: 'full', disclosed: '購入履歴' },
    });

    now = new Date('2026-11-10T01:00:00Z');
    const later = await call(s, 'requests.get', { id: r.id });
    expect(later.agencyEnded).toMatch(/18歳に達したため、元の親権者の方へは回答できません/);
    expect(later.actionChecks.submitForApproval).toBe(later.agencyEnded);
    const refused = await failure(
      call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/ご本人からの請求、またはご本人の委任状/);

    // Submitted the day before the birthday, approved after it: the approval is refused too.
    now = new Date('2026-11-09T01:00:00Z');
    await call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' });
    await switchToNewAccount(s, 'approver1', ['staff', 'approver']);
    now = new Date('2026-11-10T01:00:00Z');
    const approval = await failure(call(s, 'requests.transition', { id: r.id, action: 'approve', comment: '' }));
    expect(approval.message).toMatch(/元の親権者の方へは回答できません/);
    const letters = await call(s, 'letters.list', { requestId: r.id });
    const decisionLetter = letters.available.find((l) => l.kind === 'disclosureDecision');
    expect(decisionLetter?.blocked).toMatch(/元の親権者の方へは回答できません/);
  });
});
