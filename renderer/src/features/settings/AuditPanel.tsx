import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditVerification } from '../../../../core/contract';
import { auditActionNames, auditActions, type AuditAction } from '../../../../core/domain/audit';
import { describeAudit } from '../../../../core/domain/audit-text';
import { addDays, parseDate, slashDateTime } from '../../../../core/domain/dates';
import { PlainDateField } from '../../components/PlainDateField';
import { ErrorBar } from '../../components/ErrorBar';
import { useCellStyles } from '../../components/tables';
import { WhyDisabled, firstReason } from '../../components/WhyDisabled';
import { call, errorMessage } from '../../lib/api';

const PAGE = 50;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
  pager: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  details: { '& > summary': { cursor: 'pointer', marginBottom: tokens.spacingVerticalS } },
});

const problemText: Record<NonNullable<AuditVerification['problem']>, string> = {
  modified: '内容が書き換えられています',
  missing: '記録が削除されています',
  head_mismatch: '最新の記録が削除または改変されています',
  anchor_mismatch: 'データベースの外に控えた記録と一致しません（書き換え・削除・切り詰めのおそれ）',
  not_from_setup: '最初の記録が初期設定ではありません（先頭からの書き換えのおそれ）',
};

// A typed day (2026/11/22, 令和8年11月22日…) as the UTC instant of its midnight in Japan (the
// filter's lower or upper bound).
function dayStart(text: string, plusDays = 0): string | undefined {
  const date = parseDate(text);
  if (!date) return undefined;
  return new Date(`${addDays(date, plusDays)}T00:00:00+09:00`).toISOString();
}

