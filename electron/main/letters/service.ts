import { createHash, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { defaultWindow, ErrorCode, listFilter, type LetterInfo, type RequestDetail } from '../../../core/contract';
import { japanToday, type IsoDate } from '../../../core/domain/dates';
import {
  buildLetter,
  defaultLetterTemplates,
  letterLabels,
  lettersFor,
  type Letter,
  type LetterCase,
  type LetterKind,
  type LetterTemplate,
} from '../../../core/domain/letters/catalogue';
import { sampleCaseFor } from '../../../core/domain/letters/sample';
import type { Organisation } from '../../../core/domain/organisation';
import {
  documentNoTaken,
  getLetterPdf,
  peekLetterSerial,
  setLetterSerial,
  getSeal,
  insertLetter,
  listLetters,
  nextLetterSerial,
} from '../db/repositories/letters';
import type { FileDialogs } from '../files/dialogs';
import type { FontCoverage } from '../pdf/glyphs';
import type { LetterFonts } from '../pdf/fonts';
import { renderLetter } from '../pdf/lazy';
import { AppError } from '../errors';
import { readFees, readLetterSettings, readOrganisation, readProcessingSettings } from '../settings/policies';
import { currentApproval, currentLetters, isDecisionLetter } from '../requests/approved';
import type { RequestQueries } from '../requests/queries';
import type { Vault } from '../vault/vault';
import type { SigningMaterial } from './signing';

import { assertStillCurrent, DISPATCHED_NO_NEW, finalizeBlocked } from './approval-gates';
import { letterCase } from './letter-case';
import { assertPrintable } from './printable';
import { recordAnnexes, withRecordAnnexes } from './record-annexes';

export class LettersService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly dialogs: FileDialogs,
    private readonly requests: RequestQueries,
    private readonly fonts: LetterFonts,
    private readonly coverage: FontCoverage,
    private readonly signing: SigningMaterial,
  ) {}

  private session() {
    const s = this.vault.session();
    if (!s) throw new AppError(ErrorCode.LOCKED, 'ロックされています。ログインしてください。');
    return s;
  }

  private async organisation(): Promise<Organisation> {
    const org = await readOrganisation(this.vault.q());
    if (!org)
      throw new AppError(ErrorCode.CONFLICT, '組織情報が設定されていません。設定 › 組織情報を入力してください。');
    return org;
  }

  private async build(
    r: RequestDetail,
    kind: LetterKind,
    documentNo: string,
    date: IsoDate,
    template?: LetterTemplate,
    reissue: { originalNo: string } | null = null,
  ): Promise<Letter> {
    const s = await readLetterSettings(this.vault.q());
    return buildLetter(kind, await this.caseOf(r), await this.organisation(), {
      documentNo,
      date,
      dateStyle: s.dateStyle,
      template: template ?? s.templates[kind] ?? defaultLetterTemplates[kind],
      reissue,
    });
  }

  private async caseOf(r: RequestDetail): Promise<LetterCase> {
    const db = this.vault.q();
    return letterCase(r, {
      closedDays: (await readProcessingSettings(db)).closedDays,
      acceptedMeans: (await readFees(db)).accepted,
    });
  }

  async list(requestId: string): Promise<LetterInfo> {
    const r = await this.requests.get(requestId);
    const db = this.vault.q();
    const done = await listLetters(db, requestId);
    const approval = await currentApproval(db, requestId);
    return {
      available: lettersFor(await this.caseOf(r), r.status).map((kind) => {
        const issued = currentLetters(done, kind, approval).length > 0;
        const blocked = finalizeBlocked(r, kind, issued, this.session());
        // What the page offers: 確定する for a letter not issued yet, 再発行 for one issued, and
        // nothing for a decision letter that can no longer be issued for the first time.
        const action = issued ? 'reissue' : blocked === DISPATCHED_NO_NEW ? 'none' : 'finalize';
        return { kind, label: letterLabels[kind], blocked, action };
      }),
      finalized: done.map((l) => ({
        id: l.id,
        kind: l.kind as LetterKind,
        label: letterLabels[l.kind as LetterKind],
        documentNo: l.document_no,
        sha256: l.sha256,
        signed: l.signed === 1,
        createdBy: r.accountNames[l.created_by] ?? l.created_by,
        createdAt: l.created_at,
        // A decision letter of an approval since sent back: kept on record, never sent.
        superseded: isDecisionLetter(l.kind) && (approval === null || l.approval_event !== approval.event),
      })),
      signing: (await this.signing.certificate()) !== null,
    };
  }

  private async assertAvailable(r: RequestDetail, kind: LetterKind): Promise<void> {
    if (!lettersFor(await this.caseOf(r), r.status).includes(kind)) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `この請求では「${letterLabels[kind]}」は作成できません（記録がそろっていません）。`,
      );
    }
  }

  // The decision letters still to finalize for the requests whose answer is being prepared:
  // what "finalize and print all letters ready today" works through.
  async pending(): Promise<{ requestId: string; receiptNo: string; kind: LetterKind; label: string }[]> {
    const page = await this.requests.list(listFilter({ statuses: ['preparingAnswer'], sort: 'dueAsc', limit: 200 }));
    const notices: readonly LetterKind[] = ['receipt', 'cure', 'feeShortfall', 'extension'];
    const out: { requestId: string; receiptNo: string; kind: LetterKind; label: string }[] = [];
    for (const row of page.rows) {
      const r = await this.requests.get(row.id);
      const db = this.vault.q();
      const done = await listLetters(db, row.id);
      const approval = await currentApproval(db, row.id);
      for (const kind of lettersFor(await this.caseOf(r), r.status)) {
        if (!notices.includes(kind) && currentLetters(done, kind, approval).length === 0)
          out.push({ requestId: row.id, receiptNo: r.receiptNo, kind, label: letterLabels[kind] });
      }
    }
    return out;
  }

  // A draft to look at: not numbered, not signed, not stored.
  async preview(requestId: string, kind: LetterKind): Promise<{ base64: string }> {
    const r = await this.requests.get(requestId);
    await this.assertAvailable(r, kind);
    const letter = withRecordAnnexes(
      await this.build(r, kind, '（確定時に採番）', japanToday(this.clock())),
      await recordAnnexes(this.vault, r, kind),
    );
    const rendered = await renderLetter(letter, this.fonts, await this.renderOptions(true));
    return { base64: Buffer.from(rendered.bytes).toString('base64') };
  }

  // A template as the administrator edits it, on a fictional request.
  async templatePreview(kind: LetterKind, template: LetterTemplate): Promise<{ base64: string }> {
    const letter = buildLetter(kind, sampleCaseFor(kind), await this.organisation(), {
      documentNo: '個保第1号',
      date: japanToday(this.clock()),
      dateStyle: (await readLetterSettings(this.vault.q())).dateStyle,
      template,
    });
    const rendered = await renderLetter(letter, this.fonts, await this.renderOptions(true));
    return { base64: Buffer.from(rendered.bytes).toString('base64') };
  }

  private async renderOptions(preview = false) {
    const s = await readLetterSettings(this.vault.q());
    return {
      windowEnvelope: s.windowEnvelope,
      window: s.window ?? defaultWindow,
      // The preview outlines the envelope window; a finalized letter does not.
      showWindow: preview && s.windowEnvelope,
      seal: await getSeal(this.vault.q()),
    };
  }

  private async documentNo(serial: number, date: IsoDate): Promise<string> {
    const year = Number(date.slice(0, 4));
    return (await readLetterSettings(this.vault.q())).documentNoPattern
      .replaceAll('{年}', String(year))
      .replaceAll('{連番}', String(serial));
  }

  // The next free serial of the year, without taking it (taken when the letter is stored).
  private async peekSerial(date: IsoDate): Promise<number> {
    const db = this.vault.q();
    const year = Number(date.slice(0, 4));
    let serial = await peekLetterSerial(db, year);
    while (await documentNoTaken(db, await this.documentNo(serial, date))) serial += 1;
    return serial;
  }

  // One letter is finalized at a time: the number printed is the number stored.
  private finalizing: Promise<unknown> = Promise.resolve();

  // Numbers, renders, signs (when a certificate is set) and stores a letter; its bytes and
  // SHA-256 never change afterwards, so a reprint is the same document. A letter already
  // finalized is issued again only as an explicit 再発行 with a reason, and says so.
  async finalize(
    requestId: string,
    kind: LetterKind,
    reissueReason?: string,
  ): Promise<{ id: string; documentNo: string; signed: boolean }> {
    const run = this.finalizing.then(() => this.finalizeNow(requestId, kind, reissueReason?.trim() ?? ''));
    this.finalizing = run.catch(() => undefined);
    return run;
  }

  private async finalizeNow(
    requestId: string,
    kind: LetterKind,
    reissueReason: string,
  ): Promise<{ id: string; documentNo: string; signed: boolean }> {
    const session = this.session();
    const r = await this.requests.get(requestId);
    await this.assertAvailable(r, kind);
    const decision = isDecisionLetter(kind);
    // The approval the letter is made under, checked again where it is stored.
    const approval = decision ? await currentApproval(this.vault.q(), requestId) : null;
    const previous = currentLetters(await listLetters(this.vault.q(), requestId), kind, approval);
    const original = previous[0];
    const block = finalizeBlocked(r, kind, original !== undefined, this.session());
    if (block) throw new AppError(ErrorCode.CONFLICT, block);
    if (decision && approval === null) {
      throw new AppError(ErrorCode.CONFLICT, '決定が承認（決裁）されていないため確定できません。');
    }
    if (original && reissueReason === '') {
      throw new AppError(
        ErrorCode.CONFLICT,
        `「${letterLabels[kind]}」は文書番号「${original.document_no}」で確定済みです。もう一度発行する場合は、再発行の理由を入力してください。`,
      );
    }
    if (!original && reissueReason !== '') {
      throw new AppError(ErrorCode.BAD_INPUT, 'まだ確定していない書類は再発行できません。');
    }
    const reissue = original ? { originalNo: original.document_no } : null;
    const now = this.clock();
    const today = japanToday(now);
    // Checked before a number is taken: a refused letter uses none.
    const annexes = await recordAnnexes(this.vault, r, kind);
    await assertPrintable(
      this.coverage,
      withRecordAnnexes(await this.build(r, kind, '', today, undefined, reissue), annexes),
      r,
    );
    const org = await this.organisation();
    const signer = await this.signing.signer();
    const serial = await this.peekSerial(today);
    const documentNo = await this.documentNo(serial, today);
    const letter = withRecordAnnexes(await this.build(r, kind, documentNo, today, undefined, reissue), annexes);
    let rendered: Awaited<ReturnType<typeof renderLetter>>;
    try {
      rendered = await renderLetter(letter, this.fonts, {
        ...(await this.renderOptions()),
        title: `${letterLabels[kind]}（${r.receiptNo}）`,
        ...(signer
          ? {
              signature: {
                signer,
                at: now,
                name: `${org.companyName} ${org.officerTitle} ${org.officerName}`,
                reason: letter.title,
                location: org.address,
                contactInfo: org.contactPhone || org.contactEmail || org.contactName,
              },
            }
          : {}),
      });
    } catch (e) {
      // A letter the layout refuses (an address too long for the window) says why.
      if (e instanceof AppError) throw e;
      throw new AppError(
        ErrorCode.INTERNAL,
        '回答書の作成（電子署名）に失敗しました。文書番号は使われていません。署名用の証明書をご確認のうえ、もう一度お試しください。',
      );
    }
    const id = randomUUID();
    const sha256 = createHash('sha256').update(rendered.bytes).digest('hex');
    const detail = `letter=${id} kind=${kind} signed=${String(rendered.signed)}${reissue ? ' reissue=1' : ''}`;
    // The number is taken with the bytes that print it, in one transaction: a failure before
    // this point uses no number.
    await this.vault.write(reissue ? 'letters.reissue' : 'letters.finalize', r.id, detail, async (db) => {
      // Rendering takes seconds (a 100-page 別紙): the approval it was checked against must
      // still be the one the decision stands on, and the letter still the first or a 再発行.
      if (decision) await assertStillCurrent(db, r.id, kind, approval, original);
      const taken = await nextLetterSerial(db, Number(today.slice(0, 4)));
      if (taken > serial || (await documentNoTaken(db, documentNo))) {
        throw new AppError(ErrorCode.CONFLICT, '文書番号が他の書類と重なりました。もう一度確定してください。');
      }
      if (taken < serial) await setLetterSerial(db, Number(today.slice(0, 4)), serial);
      await insertLetter(db, {
        id,
        request_id: r.id,
        kind,
        document_no: documentNo,
        sha256,
        signed: rendered.signed,
        created_by: session.accountId,
        created_at: now.toISOString(),
        pdf: rendered.bytes,
        reissue_reason: reissue ? reissueReason : null,
        approval_event: approval?.event ?? null,
      });
    });
    return { id, documentNo, signed: rendered.signed };
  }

  async content(letterId: string): Promise<{ base64: string; sha256: string }> {
    const row = await getLetterPdf(this.vault.q(), letterId);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '回答書が見つかりません。');
    return { base64: row.pdf.toString('base64'), sha256: row.sha256 };
  }

  // Printing happens in the renderer (the system print dialog); this records that it was asked.
  async printed(letterId: string): Promise<Record<string, never>> {
    const row = await getLetterPdf(this.vault.q(), letterId);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '回答書が見つかりません。');
    await this.vault.write('letters.print', row.request_id, `letter=${letterId}`, () => undefined);
    return {};
  }

  async save(letterId: string): Promise<{ saved: boolean }> {
    const row = await getLetterPdf(this.vault.q(), letterId);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, '回答書が見つかりません。');
    const path = await this.dialogs.saveFile({
      title: '回答書の保存',
      defaultName: `${row.document_no.replace(/[\\/:*?"<>|]/g, '_')}.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (path === null) return { saved: false };
    await writeFile(path, row.pdf);
    await this.vault.write('letters.save', row.request_id, `letter=${letterId}`, () => undefined);
    return { saved: true };
  }
}
