import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontCoverage } from './glyphs';

const coverage = FontCoverage.inResources(join(__dirname, '../../../resources'));

describe('letter font coverage', () => {
  it('finds only the characters no bundled font draws: 𠮷 and the 外字 IPAex lacks are drawn in IPAmj明朝', async () => {
    expect(await coverage.missing('𠮷野家 太郎')).toEqual([]);
    expect(await coverage.missing('𫝆田 花子')).toEqual([]);
    expect(await coverage.missing('王 伟 张伟')).toEqual(['伟', '张']);
    expect(await coverage.missing('完了😀')).toEqual(['😀']);
  });

  it('accepts ordinary names and addresses, old forms, kana and symbols', async () => {
    expect(await coverage.missing('髙橋 﨑子 東京都千代田区千代田1-1 〒100-0001 ㈱サンプル ①')).toEqual([]);
    expect(await coverage.missing('ヤマダ　タロウ\n')).toEqual([]);
    // Invisible characters (zero-width space, BOM, a tab) have no glyph to lose.
    expect(await coverage.missing('山田\u200b太郎\ufeff\t')).toEqual([]);
  });
});
