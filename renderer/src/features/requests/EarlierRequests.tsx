import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { EarlierRequests } from '../../../../core/contract';
import { slashDate } from '../../../../core/domain/dates';
import { kindInfo } from '../../../../core/domain/intake/kinds';
import { samePersonFieldLabels } from '../../../../core/domain/intake/same-person';
import { ErrorBar } from '../../components/ErrorBar';
import { call, errorMessage } from '../../lib/api';

// Earlier requests of the same person, answered and closed ones included (issue 33 §4): what
// staff weigh before a 33条2項2号 decision on repeated requests. No names are shown (it is the
// same person), so the list needs no hiding in privacy mode.
export function EarlierTable(props: { data: EarlierRequests; onOpen?: (id: string) => void }) {
  return (
    <Table size="small" aria-label="同じ方と思われる請求" data-testid="earlier-requests">
      <TableHeader>
        <TableRow>
          <TableHeaderCell style={{ width: '8em' }}>受付番号</TableHeaderCell>
          <TableHeaderCell style={{ width: '7em' }}>到達日</TableHeaderCell>
          <TableHeaderCell>請求の種類</TableHeaderCell>
          <TableHeaderCell>結果</TableHeaderCell>
          <TableHeaderCell style={{ width: '7em' }}>完了日</TableHeaderCell>
          <TableHeaderCell>一致した項目</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.data.rows.map((r) => (
          <TableRow key={r.id} data-testid="earlier-row">
            <TableCell>
              {props.onOpen ? (
                <Button
                  appearance="transparent"
                  size="small"
                  style={{ whiteSpace: 'nowrap' }}
                  onClick={() => props.onOpen?.(r.id)}
                >
                  {r.receiptNo}
                </Button>
              ) : (
                <span style={{ whiteSpace: 'nowrap' }}>{r.receiptNo}</span>
              )}
            </TableCell>
            <TableCell>{slashDate(r.arrivalDate)}</TableCell>
            <TableCell>{r.kinds.map((k) => kindInfo[k].label).join('、')}</TableCell>
            <TableCell>{r.outcome}</TableCell>
            <TableCell>{r.closedOn ? slashDate(r.closedOn) : '—'}</TableCell>
            <TableCell>
              {r.matched.map((f, i) => (
                <span key={f} style={{ whiteSpace: 'nowrap' }}>
                  {i > 0 ? '・' : ''}
                  {samePersonFieldLabels[f]}
                </span>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

// The period: before today at intake, before the request's own 到達日 on its page.
const periodText = (d: EarlierRequests, page: boolean) =>
  page
    ? `この請求の到達日の${d.months}か月前（${slashDate(d.since)}）以降に到達した請求`
    : `過去${d.months}か月（${slashDate(d.since)}以降）に到達した請求`;

// At intake, under the person's details: a warning while they match earlier requests.
export function EarlierWarning(props: { data: EarlierRequests | undefined }) {
  const d = props.data;
  if (!d || d.rows.length === 0) return null;
  return (
    <div data-testid="duplicate-warning">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>同じ方と思われる請求があります</MessageBarTitle>
          {periodText(d, false)}と処理中の請求です。回答済み・終了した請求も含みます。
        </MessageBarBody>
      </MessageBar>
      <EarlierTable data={d} />
    </div>
  );
}

// On a request's page: the other requests of its principal from the period before its 到達日.
export function EarlierSection(props: { id: string; onOpen?: (id: string) => void }) {
  const earlier = useQuery({
    queryKey: ['requests.earlier', props.id],
    queryFn: () => call('requests.earlier', { id: props.id }),
  });
  if (earlier.isError) return <ErrorBar message={errorMessage(earlier.error)} />;
  const d = earlier.data;
  if (!d) return null;
  if (d.rows.length === 0)
    return (
      <Body1 data-testid="earlier-none">
        {periodText(d, true)}と処理中の請求に、同じ方と思われる他の請求はありません。
      </Body1>
    );
  return (
    <div data-testid="earlier-section">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>同じ方と思われる他の請求が{d.rows.length}件あります</MessageBarTitle>
          {periodText(d, true)}と処理中の請求です。回答済み・終了した請求も含みます。
        </MessageBarBody>
      </MessageBar>
      <EarlierTable data={d} onOpen={props.onOpen} />
    </div>
  );
}
