import { randomUUID } from 'node:crypto';
import {
  Cure,
  Disposal,
  Extension,
  ErrorCode,
  ProcessingSettings,
  type ChannelInput,
  type ChannelOutput,
  type Dispatch,
  type ListFilter,
  type RequestDetail,
  type RequestSummary,
  type Session,
} from '../../../core/contract';
import { addDays, japanToday, type IsoDate } from '../../../core/domain/dates';
import { addBusinessDays, computeDeadlines, type Deadlines, type Pause } from '../../../core/domain/deadlines';
import { Decision, decisionProblems, ReasonLibrary, type ReasonTemplate } from '../../../core/domain/decisions';
import { evaluateFee, type FeeSchedule } from '../../../core/domain/intake/fees';
import { evaluateIdentity, type IdentityPolicy } from '../../../core/domain/intake/identity';
import type { RequestKind, RequesterType } from '../../../core/domain/intake/kinds';
import {
  DisclosureMethod,
  IdentityDocumentInput,
  Party,
  PaymentInput,
  RequestItem,
} from '../../../core/domain/intake/request';
import { isKana, kanaKey, nameKey } from '../../../core/domain/intake/text';
import {
  actionsFrom,
  answerPendingStates,
  canRecord,
  closedStates,
  isState,
  primaryActions,
  transition,
  type Action,
  type RecordKind,
  type State,
  type TransitionContext,
} from '../../../core/domain/workflow';
import type { Db } from '../db/connection';
import {
  accountNames,
  getDocuments,
  getItems,
  getParties,
  getPayments,
  getRequestRow,
  insertDispatch,
  insertEvent,
  listDecisions,
  listDispatches,
  listEnclosures,
  listEvents,
  listRequests,
  orders,
  pageOf,
  placeholders,
  requestIdsForDeadlines,
  setProcessing,
  upsertDecision,
  type EventRow,
  type RequestRow,
  type SummaryRow,
} from '../db/repositories/requests';
import { putSetting } from '../db/repositories/settings';
import { AppError } from '../errors';
import { readFees, readIdentityPolicy, readProcessingSettings, readReasonLibrary } from '../settings/policies';
import type { Vault } from '../vault/vault';

function bad(path: (string | number)[], message: string): AppError {
  return new AppError(ErrorCode.BAD_INPUT, message, [{ path, message }]);
}

// The days a request waited for a 補正: from the day it was asked for to the day the cure
// arrived (open while it still waits). The internal SLA does not count them.
export function curePauses(events: readonly Pick<EventRow, 'day' | 'from_state' | 'to_state'>[]): Pause[] {
  const pauses: Pause[] = [];
  for (const e of events) {
    if (e.from_state === e.to_state) continue;
    if (e.to_state === 'awaitingCure') pauses.push({ from: e.day, to: null });
    else if (e.from_state === 'awaitingCure') {
      const open = pauses.at(-1);
      if (open?.to === null) open.to = e.day;
    }
  }
  return pauses;
}

export function toSummary(r: SummaryRow): RequestSummary {
  const principal = Party.parse(JSON.parse(r.principal ?? '{}'));
  return {
    id: r.id,
    receiptNo: r.receipt_no,
    arrivalDate: r.arrival_date,
    status: r.status,
    requesterType: r.requester_type as RequesterType,
    principalName: principal.name,
    principalKana: principal.kana,
    kinds: (r.kinds ?? '').split(',').filter(Boolean) as RequestKind[],
    channel: r.channel as RequestSummary['channel'],
    dueDate: r.due_date,
    cureDue: r.cure_due,
    closedOn: r.closed_on,
  };
}

const parseJson = <T>(schema: { parse: (v: unknown) => T }, text: string | null): T | null =>
  text === null ? null : schema.parse(JSON.parse(text));

