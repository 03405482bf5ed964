import { unsafeCharacter } from '../intake/text';
import type { RecordFormat } from './records';

// The 電磁的記録 package (issue 17 §4): one AES-256 ZIP holding the signed decision letter, the
// data in the format the company chose, the documents, and a manifest naming every file with its
// SHA-256 — so that the person can check what they received and the company can answer "what did
// you send me?" from the dispatch record.

export const MANIFEST_NAME = 'manifest.json';

export type PackageFile = { name: string; bytes: number; sha256: string; description: string };
export type Manifest = {
  format: 'madoguchi-disclosure-package/1';
  company: string;
  documentNos: string[];
  createdAt: string;
  algorithm: 'SHA-256';
  files: PackageFile[];
};

// Windows refuses these in a file name; a ZIP entry must also never climb out of its folder.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

// What each file of the package is, to name it by.
export type EntryRole = { role: 'letter' } | { role: 'record'; ordinal: number };

// The name of the n-th file in the package: numbered so the person reads them in order, and
// neutral — ZIP AES encrypts the data, not the names, so anyone holding the file reads them
// without the password. A record's original file name (often a person's name) is never used;
// the manifest inside says what each file is.
export function entryName(n: number, what: EntryRole, ext: string): string {
  const nn = String(n).padStart(2, '0');
  return what.role === 'letter' ? `${nn}_決定通知書.${ext}` : `${nn}_記録${what.ordinal}.${ext}`;
}

// A file name from disk as the manifest may quote it: without the characters no field accepts
// (controls, bidi and zero-width characters: the intake rule), nothing Windows refuses.
export function safeFileName(name: string): string {
  // Code points, not graphemes: each unsafe character goes on its own.
  return Array.from(name.matchAll(/[\s\S]/gu), (m) => m[0])
    .filter((ch) => unsafeCharacter(ch, false) === null)
    .join('')
    .replace(UNSAFE, '_')
    .slice(0, 120);
}

// What a record becomes in the package when it is not rendered: tables in the chosen format,
// documents as they are (sent as the original file only where staff chose so).
export function packagedExt(format: RecordFormat, chosen: 'csv' | 'xlsx' | 'pdf'): string {
  if (format === 'csv' || format === 'xlsx') return chosen;
  return { text: 'txt', pdf: 'pdf', png: 'png', jpeg: 'jpg', tiff: 'tif' }[format];
}

export function manifestJson(m: Omit<Manifest, 'format' | 'algorithm'>): string {
  const full: Manifest = { format: 'madoguchi-disclosure-package/1', algorithm: 'SHA-256', ...m };
  return `${JSON.stringify(full, null, 2)}\n`;
}

// The file name offered in the save dialog.
export const packageFileName = (receiptNo: string): string => `開示データ_${receiptNo.replace(UNSAFE, '_')}.zip`;
