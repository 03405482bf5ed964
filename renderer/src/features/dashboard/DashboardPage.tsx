import {
  Badge,
  Body1,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { Session } from '../../../../core/contract';
import { rolesAllow } from '../../../../core/domain/roles';
import { ErrorBar } from '../../components/ErrorBar';
import { call, errorMessage, useAppInfo } from '../../lib/api';
import { RequestTable } from '../requests/RequestTable';
import { BatchLetters } from './BatchLetters';
import { KeysToShow } from './KeysToShow';
import { databaseStateLabel } from '../shell/databaseState';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(520px, 1fr))',
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
  empty: { color: tokens.colorNeutralForeground3 },
});

type ListKey = 'overdue' | 'dueSoon' | 'cureOverdue' | 'awaitingMyApproval' | 'recentlyCompleted' | 'suspected';

const lists: {
  key: ListKey;
  title: string;
  empty: string;
  show: 'due' | 'cure' | 'closed';
  color: 'danger' | 'warning' | 'brand' | 'success';
}[] = [
  { key: 'overdue', title: '期限を過ぎた請求', empty: '期限を過ぎた請求はありません。', show: 'due', color: 'danger' },
  {
    key: 'dueSoon',
    title: '3営業日以内に期限が来る請求',
    empty: '該当する請求はありません。',
    show: 'due',
    color: 'warning',
  },
  {
    key: 'cureOverdue',
    title: '補正の期限を過ぎた請求（「請求なし」として終了できます）',
    empty: '該当する請求はありません。',
    show: 'cure',
    color: 'warning',
  },
  {
    key: 'suspected',
    title: 'なりすましの疑いがある請求（個人情報保護管理者の確認が必要です）',
    empty: '該当する請求はありません。',
    show: 'due',
    color: 'danger',
  },
  {
    key: 'awaitingMyApproval',
    title: 'あなたの決裁を待っている請求',
    empty: '決裁待ちの請求はありません。',
    show: 'due',
    color: 'brand',
  },
  {
    key: 'recentlyCompleted',
    title: '最近完了した請求（2週間）',
    empty: '最近完了した請求はありません。',
    show: 'closed',
    color: 'success',
  },
];

function SystemStatus() {
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
          <dd className={styles.dd} translate="no">
            {info.data.dataDir}
          </dd>
        </dl>
      ) : (
        <Body1>読み込み中…</Body1>
      )}
    </Card>
  );
}

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
    <div className={styles.grid}>
      {backup.data?.due && (
        <MessageBar intent="warning" data-testid="backup-reminder">
          <MessageBarBody>
            {backup.data.lastBackupAt
              ? `最後のバックアップから${backup.data.settings.reminderDays}日以上たっています。`
              : 'まだバックアップがありません。'}
            {admin ? '設定 › バックアップ から作成してください。' : '管理者にバックアップの作成を依頼してください。'}
          </MessageBarBody>
        </MessageBar>
      )}
      {admin && backup.data?.keysetChanged && (
        <MessageBar intent="error" data-testid="keyset-changed">
          <MessageBarBody>
            鍵情報ファイル（vault.json）がアプリの外で変更されています。このままでは鍵の更新（アカウントの無効化を含む）ができません。設定
            › バックアップ の「データベース鍵の更新」から鍵情報を作り直してください。
          </MessageBarBody>
        </MessageBar>
      )}
      {admin && backup.data?.keysToShow && <KeysToShow keys={backup.data.keysToShow} />}
      {staff && board.isError && <ErrorBar message={errorMessage(board.error)} />}
      {staff && board.isPending && <Spinner label="読み込み中…" />}
      {board.data &&
        lists
          .filter((l) => l.key !== 'awaitingMyApproval' || props.session.roles.includes('approver'))
          .filter((l) => l.key !== 'suspected' || board.data[l.key].total > 0)
          .map((l) => {
            const list = board.data[l.key];
            return (
              <Card key={l.key} data-testid={`dashboard-${l.key}`}>
                <CardHeader
                  header={
                    <Subtitle2 as="h2" block>
                      {l.title}{' '}
                      <Badge color={list.total > 0 ? l.color : 'informative'} aria-label={`${list.total}件`}>
                        {list.total}件{list.capped ? '以上' : ''}
                      </Badge>
                    </Subtitle2>
                  }
                />
                {list.total === 0 ? (
                  <Body1 className={styles.empty}>{l.empty}</Body1>
                ) : (
                  <>
                    <RequestTable
                      rows={list.rows}
                      label={l.title}
                      onOpen={props.onOpen}
                      today={board.data.today}
                      show={l.show}
                    />
                    {list.total > list.rows.length && (
                      <Body1 className={styles.empty}>
                        ほか{list.total - list.rows.length}件は「請求一覧」で確認できます。
                      </Body1>
                    )}
                  </>
                )}
              </Card>
            );
          })}
      {staff && <BatchLetters />}
      <SystemStatus />
    </div>
  );
}
