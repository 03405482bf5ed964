import {
  Body1,
  Button,
  Card,
  Field,
  Input,
  Select,
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
import type { FormRequestRow } from '../../../../core/contract';
import { japanToday, parseDate, slashDate } from '../../../../core/domain/dates';
import { formAskedByLabels, formSentBy, formSentByLabels, type FormSent } from '../../../../core/domain/form-requests';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBar } from '../../components/ErrorBar';
import { cardStyle } from '../../components/styles';
import { call, errorWithIssues } from '../../lib/api';
import { printPdf, ScanPreview } from '../intake/ScanPreview';
import { Private } from '../requests/privacy';
import { FormRequestForm } from './FormRequestForm';

const useStyles = makeStyles({
  card: cardStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  preview: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalS, maxWidth: '760px' },
});

// One record's actions: the cover letter (shown, printed), sent, linked, removed.
function Actions(props: { f: FormRequestRow; onPreview: (base64: string | null) => void }) {
  const styles = useStyles();
  const client = useQueryClient();
  const { f } = props;
  const [sentOn, setSentOn] = useState(slashDate(japanToday(new Date())));
  const [sentBy, setSentBy] = useState<FormSent['sentBy']>('post');
  const [receiptNo, setReceiptNo] = useState('');
  const [confirm, setConfirm] = useState(false);
  const refresh = () => void client.invalidateQueries({ queryKey: ['forms.list'] });
  const act = useMutation({
    mutationFn: async (what: 'show' | 'print' | 'sent' | 'link' | 'remove') => {
      if (what === 'show' || what === 'print') {
        const { base64 } = await call('forms.coverLetter', { id: f.id });
        if (what === 'show') props.onPreview(base64);
        else await printPdf(base64);
        return;
      }
      if (what === 'sent')
        await call('forms.markSent', { id: f.id, sent: { sentOn: parseDate(sentOn) ?? sentOn, sentBy } });
      if (what === 'link') await call('forms.link', { id: f.id, receiptNo });
      if (what === 'remove') await call('forms.remove', { id: f.id });
      refresh();
    },
  });
  return (
    <div>
      <div className={styles.row}>
        <Button size="small" onClick={() => act.mutate('show')}>
          送付状を表示
        </Button>
        <Button size="small" onClick={() => act.mutate('print')}>
          送付状を印刷…
        </Button>
        <Button size="small" data-destructive onClick={() => setConfirm(true)}>
          削除
        </Button>
      </div>
      {!f.sent && (
        <div className={styles.row}>
          <Field label="送付日" size="small">
            <Input size="small" value={sentOn} onChange={(_e, d) => setSentOn(d.value)} />
          </Field>
          <Field label="送付の方法" size="small">
            <Select size="small" value={sentBy} onChange={(_e, d) => setSentBy(d.value as FormSent['sentBy'])}>
              {formSentBy.map((b) => (
                <option key={b} value={b}>
                  {formSentByLabels[b]}
                </option>
              ))}
            </Select>
          </Field>
          <Button size="small" onClick={() => act.mutate('sent')}>
            送付済みにする
          </Button>
        </div>
      )}
      {!f.requestId && (
        <div className={styles.row}>
          <Field label="届いた請求の受付番号" size="small">
            <Input size="small" value={receiptNo} onChange={(_e, d) => setReceiptNo(d.value)} />
          </Field>
          <Button size="small" onClick={() => act.mutate('link')}>
            紐付ける
          </Button>
        </div>
      )}
      <ErrorBar message={act.isError ? errorWithIssues(act.error) : null} />
      <ConfirmDialog
        open={confirm}
        title="送付依頼の記録の削除"
        text={`送付番号「${f.number}」の記録を削除します。元に戻せません。`}
        action="削除する"
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          act.mutate('remove');
        }}
      />
    </div>
  );
}

// 請求書の送付: the company's form sent on request (issue 16 §2), logged so that the request that
// comes back on it can be linked.
export function FormRequestsPage() {
  const styles = useStyles();
  const list = useQuery({ queryKey: ['forms.list'], queryFn: () => call('forms.list', {}) });
  const [preview, setPreview] = useState<string | null>(null);
  return (
    <>
      <Card className={styles.card}>
        <Subtitle1 as="h2">送付依頼を記録する</Subtitle1>
        <FormRequestForm />
      </Card>
      <Card className={styles.card}>
        <Subtitle1 as="h2">送付依頼の記録</Subtitle1>
        <ErrorBar message={list.isError ? errorWithIssues(list.error) : null} />
        {list.data?.length === 0 && <Body1>記録はまだありません。</Body1>}
        {list.data && list.data.length > 0 && (
          <Private what="送付依頼の記録">
            <Table aria-label="送付依頼の記録" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>送付番号</TableHeaderCell>
                  <TableHeaderCell>お申出</TableHeaderCell>
                  <TableHeaderCell>氏名・送付先</TableHeaderCell>
                  <TableHeaderCell>送付</TableHeaderCell>
                  <TableHeaderCell>届いた請求</TableHeaderCell>
                  <TableHeaderCell>操作</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.map((f) => (
                  <TableRow key={f.id}>
                    <TableCell>{f.number}</TableCell>
                    <TableCell>
                      {slashDate(f.data.requestedOn)}（{formAskedByLabels[f.data.askedBy]}）
                    </TableCell>
                    <TableCell>
                      {f.data.name}
                      <br />〒{f.data.postalCode} {f.data.address}
                    </TableCell>
                    <TableCell>
                      {f.sent ? `${slashDate(f.sent.sentOn)}（${formSentByLabels[f.sent.sentBy]}）` : '未送付'}
                    </TableCell>
                    <TableCell>{f.receiptNo ?? '—'}</TableCell>
                    <TableCell>
                      <Actions f={f} onPreview={setPreview} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Private>
        )}
        {preview && (
          <div className={styles.preview}>
            <Button size="small" onClick={() => setPreview(null)}>
              送付状を閉じる
            </Button>
            <ScanPreview mime="application/pdf" base64={preview} label="送付状" />
          </div>
        )}
      </Card>
    </>
  );
}
