import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import type { RequestDetail } from '../../../../core/contract';
import { slashDate } from '../../../../core/domain/dates';
import { groundLabels, outcomeLabel } from '../../../../core/domain/decisions';
import { electronicFormatLabels, electronicRouteLabels, passwordRouteLabels } from '../../../../core/domain/electronic';
import { kindInfo, type RequestKind } from '../../../../core/domain/intake/kinds';

const useStyles = makeStyles({
  kind: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, margin: 0 },
  dd: { margin: 0, whiteSpace: 'pre-wrap' },
});

// A decision as recorded, once it can no longer be edited.
export function DecisionView(props: { request: RequestDetail; kind: RequestKind }) {
  const styles = useStyles();
  const saved = props.request.decisions.find((d) => d.kind === props.kind);
  if (!saved) return <Body1>{kindInfo[props.kind].label}: 未決定</Body1>;
  const d = saved.decision;
  return (
    <div className={styles.kind} data-testid={`decision-${props.kind}`}>
      <Subtitle1 as="h4">{kindInfo[props.kind].label}</Subtitle1>
      <dl className={styles.dl}>
        <dt>決定</dt>
        <dd className={styles.dd}>
          {outcomeLabel(props.kind, d.outcome)}
          {d.methodChanged ? '（書面による開示に変更）' : ''}
        </dd>
        {d.disclosed && (
          <>
            <dt>開示する内容</dt>
            <dd className={styles.dd}>{d.disclosed}</dd>
          </>
        )}
        {d.provisionRecords.length > 0 && (
          <>
            <dt>第三者提供記録</dt>
            <dd className={styles.dd}>
              {d.provisionRecords
                .map(
                  (p) =>
                    `${p.date ? slashDate(p.date) : '日付なし'} ${p.counterparty}（${p.items}）${p.exclusion ? '【施行令第11条により除外】' : ''}`,
                )
                .join('\n')}
            </dd>
          </>
        )}
        {d.withheld && (
          <>
            <dt>開示しない部分</dt>
            <dd className={styles.dd}>{d.withheld}</dd>
          </>
        )}
        {d.changes && (
          <>
            <dt>訂正等の内容</dt>
            <dd className={styles.dd}>{d.changes}</dd>
          </>
        )}
        {d.alternativeMeasure && (
          <>
            <dt>代替措置</dt>
            <dd className={styles.dd}>{d.alternativeMeasure}</dd>
          </>
        )}
        {d.electronic && (
          <>
            <dt>電磁的記録</dt>
            <dd className={styles.dd}>
              {electronicRouteLabels[d.electronic.route]}・{electronicFormatLabels[d.electronic.format]}
              {d.electronic.linkValidDays !== null ? `・リンクの有効期間 ${d.electronic.linkValidDays}日` : ''}
              ・パスワードは{passwordRouteLabels[d.electronic.passwordRoute]}でお知らせ
            </dd>
          </>
        )}
        {d.outcome === 'notOurs' && (
          <>
            <dt>委託元</dt>
            <dd className={styles.dd}>{d.trustorName}</dd>
            <dt>委託元の窓口</dt>
            <dd className={styles.dd}>{d.trustorWindow}</dd>
          </>
        )}
        {d.jointUse && (
          <>
            <dt>共同利用</dt>
            <dd className={styles.dd}>グループで共同利用しているデータ</dd>
          </>
        )}
        {d.grounds.length > 0 && (
          <>
            <dt>根拠</dt>
            <dd className={styles.dd}>{d.grounds.map((g) => groundLabels[g]).join('\n')}</dd>
          </>
        )}
        {d.reason && (
          <>
            <dt>理由</dt>
            <dd className={styles.dd}>{d.reason}</dd>
          </>
        )}
        <dt>起案</dt>
        <dd className={styles.dd}>{props.request.accountNames[saved.draftedBy] ?? saved.draftedBy}</dd>
      </dl>
    </div>
  );
}
