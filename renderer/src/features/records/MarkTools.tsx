import { fillReason } from '../../../../core/domain/letters/reasons';
import { Field, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { groundLabels } from '../../../../core/domain/decisions';
import { withholdGrounds, type Mark, type WithholdGround } from '../../../../core/domain/disclosure/marks';
import { useSettings } from '../../lib/settings';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
});

type TableTarget = 'column' | 'row' | 'cell';
export type Pen = { target: TableTarget; ground: WithholdGround; reason: string };

// A click on a cell with the pen: withholds its column, its row or the cell, or releases a mark
// of the same target that is already there.
export function toggleMark(marks: readonly Mark[], pen: Pen, row: number, column: number): Mark[] {
  const same = (m: Mark) =>
    m.target === pen.target &&
    (m.target === 'column'
      ? m.column === column
      : m.target === 'row'
        ? m.row === row
        : m.row === row && m.column === column);
  if (marks.some(same)) return marks.filter((m) => !same(m));
  const base = { ground: pen.ground, reason: pen.reason };
  const mark: Mark =
    pen.target === 'column'
      ? { target: 'column', column, ...base }
      : pen.target === 'row'
        ? { target: 'row', row, ...base }
        : { target: 'cell', row, column, ...base };
  return [...marks, mark];
}

const targetLabels: Record<TableTarget, string> = { column: '列ごと', row: '行ごと', cell: 'セルだけ' };

// What a click withholds, under which ground, with which reason (from the reason library, then
// editable). No pen until a reason is given. On a document the pen draws rectangles (no target).
export function MarkTools(props: { onPen: (pen: Pen | null) => void; document?: boolean }) {
  const styles = useStyles();
  const reasons = useSettings().data?.reasons ?? [];
  // A library reason with its placeholders filled as for a part of a 開示 withheld (the records
  // are the data of a 開示), so the text never shows {対象} or {根拠条項}.
  const libraryReason = (g: WithholdGround) => {
    const t = reasons.find((r) => r.ground === g);
    return t ? fillReason(t, 'disclosure', 'partial', []) : '';
  };
  const [target, setTarget] = useState<TableTarget>('column');
  const [ground, setGround] = useState<WithholdGround>('a33-2-1');
  const [reason, setReason] = useState(() => libraryReason('a33-2-1'));
  const { onPen } = props;
  useEffect(() => {
    onPen(reason.trim() === '' ? null : { target, ground, reason: reason.trim() });
  }, [onPen, target, ground, reason]);
  return (
    <div role="group" aria-label="開示しない部分の指定">
      <div className={styles.row}>
        {!props.document && (
          <Field label="クリックで不開示にする範囲">
            <RadioGroup layout="horizontal" value={target} onChange={(_e, d) => setTarget(d.value as TableTarget)}>
              {(['column', 'row', 'cell'] as const).map((t) => (
                <Radio key={t} value={t} label={targetLabels[t]} />
              ))}
            </RadioGroup>
          </Field>
        )}
        <Field label="不開示の根拠">
          <Select
            value={ground}
            onChange={(_e, d) => {
              const g = d.value as WithholdGround;
              setGround(g);
              setReason(libraryReason(g));
            }}
          >
            {withholdGrounds.map((g) => (
              <option key={g} value={g}>
                {groundLabels[g]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="不開示の理由（通知に記載します）" required>
        <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} />
      </Field>
    </div>
  );
}