// What the workflow needs to know of a request and the acting account (one place for the
// request page's action checks and for the checks main makes before every change).
function transitionContext(
  r: {
    identity: 'verified' | 'defective' | 'incomplete';
    fee: TransitionContext['fee'];
    cureDue: string | null;
    kinds: readonly RequestKind[];
    decisions: readonly { kind: RequestKind; decision: Decision; draftedBy: string }[];
    submittedBy: string | null;
    // The request's history: everyone who ever saved a decision or submitted it counts as a
    // drafter, not only the last saver (a colleague re-saving unchanged must not clear anyone).
    history: readonly { action: string; accountId: string }[];
    dispatches: number;
    disposal: boolean;
  },
  session: Session | null,
  today: IsoDate,
): Omit<TransitionContext, 'comment' | 'extraDefects'> {
  return {
    actorId: session?.accountId ?? '',
    actorCanApprove: session?.roles.includes('approver') ?? false,
    identity: r.identity,
    fee: r.fee,
    cureDeadlinePassed: r.cureDue !== null && r.cureDue < today,
    allKindsDecided: r.kinds.every((k) => {
      const d = r.decisions.find((x) => x.kind === k);
      return d !== undefined && decisionProblems(k, d.decision).length === 0;
    }),
    drafterIds: [
      ...new Set([
        ...r.decisions.map((d) => d.draftedBy),
        ...(r.submittedBy ? [r.submittedBy] : []),
        ...r.history.filter((h) => drafterActions.has(h.action)).map((h) => h.accountId),
      ]),
    ],
    dispatchRecorded: r.dispatches > 0,
    idDisposalRecorded: r.disposal,
  };
}

const drafterActions: ReadonlySet<string> = new Set(['decision', 'submitForApproval']);

const DASHBOARD_ROWS = 20;
const RECENT_DAYS = 14;

// What every request's detail reads besides its own rows.
type ReadContext = {
  identityPolicy: IdentityPolicy;
  fees: FeeSchedule;
  processing: ProcessingSettings;
  accountNames: Record<string, string>;
  session: Session | null;
  today: IsoDate;
};

