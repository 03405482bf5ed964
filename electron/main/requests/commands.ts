import { transitionContext } from '../../../core/domain/transition-context';
import { randomUUID } from 'node:crypto';
import {
  Cure,
  Disposal,
  Extension,
  ErrorCode,
  FeeReturn,
  Suspicion,
  type ChannelInput,
  type RequestDetail,
} from '../../../core/contract';
import { type IsoDate, slashDate } from '../../../core/domain/dates';
import type { Decision } from '../../../core/domain/decisions';
import type { OutsideLaw } from '../../../core/domain/outside-law';
import { kindInfo, type RequestKind } from '../../../core/domain/intake/kinds';
import { searchResultLabels, type SearchInput, type SearchRecord } from '../../../core/domain/searches';
import {
  canRecord,
  closedStates,
  transition,
  type Action,
  type RecordKind,
  type State,
} from '../../../core/domain/workflow';
import type { Q } from '../db/store';
import { insertDispatch, insertEvent, setProcessing, upsertDecision } from '../db/repositories/requests';
import { AppError } from '../errors';
import type { Vault } from '../vault/vault';

import { refusals } from '../errors';
import { assertDecisionSavable } from './decision-checks';
import { parseJson, type RequestQueries } from './queries';
import { assertReplyReady } from './reply-ready';

// Searches one request may record (a bound on what one request stores).
const MAX_SEARCHES = 50;

