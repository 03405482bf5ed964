import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  // A long form's summary stays in view while staff scroll to the fields it points at. It sticks
  // flush to the top of the scrolling area (over the area's padding), so nothing shows above it.
  sticky: {
    position: 'sticky',
    top: `calc(-1 * ${tokens.spacingHorizontalXL})`,
    zIndex: 1,
    boxShadow: tokens.shadow8,
  },
});

export function ErrorBar(props: { message: string | null; sticky?: boolean }) {
  const styles = useStyles();
  if (!props.message) return null;
  return (
    <MessageBar intent="error" role="alert" className={props.sticky ? styles.sticky : undefined}>
      <MessageBarBody style={{ whiteSpace: 'pre-line' }}>{props.message}</MessageBarBody>
    </MessageBar>
  );
}
