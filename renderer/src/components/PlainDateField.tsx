import { Field, Input } from '@fluentui/react-components';
import { parseDate } from '../../../core/domain/dates';

const HINT = '例: 2026/11/22、20261122、令和8年11月22日';

// A date outside a react-hook-form form (dialogs): the text as typed, and its ISO reading.
export function PlainDateField(props: {
  label: string;
  text: string;
  onText: (text: string) => void;
  required?: boolean;
  error?: string | null | undefined;
}) {
  const iso = parseDate(props.text);
  const message =
    props.error ?? (props.text !== '' && !iso ? '日付は「2026/11/22」の形式で入力してください。' : undefined);
  return (
    <Field
      label={props.label}
      required={props.required}
      hint={HINT}
      validationMessage={message}
      validationState={message ? 'error' : 'none'}
    >
      <Input value={props.text} onChange={(_e, d) => props.onText(d.value)} />
    </Field>
  );
}
