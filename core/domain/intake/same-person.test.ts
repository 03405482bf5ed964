import { describe, expect, it } from 'vitest';
import { addressKey, outcomeSummary, personKeys, samePersonMatch, samePersonSince } from './same-person';

const taro = {
  name: '山田 太郎',
  kana: 'ヤマダ タロウ',
  birthDate: '1980-04-01',
  address: '東京都千代田区千代田1-1',
  phone: '03-1234-5678',
};

describe('same person', () => {
  it('compares addresses however the 丁目・番・号 and widths are written', () => {
    const same = [
      '東京都千代田区千代田1-1',
      '東京都千代田区千代田１－１',
      '東京都 千代田区千代田一丁目1番',
      '東京都千代田区千代田1丁目1番地',
      '東京都千代田区千代田1−1',
    ];
    for (const a of same) expect(addressKey(a), a).toBe('東京都千代田区千代田1-1');
    expect(addressKey('大阪市北区梅田二十三丁目4番5号')).toBe('大阪市北区梅田23-4-5');
    expect(addressKey('東京都千代田区千代田1-1-101')).not.toBe(addressKey('東京都千代田区千代田1-1'));
    // A long vowel mark in a building name stays.
    expect(addressKey('センタービル')).toBe('センタービル');
  });

  it('takes a name and one of 生年月日・住所・電話番号 for the same person, never a name alone', () => {
    const me = personKeys(taro);
    expect(samePersonMatch(me, personKeys({ ...taro, name: '山田太郎', kana: 'やまだたろう' }))).toEqual([
      'name',
      'kana',
      'birthDate',
      'address',
      'phone',
    ]);
    expect(
      samePersonMatch(me, personKeys({ ...taro, birthDate: null, phone: '', address: '千代田区千代田一丁目1番' })),
    ).toBeNull();
    expect(
      samePersonMatch(
        me,
        personKeys({ ...taro, birthDate: null, phone: '', address: '東京都千代田区千代田一丁目1番' }),
      ),
    ).toEqual(['name', 'kana', 'address']);
    expect(samePersonMatch(me, personKeys({ ...taro, name: '別人', birthDate: null, address: '' }))).toEqual([
      'kana',
      'phone',
    ]);
    // Namesakes: the same name and reading, nothing else in common.
    expect(
      samePersonMatch(me, personKeys({ ...taro, birthDate: '1990-01-01', address: '大阪', phone: '' })),
    ).toBeNull();
    // Fields nobody gave match nothing.
    const bare = personKeys({ ...taro, birthDate: null, address: '', phone: '' });
    expect(samePersonMatch(bare, bare)).toBeNull();
  });

  it('counts the period back from the reference day', () => {
    expect(samePersonSince('2026-11-20', 12)).toBe('2025-11-20');
    expect(samePersonSince('2026-03-31', 1)).toBe('2026-02-28');
  });

  it('says what became of a request', () => {
    expect(
      outcomeSummary('completed', [
        { kind: 'disclosure', outcome: 'partial' },
        { kind: 'correction', outcome: 'notDone' },
      ]),
    ).toBe('開示: 一部開示、訂正: 訂正等を行わない');
    expect(outcomeSummary('withdrawn', [])).toBe('取下げ');
    expect(outcomeSummary('deemedWithdrawn', [{ kind: 'disclosure', outcome: 'full' }])).toBe('請求なし');
    expect(outcomeSummary('declined', [])).toBe('応じられない');
    // A draft decision of an open request is not an outcome yet.
    expect(outcomeSummary('awaitingApproval', [{ kind: 'disclosure', outcome: 'full' }])).toBe('処理中（決裁待ち）');
  });
});
