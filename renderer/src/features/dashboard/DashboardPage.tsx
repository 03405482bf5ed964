import {
  Body1,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { errorMessage, useAppInfo } from '../../lib/api';
import { databaseStateLabel } from '../shell/databaseState';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  dl: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  dd: { margin: 0, wordBreak: 'break-all' },
});

export function DashboardPage() {
  const styles = useStyles();
  const info = useAppInfo();
  if (info.isError) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{errorMessage(info.error)}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.grid}>
      <Card>
        <CardHeader
          header={
            <Subtitle2 as="h2" block>
              システムの状態
            </Subtitle2>
          }
        />
        {info.data ? (
          <dl className={styles.dl} data-testid="system-status">
            <dt>バージョン</dt>
            <dd className={styles.dd}>{info.data.version}</dd>
            <dt>データベース</dt>
            <dd className={styles.dd}>{databaseStateLabel[info.data.database.state]}</dd>
            <dt>データフォルダー</dt>
            <dd className={styles.dd}>{info.data.dataDir}</dd>
          </dl>
        ) : (
          <Body1>読み込み中…</Body1>
        )}
      </Card>
    </div>
  );
}
