import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export function ErrorBar(props: { message: string | null }) {
  if (!props.message) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody style={{ whiteSpace: 'pre-line' }}>{props.message}</MessageBarBody>
    </MessageBar>
  );
}
