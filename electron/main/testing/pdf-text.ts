import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The text of a PDF (as the letters channels return it, base64) through poppler's pdftotext, an
// independent reader, with all white space removed so that line breaks do not matter.
export function pdfText(base64: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'madoguchi-pdf-text-')), 'l.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
