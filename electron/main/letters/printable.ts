import { ErrorCode, type RequestDetail } from '../../../core/contract';
import type { Letter } from '../../../core/domain/letters/catalogue';
import { AppError } from '../errors';
import type { FontCoverage } from '../pdf/glyphs';

// Every text a letter draws, named as staff would look for it.
function lettersTexts(letter: Letter): [string, string][] {
  return [
    ['宛名（氏名）', letter.addressee.name],
    ['宛名（住所）', letter.addressee.address],
    ['表題', letter.title],
    ...letter.body.map((b, i): [string, string] => [`本文（第${i + 1}段落）`, b]),
    ...letter.items.map((it): [string, string] => [`記の「${it.label}」`, `${it.label}${it.text}`]),
    ...letter.annexes.flatMap((a) => [
      ...a.lines.map((l): [string, string] => [`別紙「${a.title}」`, l]),
      ...(a.table?.rows ?? []).flatMap((r) => r.map((cell): [string, string] => [`別紙「${a.title}」`, cell])),
    ]),
    ['差出人', Object.values(letter.sender).join('')],
    ['お問い合わせ先', letter.contact.join('')],
  ];
}

// Checks that the font draws every character; a missing one would print as an empty box.
export async function assertPrintable(coverage: FontCoverage, letter: Letter, r: RequestDetail): Promise<void> {
  for (const [field, text] of lettersTexts(letter)) {
    const missing = await coverage.missing(text);
    if (missing.length === 0) continue;
    const chars = missing.map((c) => `「${c}」`).join('');
    const hint = field.startsWith('宛名')
      ? `受付内容を修正し、「回答書用の氏名」「回答書用の住所」に代わりの表記（例: 伟→偉）を記録してください。${
          r.principal.letterName ? `（記録済みの表記: ${r.principal.letterName}）` : ''
        }`
      : '該当する文章を修正してください。';
    throw new AppError(
      ErrorCode.BAD_INPUT,
      `${field}に、回答書の書体にない文字${chars}があります。このままでは空白の四角で印字されるため、確定できません。${hint}`,
    );
  }
}
