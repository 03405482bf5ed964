import type { IsoDate } from '../dates';
import type { FormRequestInput } from '../form-requests';
import { feeMeansLabels, kindFee, type FeeSchedule } from '../intake/fees';
import { appointedAgentRuleLabels, identityDocumentsPhrase } from '../intake/identity-rules';
import type { IdentityPolicy } from '../intake/identity-types';
import { kindInfo } from '../intake/kinds';
import { maskingNotes } from '../intake/masking';
import type { Organisation } from '../organisation';
import { contactOf, formatLetterDate, senderOf, type DateStyle, type Letter, type LetterItem } from './catalogue';
import { yen } from './items';

// The cover letter of the company's 請求書 sent on request: what is enclosed, what to send back
// with it (identity documents, an agent's documents, the fee, under the company's own rules),
// where to, and the 送付番号 to write on the form so that the request is linked to this record.

export type FormCover = FormRequestInput & { number: string };

export const FORM_COVER_TITLE = '保有個人データの開示等の請求書の送付について';

function feeText(fees: FeeSchedule): string {
  const charged = fees.kinds.map((k) => [k, kindFee(k, fees)] as const).filter(([, n]) => n > 0);
  if (charged.length === 0) return '手数料は要しません。';
  // Kinds that cost the same are named together: 「利用目的の通知・開示 1,000円」.
  const byAmount = new Map<number, string[]>();
  for (const [k, n] of charged) byAmount.set(n, [...(byAmount.get(n) ?? []), kindInfo[k].label]);
  const amounts = [...byAmount].map(([n, ks]) => `${ks.join('・')} ${yen(n)}`).join('、');
  const per = fees.per === 'kind' ? '請求の種類ごとに' : byAmount.size > 1 ? '1件につき（最も高い額）' : '1件につき';
  const means = fees.accepted.map((m) => feeMeansLabels[m]).join('、');
  return `${per}${amounts}（${means}）`;
}

export function buildFormCoverLetter(
  f: FormCover,
  org: Organisation,
  identity: IdentityPolicy,
  fees: FeeSchedule,
  opts: { date: IsoDate; dateStyle: DateStyle },
): Letter {
  const d = (x: IsoDate) => formatLetterDate(x, opts.dateStyle);
  const returnTo = org.contactAddress || `〒${org.postalCode} ${org.address}`;
  const items: LetterItem[] = [
    { label: '送付番号', text: f.number },
    {
      label: 'ご本人確認書類',
      text: identityDocumentsPhrase(identity.identityRule ?? 'photoOrTwo', identity.acceptedDocuments),
    },
    {
      label: '代理人による請求',
      text: `任意代理人は${appointedAgentRuleLabels[identity.appointedAgent ?? 'registeredSeal']}。法定代理人は代理権を確認できる書類（戸籍謄本等）と代理人の本人確認書類。`,
    },
    { label: '手数料', text: feeText(fees) },
  ];
  // Every document asked for above carries its masking instruction (健康保険証, 住民票).
  const masking = maskingNotes(items.map((i) => i.text));
  if (masking.length > 0) items.push({ label: 'ご提出にあたってのお願い', text: masking.join('\n') });
  return {
    kind: 'formCover',
    documentNo: f.number,
    date: d(opts.date),
    reissue: null,
    addressee: { postalCode: f.postalCode, address: f.address, name: f.name, capacity: null },
    sender: senderOf(org),
    title: FORM_COVER_TITLE,
    body: [
      `${d(f.requestedOn)}にお申し出いただいた保有個人データの開示等の請求について、当社所定の請求書と記入例をお送りいたします。記入例をご参照のうえ、請求書に下記の送付番号を添えてご記入いただき、下記の書類等とともに${returnTo}（${org.companyName} ${org.contactName}宛）までご返送くださいますようお願い申し上げます。`,
    ],
    items,
    contact: contactOf(org),
    annexes: [],
  };
}
