import { slashDate } from '../../../../core/domain/dates';
import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { RequestSummary } from '../../../../core/contract';
import { kindInfo } from '../../../../core/domain/intake/kinds';
import {
  answerOverdue,
  closedStates,
  isState,
  overdueNote,
  stateLabels,
  type State,
} from '../../../../core/domain/workflow';
import { useCellStyles } from '../../components/tables';
import { mask, usePrivacy } from './privacy';

export const slash = (d: string | null) => (d ? slashDate(d) : '—');

export function StatusBadge(props: { status: string }) {
  const s: State | null = isState(props.status) ? props.status : null;
  const color =
    s === null ? 'informative' : closedStates.includes(s) ? 'subtle' : s === 'awaitingCure' ? 'warning' : 'brand';
  return (
    <Badge appearance="tint" color={color}>
      {s ? stateLabels[s] : props.status}
    </Badge>
  );
}

// Requests in a table; the 受付番号 opens the request. Names are masked in privacy mode.
export function RequestTable(props: {
  rows: readonly RequestSummary[];
  label: string;
  onOpen: (id: string) => void;
  today?: string;
  show?: 'due' | 'cure' | 'closed';
}) {
  const privacy = usePrivacy();
  const cells = useCellStyles();
  const show = props.show ?? 'due';
  return (
    <Table size="small" aria-label={props.label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>受付番号</TableHeaderCell>
          <TableHeaderCell>本人氏名</TableHeaderCell>
          <TableHeaderCell>請求の種類</TableHeaderCell>
          <TableHeaderCell>到達日</TableHeaderCell>
          <TableHeaderCell>
            {show === 'cure' ? '補正の期限' : show === 'closed' ? '完了日' : '回答期限'}
          </TableHeaderCell>
          <TableHeaderCell>段階</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((r) => {
          const date = show === 'cure' ? r.cureDue : show === 'closed' ? r.closedOn : r.dueDate;
          const late = show === 'due' && props.today !== undefined && answerOverdue(r, props.today);
          return (
            <TableRow key={r.id} data-testid="request-row">
              <TableCell>
                <Button
                  appearance="transparent"
                  size="small"
                  style={{ whiteSpace: 'nowrap' }}
                  onClick={() => props.onOpen(r.id)}
                >
                  {r.receiptNo}
                </Button>
              </TableCell>
              <TableCell data-testid="principal-name">
                <div style={{ whiteSpace: 'nowrap' }}>{privacy ? mask(r.principalName) : r.principalName}</div>
                {!privacy && <div style={{ fontSize: '0.8em', whiteSpace: 'nowrap' }}>{r.principalKana}</div>}
              </TableCell>
              <TableCell>{r.kinds.map((k) => kindInfo[k].label).join('、')}</TableCell>
              <TableCell className={cells.nowrap}>{slash(r.arrivalDate)}</TableCell>
              <TableCell>
                <span className={cells.nowrap}>{slash(date)}</span>
                {late && (
                  <Badge color="danger" style={{ marginLeft: 4 }}>
                    期限超過
                  </Badge>
                )}
                {props.today !== undefined && overdueNote(r, props.today) && (
                  <div style={{ fontSize: '0.8em' }}>{overdueNote(r, props.today)}</div>
                )}
              </TableCell>
              <TableCell className={cells.nowrap}>
                <StatusBadge status={r.status} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
