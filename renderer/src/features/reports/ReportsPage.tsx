import { cardStyle } from '../../components/styles';
import {
  Body1,
  Button,
  Caption1,
  Card,
  Checkbox,
  Field,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelOutput, ReportSelection, Session } from '../../../../core/contract';
import { addMonths, japanToday, parseDate, slashDate } from '../../../../core/domain/dates';
import { channelLabels, kindInfo, requesterTypeLabels } from '../../../../core/domain/intake/kinds';
import { KINDS_NOTE, outcomeCounts, reportHeader, reportSections } from '../../../../core/domain/report-sections';
import { channelsInOrder, kindsInOrder, requestersInOrder } from '../../../../core/domain/reports';
import { cellText } from '../../../../core/domain/table';
import { ErrorBar } from '../../components/ErrorBar';
import { PlainDateField } from '../../components/PlainDateField';
import { call, errorMessage } from '../../lib/api';
import { useExportProgress } from '../../lib/progress';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: cardStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'end', flexWrap: 'wrap' },
  // The figures' card is the wider one: its labels are long and stay on one line.
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalL,
  },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  label: { whiteSpace: 'nowrap', width: '100%' },
  nowrap: { whiteSpace: 'nowrap' },
});

// A period's column heading on lines of its own (当期 / 2026年11月 / 12月8日時点): on one line it
// made the number columns wider than their numbers and squeezed the labels into two lines.
function headingLines(h: string): string[] {
  return h
    .replace(/）$/, '')
    .split(/（|、|(?<=〜)/)
    .filter((part) => part !== '');
}

type Report = ChannelOutput<'reports.get'>;

