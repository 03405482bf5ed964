import { Badge, Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { FeeResult } from '../../../../core/domain/intake/fees';
import { feeStatusLabels } from '../../../../core/domain/intake/fees';
import { identityStatusLabels, type IdentityResult } from '../../../../core/domain/intake/identity';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  defect: { color: tokens.colorPaletteRedForeground1 },
});

const identityColor = { verified: 'success', defective: 'danger', incomplete: 'warning' } as const;
const feeColor = {
  notRequired: 'informative',
  unpaid: 'danger',
  short: 'danger',
  paid: 'success',
  overpaid: 'warning',
} as const;

// The identity checklist and fee status: live while entering, and on the request's summary.
export function CheckPanel(props: { identity: IdentityResult | null; fee: FeeResult | null }) {
  const styles = useStyles();
  const { identity, fee } = props;
  return (
    <div className={styles.box} data-testid="check-panel">
      <Subtitle2>
        本人確認・代理人確認{' '}
        {identity && (
          <Badge color={identityColor[identity.status]} data-testid="identity-status">
            {identityStatusLabels[identity.status]}
          </Badge>
        )}
      </Subtitle2>
      {identity && identity.defects.length > 0 && (
        <ul className={styles.list} aria-label="不備の内容">
          {identity.defects.map((d) => (
            <li key={`${d.code}-${d.documentId ?? ''}`} className={styles.defect}>
              {d.message}
            </li>
          ))}
        </ul>
      )}
      {identity && identity.todos.length > 0 && (
        <ul className={styles.list} aria-label="確認作業">
          {identity.todos.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      {!identity && <Body1>到達日と確認書類を入力すると、確認結果が表示されます。</Body1>}
      <Subtitle2>
        手数料{' '}
        {fee && (
          <Badge color={feeColor[fee.status]} data-testid="fee-status">
            {feeStatusLabels[fee.status]}
          </Badge>
        )}
      </Subtitle2>
      {fee && (
        <Body1>
          必要額 {fee.due.toLocaleString('ja-JP')}円 / 受領（有効）{fee.accepted.toLocaleString('ja-JP')}円
          {fee.shortfall > 0 && ` / 不足 ${fee.shortfall.toLocaleString('ja-JP')}円`}
          {fee.toReturn > 0 && ` / 返還 ${fee.toReturn.toLocaleString('ja-JP')}円`}
        </Body1>
      )}
      {fee && [...fee.defects.map((d) => d.message), ...fee.notes].length > 0 && (
        <ul className={styles.list}>
          {fee.defects.map((d) => (
            <li key={`${d.code}-${d.paymentId ?? ''}`} className={styles.defect}>
              {d.message}
            </li>
          ))}
          {fee.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
