import type { RecordFormat } from '../../../core/domain/disclosure/records';

// What a document record carries beyond what a viewer shows on its pages (issue 30 §6): sent as
// the original file, all of it reaches the person. Listed for staff before they choose to send
// an original instead of its rendering (pages as images, the default). A list, not a verdict:
// an empty list means none of these was found, not that the file is clean.

type PdfLib = typeof import('pdf-lib');
type PdfDoc = import('pdf-lib').PDFDocument;
type PdfDict = import('pdf-lib').PDFDict;

const count = (n: number, what: string) => (n > 0 ? [`${what}（${n}件）`] : []);

function occurrences(bytes: Uint8Array, marker: string): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let n = 0;
  for (let i = text.indexOf(marker); i !== -1; i = text.indexOf(marker, i + marker.length)) n += 1;
  return n;
}

// The names of a name tree (/EmbeddedFiles, /JavaScript), counted through its /Kids.
function nameTreeSize(lib: PdfLib, doc: PdfDoc, node: unknown, depth = 0): number {
  if (!(node instanceof lib.PDFDict) || depth > 32) return 0;
  const names = node.lookupMaybe(lib.PDFName.of('Names'), lib.PDFArray);
  const kids = node.lookupMaybe(lib.PDFName.of('Kids'), lib.PDFArray);
  let n = names ? Math.floor(names.size() / 2) : 0;
  for (let i = 0; i < (kids?.size() ?? 0); i++) n += nameTreeSize(lib, doc, kids?.lookup(i), depth + 1);
  return n;
}

function annotations(lib: PdfLib, doc: PdfDoc) {
  const out = { attachments: 0, widgets: 0, links: 0, others: 0 };
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const a = annots?.lookup(i);
      if (!(a instanceof lib.PDFDict)) continue;
      const subtype = a.lookupMaybe(lib.PDFName.of('Subtype'), lib.PDFName)?.decodeText();
      if (subtype === 'FileAttachment') out.attachments += 1;
      else if (subtype === 'Widget') out.widgets += 1;
      else if (subtype === 'Link') out.links += 1;
      else out.others += 1;
    }
  }
  return out;
}

function layers(lib: PdfLib, catalog: PdfDict): string[] {
  const oc = catalog.lookupMaybe(lib.PDFName.of('OCProperties'), lib.PDFDict);
  if (!oc) return [];
  const all = oc.lookupMaybe(lib.PDFName.of('OCGs'), lib.PDFArray)?.size() ?? 0;
  const off = oc.lookupMaybe(lib.PDFName.of('D'), lib.PDFDict)?.lookupMaybe(lib.PDFName.of('OFF'), lib.PDFArray);
  const hidden = off?.size() ?? 0;
  return [`レイヤー（オプションコンテンツ）${all}件${hidden > 0 ? `、うち初期状態で非表示 ${hidden}件` : ''}`];
}

// The form's fields, or its widget annotations when the form cannot be read.
function formFields(doc: PdfDoc, widgets: number): number {
  try {
    return doc.getForm().getFields().length;
  } catch {
    return widgets;
  }
}

async function pdfHidden(bytes: Uint8Array): Promise<string[]> {
  const lib = await import('pdf-lib');
  let doc: PdfDoc;
  try {
    doc = await lib.PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch {
    return ['ファイルの構造を読み取れませんでした（隠れた内容を確認できません）'];
  }
  const found: string[] = [];
  const catalog = doc.catalog;
  const names = catalog.lookupMaybe(lib.PDFName.of('Names'), lib.PDFDict);
  const annots = annotations(lib, doc);
  found.push(
    ...count(
      nameTreeSize(lib, doc, names?.lookup(lib.PDFName.of('EmbeddedFiles'))) + annots.attachments,
      '添付ファイル（埋め込みファイル）',
    ),
  );
  if (catalog.has(lib.PDFName.of('Metadata'))) found.push('XMPメタデータ（作成者・作成ソフト・編集履歴等）');
  const info = [doc.getTitle(), doc.getAuthor(), doc.getSubject(), doc.getKeywords(), doc.getCreator()];
  if (info.some((v) => (v ?? '').trim() !== '')) found.push('文書のプロパティ（タイトル・作成者・キーワード等）');
  found.push(...layers(lib, catalog));
  const fields = formFields(doc, annots.widgets);
  found.push(...count(fields, 'フォームの入力欄（入力された値を含む）'));
  found.push(...count(annots.others, '注釈（コメント・付箋・手書き等）'));
  found.push(...count(annots.links, 'リンク'));
  const js = nameTreeSize(lib, doc, names?.lookup(lib.PDFName.of('JavaScript')));
  if (js > 0 || catalog.has(lib.PDFName.of('OpenAction')) || catalog.has(lib.PDFName.of('AA'))) {
    found.push('開いたときに実行される動作（JavaScript等）');
  }
  const revisions = occurrences(bytes, '%%EOF');
  if (revisions > 1) found.push(`以前の版（増分更新で上書きされた内容）${revisions - 1}回分`);
  if (doc.isEncrypted) found.push('暗号化（内容を確認できない部分があります）');
  return found;
}

// PNG chunks and JPEG segments that carry text, Exif (camera, time, GPS), XMP or a thumbnail.
function imageHidden(bytes: Uint8Array, format: RecordFormat): string[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = new Set<string>();
  if (format === 'png') {
    for (let at = 8; at + 8 <= b.length;) {
      const len = b.readUInt32BE(at);
      const type = b.toString('latin1', at + 4, at + 8);
      if (['tEXt', 'zTXt', 'iTXt'].includes(type)) found.add('画像に埋め込まれたテキスト');
      if (type === 'eXIf') found.add('Exif情報（撮影機器・日時・位置情報等）');
      if (type === 'IEND') break;
      at += 12 + len;
    }
  } else if (format === 'jpeg') {
    for (let at = 2; at + 4 <= b.length && b[at] === 0xff;) {
      const marker = b[at + 1] ?? 0;
      if (marker === 0xda || marker === 0xd9) break;
      const len = b.readUInt16BE(at + 2);
      const head = b.toString('latin1', at + 4, Math.min(at + 4 + 32, b.length));
      if (marker === 0xe1 && head.startsWith('Exif')) found.add('Exif情報（撮影機器・日時・位置情報・縮小画像等）');
      if (marker === 0xe1 && head.startsWith('http://ns.adobe.com/xap')) found.add('XMPメタデータ');
      if (marker === 0xed) found.add('IPTC情報（作成者・キャプション等）');
      if (marker === 0xfe) found.add('画像に埋め込まれたコメント');
      at += 2 + len;
    }
  } else {
    found.add('TIFFのタグ情報（作成ソフト・日時・説明文等を含むことがあります）');
  }
  return [...found];
}

export async function hiddenContent(bytes: Uint8Array, format: RecordFormat): Promise<string[]> {
  if (format === 'pdf') return pdfHidden(bytes);
  if (format === 'png' || format === 'jpeg' || format === 'tiff') return imageHidden(bytes, format);
  return [];
}
