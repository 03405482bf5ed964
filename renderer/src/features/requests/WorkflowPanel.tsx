import { cardStyle } from '../../components/styles';
import { useSettings } from '../../lib/settings';
import {
  Badge,
  Body1,
  Button,
  Card,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { RequestDetail } from '../../../../core/contract';
import { addDays, japanToday, parseDate, slashDate } from '../../../../core/domain/dates';
import { cureDueWarning, withWeekday } from '../../../../core/domain/deadlines';
import {
  actions,
  actionsFrom,
  canRecord,
  DEFAULT_CURE_DAYS,
  commentActions,
  stateLabels,
  type Action,
  type State,
} from '../../../../core/domain/workflow';
import { ErrorBar } from '../../components/ErrorBar';
import { PlainDateField } from '../../components/PlainDateField';
import { dateReason, firstReason, WhyDisabled } from '../../components/WhyDisabled';
import { call, errorMessage } from '../../lib/api';
import { outsideLawLabel } from '../../../../core/domain/outside-law';
import { OutsideLawForm } from './OutsideLawForm';

const useStyles = makeStyles({
  card: cardStyle,
  steps: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'center',
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  step: { color: tokens.colorNeutralForeground3 },
  current: { fontWeight: tokens.fontWeightBold, color: tokens.colorBrandForeground1 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  missing: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorPaletteRedForeground1 },
  form: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

const mainPath: State[] = [
  'received',
  'checking',
  'investigating',
  'drafting',
  'awaitingApproval',
  'preparingAnswer',
  'sent',
  'completed',
];

export function useRequestMutation<I>(id: string, fn: (input: I) => Promise<RequestDetail>, onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (r) => {
      client.setQueryData(['requests.get', id], r);
      await client.invalidateQueries({ queryKey: ['requests.dashboard'] });
      await client.invalidateQueries({ queryKey: ['requests.list'] });
      await client.invalidateQueries({ queryKey: ['letters.pending'] });
      onDone?.();
    },
  });
}

// The steps of DOMAIN.md §2, the current one marked.
function Steps(props: { status: State }) {
  const styles = useStyles();
  const off = !mainPath.includes(props.status);
  return (
    <ol className={styles.steps} aria-label="処理の段階">
      {mainPath.map((s, i) => (
        <li
          key={s}
          className={s === props.status ? styles.current : styles.step}
          aria-current={s === props.status ? 'step' : undefined}
        >
          {i > 0 && '→ '}
          {stateLabels[s]}
        </li>
      ))}
      {off && (
        <li className={styles.current} aria-current="step">
          ｜ {stateLabels[props.status]}
        </li>
      )}
    </ol>
  );
}

// A 補正依頼: the defects found at intake (identity, fee), ticked by default, plus any others.
function CureForm(props: { request: RequestDetail; onClose: () => void }) {
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

function CureArrivedForm(props: { request: RequestDetail; onClose: () => void }) {
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
        補正の書類が届いた日を記録します。社内期限の計算は翌日から再開します。届いた書類や手数料は「受付内容を修正」から追加してください。
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

function CommentForm(props: { request: RequestDetail; action: Action; onClose: () => void }) {
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

// What the request still needs before its next step, in staff's words.
function missingItems(r: RequestDetail, primary: Action | null): string[] {
  const out: string[] = [];
  const check = primary ? r.actionChecks[primary] : null;
  if (check) out.push(check);
  if (canRecord('intake', r.status)) {
    out.push(...r.identity.result.defects.map((d) => d.message), ...r.identity.result.todos);
    out.push(...r.fee.defects.map((d) => d.message));
  }
  return out.filter((v, i, all) => all.indexOf(v) === i);
}

// The current step, what is missing, one primary action for the next step, and the others.
export function WorkflowPanel(props: { request: RequestDetail }) {
  const styles = useStyles();
  const r = props.request;
  const [open, setOpen] = useState<Action | null>(null);
  const move = useRequestMutation(r.id, (action: Action) =>
    call('requests.transition', { id: r.id, action, comment: '' }),
  );
  const status = r.status as State;
  const primary = r.primaryAction;
  const missing = missingItems(r, primary);
  const others = r.availableActions.filter((a) => a !== primary);
  const start = (a: Action) => {
    move.reset();
    if (a === 'requestCure' || a === 'cureReceived' || a === 'closeOutsideLaw' || commentActions.includes(a))
      setOpen(a);
    else move.mutate(a);
  };
  const button = (a: Action, primaryButton: boolean) => (
    <Button
      key={a}
      appearance={primaryButton ? 'primary' : 'secondary'}
      disabled={move.isPending || r.actionChecks[a] !== null}
      title={r.actionChecks[a] ?? undefined}
      onClick={() => start(a)}
    >
      {actions[a].label}
    </Button>
  );
  return (
    <Card className={styles.card}>
      <Steps status={status} />
      <Body1 block data-testid="current-step">
        現在の段階: <Badge appearance="filled">{stateLabels[status]}</Badge>
        {r.cure && actionsFrom(status).includes('cureReceived') && <> （補正の期限: {withWeekday(r.cure.dueDate)}）</>}
      </Body1>
      {r.outsideLaw && (
        <Body1 block data-testid="outside-law">
          {outsideLawLabel(r.outsideLaw)}（法第39条の期限・手数料はありません）
        </Body1>
      )}
      {missing.length > 0 && (
        <div data-testid="missing">
          <Body1 block>次の段階に進むために必要なこと:</Body1>
          <ul className={styles.missing}>
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorBar message={move.isError ? errorMessage(move.error) : null} />
      <div className={styles.buttons} role="group" aria-label="次の手順">
        {primary && r.availableActions.includes(primary) && button(primary, true)}
        {others.map((a) => button(a, false))}
      </div>
      {others.concat(primary ? [primary] : []).some((a) => r.actionChecks[a]) && (
        <ul aria-label="実行できない操作の理由" style={{ margin: 0 }}>
          {r.availableActions
            .filter((a) => r.actionChecks[a] && a !== primary)
            .map((a) => (
              <li key={a}>
                {actions[a].label}: {r.actionChecks[a]}
              </li>
            ))}
        </ul>
      )}
      {open === 'requestCure' && <CureForm request={r} onClose={() => setOpen(null)} />}
      {open === 'cureReceived' && <CureArrivedForm request={r} onClose={() => setOpen(null)} />}
      {open === 'closeOutsideLaw' && (
        <OutsideLawForm request={r} className={styles.form} onClose={() => setOpen(null)} />
      )}
      {open && commentActions.includes(open) && <CommentForm request={r} action={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
