import { cardStyle } from '../../components/styles';
import { slashDateTime } from '../../../../core/domain/dates';
import {
  Body1,
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupInfo } from '../../../../core/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBar } from '../../components/ErrorBar';
import { KeysReplacedNotice } from '../../components/KeysReplacedNotice';
import { SuccessBar } from '../../components/SuccessBar';
import { ApiError, call, errorMessage } from '../../lib/api';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  card: cardStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});

const when = slashDateTime;

const checkLabels: Record<BackupInfo['check'], string> = {
  ok: '検証済み（整合性・監査ログとも正常）',
  wrongKey: '開けません（鍵が一致しません）',
  integrity: '整合性の検証に失敗しました',
  audit: '監査ログの検証に失敗しました',
  newer: '新しいバージョンのアプリで作成されています',
};

function Summary(props: { info: BackupInfo }) {
  const i = props.info;
  return (
    <>
      <Body1 as="p" aria-label="バックアップの内容">
        作成日時: {when(i.createdAt)}／請求 {i.counts.requests.toLocaleString('ja-JP')}件（うち処理中{' '}
        {i.counts.open.toLocaleString('ja-JP')}件）／監査ログ {i.counts.audit.toLocaleString('ja-JP')}件／
        {i.protection === 'password' ? 'バックアップ用パスワードで保護' : 'この保管庫の鍵で保護'}／
        {checkLabels[i.check]}
      </Body1>
      {i.otherVault && (
        <MessageBar intent="warning" data-testid="other-vault">
          <MessageBarBody>
            このバックアップは別のパソコン（別の保管庫）で作成されました。含まれるアカウント:{' '}
            {i.otherVault.accounts.map((a) => `${a.displayName}（${a.loginName}）`).join('、')}。
            復元すると、このパソコンの他のアカウントはログインできなくなります。復元後は、ご自身のアカウントで
            ログインし、「設定 › アカウント」で各アカウントに仮パスワードを設定してください（同じログイン名の
            アカウントは「-2」を付けた名前になります）。
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

// Backups, restore and the database key rotation (administrators only).
export function BackupPanel() {
  const styles = useStyles();
  const client = useQueryClient();
  const status = useQuery({ queryKey: ['backup.status'], queryFn: () => call('backup.status', {}) });
  const [days, setDays] = useState<string | null>(null);
  const [keep, setKeep] = useState<string | null>(null);
  const [withPassword, setWithPassword] = useState(false);
  const [password, setPassword] = useState('');
  const [restorePassword, setRestorePassword] = useState('');
  const [confirm, setConfirm] = useState<'restore' | 'rekey' | 'repair' | null>(null);

  const saveDays = useMutation({
    mutationFn: () =>
      call('backup.updateSettings', { reminderDays: Number(dayText), safetyCopyDays: Number(keepText) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['backup.status'] }),
  });
  const create = useMutation({
    mutationFn: () => call('backup.create', { password: withPassword ? password : null }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['backup.status'] }),
  });
  const choose = useMutation({ mutationFn: () => call('backup.choose', {}) });
  const inspect = useMutation({
    mutationFn: () => call('backup.inspect', { password: restorePassword || null }),
  });
  const restore = useMutation({
    mutationFn: () => call('backup.restore', { password: restorePassword || null }),
  });
  const rekey = useMutation({
    mutationFn: (repair: boolean) => call('backup.rotateKey', repair ? { repairKeyset: true } : {}),
    // The dashboard's notice of a changed key set (and of keys to note) follows.
    onSuccess: () => client.invalidateQueries({ queryKey: ['backup.status'] }),
  });
  // vault.json was changed outside the app: the rotation was refused and can rebuild the key set.
  const keysetTampered =
    rekey.error instanceof ApiError && (rekey.error.issues ?? []).some((i) => i.path[0] === 'keyset');

  const dayText = days ?? String(status.data?.settings.reminderDays ?? 7);
  const daysInvalid = !/^\d{1,3}$/.test(dayText) || Number(dayText) < 1 || Number(dayText) > 365;
  const keepText = keep ?? String(status.data?.settings.safetyCopyDays ?? 30);
  const keepInvalid = !/^\d{1,3}$/.test(keepText) || Number(keepText) < 1 || Number(keepText) > 365;
  const chosen = choose.data;
  const needsPassword = chosen?.protection === 'password';

  return (
    <div className={styles.stack}>
      <Card className={styles.card}>
        <Subtitle1 as="h2">バックアップの作成</Subtitle1>
        {status.data && (
          <Body1>
            最後のバックアップ: {status.data.lastBackupAt ? when(status.data.lastBackupAt) : 'まだありません'}
          </Body1>
        )}
        <Body1>
          {
            '暗号化したバックアップファイルを、選んだ場所（USBメモリやネットワーク上のフォルダーも可）に保存します。保存後に読み戻して検証します。'
          }
        </Body1>
        <Checkbox
          label="バックアップ用のパスワードを付ける（別のパソコンで復元する場合や、アカウントを失った場合に備えます）"
          checked={withPassword}
          onChange={(_e, d) => setWithPassword(d.checked === true)}
        />
        {withPassword && (
          <Field label="バックアップ用のパスワード" hint="12文字以上。忘れると、このバックアップは復元できません。">
            <Input type="password" value={password} onChange={(_e, d) => setPassword(d.value)} />
          </Field>
        )}
        <div>
          <Button
            appearance="primary"
            disabled={create.isPending || (withPassword && password.length === 0)}
            onClick={() => create.mutate()}
          >
            バックアップを作成…
          </Button>
        </div>
        {create.isPending && <Spinner size="tiny" label="バックアップを作成し、検証しています…" />}
        {create.data?.info && (
          <>
            <SuccessBar message="バックアップを保存し、検証しました。" />
            <Summary info={create.data.info} />
          </>
        )}
        <ErrorBar message={create.isError ? errorMessage(create.error) : null} />
        <div className={styles.row}>
          <Field
            label="バックアップを促すまでの日数"
            validationMessage={daysInvalid ? '1から365までの整数で入力してください。' : undefined}
            validationState={daysInvalid ? 'error' : 'none'}
          >
            <Input type="number" min={1} max={365} value={dayText} onChange={(_e, d) => setDays(d.value)} />
          </Field>
          <Field
            label="安全のための控えを残す日数"
            hint="復元・鍵の更新・アップデートの前に自動で作る控え（backups フォルダー）。保存期間で削除したデータが控えに残り続けないよう、この日数を過ぎると削除します。"
            validationMessage={keepInvalid ? '1から365までの整数で入力してください。' : undefined}
            validationState={keepInvalid ? 'error' : 'none'}
          >
            <Input type="number" min={1} max={365} value={keepText} onChange={(_e, d) => setKeep(d.value)} />
          </Field>
          <Button disabled={daysInvalid || keepInvalid || saveDays.isPending} onClick={() => saveDays.mutate()}>
            日数を保存
          </Button>
        </div>
        <SuccessBar message={saveDays.isSuccess ? '保存しました。' : null} />
        <ErrorBar message={saveDays.isError ? errorMessage(saveDays.error) : null} />
      </Card>

      <Card className={styles.card}>
        <Subtitle1 as="h2">バックアップからの復元</Subtitle1>
        <Body1>
          {
            '復元すると、現在のデータはバックアップの時点の内容に置き換わります。現在のデータは復元の前に自動でバックアップします（データフォルダーの backups）。復元後はもう一度ログインしてください。'
          }
        </Body1>
        <div>
          <Button
            onClick={() => {
              inspect.reset();
              choose.mutate();
            }}
            disabled={choose.isPending}
          >
            バックアップファイルを選ぶ…
          </Button>
        </div>
        <ErrorBar message={choose.isError ? errorMessage(choose.error) : null} />
        {chosen && (
          <>
            <Body1>
              選んだバックアップ: {when(chosen.createdAt)} 作成
              {needsPassword ? '（バックアップ用パスワードで保護されています）' : ''}
            </Body1>
            {needsPassword && (
              <Field label="バックアップ用のパスワード">
                <Input type="password" value={restorePassword} onChange={(_e, d) => setRestorePassword(d.value)} />
              </Field>
            )}
            <div className={styles.row}>
              <Button disabled={inspect.isPending} onClick={() => inspect.mutate()}>
                内容を確認する
              </Button>
              <Button
                appearance="primary"
                disabled={inspect.data?.check !== 'ok' || restore.isPending}
                onClick={() => setConfirm('restore')}
              >
                このバックアップから復元…
              </Button>
            </div>
            {inspect.isPending && <Spinner size="tiny" label="バックアップを検証しています…" />}
            {inspect.data && <Summary info={inspect.data} />}
            <ErrorBar message={inspect.isError ? errorMessage(inspect.error) : null} />
            {restore.isPending && <Spinner size="tiny" label="復元しています…" />}
            <ErrorBar message={restore.isError ? errorMessage(restore.error) : null} />
          </>
        )}
      </Card>

      <Card className={styles.card}>
        <Subtitle1 as="h2">データベース鍵の更新</Subtitle1>
        <Body1>
          {
            'データベースを暗号化している鍵を新しいものに替えます。先にデータフォルダーへバックアップを作成します。各アカウントのパスワードと回復キーはそのまま使えます。'
          }
        </Body1>
        <div>
          <Button disabled={rekey.isPending} onClick={() => setConfirm('rekey')}>
            データベース鍵を更新…
          </Button>
        </div>
        {rekey.isPending && <Spinner size="tiny" label="鍵を更新しています…" />}
        <SuccessBar
          message={
            rekey.data ? `データベース鍵を更新しました（更新前のバックアップ: ${rekey.data.safetyCopy}）。` : null
          }
        />
        <ErrorBar message={rekey.isError ? errorMessage(rekey.error) : null} />
        {keysetTampered && (
          <div>
            <Button appearance="primary" onClick={() => setConfirm('repair')}>
              鍵情報を作り直して鍵を更新…
            </Button>
          </div>
        )}
        <KeysReplacedNotice keys={rekey.data?.keys} />
      </Card>

      <ConfirmDialog
        open={confirm === 'restore'}
        title="バックアップから復元しますか？"
        text="現在のデータはバックアップの時点の内容に置き換わります（現在のデータは先に自動でバックアップします）。"
        action="復元する"
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          restore.mutate();
        }}
      />
      <ConfirmDialog
        open={confirm === 'rekey'}
        title="データベース鍵を更新しますか？"
        text="処理中はほかの操作ができません。データ量によっては数分かかります。"
        action="更新する"
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          rekey.mutate(false);
        }}
      />
      <ConfirmDialog
        open={confirm === 'repair'}
        title="鍵情報を作り直しますか？"
        text="データベースに登録されている有効なアカウントと回復キーだけに新しい鍵を渡します。鍵情報ファイルにだけある登録は削除されます。パスワードを設定し直す必要があるアカウントは、完了後にお知らせします。"
        action="作り直して更新する"
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          rekey.mutate(true);
        }}
      />
    </div>
  );
}
