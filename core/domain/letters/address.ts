// Address lines as a Japanese letter writes them: the building (ビル, マンション, 号室 …) on a line
// of its own, and a long address broken at its own spaces before anywhere else. Never 「東 /
// 京ビルディング」.

// The block number (番地) that ends the street part: 1-2-3, 1丁目2番3号, ２－３ and the like.
const BLOCK = /[0-9０-９]+(?:\s*[-－‐−ー]\s*[0-9０-９]+)+|[0-9０-９]+番地?(?:[0-9０-９]+号?)?|[0-9０-９]+号/g;

// Splits an address into its parts: at whitespace, and after the last block number when a
// building name follows it without a space.
export function addressParts(address: string): string[] {
  const parts = address
    .trim()
    .split(/[\s\u3000]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    let split = -1;
    for (const m of part.matchAll(BLOCK)) {
      const end = m.index + m[0].length;
      // A building name follows: something other than digits or another block.
      if (end < part.length && !/^[0-9０-９\-－‐−ー]/.test(part.slice(end))) split = end;
    }
    // Only the first block number closes the street part (a room number like 101号室 follows).
    if (split > 0 && out.length === 0) {
      const first = [...part.matchAll(BLOCK)][0];
      const end = first ? first.index + first[0].length : split;
      out.push(part.slice(0, end), part.slice(end));
    } else out.push(part);
  }
  // The parts after the street part stay together as one line (building and room).
  if (out.length <= 2) return out;
  return [out[0] ?? '', out.slice(1).join(' ')];
}
