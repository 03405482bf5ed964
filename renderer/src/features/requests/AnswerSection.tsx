import { cardStyle } from '../../components/styles';
import {
  dispatchMethodLabels,
  dispatchMethods,
  disposalLabels,
  disposalMethods,
} from '../../../../core/domain/dispatch';
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
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type RequestDetail } from '../../../../core/contract';
import { japanToday, parseDate, slashDate, slashDateTime } from '../../../../core/domain/dates';
import { withWeekday } from '../../../../core/domain/deadlines';
import { canRecord } from '../../../../core/domain/workflow';
import { ErrorBar } from '../../components/ErrorBar';
import { dateReason, firstReason, WhyDisabled } from '../../components/WhyDisabled';
import { MethodDateForm } from '../../components/MethodDateForm';
import { PlainDateField } from '../../components/PlainDateField';
import { ApiError, call, errorMessage } from '../../lib/api';
import { slash } from './RequestTable';
import { useRequestMutation } from './WorkflowPanel';

const useStyles = makeStyles({
  card: cardStyle,
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
});

const todayText = () => slashDate(japanToday(new Date()));
const OTHER = '__other__';
type Method = (typeof dispatchMethods)[number];
type DisposalMethod = (typeof disposalMethods)[number];

const issueFor = (err: unknown, key: string) =>
  err instanceof ApiError ? err.issues?.find((i) => i.path.at(-1) === key)?.message : undefined;

