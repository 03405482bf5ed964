import { z } from 'zod';
import { transitionContext } from '../../../core/domain/transition-context';
import {
  Cure,
  Disposal,
  FeeReturn,
  Suspicion,
  Extension,
  ErrorCode,
  ProcessingSettings,
  type ChannelOutput,
  type ListFilter,
  type RequestDetail,
  type RequestSummary,
  type Session,
} from '../../../core/contract';
import { addDays, japanToday, type IsoDate } from '../../../core/domain/dates';
import { computeDeadlines, curePauses, type Deadlines } from '../../../core/domain/deadlines';
import { SearchRecord } from '../../../core/domain/searches';
import { OutsideLaw, outsideLawCategoryLabels } from '../../../core/domain/outside-law';
import { evaluateFee, type FeeSchedule } from '../../../core/domain/intake/fees';
import { agencyEnded, evaluateIdentity, type IdentityPolicy } from '../../../core/domain/intake/identity';
import {
  article39Applies,
  kindInfo,
  type Channel,
  type RequestKind,
  type RequesterType,
} from '../../../core/domain/intake/kinds';
import type { RegisteredMatch } from '../../../core/domain/intake/identity-rules';
import { DisclosureMethod, IdentityDocumentInput, Party, RequestItem } from '../../../core/domain/intake/request';
import { kanaKey, searchTerms } from '../../../core/domain/intake/text';
import {
  actionsFrom,
  notStartedStates,
  overdueStates,
  closedStates,
  isState,
  primaryActions,
  transition,
} from '../../../core/domain/workflow';
import type { Q } from '../db/store';
import {
  accountNames,
  getDocuments,
  getItems,
  getParties,
  getRequestRow,
  listEvents,
  requestIdsForDeadlines,
  setProcessing,
  type EventRow,
  type RequestRow,
} from '../db/repositories/requests';
import { listEnclosures } from '../db/repositories/enclosures';
import { dashboardPages, listRequests, searchByKana, searchByReceiptNo } from '../db/repositories/request-list';
import { AppError } from '../errors';
import { readFees, readIdentityPolicy, readLetterSettings, readProcessingSettings } from '../settings/policies';
import type { Vault } from '../vault/vault';
import { readDecisions, readDispatches, readLinked, readPayments } from './stored-parts';

export const parseJson = <T>(schema: { parse: (v: unknown) => T }, text: string | null): T | null =>
  text === null ? null : schema.parse(JSON.parse(text));

const DASHBOARD_ROWS = 8; // per list; the rest are counted
const DASHBOARD_WEEK_DAYS = 7; // a rolling week ahead: on a Friday, the next Monday's deadlines too

// What every request's detail reads besides its own rows.
type ReadContext = {
  identityPolicy: IdentityPolicy;
  fees: FeeSchedule;
  processing: ProcessingSettings;
  accountNames: Record<string, string>;
  session: Session | null;
  today: IsoDate;
};

