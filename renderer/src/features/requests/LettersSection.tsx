import { cardStyle } from '../../components/styles';
import { slashDateTime } from '../../../../core/domain/dates';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
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
import type { RequestDetail } from '../../../../core/contract';
import { decisionLetterKinds, type LetterKind } from '../../../../core/domain/letters/catalogue';
import { ErrorBar } from '../../components/ErrorBar';
import { WhyDisabled } from '../../components/WhyDisabled';
import { SuccessBar } from '../../components/SuccessBar';
import { call, errorMessage } from '../../lib/api';
import { printPdf, ScanPreview } from '../intake/ScanPreview';
import { Private } from './privacy';
import { useUnsavedDecision } from './unsaved-decisions';
import { useCellStyles } from '../../components/tables';

const useStyles = makeStyles({
  card: cardStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  blocked: { color: tokens.colorPaletteDarkOrangeForeground1, display: 'block', marginTop: tokens.spacingVerticalXS },
  preview: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalS, maxWidth: '760px' },
});

type Shown = { title: string; base64: string; kind?: LetterKind } | null;

const unsavedReason = '決定に保存していない変更があります。「決定を保存」を押すと、その内容で下書きを表示できます。';

// The letters this request can have: a draft to look at, then finalized (numbered, signed,
// stored), then printed or saved. A finalized letter is always printed from its stored bytes.
export function LettersSection(props: { request: RequestDetail }) {
  const styles = useStyles();
  const cells = useCellStyles();
  const client = useQueryClient();
  const id = props.request.id;
  const [shown, setShown] = useState<Shown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const info = useQuery({
    queryKey: ['letters.list', id, props.request.history.length],
    queryFn: () => call('letters.list', { requestId: id }),
  });
  const preview = useMutation({
    mutationFn: (kind: LetterKind) => call('letters.preview', { requestId: id, kind }),
    onSuccess: (r, kind) =>
      setShown({
        title: `下書き: ${info.data?.available.find((a) => a.kind === kind)?.label ?? ''}`,
        base64: r.base64,
        kind,
      }),
  });
  // The letter whose 再発行 is being asked for, with the reason typed so far.
  const [reissue, setReissue] = useState<{ kind: LetterKind; reason: string } | null>(null);
  const finalize = useMutation({
    mutationFn: (v: { kind: LetterKind; reissueReason?: string }) =>
      call('letters.finalize', {
        requestId: id,
        kind: v.kind,
        ...(v.reissueReason ? { reissueReason: v.reissueReason } : {}),
      }),
    onSuccess: async (r, v) => {
      const what = v.reissueReason ? '再発行しました' : '確定しました';
      setNotice(`文書番号「${r.documentNo}」で${what}${r.signed ? '（電子署名付き）' : '（署名なし）'}。`);
      setReissue(null);
      await client.invalidateQueries({ queryKey: ['letters.list', id] });
    },
  });
  const show = useMutation({
    mutationFn: async (letter: { id: string; label: string; documentNo: string }) => ({
      letter,
      content: await call('letters.content', { id: letter.id }),
    }),
    onSuccess: ({ letter, content }) =>
      setShown({ title: `${letter.label}（${letter.documentNo}）`, base64: content.base64 }),
  });
  const print = useMutation({
    mutationFn: async (letterId: string) => {
      const content = await call('letters.content', { id: letterId });
      await call('letters.printed', { id: letterId });
      await printPdf(content.base64);
    },
  });
  const save = useMutation({
    mutationFn: (letterId: string) => call('letters.save', { id: letterId }),
    onSuccess: (r) => setNotice(r.saved ? 'PDF ファイルを保存しました。' : null),
  });
  const error = [preview, finalize, show, print, save].find((m) => m.isError)?.error;
  // A decision letter's draft is made from the saved decision: not offered while the decision on
  // the screen differs, and one already shown says it no longer matches.
  const unsaved = useUnsavedDecision(id);
  const draftWhy = (kind: LetterKind) => (unsaved && decisionLetterKinds.includes(kind) ? unsavedReason : null);
  if (!info.data) return null;
  const current = new Set(info.data.finalized.filter((f) => !f.superseded).map((f) => f.kind));
  return (
    <Card className={styles.card}>
      <Subtitle1 as="h3" block>
        回答書・通知書
      </Subtitle1>
      {!info.data.signing && (
        <MessageBar intent="warning">
          <MessageBarBody>
            署名用の証明書が登録されていないため、電子署名なしで確定されます（設定 › 回答書 で登録できます）。
          </MessageBarBody>
        </MessageBar>
      )}
      <SuccessBar message={notice} />
      <ErrorBar message={error ? errorMessage(error) : null} />
      <Table size="small" aria-label="作成できる書類">
        <TableBody>
          {info.data.available.map((a) => (
            <TableRow key={a.kind}>
              <TableCell>
                {a.label} {current.has(a.kind) && <Badge appearance="tint">確定済み</Badge>}
              </TableCell>
              <TableCell>
                <div className={styles.row}>
                  <Button
                    size="small"
                    onClick={() => preview.mutate(a.kind)}
                    disabled={preview.isPending || draftWhy(a.kind) !== null}
                    aria-describedby={draftWhy(a.kind) ? `why-draft-${a.kind}` : undefined}
                  >
                    下書きを表示
                  </Button>
                  {a.action === 'reissue' && (
                    <Button
                      size="small"
                      onClick={() => setReissue({ kind: a.kind, reason: '' })}
                      disabled={finalize.isPending || a.blocked !== null}
                      aria-describedby={a.blocked ? `blocked-${a.kind}` : undefined}
                    >
                      再発行…
                    </Button>
                  )}
                  {/* Main decides what is offered: never 確定する on a decision letter once the answer is sent. */}
                  {a.action === 'finalize' && (
                    <Button
                      size="small"
                      appearance="primary"
                      onClick={() => finalize.mutate({ kind: a.kind })}
                      disabled={finalize.isPending || a.blocked !== null}
                      aria-describedby={a.blocked ? `blocked-${a.kind}` : undefined}
                    >
                      確定する
                    </Button>
                  )}
                </div>
                {draftWhy(a.kind) && (
                  <div>
                    <WhyDisabled id={`why-draft-${a.kind}`} reason={draftWhy(a.kind)} />
                  </div>
                )}
                {a.blocked && (
                  <Caption1 id={`blocked-${a.kind}`} className={styles.blocked}>
                    {a.blocked}
                  </Caption1>
                )}
                {reissue?.kind === a.kind && (
                  <div className={styles.row}>
                    <Field label="再発行の理由" required size="small">
                      <Input
                        size="small"
                        value={reissue.reason}
                        maxLength={500}
                        onChange={(_, d) => setReissue({ kind: a.kind, reason: d.value })}
                      />
                    </Field>
                    <Button
                      size="small"
                      appearance="primary"
                      disabled={finalize.isPending || reissue.reason.trim() === ''}
                      aria-describedby={reissue.reason.trim() === '' ? 'why-reissue' : undefined}
                      onClick={() => finalize.mutate({ kind: a.kind, reissueReason: reissue.reason.trim() })}
                    >
                      新しい文書番号で再発行する
                    </Button>
                    <Button size="small" onClick={() => setReissue(null)}>
                      やめる
                    </Button>
                    <WhyDisabled
                      id="why-reissue"
                      reason={reissue.reason.trim() === '' ? '再発行の理由を入力してください。' : null}
                    />
                  </div>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {info.data.finalized.length > 0 && (
        <Table size="small" aria-label="確定した書類">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>文書番号</TableHeaderCell>
              <TableHeaderCell>書類</TableHeaderCell>
              <TableHeaderCell>署名</TableHeaderCell>
              <TableHeaderCell>確定</TableHeaderCell>
              <TableHeaderCell>操作</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {info.data.finalized.map((f) => (
              <TableRow key={f.id}>
                <TableCell className={cells.nowrap}>{f.documentNo}</TableCell>
                <TableCell>
                  {f.label}{' '}
                  {f.superseded && (
                    <Badge appearance="outline" color="warning">
                      差し戻し前の決裁（送付不可）
                    </Badge>
                  )}
                </TableCell>
                <TableCell className={cells.nowrap}>{f.signed ? '電子署名あり' : '署名なし'}</TableCell>
                <TableCell className={cells.nowrap}>
                  {slashDateTime(f.createdAt)}・{f.createdBy}
                </TableCell>
                <TableCell>
                  <div className={styles.row}>
                    <Button size="small" onClick={() => show.mutate(f)}>
                      表示
                    </Button>
                    <Button size="small" onClick={() => print.mutate(f.id)} disabled={print.isPending}>
                      印刷…
                    </Button>
                    <Button size="small" onClick={() => save.mutate(f.id)} disabled={save.isPending}>
                      PDF を保存…
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {shown && (
        <div className={styles.preview}>
          <div className={styles.row}>
            <Body1>{shown.title}</Body1>
            <Button size="small" onClick={() => setShown(null)}>
              閉じる
            </Button>
          </div>
          {shown.kind && draftWhy(shown.kind) && (
            <MessageBar intent="warning" data-testid="draft-stale">
              <MessageBarBody>
                この下書きは保存済みの決定の内容です。その後の変更はまだ保存されていないため、反映されていません。
              </MessageBarBody>
            </MessageBar>
          )}
          <Private what="回答書の内容">
            <ScanPreview
              key={`${shown.title}-${String(shown.base64.length)}`}
              mime="application/pdf"
              base64={shown.base64}
              label={shown.title}
            />
          </Private>
        </div>
      )}
    </Card>
  );
}