export class RequestsService {
  // The connection whose rows from before migration 0004 have had their dates computed.
  private deadlinesReadyFor: Db | null = null;

  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
  ) {}

  private today(): IsoDate {
    return japanToday(this.clock());
  }

  private session(): Session {
    const session = this.vault.session();
    if (!session) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
    return session;
  }

  private row(db: Db, id: string): RequestRow {
    const row = getRequestRow(db, id);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '請求が見つかりません。');
    return row;
  }

  private deadlinesOf(row: RequestRow, events: readonly EventRow[], s: ProcessingSettings): Deadlines {
    const extension = parseJson(Extension, row.extension_json);
    return computeDeadlines({
      arrivalDate: row.arrival_date,
      slaBusinessDays: s.slaBusinessDays,
      closedDays: s.closedDays,
      pauses: curePauses(events),
      extension: extension ? { date: extension.date, reason: extension.reason } : null,
    });
  }

  // Recomputes and stores the request's dates; called inside every write that can move them.
  refreshDeadlines(db: Db, id: string): void {
    const row = this.row(db, id);
    const d = this.deadlinesOf(row, listEvents(db, id), readProcessingSettings(db));
    setProcessing(
      db,
      id,
      { article39_date: d.article39Date, sla_date: d.slaDate, due_date: d.dueDate },
      this.clock().toISOString(),
    );
  }

  // Rows written before migration 0004 get their dates on first use of a connection.
  private ensureDeadlines(db: Db): void {
    if (this.deadlinesReadyFor === db) return;
    const ids = requestIdsForDeadlines(db, false, closedStates);
    if (ids.length) db.transaction(() => ids.forEach((id) => this.refreshDeadlines(db, id)))();
    this.deadlinesReadyFor = db;
  }

  // --- Settings -------------------------------------------------------------------------------

  processingSettings(): ProcessingSettings {
    return readProcessingSettings(this.vault.connection());
  }

  updateProcessingSettings(value: ProcessingSettings): ProcessingSettings {
    this.vault.write(
      'settings.update',
      'processing',
      `sla=${value.slaBusinessDays} closed=${value.closedDays.length} cure=${value.cureDays}`,
      (db) => {
        putSetting(db, 'processing', value);
        // Open requests follow the new policy; closed ones keep the dates they were handled by.
        for (const id of requestIdsForDeadlines(db, true, closedStates)) this.refreshDeadlines(db, id);
      },
    );
    return value;
  }

  reasons(): ReasonTemplate[] {
    return readReasonLibrary(this.vault.connection());
  }

  updateReasons(value: ReasonTemplate[]): ReasonTemplate[] {
    const parsed = ReasonLibrary.parse(value);
    this.vault.write('settings.update', 'reasons', `templates=${parsed.length}`, (db) => {
      putSetting(db, 'reasons', parsed);
    });
    return parsed;
  }

  // --- Reading --------------------------------------------------------------------------------

  get(id: string): RequestDetail {
    const db = this.vault.connection();
    this.ensureDeadlines(db);
    return this.detail(db, id, this.readContext(db));
  }

  // Many requests at once (the ledger): the policies and account names are read once.
  getMany(ids: readonly string[]): RequestDetail[] {
    const db = this.vault.connection();
    this.ensureDeadlines(db);
    const context = this.readContext(db);
    return ids.map((id) => this.detail(db, id, context));
  }

  private readContext(db: Db): ReadContext {
    return {
      identityPolicy: readIdentityPolicy(db),
      fees: readFees(db),
      processing: readProcessingSettings(db),
      accountNames: accountNames(db),
      session: this.vault.session(),
      today: this.today(),
    };
  }

  private detail(db: Db, id: string, c: ReadContext): RequestDetail {
    const row = this.row(db, id);
    if (row.purged_at) {
      throw new AppError(
        ErrorCode.NOT_FOUND,
        `受付番号 ${row.receipt_no} の請求は、保存期間を過ぎたため削除されています（件数・日付・結果のみ集計用に残っています）。`,
      );
    }
    const parties = getParties(db, id);
    const party = (role: string) => {
      const found = parties.find((p) => p.role === role);
      return found ? Party.parse(JSON.parse(found.data)) : null;
    };
    const principal = party('principal');
    if (!principal) throw new AppError(ErrorCode.INTERNAL, '請求の記録が壊れています。');
    const items = getItems(db, id).map((i) => RequestItem.parse(JSON.parse(i.details)));
    const documents = getDocuments(db, id).map((d) => IdentityDocumentInput.parse(JSON.parse(d)));
    const payments = getPayments(db, id).map((p) =>
      PaymentInput.parse({
        id: p.id.slice(id.length + 1),
        means: p.means,
        amount: p.amount,
        receivedOn: p.received_on,
        issuedOn: p.issued_on,
      }),
    );
    const identity = JSON.parse(row.identity_json) as {
      nameAddressMatch: { principal: boolean | null; agent: boolean | null };
      lawyerRegistrationNo: string;
    };
    const kinds = items.map((i) => i.kind);
    const identityResult = evaluateIdentity(
      {
        arrivalDate: row.arrival_date,
        requesterType: row.requester_type as RequesterType,
        kinds,
        answerTo: row.answer_to as 'principal' | 'agent',
        principalBirthDate: principal.birthDate,
        documents,
        nameAddressMatch: identity.nameAddressMatch,
        lawyerRegistrationNo: identity.lawyerRegistrationNo,
      },
      c.identityPolicy,
    );
    const fee = evaluateFee(kinds, c.fees, payments);
    const events = listEvents(db, id);
    const decisions = listDecisions(db, id)
      .filter((d) => kinds.includes(d.kind as RequestKind))
      .map((d) => ({
        kind: d.kind as RequestKind,
        decision: Decision.parse(JSON.parse(d.data)),
        draftedBy: d.drafted_by,
        draftedAt: d.drafted_at,
      }));
    const dispatches: Dispatch[] = listDispatches(db, id).map((d) => ({
      ...(JSON.parse(d.data) as Omit<Dispatch, 'id' | 'recordedBy' | 'recordedAt'>),
      id: d.id,
      recordedBy: d.recorded_by,
      recordedAt: d.recorded_at,
    }));
    const disposal = parseJson(Disposal, row.disposal_json);
    const status = isState(row.status) ? row.status : 'received';
    const context = transitionContext(
      {
        identity: identityResult.status,
        fee: fee.status,
        cureDue: row.cure_due,
        kinds,
        decisions,
        submittedBy: row.submitted_by,
        history: events.map((e) => ({ action: e.action, accountId: e.account_id })),
        dispatches: dispatches.length,
        disposal: disposal !== null,
      },
      c.session,
      c.today,
    );
    const available = actionsFrom(status);
    // The reason each action is refused now (a comment is asked for when the action is taken).
    const actionChecks = Object.fromEntries(
      available.map((a) => {
        // A 補正 always lists at least one defect (the dialog asks for them).
        const r = transition(status, a, { ...context, comment: '—', extraDefects: 1 });
        return [a, r.ok ? null : r.reason];
      }),
    );
    return {
      id,
      receiptNo: row.receipt_no,
      channel: row.channel as RequestDetail['channel'],
      arrivalDate: row.arrival_date,
      provisional: row.provisional === 1,
      trackingNo: row.tracking_no,
      receivedBy: row.received_by,
      requesterType: row.requester_type as RequesterType,
      principal,
      agent: party('agent'),
      items,
      disclosureMethod: row.disclosure_method ? DisclosureMethod.parse(JSON.parse(row.disclosure_method)) : null,
      answerTo: row.answer_to as 'principal' | 'agent',
      delivery: row.delivery as RequestDetail['delivery'],
      replyAddress: row.reply_address,
      notes: row.notes,
      status,
      identity: {
        documents,
        nameAddressMatch: identity.nameAddressMatch,
        lawyerRegistrationNo: identity.lawyerRegistrationNo,
        result: identityResult,
      },
      payments,
      fee,
      enclosures: listEnclosures(db, id).map((e) => ({
        id: e.id,
        type: e.type as RequestDetail['enclosures'][number]['type'],
        mime: e.mime,
        size: e.size,
        sha256: e.sha256,
        addedAt: e.added_at,
      })),
      deadlines: this.deadlinesOf(row, events, c.processing),
      cure: parseJson(Cure, row.cure_json),
      decisions,
      submittedBy: row.submitted_by,
      approvedBy: row.approved_by,
      extension: parseJson(Extension, row.extension_json),
      dispatches,
      disposal,
      closedOn: row.closed_on,
      accountNames: c.accountNames,
      primaryAction: primaryActions[status] ?? null,
      actionChecks,
      history: events.map((e) => ({
        at: e.at,
        day: e.day,
        accountId: e.account_id,
        action: e.action,
        from: e.from_state,
        to: e.to_state,
        comment: e.comment,
      })),
      availableActions: available,
      createdAt: row.created_at,
    };
  }

  list(f: ListFilter): ChannelOutput<'requests.list'> {
    const db = this.vault.connection();
    this.ensureDeadlines(db);
    const q = f.query.normalize('NFKC').trim();
    const digits = /\d/.test(q);
    const page = listRequests(db, {
      statuses: f.statuses,
      kind: f.kind,
      channel: f.channel,
      from: f.from,
      to: f.to,
      overdueBefore: f.overdue ? this.today() : null,
      overdueStatuses: answerPendingStates,
      // フリガナ never contains digits; anything with one is (part of) a 受付番号.
      receiptPrefix: q && digits ? q : null,
      kanaPrefix: q && !digits && isKana(q) ? kanaKey(q) : null,
      namePrefix: q && !digits ? nameKey(q) : null,
      sort: f.sort,
      offset: f.offset,
      limit: f.limit,
    });
    return { rows: page.rows.map(toSummary), total: page.total, capped: page.capped };
  }

  dashboard(): ChannelOutput<'requests.dashboard'> {
    const db = this.vault.connection();
    this.ensureDeadlines(db);
    const session = this.session();
    const today = this.today();
    const { closedDays } = readProcessingSettings(db);
    const soon = addBusinessDays(today, 3, closedDays);
    const pending = answerPendingStates;
    const page = (where: string[], params: unknown[], order: (typeof orders)[keyof typeof orders]) => {
      const p = pageOf(db, where, params, order, DASHBOARD_ROWS);
      return { rows: p.rows.map(toSummary), total: p.total, capped: p.capped };
    };
    const mine = session.roles.includes('approver')
      ? page(
          [
            "r.status = 'awaitingApproval'",
            'r.submitted_by IS NOT ?',
            'NOT EXISTS (SELECT 1 FROM request_decisions d WHERE d.request_id = r.id AND d.drafted_by = ?)',
          ],
          [session.accountId, session.accountId],
          orders.dueAsc,
        )
      : { rows: [], total: 0, capped: false };
    return {
      today,
      overdue: page([`r.status IN (${placeholders(pending)})`, 'r.due_date < ?'], [...pending, today], orders.dueAsc),
      dueSoon: page(
        [`r.status IN (${placeholders(pending)})`, 'r.due_date >= ?', 'r.due_date <= ?'],
        [...pending, today, soon],
        orders.dueAsc,
      ),
      cureOverdue: page(["r.status = 'awaitingCure'", 'r.cure_due < ?'], [today], orders.cureAsc),
      awaitingMyApproval: mine,
      recentlyCompleted: page(
        ["r.status = 'completed'", 'r.closed_on >= ?'],
        [addDays(today, -RECENT_DAYS)],
        orders.closedDesc,
      ),
    };
  }

  // --- Changing -------------------------------------------------------------------------------

  // Checks an action against the workflow with the request as stored and the current account.
  private check(id: string, action: Action, comment: string, extraDefects = 0): { detail: RequestDetail; to: State } {
    const detail = this.get(id);
    const session = this.session();
    const db = this.vault.connection();
    const row = this.row(db, id);
    const result = transition(detail.status as State, action, {
      ...transitionContext(
        {
          identity: detail.identity.result.status,
          fee: detail.fee.status,
          cureDue: row.cure_due,
          kinds: detail.items.map((i) => i.kind),
          decisions: detail.decisions,
          submittedBy: detail.submittedBy,
          history: detail.history,
          dispatches: detail.dispatches.length,
          disposal: detail.disposal !== null,
        },
        session,
        this.today(),
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

  private event(
    db: Db,
    id: string,
    action: Action | RecordKind,
    from: string,
    to: string,
    comment: string,
    day?: IsoDate,
  ) {
    const today = this.today();
    insertEvent(db, {
      requestId: id,
      at: this.clock().toISOString(),
      day: day ?? today,
      accountId: this.session().accountId,
      action,
      from,
      to,
      comment,
      closedOn: (closedStates as readonly string[]).includes(to) ? (day ?? today) : null,
    });
  }

  transition(id: string, action: Action, comment: string): RequestDetail {
    if (action === 'requestCure') {
      throw new AppError(
        ErrorCode.CONFLICT,
        '補正の依頼は、不備の内容と期限を指定して「補正を依頼」から行ってください。',
      );
    }
    const { detail, to } = this.check(id, action, comment);
    const auditAction = action === 'approve' || action === 'sendBack' ? 'requests.approval' : 'requests.transition';
    this.vault.write(auditAction, id, `action=${action} from=${detail.status} to=${to}`, (db) => {
      this.event(db, id, action, detail.status, to, comment);
      const at = this.clock().toISOString();
      if (action === 'submitForApproval')
        setProcessing(db, id, { submitted_by: this.session().accountId, approved_by: null }, at);
      if (action === 'approve') setProcessing(db, id, { approved_by: this.session().accountId }, at);
      if (action === 'sendBack') setProcessing(db, id, { approved_by: null }, at);
      this.refreshDeadlines(db, id);
    });
    return this.get(id);
  }

  requestCure(id: string, cure: ChannelInput<'requests.requestCure'>['cure']): RequestDetail {
    const today = this.today();
    if (cure.dueDate <= today) throw bad(['cure', 'dueDate'], '補正の期限は明日以降の日付にしてください。');
    const { detail, to } = this.check(id, 'requestCure', '', cure.defects.length);
    const value: Cure = { defects: cure.defects, dueDate: cure.dueDate, requestedOn: today };
    this.vault.write('requests.cure', id, `defects=${cure.defects.length} due=${cure.dueDate}`, (db) => {
      this.event(db, id, 'requestCure', detail.status, to, '');
      setProcessing(db, id, { cure_json: JSON.stringify(value), cure_due: cure.dueDate }, this.clock().toISOString());
      this.refreshDeadlines(db, id);
    });
    return this.get(id);
  }

  // The cure arrived (on arrivedOn): the request goes back to 確認中 and the SLA runs again.
  recordCure(id: string, arrivedOn: IsoDate): RequestDetail {
    const db = this.vault.connection();
    const row = this.row(db, id);
    const cure = parseJson(Cure, row.cure_json);
    if (arrivedOn > this.today()) throw bad(['arrivedOn'], '補正の到着日に未来の日付は指定できません。');
    if (cure && arrivedOn < cure.requestedOn)
      throw bad(['arrivedOn'], '補正の到着日は補正を依頼した日より前にはできません。');
    const { detail, to } = this.check(id, 'cureReceived', '');
    this.vault.write('requests.transition', id, `action=cureReceived from=${detail.status} to=${to}`, (db) => {
      this.event(db, id, 'cureReceived', detail.status, to, '', arrivedOn);
      setProcessing(db, id, { cure_due: null }, this.clock().toISOString());
      this.refreshDeadlines(db, id);
    });
    return this.get(id);
  }

  saveDecision(id: string, kind: RequestKind, decision: Decision): RequestDetail {
    const session = this.session();
    const detail = this.get(id);
    if (detail.status !== 'investigating' && detail.status !== 'drafting') {
      throw new AppError(ErrorCode.CONFLICT, '決定は「調査中」または「決定起案」の段階で入力してください。');
    }
    if (!detail.items.some((i) => i.kind === kind)) {
      throw bad(['kind'], 'この請求にはない種類の決定は保存できません。');
    }
    const problems = decisionProblems(kind, decision);
    if (problems.length) {
      const first = problems[0];
      throw new AppError(
        ErrorCode.BAD_INPUT,
        first?.message ?? '決定の内容に誤りがあります。',
        problems.map((p) => ({ path: ['decision', p.path], message: p.message })),
      );
    }
    this.vault.write(
      'requests.decision',
      id,
      `kind=${kind} outcome=${decision.outcome} grounds=${decision.grounds.join(',')}`,
      (db) => {
        upsertDecision(db, {
          requestId: id,
          kind,
          data: JSON.stringify(decision),
          by: session.accountId,
          at: this.clock().toISOString(),
        });
        this.event(db, id, 'decision', detail.status, detail.status, kind);
      },
    );
    return this.get(id);
  }

  extend(id: string, date: IsoDate, reason: string): RequestDetail {
    const detail = this.get(id);
    if (![...answerPendingStates, 'awaitingCure'].includes(detail.status)) {
      throw new AppError(ErrorCode.CONFLICT, '回答済み・終了した請求の期限は延長できません。');
    }
    if (date <= detail.deadlines.dueDate) {
      throw bad(
        ['date'],
        `延長後の期限は現在の期限（${detail.deadlines.dueDate.replaceAll('-', '/')}）より後の日付にしてください。`,
      );
    }
    const value: Extension = { date, reason, decidedBy: this.session().accountId, decidedOn: this.today() };
    this.vault.write('requests.extension', id, `to=${date}`, (db) => {
      setProcessing(db, id, { extension_json: JSON.stringify(value) }, this.clock().toISOString());
      this.event(db, id, 'extension', detail.status, detail.status, reason);
      this.refreshDeadlines(db, id);
    });
    return this.get(id);
  }

  addDispatch(id: string, input: ChannelInput<'requests.addDispatch'>['dispatch']): RequestDetail {
    const session = this.session();
    const detail = this.get(id);
    if (!canRecord('dispatch', detail.status)) {
      throw new AppError(ErrorCode.CONFLICT, '発送は決裁の後（回答準備・発送済の段階）に記録してください。');
    }
    if (input.sentOn > this.today()) throw bad(['dispatch', 'sentOn'], '発送日に未来の日付は指定できません。');
    if (input.sentOn < detail.arrivalDate) throw bad(['dispatch', 'sentOn'], '発送日が到達日より前になっています。');
    const dispatchId = randomUUID();
    this.vault.write(
      'requests.dispatch',
      id,
      `dispatch=${dispatchId} method=${input.method} sent=${input.sentOn}`,
      (db) => {
        insertDispatch(db, {
          id: dispatchId,
          requestId: id,
          data: JSON.stringify({
            letter: input.letter,
            sentOn: input.sentOn,
            method: input.method,
            trackingNo: input.trackingNo,
          }),
          by: session.accountId,
          at: this.clock().toISOString(),
        });
        this.event(db, id, 'dispatch', detail.status, detail.status, input.letter);
      },
    );
    return this.get(id);
  }

  recordDisposal(id: string, method: Disposal['method'], date: IsoDate): RequestDetail {
    const detail = this.get(id);
    if (!canRecord('disposal', detail.status)) {
      throw new AppError(
        ErrorCode.CONFLICT,
        '本人確認書類の写しの処理は、決裁の後（回答準備・発送済）か、取下げ・応じられない・請求なしで終了した後に記録してください。',
      );
    }
    if (detail.disposal) throw new AppError(ErrorCode.CONFLICT, '本人確認書類の写しの処理は記録済みです。');
    if (method === 'none' && detail.identity.documents.length > 0) {
      throw bad(['method'], '本人確認書類の写しを受領しています。返却または廃棄を記録してください。');
    }
    if (date > this.today()) throw bad(['date'], '日付に未来の日付は指定できません。');
    if (date < detail.arrivalDate) throw bad(['date'], '日付が到達日より前になっています。');
    const value: Disposal = { method, date };
    this.vault.write('requests.disposal', id, `method=${method} date=${date}`, (db) => {
      setProcessing(db, id, { disposal_json: JSON.stringify(value) }, this.clock().toISOString());
      this.event(db, id, 'disposal', detail.status, detail.status, '');
    });
    return this.get(id);
  }
}
