import { describe, expect, it } from 'vitest';
import { ErrorCode, listFilter, type ChannelInput } from '../../../core/contract';
import { emptyDecision } from '../../../core/domain/decisions';
import { emptyItem } from '../../../core/domain/intake/request';
import { overdueNote } from '../../../core/domain/workflow';
import {
  ADMIN_PASSWORD,
  call,
  intakeInput,
  makeServices,
  OTHER_PASSWORD,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
  failure,
} from '../testing/support';

// A clock the test moves: the services read it on every call.
function movingClock(start: string) {
  let now = new Date(`${start}T01:00:00Z`);
  return {
    clock: () => now,
    set: (day: string) => {
      now = new Date(`${day}T01:00:00Z`);
    },
  };
}

// 本人 開示 whose licence expired before arrival: identity is defective until the cure.
const expiredLicence = (arrivalDate = '2026-11-02'): ChannelInput<'intake.create'> => {
  const base = intakeInput({ arrivalDate });
  return {
    ...base,
    identity: {
      ...base.identity,
      documents: base.identity.documents.map((d) => ({ ...d, expiresOn: '2026-10-01' })),
    },
  };
};

const fullDisclosure = { ...emptyDecision(), outcome: 'full' as const, disclosed: '氏名、住所、購入履歴' };

