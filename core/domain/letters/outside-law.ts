import { kindInfo } from '../intake/kinds';
import { outsideLawExplanations } from '../outside-law';
import type { LetterCase, LetterItem, LetterKind, LetterTemplate, Values } from './catalogue';
import { documentsItem, howReturned, yen } from './items';

// The letters of a request closed as outside the Act (core/domain/outside-law.ts): an answer
// given as a service, or a polite refusal with the reason. They cite no article (no article
// obliges or allows anything here); they name the law only to say it does not apply, and, like
// every early end, say what became of the ID copies and of any money sent.

export const outsideLawLetterKinds = ['outsideLawAnswer', 'outsideLawDeclined'] as const;
export type OutsideLawLetterKind = (typeof outsideLawLetterKinds)[number];

export const isOutsideLawLetter = (kind: LetterKind): kind is OutsideLawLetterKind =>
  (outsideLawLetterKinds as readonly string[]).includes(kind);

export const outsideLawLetterLabels: Record<OutsideLawLetterKind, string> = {
  outsideLawAnswer: '任意の対応によるご回答（法の対象外）',
  outsideLawDeclined: 'ご依頼に応じられない旨のお知らせ（法の対象外）',
};

export const outsideLawTemplates: Record<OutsideLawLetterKind, LetterTemplate> = {
  outsideLawAnswer: {
    title: 'ご依頼の件について（ご回答）',
    body: '{到達日}に当社に到達したご依頼（受付番号 {受付番号}）につきまして、下記のとおりご回答申し上げます。\nなお、ご依頼に係る情報は個人情報の保護に関する法律に基づく開示等の請求の対象には当たらないため、本回答は、当社の任意の対応としてお知らせするものです。',
  },
  outsideLawDeclined: {
    title: 'ご依頼の件について（お知らせ）',
    body: '{到達日}に当社に到達したご依頼（受付番号 {受付番号}）につきまして確認いたしましたところ、ご依頼に係る情報は、個人情報の保護に関する法律に基づく開示等の請求の対象には当たりませんでした。\n誠に恐縮ではございますが、下記の理由により、ご依頼に応じることはいたしかねます。何卒ご理解を賜りますようお願い申し上げます。',
  },
};

// The letter a request closed as outside the Act has: the one of its response.
export const outsideLawLetterOf = (c: LetterCase, status: string): OutsideLawLetterKind | null =>
  status === 'outsideLaw' && c.outsideLaw
    ? c.outsideLaw.response === 'service'
      ? 'outsideLawAnswer'
      : 'outsideLawDeclined'
    : null;

export function outsideLawItems(kind: OutsideLawLetterKind, c: LetterCase, values: Values): LetterItem[] {
  const o = c.outsideLaw;
  const items: LetterItem[] = [
    { label: '受付番号', text: c.receiptNo },
    { label: 'ご依頼の到達日', text: values.到達日 },
    { label: 'ご依頼の内容', text: c.items.map((i) => kindInfo[i.kind].label).join('、') },
  ];
  if (o) {
    items.push(
      { label: '当社の判断', text: outsideLawExplanations[o.category] },
      { label: kind === 'outsideLawAnswer' ? 'ご回答' : '理由', text: o.text },
    );
  }
  items.push(...documentsItem(c));
  if (c.fee.toReturn > 0) {
    items.push({
      label: 'お送りいただいた金銭',
      text: `本件は法律に基づく開示等の請求に当たらないため、手数料は要しません。お送りいただいた${yen(c.fee.toReturn)}は、${howReturned(c.fee.means)}`,
    });
  }
  return items;
}
