import { Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { ErrorBar } from '../components/ErrorBar';
import { ChangePasswordForm } from '../features/session/ChangePasswordForm';
import { LoginScreen } from '../features/session/LoginScreen';
import { SetupWizard } from '../features/setup/SetupWizard';
import { errorMessage, onEvent } from '../lib/api';
import { useRefreshAll, useSessionState } from '../lib/session';
import { Shell } from './Shell';

const useStyles = makeStyles({
  center: { display: 'grid', placeItems: 'center', minHeight: '100%' },
  forced: { maxWidth: '480px', margin: '0 auto', padding: tokens.spacingHorizontalXXL },
});

// Chooses the screen from the vault state: first-run setup, login, a forced password change,
// or the application itself.
export function App() {
  const styles = useStyles();
  const state = useSessionState();
  const refresh = useRefreshAll();

  // Main locked the vault (idle, OS lock, menu): drop everything the page holds.
  useEffect(
    () =>
      onEvent('session.locked', () => {
        window.location.reload();
      }),
    [],
  );

  if (state.isPending) {
    return (
      <div className={styles.center}>
        <Spinner label="起動しています…" />
      </div>
    );
  }
  if (state.isError) {
    return (
      <div className={styles.center}>
        <ErrorBar message={errorMessage(state.error)} />
      </div>
    );
  }
  const { vault, session } = state.data;
  if (vault === 'absent') return <SetupWizard onFinished={() => void refresh()} />;
  if (!session) return <LoginScreen onDone={() => void refresh()} />;
  if (session.mustChangePassword) {
    return (
      <div className={styles.forced}>
        <Title2 as="h1" block>
          パスワードの変更
        </Title2>
        <p>仮パスワードでログインしました。続行するには、ご自身のパスワードを設定してください。</p>
        <ChangePasswordForm onDone={() => void refresh()} />
      </div>
    );
  }
  return <Shell session={session} />;
}
