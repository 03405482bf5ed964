import { Body1, Button, Field, Radio, RadioGroup, Subtitle1, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { RequestDetail } from '../../../../core/contract';
import {
  outsideLawCategories,
  outsideLawCategoryLabels,
  outsideLawResponseLabels,
  outsideLawResponses,
  type OutsideLaw,
  type OutsideLawCategory,
  type OutsideLawResponse,
} from '../../../../core/domain/outside-law';
import { ErrorBar } from '../../components/ErrorBar';
import { firstReason, WhyDisabled } from '../../components/WhyDisabled';
import { call, errorMessage } from '../../lib/api';
import { useRequestMutation } from './WorkflowPanel';

const hints: Record<OutsideLawCategory, string> = {
  deceased: '亡くなられた方の情報は個人情報（生存する個人に関する情報）に当たりません。相続人からのご依頼など。',
  companyInformation: 'ご依頼が当社の業務上の情報で、ご本人の保有個人データではない場合。',
  notARequest: 'ご本人の保有個人データの開示等を求めるものではないご依頼（苦情・ご質問など）。',
};

// Closing a request the Act does not cover: why, how the company answers, and the text the
// letter prints. No article is cited and no 39条 date applies (core/domain/outside-law.ts).
export function OutsideLawForm(props: { request: RequestDetail; className: string; onClose: () => void }) {
  const [category, setCategory] = useState<OutsideLawCategory | ''>('');
  const [response, setResponse] = useState<OutsideLawResponse | ''>('');
  const [text, setText] = useState('');
  const close = useRequestMutation(
    props.request.id,
    (outsideLaw: OutsideLaw) => call('requests.closeOutsideLaw', { id: props.request.id, outsideLaw }),
    props.onClose,
  );
  const blocked = firstReason(
    [category === '', '法の対象外とする理由を選択してください。'],
    [response === '', '対応の方法を選択してください。'],
    [
      text.trim() === '',
      response === 'declined' ? '応じない理由を入力してください。' : 'ご回答の内容を入力してください。',
    ],
  );
  return (
    <div className={props.className} role="group" aria-label="法の対象外として終了">
      <Subtitle1 as="h3">法の対象外として終了</Subtitle1>
      <Body1>
        個人情報の保護に関する法律に基づく請求に当たらないものとして終了します。法第39条の期限はなく、手数料は要しません（受領した手数料は返還します）。通知には法令の条項を記載しません。
      </Body1>
      <Field label="法の対象外とする理由" required hint={category ? hints[category] : undefined}>
        <RadioGroup
          layout="horizontal"
          value={category}
          onChange={(_e, d) => setCategory(d.value as OutsideLawCategory)}
        >
          {outsideLawCategories.map((c) => (
            <Radio key={c} value={c} label={outsideLawCategoryLabels[c]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="対応の方法" required>
        <RadioGroup
          layout="horizontal"
          value={response}
          onChange={(_e, d) => setResponse(d.value as OutsideLawResponse)}
        >
          {outsideLawResponses.map((o) => (
            <Radio key={o} value={o} label={outsideLawResponseLabels[o]} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={
          response === 'declined' ? '応じない理由（お知らせに記載します）' : 'ご回答の内容（お知らせに記載します）'
        }
        required
      >
        <Textarea rows={4} value={text} onChange={(_e, d) => setText(d.value)} />
      </Field>
      <ErrorBar message={close.isError ? errorMessage(close.error) : null} />
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button
          appearance="primary"
          disabled={close.isPending || blocked !== null}
          aria-describedby={blocked ? 'why-outside-law' : undefined}
          onClick={() => category && response && close.mutate({ category, response, text })}
        >
          法の対象外として終了する
        </Button>
        <Button onClick={props.onClose}>取り消す</Button>
        <WhyDisabled id="why-outside-law" reason={blocked} />
      </div>
    </div>
  );
}
