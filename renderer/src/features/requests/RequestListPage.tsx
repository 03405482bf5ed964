import {
  Body1,
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import type { ListFilter } from '../../../../core/contract';
import { japanToday, parseDate } from '../../../../core/domain/dates';
import {
  channelLabels,
  channels,
  kindInfo,
  requestKinds,
  type Channel,
  type RequestKind,
} from '../../../../core/domain/intake/kinds';
import { closedStates, states, stateLabels, type State } from '../../../../core/domain/workflow';
import { ErrorBar } from '../../components/ErrorBar';
import { PlainDateField } from '../../components/PlainDateField';
import { call, errorMessage } from '../../lib/api';
import { RequestTable } from './RequestTable';

const useStyles = makeStyles({
  filters: {
    padding: tokens.spacingHorizontalL,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  pager: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', marginTop: tokens.spacingVerticalM },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const PAGE = 50;
const openStates = states.filter((s) => !closedStates.includes(s));
type StatusChoice = 'all' | 'open' | State;

// Every request, filtered and searched; 50 to a page, counted in full.
export function RequestListPage(props: { onOpen: (id: string) => void }) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [statusChoice, setStatusChoice] = useState<StatusChoice>('open');
  const [kind, setKind] = useState<RequestKind | ''>('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [sort, setSort] = useState<ListFilter['sort']>('arrivalDesc');
  const [page, setPage] = useState(0);
  const from = parseDate(fromText);
  const to = parseDate(toText);
  const filter: ListFilter = {
    statuses: statusChoice === 'all' ? [] : statusChoice === 'open' ? openStates : [statusChoice],
    kind: kind || null,
    channel: channel || null,
    from,
    to,
    overdue,
    query: query.trim(),
    sort,
    offset: page * PAGE,
    limit: PAGE,
  };
  const deferred = useDeferredValue(filter);
  const datesOk = (fromText === '' || from !== null) && (toText === '' || to !== null) && !(from && to && from > to);
  const list = useQuery({
    queryKey: ['requests.list', deferred],
    queryFn: () => call('requests.list', deferred),
    placeholderData: keepPreviousData,
    enabled: datesOk,
  });
  const today = japanToday(new Date());
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(0);
    };
  const total = list.data?.total ?? 0;
  const capped = list.data?.capped ?? false;
  return (
    <div className={styles.stack}>
      <Card className={styles.filters} role="search" aria-label="請求の絞り込み">
        <Field label="検索（受付番号・氏名・フリガナ）">
          <Input
            value={query}
            onChange={(_e, d) => reset(setQuery)(d.value)}
            placeholder="例: 2026-0012、山田、ヤマダ"
          />
        </Field>
        <Field label="段階">
          <Select value={statusChoice} onChange={(_e, d) => reset(setStatusChoice)(d.value as StatusChoice)}>
            <option value="open">処理中のすべて</option>
            <option value="all">すべて（終了を含む）</option>
            {states.map((s) => (
              <option key={s} value={s}>
                {stateLabels[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="請求の種類">
          <Select value={kind} onChange={(_e, d) => reset(setKind)(d.value as RequestKind | '')}>
            <option value="">すべて</option>
            {requestKinds.map((k) => (
              <option key={k} value={k}>
                {kindInfo[k].label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="受付方法">
          <Select value={channel} onChange={(_e, d) => reset(setChannel)(d.value as Channel | '')}>
            <option value="">すべて</option>
            {channels.map((c) => (
              <option key={c} value={c}>
                {channelLabels[c]}
              </option>
            ))}
          </Select>
        </Field>
        <PlainDateField label="到達日（から）" text={fromText} onText={reset(setFromText)} />
        <PlainDateField
          label="到達日（まで）"
          text={toText}
          onText={reset(setToText)}
          error={from && to && from > to ? '期間の終わりは始まり以降の日付にしてください。' : null}
        />
        <Field label="並び順">
          <Select value={sort} onChange={(_e, d) => reset(setSort)(d.value as ListFilter['sort'])}>
            <option value="arrivalDesc">到達日の新しい順</option>
            <option value="arrivalAsc">到達日の古い順</option>
            <option value="dueAsc">回答期限の近い順</option>
          </Select>
        </Field>
        <Checkbox
          label="期限を過ぎたもののみ"
          checked={overdue}
          onChange={(_e, d) => reset(setOverdue)(d.checked === true)}
        />
      </Card>
      <ErrorBar message={list.isError ? errorMessage(list.error) : null} />
      <Card>
        {list.isPending ? (
          <Spinner label="読み込み中…" />
        ) : (
          <>
            <Body1 data-testid="list-total" aria-live="polite">
              {total.toLocaleString('ja-JP')}件{capped ? '以上' : ''}
              {total > 0 ? `（${page * PAGE + 1}〜${Math.min(total, (page + 1) * PAGE)}件目）` : ''}
            </Body1>
            {list.data && list.data.rows.length > 0 && (
              <RequestTable rows={list.data.rows} label="請求一覧" onOpen={props.onOpen} today={today} />
            )}
            <div className={styles.pager}>
              <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
                前の50件
              </Button>
              <Button disabled={!capped && (page + 1) * PAGE >= total} onClick={() => setPage(page + 1)}>
                次の50件
              </Button>
            </div>
          </>
        )}
      </Card>
    </div>
  );
}
