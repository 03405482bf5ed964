import {
  Body1,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { RequestDetail } from '../../../../core/contract';
import { addDays, japanToday, parseDate, slashDate } from '../../../../core/domain/dates';
import { cureDueWarning } from '../../../../core/domain/deadlines';
import { actions, DEFAULT_CURE_DAYS, type Action } from '../../../../core/domain/workflow';
import { ErrorBar } from '../../components/ErrorBar';
import { PlainDateField } from '../../components/PlainDateField';
import { dateReason, firstReason, WhyDisabled } from '../../components/WhyDisabled';
import { call, errorMessage } from '../../lib/api';
import { useSettings } from '../../lib/settings';
import { useRequestMutation, useWorkflowStyles as useStyles } from './WorkflowPanel';

// The forms the next-step buttons open: a 補正依頼, the cure's arrival, and a step that needs a comment.

// A 補正依頼: the defects found at intake (identity, fee), ticked by default, plus any others.
export function CureForm(props: { request: RequestDetail; onClose: () => void }) {
  const styles = useStyles();
  const r = props.request;
  const settings = useSettings();
  const found = [
    ...r.identity.result.defects.map((d) => d.message),
    ...r.identity.result.todos,
    ...(r.fee.shortfall > 0 ? [`手数料の不足分 ${r.fee.shortfall.toLocaleString('ja-JP')}円`] : []),
    ...r.fee.defects.map((d) => d.message),
  ].filter((v, i, all) => all.indexOf(v) === i);
  const [chosen, setChosen] = useState<string[]>(found);
  const [other, setOther] = useState('');
  const cureDays = settings.data?.processing.cureDays ?? DEFAULT_CURE_DAYS;
  const [dueText, setDueText] = useState(() => slashDate(addDays(japanToday(new Date()), cureDays)));
  const dueDate = parseDate(dueText);
  const beyond = dueDate ? cureDueWarning(dueDate, r.deadlines) : null;
  // The warning appears below the date being typed: brought into view, never out of it.
  const warningRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (beyond) warningRef.current?.scrollIntoView({ block: 'nearest' });
  }, [beyond]);
  const defects = [
    ...chosen,
    ...other
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  ];
  const why = useId();
  const blocked = firstReason(
    [defects.length === 0, '不備を1つ以上選択または入力してください。'],
    [!dueDate, dateReason(dueText, '補正の期限')],
  );
  const send = useRequestMutation(
    r.id,
    (cure: { defects: string[]; dueDate: string }) => call('requests.requestCure', { id: r.id, cure }),
    props.onClose,
  );
  return (
    <div className={styles.form} role="group" aria-label="補正の依頼">
      <Subtitle1 as="h3">補正の依頼</Subtitle1>
      <Body1>補正依頼書に記載する不備を選択してください。</Body1>
      {found.map((f) => (
        <Checkbox
          key={f}
          label={f}
          checked={chosen.includes(f)}
          onChange={(_e, d) => setChosen(d.checked ? [...chosen, f] : chosen.filter((c) => c !== f))}
        />
      ))}
      <Field label="その他の不備（1行に1件）">
        <Textarea value={other} onChange={(_e, d) => setOther(d.value)} />
      </Field>
      <PlainDateField label="補正の期限" text={dueText} onText={setDueText} required />
      {beyond && (
        <MessageBar intent="warning" data-testid="cure-beyond-article39" ref={warningRef}>
          <MessageBarBody>{beyond}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar message={send.isError ? errorMessage(send.error) : null} />
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={send.isPending || blocked !== null}
          aria-describedby={blocked ? why : undefined}
          onClick={() => dueDate && send.mutate({ defects, dueDate })}
        >
          補正を依頼する
        </Button>
        <Button onClick={props.onClose}>取り消す</Button>
        <WhyDisabled id={why} reason={blocked} />
      </div>
    </div>
  );
}

export function CureArrivedForm(props: { request: RequestDetail; onClose: () => void }) {
  const styles = useStyles();
  const [text, setText] = useState(() => slashDate(japanToday(new Date())));
  const day = parseDate(text);
  const why = useId();
  const blocked = day ? null : dateReason(text, '補正の到着日');
  const save = useRequestMutation(
    props.request.id,
    (arrivedOn: string) => call('requests.recordCure', { id: props.request.id, arrivedOn }),
    props.onClose,
  );
  return (
    <div className={styles.form} role="group" aria-label="補正の到着">
      <Body1>
        補正の書類が届いた日を記録します。社内期限の計算は翌日から再開します。届いた書類や手数料は、「受付内容」の各欄の「修正」から追加してください。
      </Body1>
      <PlainDateField label="補正の到着日" text={text} onText={setText} required />
      <ErrorBar message={save.isError ? errorMessage(save.error) : null} />
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={!day || save.isPending}
          aria-describedby={blocked ? why : undefined}
          onClick={() => day && save.mutate(day)}
        >
          到着を記録する
        </Button>
        <Button onClick={props.onClose}>取り消す</Button>
        <WhyDisabled id={why} reason={blocked} />
      </div>
    </div>
  );
}

const commentLabels: Partial<Record<Action, string>> = {
  sendBack: '差し戻しの理由（起案者に伝わります）',
  decline: '応じられない理由（請求者への通知に記載します）',
  withdraw: '取下げの内容（取下書の到着日など）',
};

export function CommentForm(props: { request: RequestDetail; action: Action; onClose: () => void }) {
  const styles = useStyles();
  const [comment, setComment] = useState('');
  const label = commentLabels[props.action] ?? 'コメント';
  const why = useId();
  // 「差し戻しの理由（起案者に伝わります）」 → 「差し戻しの理由を入力してください。」
  const blocked = comment.trim() === '' ? `${label.replace(/（.*$/, '')}を入力してください。` : null;
  const move = useRequestMutation(
    props.request.id,
    (c: string) => call('requests.transition', { id: props.request.id, action: props.action, comment: c }),
    props.onClose,
  );
  return (
    <div className={styles.form} role="group" aria-label={actions[props.action].label}>
      <Field label={label} required>
        <Textarea value={comment} onChange={(_e, d) => setComment(d.value)} />
      </Field>
      <ErrorBar message={move.isError ? errorMessage(move.error) : null} />
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={move.isPending || blocked !== null}
          aria-describedby={blocked ? why : undefined}
          onClick={() => move.mutate(comment)}
        >
          {actions[props.action].label}
        </Button>
        <Button onClick={props.onClose}>取り消す</Button>
        <WhyDisabled id={why} reason={blocked} />
      </div>
    </div>
  );
}