// Reading requests: one request's detail (with the actions open to the account), pages of the
// list and the dashboard, search. Keeps the stored dates current (refreshDeadlines).
export class RequestQueries {
  // The connection whose rows from before migration 0004 have had their dates computed.
  private deadlinesReadyFor: Q | null = null;

  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
  ) {}

  today(): IsoDate {
    return japanToday(this.clock());
  }

  session(): Session {
    const session = this.vault.session();
    if (!session) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
    return session;
  }

  async row(db: Q, id: string): Promise<RequestRow> {
    const row = await getRequestRow(db, id);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '請求が見つかりません。');
    return row;
  }

  private deadlinesOf(
    row: RequestRow,
    events: readonly EventRow[],
    s: ProcessingSettings,
    kinds: readonly string[],
  ): Deadlines {
    const extension = parseJson(Extension, row.extension_json);
    const outside = parseJson(OutsideLaw, row.outside_law_json);
    return computeDeadlines({
      article39Applies: article39Applies(kinds),
      outsideLaw: outside ? outsideLawCategoryLabels[outside.category] : null,
      arrivalDate: row.arrival_date,
      slaBusinessDays: s.slaBusinessDays,
      closedDays: s.closedDays,
      pauses: curePauses(events.map((e) => ({ day: e.day, from: e.from_state, to: e.to_state }))),
      extension: extension ? { date: extension.date, reason: extension.reason } : null,
    });
  }

  // Recomputes and stores the request's dates; called inside every write that can move them.
  async refreshDeadlines(db: Q, id: string): Promise<void> {
    const row = await this.row(db, id);
    const kinds = (await getItems(db, id)).map((i) => i.kind);
    const d = this.deadlinesOf(row, await listEvents(db, id), await readProcessingSettings(db), kinds);
    await setProcessing(
      db,
      id,
      { article39_date: d.article39Date, sla_date: d.slaDate, due_date: d.dueDate },
      this.clock().toISOString(),
    );
  }

  // Rows written before migration 0004 get their dates on first use of a connection.
  private async ensureDeadlines(db: Q): Promise<void> {
    if (this.deadlinesReadyFor === db) return;
    const ids = await requestIdsForDeadlines(db, false, closedStates);
    if (ids.length)
      await this.vault.store().transaction(async (tx) => {
        for (const id of ids) await this.refreshDeadlines(tx, id);
      });
    this.deadlinesReadyFor = db;
  }

  // After the processing policy changed: open requests follow it; closed ones keep the dates
  // they were handled by. Runs inside the caller's transaction.
  async refreshOpenDeadlines(db: Q): Promise<void> {
    for (const id of await requestIdsForDeadlines(db, true, closedStates)) await this.refreshDeadlines(db, id);
  }

  // One read: the request's rows as of one moment (no write in between), and on SQLite its
  // statements run on the connection the read holds.
  async get(id: string): Promise<RequestDetail> {
    await this.ensureDeadlines(this.vault.q());
    return this.vault.store().read(async (q) => this.detail(q, id, await this.readContext(q)));
  }

  // Many requests at once (the ledger): the policies and account names are read once.
  async getMany(ids: readonly string[]): Promise<RequestDetail[]> {
    const db = this.vault.q();
    await this.ensureDeadlines(db);
    const context = await this.readContext(db);
    const out: RequestDetail[] = [];
    for (const id of ids) out.push(await this.detail(db, id, context));
    return out;
  }

  private async readContext(db: Q): Promise<ReadContext> {
    return {
      identityPolicy: await readIdentityPolicy(db),
      fees: await readFees(db),
      processing: await readProcessingSettings(db),
      accountNames: await accountNames(db),
      session: this.vault.session(),
      today: this.today(),
    };
  }

  private async detail(db: Q, id: string, c: ReadContext): Promise<RequestDetail> {
    const row = await this.row(db, id);
    if (row.purged_at) {
      throw new AppError(
        ErrorCode.NOT_FOUND,
        `受付番号 ${row.receipt_no} の請求は、保存期間を過ぎたため削除されています（件数・日付・結果のみ集計用に残っています）。`,
      );
    }
    const parties = await getParties(db, id);
    const party = (role: string) => {
      const found = parties.find((p) => p.role === role);
      return found ? Party.parse(JSON.parse(found.data)) : null;
    };
    const principal = party('principal');
    if (!principal) throw new AppError(ErrorCode.INTERNAL, '請求の記録が壊れています。');
    const items = (await getItems(db, id)).map((i) => RequestItem.parse(JSON.parse(i.details)));
    const documents = (await getDocuments(db, id)).map((d) => IdentityDocumentInput.parse(JSON.parse(d)));
    const payments = await readPayments(db, id);
    const identity = JSON.parse(row.identity_json) as {
      nameAddressMatch: { principal: boolean | null; agent: boolean | null };
      lawyerRegistrationNo: string;
      registeredMatch?: RegisteredMatch;
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
        channel: row.channel as Channel,
        ...(identity.registeredMatch ? { registeredMatch: identity.registeredMatch } : {}),
      },
      c.identityPolicy,
    );
    const events = await listEvents(db, id);
    const decisions = await readDecisions(db, id, kinds);
    const outsideLaw = parseJson(OutsideLaw, row.outside_law_json);
    // Kinds decided as not our 保有個人データ carry no fee; a request outside the Act none at all.
    const fee = evaluateFee(
      kinds,
      c.fees,
      payments,
      decisions.filter((d) => d.decision.outcome === 'notOurs').map((d) => d.kind),
      outsideLaw !== null,
    );
    const dispatches = await readDispatches(db, id);
    const disposal = parseJson(Disposal, row.disposal_json);
    const feeReturn = parseJson(FeeReturn, row.fee_return_json);
    const suspicion = parseJson(Suspicion, row.suspicion_json);
    const searches = parseJson(z.array(SearchRecord), row.searches_json) ?? [];
    const status = isState(row.status) ? row.status : 'received';
    const ended = agencyEnded(
      {
        requesterType: row.requester_type as RequesterType,
        answerTo: row.answer_to === 'agent' ? 'agent' : 'principal',
        principalBirthDate: principal.birthDate,
      },
      c.today,
      c.identityPolicy.adultAge,
    );
    const disclosureMethod = row.disclosure_method ? DisclosureMethod.parse(JSON.parse(row.disclosure_method)) : null;
    const context = transitionContext(
      {
        identity: identityResult.status,
        provisional: row.provisional === 1,
        fee: fee.status,
        cureDue: row.cure_due,
        kinds,
        decisions,
        submittedBy: row.submitted_by,
        history: events.map((e) => ({ action: e.action, accountId: e.account_id })),
        dispatches: dispatches.length,
        disposal: disposal !== null,
        feeReturnPending: fee.toReturn > 0 && feeReturn === null,
        agencyEnded: ended,
        searches,
        requestedMethod: disclosureMethod?.method ?? null,
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
      faxReceivedOn: row.fax_received_on,
      trackingNo: row.tracking_no,
      receivedBy: row.received_by,
      requesterType: row.requester_type as RequesterType,
      principal,
      agent: party('agent'),
      items,
      disclosureMethod,
      answerTo: row.answer_to as 'principal' | 'agent',
      delivery: row.delivery as RequestDetail['delivery'],
      replyAddress: row.reply_address,
      replyPostalCode: row.reply_postal_code,
      notes: row.notes,
      status,
      identity: {
        documents,
        nameAddressMatch: identity.nameAddressMatch,
        lawyerRegistrationNo: identity.lawyerRegistrationNo,
        ...(identity.registeredMatch ? { registeredMatch: identity.registeredMatch } : {}),
        result: identityResult,
      },
      payments,
      fee,
      enclosures: (await listEnclosures(db, id)).map((e) => ({
        id: e.id,
        type: e.type as RequestDetail['enclosures'][number]['type'],
        mime: e.mime,
        size: e.size,
        sha256: e.sha256,
        addedAt: e.added_at,
      })),
      deadlines: this.deadlinesOf(row, events, c.processing, kinds),
      cure: parseJson(Cure, row.cure_json),
      decisions,
      submittedBy: row.submitted_by,
      agencyEnded: ended,
      approvedBy: row.approved_by,
      extension: parseJson(Extension, row.extension_json),
      dispatches,
      disposal,
      feeReturn,
      suspicion,
      searches,
      outsideLaw,
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
        // Decisions saved before this version name the kind by its code.
        comment:
          e.action === 'decision' && Object.hasOwn(kindInfo, e.comment)
            ? kindInfo[e.comment as RequestKind].label
            : e.comment,
      })),
      availableActions: available,
      createdAt: row.created_at,
      linked: await readLinked(db, id, row.split_from),
    };
  }

  async list(f: ListFilter): Promise<ChannelOutput<'requests.list'>> {
    const db = this.vault.q();
    await this.ensureDeadlines(db);
    const terms = searchTerms(f.query);
    const page = await listRequests(db, {
      statuses: f.statuses,
      kind: f.kind,
      channel: f.channel,
      from: f.from,
      to: f.to,
      overdueBefore: f.overdue ? this.today() : null,
      overdueStatuses: overdueStates,
      receiptPrefix: terms.receiptNo,
      kanaPrefix: terms.kana,
      namePrefix: terms.name,
      sort: f.sort,
      offset: f.offset,
      limit: f.limit,
    });
    return page;
  }

  async dashboard(): Promise<ChannelOutput<'requests.dashboard'>> {
    const db = this.vault.q();
    await this.ensureDeadlines(db);
    const session = this.session();
    const today = this.today();
    const weekEnd = addDays(today, DASHBOARD_WEEK_DAYS);
    return {
      today,
      dateStyle: (await readLetterSettings(db)).dateStyle,
      weekEnd,
      ...(await dashboardPages(db, {
        today,
        weekEnd,
        open: overdueStates,
        fresh: notStartedStates,
        approverId: session.roles.includes('approver') ? session.accountId : null,
        limit: DASHBOARD_ROWS,
      })),
    };
  }

  // A search by 受付番号 (anything with a digit) or by フリガナ.
  async search(query: string, limit: number): Promise<RequestSummary[]> {
    const db = this.vault.q();
    const terms = searchTerms(query);
    if (terms.receiptNo !== null) return await searchByReceiptNo(db, terms.receiptNo, limit);
    return await searchByKana(db, kanaKey(query.normalize('NFKC').trim()), limit);
  }
}
