import { readFileSync } from 'node:fs';
import { BlobReader, TextWriter, ZipReader, configure } from '@zip.js/zip.js';

// One file of a zip (an XLSX's workbook.xml, say) as text, as a reader of the package sees it.
configure({ useWebWorkers: false });
export async function zipEntry(file: string, name: string): Promise<string> {
  const zip = new ZipReader(new BlobReader(new Blob([readFileSync(file)])));
  try {
    const entry = (await zip.getEntries()).find((e) => e.filename === name);
    if (!entry || entry.directory) throw new Error(`${name} is missing`);
    return await entry.getData(new TextWriter());
  } finally {
    await zip.close();
  }
}
