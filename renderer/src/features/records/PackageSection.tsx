import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
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
import type { DisclosurePackage, RequestDetail } from '../../../../core/contract';
import { slashDateTime } from '../../../../core/domain/dates';
import { passwordGroups, passwordReading } from '../../../../core/domain/disclosure/password';
import {
  electronicFormatLabels,
  electronicRouteLabels,
  passwordRouteLabels,
  type Electronic,
} from '../../../../core/domain/electronic';
import { ErrorBar } from '../../components/ErrorBar';
import { cardStyle } from '../../components/styles';
import { call, errorWithIssues } from '../../lib/api';
import { useExportProgress } from '../../lib/progress';
import { printPdf, ScanPreview } from '../intake/ScanPreview';
import { Private } from '../requests/privacy';

const useStyles = makeStyles({
  card: cardStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  password: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeHero700,
    letterSpacing: '0.08em',
    userSelect: 'all',
  },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
});

type Made = { package: DisclosurePackage; password: string; passwordLetter: { base64: string } | null };
type Original = { id: string; fileName: string; hidden: string[] };

// Documents go into the package rendered (every page an image), which drops what a viewer does
// not show. Staff may send a document's original file instead, after seeing what it carries
// and confirming it; nothing is chosen unless they do.
function OriginalsChoice(props: {
  requestId: string;
  chosen: string[];
  onChosen: (ids: string[]) => void;
  confirmed: boolean;
  onConfirmed: (v: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: ['packages.originals', props.requestId],
    queryFn: () => call('packages.originals', { requestId: props.requestId }),
    enabled: open,
  });
  const toggle = (o: Original, on: boolean) => {
    props.onChosen(on ? [...props.chosen, o.id] : props.chosen.filter((id) => id !== o.id));
    props.onConfirmed(false);
  };
  if (!open) {
    return (
      <div>
        <Button size="small" appearance="subtle" onClick={() => setOpen(true)}>
          文書を原本のファイルのまま送る…
        </Button>
      </div>
    );
  }
  return (
    <div role="group" aria-label="原本のまま送る文書">
      <Caption1 block>
        文書（PDF・画像）は、各ページを画像にして入れます（画面に表示されない内容は含まれません）。原本のファイルのまま送る文書を選ぶと、次の内容も本人に渡ります。
      </Caption1>
      <ErrorBar message={list.isError ? errorWithIssues(list.error) : null} />
      {list.data?.length === 0 && <Caption1 block>原本のまま送ることができる文書はありません。</Caption1>}
      {list.data?.map((o) => (
        <div key={o.id}>
          <Checkbox
            label={o.fileName}
            checked={props.chosen.includes(o.id)}
            onChange={(_e, d) => toggle(o, d.checked === true)}
          />
          <Caption1 block>
            {o.hidden.length > 0 ? `含まれる内容: ${o.hidden.join('、')}` : '含まれる内容: 確認できたものはありません'}
          </Caption1>
        </div>
      ))}
      {props.chosen.length > 0 && (
        <Checkbox
          label="上記の内容も本人に渡ることを確認し、原本のファイルのまま送ります"
          checked={props.confirmed}
          onChange={(_e, d) => props.onConfirmed(d.checked === true)}
        />
      )}
      <div>
        <Button
          size="small"
          onClick={() => {
            props.onChosen([]);
            props.onConfirmed(false);
            setOpen(false);
          }}
        >
          原本では送らない
        </Button>
      </div>
    </div>
  );
}

// Whether a password the person reads back is the package's (its hash is all that is kept).
function PasswordCheck(props: { id: string }) {
  const [text, setText] = useState('');
  const check = useMutation({ mutationFn: () => call('packages.checkPassword', { id: props.id, password: text }) });
  return (
    <div>
      <Input
        size="small"
        aria-label="照合するパスワード"
        value={text}
        onChange={(_e, d) => {
          setText(d.value);
          check.reset();
        }}
      />
      <Button size="small" disabled={text.trim() === '' || check.isPending} onClick={() => check.mutate()}>
        照合
      </Button>
      {check.data && <Caption1 role="status">{check.data.matches ? '一致します。' : '一致しません。'}</Caption1>}
    </div>
  );
}

