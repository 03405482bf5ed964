import { describe, expect, it } from 'vitest';
import { charInfo } from './char-info';

describe('a character the fonts lack, told without drawing it', () => {
  it('gives the code point and the part of Unicode in Japanese', () => {
    expect(charInfo('伟')).toEqual({
      char: '伟',
      codePoint: 'U+4F1F',
      block: '漢字（JISにない字。簡体字など）',
    });
    expect(charInfo('𪚲')).toMatchObject({ codePoint: 'U+2A6B2', block: '漢字（統合漢字拡張B）' });
    expect(charInfo('\ue000')).toMatchObject({
      codePoint: 'U+E000',
      block: '私用領域（パソコンごとに登録された外字）',
    });
    expect(charInfo('😀')).toMatchObject({ codePoint: 'U+1F600', block: '絵文字' });
    expect(charInfo('한')).toMatchObject({ block: 'ハングル' });
    expect(charInfo('ʬ')).toMatchObject({ codePoint: 'U+02AC', block: 'その他の文字' });
  });
});
