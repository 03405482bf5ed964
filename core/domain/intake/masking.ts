// What a person is told wherever a document is asked for (DOMAIN.md §3, §9; issue 33 §3): numbers
// the company may not collect are masked by the sender, and where the company had to mask them
// itself, the next letter says so.

// 健康保険法194条の2: no one outside the insurance business may ask for the 被保険者等記号・番号.
export const HEALTH_INSURANCE_MASKING =
  '健康保険の資格確認書・被保険者証の写しは、保険者番号及び被保険者等記号・番号（QRコードがある場合はQRコードも）を黒塗り等により見えないようにしてご提出ください（健康保険法第194条の2）。';
// 番号法: a company may not collect or keep a 個人番号 outside the uses the Act allows.
export const RESIDENT_RECORD_MASKING =
  '住民票の写しは、個人番号（マイナンバー）の記載のないものをご提出ください（番号法により、当社は個人番号をお預かりできません）。';
export const MY_NUMBER_CARD_MASKING =
  'マイナンバーカードは、表面のみの写しをご提出ください（裏面の個人番号はお預かりできません）。';

export const MASKED_BY_US =
  'ご提出いただいた健康保険の資格確認書・被保険者証の写しは、保険者番号及び被保険者等記号・番号等を当社でマスキング（黒塗り）いたしました。当社はこれらの番号を控えておりません（健康保険法第194条の2）。';

// The documents that carry an instruction, as a sentence may name them.
const instructions: readonly { names: RegExp; note: string }[] = [
  { names: /健康保険|保険証|資格確認書/, note: HEALTH_INSURANCE_MASKING },
  { names: /住民票/, note: RESIDENT_RECORD_MASKING },
  { names: /マイナンバーカード|個人番号カード/, note: MY_NUMBER_CARD_MASKING },
];

// The instructions for the documents some sentences ask for (a 補正's defects, typed by staff or
// found by the identity check; the documents a 送付状 lists), once each, in a fixed order.
export function maskingNotes(texts: readonly string[]): string[] {
  return instructions.filter((i) => texts.some((t) => i.names.test(t))).map((i) => i.note);
}
