import { Button, Field, Input, Select, Subtitle1, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProcessingSettings, Trustor } from '../../../../core/contract';
import { groundCodes, groundLabels, type GroundCode, type ReasonTemplate } from '../../../../core/domain/decisions';
import { DEFAULT_SAME_PERSON_MONTHS } from '../../../../core/domain/intake/same-person';
import { ErrorBar } from '../../components/ErrorBar';
import { SuccessBar } from '../../components/SuccessBar';
import { ApiError, call, errorMessage } from '../../lib/api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  template: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalM },
});

// Processing policy: the internal SLA, the company's closed days, the 補正 period, how far back
// the same person's earlier requests are shown.
export function ProcessingPanel(props: { value: ProcessingSettings }) {
  const styles = useStyles();
  const client = useQueryClient();
  const [sla, setSla] = useState(String(props.value.slaBusinessDays));
  const [cure, setCure] = useState(String(props.value.cureDays));
  const [samePerson, setSamePerson] = useState(String(props.value.samePersonMonths ?? DEFAULT_SAME_PERSON_MONTHS));
  const [closed, setClosed] = useState(props.value.closedDays.join('\n'));
  const [trustors, setTrustors] = useState<Trustor[]>(props.value.trustors ?? []);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: ProcessingSettings) => call('settings.updateProcessing', v),
    onSuccess: () => {
      setSaved('保存しました。処理中の請求の期限を新しい設定で計算し直しました。');
      void client.invalidateQueries();
    },
    onError: () => setSaved(null),
  });
  const issue = (key: string) =>
    save.error instanceof ApiError ? save.error.issues?.find((i) => i.path[0] === key)?.message : undefined;
  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          slaBusinessDays: Number(sla),
          cureDays: Number(cure),
          samePersonMonths: Number(samePerson),
          closedDays: closed
            .split(/[\s,、]+/)
            .map((d) => d.trim().replace('/', '-'))
            .filter(Boolean)
            .map((d) => d.replace(/^(\d)-/, '0$1-').replace(/-(\d)$/, '-0$1')),
          trustors,
        });
      }}
    >
      <SuccessBar message={saved} />
      <ErrorBar message={save.isError ? errorMessage(save.error) : null} />
      <Field
        label="社内期限（到達日の翌日から数える営業日数）"
        hint="土日・祝日・休業日を除いて数えます。法第39条の期限（到達日の翌日から2週間）と早い方を回答期限として表示します。"
        validationMessage={issue('slaBusinessDays')}
      >
        <Input type="number" min={1} max={60} value={sla} onChange={(_e, d) => setSla(d.value)} />
      </Field>
      <Field
        label="休業日（毎年、月-日で1行に1日）"
        hint="例: 12-29（年末年始の休業日など）"
        validationMessage={issue('closedDays')}
      >
        <Textarea rows={6} value={closed} onChange={(_e, d) => setClosed(d.value)} />
      </Field>
      <Field label="補正の期限（補正依頼の日から数える日数）" validationMessage={issue('cureDays')}>
        <Input type="number" min={1} max={90} value={cure} onChange={(_e, d) => setCure(d.value)} />
      </Field>
      <Field
        label="同じ方の過去の請求を表示する期間（月数）"
        hint="受付と請求の画面に、この期間に到達した同じ方と思われる請求（回答済み・終了したものを含む）を表示します。"
        validationMessage={issue('samePersonMonths')}
      >
        <Input type="number" min={1} max={120} value={samePerson} onChange={(_e, d) => setSamePerson(d.value)} />
      </Field>
      <TrustorList
        list={trustors}
        onChange={(list) => {
          setTrustors(list);
          setSaved(null);
        }}
        issue={(i, key) =>
          save.error instanceof ApiError
            ? save.error.issues?.find(
                (x) => x.path[0] === 'trustors' && (x.path[1] === i || i === null) && x.path[2] === key,
              )?.message
            : undefined
        }
        listIssue={issue('trustors')}
      />
      <div>
        <Button type="submit" appearance="primary" disabled={save.isPending}>
          保存する
        </Button>
      </div>
    </form>
  );
}

