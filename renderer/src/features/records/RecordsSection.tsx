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
import type { DisclosureRecord, RequestDetail } from '../../../../core/contract';
import { japanToday, parseDate, slashDate } from '../../../../core/domain/dates';
import { recordFormatLabels, tableFormats, type RecordMeta } from '../../../../core/domain/disclosure/records';
import { kindInfo } from '../../../../core/domain/intake/kinds';
import { canRecord } from '../../../../core/domain/workflow';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBar } from '../../components/ErrorBar';
import { PlainDateField } from '../../components/PlainDateField';
import { cardStyle } from '../../components/styles';
import { call, errorWithIssues } from '../../lib/api';
import { bytesOf, ScanPreview } from '../intake/ScanPreview';
import { Private } from '../requests/privacy';
import { DocumentMarks } from './DocumentMarks';
import { RecordTable } from './RecordTable';
import type { Mark } from '../../../../core/domain/disclosure/marks';

const useStyles = makeStyles({
  card: cardStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  text: { whiteSpace: 'pre-wrap', maxHeight: '420px', overflow: 'auto', margin: 0 },
});

const documentFormats: readonly DisclosureRecord['format'][] = ['pdf', 'png', 'jpeg', 'tiff'];

function RecordView(props: { record: DisclosureRecord; editable: boolean; requestId: string }) {
  const styles = useStyles();
  const client = useQueryClient();
  const r = props.record;
  const [marks, setMarks] = useState<Mark[]>(r.marks);
  const save = useMutation({
    mutationFn: () => call('records.setMarks', { id: r.id, marks }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['records.list', props.requestId] }),
  });
  // The document as it will be sent: made by main from the saved rectangles.
  const redacted = useMutation({ mutationFn: () => call('records.redacted', { id: r.id }) });
  const dirty = JSON.stringify(marks) !== JSON.stringify(r.marks);
  const isTable = tableFormats.includes(r.format);
  const isDocument = documentFormats.includes(r.format);
  const content = useQuery({
    queryKey: ['records.content', r.id],
    queryFn: () => call('records.content', { id: r.id }),
    enabled: !isTable,
  });
  const saveBar = props.editable && (
    <div className={styles.row}>
      <Button appearance="primary" disabled={!dirty || save.isPending} onClick={() => save.mutate()}>
        不開示の指定を保存
      </Button>
      <Body1>
        不開示の指定 {marks.length}件{dirty ? '（未保存の変更があります）' : save.isSuccess ? '（保存しました）' : ''}
      </Body1>
    </div>
  );
  if (isTable) {
    return (
      <div>
        <RecordTable
          id={r.id}
          label={`記録「${r.fileName}」の内容`}
          marks={marks}
          editable={props.editable}
          onChange={setMarks}
        />
        <ErrorBar message={save.isError ? errorWithIssues(save.error) : null} />
        {saveBar}
      </div>
    );
  }
  if (!content.data) return <Body1>読み込んでいます…</Body1>;
  if (!isDocument) {
    return <pre className={styles.text}>{new TextDecoder().decode(bytesOf(content.data.base64))}</pre>;
  }
  return (
    <div>
      <DocumentMarks
        mime={content.data.mime}
        base64={content.data.base64}
        label={r.fileName}
        marks={marks}
        editable={props.editable}
        onChange={setMarks}
      />
      <ErrorBar
        message={save.isError ? errorWithIssues(save.error) : redacted.isError ? errorWithIssues(redacted.error) : null}
      />
      {saveBar}
      {r.marks.length > 0 && !dirty && (
        <div className={styles.row}>
          <Button disabled={redacted.isPending} onClick={() => redacted.mutate()}>
            黒塗りした文書を確認
          </Button>
          {redacted.isPending && <Body1>作成しています…</Body1>}
        </div>
      )}
      {redacted.data && !dirty && (
        <ScanPreview mime="application/pdf" base64={redacted.data.base64} label={`黒塗り後の「${r.fileName}」`} />
      )}
    </div>
  );
}

