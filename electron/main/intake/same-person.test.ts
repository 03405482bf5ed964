import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import type { Services } from '../composition';
import {
  ADMIN_PASSWORD,
  OTHER_PASSWORD,
  call,
  completeRequest,
  failure,
  intakeInput,
  makeServices,
  setupVault,
  switchTo,
  switchToNewAccount,
  tempDataDir,
} from '../testing/support';

// Issue 33 §4: four identical 開示 requests in a month (the pattern of 33条2項2号) showed no
// warning on the fourth, because only open requests were compared.

const person = intakeInput().principal;

async function ready() {
  let now = new Date('2025-10-01T01:00:00Z');
  const at = (day: string) => {
    now = new Date(`${day}T01:00:00Z`);
  };
  const s = makeServices(tempDataDir(), { clock: () => now });
  await setupVault(s);
  await switchToNewAccount(s, 'shonin', ['staff', 'approver']);
  await switchTo(s, 'admin', ADMIN_PASSWORD);
  return { s, at };
}

const complete = (s: Services, id: string, at: (day: string) => void, approve: string, close: string) =>
  completeRequest(s, id, {
    drafter: { loginName: 'admin', password: ADMIN_PASSWORD },
    approver: { loginName: 'shonin', password: OTHER_PASSWORD },
    at,
    approveOn: approve,
    closeOn: close,
  });

const key = { name: person.name, kana: person.kana, birthDate: person.birthDate, phone: person.phone };

describe('earlier requests of the same person', () => {
  it('shows answered and closed requests of the period with their outcome and dates, at intake and on the request page', async () => {
    const { s, at } = await ready();
    // Thirteen months before: outside the default period of 12 months.
    const old = await call(s, 'intake.create', intakeInput({ arrivalDate: '2025-10-01' }));
    await complete(s, old.id, at, '2025-10-08', '2025-10-10');
    // 1st: answered (全部開示) and completed.
    at('2026-11-02');
    const first = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-11-02' }));
    await complete(s, first.id, at, '2026-11-05', '2026-11-06');
    // 2nd: withdrawn.
    at('2026-11-09');
    const second = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-11-09' }));
    at('2026-11-10');
    await call(s, 'requests.transition', { id: second.id, action: 'withdraw', comment: '取下げの書面が届いた' });
    // 3rd: still open; no birth date nor phone this time, the same address written otherwise.
    at('2026-11-13');
    const third = await call(
      s,
      'intake.create',
      intakeInput({
        arrivalDate: '2026-11-13',
        principal: { ...person, birthDate: null, phone: '', address: '東京都千代田区千代田一丁目１番' },
      }),
    );
    // A namesake: another birth date, address and phone.
    await call(
      s,
      'intake.create',
      intakeInput({
        arrivalDate: '2026-11-13',
        principal: { ...person, birthDate: '1990-01-01', phone: '06-1111-2222', address: '大阪府大阪市北区梅田2-2' },
      }),
    );

    // The 4th arrives: the three earlier ones of the period show, newest first.
    at('2026-11-20');
    const shown = await call(s, 'intake.duplicates', { ...key, address: person.address });
    expect(shown).toMatchObject({ months: 12, since: '2025-11-20' });
    expect(shown.rows.map((r) => [r.receiptNo, r.arrivalDate, r.kinds, r.outcome, r.closedOn, r.matched])).toEqual([
      [third.receiptNo, '2026-11-13', ['disclosure'], '処理中（受付）', null, ['name', 'kana', 'address']],
      [
        second.receiptNo,
        '2026-11-09',
        ['disclosure'],
        '取下げ',
        '2026-11-10',
        ['name', 'kana', 'birthDate', 'address', 'phone'],
      ],
      [
        first.receiptNo,
        '2026-11-02',
        ['disclosure'],
        '開示: 全部開示',
        '2026-11-06',
        ['name', 'kana', 'birthDate', 'address', 'phone'],
      ],
    ]);
    // A name alone (a namesake with nothing else in common) is not the same person.
    expect((await call(s, 'intake.duplicates', { ...key, birthDate: null, phone: '', address: '' })).rows).toEqual([]);

    const fourth = await call(s, 'intake.create', intakeInput({ arrivalDate: '2026-11-20' }));
    const onPage = await call(s, 'requests.earlier', { id: fourth.id });
    expect(onPage.rows.map((r) => r.id)).toEqual([third.id, second.id, first.id]);
    // Editing the 4th at intake leaves it out of its own list.
    expect(
      (await call(s, 'intake.duplicates', { ...key, address: person.address, excludeId: fourth.id })).rows.map(
        (r) => r.id,
      ),
    ).toEqual([third.id, second.id, first.id]);
    // The period of an earlier request's page runs from 12 months before its own 到達日; the
    // requests that came after it show too.
    expect((await call(s, 'requests.earlier', { id: first.id })).rows.map((r) => r.id)).toEqual([
      fourth.id,
      third.id,
      second.id,
    ]);

    // The administrator lengthens the period: the request of 13 months before shows as well.
    const processing = (await call(s, 'settings.get', {})).processing;
    expect(processing.samePersonMonths).toBe(12);
    const bad = await failure(call(s, 'settings.updateProcessing', { ...processing, samePersonMonths: 0 }));
    expect(bad.code).toBe(ErrorCode.BAD_INPUT);
    expect(bad.message + JSON.stringify(bad.issues)).toContain('1か月以上にしてください');
    expect((await call(s, 'requests.earlier', { id: fourth.id })).months).toBe(12);
    await call(s, 'settings.updateProcessing', { ...processing, samePersonMonths: 24 });
    const longer = await call(s, 'requests.earlier', { id: fourth.id });
    expect(longer).toMatchObject({ months: 24, since: '2024-11-20' });
    expect(longer.rows.map((r) => r.id)).toEqual([third.id, second.id, first.id, old.id]);
    expect(longer.rows[3]).toMatchObject({ outcome: '開示: 全部開示', closedOn: '2025-10-10' });
    await s.close();
  });

  it('refuses an unknown request', async () => {
    const { s } = await ready();
    expect((await failure(call(s, 'requests.earlier', { id: 'no-such-request' }))).code).toBe(ErrorCode.NOT_FOUND);
    await s.close();
  });
});
