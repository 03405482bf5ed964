import { cardStyle } from '../../components/styles';
import {
  Body1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Button,
  Card,
  Select,
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
import { useEffect, useRef, useState } from 'react';
import { type Enclosure, type RequestDetail } from '../../../../core/contract';
import { enclosureTypeLabels, enclosureTypes } from '../../../../core/domain/enclosures';
import { endedDayLabel, historyLabel, isState, stateLabels } from '../../../../core/domain/workflow';
import { parseDate, slashDate, slashDateTime } from '../../../../core/domain/dates';
import { withWeekday } from '../../../../core/domain/deadlines';
import { channelLabels, kindInfo, requesterTypeLabels } from '../../../../core/domain/intake/kinds';
import { ErrorBar } from '../../components/ErrorBar';
import { dateReason, WhyDisabled } from '../../components/WhyDisabled';
import { call, errorMessage } from '../../lib/api';
import { useSessionState } from '../../lib/session';
import { mask, Private, usePrivacy } from './privacy';
import { usePageTitle } from '../../app/page-title';
import { CheckPanel } from '../intake/CheckPanel';
import { ScanPreview } from '../intake/ScanPreview';
import { AnswerSection, ExtensionForm } from './AnswerSection';
import { FeeReturnSection } from './FeeReturnSection';
import { SuspicionSection } from './SuspicionSection';
import { EarlierSection } from './EarlierRequests';
import { SplitSection } from './SplitSection';
import { SearchSection } from './SearchSection';
import { PackageSection } from '../records/PackageSection';
import { RecordsSection } from '../records/RecordsSection';
import { DecisionSection } from './DecisionSection';
import { LettersSection } from './LettersSection';
import { WorkflowPanel } from './WorkflowPanel';
import { RequestContents, type IntakePart } from './RequestContents';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: cardStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

const slash = slashDate;

// PNG and JPEG show as images (CSP allows data: images); PDF and TIFF are drawn on canvases.
function EnclosurePreview(props: { enclosure: Enclosure; onClose: () => void }) {
  const content = useQuery({
    queryKey: ['enclosures.content', props.enclosure.id],
    queryFn: () => call('enclosures.content', { id: props.enclosure.id }),
  });
  const label = `${enclosureTypeLabels[props.enclosure.type]}のスキャン画像`;
  const isImage = props.enclosure.mime === 'image/png' || props.enclosure.mime === 'image/jpeg';
  return (
    <Card>
      <Private what="スキャン画像">
        {content.data && isImage && (
          <img
            src={`data:${content.data.mime};base64,${content.data.base64}`}
            alt={label}
            style={{ maxWidth: '100%' }}
          />
        )}
        {content.data && !isImage && (
          <ScanPreview mime={content.data.mime} base64={content.data.base64} label={label} />
        )}
      </Private>
      {content.isError && <ErrorBar message={errorMessage(content.error)} />}
      {content.isPending && <Spinner size="tiny" />}
      <div>
        <Button size="small" onClick={props.onClose}>
          閉じる
        </Button>
      </div>
    </Card>
  );
}

// A FAX taken as 仮受付 waits for the originals; their day becomes the 到達日.
function ConfirmOriginals(props: { id: string }) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const day = parseDate(text);
  const confirm = useMutation({
    mutationFn: (arrivalDate: string) => call('intake.confirmOriginals', { id: props.id, arrivalDate }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['requests.get', props.id] }),
  });
  return (
    <div>
      <MessageBar intent="info">
        <MessageBarBody>
          FAX による仮受付です。原本が届いたら到着日を記録してください（到達日は原本の到着日になります）。
        </MessageBarBody>
      </MessageBar>
      <ErrorBar message={confirm.isError ? errorMessage(confirm.error) : null} />
      <Field
        label="原本の到着日"
        validationMessage={text !== '' && !day ? '日付は「2026/11/22」の形式で入力してください。' : undefined}
      >
        <Input value={text} onChange={(_e, d) => setText(d.value)} />
      </Field>
      <Button
        disabled={!day || confirm.isPending}
        aria-describedby={day ? undefined : 'why-originals'}
        onClick={() => day && confirm.mutate(day)}
      >
        原本の到着を記録
      </Button>
      <WhyDisabled id="why-originals" reason={day ? null : dateReason(text, '原本の到着日')} />
    </div>
  );
}