// Bars drawn as SVG rectangles, one per month: readable at a glance, nothing to load.
function MonthChart(props: { data: Report['perMonth']; to: string }) {
  const months = Array.from({ length: 12 }, (_, i) => addMonths(`${props.to.slice(0, 7)}-01`, i - 11).slice(0, 7));
  const counts = months.map((m) => props.data.find((d) => d.month === m)?.count ?? 0);
  const max = Math.max(1, ...counts);
  const w = 36;
  return (
    <svg
      role="img"
      aria-label="過去12か月の受付件数"
      viewBox={`0 0 ${months.length * w} 156`}
      width="100%"
      height="170"
    >
      {counts.map((c, i) => {
        const h = (c / max) * 95;
        return (
          <g key={months[i]}>
            <rect x={i * w + 6} y={120 - h} width={w - 12} height={h} fill={tokens.colorBrandBackground} />
            <text x={i * w + w / 2} y={115 - h} fontSize="10" textAnchor="middle">
              {c}
            </text>
            <text x={i * w + w / 2} y={136} fontSize="9" textAnchor="middle">
              {Number(months[i]?.slice(5))}月
            </text>
            {/* The year under January and under the first bar, so that every bar's year is clear. */}
            {(i === 0 || months[i]?.endsWith('-01')) && (
              <text x={i * w + w / 2} y={148} fontSize="8" textAnchor="middle">
                {months[i]?.slice(0, 4)}年
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function Breakdown(props: { title: string; rows: [string, number][] }) {
  const styles = useStyles();
  const max = Math.max(1, ...props.rows.map(([, n]) => n));
  return (
    <Table size="small" aria-label={props.title}>
      <TableBody>
        {props.rows.map(([label, n]) => (
          <TableRow key={label}>
            <TableCell className={styles.nowrap}>{label}</TableCell>
            <TableCell className={styles.num}>{n}件</TableCell>
            <TableCell style={{ width: '40%' }}>
              <div
                style={{ height: 10, width: `${(n / max) * 100}%`, background: tokens.colorBrandBackground2Pressed }}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

// The ledger for auditors: one row per request arrived in the period, in full or masked.
function LedgerCard() {
  const styles = useStyles();
  const [fromText, setFromText] = useState(() => `${japanToday(new Date()).slice(0, 4)}/01/01`);
  const [toText, setToText] = useState(() => slashDate(japanToday(new Date())));
  const [masked, setMasked] = useState(false);
  const from = parseDate(fromText);
  const to = parseDate(toText);
  const save = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => {
      if (!from || !to) throw new Error('dates');
      return call('reports.ledger', { from, to, masked, format });
    },
  });
  const progress = useExportProgress(save.isPending);
  return (
    <Card className={styles.card}>
      <Subtitle1 as="h2">開示等請求管理台帳</Subtitle1>
      <Body1>到達日が期間内の請求を、1件1行で出力します（Pマークの審査などに使います）。</Body1>
      <div className={styles.row}>
        <PlainDateField label="到達日（から）" text={fromText} onText={setFromText} />
        <PlainDateField
          label="到達日（まで）"
          text={toText}
          onText={setToText}
          error={from && to && from > to ? '期間の終わりは始まり以降の日付にしてください。' : null}
        />
        <Checkbox
          label="氏名をイニシャル、住所を都道府県までにする（回覧用）"
          checked={masked}
          onChange={(_e, d) => setMasked(d.checked === true)}
        />
      </div>
      <div className={styles.row}>
        {(
          [
            ['csv', '台帳を CSV で保存…'],
            ['xlsx', '台帳を Excel で保存…'],
          ] as const
        ).map(([format, label]) => (
          <Button
            key={format}
            disabled={!from || !to || from > to || save.isPending}
            onClick={() => save.mutate(format)}
          >
            {label}
          </Button>
        ))}
      </div>
      {save.isPending && (
        <Field
          label="台帳を作成しています…"
          validationState="none"
          validationMessage={
            progress ? `${progress.done.toLocaleString('ja-JP')} / ${progress.total.toLocaleString('ja-JP')}件` : ' '
          }
        >
          <ProgressBar value={progress && progress.total > 0 ? progress.done / progress.total : undefined} />
        </Field>
      )}
      {save.data?.saved && <Body1>{save.data.rows}件を保存しました。</Body1>}
      <ErrorBar message={save.isError ? errorMessage(save.error) : null} />
    </Card>
  );
}

export function ReportsPage(props: { session: Session }) {
  const styles = useStyles();
  const client = useQueryClient();
  const lastMonth = addMonths(`${japanToday(new Date()).slice(0, 7)}-01`, -1).slice(0, 7);
  const [selection, setSelection] = useState<ReportSelection>({ kind: 'month', value: lastMonth });
  const report = useQuery({ queryKey: ['reports.get', selection], queryFn: () => call('reports.get', selection) });
  const [comment, setComment] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (c: string) => call('reports.saveComment', { selection, comment: c }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reports.get', selection] }),
  });
  const exportAs = useMutation({
    mutationFn: (format: 'csv' | 'csvSjis' | 'xlsx' | 'pdf') => call('reports.export', { selection, format }),
  });
  const months = Array.from({ length: 24 }, (_, i) => addMonths(`${lastMonth}-01`, -i + 1).slice(0, 7));
  const thisYear = Number(japanToday(new Date()).slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  const r = report.data;
  const admin = props.session.roles.includes('admin');
  return (
    <div className={styles.stack}>
      <Card className={styles.card}>
        <div className={styles.row}>
          <Field label="報告書の種類">
            <RadioGroup
              layout="horizontal"
              value={selection.kind}
              onChange={(_e, d) => {
                setComment(null);
                setSelection(
                  d.value === 'year' ? { kind: 'year', value: String(thisYear) } : { kind: 'month', value: lastMonth },
                );
              }}
            >
              <Radio value="month" label="月次" />
              <Radio value="year" label="年次" />
            </RadioGroup>
          </Field>
          <Field label="期間">
            <Select
              value={selection.value}
              onChange={(_e, d) => {
                setComment(null);
                setSelection({ ...selection, value: d.value });
              }}
            >
              {(selection.kind === 'month' ? months : years).map((v) => (
                <option key={v} value={v}>
                  {selection.kind === 'month' ? `${v.slice(0, 4)}年${Number(v.slice(5))}月` : `${v}年`}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.row} role="group" aria-label="出力">
            {(
              [
                ['csv', 'CSV で保存…'],
                ['csvSjis', 'CSV（Shift_JIS）で保存…'],
                ['xlsx', 'Excel で保存…'],
                ['pdf', 'PDF で保存…'],
              ] as const
            ).map(([format, label]) => (
              <Button
                key={format}
                onClick={() => exportAs.mutate(format)}
                disabled={exportAs.isPending || !report.data}
              >
                {label}
              </Button>
            ))}
          </div>
        </div>
        {exportAs.isPending && <Spinner size="tiny" label="出力しています…" />}
        {exportAs.data?.saved && <Body1>保存しました。</Body1>}
        {comment !== null && r && comment !== r.comment && (
          <Body1>保存していないコメントは出力に含まれません。先に「コメントを保存」を押してください。</Body1>
        )}
        <ErrorBar message={exportAs.isError ? errorMessage(exportAs.error) : null} />
      </Card>
      <ErrorBar message={report.isError ? errorMessage(report.error) : null} />
      {report.isPending && <Spinner label="集計しています…" />}
      {r && (
        <>
          <div className={styles.grid}>
            <Card className={styles.card}>
              <Subtitle1 as="h2">主な数値</Subtitle1>
              <Table size="small" aria-label="主な数値">
                <TableHeader>
                  <TableRow>
                    {reportHeader(r).map((h, i) => (
                      <TableHeaderCell key={h} className={i > 0 ? styles.num : undefined} aria-label={h}>
                        <span>
                          {headingLines(h).map((line, j) => (
                            <span key={line}>
                              {j > 0 && <br />}
                              {line}
                            </span>
                          ))}
                        </span>
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {(reportSections(r)[0]?.rows ?? []).map((cells) => (
                    <TableRow key={cellText(cells[0] ?? '')}>
                      <TableCell className={styles.label}>{cellText(cells[0] ?? '')}</TableCell>
                      <TableCell className={styles.num}>{cellText(cells[1] ?? '')}</TableCell>
                      <TableCell className={styles.num}>{cellText(cells[2] ?? '')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Card>
            <Card className={styles.card}>
              <Subtitle1 as="h2">過去12か月の受付件数</Subtitle1>
              <MonthChart data={r.perMonth} to={r.current.period.to} />
              <Subtitle1 as="h2">請求の種類別</Subtitle1>
              <Breakdown
                title="請求の種類別の受付件数"
                rows={kindsInOrder(r.current.received.byKind).map(([k, n]) => [kindInfo[k].label, n])}
              />
              <Caption1>※{KINDS_NOTE}</Caption1>
              <Subtitle1 as="h2">受付方法・請求者別</Subtitle1>
              <Breakdown
                title="受付方法別の受付件数"
                rows={channelsInOrder(r.current.received.byChannel).map(([k, n]) => [channelLabels[k], n])}
              />
              <Breakdown
                title="請求者の種別ごとの受付件数"
                rows={requestersInOrder(r.current.received.byRequester).map(([k, n]) => [requesterTypeLabels[k], n])}
              />
              <Subtitle1 as="h2">決定の内容</Subtitle1>
              <Breakdown title="請求の種類別の決定" rows={outcomeCounts(r.current)} />
            </Card>
          </div>
          <Card className={styles.card}>
            <Subtitle1 as="h2">個人情報保護管理者のコメント</Subtitle1>
            {admin ? (
              <>
                <Field label="コメント">
                  <Textarea rows={4} value={comment ?? r.comment} onChange={(_e, d) => setComment(d.value)} />
                </Field>
                <ErrorBar message={save.isError ? errorMessage(save.error) : null} />
                <div>
                  <Button onClick={() => save.mutate(comment ?? r.comment)} disabled={save.isPending}>
                    コメントを保存
                  </Button>
                </div>
              </>
            ) : (
              <Body1>{r.comment || '（コメントはありません）'}</Body1>
            )}
          </Card>
        </>
      )}
      <LedgerCard />
    </div>
  );
}