// The business customers for whom the company holds data only as a 委託先: a request about such
// data is answered 「当社の保有個人データに当たらない」 and referred to the customer's window.
function TrustorList(props: {
  list: Trustor[];
  onChange: (list: Trustor[]) => void;
  issue: (i: number | null, key: string) => string | undefined;
  listIssue: string | undefined;
}) {
  const styles = useStyles();
  const { list, onChange } = props;
  const update = (i: number, patch: Partial<Trustor>) =>
    onChange(list.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <div role="group" aria-label="委託元" className={styles.form}>
      <Subtitle1 as="h2">委託元（当社が委託を受けて個人データを取り扱う事業者）</Subtitle1>
      {props.listIssue && <ErrorBar message={props.listIssue} />}
      {list.map((t, i) => (
        <div key={i} className={styles.template} role="group" aria-label={`委託元 ${i + 1}`}>
          <Field label="委託元の名称" required validationMessage={props.issue(i, 'name')}>
            <Input value={t.name} onChange={(_e, d) => update(i, { name: d.value })} />
          </Field>
          <Field
            label="委託元の窓口（ご請求先）"
            required
            hint="通知に記載します。窓口の名称、住所・電話番号など"
            validationMessage={props.issue(i, 'window')}
          >
            <Textarea rows={3} value={t.window} onChange={(_e, d) => update(i, { window: d.value })} />
          </Field>
          <div>
            <Button size="small" onClick={() => onChange(list.filter((_, j) => j !== i))}>
              この委託元を削除
            </Button>
          </div>
        </div>
      ))}
      <div>
        <Button onClick={() => onChange([...list, { name: '', window: '' }])}>委託元を追加</Button>
      </div>
    </div>
  );
}

let counter = 0;
const newId = () => `t${Date.now().toString(36)}${(counter += 1)}`;

// The library of standard reason sentences that staff insert into decisions and then edit.
export function ReasonsPanel(props: { value: ReasonTemplate[] }) {
  const styles = useStyles();
  const client = useQueryClient();
  const [list, setList] = useState<ReasonTemplate[]>(props.value);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (reasons: ReasonTemplate[]) => call('settings.updateReasons', { reasons }),
    onSuccess: () => {
      setSaved('定型文を保存しました。');
      void client.invalidateQueries({ queryKey: ['settings.get'] });
    },
    onError: () => setSaved(null),
  });
  const update = (i: number, patch: Partial<ReasonTemplate>) => {
    setList(list.map((t, j) => (j === i ? { ...t, ...patch } : t)));
    setSaved(null);
  };
  const issue = (i: number, key: string) =>
    save.error instanceof ApiError
      ? save.error.issues?.find((x) => x.path[1] === i && x.path[2] === key)?.message
      : undefined;
  return (
    <div className={styles.form}>
      <Subtitle1 as="h2">理由の定型文</Subtitle1>
      <SuccessBar message={saved} />
      <ErrorBar message={save.isError ? errorMessage(save.error) : null} />
      {list.map((t, i) => (
        <div key={t.id} className={styles.template} role="group" aria-label={`定型文 ${i + 1}`}>
          <Field label="見出し" validationMessage={issue(i, 'title')}>
            <Input value={t.title} onChange={(_e, d) => update(i, { title: d.value })} />
          </Field>
          <Field label="根拠">
            <Select
              value={t.ground ?? ''}
              onChange={(_e, d) => update(i, { ground: d.value === '' ? null : (d.value as GroundCode) })}
            >
              <option value="">（根拠を問わない）</option>
              {groundCodes.map((g) => (
                <option key={g} value={g}>
                  {groundLabels[g]}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="文章"
            validationMessage={issue(i, 'text')}
            hint="{対象}（ご請求の保有個人データ等。一部について応じない決定ではその部分）と{根拠条項}（請求の種類に応じた根拠の条項）は、決定に挿入するときに置き換えられます。"
          >
            <Textarea rows={4} value={t.text} onChange={(_e, d) => update(i, { text: d.value })} />
          </Field>
          <div>
            <Button size="small" onClick={() => setList(list.filter((_, j) => j !== i))}>
              この定型文を削除
            </Button>
          </div>
        </div>
      ))}
      <div className={styles.row}>
        <Button onClick={() => setList([...list, { id: newId(), ground: null, title: '', text: '' }])}>
          定型文を追加
        </Button>
        <Button appearance="primary" disabled={save.isPending} onClick={() => save.mutate(list)}>
          定型文を保存する
        </Button>
      </div>
    </div>
  );
}
