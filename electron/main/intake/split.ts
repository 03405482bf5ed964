import { randomUUID } from 'node:crypto';
import { ErrorCode, type RequestDetail } from '../../../core/contract';
import { japanToday } from '../../../core/domain/dates';
import { kindInfo, type RequestKind } from '../../../core/domain/intake/kinds';
import { canRecord, type RecordKind, type State } from '../../../core/domain/workflow';
import { getItems, getRequestRow, insertEvent, receiptNoTaken } from '../db/repositories/requests';
import { insertSplitRequest, moveKinds, splitCount } from '../db/repositories/split';
import { AppError } from '../errors';
import type { RequestQueries } from '../requests/queries';
import type { Vault } from '../vault/vault';

const labels = (kinds: readonly RequestKind[]) => kinds.map((k) => kindInfo[k].label).join('・');

// One envelope, two requests (issue 33 §4): a kind without a fee (訂正・利用停止等, 法38条) must
// not wait for another kind's fee. At intake, staff split kinds off into a request of their own
// with the same 到達日 (so the same 39条 date) and a branch number, 2026-0123-2; each request then
// goes its own way (補正, decision, letters, completion), and each names the other.
export async function splitRequest(
  vault: Vault,
  clock: () => Date,
  requests: RequestQueries,
  id: string,
  kinds: readonly RequestKind[],
): Promise<RequestDetail> {
  const session = vault.session();
  if (!session) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
  const newId = randomUUID();
  const at = clock().toISOString();
  const day = japanToday(clock());
  await vault.write('requests.split', id, `kinds=${kinds.join(',')}`, async (db) => {
    const row = await getRequestRow(db, id);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '請求が見つかりません。');
    if (!canRecord('intake', row.status))
      throw new AppError(
        ErrorCode.CONFLICT,
        '請求の分割は、調査を開始する前（受付・確認中・補正待ち）に限り行えます。',
      );
    const held = (await getItems(db, id)).map((i) => i.kind as RequestKind);
    if (kinds.some((k) => !held.includes(k)))
      throw new AppError(ErrorCode.BAD_INPUT, 'この請求にない種類は分割できません。');
    if (held.every((k) => kinds.includes(k)))
      throw new AppError(
        ErrorCode.BAD_INPUT,
        'すべての種類を分割することはできません。元の請求に残す種類を1つ以上選んでください。',
      );
    // Branch numbers under the envelope's own number; a split request is split again from its
    // origin, so the numbers stay one level deep.
    const origin = (row.split_from ? await getRequestRow(db, row.split_from) : null) ?? row;
    let branch = (await splitCount(db, origin.id)) + 2;
    while (await receiptNoTaken(db, `${origin.receipt_no}-${branch}`)) branch += 1;
    const receiptNo = `${origin.receipt_no}-${branch}`;
    // The new request is not waiting for the other kinds' 補正: its own check starts over.
    const status: State = row.status === 'received' ? 'received' : 'checking';
    await insertSplitRequest(db, id, {
      id: newId,
      receiptNo,
      status,
      splitFrom: origin.id,
      keepsDisclosureMethod: kinds.some((k) => kindInfo[k].group === 'disclosure'),
      at,
    });
    await moveKinds(db, id, newId, kinds);
    const event = { at, day, accountId: session.accountId, action: 'split' satisfies RecordKind, closedOn: null };
    await insertEvent(db, {
      ...event,
      requestId: id,
      from: row.status,
      to: row.status,
      comment: `${labels(kinds)}を受付番号 ${receiptNo} として分割`,
    });
    await insertEvent(db, {
      ...event,
      requestId: newId,
      from: status,
      to: status,
      comment: `受付番号 ${row.receipt_no} から${labels(kinds)}を分割`,
    });
    await requests.refreshDeadlines(db, id);
    await requests.refreshDeadlines(db, newId);
  });
  return await requests.get(newId);
}
