import { expect, it } from 'vitest';
import { seedRequest } from '../../testing/request-rows';
import { forEachEngine } from '../../testing/stores';
import {
  deleteSeal,
  deleteSigningIdentity,
  documentNoTaken,
  getLetterPdf,
  getSeal,
  getSigningIdentity,
  insertLetter,
  listLetters,
  nextLetterSerial,
  peekLetterSerial,
  putSeal,
  putSigningIdentity,
  setLetterSerial,
} from './letters';

const AT = '2024-04-01T09:00:00.000Z';

function letter(
  id: string,
  requestId: string,
  createdAt: string,
  more: Partial<Parameters<typeof insertLetter>[1]> = {},
) {
  return {
    id,
    request_id: requestId,
    kind: 'disclosureDecision',
    document_no: `DOC-${id}`,
    sha256: `sha-${id}`,
    signed: false,
    created_by: 'acct',
    created_at: createdAt,
    approval_event: null,
    reissue_reason: null,
    pdf: new Uint8Array([37, 80, 68, 70, id.length]),
    ...more,
  };
}

forEachEngine('letters repository', (store) => {
  it('takes serials per year one after another, peeks without taking and can be moved on', async () => {
    const q = store().q;
    expect(await peekLetterSerial(q, 2031)).toBe(1);
    expect(await nextLetterSerial(q, 2031)).toBe(1);
    expect(await nextLetterSerial(q, 2031)).toBe(2);
    expect(await peekLetterSerial(q, 2031)).toBe(3);
    expect(await peekLetterSerial(q, 2031)).toBe(3);
    expect(await nextLetterSerial(q, 2032)).toBe(1);
    await setLetterSerial(q, 2031, 10);
    expect(await peekLetterSerial(q, 2031)).toBe(11);
    expect(await nextLetterSerial(q, 2031)).toBe(11);
    expect(await peekLetterSerial(q, 2032)).toBe(2);
  });

  it('lists a request’s letters in the order they were issued, whatever their clock says', async () => {
    const q = store().q;
    await seedRequest(q, 'req-order');
    await seedRequest(q, 'req-other');
    await insertLetter(q, letter('first', 'req-order', '2024-05-02T10:00:00.000Z'));
    // The PC's clock was set back: the 再発行 carries an earlier time but came second.
    await insertLetter(q, letter('second', 'req-order', '2024-05-01T10:00:00.000Z', { reissue_reason: '誤記' }));
    await insertLetter(q, letter('third', 'req-order', '2024-05-01T09:00:00.000Z'));
    await insertLetter(q, letter('elsewhere', 'req-other', '2024-05-01T08:00:00.000Z'));
    const rows = await listLetters(q, 'req-order');
    expect(rows.map((r) => r.id)).toEqual(['first', 'second', 'third']);
    expect(rows[0]).toEqual({
      id: 'first',
      request_id: 'req-order',
      kind: 'disclosureDecision',
      document_no: 'DOC-first',
      sha256: 'sha-first',
      signed: 0,
      created_by: 'acct',
      created_at: '2024-05-02T10:00:00.000Z',
      approval_event: null,
    });
    expect(await listLetters(q, 'req-none')).toEqual([]);
  });

  it('stores the PDF bytes, the signed flag, the reissue reason and the approval, and reads them back', async () => {
    const q = store().q;
    await seedRequest(q, 'req-pdf');
    const pdf = new Uint8Array([1, 2, 3, 0, 255]);
    await insertLetter(
      q,
      letter('pdf', 'req-pdf', AT, { signed: true, pdf, reissue_reason: '紛失', approval_event: 7 }),
    );
    const row = await getLetterPdf(q, 'pdf');
    expect(row).not.toBeNull();
    expect(Buffer.isBuffer(row?.pdf)).toBe(true);
    expect([...(row?.pdf ?? [])]).toEqual([1, 2, 3, 0, 255]);
    expect(row).toMatchObject({
      id: 'pdf',
      signed: 1,
      reissue_reason: '紛失',
      approval_event: 7,
      document_no: 'DOC-pdf',
    });
    expect(await getLetterPdf(q, 'missing')).toBeNull();
  });

  it('knows a document number once it is taken, and refuses it twice', async () => {
    const q = store().q;
    await seedRequest(q, 'req-no');
    expect(await documentNoTaken(q, 'DOC-taken')).toBe(false);
    await insertLetter(q, letter('taken', 'req-no', AT));
    expect(await documentNoTaken(q, 'DOC-taken')).toBe(true);
    await expect(insertLetter(q, letter('again', 'req-no', AT, { document_no: 'DOC-taken' }))).rejects.toThrow();
  });

  it('keeps one signing identity: put, replaced, read back, deleted', async () => {
    const q = store().q;
    expect(await getSigningIdentity(q)).toBeNull();
    const identity = {
      key: Buffer.from([9, 8, 7, 0]),
      certificates: '-----BEGIN CERTIFICATE-----',
      subject: 'CN=窓口',
      not_before: '2024-01-01',
      not_after: '2027-01-01',
      imported_by: 'acct',
      imported_at: AT,
    };
    await putSigningIdentity(q, identity);
    await putSigningIdentity(q, { ...identity, key: Buffer.from([1, 2]), subject: 'CN=新', imported_at: '2025-01-01' });
    const row = await getSigningIdentity(q);
    expect(Buffer.isBuffer(row?.key)).toBe(true);
    expect(row).toMatchObject({ ...identity, key: Buffer.from([1, 2]), subject: 'CN=新', imported_at: '2025-01-01' });
    expect(await q.selectFrom('signing_identity').select('id').execute()).toEqual([{ id: 1 }]);
    await deleteSigningIdentity(q);
    expect(await getSigningIdentity(q)).toBeNull();
  });

  it('keeps one seal image: put, replaced, read back, deleted', async () => {
    const q = store().q;
    expect(await getSeal(q)).toBeNull();
    await putSeal(q, Buffer.from([0x89, 0x50]), 'acct', AT);
    await putSeal(q, Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'other', '2025-01-01');
    const png = await getSeal(q);
    expect(Buffer.isBuffer(png)).toBe(true);
    expect(png).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(await q.selectFrom('seal_image').select(['id', 'imported_by', 'imported_at']).execute()).toEqual([
      { id: 1, imported_by: 'other', imported_at: '2025-01-01' },
    ]);
    await deleteSeal(q);
    expect(await getSeal(q)).toBeNull();
  });
});
