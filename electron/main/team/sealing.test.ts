import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BLIND_BYTES, candidateMatches, FieldSealer, SealError, type SealPlace } from './sealing';

const place: SealPlace = { table: 'request_parties', rowId: '3f0c1a2e-0000-4000-8000-000000000001', column: 'data' };
const master1 = randomBytes(32);
const master2 = randomBytes(32);

describe('sealed fields', () => {
  const sealer = new FieldSealer({ generation: 1, master: master1 });

  it('opens what it sealed, and the sealed bytes hold nothing of the value', () => {
    const value = '山田 太郎 東京都千代田区千代田1-1';
    const sealed = sealer.seal(value, place);
    expect(sealer.openText(sealed, place)).toBe(value);
    expect(sealed.includes(Buffer.from(value, 'utf8'))).toBe(false);
    expect(sealed.includes(Buffer.from('山田', 'utf8'))).toBe(false);
    // A fresh nonce each time: the same value sealed twice looks different.
    expect(sealer.seal(value, place).equals(sealed)).toBe(false);
    const bytes = randomBytes(100);
    expect(sealer.open(sealer.seal(bytes, place), place).equals(bytes)).toBe(true);
  });

  it('does not open a value moved to another row, column or table', () => {
    const sealed = sealer.seal('090-1234-5678', place);
    for (const moved of [
      { ...place, rowId: '3f0c1a2e-0000-4000-8000-000000000002' },
      { ...place, column: 'notes' },
      { ...place, table: 'requests' },
    ]) {
      expect(() => sealer.open(sealed, moved)).toThrow(SealError);
    }
  });

  it('does not open a value altered anywhere: header, nonce, tag or body; nor a cut one', () => {
    const sealed = sealer.seal('090-1234-5678', place);
    for (let i = 0; i < sealed.length; i++) {
      const altered = Buffer.from(sealed);
      altered[i] = (altered[i] ?? 0) ^ 0x01;
      expect(() => sealer.open(altered, place), `byte ${i}`).toThrow(SealError);
    }
    expect(() => sealer.open(sealed.subarray(0, sealed.length - 1), place)).toThrow(SealError);
    expect(() => sealer.open(sealed.subarray(0, 20), place)).toThrow(SealError);
    expect(() => sealer.open(Buffer.from('090-1234-5678'), place)).toThrow(SealError);
  });

  it('does not open under another team key', () => {
    const other = new FieldSealer({ generation: 1, master: master2 });
    expect(() => other.open(sealer.seal('山田 太郎', place), place)).toThrow(SealError);
  });

  it('opens both generations during a re-seal, and seals under the new one', () => {
    const old = sealer.seal('山田 太郎', place);
    const during = new FieldSealer({ generation: 2, master: master2 }, [{ generation: 1, master: master1 }]);
    expect(during.openText(old, place)).toBe('山田 太郎');
    const resealed = during.seal(during.open(old, place), place);
    expect(FieldSealer.generationOf(old)).toBe(1);
    expect(FieldSealer.generationOf(resealed)).toBe(2);
    // After the job: the old key is gone, old values no longer open, new ones do.
    const after = new FieldSealer({ generation: 2, master: master2 });
    expect(() => after.open(old, place)).toThrow(/does not hold/);
    expect(after.openText(resealed, place)).toBe('山田 太郎');
  });

  it('refuses a place without its parts and a key of the wrong size', () => {
    expect(() => sealer.seal('x', { ...place, rowId: '' })).toThrow(/row id/);
    expect(() => sealer.seal('x', { ...place, column: 'a\0b' })).toThrow(/row id/);
    expect(() => new FieldSealer({ generation: 1, master: randomBytes(16) })).toThrow(/32 bytes/);
    expect(() => new FieldSealer({ generation: 0, master: master1 })).toThrow(/generation/);
  });
});

describe('blind indexes', () => {
  const sealer = new FieldSealer({ generation: 1, master: master1 });
  const index = (field: Parameters<FieldSealer['blindIndex']>[0], v: string) =>
    sealer.blindIndex(field, v)?.toString('hex') ?? null;

  it('are equal for values equal after the search normalization, and short', () => {
    expect(index('kana', 'ヤマダ タロウ')).toBe(index('kana', 'やまだ　たろう'));
    expect(index('kana', 'ﾔﾏﾀﾞ ﾀﾛｳ')).toBe(index('kana', 'ヤマダタロウ'));
    expect(index('name', '山田　太郎')).toBe(index('name', '山田太郎'));
    expect(index('phone', '０９０－１２３４－５６７８')).toBe(index('phone', '09012345678'));
    expect(index('email', ' Taro@Example.JP ')).toBe(index('email', 'taro@example.jp'));
    expect(index('postalCode', '〒100-0001')).toBe(index('postalCode', '1000001'));
    expect(sealer.blindIndex('name', '山田太郎')?.length).toBe(BLIND_BYTES);
  });

  it('differ for different values, fields and team keys', () => {
    expect(index('kana', 'ヤマダタロウ')).not.toBe(index('kana', 'ヤマダジロウ'));
    expect(index('name', 'ヤマダ')).not.toBe(index('kana', 'ヤマダ'));
    const other = new FieldSealer({ generation: 1, master: master2 });
    expect(other.blindIndex('name', '山田太郎')?.toString('hex')).not.toBe(index('name', '山田太郎'));
  });

  it('index family and given names apart, and nothing for an empty value', () => {
    expect(index('nameFamily', '山田 太郎')).toBe(index('nameFamily', '山田　花子'));
    expect(index('nameFamily', '山田 太郎')).not.toBe(index('nameFamily', '佐藤 太郎'));
    expect(index('nameGiven', '山田 太郎')).toBe(index('nameGiven', '佐藤 太郎'));
    expect(index('kanaGiven', 'ヤマダ タロウ')).toBe(index('kanaGiven', 'サトウ たろう'));
    expect(index('nameFamily', '山田太郎')).toBeNull();
    expect(index('phone', '')).toBeNull();
    expect(index('birthDate', '昭和50年')).toBeNull();
  });

  it('during a re-seal, a search asks for the index under each generation', () => {
    const during = new FieldSealer({ generation: 2, master: master2 }, [{ generation: 1, master: master1 }]);
    const all = during.blindIndexes('kana', 'ヤマダタロウ').map((b) => b.toString('hex'));
    expect(all).toEqual([
      new FieldSealer({ generation: 2, master: master2 }).blindIndex('kana', 'ヤマダタロウ')?.toString('hex'),
      index('kana', 'ヤマダタロウ'),
    ]);
  });

  it('candidates found by a shared index are kept only when the value matches', () => {
    expect(candidateMatches('kana', 'やまだ たろう', 'ヤマダタロウ')).toBe(true);
    expect(candidateMatches('kana', 'ヤマダタロウ', 'ヤマダジロウ')).toBe(false);
    expect(candidateMatches('phone', '', '')).toBe(false);
  });
});
