import { randomBytes, randomUUID } from 'node:crypto';
import { PDFHexString, PDFName, type PDFDocument } from 'pdf-lib';

// What every letter, report and table PDF says about itself: its title (shown in the reader's
// title bar) and language in the Info dictionary, the catalog and an XMP metadata stream, and a
// file identifier in the trailer (ISO 32000-1, 14.4), which pdf-lib does not write. Archiving
// tools, screen readers and the PDF/A checkers of a receiving office read these.

const APP = 'Madoguchi';
const LANG = 'ja-JP';

const xmlText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function xmp(title: string, at: Date): string {
  const when = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    ` <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `  <rdf:Description rdf:about=""`,
    `    xmlns:dc="http://purl.org/dc/elements/1.1/"`,
    `    xmlns:xmp="http://ns.adobe.com/xap/1.0/"`,
    `    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"`,
    `    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">`,
    `   <dc:format>application/pdf</dc:format>`,
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:language><rdf:Bag><rdf:li>${LANG}</rdf:li></rdf:Bag></dc:language>`,
    `   <xmp:CreatorTool>${APP}</xmp:CreatorTool>`,
    `   <xmp:CreateDate>${when}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${when}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${when}</xmp:MetadataDate>`,
    `   <pdf:Producer>${APP}</pdf:Producer>`,
    `   <xmpMM:DocumentID>uuid:${randomUUID()}</xmpMM:DocumentID>`,
    `   <xmpMM:InstanceID>uuid:${randomUUID()}</xmpMM:InstanceID>`,
    `  </rdf:Description>`,
    ` </rdf:RDF>`,
    `</x:xmpmeta>`,
    `<?xpacket end="w"?>`,
  ].join('\n');
}

export function describeDocument(doc: PDFDocument, title: string, at = new Date()): void {
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setCreator(APP);
  doc.setProducer(APP);
  doc.setLanguage(LANG);
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  // Uncompressed, so that tools which do not parse PDF can still find it.
  const stream = doc.context.stream(Buffer.from(xmp(title, at), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  // A new file: both halves of the identifier are the same.
  const id = randomBytes(16).toString('hex').toUpperCase();
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
