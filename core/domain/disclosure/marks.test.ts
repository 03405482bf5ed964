import { describe, expect, it } from 'vitest';
import { Mark, areaProblems, markAt, markGrounds, marksProblems, withheldSection, type MarkedRecord } from './marks';

// Withholding on tables: marks point inside the table, and the letter's section groups them by
// ground with their reasons.

const members: MarkedRecord = {
  fileName: '会員情報.csv',
  header: ['会員番号', '氏名', '紹介者'],
  marks: [
    { target: 'column', column: 2, ground: 'a33-2-1', reason: '第三者の個人情報を含むため。' },
    { target: 'cell', row: 4, column: 1, ground: 'a33-2-1', reason: '第三者の個人情報を含むため。' },
  ],
};
const notes: MarkedRecord = {
  fileName: '応対記録.xlsx',
  header: ['日付', '内容', '評価'],
  marks: [{ target: 'row', row: 0, ground: 'a33-2-2', reason: '審査基準に関する評価情報であるため。' }],
};

describe('withholding marks on tables', () => {
  it('groups the parts by ground, in the order of 33条2項, each with its reasons', () => {
    expect(withheldSection([notes, members])).toBe(
      [
        '【第33条第2項第1号（本人又は第三者の生命、身体、財産その他の権利利益を害するおそれ）】',
        '・会員情報.csv: 「紹介者」の列、5行目の「氏名」',
        '理由: 第三者の個人情報を含むため。',
        '【第33条第2項第2号（当社の業務の適正な実施に著しい支障を及ぼすおそれ）】',
        '・応対記録.xlsx: 1行目',
        '理由: 審査基準に関する評価情報であるため。',
      ].join('\n'),
    );
    expect(markGrounds([notes, members])).toEqual(['a33-2-1', 'a33-2-2']);
    expect(withheldSection([{ ...members, marks: [] }])).toBe('');
  });

  it('knows which cells a mark covers, and refuses marks outside the table or without a reason', () => {
    expect(markAt(members.marks, 9, 2)?.target).toBe('column');
    expect(markAt(members.marks, 4, 1)?.target).toBe('cell');
    expect(markAt(members.marks, 4, 0)).toBeUndefined();
    expect(marksProblems(members.marks, 3, 5)).toEqual([]);
    expect(marksProblems(members.marks, 2, 4)).toEqual(['3列目はこの表にありません。', '5行目はこの表にありません。']);
    expect(Mark.safeParse({ target: 'row', row: 1, ground: 'a33-2-1', reason: '' }).success).toBe(false);
    expect(Mark.safeParse({ target: 'row', row: -1, ground: 'a33-2-1', reason: '理由' }).success).toBe(false);
    expect(Mark.safeParse({ target: 'row', row: 1, ground: 'a33-3-method', reason: '理由' }).success).toBe(false);
  });

  it('names rectangles on a document by page, grouped with the table marks under their ground', () => {
    const area = (page: number, ground: 'a33-2-1' | 'a33-2-2') =>
      ({ target: 'area', page, x: 0.1, y: 0.1, width: 0.2, height: 0.1, ground, reason: '理由A。' }) as const;
    const note = { fileName: '通話記録.pdf', header: [], marks: [area(0, 'a33-2-2'), area(2, 'a33-2-2')] };
    const section = withheldSection([members, note]);
    expect(section).toContain('・通話記録.pdf: 1ページ目の黒塗りの部分、3ページ目の黒塗りの部分');
    // Under 2号, after the table's 2号 line.
    const second = section.slice(section.indexOf('第2号'));
    expect(second).toContain('通話記録.pdf');
    expect(markGrounds([note])).toEqual(['a33-2-2']);
    expect(markAt(note.marks, 0, 0)).toBeUndefined();
    expect(areaProblems(note.marks, 3)).toEqual([]);
    expect(areaProblems(note.marks, 2)).toEqual(['3ページ目はこの記録にありません（全2ページ）。']);
    expect(areaProblems([{ ...area(0, 'a33-2-1'), x: 0.9 }], 1)).toEqual(['範囲がページの外にあります。']);
    expect(areaProblems([{ ...area(0, 'a33-2-1'), width: 0.0001 }], 1)).toEqual(['範囲が小さすぎます。']);
    expect(Mark.safeParse({ ...area(0, 'a33-2-1'), y: -0.1 }).success).toBe(false);
    expect(marksProblems(note.marks, 3, 5)).toEqual([
      '表の記録には、範囲（黒塗り）ではなく列・行・セルを指定してください。',
    ]);
  });
});
