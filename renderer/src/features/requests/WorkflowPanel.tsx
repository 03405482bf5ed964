import { cardStyle } from '../../components/styles';
import { Badge, Body1, Button, Card, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type Ref, type RefObject } from 'react';
import type { RequestDetail } from '../../../../core/contract';
import { withWeekday } from '../../../../core/domain/deadlines';
import {
  actions,
  actionsFrom,
  canRecord,
  endedDayLabel,
  commentActions,
  stateLabels,
  type Action,
  type State,
} from '../../../../core/domain/workflow';
import { ErrorBar } from '../../components/ErrorBar';
import { call, errorMessage } from '../../lib/api';
import { outsideLawLabel } from '../../../../core/domain/outside-law';
import { OutsideLawForm } from './OutsideLawForm';
import { CommentForm, CureArrivedForm, CureForm } from './WorkflowForms';

const useStyles = makeStyles({
  card: cardStyle,
  // The request's number, step, deadline and next-step buttons stay at the top of the scrolling
  // page, so the next step is where the eye lands on arrival and stays in reach further down.
  bar: {
    position: 'sticky',
    // Flush with the top of the scrolling area, over its padding (Shell.tsx: main), so nothing
    // scrolled under the bar shows above it.
    top: `calc(-1 * ${tokens.spacingHorizontalXL})`,
    zIndex: 2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  facts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXL, alignItems: 'center' },
  receipt: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  forms: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
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

const dueBasisLabels = { article39: '法第39条の期限', sla: '社内期限', extension: '延長後の期限' } as const;

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

// The forms beside the panel (WorkflowForms.tsx) share its look.
export { useStyles as useWorkflowStyles };

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

// The bar stays over the top of the scrolling page: whatever is brought into view (a form opened,
// a field focused, a section scrolled to) must land below it, not under it. The scrolling area's
// scroll-padding follows the bar's height (which grows when its buttons wrap).
function useStickyBar(): RefObject<HTMLDivElement | null> {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = bar.current;
    const scroller = el?.closest('main');
    if (!el || !scroller) return;
    const fit = () => {
      scroller.style.scrollPaddingTop = `${el.offsetHeight + 8}px`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => {
      observer.disconnect();
      scroller.style.scrollPaddingTop = '';
    };
  }, []);
  return bar;
}

function mergeRefs<T>(...refs: (Ref<T> | undefined)[]): (value: T | null) => void {
  return (value) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(value);
      else if (ref) ref.current = value;
    }
  };
}

// The deadline that matters now: the 回答期限 while an answer is owed, the day it ended once closed.
function Deadline(props: { request: RequestDetail }) {
  const r = props.request;
  const label = endedDayLabel(r.status);
  if (label) {
    return <Body1 data-testid="due-date">{`${label}: ${r.closedOn ? withWeekday(r.closedOn) : '記録なし'}`}</Body1>;
  }
  return (
    <Body1 data-testid="due-date">
      回答期限: {withWeekday(r.deadlines.dueDate)}（{dueBasisLabels[r.deadlines.dueBasis]}）
    </Body1>
  );
}

// The current step, what is missing, one primary action for the next step, and the others. The
// number, step, deadline and buttons form a bar that stays at the top of the page; the steps, what
// is missing and the form a button opens follow it.
export function WorkflowPanel({ request: r, heading }: { request: RequestDetail; heading?: Ref<HTMLDivElement> }) {
  const styles = useStyles();
  const [open, setOpen] = useState<Action | null>(null);
  const move = useRequestMutation(r.id, (action: Action) =>
    call('requests.transition', { id: r.id, action, comment: '' }),
  );
  const forms = useRef<HTMLDivElement>(null);
  const bar = useStickyBar();
  useEffect(() => {
    if (open) forms.current?.scrollIntoView({ block: 'nearest' });
  }, [open]);
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
      data-testid={primaryButton ? 'primary-action' : undefined}
      disabled={move.isPending || r.actionChecks[a] !== null}
      title={r.actionChecks[a] ?? undefined}
      onClick={() => start(a)}
    >
      {actions[a].label}
    </Button>
  );
  return (
    <>
      <div
        className={styles.bar}
        ref={mergeRefs(heading, bar)}
        tabIndex={-1}
        role="region"
        aria-label="現在の段階と次の手順"
        data-testid="receipt-heading"
      >
        <div className={styles.facts}>
          <span className={styles.receipt} data-testid="receipt-no">
            受付番号 {r.receiptNo}
          </span>
          <Body1 data-testid="current-step">
            現在の段階: <Badge appearance="filled">{stateLabels[status]}</Badge>
            {r.cure && actionsFrom(status).includes('cureReceived') && (
              <> （補正の期限: {withWeekday(r.cure.dueDate)}）</>
            )}
          </Body1>
          <Deadline request={r} />
        </div>
        {r.availableActions.length > 0 && (
          <div className={styles.buttons} role="group" aria-label="次の手順">
            {primary && r.availableActions.includes(primary) && button(primary, true)}
            {others.map((a) => button(a, false))}
          </div>
        )}
        <ErrorBar message={move.isError ? errorMessage(move.error) : null} />
      </div>
      <Card className={styles.card}>
        <Steps status={status} />
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
        {others.some((a) => r.actionChecks[a]) && (
          <ul aria-label="実行できない操作の理由" style={{ margin: 0 }}>
            {others
              .filter((a) => r.actionChecks[a])
              .map((a) => (
                <li key={a}>
                  {actions[a].label}: {r.actionChecks[a]}
                </li>
              ))}
          </ul>
        )}
        {open && (
          <div ref={forms} className={styles.forms}>
            {open === 'requestCure' && <CureForm request={r} onClose={() => setOpen(null)} />}
            {open === 'cureReceived' && <CureArrivedForm request={r} onClose={() => setOpen(null)} />}
            {open === 'closeOutsideLaw' && (
              <OutsideLawForm request={r} className={styles.form} onClose={() => setOpen(null)} />
            )}
            {commentActions.includes(open) && <CommentForm request={r} action={open} onClose={() => setOpen(null)} />}
          </div>
        )}
      </Card>
    </>
  );
}
