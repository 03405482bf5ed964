import { Field, Select } from '@fluentui/react-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

export function SelectField<T extends FieldValues, V extends string>(props: {
  name: Path<T>;
  label: string;
  control: Control<T>;
  options: readonly V[];
  labels: Record<V, string>;
  required?: boolean;
  onValue?: (v: V) => void;
}) {
  const {
    field: { name, ref, value, onChange, onBlur },
    fieldState,
  } = useController({ name: props.name, control: props.control });
  const error = fieldState.error?.message;
  return (
    <Field
      label={props.label}
      required={props.required}
      validationMessage={error}
      validationState={error ? 'error' : 'none'}
    >
      <Select
        name={name}
        ref={ref}
        value={typeof value === 'string' ? value : ''}
        onChange={(_e, d) => {
          onChange(d.value);
          props.onValue?.(d.value as V);
        }}
        onBlur={onBlur}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels[o]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