function History(props: { request: RequestDetail }) {
  const r = props.request;
  const label = (s: string) => (isState(s) ? stateLabels[s] : s);
  return (
    <Table size="small" aria-label="処理の記録">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>日時</TableHeaderCell>
          <TableHeaderCell>操作</TableHeaderCell>
          <TableHeaderCell>段階</TableHeaderCell>
          <TableHeaderCell>担当</TableHeaderCell>
          <TableHeaderCell>コメント</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {r.history.map((h, i) => (
          <TableRow key={i}>
            <TableCell>{slashDateTime(h.at)}</TableCell>
            <TableCell>{historyLabel(h.action)}</TableCell>
            <TableCell>{h.from === h.to ? label(h.to) : `${label(h.from)} → ${label(h.to)}`}</TableCell>
            <TableCell>{r.accountNames[h.accountId] ?? h.accountId}</TableCell>
            <TableCell>{h.comment}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

// One request: where it stands, what it needs next, its decisions, letters sent and history.
export function RequestPage(props: {
  id: string;
  onBack?: () => void;
  // Opens the intake form filled with the request, at the part asked for.
  onEdit?: (part: IntakePart) => void;
  onNew?: () => void;
  // Opens another request (from the list of the same person's requests).
  onOpen?: (id: string) => void;
  // Back from correcting a part of the intake: the page opens at that part of the 受付内容.
  at?: IntakePart | null;
  // Just registered: the page opens at its top, says so, and puts the focus on the 受付番号.
  created?: boolean;
}) {
  const styles = useStyles();
  const client = useQueryClient();
  const [type, setType] = useState<Enclosure['type']>('requestForm');
  const [preview, setPreview] = useState<Enclosure | null>(null);
  const request = useQuery({
    queryKey: ['requests.get', props.id],
    queryFn: () => call('requests.get', { id: props.id }),
  });
  const add = useMutation({
    mutationFn: () => call('enclosures.add', { requestId: props.id, type }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['requests.get', props.id] }),
  });
  // Administrators can remove a wrong or hostile file, or another person's ID scan, at once.
  const admin = useSessionState().data?.session?.roles.includes('admin') ?? false;
  const [removing, setRemoving] = useState<{ enclosure: Enclosure; reason: string } | null>(null);
  const remove = useMutation({
    mutationFn: (v: { id: string; reason: string }) => call('enclosures.remove', v),
    onSuccess: async () => {
      setRemoving(null);
      setPreview(null);
      await client.invalidateQueries({ queryKey: ['requests.get', props.id] });
    },
  });
  const heading = useRef<HTMLDivElement>(null);
  const privacy = usePrivacy();
  const loaded = request.data !== undefined;
  const shown = request.data;
  usePageTitle(
    shown ? `受付番号 ${shown.receiptNo}\u3000${privacy ? mask(shown.principal.name) : shown.principal.name} 様` : null,
  );
  useEffect(() => {
    if (!props.created || !loaded) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [props.created, loaded]);
  useEffect(() => {
    if (!props.at || !loaded) return;
    document.getElementById(`contents-${props.at}`)?.scrollIntoView({ block: 'start' });
  }, [props.at, loaded]);
  if (request.isPending) return <Spinner />;
  if (request.isError) return <ErrorBar message={errorMessage(request.error)} />;
  const r = request.data;
  const closed = endedDayLabel(r.status) !== null;
  return (
    <div className={styles.stack}>
      {props.onBack && (
        <div>
          <Button appearance="subtle" onClick={props.onBack}>
            ← 一覧に戻る
          </Button>
        </div>
      )}
      {props.created && (
        <MessageBar intent="success" data-testid="registered">
          <MessageBarBody>受付番号 {r.receiptNo} で登録しました。続けて書類の取り込みや確認を行えます。</MessageBarBody>
        </MessageBar>
      )}
      <WorkflowPanel request={r} heading={heading} />
      <Card className={styles.card}>
        <Body1>
          {channelLabels[r.channel]}・{slash(r.arrivalDate)} 到達{r.provisional ? '（仮受付）' : ''}
          {r.faxReceivedOn ? `（FAX受信 ${slash(r.faxReceivedOn)}）` : ''}・{requesterTypeLabels[r.requesterType]}・
          {r.items.map((i) => kindInfo[i.kind].label).join('、')}
        </Body1>
        {!closed && (
          <>
            <Body1 data-testid="deadline-dates">
              {r.deadlines.article39Applies
                ? `法第39条の期限: ${withWeekday(r.deadlines.article39Date)}／`
                : '利用目的の通知の求めのため法第39条の期限はありません／'}
              社内期限: {r.deadlines.slaDate ? withWeekday(r.deadlines.slaDate) : '補正待ちのため停止中'}
            </Body1>
            <details>
              <summary>計算の内訳</summary>
              <ul aria-label="期限の計算の内訳">
                {r.deadlines.explanation.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </details>
          </>
        )}
        <ExtensionForm request={r} />
        {r.provisional && <ConfirmOriginals id={r.id} />}
        <SplitSection request={r} onOpen={props.onOpen} />
        <SuspicionSection request={r} />
        <EarlierSection id={r.id} onOpen={props.onOpen} />
      </Card>
      <RequestContents request={r} onEdit={props.onEdit} />
      <SearchSection request={r} />
      <RecordsSection request={r} />
      <DecisionSection request={r} />
      <LettersSection request={r} />
      <PackageSection request={r} />
      <AnswerSection request={r} />
      <FeeReturnSection request={r} />
      <Card className={styles.card}>
        <CheckPanel identity={r.identity.result} fee={r.fee} />
      </Card>
      <Card className={styles.card}>
        <Subtitle1 as="h3" block>
          同封書類（スキャン）
        </Subtitle1>
        <ErrorBar message={add.isError ? errorMessage(add.error) : null} />
        <Table size="small" aria-label="同封書類">
          <TableBody>
            {r.enclosures.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{enclosureTypeLabels[e.type]}</TableCell>
                <TableCell>{e.mime}</TableCell>
                <TableCell>{Math.ceil(e.size / 1024).toLocaleString('ja-JP')} KB</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setPreview(e)}>
                    表示
                  </Button>
                  {admin && (
                    <Button size="small" onClick={() => setRemoving({ enclosure: e, reason: '' })}>
                      削除…
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {removing && (
          <div role="group" aria-label="同封書類の削除" className={styles.row}>
            <Field label={`削除の理由（${enclosureTypeLabels[removing.enclosure.type]}）`} required>
              <Input
                value={removing.reason}
                maxLength={500}
                onChange={(_e, d) => setRemoving({ ...removing, reason: d.value })}
              />
            </Field>
            <Button
              appearance="primary"
              disabled={remove.isPending || removing.reason.trim() === ''}
              aria-describedby={removing.reason.trim() === '' ? 'why-enclosure-remove' : undefined}
              onClick={() => remove.mutate({ id: removing.enclosure.id, reason: removing.reason.trim() })}
            >
              元に戻せない削除を行う
            </Button>
            <Button onClick={() => setRemoving(null)}>やめる</Button>
            <WhyDisabled
              id="why-enclosure-remove"
              reason={removing.reason.trim() === '' ? '削除の理由を入力してください。' : null}
            />
          </div>
        )}
        <ErrorBar message={remove.isError ? errorMessage(remove.error) : null} />
        {preview && <EnclosurePreview enclosure={preview} onClose={() => setPreview(null)} />}
        <div className={styles.row}>
          <Select aria-label="書類の種類" value={type} onChange={(_e, d) => setType(d.value as Enclosure['type'])}>
            {enclosureTypes.map((t) => (
              <option key={t} value={t}>
                {enclosureTypeLabels[t]}
              </option>
            ))}
          </Select>
          <Button onClick={() => add.mutate()} disabled={add.isPending}>
            ファイルを取り込む…
          </Button>
        </div>
      </Card>
      <Card className={styles.card}>
        <Subtitle1 as="h3" block>
          処理の記録
        </Subtitle1>
        <History request={r} />
      </Card>
      <div className={styles.row}>
        {props.onBack && <Button onClick={props.onBack}>一覧に戻る</Button>}
        {props.onNew && (
          <Button appearance="primary" onClick={props.onNew}>
            続けて新規受付
          </Button>
        )}
      </div>
    </div>
  );
}
