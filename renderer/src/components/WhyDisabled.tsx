import { Caption1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  reason: { color: tokens.colorNeutralForeground2, alignSelf: 'center' },
});

// Why the button beside it is greyed out, as visible text (a tooltip shows only to the mouse, and
// office staff do not hover to find out). The button points at it with aria-describedby={id}.
export function WhyDisabled(props: { id: string; reason: string | null }) {
  const styles = useStyles();
  if (!props.reason) return null;
  return (
    <Caption1 id={props.id} className={styles.reason} data-testid="why-disabled">
      {props.reason}
    </Caption1>
  );
}

// The first reason that holds, or null: the conditions in the order staff fill the form.
export function firstReason(...checks: [boolean, string][]): string | null {
  return checks.find(([holds]) => holds)?.[1] ?? null;
}

// Why a date typed as text is not taken yet.
export function dateReason(text: string, label: string): string {
  return text.trim() === '' ? `${label}を入力してください。` : `${label}を「2026/11/22」の形式で入力してください。`;
}
