import { breakLines } from '../../../core/domain/letters/kinsoku';

// Lines of a name or an address broken only at the spaces between its parts (firm, title, name;
// street, building, room), never inside a part: 「弁 / 護士」 or 「髙﨑 德太 / 郎」 read as other
// words. A part wider than a whole line is the one thing still broken, with 禁則.

type Measure = (s: string) => number;

// The parts of a name: split at its spaces, the personal name (family and given name, the last
// two parts when there are three or more) kept as one. Each part keeps the space that followed
// it, so the lines read as the name was written.
export function nameParts(name: string): string[] {
  const parts = spaced(name);
  if (parts.length < 3) return parts.length === 2 ? [parts.join('')] : parts;
  return [...parts.slice(0, -2), `${parts.at(-2) ?? ''}${parts.at(-1) ?? ''}`];
}

// Parts at each run of spaces (ASCII or 全角), the space kept at the end of the part before it.
export function spaced(text: string): string[] {
  return (text.trim().match(/[^\s\u3000]+[\s\u3000]*/gu) ?? []).filter(Boolean);
}

// Packs parts into lines of `width`; `lastWidth` is the room on the last line (narrower when
// something follows the text there, like a 全角 space and 様). Spaces at a line's end are dropped.
export function packParts(parts: readonly string[], width: number, measure: Measure, lastWidth = width): string[] {
  const lines: string[] = [];
  let current = '';
  for (const part of parts) {
    const joined = current + part;
    if (measure(joined.trimEnd()) <= width) {
      current = joined;
      continue;
    }
    if (current) lines.push(current.trimEnd());
    if (measure(part.trimEnd()) <= width) {
      current = part;
      continue;
    }
    const broken = breakLines(part.trimEnd(), width, measure);
    lines.push(...broken.slice(0, -1));
    current = broken.at(-1) ?? '';
    if (/[\s\u3000]$/u.test(part)) current += part.slice(part.trimEnd().length);
  }
  if (current.trim()) lines.push(current.trimEnd());
  // The last line must leave room for what follows it: its last part moves down, or (a single
  // part) it is broken at the narrower width.
  const last = lines.at(-1);
  if (last === undefined || measure(last) <= lastWidth) return lines;
  lines.pop();
  const tail = spaced(last);
  if (tail.length > 1 && measure((tail.at(-1) ?? '').trimEnd()) <= lastWidth) {
    lines.push(tail.slice(0, -1).join('').trimEnd(), (tail.at(-1) ?? '').trimEnd());
    return lines;
  }
  const broken = breakLines(last, lastWidth, measure);
  return [...lines, ...broken];
}
