import { cardStyle } from '../../components/styles';
import {
  Body1,
  Button,
  Card,
  Field,
  Input,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatJapaneseDate as formatDateJa } from '../../../../core/domain/dates';
import { enclosureTypeLabels } from '../../../../core/domain/enclosures';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBar } from '../../components/ErrorBar';
import { SuccessBar } from '../../components/SuccessBar';
import { call, errorMessage } from '../../lib/api';
import { useCellStyles } from '../../components/tables';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '860px' },
  card: cardStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});

const intIn = (text: string, min: number, max: number) =>
  /^\d{1,4}$/.test(text) && Number(text) >= min && Number(text) <= max;

// Keeping periods and the purge of what has passed them (administrators only).
export function RetentionPanel() {
  const styles = useStyles();
  const cells = useCellStyles();
  const client = useQueryClient();
  const preview = useQuery({ queryKey: ['retention.get'], queryFn: () => call('retention.get', {}) });
  const [years, setYears] = useState<string | null>(null);
  const [days, setDays] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: ['retention.get'] });
  const save = useMutation({
    mutationFn: () =>
      call('retention.updateSettings', { completedYears: Number(yearsText), idCopyDays: Number(daysText) }),
    onSuccess: refresh,
  });
  const purge = useMutation({
    mutationFn: () =>
      call('retention.purge', {
        requests: preview.data?.requests.length ?? 0,
        idCopies: preview.data?.idCopies.length ?? 0,
        forms: preview.data?.forms.length ?? 0,
      }),
    onSettled: refresh,
  });
  const p = preview.data;
  const yearsText = years ?? String(p?.settings.completedYears ?? 3);
  const daysText = days ?? String(p?.settings.idCopyDays ?? 0);
  const yearsOk = intIn(yearsText, 1, 30);
  const daysOk = intIn(daysText, 0, 3650);
  const nothing = !p || (p.requests.length === 0 && p.idCopies.length === 0 && p.forms.length === 0);

  return (
    <div className={styles.stack}>
      <Card className={styles.card}>
        <Subtitle1 as="h2">保存期間</Subtitle1>
        <div className={styles.row}>
          <Field
            label="終了した請求の保存年数"
            hint="完了・取下げなどで終了した日から数えます。"
            validationMessage={yearsOk ? undefined : '1から30までの整数で入力してください。'}
            validationState={yearsOk ? 'none' : 'error'}
          >
            <Input type="number" min={1} max={30} value={yearsText} onChange={(_e, d) => setYears(d.value)} />
          </Field>
          <Field
            label="本人確認書類の写しを削除するまでの日数"
            hint="0 にすると、請求の終了とともに削除の対象になります。"
            validationMessage={daysOk ? undefined : '0から3650までの整数で入力してください。'}
            validationState={daysOk ? 'none' : 'error'}
          >
            <Input type="number" min={0} max={3650} value={daysText} onChange={(_e, d) => setDays(d.value)} />
          </Field>
          <Button disabled={!yearsOk || !daysOk || save.isPending} onClick={() => save.mutate()}>
            保存する
          </Button>
        </div>
        <SuccessBar message={save.isSuccess ? '保存しました。' : null} />
        <ErrorBar message={save.isError ? errorMessage(save.error) : null} />
      </Card>

      <Card className={styles.card}>
        <Subtitle1 as="h2">削除の対象（{p ? formatDateJa(p.asOf) : ''}現在）</Subtitle1>
        {preview.isPending && <Spinner size="tiny" label="確認しています…" />}
        <ErrorBar message={preview.isError ? errorMessage(preview.error) : null} />
        {p && (
          <>
            <Body1>
              {
                '保存期間を過ぎた請求は、受付番号・種類・日付・結果だけを集計用に残し、氏名・住所などの個人データと同封書類、回答書を削除します。削除は元に戻せません。'
              }
            </Body1>
            <Table size="small" aria-label="保存期間を過ぎた請求">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>受付番号</TableHeaderCell>
                  <TableHeaderCell>種類</TableHeaderCell>
                  <TableHeaderCell>到達日</TableHeaderCell>
                  <TableHeaderCell>終了日</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {p.requests.map((r) => (
                  <TableRow key={r.receiptNo}>
                    <TableCell className={cells.nowrap}>{r.receiptNo}</TableCell>
                    <TableCell className={cells.fill}>{r.kinds.join('・')}</TableCell>
                    <TableCell className={cells.nowrap}>{formatDateJa(r.arrivalDate)}</TableCell>
                    <TableCell className={cells.nowrap}>{formatDateJa(r.closedOn)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {p.requests.length === 0 && <Body1>保存期間を過ぎた請求はありません。</Body1>}
            <Table size="small" aria-label="削除する本人確認書類の写し">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>受付番号</TableHeaderCell>
                  <TableHeaderCell>書類</TableHeaderCell>
                  <TableHeaderCell>終了日</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {p.idCopies.map((c, i) => (
                  <TableRow key={`${c.receiptNo}-${i}`}>
                    <TableCell className={cells.nowrap}>{c.receiptNo}</TableCell>
                    <TableCell>
                      {(enclosureTypeLabels as Record<string, string | undefined>)[c.type] ?? c.type}
                    </TableCell>
                    <TableCell className={cells.nowrap}>{formatDateJa(c.closedOn)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {p.idCopies.length === 0 && <Body1>削除する本人確認書類の写しはありません。</Body1>}
            {p.forms.length > 0 && (
              <Body1 block>
                請求に至らなかった請求書の送付依頼の記録（保存期間を過ぎたもの）: {p.forms.length}件（
                {p.forms.map((f) => f.number).join('、')}）
              </Body1>
            )}
            <div>
              <Button appearance="primary" disabled={nothing || purge.isPending} onClick={() => setConfirming(true)}>
                一覧の内容を削除…
              </Button>
            </div>
          </>
        )}
        {purge.isPending && <Spinner size="tiny" label="削除しています…" />}
        <SuccessBar
          message={
            purge.data
              ? `請求${purge.data.requests}件の個人データと、本人確認書類の写し${purge.data.idCopies}件${purge.data.forms ? `、請求書の送付依頼の記録${purge.data.forms}件` : ''}を削除しました。`
              : null
          }
        />
        <ErrorBar message={purge.isError ? errorMessage(purge.error) : null} />
      </Card>

      <ConfirmDialog
        open={confirming}
        title="一覧の内容を削除しますか？"
        text={`請求${p?.requests.length ?? 0}件の個人データと、本人確認書類の写し${p?.idCopies.length ?? 0}件${p?.forms.length ? `、請求書の送付依頼の記録${p.forms.length}件` : ''}を削除します。元に戻すことはできません（バックアップからの復元を除きます）。`}
        action="削除する"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          purge.mutate();
        }}
      />
    </div>
  );
}