// The 電磁的記録 (issue 17 §4): the signed decision letter and the records found, in one AES-256
// ZIP saved where staff choose (a CD-R, a USB drive); the password shown once and, when it goes by
// post, its letter printed here; each package kept as a dispatch record with its SHA-256.
export function PackageSection(props: { request: RequestDetail }) {
  const styles = useStyles();
  const client = useQueryClient();
  const r = props.request;
  const electronic = r.decisions.find(
    (d) => (d.kind === 'disclosure' || d.kind === 'thirdPartyRecords') && d.decision.electronic,
  )?.decision.electronic as Electronic | undefined;
  const [made, setMade] = useState<Made | null>(null);
  const [letterShown, setLetterShown] = useState(false);
  const [originals, setOriginals] = useState<string[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const list = useQuery({
    queryKey: ['packages.list', r.id, r.history.length],
    queryFn: () => call('packages.list', { requestId: r.id }),
    enabled: electronic !== undefined,
  });
  const build = useMutation({
    mutationFn: () => call('packages.build', { requestId: r.id, ...(originals.length ? { originals } : {}) }),
    onSuccess: (result) => {
      if (result) setMade(result);
      setLetterShown(false);
      void client.invalidateQueries({ queryKey: ['packages.list', r.id] });
    },
  });
  const progress = useExportProgress(build.isPending);
  const print = useMutation({ mutationFn: (base64: string) => printPdf(base64) });
  if (!electronic) return null;
  return (
    <Card className={styles.card}>
      <Subtitle1 as="h3">電磁的記録（暗号化ファイル）の作成</Subtitle1>
      <Body1>
        決定通知書（電子署名付き）と開示する記録を、AES-256
        で暗号化したZIPファイルにまとめて保存します（CD-R・USBメモリ等）。パスワードは自動で作成し、保存しません。
      </Body1>
      <Caption1>
        ファイル形式: {electronicFormatLabels[electronic.format]} ／ 提供の経路:{' '}
        {electronicRouteLabels[electronic.route]} ／ パスワードのお知らせ:{' '}
        {passwordRouteLabels[electronic.passwordRoute]}
      </Caption1>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={build.isPending || (originals.length > 0 && !confirmed)}
          onClick={() => build.mutate()}
        >
          暗号化ファイルを作成して保存…
        </Button>
      </div>
      <OriginalsChoice
        requestId={r.id}
        chosen={originals}
        onChosen={setOriginals}
        confirmed={confirmed}
        onConfirmed={setConfirmed}
      />
      {build.isPending && (
        <Field
          label="作成中"
          validationState="none"
          validationMessage={progress ? `${progress.done} / ${progress.total} ファイル` : '準備しています…'}
        >
          <ProgressBar value={progress ? progress.done / Math.max(1, progress.total) : undefined} />
        </Field>
      )}
      {build.isPending && (
        <div className={styles.row}>
          <Button onClick={() => void call('packages.cancel', {})}>作成を中止</Button>
        </div>
      )}
      <ErrorBar message={build.isError ? errorWithIssues(build.error) : null} />
      {made && (
        <Private what="パスワード">
          <MessageBar intent="warning">
            <MessageBarBody>
              「{made.package.fileName}
              」を保存しました。パスワードはこの画面でのみ表示され、あとから表示することはできません。
              {made.passwordLetter
                ? '「パスワードのお知らせ」を印刷し、ファイルとは別に郵送してください。'
                : `${passwordRouteLabels[made.package.passwordRoute]}でお知らせしてください。`}
            </MessageBarBody>
          </MessageBar>
          <div>
            <Caption1>パスワード（{made.password.length}文字、英字はすべて小文字）</Caption1>
            <div className={styles.password} data-testid="package-password" data-password={made.password}>
              {made.password}
            </div>
            <Caption1>
              区切り: {passwordGroups(made.password)} ／ 読み方: {passwordReading(made.password)}
            </Caption1>
          </div>
          {made.passwordLetter && (
            <div className={styles.row}>
              <Button onClick={() => print.mutate(made.passwordLetter?.base64 ?? '')}>
                パスワードのお知らせを印刷
              </Button>
              <Button onClick={() => setLetterShown(!letterShown)}>
                {letterShown ? 'お知らせを閉じる' : 'お知らせを表示'}
              </Button>
            </div>
          )}
          {made.passwordLetter && letterShown && (
            <ScanPreview mime="application/pdf" base64={made.passwordLetter.base64} label="パスワードのお知らせ" />
          )}
          <div className={styles.row}>
            <Button onClick={() => setMade(null)}>パスワードを伝えたので閉じる</Button>
          </div>
        </Private>
      )}
      {(list.data?.length ?? 0) > 0 && (
        <Table size="small" aria-label="電磁的記録の送付記録">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>作成日時・作成者</TableHeaderCell>
              <TableHeaderCell>ファイル・経路</TableHeaderCell>
              <TableHeaderCell>SHA-256（ZIPファイル全体）</TableHeaderCell>
              <TableHeaderCell>パスワードの照合</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data?.map((p) => (
              <TableRow key={p.id}>
                <TableCell>
                  {slashDateTime(p.createdAt)}・{p.createdBy}{' '}
                  {!p.current && (
                    <Badge appearance="outline" color="warning">
                      送付不可（差し戻し・再発行の前に作成）
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  {p.fileName}（{p.files.length}ファイル、{Math.ceil(p.size / 1024).toLocaleString('ja-JP')}KB）・
                  {electronicRouteLabels[p.route]}
                </TableCell>
                <TableCell>
                  <span className={styles.hash}>{p.sha256}</span>
                </TableCell>
                <TableCell>
                  <PasswordCheck id={p.id} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
