import { Field, Input, type InputProps } from '@fluentui/react-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

type Props<T extends FieldValues> = {
  name: Path<T>;
  label: string;
  control: Control<T>;
  required?: boolean;
  hint?: string;
  type?: InputProps['type'];
  autoComplete?: string;
  autoFocus?: boolean;
};

// A labelled text input bound to react-hook-form, with its message right under it. Fluent's
// Input keeps its own state, so it is driven as a controlled input (reset and setValue work).
export function TextField<T extends FieldValues>(props: Props<T>) {
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
      hint={props.hint}
    >
      <Input
        name={name}
        ref={ref}
        value={typeof value === 'string' ? value : ''}
        onChange={(_e, d) => onChange(d.value)}
        onBlur={onBlur}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete ?? 'off'}
        autoFocus={props.autoFocus}
      />
    </Field>
  );
}