// The letters sent (date, method, tracking number) and what happened to the ID copies.
export function AnswerSection(props: { request: RequestDetail }) {
  const styles = useStyles();
  const r = props.request;
  // The letter sent is one of the request's finalized letters (newest first), or typed by hand
  // for something sent outside the app.
  const letters = useQuery({
    queryKey: ['letters.list', r.id, r.history.length],
    queryFn: () => call('letters.list', { requestId: r.id }),
  });
  // A letter of an approval since sent back (差し戻し) is never sent.
  const finalized = [...(letters.data?.finalized ?? [])]
    .filter((l) => !l.superseded)
    .reverse()
    .map((l) => `${l.label}（${l.documentNo}）`);
  // The 電磁的記録 packages built under the current approval, to record which one went with it.
  const packages = useQuery({
    queryKey: ['packages.list', r.id, r.history.length],
    queryFn: () => call('packages.list', { requestId: r.id }),
    enabled: r.decisions.some((d) => d.decision.electronic),
  });
  const sendable = [...(packages.data ?? [])].filter((p) => p.current).reverse();
  const [pickedPackage, setPickedPackage] = useState<string | null>(null);
  const packageId = pickedPackage ?? sendable[0]?.id ?? '';
  const [picked, setPicked] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const choice = picked ?? finalized[0] ?? OTHER;
  const letter = choice === OTHER ? typed : choice;
  const [sentText, setSentText] = useState(todayText);
  const [method, setMethod] = useState<Method>(r.delivery === 'restricted' ? 'restricted' : 'simpleRegistered');
  const [trackingNo, setTrackingNo] = useState('');
  const whyDispatch = useId();
  const add = useRequestMutation(
    r.id,
    (dispatch: { letter: string; sentOn: string; method: Method; trackingNo: string; packageId?: string }) =>
      call('requests.addDispatch', { id: r.id, dispatch }),
    () => {
      setTrackingNo('');
      setTyped('');
    },
  );
  const dispose = useRequestMutation(r.id, (v: { method: DisposalMethod; date: string }) =>
    call('requests.recordDisposal', { id: r.id, ...v }),
  );
  const editable = canRecord('dispatch', r.status);
  const disposable = canRecord('disposal', r.status);
  if (!editable && !disposable && r.dispatches.length === 0 && !r.disposal) return null;
  const sentOn = parseDate(sentText);
  const dispatchBlocked = firstReason(
    [letter.trim() === '', '書類名を入力してください。'],
    [!sentOn, dateReason(sentText, '発送日')],
  );
  return (
    <Card className={styles.card}>
      <Subtitle1 as="h3" block>
        発送と本人確認書類の写し
      </Subtitle1>
      {r.dispatches.length > 0 && (
        <Table size="small" aria-label="発送の記録">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>書類</TableHeaderCell>
              <TableHeaderCell>発送日</TableHeaderCell>
              <TableHeaderCell>送付方法</TableHeaderCell>
              <TableHeaderCell>追跡番号</TableHeaderCell>
              <TableHeaderCell>記録者</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.dispatches.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{d.letter}</TableCell>
                <TableCell>{slash(d.sentOn)}</TableCell>
                <TableCell>{dispatchMethodLabels[d.method]}</TableCell>
                <TableCell>{d.trackingNo || '—'}</TableCell>
                <TableCell>{r.accountNames[d.recordedBy] ?? d.recordedBy}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editable && (
        <div role="group" aria-label="発送の記録" className={styles.row}>
          <Field label="送付した書類" required validationMessage={issueFor(add.error, 'letter')}>
            <Select value={choice} onChange={(_e, d) => setPicked(d.value)}>
              {finalized.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
              <option value={OTHER}>その他（書類名を入力）</option>
            </Select>
          </Field>
          {choice === OTHER && (
            <Field label="書類名" required>
              <Input value={typed} onChange={(_e, d) => setTyped(d.value)} />
            </Field>
          )}
          <PlainDateField
            label="発送日"
            text={sentText}
            onText={setSentText}
            required
            error={issueFor(add.error, 'sentOn')}
          />
          <Field label="送付方法" required>
            <Select value={method} onChange={(_e, d) => setMethod(d.value as Method)}>
              {dispatchMethods.map((m) => (
                <option key={m} value={m}>
                  {dispatchMethodLabels[m]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="追跡番号" validationMessage={issueFor(add.error, 'trackingNo')}>
            <Input value={trackingNo} onChange={(_e, d) => setTrackingNo(d.value)} />
          </Field>
          {sendable.length > 0 && (
            <Field label="同封した電磁的記録" validationMessage={issueFor(add.error, 'packageId')}>
              <Select value={packageId} onChange={(_e, d) => setPickedPackage(d.value)}>
                {sendable.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.fileName}（{slashDateTime(p.createdAt)}作成）
                  </option>
                ))}
                <option value="">同封しない</option>
              </Select>
            </Field>
          )}
          <Button
            disabled={dispatchBlocked !== null || add.isPending}
            aria-describedby={dispatchBlocked ? whyDispatch : undefined}
            onClick={() =>
              sentOn && add.mutate({ letter, sentOn, method, trackingNo, ...(packageId ? { packageId } : {}) })
            }
          >
            発送を記録する
          </Button>
          <WhyDisabled id={whyDispatch} reason={dispatchBlocked} />
        </div>
      )}
      <ErrorBar message={add.isError ? errorMessage(add.error) : null} />
      {r.disposal ? (
        <Body1 data-testid="disposal">
          本人確認書類の写し: {disposalLabels[r.disposal.method]}（{slash(r.disposal.date)}）
        </Body1>
      ) : (
        disposable && (
          <MethodDateForm<DisposalMethod>
            label="本人確認書類の写しの処理"
            methodLabel="本人確認書類の写しの処理"
            methods={disposalMethods}
            labels={disposalLabels}
            initial={r.identity.documents.length ? 'destroyed' : 'none'}
            dateLabel="処理した日"
            button="処理を記録する"
            pending={dispose.isPending}
            onRecord={(v) => dispose.mutate(v)}
          />
        )
      )}
      <ErrorBar message={dispose.isError ? errorMessage(dispose.error) : null} />
    </Card>
  );
}

// An extension (延長) is a decision with a new date and a reason; both go in the record.
export function ExtensionForm(props: { request: RequestDetail }) {
  const r = props.request;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const extend = useRequestMutation(
    r.id,
    (v: { date: string; reason: string }) => call('requests.extend', { id: r.id, ...v }),
    () => setOpen(false),
  );
  const why = useId();
  const date = parseDate(text);
  const blocked = firstReason(
    [!date, dateReason(text, '延長後の期限')],
    [reason.trim() === '', '延長の理由を入力してください。'],
  );
  const allowed = canRecord('extension', r.status);
  if (!allowed) return null;
  if (!open) {
    return (
      <div>
        <Button size="small" onClick={() => setOpen(true)}>
          回答期限を延長する…
        </Button>
      </div>
    );
  }
  return (
    <div role="group" aria-label="回答期限の延長" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Body1>
        現在の期限: {withWeekday(r.deadlines.dueDate)}。延長する場合は、請求者へ延長のお知らせを送付してください。
      </Body1>
      <PlainDateField
        label="延長後の期限"
        text={text}
        onText={setText}
        required
        error={issueFor(extend.error, 'date')}
      />
      <Field label="延長の理由" required validationMessage={issueFor(extend.error, 'reason')}>
        <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} />
      </Field>
      <ErrorBar message={extend.isError ? errorMessage(extend.error) : null} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button
          appearance="primary"
          disabled={blocked !== null || extend.isPending}
          aria-describedby={blocked ? why : undefined}
          onClick={() => date && extend.mutate({ date, reason })}
        >
          延長を記録する
        </Button>
        <Button onClick={() => setOpen(false)}>取り消す</Button>
        <WhyDisabled id={why} reason={blocked} />
      </div>
    </div>
  );
}
