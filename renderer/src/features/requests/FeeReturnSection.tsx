import { Body1, Card, Subtitle1, makeStyles } from '@fluentui/react-components';
import { type RequestDetail } from '../../../../core/contract';
import { feeReturnLabels, feeReturnMethods } from '../../../../core/domain/dispatch';
import { canRecord } from '../../../../core/domain/workflow';
import { ErrorBar } from '../../components/ErrorBar';
import { MethodDateForm } from '../../components/MethodDateForm';
import { cardStyle } from '../../components/styles';
import { call, errorMessage } from '../../lib/api';
import { slash } from './RequestTable';
import { useRequestMutation } from './WorkflowPanel';

const useStyles = makeStyles({ card: cardStyle });

type Method = (typeof feeReturnMethods)[number];
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

// Money not kept (sent for a kind without a fee, an overpayment, a refused means): how much, and
// the record of its return, which completing the request needs.
export function FeeReturnSection(props: { request: RequestDetail }) {
  const styles = useStyles();
  const r = props.request;
  const record = useRequestMutation(r.id, (v: { method: Method; date: string }) =>
    call('requests.recordFeeReturn', { id: r.id, ...v, amount: r.fee.toReturn }),
  );
  if (r.fee.toReturn === 0 && !r.feeReturn) return null;
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
            <MethodDateForm<Method>
              label="手数料の返還の記録"
              methodLabel="返還の方法"
              methods={feeReturnMethods}
              labels={feeReturnLabels}
              initial="enclosed"
              dateLabel="返還した日"
              button="返還を記録する"
              pending={record.isPending}
              onRecord={(v) => record.mutate(v)}
            />
          )}
        </>
      )}
      <ErrorBar message={record.isError ? errorMessage(record.error) : null} />
    </Card>
  );
}
