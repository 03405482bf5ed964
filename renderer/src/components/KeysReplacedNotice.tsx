import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { KeysReplaced } from '../../../core/contract';

// After the master key was replaced (an account disabled, the database key rotated): a new
// recovery key, when the old one could not be carried over, is shown once here; accounts of the
// first key format not used since need a new temporary password.
// `shownAgain`: kept until noted (keys replaced at a login, shown to the next administrator).
export function KeysReplacedNotice(props: { keys: KeysReplaced | null | undefined; shownAgain?: boolean }) {
  const k = props.keys;
  if (!k || (!k.newRecoveryKey && k.accountsNeedingPassword === 0)) return null;
  return (
    <MessageBar intent="warning" data-testid="keys-replaced">
      <MessageBarBody>
        {k.newRecoveryKey && (
          <>
            <MessageBarTitle>新しい回復キー</MessageBarTitle>
            これまでの回復キーは使えなくなりました。次の新しい回復キーを印刷または書き留め、パソコンとは別の安全な場所に
            保管してください
            {props.shownAgain
              ? '（無効にしたアカウントの鍵をログイン時に更新したため作成されました。「控えました」を押すまで管理者に表示されます）'
              : '（この画面を閉じると二度と表示されません）'}
            : <strong data-testid="new-recovery-key">{k.newRecoveryKey}</strong>
          </>
        )}
        {k.accountsNeedingPassword > 0 && (
          <p>
            {k.accountsNeedingPassword}件のアカウントは鍵の更新に含められなかったため、ログインできません。「設定 ›
            アカウント」で仮パスワードを設定してください。
          </p>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
