import { buildLetter, type Letter } from '../core/domain/letters/catalogue';
import { sampleLetterCase } from '../core/domain/letters/sample';
import { Organisation } from '../core/domain/organisation';
import { organisation } from '../electron/main/testing/organisation';

const SP = '\u3000';

// The benchmark's letter: a 開示決定通知書 of the sample case, numbered per letter.
export function benchLetter(i: number): Letter {
  return buildLetter(
    'disclosureDecision',
    { ...sampleLetterCase, receiptNo: `2026-${String(i + 1).padStart(4, '0')}` },
    Organisation.parse(organisation),
    { documentNo: `個保第${i + 1}号`, date: '2026-11-22', dateStyle: 'wareki' },
  );
}

// The same letter as HTML for LibreOffice's converter, with the same text blocks as ours:
// document number and date, addressee, sender block, title, body, 記, items, 以上 and the
// contact box, on one A4 page (unsigned: LibreOffice cannot sign PAdES from the command line).
export function benchLetterHtml(letter: Letter): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const lines = (xs: string[]) => xs.map(esc).join('<br>');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
@page{size:A4;margin:20mm 20mm 22mm 25mm}
body{font-family:"IPAexMincho";font-size:10.5pt;line-height:1.6}
h1{font-family:"IPAexGothic";font-size:12pt;text-align:center}
p{margin:0 0 4pt 0}.r{text-align:right}.box{border:0.5pt solid #666;padding:4pt 8pt;margin-left:6mm}
</style></head><body>
<p class="r">${esc(letter.documentNo)}<br>${esc(letter.date)}</p>
<p>〒${esc(letter.addressee.postalCode)}<br>${esc(letter.addressee.address)}<br>${esc(letter.addressee.name)}${SP}様</p>
<p class="r">${esc(letter.sender.company)}<br>${esc(letter.sender.officer)}<br>〒${esc(letter.sender.postalCode)}${SP}${esc(letter.sender.address)}<br>${lines(letter.sender.contact)}</p>
<h1>${esc(letter.title)}</h1>
${letter.body.map((b) => `<p>${SP}${esc(b)}</p>`).join('')}
<p style="text-align:center">記</p>
${letter.items.map((it, n) => `<p>${n + 1}${SP}${esc(it.label)}<br>${SP}${SP}${esc(it.text)}</p>`).join('')}
<p class="r">以上</p>
<div class="box">${lines(letter.contact)}</div>
</body></html>`;
}
