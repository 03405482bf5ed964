import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { Session } from '../../../../core/contract';
import { rolesAllow } from '../../../../core/domain/roles';
import { ErrorBar } from '../../components/ErrorBar';
import { call, errorMessage } from '../../lib/api';
import { BatchLetters } from './BatchLetters';
import { DashboardList } from './DashboardList';
import { KeysToShow } from './KeysToShow';
import { sectionsFor, todayHeading } from './sections';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Today's date, and beside it (not under it) a reminder as wide as its text.
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  today: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  notice: { width: 'auto', flexGrow: 0 },
  // Two columns side by side down to a window of about 1100 px, one above the other below.
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(430px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function DashboardPage(props: { session: Session; onOpen: (id: string) => void }) {
  const styles = useStyles();
  const staff = rolesAllow(props.session.roles, 'staff');
  const board = useQuery({
    queryKey: ['requests.dashboard'],
    queryFn: () => call('requests.dashboard', {}),
    enabled: staff,
  });
  const backup = useQuery({ queryKey: ['backup.status'], queryFn: () => call('backup.status', {}) });
  const admin = props.session.roles.includes('admin');
  return (
    <div className={styles.page}>
      <div className={styles.top}>
        {board.data && (
          <Text as="p" className={styles.today} data-testid="dashboard-today">
            本日は{todayHeading(board.data)}です。
          </Text>
        )}
        {backup.data?.due && (
          <MessageBar intent="warning" className={styles.notice} data-testid="backup-reminder">
            <MessageBarBody>
              {backup.data.lastBackupAt
                ? `最後のバックアップから${backup.data.settings.reminderDays}日以上たっています。`
                : 'まだバックアップがありません。'}
              {admin ? '設定 › バックアップ から作成してください。' : '管理者にバックアップの作成を依頼してください。'}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {admin && backup.data?.keysetChanged && (
        <MessageBar intent="error" className={styles.notice} data-testid="keyset-changed">
          <MessageBarBody>
            鍵情報ファイル（vault.json）がアプリの外で変更されています。このままでは鍵の更新（アカウントの無効化を含む）ができません。設定
            › バックアップ の「データベース鍵の更新」から鍵情報を作り直してください。
          </MessageBarBody>
        </MessageBar>
      )}
      {admin && backup.data?.keysToShow && <KeysToShow keys={backup.data.keysToShow} />}
      {staff && board.isError && <ErrorBar message={errorMessage(board.error)} />}
      {staff && board.isPending && <Spinner label="読み込み中…" />}
      {board.data && (
        <div className={styles.columns}>
          {sectionsFor(board.data, props.session.roles).map((column, i) => (
            <div key={i} className={styles.column}>
              {column.map((section) => (
                <DashboardList
                  key={section.key}
                  section={section}
                  list={board.data[section.key]}
                  today={board.data.today}
                  onOpen={props.onOpen}
                />
              ))}
              {i === 1 && staff && <BatchLetters />}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
