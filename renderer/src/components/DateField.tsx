import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { parseDate, slashDate } from '../../../core/domain/dates';

const display = (iso: unknown) =>
  typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? slashDate(iso) : typeof iso === 'string' ? iso : '';

// A date typed the way staff type it (2026/11/22, 20261122, 令和8年11月22日, …). The value is
// stored as an ISO date once it reads as a real date; otherwise the text itself is kept so that
// validation can point at it.
export function DateField<T extends FieldValues>(props: {
  name: Path<T>;
  label: string;
  control: Control<T>;
  required?: boolean;
  hint?: string;
  nullable?: boolean;
}) {
  const {
    field: { name, ref, value, onChange, onBlur },
    fieldState,
  } = useController({ name: props.name, control: props.control });
  const [text, setText] = useState<string | null>(null);
  const error = fieldState.error?.message;
  return (
    <Field
      label={props.label}
      required={props.required}
      validationMessage={error}
      validationState={error ? 'error' : 'none'}
      hint={props.hint ?? '例: 2026/11/22、20261122、令和8年11月22日'}
    >
      <Input
        name={name}
        ref={ref}
        value={text ?? display(value)}
        onChange={(_e, d) => setText(d.value)}
        onBlur={() => {
          if (text !== null) {
            const trimmed = text.trim();
            if (trimmed === '' && props.nullable) onChange(null);
            else onChange(parseDate(trimmed) ?? trimmed);
            setText(null);
          }
          onBlur();
        }}
        autoComplete="off"
      />
    </Field>
  );
}