// The records found for the request's 開示 (issue 17 §1): attached from exported files, shown as
// tables or pages.
export function RecordsSection(props: { request: RequestDetail }) {
  const styles = useStyles();
  const client = useQueryClient();
  const r = props.request;
  const kinds = r.items.map((i) => i.kind).filter((k) => k === 'disclosure' || k === 'thirdPartyRecords');
  const editable = canRecord('decision', r.status);
  const [kind, setKind] = useState<RecordMeta['kind']>(kinds[0] ?? 'disclosure');
  const [system, setSystem] = useState('');
  const [exportedOn, setExportedOn] = useState(slashDate(japanToday(new Date())));
  const [shown, setShown] = useState<string | null>(null);
  const [removing, setRemoving] = useState<DisclosureRecord | null>(null);
  const list = useQuery({
    queryKey: ['records.list', r.id],
    queryFn: () => call('records.list', { requestId: r.id }),
    enabled: kinds.length > 0,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['records.list', r.id] });
  const add = useMutation({
    mutationFn: () =>
      call('records.add', { requestId: r.id, meta: { kind, system, exportedOn: parseDate(exportedOn) ?? exportedOn } }),
    onSuccess: (added) => {
      if (added) setShown(added.id);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => call('records.remove', { id }),
    onSuccess: refresh,
  });
  if (kinds.length === 0 || (!editable && (list.data?.length ?? 0) === 0)) return null;
  return (
    <Card className={styles.card}>
      <Subtitle1 as="h3">開示する記録</Subtitle1>
      <Body1>
        各システムから出力したデータ（CSV・Excel・PDF・画像・テキスト）を添付します。ファイルの種類は内容で判定します。
      </Body1>
      {editable && (
        <div className={styles.row} role="group" aria-label="記録の添付">
          {kinds.length > 1 && (
            <Field label="対象の請求">
              <Select value={kind} onChange={(_e, d) => setKind(d.value as RecordMeta['kind'])}>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {kindInfo[k].label}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field label="出力元のシステム・台帳" required>
            <Input value={system} onChange={(_e, d) => setSystem(d.value)} />
          </Field>
          <PlainDateField label="出力日" text={exportedOn} onText={setExportedOn} required />
          <Button onClick={() => add.mutate()} disabled={add.isPending}>
            ファイルを選んで添付…
          </Button>
        </div>
      )}
      <ErrorBar
        message={add.isError ? errorWithIssues(add.error) : remove.isError ? errorWithIssues(remove.error) : null}
      />
      {(list.data?.length ?? 0) > 0 && (
        <Private what="開示する記録">
          <Table size="small" aria-label="開示する記録">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>ファイル</TableHeaderCell>
                <TableHeaderCell>種類</TableHeaderCell>
                <TableHeaderCell>出力元・出力日</TableHeaderCell>
                <TableHeaderCell>操作</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data?.map((x) => (
                <TableRow key={x.id}>
                  <TableCell>
                    {x.fileName}（{kindInfo[x.kind].label}）
                  </TableCell>
                  <TableCell>{recordFormatLabels[x.format]}</TableCell>
                  <TableCell>
                    {x.system}・{slashDate(x.exportedOn)}
                  </TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => setShown(shown === x.id ? null : x.id)}>
                      {shown === x.id ? '閉じる' : '内容を表示'}
                    </Button>
                    {editable && (
                      <Button size="small" data-destructive onClick={() => setRemoving(x)}>
                        削除
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {list.data
            ?.filter((x) => x.id === shown)
            .map((x) => (
              <RecordView key={x.id} record={x} editable={editable} requestId={r.id} />
            ))}
        </Private>
      )}
      <ConfirmDialog
        open={removing !== null}
        title="記録の削除"
        text={`記録「${removing?.fileName ?? ''}」を削除します。元に戻せません。`}
        action="削除する"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate(removing.id);
          setRemoving(null);
        }}
      />
    </Card>
  );
}
