import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadFont } from './fonts';
import { FontCoverage, LETTER_FONT } from './glyphs';

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

describe('the check without the font', () => {
  // The premise of answering Shift_JIS text without reading the font.
  it('IPAex明朝 draws every CP932 character but ∑ and the user-defined area', async () => {
    const { font } = await loadFont(join(__dirname, '../../../resources/fonts', LETTER_FONT));
    const lacking: string[] = [];
    for (let hi = 0x81; hi <= 0xfc; hi++) {
      for (let lo = 0x40; lo <= 0xfc; lo++) {
        const ch = iconv.decode(Buffer.from([hi, lo]), 'cp932');
        const cp = ch.codePointAt(0) ?? 0;
        if (ch.length !== 1 || ch === '\ufffd' || (cp >= 0xe000 && cp <= 0xf8ff)) continue;
        if (!font.hasGlyphForCodePoint(cp)) lacking.push(ch);
      }
    }
    expect(lacking).toEqual(['∑']);
  });

  it('answers Shift_JIS text without reading any font, and reads it for anything else', async () => {
    const none = new FontCoverage('/nonexistent/font.ttf');
    expect(await none.missing('髙橋 﨑子 東京都千代田区千代田1-1 ①㈱')).toEqual([]);
    await expect(none.missing('𠮷')).rejects.toThrow();
    await expect(none.missing('∑')).rejects.toThrow();
    await expect(none.missing('\ue000')).rejects.toThrow();
  });
});
