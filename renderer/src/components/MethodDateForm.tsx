import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { japanToday, parseDate, slashDate } from '../../../core/domain/dates';
import { PlainDateField } from './PlainDateField';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
});

// Something done one way on one day (ID copies destroyed, money returned): a method, a typed
// date (today by default) and the button that records it.
export function MethodDateForm<M extends string>(props: {
  label: string;
  methodLabel: string;
  methods: readonly M[];
  labels: Record<M, string>;
  initial: M;
  dateLabel: string;
  button: string;
  pending: boolean;
  onRecord: (v: { method: M; date: string }) => void;
}) {
  const styles = useStyles();
  const [method, setMethod] = useState<M>(props.initial);
  const [text, setText] = useState(() => slashDate(japanToday(new Date())));
  const date = parseDate(text);
  return (
    <div role="group" aria-label={props.label} className={styles.row}>
      <Field label={props.methodLabel} required>
        <Select value={method} onChange={(_e, d) => setMethod(d.value as M)}>
          {props.methods.map((m) => (
            <option key={m} value={m}>
              {props.labels[m]}
            </option>
          ))}
        </Select>
      </Field>
      <PlainDateField label={props.dateLabel} text={text} onText={setText} required />
      <Button disabled={!date || props.pending} onClick={() => date && props.onRecord({ method, date })}>
        {props.button}
      </Button>
    </div>
  );
}
