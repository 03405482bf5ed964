import { cardStyle } from '../../components/styles';
import { useSettings } from '../../lib/settings';
import {
  Body1,
  Button,
  Card,
  Checkbox,
  Field,
  Select,
  Subtitle1,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { RequestDetail } from '../../../../core/contract';
import {
  decisionProblems,
  emptyDecision,
  grantsInFull,
  groundLabels,
  groundsByKind,
  outcomeLabel,
  outcomesByGroup,
  stopsUse,
  type Decision,
  type Outcome,
} from '../../../../core/domain/decisions';
import { routeDiffers, type Electronic } from '../../../../core/domain/electronic';
import { kindInfo, type RequestKind } from '../../../../core/domain/intake/kinds';
import { fillReason, reasonsFor } from '../../../../core/domain/letters/reasons';
import { canRecord } from '../../../../core/domain/workflow';
import { ErrorBar } from '../../components/ErrorBar';
import { PlainDateField } from '../../components/PlainDateField';
import { parseDate, slashDate } from '../../../../core/domain/dates';
import { ApiError, call, errorMessage } from '../../lib/api';
import { ElectronicFields, completeElectronic } from './ElectronicFields';
import { NotOursFields } from './NotOursFields';
import { ProvisionRecordsFields } from './ProvisionRecordsFields';
import { WithheldFromMarks } from '../records/WithheldFromMarks';
import { useRequestMutation } from './WorkflowPanel';
import { DecisionView } from './DecisionView';
import { markUnsaved } from './unsaved-decisions';

const useStyles = makeStyles({
  card: cardStyle,
  kind: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  saved: { color: tokens.colorPaletteGreenForeground1 },
  grounds: { display: 'flex', flexDirection: 'column' },
  required: { color: tokens.colorPaletteRedForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, margin: 0 },
  dd: { margin: 0, whiteSpace: 'pre-wrap' },
});

type Problems = Partial<Record<keyof Decision, string>>;

function DecisionForm(props: { request: RequestDetail; kind: RequestKind }) {
  const styles = useStyles();
  const { request: r, kind } = props;
  const group = kindInfo[kind].group;
  const saved = r.decisions.find((d) => d.kind === kind);
  const [d, setD] = useState<Decision>(
    () => saved?.decision ?? { ...emptyDecision(), outcome: outcomesByGroup[group][0] ?? 'full' },
  );
  const [tried, setTried] = useState(false);
  // The 実施日 as typed (2026/11/22, 令和8年…); the decision keeps its ISO reading.
  const [carriedOutText, setCarriedOutText] = useState(() =>
    saved?.decision.carriedOutOn ? slashDate(saved.decision.carriedOutOn) : '',
  );
  const [server, setServer] = useState<Problems>({});
  // 電磁的記録: the choice as made so far; the decision holds it once complete and only where the
  // data go out electronically (a change to paper or a refusal drops it, a change back restores it).
  const requested = r.disclosureMethod?.method ?? null;
  const [electronic, setElectronic] = useState<Partial<Electronic>>(() => saved?.decision.electronic ?? {});
  const settings = useSettings();
  const save = useRequestMutation(r.id, (decision: Decision) =>
    call('requests.saveDecision', { id: r.id, kind, decision }),
  );
  const electronicShown =
    group === 'disclosure' &&
    (d.outcome === 'full' || d.outcome === 'partial') &&
    !d.methodChanged &&
    requested !== null &&
    requested !== 'paper';
  const decision: Decision = { ...d, electronic: electronicShown ? completeElectronic(electronic) : null };
  const local = Object.fromEntries(
    decisionProblems(kind, decision, requested).map((p) => [p.path, p.message]),
  ) as Problems;
  const problems: Problems = tried ? { ...server, ...local } : server;
  const set = (patch: Partial<Decision>) => {
    setD({ ...d, ...patch });
    setServer({});
  };
  const refusing = (!grantsInFull(d.outcome) && d.outcome !== 'notOurs') || d.methodChanged;
  const allowedGrounds = groundsByKind(kind);
  // Library reasons of this kind's grounds and this outcome, filled for the kind and scope.
  const templates = reasonsFor(settings.data?.reasons ?? [], kind, d);
  const requestGrounds = r.items.find((i) => i.kind === kind)?.grounds ?? [];
  const dirty = JSON.stringify(saved?.decision) !== JSON.stringify(decision);
  // What the letters section is told: edits to a saved decision, or a first decision begun (a
  // form left as it opened changes no letter).
  const [opened] = useState(() => JSON.stringify(d));
  const edited = saved ? dirty : JSON.stringify(d) !== opened;
  useEffect(() => {
    markUnsaved(r.id, kind, edited);
    return () => markUnsaved(r.id, kind, false);
  }, [r.id, kind, edited]);
  const msg = (k: keyof Decision) => ({
    validationMessage: problems[k],
    validationState: problems[k] ? ('error' as const) : ('none' as const),
  });
  return (
    <div
      className={styles.kind}
      role="group"
      aria-label={`${kindInfo[kind].label}の決定`}
      data-testid={`decision-${kind}`}
    >
      <Subtitle1 as="h4">
        {kindInfo[kind].label}（{kindInfo[kind].article}）
      </Subtitle1>
      <Field label="決定" required {...msg('outcome')}>
        <Select value={d.outcome} onChange={(_e, v) => set({ outcome: v.value as Outcome })}>
          {outcomesByGroup[group].map((o) => (
            <option key={o} value={o}>
              {outcomeLabel(kind, o)}
            </option>
          ))}
        </Select>
      </Field>
      {d.outcome === 'notOurs' && <NotOursFields decision={d} set={set} problems={problems} />}
      {group === 'disclosure' && d.outcome !== 'notOurs' && (
        <Checkbox
          label="請求された方法による開示が困難なため、書面で開示する（第33条第2項本文括弧書）"
          checked={d.methodChanged}
          onChange={(_e, v) => set({ methodChanged: v.checked === true })}
        />
      )}
      {kind === 'thirdPartyRecords' && ['full', 'partial', 'nonexistent'].includes(d.outcome) && (
        <ProvisionRecordsFields
          records={d.provisionRecords}
          onChange={(provisionRecords) => set({ provisionRecords })}
          problems={[
            ...(tried ? decisionProblems(kind, decision, requested) : [])
              .filter((p) => p.path === 'provisionRecords')
              .map((p) => p.message),
            ...(server.provisionRecords ? [server.provisionRecords] : []),
          ]}
        />
      )}
      {group === 'disclosure' && (d.outcome === 'full' || d.outcome === 'partial') && (
        <Field
          label={kind === 'thirdPartyRecords' ? '補足（任意。通知に記載します）' : '開示する保有個人データ（項目）'}
          required={kind !== 'thirdPartyRecords'}
          {...msg('disclosed')}
        >
          <Textarea value={d.disclosed} onChange={(_e, v) => set({ disclosed: v.value })} />
        </Field>
      )}
      {group === 'disclosure' && (d.outcome === 'full' || d.outcome === 'partial') && (
        <WithheldFromMarks requestId={r.id} kind={kind} decision={d} set={set} />
      )}
      {group === 'disclosure' && d.outcome === 'partial' && (
        <Field label="開示しない部分" required {...msg('withheld')}>
          <Textarea value={d.withheld} onChange={(_e, v) => set({ withheld: v.value })} />
        </Field>
      )}
      {electronicShown && (
        <ElectronicFields
          value={electronic}
          requested={requested}
          requestedFormat={r.disclosureMethod?.format ?? ''}
          onChange={(next) => {
            setElectronic(next);
            setServer({});
          }}
          problem={problems.electronic}
        />
      )}
      {electronicShown && decision.electronic && routeDiffers(decision.electronic, requested) && (
        <Field
          label="ご請求と異なる経路で提供する理由（ご本人の同意を得た旨など。通知に記載します）"
          required
          {...msg('reason')}
        >
          <Textarea value={d.reason} onChange={(_e, v) => set({ reason: v.value })} />
        </Field>
      )}
      {group === 'correction' && (d.outcome === 'done' || d.outcome === 'partial') && (
        <Field label="訂正等を行った内容（通知に記載します）" required {...msg('changes')}>
          <Textarea value={d.changes} onChange={(_e, v) => set({ changes: v.value })} />
        </Field>
      )}
      {stopsUse(kind, d.outcome) && (
        <>
          <PlainDateField
            label={group === 'stopProvision' ? '第三者提供を停止した日' : '利用停止等を実施した日'}
            text={carriedOutText}
            onText={(t) => {
              setCarriedOutText(t);
              set({ carriedOutOn: parseDate(t) ?? '' });
            }}
            required
            error={carriedOutText.trim() === '' ? msg('carriedOutOn').validationMessage : undefined}
          />
          <Field label="委託先への指示（委託先の名称・指示した内容と日）" {...msg('contractors')}>
            <Textarea value={d.contractors} onChange={(_e, v) => set({ contractors: v.value })} />
          </Field>
          <Checkbox
            label={
              group === 'stopProvision'
                ? '再び第三者に提供しないよう、記録に措置（抑止フラグ等）を講じた'
                : '再び取得・利用しないよう、記録に措置（抑止フラグ等）を講じた'
            }
            checked={d.suppressed}
            onChange={(_e, v) => set({ suppressed: v.checked === true })}
          />
        </>
      )}
      {(settings.data?.organisation.jointUse ?? null) !== null && d.outcome !== 'notOurs' && (
        <Checkbox
          label="グループで共同利用しているデータである（通知に共同利用と管理責任者を記載します）"
          checked={d.jointUse}
          onChange={(_e, v) => set({ jointUse: v.checked === true })}
        />
      )}
      {d.outcome === 'alternative' && (
        <Field label="代替措置の内容" required {...msg('alternativeMeasure')}>
          <Textarea value={d.alternativeMeasure} onChange={(_e, v) => set({ alternativeMeasure: v.value })} />
        </Field>
      )}
      {refusing && (
        <>
          {/* Not a Field: Field would hand its label and asterisk to the first checkbox. */}
          <div role="group" aria-label="法令上の根拠" className={styles.grounds}>
            <Body1 block>
              法令上の根拠 <span className={styles.required}>*</span>
            </Body1>
            {allowedGrounds.map((g) => (
              <Checkbox
                key={g}
                label={groundLabels[g]}
                checked={d.grounds.includes(g)}
                onChange={(_e, v) => set({ grounds: v.checked ? [...d.grounds, g] : d.grounds.filter((x) => x !== g) })}
              />
            ))}
            {problems.grounds && (
              <Body1 block role="alert" className={styles.error}>
                {problems.grounds}
              </Body1>
            )}
          </div>
          <div className={styles.row}>
            <Field label="定型文から挿入">
              <Select
                value=""
                onChange={(_e, v) => {
                  const t = templates.find((x) => x.id === v.value);
                  const text = t ? fillReason(t, kind, d.outcome, requestGrounds) : '';
                  if (t) set({ reason: d.reason ? `${d.reason}\n${text}` : text });
                }}
              >
                <option value="">定型文を選択…</option>
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field
            label="理由（本人への通知に記載する文章）"
            required
            {...msg('reason')}
            hint="定型文を挿入した後、この請求に合わせて編集してください。"
          >
            <Textarea rows={5} value={d.reason} onChange={(_e, v) => set({ reason: v.value })} />
          </Field>
        </>
      )}
      <ErrorBar message={save.isError ? errorMessage(save.error) : null} />
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={save.isPending}
          onClick={() => {
            setTried(true);
            if (decisionProblems(kind, decision, requested).length > 0) return;
            save.mutate(decision, {
              onError: (err) => {
                if (err instanceof ApiError && err.issues) {
                  setServer(Object.fromEntries(err.issues.map((i) => [String(i.path.at(-1)), i.message])));
                }
              },
            });
          }}
        >
          決定を保存
        </Button>
        {tried && Object.keys(local).length > 0 && (
          <Body1 role="alert">入力内容に不足があります。赤字の項目をご確認ください。</Body1>
        )}
        {saved && !dirty && <Body1 className={styles.saved}>保存済み</Body1>}
        {saved && dirty && <Body1>未保存の変更があります</Body1>}
      </div>
    </div>
  );
}

// Decisions per requested kind: editable while investigating and drafting, shown afterwards.
export function DecisionSection(props: { request: RequestDetail }) {
  const styles = useStyles();
  const r = props.request;
  const editable = canRecord('decision', r.status);
  const shown = editable || r.decisions.length > 0;
  if (!shown) return null;
  return (
    <Card className={styles.card}>
      <Subtitle1 as="h3" block>
        決定
      </Subtitle1>
      {r.approvedBy && <Body1>決裁: {r.accountNames[r.approvedBy] ?? r.approvedBy}（承認済み）</Body1>}
      {r.items.map((i) =>
        editable ? (
          <DecisionForm key={i.kind} request={r} kind={i.kind} />
        ) : (
          <DecisionView key={i.kind} request={r} kind={i.kind} />
        ),
      )}
    </Card>
  );
}
