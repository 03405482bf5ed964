import { describe, expect, it } from 'vitest';
import { addressOf, postalCodeDigits } from '../../../core/domain/intake/postal-code';
import { postalAddresses } from './postal';

describe('postal code → address', () => {
  it('reads a postal code however it is written', () => {
    expect(postalCodeDigits('100-0001')).toBe('1000001');
    expect(postalCodeDigits('〒１００－０００１')).toBe('1000001');
    expect(postalCodeDigits(' 1000001 ')).toBe('1000001');
    expect(postalCodeDigits('100-000')).toBeNull();
    expect(postalCodeDigits('abcdefg')).toBeNull();
  });

  it('gives the prefecture, city and town from Japan Post data, offline', async () => {
    const [a, ...rest] = await postalAddresses('100-0001');
    expect(rest).toEqual([]);
    expect(a).toEqual({ prefecture: '東京都', city: '千代田区', town: '千代田' });
    expect(addressOf(a!)).toBe('東京都千代田区千代田');
    expect(await postalAddresses('〒０６０－００４２')).toEqual([
      { prefecture: '北海道', city: '札幌市中央区', town: '大通西' },
    ]);
  });

  it('returns every candidate of a code shared by several places, and none for an unknown one', async () => {
    const both = await postalAddresses('4980000');
    expect(both.map((a) => a.prefecture)).toEqual(['愛知県', '三重県']);
    expect(await postalAddresses('9999999')).toEqual([]);
    expect(await postalAddresses('12-34')).toEqual([]);
  });
});
