import { Button } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { KeysReplaced } from '../../../../core/contract';
import { ErrorBar } from '../../components/ErrorBar';
import { KeysReplacedNotice } from '../../components/KeysReplacedNotice';
import { call, errorMessage } from '../../lib/api';

// Keys replaced at a login (a disabled account's revocation finished there): what the
// administrator must note, shown on the dashboard until they say they have.
export function KeysToShow(props: { keys: KeysReplaced }) {
  const client = useQueryClient();
  const noted = useMutation({
    mutationFn: () => call('backup.keysNoted', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['backup.status'] }),
  });
  return (
    <div>
      <KeysReplacedNotice keys={props.keys} shownAgain />
      <Button disabled={noted.isPending} onClick={() => noted.mutate()}>
        {props.keys.newRecoveryKey ? '新しい回復キーを控えました' : '確認しました'}
      </Button>
      <ErrorBar message={noted.isError ? errorMessage(noted.error) : null} />
    </div>
  );
}
