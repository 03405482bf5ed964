import { Badge, Caption1, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { RequestSummary } from '../../../../core/contract';
import { kindInfo } from '../../../../core/domain/intake/kinds';
import { awaitsCure, isState, stateLabels } from '../../../../core/domain/workflow';
import { mask, usePrivacy } from '../requests/privacy';
import { dateColumnLabels, rowDate, rowFlags, type DateColumn, type Section } from './sections';

// One list of the dashboard: a heading with its count, then one line per request. Every cell
// keeps to one line (a long name, reading or kind ends in "…", whole in its tooltip), so a row
// is as tall as any other and a normal day fits one screen.
export const useListStyles = makeStyles({
  section: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: {
    margin: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    minHeight: '24px',
  },
  table: { width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    height: '20px',
  },
  // The receipt number as a link, in the table's size.
  open: { fontSize: 'inherit' },
  kana: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXS },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { display: 'block', color: tokens.colorNeutralForeground3 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export function DashboardList(props: {
  section: Section;
  list: { rows: readonly RequestSummary[]; total: number; capped: boolean };
  today: string;
  onOpen: (id: string) => void;
}) {
  const styles = useListStyles();
  const { section, list } = props;
  const headingId = `dashboard-${section.key}-heading`;
  const rows = list.rows.map((r) => ({ r, ...rowFlags(r, section.date, props.today) }));
  const curePassed = section.date === 'cure' && rows.some((x) => x.late);
  const article39 = rows.some((x) => x.article39);
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={`dashboard-${section.key}`}>
      <h2 className={styles.heading} id={headingId}>
        {section.title}
        <Badge color={list.total > 0 ? section.color : 'informative'} appearance={list.total > 0 ? 'filled' : 'tint'}>
          {list.total}件{list.capped ? '以上' : ''}
        </Badge>
      </h2>
      {list.total > 0 && (
        <table className={styles.table} aria-labelledby={headingId}>
          <colgroup>
            <col style={{ width: '7.5em' }} />
            <col />
            <col style={{ width: '18%' }} />
            <col style={{ width: '7.5em' }} />
            <col style={{ width: '7em' }} />
          </colgroup>
          {/* Said to screen readers; what each column holds is plain to the eye (the heading names the date). */}
          <thead className={styles.hidden}>
            <tr>
              <th>受付番号</th>
              <th>本人氏名</th>
              <th>請求の種類</th>
              <th>{dateColumnLabels[section.date]}</th>
              <th>段階</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <Row key={x.r.id} {...x} column={section.date} today={props.today} onOpen={props.onOpen} />
            ))}
          </tbody>
        </table>
      )}
      {list.total > list.rows.length && (
        <Caption1 className={styles.note}>
          ほか{list.total - list.rows.length}件{list.capped ? '以上' : ''}は「請求一覧」で確認できます。
        </Caption1>
      )}
      {article39 && <Caption1 className={styles.note}>※ 補正待ちでも法第39条の期限は止まりません。</Caption1>}
      {curePassed && <Caption1 className={styles.note}>期限を過ぎた補正は「請求なし」として終了できます。</Caption1>}
    </section>
  );
}

function Row(props: {
  r: RequestSummary;
  date: string | null;
  late: boolean;
  article39: boolean;
  column: DateColumn;
  today: string;
  onOpen: (id: string) => void;
}) {
  const styles = useListStyles();
  const privacy = usePrivacy();
  const { r } = props;
  const name = privacy ? mask(r.principalName) : r.principalName;
  const kinds = r.kinds.map((k) => kindInfo[k].label).join('、');
  return (
    <tr data-testid="request-row">
      <td className={styles.cell}>
        <Link as="button" className={styles.open} onClick={() => props.onOpen(r.id)}>
          {r.receiptNo}
        </Link>
      </td>
      <td className={styles.cell} data-testid="principal-name" title={privacy ? name : `${name}（${r.principalKana}）`}>
        {name}
        {!privacy && <span className={styles.kana}>{r.principalKana}</span>}
      </td>
      <td className={styles.cell} title={kinds}>
        {kinds}
      </td>
      <td
        className={mergeClasses(styles.cell, props.late && styles.late)}
        title={props.date ? `${dateColumnLabels[props.column]} ${rowDate(props.date, props.today)}` : undefined}
      >
        {props.date ? rowDate(props.date, props.today) : '—'}
        {props.late && <span className={styles.hidden}>（期限超過）</span>}
      </td>
      <td className={styles.cell}>
        <Badge size="small" appearance="tint" color={awaitsCure(r.status) ? 'warning' : 'brand'}>
          {isState(r.status) ? stateLabels[r.status] : r.status}
        </Badge>
        {props.article39 && (
          <>
            <span aria-hidden="true">※</span>
            <span className={styles.hidden}>補正待ちでも法第39条の期限は止まりません</span>
          </>
        )}
      </td>
    </tr>
  );
}
