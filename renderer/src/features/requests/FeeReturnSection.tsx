import { Body1, Button, Card, Field, Select, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { type RequestDetail } from '../../../../core/contract';
import { japanToday, parseDate, slashDate } from '../../../../core/domain/dates';
import { feeReturnLabels, feeReturnMethods } from '../../../../core/domain/dispatch';
import { canRecord } from '../../../../core/domain/workflow';
import { ErrorBar } from '../../components/ErrorBar';
import { PlainDateField } from '../../components/PlainDateField';
import { cardStyle } from '../../components/styles';
import { call, errorMessage } from '../../lib/api';
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

type Method = (typeof feeReturnMethods)[number];
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

// Money not kept (sent for a kind without a fee, an overpayment, a refused means): how much, why,
// and the record of its return, which completing the request needs.
export function FeeReturnSection(props: { request: RequestDetail }) {
  const styles = useStyles();
  const r = props.request;
  const [method, setMethod] = useState<Method>('enclosed');
  const [text, setText] = useState(() => slashDate(japanToday(new Date())));
  const record = useRequestMutation(r.id, (v: { method: Method; date: string }) =>
    call('requests.recordFeeReturn', { id: r.id, ...v, amount: r.fee.toReturn }),
  );
  if (r.fee.toReturn === 0 && !r.feeReturn) return null;
  const date = parseDate(text);
  return (
    <Card className={styles.card} role="region" aria-label="手数料の返還">
      <Subtitle1 as="h3" block>
        手数料の返還
      </Subtitle1>
      {r.feeReturn ? (
        <Body1 data-testid="fee-return">
          {yen(r.feeReturn.amount)}を{feeReturnLabels[r.feeReturn.method]}しました（{slash(r.feeReturn.date)}）。
        </Body1>
      ) : (
        <>
          <Body1 data-testid="fee-to-return">返還すべき額: {yen(r.fee.toReturn)}</Body1>
          {canRecord('feeReturn', r.status) && (
            <div role="group" aria-label="手数料の返還の記録" className={styles.row}>
              <Field label="返還の方法" required>
                <Select value={method} onChange={(_e, d) => setMethod(d.value as Method)}>
                  {feeReturnMethods.map((m) => (
                    <option key={m} value={m}>
                      {feeReturnLabels[m]}
                    </option>
                  ))}
                </Select>
              </Field>
              <PlainDateField label="返還した日" text={text} onText={setText} required />
              <Button disabled={!date || record.isPending} onClick={() => date && record.mutate({ method, date })}>
                返還を記録する
              </Button>
            </div>
          )}
        </>
      )}
      <ErrorBar message={record.isError ? errorMessage(record.error) : null} />
    </Card>
  );
}
