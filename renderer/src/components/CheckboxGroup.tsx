import { Label, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1, display: 'block' },
});

// A labelled group of checkboxes. (Fluent's Field would give its label to the first checkbox
// only, so each checkbox keeps its own name and the group carries the caption.)
export function CheckboxGroup(props: {
  label: string;
  required?: boolean;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <Label id={id} required={props.required}>
        {props.label}
      </Label>
      <div className={props.className}>{props.children}</div>
      {props.error && <Text className={styles.error}>{props.error}</Text>}
    </div>
  );
}
