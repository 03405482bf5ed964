import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { emptyDecision } from '../../../core/domain/decisions';
import {
  ADMIN_PASSWORD,
  OTHER_PASSWORD,
  call,
  failure,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

// The records a decision discloses and what of them is withheld are part of what the approver
// signs (issue 30 §4): they change only while the decision is drafted, checked where the change is
// stored, and whoever changed them counts as a drafter for the 4-eyes rule.

const meta = { kind: 'disclosure' as const, system: '顧客管理システム', exportedOn: '2026-11-23' };

async function drafting() {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-record-gates-'));
  const csv = join(dir, 'members.csv');
  writeFileSync(csv, '会員番号,氏名,紹介者\n1001,山田 太郎,秘密 一郎\n');
  // The file dialog answers when the test says so (once the service has opened it).
  let opened: (answer: (path: string | null) => void) => void = () => undefined;
  const dialog = new Promise<(path: string | null) => void>((resolve) => {
    opened = resolve;
  });
  const s = makeServices(tempDataDir(), {
    clock: () => new Date('2026-11-24T01:00:00Z'),
    dialogs: {
      openFile: () =>
        new Promise((resolve) => {
          opened(resolve);
        }),
      saveFile: () => Promise.resolve(null),
    },
  });
  await setupVault(s);
  const r = await call(s, 'intake.create', intakeInput());
  for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
    await call(s, 'requests.transition', { id: r.id, action, comment: '' });
  }
  await call(s, 'requests.saveDecision', {
    id: r.id,
    kind: 'disclosure',
    decision: { ...emptyDecision(), outcome: 'full', disclosed: '会員情報' },
  });
  return { s, id: r.id, csv, dialogOpen: dialog, answer: async (p: string | null) => (await dialog)(p) };
}

describe('records and marks of a decision', () => {
  it('are refused where they are stored when the decision went for approval while the file was chosen', async () => {
    const d = await drafting();
    const adding = call(d.s, 'records.add', { requestId: d.id, meta });
    // While the file dialog is open, the decision goes for approval.
    await d.dialogOpen;
    await call(d.s, 'requests.transition', { id: d.id, action: 'submitForApproval', comment: '' });
    await d.answer(d.csv);
    const refused = await failure(adding);
    expect(refused.code).toBe(ErrorCode.CONFLICT);
    expect(await call(d.s, 'records.list', { requestId: d.id })).toEqual([]);
    await d.s.close();
  });

  it('make whoever changed them a drafter, who may not approve the decision', async () => {
    const d = await drafting();
    const adding = call(d.s, 'records.add', { requestId: d.id, meta });
    await d.answer(d.csv);
    const record = await adding;
    // A colleague who may approve changes what is withheld, then the drafter submits.
    await switchToNewAccount(d.s, 'shonin', ['staff', 'approver']);
    await call(d.s, 'records.setMarks', {
      id: record?.id ?? '',
      marks: [{ target: 'column', column: 2, ground: 'a33-2-1', reason: '第三者の個人情報を含むため。' }],
    });
    await switchTo(d.s, 'admin', ADMIN_PASSWORD);
    await call(d.s, 'requests.transition', { id: d.id, action: 'submitForApproval', comment: '' });
    await switchTo(d.s, 'shonin', OTHER_PASSWORD);
    const refused = await failure(call(d.s, 'requests.transition', { id: d.id, action: 'approve', comment: '' }));
    expect(refused.code).not.toBe(ErrorCode.INTERNAL);
    expect((await call(d.s, 'requests.get', { id: d.id })).status).toBe('awaitingApproval');
    // The history says who changed what.
    const history = (await call(d.s, 'requests.get', { id: d.id })).history.map((h) => h.action);
    expect(history).toEqual(expect.arrayContaining(['recordAdded', 'recordMarks']));
    await d.s.close();
  });
});
