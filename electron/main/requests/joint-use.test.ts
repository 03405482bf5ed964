import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyDecision, type Decision } from '../../../core/domain/decisions';
import { pdfText } from '../testing/pdf-text';
import {
  ADMIN_PASSWORD,
  call,
  failure,
  intakeInput,
  makeServices,
  OTHER_PASSWORD,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

// A group 共同利用 (27条5項3号) in the company profile: a decision marks its data as jointly used,
// and the letter names the 管理責任者 (the company, or another member).

const NOW = new Date('2026-11-24T01:00:00Z');
const joint = {
  scope: '見本グループ各社',
  manager: '見本ホールディングス株式会社',
  managerAddress: '東京都千代田区丸の内1-1 代表取締役 見本一郎',
  weAreManager: false,
};

describe('共同利用', () => {
  it('is refused on a decision until the profile has one, then printed with the 管理責任者', async () => {
    const s = makeServices(tempDataDir(), { clock: () => NOW });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
      await call(s, 'requests.transition', { id: r.id, action, comment: '' });
    }
    const decision: Decision = { ...emptyDecision(), outcome: 'full', disclosed: '会員情報', jointUse: true };
    const e = await failure(call(s, 'requests.saveDecision', { id: r.id, kind: 'disclosure', decision }));
    expect(e.code).toBe(ErrorCode.BAD_INPUT);
    expect(e.message).toContain('共同利用の設定');
    expect((await call(s, 'requests.get', { id: r.id })).decisions).toEqual([]);

    const org = (await call(s, 'settings.get', {})).organisation;
    const bad = await failure(call(s, 'settings.updateOrganisation', { ...org, jointUse: { ...joint, manager: '' } }));
    expect(bad.issues?.map((i) => i.message)).toContain('管理責任者の名称を入力してください。');
    expect((await call(s, 'settings.get', {})).organisation.jointUse).toBeNull();
    await call(s, 'settings.updateOrganisation', { ...org, jointUse: joint });

    await call(s, 'requests.saveDecision', { id: r.id, kind: 'disclosure', decision });
    await call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' });
    await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    await call(s, 'requests.transition', { id: r.id, action: 'approve', comment: '' });
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const text = pdfText((await call(s, 'letters.preview', { requestId: r.id, kind: 'disclosureDecision' })).base64);
    expect(text).toContain('見本グループ各社において共同して利用しているものです');
    expect(text).toContain('その管理責任者は見本ホールディングス株式会社（東京都千代田区丸の内1-1代表取締役見本一郎）');

    // The company itself as the 管理責任者.
    await call(s, 'settings.updateOrganisation', { ...org, jointUse: { ...joint, weAreManager: true } });
    const ours = pdfText((await call(s, 'letters.preview', { requestId: r.id, kind: 'disclosureDecision' })).base64);
    expect(ours).toContain('当社が管理責任者として回答いたします');
    // A request whose data are not jointly used says nothing of it.
    const other = await call(s, 'intake.create', intakeInput());
    for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
      await call(s, 'requests.transition', { id: other.id, action, comment: '' });
    }
    await call(s, 'requests.saveDecision', {
      id: other.id,
      kind: 'disclosure',
      decision: { ...decision, jointUse: false },
    });
    await call(s, 'requests.transition', { id: other.id, action: 'submitForApproval', comment: '' });
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    await call(s, 'requests.transition', { id: other.id, action: 'approve', comment: '' });
    const plain = pdfText(
      (await call(s, 'letters.preview', { requestId: other.id, kind: 'disclosureDecision' })).base64,
    );
    expect(plain).not.toContain('共同利用');
  });
});