describe('processing', () => {
  it('takes a 本人 開示 request from intake to 完了 with a 補正, 4-eyes approval and dispatch', async () => {
    const t = movingClock('2026-11-02');
    const s = makeServices(tempDataDir(), { clock: t.clock });
    await setupVault(s);
    const adminId = s.vault.session()?.accountId ?? '';
    const r = await call(s, 'intake.create', expiredLicence());
    expect(r.identity.result.status).not.toBe('verified');
    expect(r.primaryAction).toBe('startCheck');
    await call(s, 'requests.transition', { id: r.id, action: 'startCheck', comment: '' });

    // 補正: the default deadline policy is the caller's; here two weeks.
    const cure = await call(s, 'requests.requestCure', {
      id: r.id,
      cure: { defects: ['有効期限内の本人確認書類の写し'], dueDate: '2026-11-16' },
    });
    expect(cure.status).toBe('awaitingCure');
    expect(cure.deadlines.slaDate).toBeNull();
    expect(cure.deadlines.article39Date).toBe('2026-11-16');

    t.set('2026-11-10');
    const back = await call(s, 'requests.recordCure', { id: r.id, arrivedOn: '2026-11-09' });
    expect(back.status).toBe('checking');
    // Paused 11-02..11-09: 11-03 (文化の日) is a holiday anyway; 11-04..11-06 and 11-09 are not counted.
    expect(back.deadlines.explanation.join('\n')).toMatch(/補正による停止: 4営業日/);
    expect(back.deadlines.slaDate).toBe('2026-11-24');
    expect(back.deadlines.dueDate).toBe('2026-11-16');

    // The new licence copy is added to the intake record; identity is now verified.
    const fixed = await call(s, 'intake.update', { id: r.id, input: intakeInput({ arrivalDate: '2026-11-02' }) });
    expect(fixed.identity.result.status).toBe('verified');
    expect(fixed.status).toBe('checking');
    await call(s, 'requests.transition', { id: r.id, action: 'startInvestigation', comment: '' });
    await call(s, 'requests.transition', { id: r.id, action: 'startDraft', comment: '' });

    // A refusal without ground and reason is not saved.
    const refusal = await failure(
      call(s, 'requests.saveDecision', {
        id: r.id,
        kind: 'disclosure',
        decision: { ...emptyDecision(), outcome: 'refused' },
      }),
    );
    expect(refusal.code).toBe(ErrorCode.BAD_INPUT);
    expect(refusal.issues?.map((i) => i.path.join('.'))).toEqual(['decision.grounds', 'decision.reason']);
    expect((await call(s, 'requests.get', { id: r.id })).decisions).toEqual([]);

    const submitRefused = await failure(
      call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' }),
    );
    expect(submitRefused.message).toBe('すべての請求の種類について決定を入力してください。');
    await call(s, 'requests.saveDecision', { id: r.id, kind: 'disclosure', decision: fullDisclosure });
    const submitted = await call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' });
    expect(submitted.submittedBy).toBe(adminId);
    expect(submitted.actionChecks.approve).toBe('起案者本人は承認できません（別の承認者による決裁が必要です）。');

    // The drafter (an approver too) cannot approve their own decision: main refuses.
    const own = await failure(call(s, 'requests.transition', { id: r.id, action: 'approve', comment: '' }));
    expect(own).toMatchObject({
      code: ErrorCode.CONFLICT,
      message: '起案者本人は承認できません（別の承認者による決裁が必要です）。',
    });

    const approverId = await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
    const sentBack = await call(s, 'requests.transition', {
      id: r.id,
      action: 'sendBack',
      comment: '開示項目を具体的に',
    });
    expect(sentBack.status).toBe('drafting');
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    await call(s, 'requests.saveDecision', {
      id: r.id,
      kind: 'disclosure',
      decision: { ...fullDisclosure, disclosed: '氏名、住所、2024年以降の購入履歴' },
    });
    await call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' });
    await switchTo(s, 'shonin', OTHER_PASSWORD);
    const approved = await call(s, 'requests.transition', { id: r.id, action: 'approve', comment: '' });
    expect(approved).toMatchObject({ status: 'preparingAnswer', approvedBy: approverId });

    t.set('2026-11-12');
    expect(
      await failure(call(s, 'requests.transition', { id: r.id, action: 'recordDispatch', comment: '' })),
    ).toMatchObject({ message: '回答書の発送日・送付方法・追跡番号を記録してください。' });
    const badDispatch = await failure(
      call(s, 'requests.addDispatch', {
        id: r.id,
        dispatch: { letter: '開示決定通知書', sentOn: '2026-11-12', method: 'simpleRegistered', trackingNo: '' },
      }),
    );
    expect(badDispatch.issues?.[0]?.message).toBe('書留・本人限定受取郵便の追跡番号を入力してください。');
    // Not without the finalized, numbered decision letter (issue 30 §4): refused, nothing recorded.
    const dispatch = {
      letter: '開示決定通知書',
      sentOn: '2026-11-12',
      method: 'simpleRegistered',
      trackingNo: '1234-5678-9012',
    } as const;
    const unnumbered = await failure(call(s, 'requests.addDispatch', { id: r.id, dispatch }));
    expect(unnumbered).toMatchObject({ code: ErrorCode.CONFLICT });
    expect(unnumbered.message).toContain('「開示決定通知書」がまだ確定されていません');
    expect((await call(s, 'requests.get', { id: r.id })).dispatches).toEqual([]);
    await call(s, 'letters.finalize', { requestId: r.id, kind: 'disclosureDecision' });
    await call(s, 'requests.addDispatch', {
      id: r.id,
      dispatch: {
        letter: '開示決定通知書',
        sentOn: '2026-11-12',
        method: 'simpleRegistered',
        trackingNo: '1234-5678-9012',
      },
    });
    await call(s, 'requests.transition', { id: r.id, action: 'recordDispatch', comment: '' });
    expect(await failure(call(s, 'requests.transition', { id: r.id, action: 'complete', comment: '' }))).toMatchObject({
      message: '本人確認書類の写しの返却または廃棄を記録してください。',
    });
    const none = await failure(call(s, 'requests.recordDisposal', { id: r.id, method: 'none', date: '2026-11-12' }));
    expect(none.message).toBe('本人確認書類の写しを受領しています。返却または廃棄を記録してください。');
    await call(s, 'requests.recordDisposal', { id: r.id, method: 'destroyed', date: '2026-11-12' });
    const done = await call(s, 'requests.transition', { id: r.id, action: 'complete', comment: '' });
    expect(done).toMatchObject({ status: 'completed', closedOn: '2026-11-12', disposal: { method: 'destroyed' } });
    expect(done.availableActions).toEqual([]);
    expect(done.history.map((h) => h.action)).toEqual([
      'received',
      'startCheck',
      'requestCure',
      'cureReceived',
      'update',
      'startInvestigation',
      'startDraft',
      'decision',
      'submitForApproval',
      'sendBack',
      'decision',
      'submitForApproval',
      'approve',
      'dispatch',
      'recordDispatch',
      'disposal',
      'complete',
    ]);
    expect(done.accountNames[approverId]).toBe('承認 次郎');

    // Every step is audited, with ids only.
    await switchTo(s, 'admin', ADMIN_PASSWORD);
    const audit = await call(s, 'audit.list', { offset: 0, limit: 200 });
    const actions = audit.entries.filter((e) => e.targetId === r.id).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'requests.cure',
        'requests.decision',
        'requests.approval',
        'requests.dispatch',
        'requests.disposal',
      ]),
    );
    expect(JSON.stringify(audit.entries)).not.toContain('山田');
    await s.close();
  });

  it('saves a decision again while its request is still marked stale for the report facts', async () => {
    const s = makeServices(tempDataDir(), { clock: () => new Date('2026-11-24T01:00:00Z') });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
      await call(s, 'requests.transition', { id: r.id, action, comment: '' });
    }
    await call(s, 'requests.saveDecision', { id: r.id, kind: 'disclosure', decision: fullDisclosure });
    // Still marked when the next write starts: migration 0017 marks every request of an upgraded
    // vault, and a write recomputes at most WRITE_FACTS_LIMIT of them (composition.ts).
    await s.vault.q().insertInto('report_facts_stale').values({ request_id: r.id }).execute();
    const saved = await call(s, 'requests.saveDecision', {
      id: r.id,
      kind: 'disclosure',
      decision: { ...fullDisclosure, disclosed: '氏名' },
    });
    expect(saved.decisions.map((d) => d.decision.disclosed)).toEqual(['氏名']);
    // The write recomputed it.
    expect(await s.vault.q().selectFrom('report_facts_stale').select('request_id').execute()).toEqual([]);
    await s.close();
  });

  it('refuses approval to an account without the 承認者 role (FORBIDDEN, in main)', async () => {
    const s = makeServices(tempDataDir(), { clock: () => new Date('2026-11-20T01:00:00Z') });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    for (const action of ['startCheck', 'startInvestigation', 'startDraft'] as const) {
      await call(s, 'requests.transition', { id: r.id, action, comment: '' });
    }
    await call(s, 'requests.saveDecision', { id: r.id, kind: 'disclosure', decision: fullDisclosure });
    await call(s, 'requests.transition', { id: r.id, action: 'submitForApproval', comment: '' });
    await switchToNewAccount(s, 'tanto', ['staff'], '担当 三郎');
    const refused = await failure(call(s, 'requests.transition', { id: r.id, action: 'approve', comment: '' }));
    expect(refused).toMatchObject({
      code: ErrorCode.FORBIDDEN,
      message: '承認者の権限がありません。承認者のアカウントで決裁してください。',
    });
    expect((await call(s, 'requests.get', { id: r.id })).status).toBe('awaitingApproval');
    await s.close();
  });

  it('refuses a 補正 through the plain transition and a cure date in the past', async () => {
    const s = makeServices(tempDataDir(), { clock: () => new Date('2026-11-20T01:00:00Z') });
    await setupVault(s);
    const r = await call(s, 'intake.create', expiredLicence());
    await call(s, 'requests.transition', { id: r.id, action: 'startCheck', comment: '' });
    expect((await failure(call(s, 'requests.transition', { id: r.id, action: 'requestCure', comment: '' }))).code).toBe(
      ErrorCode.CONFLICT,
    );
    const past = await failure(
      call(s, 'requests.requestCure', { id: r.id, cure: { defects: ['x'], dueDate: '2026-11-20' } }),
    );
    expect(past.issues?.[0]).toMatchObject({
      path: ['cure', 'dueDate'],
      message: '補正の期限は明日以降の日付にしてください。',
    });
    await s.close();
  });

  it('a request that is only 利用目的の通知 has no 39条 date (32条2項 is a 求め); adding 開示 brings it back', async () => {
    const s = makeServices(tempDataDir(), { clock: movingClock('2026-11-25').clock });
    await setupVault(s);
    const purpose = await call(
      s,
      'intake.create',
      intakeInput({ items: [emptyItem('purpose')], disclosureMethod: null }),
    );
    expect(purpose.deadlines).toMatchObject({ article39Applies: false, dueBasis: 'sla', beyondArticle39: false });
    expect(purpose.deadlines.dueDate).toBe(purpose.deadlines.slaDate);
    expect(purpose.deadlines.explanation.join('')).not.toMatch(/法第39条の期限:|訴え/);
    const both = await call(
      s,
      'intake.create',
      intakeInput({ items: [emptyItem('purpose'), emptyItem('disclosure')] }),
    );
    expect(both.deadlines.article39Applies).toBe(true);
  });

  it('extends a deadline as a recorded decision, only to a later date', async () => {
    const s = makeServices(tempDataDir(), { clock: () => new Date('2026-11-20T01:00:00Z') });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    expect(r.deadlines.dueDate).toBe('2026-12-04');
    const early = await failure(
      call(s, 'requests.extend', { id: r.id, date: '2026-12-01', reason: '調査に時間を要するため' }),
    );
    expect(early.message).toBe('延長後の期限は現在の期限（2026/12/04）より後の日付にしてください。');
    const extended = await call(s, 'requests.extend', {
      id: r.id,
      date: '2026-12-18',
      reason: '調査に時間を要するため',
    });
    expect(extended.deadlines).toMatchObject({ dueDate: '2026-12-18', dueBasis: 'extension', beyondArticle39: true });
    expect(extended.extension).toMatchObject({
      date: '2026-12-18',
      reason: '調査に時間を要するため',
      decidedOn: '2026-11-20',
    });
    expect(extended.history.at(-1)).toMatchObject({ action: 'extension', comment: '調査に時間を要するため' });
    await s.close();
  });

  it('lists the dashboard: overdue, due today and within a week, not yet started, 補正 by date, my approvals', async () => {
    const t = movingClock('2026-10-01');
    const s = makeServices(tempDataDir(), { clock: t.clock });
    await setupVault(s);
    // Arrived 10-01: due 10-15 (39条) — overdue by 11-20.
    const old = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-10-01' }));
    // Waiting for a 補正 due 10-20.
    const waiting = await call(s, 'intake.create', expiredLicence('2026-10-01'));
    await call(s, 'requests.transition', { id: waiting.id, action: 'startCheck', comment: '' });
    await call(s, 'requests.requestCure', {
      id: waiting.id,
      cure: { defects: ['本人確認書類'], dueDate: '2026-10-20' },
    });
    t.set('2026-11-20');
    // Arrived 11-06: 39条 11-20, due today.
    const dueToday = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-11-06' }));
    // Arrived 11-10: 39条 11-24, within the week to 11-27.
    const soon = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-11-10' }));
    const fresh = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-11-20' }));
    await call(s, 'requests.transition', { id: fresh.id, action: 'startCheck', comment: '' });

    const board = await call(s, 'requests.dashboard', {});
    expect(board).toMatchObject({ today: '2026-11-20', weekEnd: '2026-11-27', dateStyle: 'wareki' });
    // The 補正 stops the internal clock, not the 39条 date (10-15): the waiting request is overdue too.
    expect(board.overdue.rows.map((x) => x.id)).toEqual([old.id, waiting.id]);
    expect(board.overdue.rows.map((x) => overdueNote(x, board.today))).toEqual([
      null,
      '補正待ちでも法第39条の期限は止まりません',
    ]);
    expect(board.dueToday.rows.map((x) => x.id)).toEqual([dueToday.id]);
    expect(board.dueThisWeek.rows.map((x) => x.id)).toEqual([soon.id]);
    // 受付 and 確認中, the longest waiting first; the 補正 one is no longer new.
    expect(board.newArrivals.rows.map((x) => x.id)).toEqual([old.id, dueToday.id, soon.id, fresh.id]);
    expect(board.awaitingCure.rows.map((x) => [x.id, x.cureDue])).toEqual([[waiting.id, '2026-10-20']]);
    expect(board.awaitingMyApproval.total).toBe(0);

    // Today's date is written as the letters are (the setting), here 西暦.
    const letters = await call(s, 'settings.get', {});
    await call(s, 'settings.updateLetters', { ...letters.letters, dateStyle: 'seireki' });
    expect((await call(s, 'requests.dashboard', {})).dateStyle).toBe('seireki');

    // Past the cure date, closing as 請求なし is allowed.
    const closed = await call(s, 'requests.transition', { id: waiting.id, action: 'closeAsNotMade', comment: '' });
    expect(closed).toMatchObject({ status: 'deemedWithdrawn', closedOn: '2026-11-20' });

    const base = listFilter();
    const all = await call(s, 'requests.list', base);
    expect(all.total).toBe(5);
    // Newest first; the same day by 受付番号, newest first.
    expect(all.rows.map((x) => x.id)).toEqual([fresh.id, soon.id, dueToday.id, waiting.id, old.id]);
    expect((await call(s, 'requests.list', { ...base, overdue: true })).rows.map((x) => x.id)).toEqual([old.id]);
    expect((await call(s, 'requests.list', { ...base, statuses: ['deemedWithdrawn'] })).total).toBe(1);
    expect((await call(s, 'requests.list', { ...base, from: '2026-11-01', to: '2026-11-30' })).total).toBe(3);
    expect((await call(s, 'requests.list', { ...base, kind: 'correction' })).total).toBe(0);
    expect((await call(s, 'requests.list', { ...base, channel: 'fax' })).total).toBe(0);
    expect((await call(s, 'requests.list', { ...base, query: 'やまだ' })).total).toBe(5);
    expect((await call(s, 'requests.list', { ...base, query: '山田' })).total).toBe(5);
    expect((await call(s, 'requests.list', { ...base, query: '佐藤' })).total).toBe(0);
    expect((await call(s, 'requests.list', { ...base, query: fresh.receiptNo })).rows.map((x) => x.id)).toEqual([
      fresh.id,
    ]);
    const page2 = await call(s, 'requests.list', { ...base, limit: 3, offset: 3 });
    expect(page2).toMatchObject({ total: 5 });
    expect(page2.rows).toHaveLength(2);
    const badRange = await failure(call(s, 'requests.list', { ...base, from: '2026-12-01', to: '2026-11-01' }));
    expect(badRange.code).toBe(ErrorCode.BAD_INPUT);
    await s.close();
  });

  it('recomputes the open requests when the SLA or closed days change', async () => {
    const s = makeServices(tempDataDir(), { clock: () => new Date('2026-11-20T01:00:00Z') });
    await setupVault(s);
    const r = await call(s, 'intake.create', intakeInput());
    expect(r.deadlines).toMatchObject({ slaDate: '2026-12-07', dueDate: '2026-12-04', dueBasis: 'article39' });
    await call(s, 'settings.updateProcessing', { slaBusinessDays: 5, closedDays: ['11-24'], cureDays: 14 });
    const after = await call(s, 'requests.get', { id: r.id });
    // 11-21/22 weekend, 11-23 holiday, 11-24 closed: 25, 26, 27, 30, 12-01.
    expect(after.deadlines).toMatchObject({ slaDate: '2026-12-01', dueDate: '2026-12-01', dueBasis: 'sla' });
    const listed = await call(s, 'requests.list', listFilter({ sort: 'dueAsc', limit: 10 }));
    expect(listed.rows[0]?.dueDate).toBe('2026-12-01');
    const bad = await failure(
      call(s, 'settings.updateProcessing', { slaBusinessDays: 5, closedDays: ['02-30'], cureDays: 14 }),
    );
    expect(bad.issues?.[0]?.message).toBe('存在しない日付です。');
    expect((await call(s, 'settings.get', {})).processing.slaBusinessDays).toBe(5);
    await s.close();
  });
});
