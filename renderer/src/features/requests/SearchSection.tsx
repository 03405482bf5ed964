import {
  Body1,
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { type RequestDetail } from '../../../../core/contract';
import { japanToday, parseDate, slashDate } from '../../../../core/domain/dates';
import {
  searchProblem,
  searchResultLabels,
  searchResults,
  type SearchInput,
  type SearchResult,
} from '../../../../core/domain/searches';
import { canRecord } from '../../../../core/domain/workflow';
import { ErrorBar } from '../../components/ErrorBar';
import { dateReason, firstReason, WhyDisabled } from '../../components/WhyDisabled';
import { PlainDateField } from '../../components/PlainDateField';
import { cardStyle } from '../../components/styles';
import { call, errorMessage } from '../../lib/api';
import { useRequestMutation } from './WorkflowPanel';

const useStyles = makeStyles({
  card: cardStyle,
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'left',
    verticalAlign: 'top',
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

// The search record (探索の記録): which systems or ledgers were searched for the person's data,
// with which keys, when, by whom and with what result. A 不存在 decision goes to approval only
// with a search that found nothing; the searches marked for it are the 不存在 letter's
// 「探索した範囲」.
export function SearchSection(props: { request: RequestDetail }) {
  const styles = useStyles();
  const r = props.request;
  const editable = canRecord('search', r.status);
  const [system, setSystem] = useState('');
  const [keys, setKeys] = useState('');
  const [dateText, setDateText] = useState(() => slashDate(japanToday(new Date())));
  const [result, setResult] = useState<SearchResult>('notFound');
  const [inLetter, setInLetter] = useState(true);
  const [removing, setRemoving] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const add = useRequestMutation(
    r.id,
    (search: SearchInput) => call('requests.addSearch', { id: r.id, search }),
    () => {
      setSystem('');
      setKeys('');
    },
  );
  const remove = useRequestMutation(
    r.id,
    (searchId: string) => call('requests.removeSearch', { id: r.id, searchId, reason }),
    () => {
      setRemoving(null);
      setReason('');
    },
  );
  if (!editable && r.searches.length === 0) return null;
  const on = parseDate(dateText);
  const addBlocked = firstReason(
    [system.trim() === '', '探索したシステム・台帳を入力してください。'],
    [keys.trim() === '', '検索に用いた事項を入力してください。'],
    [!on, dateReason(dateText, '探索日')],
  );
  const missing = searchProblem(r.decisions, r.searches);
  const error = add.isError ? errorMessage(add.error) : remove.isError ? errorMessage(remove.error) : null;
  return (
    <Card className={styles.card} role="region" aria-label="探索の記録">
      <Subtitle1 as="h3" block>
        探索の記録
      </Subtitle1>
      {missing && (
        <MessageBar intent="warning" data-testid="search-missing">
          <MessageBarBody>{missing}</MessageBarBody>
        </MessageBar>
      )}
      {r.searches.length === 0 ? (
        <Body1>探索の記録はまだありません。</Body1>
      ) : (
        <table className={styles.table} data-testid="searches">
          <thead>
            <tr>
              {['探索日', '探索したシステム・台帳', '検索に用いた事項', '結果', '通知書', '記録者', '操作'].map((h) => (
                <th key={h} className={styles.cell} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.searches.map((s) => (
              <tr key={s.id}>
                <td className={styles.cell}>{slashDate(s.on)}</td>
                <td className={styles.cell}>{s.system}</td>
                <td className={styles.cell}>{s.keys}</td>
                <td className={styles.cell}>{searchResultLabels[s.result]}</td>
                <td className={styles.cell}>{s.inLetter ? '記載する' : '記載しない'}</td>
                <td className={styles.cell}>{r.accountNames[s.by] ?? s.by}</td>
                <td className={styles.cell}>
                  {editable && removing !== s.id && (
                    <Button size="small" data-destructive onClick={() => setRemoving(s.id)}>
                      削除…
                    </Button>
                  )}
                  {removing === s.id && (
                    <div className={styles.actions} role="group" aria-label="探索の記録の削除">
                      <Field label="削除の理由" required>
                        <Input value={reason} onChange={(_e, d) => setReason(d.value)} />
                      </Field>
                      <Button
                        data-destructive
                        disabled={reason.trim() === '' || remove.isPending}
                        aria-describedby={reason.trim() === '' ? 'why-search-remove' : undefined}
                        onClick={() => remove.mutate(s.id)}
                      >
                        削除する
                      </Button>
                      <Button onClick={() => setRemoving(null)}>取り消す</Button>
                      <WhyDisabled
                        id="why-search-remove"
                        reason={reason.trim() === '' ? '削除の理由を入力してください。' : null}
                      />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <div role="group" aria-label="探索の追加" className={styles.row}>
          <Field label="探索したシステム・台帳" required hint="例: 顧客管理システム、紙の申込書綴り">
            <Input value={system} onChange={(_e, d) => setSystem(d.value)} />
          </Field>
          <Field label="検索に用いた事項" required hint="例: 氏名（カナ）、電話番号、会員番号">
            <Input value={keys} onChange={(_e, d) => setKeys(d.value)} />
          </Field>
          <PlainDateField label="探索日" text={dateText} onText={setDateText} required />
          <Field label="結果" required>
            <Select value={result} onChange={(_e, d) => setResult(d.value as SearchResult)}>
              {searchResults.map((v) => (
                <option key={v} value={v}>
                  {searchResultLabels[v]}
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox
            label="不存在の通知書に「探索した範囲」として記載する"
            checked={inLetter}
            onChange={(_e, d) => setInLetter(d.checked === true)}
          />
          <Button
            disabled={addBlocked !== null || add.isPending}
            aria-describedby={addBlocked ? 'why-search-add' : undefined}
            onClick={() => on && add.mutate({ system, keys, on, result, inLetter })}
          >
            探索を記録する
          </Button>
          <WhyDisabled id="why-search-add" reason={addBlocked} />
        </div>
      )}
      <ErrorBar message={error} />
    </Card>
  );
}
