import { Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { errorMessage, useAppInfo } from '../../lib/api';
import { databaseStateLabel } from './databaseState';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '28px',
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function StatusBar() {
  const styles = useStyles();
  const info = useAppInfo();
  return (
    <footer className={styles.bar} role="status" aria-label="ステータス" data-testid="status-bar">
      {info.isPending && <Spinner size="extra-tiny" label="読み込み中…" />}
      {info.isError && <Caption1 className={styles.error}>{errorMessage(info.error)}</Caption1>}
      {info.data && (
        <>
          <Caption1 data-testid="status-version">バージョン {info.data.version}</Caption1>
          <Caption1 data-testid="status-database">
            データベース: {databaseStateLabel[info.data.database.state]}
          </Caption1>
          <Caption1 data-testid="status-data-dir">データフォルダー: {info.data.dataDir}</Caption1>
        </>
      )}
    </footer>
  );
}
