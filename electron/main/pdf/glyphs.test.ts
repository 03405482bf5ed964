import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontCoverage } from './glyphs';

const coverage = FontCoverage.inResources(join(__dirname, '../../../resources'));

describe('letter font coverage', () => {
  it('finds the characters the letter font lacks', async () => {
    expect(await coverage.missing('𠮷野家 太郎')).toEqual(['𠮷']);
    expect(await coverage.missing('𠮷田 𠮷子')).toEqual(['𠮷']);
  });

  it('accepts ordinary names and addresses, old forms, kana and symbols', async () => {
    expect(await coverage.missing('髙橋 﨑子 東京都千代田区千代田1-1 〒100-0001 ㈱サンプル ①')).toEqual([]);
    expect(await coverage.missing('ヤマダ　タロウ\n')).toEqual([]);
  });
});