export function AuditPanel() {
  const styles = useStyles();
  const cells = useCellStyles();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [action, setAction] = useState<AuditAction | ''>('');
  const [accountId, setAccountId] = useState('');
  const [receiptNo, setReceiptNo] = useState('');
  const [page, setPage] = useState(0);
  const accounts = useQuery({ queryKey: ['accounts.list'], queryFn: () => call('accounts.list', {}) });
  const where = {
    receiptNo: receiptNo.trim() === '' ? undefined : receiptNo.normalize('NFKC').trim(),
    from: dayStart(from),
    to: dayStart(to, 1),
    action: action === '' ? undefined : action,
    accountId: accountId === '' ? undefined : accountId,
  };
  const filter = { ...where, limit: PAGE, offset: page * PAGE };
  const exported = useMutation({ mutationFn: () => call('audit.export', where) });
  const entries = useQuery({ queryKey: ['audit.list', filter], queryFn: () => call('audit.list', filter) });
  // A printed record of the chain's head (number and hash), typed back to check against the log.
  const [printedId, setPrintedId] = useState('');
  const [printedHash, setPrintedHash] = useState('');
  const [detailsOpen, setDetailsOpen] = useState(false);
  const verify = useMutation({
    mutationFn: (anchor: { id: number; hash: string } | null) => call('audit.verify', { anchor }),
  });
  const anchor = useMutation({ mutationFn: () => call('audit.anchor', {}) });
  const printedWhy = firstReason(
    [printedId.trim() === '', '控えの番号を入力してください。'],
    [printedHash.trim() === '', '控えのハッシュを入力してください。'],
  );
  const names = new Map((accounts.data ?? []).map((a) => [a.id, a.displayName]));
  const total = entries.data?.total ?? 0;
  const reset = () => setPage(0);

  return (
    <div className={styles.stack}>
      <div>
        <Button onClick={() => verify.mutate(null)} disabled={verify.isPending}>
          監査ログを検証する
        </Button>
      </div>
      {verify.data?.ok === true && (
        <MessageBar intent="success" data-testid="audit-verification">
          <MessageBarBody>
            監査ログは改ざんされていません（{verify.data.checked}件、外部の控え{verify.data.anchors.checked}
            件と照合しました）。
          </MessageBarBody>
        </MessageBar>
      )}
      {verify.data?.ok === false && (
        <MessageBar intent="error" data-testid="audit-verification">
          <MessageBarBody>
            監査ログの {verify.data.entryId} 番の記録で不整合が見つかりました（
            {verify.data.problem ? problemText[verify.data.problem] : '不明'}）。
            {verify.data.anchors.failed.length > 0 &&
              `一致しない控え: ${verify.data.anchors.failed.map((f) => `${f.source}（${f.entryId}番）`).join('、')}。`}
            システム管理者に報告してください。
          </MessageBarBody>
        </MessageBar>
      )}
      {/* The printed record of the chain's head and its check: for the administrator who keeps
          such a record outside this PC, not for the clerk reading the log, so folded away. */}
      <details className={styles.details} open={detailsOpen} onToggle={(e) => setDetailsOpen(e.currentTarget.open)}>
        <summary>詳細: 紙などに控えた記録との照合</summary>
        {detailsOpen && (
          <div className={styles.stack}>
            <div>
              <Button onClick={() => anchor.mutate()} disabled={anchor.isPending}>
                照合用の記録を表示
              </Button>
            </div>
            {anchor.data && (
              <MessageBar intent="info" data-testid="audit-anchor">
                <MessageBarBody>
                  照合用の記録（{slashDateTime(anchor.data.at)}）: 番号 {anchor.data.id}／ハッシュ{' '}
                  <code>{anchor.data.hash}</code>
                  。印刷するか書き留めて、このパソコンとは別に保管してください。後日ここに入力すると、それ以前の記録が書き換えられて
                  いないかを確認できます。
                </MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.filters} role="group" aria-label="控えとの照合">
              <Field label="控えの番号">
                <Input value={printedId} onChange={(_e, d) => setPrintedId(d.value)} inputMode="numeric" />
              </Field>
              <Field label="控えのハッシュ">
                <Input value={printedHash} onChange={(_e, d) => setPrintedHash(d.value)} />
              </Field>
              <Button
                disabled={verify.isPending || printedWhy !== null}
                aria-describedby={printedWhy ? 'why-printed' : undefined}
                onClick={() => verify.mutate({ id: Number(printedId.trim()), hash: printedHash.trim() })}
              >
                控えと照合する
              </Button>
              <WhyDisabled id="why-printed" reason={printedWhy} />
            </div>
          </div>
        )}
      </details>
      <ErrorBar
        message={
          verify.isError
            ? errorMessage(verify.error)
            : anchor.isError
              ? errorMessage(anchor.error)
              : entries.isError
                ? errorMessage(entries.error)
                : null
        }
      />
      <div className={styles.filters}>
        <Field label="受付番号">
          <Input
            value={receiptNo}
            onChange={(_e, d) => {
              setReceiptNo(d.value);
              reset();
            }}
          />
        </Field>
        <PlainDateField
          label="開始日"
          text={from}
          onText={(t) => {
            setFrom(t);
            reset();
          }}
        />
        <PlainDateField
          label="終了日"
          text={to}
          onText={(t) => {
            setTo(t);
            reset();
          }}
        />
        <Field label="操作">
          <Select
            value={action}
            onChange={(_e, d) => {
              setAction(d.value as AuditAction | '');
              reset();
            }}
          >
            <option value="">すべて</option>
            {auditActionNames.map((a) => (
              <option key={a} value={a}>
                {auditActions[a]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="アカウント">
          <Select
            value={accountId}
            onChange={(_e, d) => {
              setAccountId(d.value);
              reset();
            }}
          >
            <option value="">すべて</option>
            {(accounts.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName}（{a.loginName}）
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Table aria-label="監査ログ" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={cells.num}>番号</TableHeaderCell>
            <TableHeaderCell>日時</TableHeaderCell>
            <TableHeaderCell>アカウント</TableHeaderCell>
            <TableHeaderCell>操作</TableHeaderCell>
            <TableHeaderCell>受付番号</TableHeaderCell>
            <TableHeaderCell>内容</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(entries.data?.entries ?? []).map((e) => (
            <TableRow key={e.id}>
              <TableCell className={cells.num}>{e.id}</TableCell>
              <TableCell className={cells.nowrap}>{slashDateTime(e.at)}</TableCell>
              <TableCell className={cells.nowrap}>
                {e.accountId ? (names.get(e.accountId) ?? e.accountId) : '—'}
              </TableCell>
              <TableCell className={cells.nowrap}>
                {(auditActions as Record<string, string>)[e.action] ?? e.action}
              </TableCell>
              <TableCell className={cells.nowrap}>{e.receiptNo ?? '—'}</TableCell>
              <TableCell className={cells.fill}>{describeAudit(e)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.pager}>
        <Button size="small" disabled={exported.isPending || total === 0} onClick={() => exported.mutate()}>
          この条件でCSVに保存…
        </Button>
        {exported.data?.saved && <span data-testid="audit-exported">{exported.data.rows}件を保存しました。</span>}
        {exported.isError && <span role="alert">{errorMessage(exported.error)}</span>}
      </div>
      <div className={styles.pager}>
        <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
          前へ
        </Button>
        <span>
          {total === 0
            ? '該当する記録はありません'
            : `${page * PAGE + 1}〜${Math.min(total, (page + 1) * PAGE)}件目 / 全${total}件`}
        </span>
        <Button size="small" disabled={(page + 1) * PAGE >= total} onClick={() => setPage(page + 1)}>
          次へ
        </Button>
      </div>
    </div>
  );
}
