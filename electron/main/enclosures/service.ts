import { createHash, randomUUID } from 'node:crypto';
import { ErrorCode, type Enclosure } from '../../../core/contract';
import { japanToday } from '../../../core/domain/dates';
import { type RecordKind } from '../../../core/domain/workflow';
import { getEnclosureContent, insertEnclosure, deleteEnclosure, getEnclosureRow } from '../db/repositories/enclosures';
import { getRequestRow, insertEvent } from '../db/repositories/requests';
import type { FileDialogs } from '../files/dialogs';
import { imageProblem } from '../files/image-limits';
import { readChosenFile } from '../files/read-chosen';
import { sniffMime } from '../files/sniff';
import { AppError, refusals } from '../errors';
import type { RequestQueries } from '../requests/queries';
import type { Vault } from '../vault/vault';

export const MAX_ENCLOSURE_BYTES = 20 * 1024 * 1024;

// The scanned documents enclosed with a request (ID copies, 委任状, certificates): imported from a
// file chosen in a dialog, checked by content and size, stored encrypted in the database.
export class EnclosuresService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: () => Date,
    private readonly dialogs: FileDialogs,
    private readonly requests: RequestQueries,
  ) {}

  async add(requestId: string, type: Enclosure['type']): Promise<Enclosure | null> {
    const session = this.vault.session();
    if (!session) throw refusals.locked();
    if (!(await getRequestRow(this.vault.q(), requestId))) throw refusals.requestNotFound();
    const path = await this.dialogs.openFile({
      title: '同封書類の取り込み',
      filters: [
        { name: 'PDF・画像（PDF, PNG, JPEG, TIFF）', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff'] },
      ],
    });
    if (path === null) return null;
    const content = await readChosenFile(
      path,
      MAX_ENCLOSURE_BYTES,
      'スキャナーの解像度を下げるか、ページを分けて取り込んでください。',
    );
    const mime = sniffMime(content.subarray(0, 16));
    if (!mime) {
      throw new AppError(
        ErrorCode.BAD_INPUT,
        'このファイルは PDF・PNG・JPEG・TIFF のいずれでもありません（拡張子ではなく内容で判定しています）。スキャンした書類のファイルを選択してください。',
      );
    }
    // Checked from the header, before anything decodes the pixels.
    const tooBig = imageProblem(content, mime);
    if (tooBig) throw new AppError(ErrorCode.BAD_INPUT, tooBig);
    const enclosure: Enclosure = {
      id: randomUUID(),
      type,
      mime,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      addedAt: this.clock().toISOString(),
    };
    await this.vault.write(
      'enclosures.add',
      requestId,
      `enclosure=${enclosure.id} type=${type} mime=${mime} size=${content.length}`,
      async (db) => {
        await insertEnclosure(db, { ...enclosure, requestId, content, addedBy: session.accountId });
      },
    );
    return enclosure;
  }

  // Removes an enclosure for good (administrators, with a reason kept in the history); the audit
  // log keeps its id, type and SHA-256.
  async remove(id: string, reason: string): Promise<Record<string, never>> {
    const db = this.vault.q();
    const row = await getEnclosureRow(db, id);
    if (!row) throw refusals.enclosureNotFound();
    const current = await this.requests.get(row.request_id);
    await this.vault.write(
      'enclosures.remove',
      row.request_id,
      `enclosure=${id} type=${row.type} sha256=${row.sha256}`,
      async (w) => {
        await deleteEnclosure(w, id);
        await insertEvent(w, {
          requestId: row.request_id,
          at: this.clock().toISOString(),
          day: japanToday(this.clock()),
          accountId: this.vault.session()?.accountId ?? '',
          action: 'enclosureRemoved' satisfies RecordKind,
          from: current.status,
          to: current.status,
          comment: reason,
          closedOn: null,
        });
      },
    );
    return {};
  }

  async content(id: string): Promise<{ mime: string; base64: string }> {
    const found = await getEnclosureContent(this.vault.q(), id);
    if (!found?.content) throw refusals.enclosureNotFound();
    return { mime: found.mime, base64: found.content.toString('base64') };
  }
}
