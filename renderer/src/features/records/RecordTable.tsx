import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { markAt, type Mark } from '../../../../core/domain/disclosure/marks';
import { MarkTools, toggleMark, type Pen } from './MarkTools';
import { ErrorBar } from '../../components/ErrorBar';
import { call, errorMessage } from '../../lib/api';

const PAGE = 200;

const useStyles = makeStyles({
  scroller: {
    maxHeight: '420px',
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'left',
    whiteSpace: 'nowrap',
  },
  td: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    whiteSpace: 'pre-wrap',
    verticalAlign: 'top',
  },
  withheld: {
    backgroundColor: tokens.colorNeutralForeground3,
    color: tokens.colorNeutralForegroundInverted,
  },
  clickable: { cursor: 'pointer' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', marginTop: tokens.spacingVerticalXS },
});

// A table record as a table: the header fixed while 200 rows at a time scroll under it. Where
// editable, a click withholds (or releases) the cell's column, row or the cell itself under the
// chosen ground and reason; withheld cells are shaded and read 「（不開示）」 to a screen reader.
export function RecordTable(props: {
  id: string;
  label: string;
  marks: Mark[];
  editable: boolean;
  onChange: (marks: Mark[]) => void;
}) {
  const styles = useStyles();
  const [offset, setOffset] = useState(0);
  const [pen, setPen] = useState<Pen | null>(null);
  const page = useQuery({
    queryKey: ['records.table', props.id, offset],
    queryFn: () => call('records.table', { id: props.id, offset, limit: PAGE }),
  });
  if (page.isError) return <ErrorBar message={errorMessage(page.error)} />;
  if (!page.data) return <Body1>読み込んでいます…</Body1>;
  const t = page.data;
  return (
    <div>
      {props.editable && <MarkTools onPen={setPen} />}
      <div className={styles.scroller}>
        <table className={styles.table} aria-label={props.label}>
          <thead>
            <tr>
              <th className={styles.th}>行</th>
              {t.header.map((h, i) => (
                <th key={i} className={styles.th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r, i) => (
              <tr key={offset + i}>
                <td className={styles.td}>{offset + i + 1}</td>
                {t.header.map((_, c) => {
                  const mark = markAt(props.marks, offset + i, c);
                  return (
                    <td
                      key={c}
                      className={`${styles.td} ${mark ? styles.withheld : ''} ${props.editable && pen ? styles.clickable : ''}`}
                      aria-label={mark ? `${r[c] ?? ''}（不開示）` : undefined}
                      onClick={() => {
                        if (props.editable && pen) props.onChange(toggleMark(props.marks, pen, offset + i, c));
                      }}
                    >
                      {r[c] ?? ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.row}>
        <Body1>
          全{t.total.toLocaleString('ja-JP')}行中 {t.total === 0 ? 0 : offset + 1}〜{Math.min(offset + PAGE, t.total)}
          行目
        </Body1>
        <Button size="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          前の{PAGE}行
        </Button>
        <Button size="small" disabled={offset + PAGE >= t.total} onClick={() => setOffset(offset + PAGE)}>
          次の{PAGE}行
        </Button>
      </div>
    </div>
  );
}
