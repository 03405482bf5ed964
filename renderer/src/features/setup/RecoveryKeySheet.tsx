import {
  Body1,
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';

const useStyles = makeStyles({
  key: {
    fontFamily: 'Consolas, "BIZ UDGothic", monospace',
    fontSize: '28px',
    letterSpacing: '0.08em',
    padding: tokens.spacingVerticalL,
    border: `2px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    textAlign: 'center',
    userSelect: 'all',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
});

function saveAsFile(text: string): void {
  const blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'madoguchi-recovery-key.txt';
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}

// Shown once, right after setup: the only way back in if every administrator password is lost.
export function RecoveryKeySheet(props: { recoveryKey: string; companyName: string; onDone: () => void }) {
  const styles = useStyles();
  const [stored, setStored] = useState(false);
  const text = `Madoguchi 回復キー\n${props.companyName}\n\n${props.recoveryKey}\n\nこの回復キーは、管理者のパスワードを忘れた場合にデータベースを開くために必要です。\n金庫など、パソコンとは別の安全な場所に保管してください。\n`;
  return (
    <div className={styles.stack}>
      <Title3 as="h2" block>
        回復キー
      </Title3>
      <MessageBar intent="warning">
        <MessageBarBody>
          この回復キーが表示されるのは今回限りです。管理者のパスワードを忘れた場合、回復キーがなければデータを開くことはできません。印刷するか保存して、パソコンとは別の安全な場所に保管してください。
        </MessageBarBody>
      </MessageBar>
      <div className={styles.key} data-testid="recovery-key" aria-label="回復キー">
        {props.recoveryKey}
      </div>
      <div className={styles.actions}>
        <Button onClick={() => window.print()}>印刷する</Button>
        <Button onClick={() => saveAsFile(text)}>ファイルに保存する</Button>
      </div>
      <Checkbox
        checked={stored}
        onChange={(_e, d) => setStored(d.checked === true)}
        label="回復キーを印刷または保存し、安全な場所に保管しました"
      />
      <Body1>
        <Button appearance="primary" disabled={!stored} onClick={props.onDone}>
          Madoguchi を使い始める
        </Button>
      </Body1>
    </div>
  );
}
