import { ErrorCode } from '../../../core/contract';
import { addressParts } from '../../../core/domain/letters/address';
import type { Letter } from '../../../core/domain/letters/catalogue';
import { AppError } from '../errors';
import { BODY, LINE, MM, SP, measurer, type Writer } from './layout';
import { nameParts, packParts, spaced } from './words';

// The addressee block: 〒, the address (street, then building and room), the name with 様 and,
// for an agent, the capacity line naming the 本人. In a window envelope all of it must show
// (for 本人限定受取 the post office reads the name through the window): the block is set in the
// first of these styles whose height fits the window, tighter leading first, then smaller type,
// never below 9 pt for the address and 10 pt for the name.

type Style = { size: number; step: number; nameSize: number; nameStep: number; gap: number };
const STYLES: readonly Style[] = [
  { size: BODY, step: LINE, nameSize: 12.5, nameStep: 12.5 * 1.7, gap: LINE * 0.3 },
  { size: BODY, step: 15, nameSize: 12.5, nameStep: 17.5, gap: 3 },
  { size: 10, step: 13.5, nameSize: 11.5, nameStep: 16, gap: 2.5 },
  { size: 9.5, step: 12.5, nameSize: 10.5, nameStep: 14.5, gap: 2 },
  { size: 9, step: 11.5, nameSize: 10, nameStep: 13, gap: 2 },
];

type Line = { text: string; size: number; step: number; indent: number; gapBefore: number };
type Block = { lines: Line[]; whole: boolean };

// How far below a line's top its ink ends (IPAex: descent 0.12 em under a baseline 1 em down).
const INK = 1.12;

// The block's lines in a style, and whether every part (firm, title, name; street, building)
// stayed whole on its line.
function linesOf(a: Letter['addressee'], width: number, s: Style, font: Writer['mincho']): Block {
  const measure = measurer(font, s.size);
  const measureName = measurer(font, s.nameSize);
  const line = (text: string, indent = 0, gapBefore = 0): Line => ({
    text,
    size: s.size,
    step: s.step,
    indent,
    gapBefore,
  });
  const out: Line[] = [];
  let whole = true;
  if (a.postalCode) out.push(line(`〒${a.postalCode}`));
  // Lines after a part's first hang by one character.
  for (const part of addressParts(a.address)) {
    const pieces = spaced(part);
    whole &&= pieces.every((p, i) => measure(p.trimEnd()) <= (i === 0 ? width : width - s.size));
    const [first = '', ...rest] = packParts(pieces, width, measure);
    out.push(line(first));
    if (rest.length > 0) {
      for (const l of packParts(spaced(rest.join(' ')), width - s.size, measure)) out.push(line(l, s.size));
    }
  }
  const names = nameParts(a.name);
  const sama = measureName(`${SP}様`);
  whole &&= names.every((p, i) => measureName(p.trimEnd()) <= width - (i === names.length - 1 ? sama : 0));
  const nameLines = packParts(names, width, measureName, width - sama);
  nameLines.forEach((n, i) => {
    const last = i === nameLines.length - 1;
    out.push({
      text: last ? `${n}${SP}様` : n,
      size: s.nameSize,
      step: s.nameStep,
      indent: 0,
      gapBefore: i === 0 ? s.gap : 0,
    });
  });
  if (a.capacity) for (const l of packParts([a.capacity], width, measure)) out.push(line(l));
  return { lines: out, whole };
}

// From the top of the first line to the foot of the last one's ink.
function heightOf(lines: readonly Line[]): number {
  const last = lines.at(-1);
  if (!last) return 0;
  return lines.reduce((h, l) => h + l.gapBefore + l.step, 0) - last.step + last.size * INK;
}

// The lines of the block in a window `room` high: the first style that fits with every part
// whole on its line, else the first that fits at all, else null.
function fitted(a: Letter['addressee'], width: number, room: number, styles: readonly Style[], font: Writer['mincho']) {
  let fitting: Block | null = null;
  for (const style of styles) {
    const block = linesOf(a, width, style, font);
    if (heightOf(block.lines) > room) continue;
    if (block.whole) return block.lines;
    fitting ??= block;
  }
  return fitting?.lines ?? null;
}

// Draws the block at (x, w.y) in `width`; `room` is the window's height inside its margins, or
// null on a letter without a window. A block no style fits in the window is refused, unless
// `draft` (a preview, which outlines the window, so staff see where it overflows). A letter set
// `tight` (to end on its first page) starts from the tighter leading.
export function drawAddressee(
  w: Writer,
  a: Letter['addressee'],
  at: { x: number; width: number; room: number | null; draft: boolean; tight: boolean },
): void {
  const styles = STYLES.slice(at.tight ? 1 : 0);
  const smallest = STYLES.at(-1) as Style;
  let lines =
    at.room === null
      ? linesOf(a, at.width, styles[0] as Style, w.mincho).lines
      : fitted(a, at.width, at.room, styles, w.mincho);
  if (!lines) {
    lines = linesOf(a, at.width, smallest, w.mincho).lines;
    if (!at.draft) {
      const need = Math.ceil(heightOf(lines) / MM);
      throw new AppError(
        ErrorCode.BAD_INPUT,
        `宛名が封筒の窓に収まりません。文字を最小にしても、郵便番号から宛名の最後の行まで約${need}mmあり、窓の中（上下の余白を除いて${Math.floor((at.room ?? 0) / MM)}mm）を越えます。「回答書用の氏名」「回答書用の住所」に短い表記を記録するか、設定 › 回答書 で窓の位置と大きさをご確認ください。`,
      );
    }
  }
  for (const l of lines) {
    w.y -= l.gapBefore;
    w.text(l.text, at.x + l.indent, { size: l.size });
    w.y -= l.step;
  }
}