// Changing a request as the workflow allows: transitions, 補正, decisions, extension, dispatch
// and disposal. Each change is checked against core/domain/workflow with the request as stored.
export class RequestCommands {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly queries: RequestQueries,
  ) {}

  // Checks an action against the workflow with the request as stored and the current account.
  private async check(
    id: string,
    action: Action,
    comment: string,
    extraDefects = 0,
  ): Promise<{ detail: RequestDetail; to: State }> {
    const detail = await this.queries.get(id);
    const session = this.queries.session();
    const db = this.vault.q();
    const row = await this.queries.row(db, id);
    const result = transition(detail.status as State, action, {
      ...transitionContext(
        {
          identity: detail.identity.result.status,
          provisional: detail.provisional,
          fee: detail.fee.status,
          cureDue: row.cure_due,
          kinds: detail.items.map((i) => i.kind),
          decisions: detail.decisions,
          submittedBy: detail.submittedBy,
          history: detail.history,
          dispatches: detail.dispatches.length,
          disposal: detail.disposal !== null,
          feeReturnPending: detail.fee.toReturn > 0 && detail.feeReturn === null,
          agencyEnded: detail.agencyEnded,
          searches: detail.searches,
          requestedMethod: detail.disclosureMethod?.method ?? null,
        },
        session,
        this.queries.today(),
      ),
      comment,
      extraDefects,
    });
    if (!result.ok) {
      const forbidden = (action === 'approve' || action === 'sendBack') && !session.roles.includes('approver');
      throw new AppError(forbidden ? ErrorCode.FORBIDDEN : ErrorCode.CONFLICT, result.reason);
    }
    return { detail, to: result.to };
  }

  private async event(
    db: Q,
    id: string,
    action: Action | RecordKind,
    from: string,
    to: string,
    comment: string,
    day?: IsoDate,
  ) {
    const today = this.queries.today();
    await insertEvent(db, {
      requestId: id,
      at: this.clock().toISOString(),
      day: day ?? today,
      accountId: this.queries.session().accountId,
      action,
      from,
      to,
      comment,
      closedOn: (closedStates as readonly string[]).includes(to) ? (day ?? today) : null,
    });
  }

  // outsideLaw: what closing a request as outside the Act records (requests.closeOutsideLaw);
  // its text is the event's comment, as a decline's reason is.
  async transition(id: string, action: Action, comment: string, outsideLaw?: OutsideLaw): Promise<RequestDetail> {
    if (action === 'requestCure') {
      throw new AppError(
        ErrorCode.CONFLICT,
        '補正の依頼は、不備の内容と期限を指定して「補正を依頼」から行ってください。',
      );
    }
    if ((action === 'closeOutsideLaw') !== (outsideLaw !== undefined)) {
      throw new AppError(
        ErrorCode.CONFLICT,
        '法の対象外とする場合は、理由・対応の方法・お知らせする内容を指定してください。',
      );
    }
    const { detail, to } = await this.check(id, action, comment);
    const auditAction = action === 'approve' || action === 'sendBack' ? 'requests.approval' : 'requests.transition';
    const summary = `action=${action} from=${detail.status} to=${to}`;
    const details = outsideLaw ? `${summary} category=${outsideLaw.category} response=${outsideLaw.response}` : summary;
    await this.vault.write(auditAction, id, details, async (db) => {
      await this.event(db, id, action, detail.status, to, comment);
      const at = this.clock().toISOString();
      if (action === 'submitForApproval')
        await setProcessing(db, id, { submitted_by: this.queries.session().accountId, approved_by: null }, at);
      if (action === 'approve') await setProcessing(db, id, { approved_by: this.queries.session().accountId }, at);
      if (action === 'sendBack') await setProcessing(db, id, { approved_by: null }, at);
      if (outsideLaw) await setProcessing(db, id, { outside_law_json: JSON.stringify(outsideLaw) }, at);
      await this.queries.refreshDeadlines(db, id);
    });
    return this.queries.get(id);
  }

  async requestCure(id: string, cure: ChannelInput<'requests.requestCure'>['cure']): Promise<RequestDetail> {
    const today = this.queries.today();
    if (cure.dueDate <= today)
      throw refusals.badField(['cure', 'dueDate'], '補正の期限は明日以降の日付にしてください。');
    const { detail, to } = await this.check(id, 'requestCure', '', cure.defects.length);
    const value: Cure = { defects: cure.defects, dueDate: cure.dueDate, requestedOn: today };
    await this.vault.write('requests.cure', id, `defects=${cure.defects.length} due=${cure.dueDate}`, async (db) => {
      await this.event(db, id, 'requestCure', detail.status, to, '');
      await setProcessing(
        db,
        id,
        { cure_json: JSON.stringify(value), cure_due: cure.dueDate },
        this.clock().toISOString(),
      );
      await this.queries.refreshDeadlines(db, id);
    });
    return this.queries.get(id);
  }

  // The cure arrived (on arrivedOn): the request goes back to 確認中 and the SLA runs again.
  async recordCure(id: string, arrivedOn: IsoDate): Promise<RequestDetail> {
    const db = this.vault.q();
    const row = await this.queries.row(db, id);
    const cure = parseJson(Cure, row.cure_json);
    if (arrivedOn > this.queries.today())
      throw refusals.badField(['arrivedOn'], '補正の到着日に未来の日付は指定できません。');
    if (cure && arrivedOn < cure.requestedOn)
      throw refusals.badField(['arrivedOn'], '補正の到着日は補正を依頼した日より前にはできません。');
    const { detail, to } = await this.check(id, 'cureReceived', '');
    await this.vault.write(
      'requests.transition',
      id,
      `action=cureReceived from=${detail.status} to=${to}`,
      async (db) => {
        await this.event(db, id, 'cureReceived', detail.status, to, '', arrivedOn);
        await setProcessing(db, id, { cure_due: null }, this.clock().toISOString());
        await this.queries.refreshDeadlines(db, id);
      },
    );
    return this.queries.get(id);
  }

  async saveDecision(id: string, kind: RequestKind, decision: Decision): Promise<RequestDetail> {
    const session = this.queries.session();
    const detail = await this.queries.get(id);
    await assertDecisionSavable(this.vault.q(), detail, kind, decision, this.queries.today());
    await this.vault.write(
      'requests.decision',
      id,
      `kind=${kind} outcome=${decision.outcome} grounds=${decision.grounds.join(',')}`,
      async (db) => {
        await upsertDecision(db, {
          requestId: id,
          kind,
          data: JSON.stringify(decision),
          by: session.accountId,
          at: this.clock().toISOString(),
        });
        await this.event(db, id, 'decision', detail.status, detail.status, kindInfo[kind].label);
      },
    );
    return this.queries.get(id);
  }

  async extend(id: string, date: IsoDate, reason: string): Promise<RequestDetail> {
    const detail = await this.queries.get(id);
    if (!canRecord('extension', detail.status)) {
      throw new AppError(ErrorCode.CONFLICT, '回答済み・終了した請求の期限は延長できません。');
    }
    if (date <= detail.deadlines.dueDate) {
      throw refusals.badField(
        ['date'],
        `延長後の期限は現在の期限（${slashDate(detail.deadlines.dueDate)}）より後の日付にしてください。`,
      );
    }
    const value: Extension = {
      date,
      reason,
      decidedBy: this.queries.session().accountId,
      decidedOn: this.queries.today(),
    };
    await this.vault.write('requests.extension', id, `to=${date}`, async (db) => {
      await setProcessing(db, id, { extension_json: JSON.stringify(value) }, this.clock().toISOString());
      await this.event(db, id, 'extension', detail.status, detail.status, reason);
      await this.queries.refreshDeadlines(db, id);
    });
    return this.queries.get(id);
  }

  async addDispatch(id: string, input: ChannelInput<'requests.addDispatch'>['dispatch']): Promise<RequestDetail> {
    const session = this.queries.session();
    const detail = await this.queries.get(id);
    if (!canRecord('dispatch', detail.status)) {
      throw new AppError(ErrorCode.CONFLICT, '発送は決裁の後（回答準備・発送済の段階）に記録してください。');
    }
    if (input.sentOn > this.queries.today())
      throw refusals.badField(['dispatch', 'sentOn'], '発送日に未来の日付は指定できません。');
    if (input.sentOn < detail.arrivalDate)
      throw refusals.badField(['dispatch', 'sentOn'], '発送日が到達日より前になっています。');
    const dispatchId = randomUUID();
    await this.vault.write(
      'requests.dispatch',
      id,
      `dispatch=${dispatchId} method=${input.method} sent=${input.sentOn}${input.packageId ? ` package=${input.packageId}` : ''}`,
      async (db) => {
        await assertReplyReady(db, detail, input.packageId);
        await insertDispatch(db, {
          id: dispatchId,
          requestId: id,
          data: JSON.stringify({
            letter: input.letter,
            sentOn: input.sentOn,
            method: input.method,
            trackingNo: input.trackingNo,
            ...(input.packageId ? { packageId: input.packageId } : {}),
          }),
          by: session.accountId,
          at: this.clock().toISOString(),
        });
        await this.event(db, id, 'dispatch', detail.status, detail.status, input.letter);
      },
    );
    return this.queries.get(id);
  }

  async recordDisposal(id: string, method: Disposal['method'], date: IsoDate): Promise<RequestDetail> {
    const detail = await this.queries.get(id);
    if (!canRecord('disposal', detail.status)) {
      throw new AppError(
        ErrorCode.CONFLICT,
        '本人確認書類の写しの処理は、決裁の後（回答準備・発送済）か、取下げ・応じられない・請求なし・法の対象外で終了した後に記録してください。',
      );
    }
    if (detail.disposal) throw new AppError(ErrorCode.CONFLICT, '本人確認書類の写しの処理は記録済みです。');
    if (method === 'none' && detail.identity.documents.length > 0) {
      throw refusals.badField(['method'], '本人確認書類の写しを受領しています。返却または廃棄を記録してください。');
    }
    if (date > this.queries.today()) throw refusals.badField(['date'], '日付に未来の日付は指定できません。');
    if (date < detail.arrivalDate) throw refusals.badField(['date'], '日付が到達日より前になっています。');
    const value: Disposal = { method, date };
    await this.vault.write('requests.disposal', id, `method=${method} date=${date}`, async (db) => {
      await setProcessing(db, id, { disposal_json: JSON.stringify(value) }, this.clock().toISOString());
      await this.event(db, id, 'disposal', detail.status, detail.status, '');
    });
    return this.queries.get(id);
  }

  // A suspected impersonation: raised or cleared with a note (kept in the history, never in the
  // audit details, which carry ids only), listed on the dashboard while the request is open.
  async flagSuspicion(id: string, suspected: boolean, note: string): Promise<RequestDetail> {
    const detail = await this.queries.get(id);
    if (detail.closedOn !== null) {
      throw new AppError(ErrorCode.CONFLICT, '終了した請求には、なりすましの疑いを記録・解除できません。');
    }
    if (suspected === (detail.suspicion !== null)) {
      throw new AppError(
        ErrorCode.CONFLICT,
        suspected ? 'なりすましの疑いは記録済みです。' : 'なりすましの疑いは記録されていません。',
      );
    }
    const session = this.queries.session();
    const at = this.clock().toISOString();
    const value: Suspicion | null = suspected ? { note, by: session.accountId, at } : null;
    await this.vault.write('requests.suspicion', id, `suspected=${String(suspected)}`, async (db) => {
      await setProcessing(db, id, { suspicion_json: value ? JSON.stringify(value) : null }, at);
      await this.event(db, id, suspected ? 'suspected' : 'suspicionCleared', detail.status, detail.status, note);
    });
    return this.queries.get(id);
  }

  // The search record (探索の記録): while the decisions are open (調査中・決定起案). A search is
  // dated no earlier than the 到達日 and not in the future. Removing one keeps its reason in the
  // history; the audit entry names only the request and the search.
  async addSearch(id: string, input: SearchInput): Promise<RequestDetail> {
    const detail = await this.queries.get(id);
    if (!canRecord('search', detail.status)) {
      throw new AppError(ErrorCode.CONFLICT, '探索の記録は、調査中または決定起案中の請求に追加できます。');
    }
    if (detail.searches.length >= MAX_SEARCHES) {
      throw new AppError(ErrorCode.CONFLICT, `探索の記録は1件の請求につき${MAX_SEARCHES}件までです。`);
    }
    if (input.on > this.queries.today())
      throw refusals.badField(['search', 'on'], '探索日に未来の日付は指定できません。');
    if (input.on < detail.arrivalDate)
      throw refusals.badField(['search', 'on'], '探索日が到達日より前になっています。');
    const at = this.clock().toISOString();
    const record: SearchRecord = { ...input, id: randomUUID(), by: this.queries.session().accountId, at };
    const searches = [...detail.searches, record];
    await this.vault.write(
      'requests.search',
      id,
      `search=${record.id} change=added result=${record.result}`,
      async (db) => {
        await setProcessing(db, id, { searches_json: JSON.stringify(searches) }, at);
        await this.event(
          db,
          id,
          'search',
          detail.status,
          detail.status,
          `${record.system}（${searchResultLabels[record.result]}）`,
        );
      },
    );
    return this.queries.get(id);
  }

  async removeSearch(id: string, searchId: string, reason: string): Promise<RequestDetail> {
    const detail = await this.queries.get(id);
    if (!canRecord('search', detail.status)) {
      throw new AppError(ErrorCode.CONFLICT, '探索の記録は、調査中または決定起案中の請求でのみ削除できます。');
    }
    const record = detail.searches.find((s) => s.id === searchId);
    if (!record) throw new AppError(ErrorCode.NOT_FOUND, '指定された探索の記録が見つかりません。');
    const at = this.clock().toISOString();
    const searches = detail.searches.filter((s) => s.id !== searchId);
    await this.vault.write('requests.search', id, `search=${searchId} change=removed`, async (db) => {
      await setProcessing(db, id, { searches_json: JSON.stringify(searches) }, at);
      await this.event(db, id, 'searchRemoved', detail.status, detail.status, `${record.system}：${reason}`);
    });
    return this.queries.get(id);
  }

  async recordFeeReturn(
    id: string,
    method: FeeReturn['method'],
    date: IsoDate,
    amount: number,
  ): Promise<RequestDetail> {
    const detail = await this.queries.get(id);
    if (!canRecord('feeReturn', detail.status)) {
      throw new AppError(ErrorCode.CONFLICT, '完了した請求には手数料の返還を記録できません。');
    }
    if (detail.feeReturn) throw new AppError(ErrorCode.CONFLICT, '手数料の返還は記録済みです。');
    if (detail.fee.toReturn === 0) throw refusals.badField(['amount'], 'この請求には返還すべき手数料がありません。');
    if (amount !== detail.fee.toReturn) {
      throw refusals.badField(
        ['amount'],
        `返還すべき額は${detail.fee.toReturn.toLocaleString('ja-JP')}円です。金額をご確認ください。`,
      );
    }
    if (date > this.queries.today()) throw refusals.badField(['date'], '日付に未来の日付は指定できません。');
    if (date < detail.arrivalDate) throw refusals.badField(['date'], '日付が到達日より前になっています。');
    const value: FeeReturn = { method, date, amount };
    await this.vault.write('requests.feeReturn', id, `method=${method} date=${date} amount=${amount}`, async (db) => {
      await setProcessing(db, id, { fee_return_json: JSON.stringify(value) }, this.clock().toISOString());
      await this.event(db, id, 'feeReturn', detail.status, detail.status, '');
    });
    return this.queries.get(id);
  }
}
