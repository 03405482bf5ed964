import { MessageBar, MessageBarBody } from '@fluentui/react-components';

// A short confirmation after saving; nothing when there is nothing to confirm.
export function SuccessBar(props: { message: string | null }) {
  if (!props.message) return null;
  return (
    <MessageBar intent="success">
      <MessageBarBody>{props.message}</MessageBarBody>
    </MessageBar>
  );
}
