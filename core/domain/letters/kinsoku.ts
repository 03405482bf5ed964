// Japanese line breaking with 禁則処理 (JIS X 4051, the common subset): no line starts with a
// closing bracket, a comma or full stop, a middle dot, a prolonged sound mark or a small kana;
// no line ends with an opening bracket. pdf-lib breaks nothing, so the layout engine uses this.

export const NO_LINE_START = new Set(
  Array.from(
    '、。，．・：；？！）」』】〕］｝〉》ー―ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻ゝゞヽヾ',
  ).concat([',', '.', ')', ']', '}', ':', ';', '?', '!', '％', '%']),
);
export const NO_LINE_END = new Set([...Array.from('（「『【〔［｛〈《'), '(', '[', '{']);

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });

// Graphemes, with runs of Latin letters and digits kept together so that "2026-0012" or
// "privacy@example.jp" is not split unless it is longer than a whole line.
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const last = out.at(-1);
    if (last !== undefined && /^[A-Za-z0-9@._\-/+]+$/.test(last) && /^[A-Za-z0-9@._\-/+]$/.test(segment)) {
      out[out.length - 1] = last + segment;
    } else out.push(segment);
  }
  return out;
}

const starts = (line: string) => [...segmenter.segment(line)][0]?.segment ?? '';
const ends = (line: string) => [...segmenter.segment(line)].at(-1)?.segment ?? '';

// Splits one paragraph (no newlines) into lines no wider than `width` by `measure`, obeying 禁則
// by pushing characters to the next line (追い出し). A token wider than a line is cut.
export function breakLines(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[][] = [];
  let current: string[] = [];
  let used = 0;
  const push = () => {
    lines.push(current);
    current = [];
    used = 0;
  };
  for (const token of tokens(text)) {
    const w = measure(token);
    if (w > width && /^[A-Za-z0-9@._\-/+]+$/.test(token)) {
      // A run too long for any line: cut it character by character.
      for (const ch of token) {
        const cw = measure(ch);
        if (used + cw > width && current.length) push();
        current.push(ch);
        used += cw;
      }
      continue;
    }
    if (used + w > width && current.length) push();
    current.push(token);
    used += w;
  }
  if (current.length) lines.push(current);

  // 追い出し: move the character before a forbidden line start (or a forbidden line end) down,
  // re-flowing the rest of the paragraph; a line never gives up its only character.
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] ?? [];
    const next = lines[i + 1] ?? [];
    let guard = 0;
    while (line.length > 1 && guard++ < 4) {
      const first = next[0] ?? '';
      const last = line.at(-1) ?? '';
      if (NO_LINE_START.has(first) || NO_LINE_END.has(last)) next.unshift(line.pop() ?? '');
      else break;
    }
    // The next line may now be too wide: carry its overflow further down.
    let width2 = next.reduce((n, t) => n + measure(t), 0);
    while (width2 > width && next.length > 1) {
      const moved = next.pop() ?? '';
      width2 -= measure(moved);
      if (i + 2 < lines.length) lines[i + 2]?.unshift(moved);
      else lines.push([moved]);
    }
  }
  return lines.map((l) => l.join(''));
}

// Whether a set of lines keeps the rules (for tests and a last check before drawing).
export function kinsokuViolations(lines: readonly string[]): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && NO_LINE_START.has(starts(line))) out.push(`line ${i + 1} starts with ${starts(line)}`);
    if (i < lines.length - 1 && NO_LINE_END.has(ends(line))) out.push(`line ${i + 1} ends with ${ends(line)}`);
  });
  return out;
}
