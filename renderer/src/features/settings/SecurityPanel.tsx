import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SecuritySettings } from '../../../../core/contract';
import { ErrorBar } from '../../components/ErrorBar';
import { call, errorMessage } from '../../lib/api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '420px' },
});

export function SecurityPanel(props: { value: SecuritySettings }) {
  const styles = useStyles();
  const client = useQueryClient();
  const [minutes, setMinutes] = useState(String(props.value.idleLockMinutes));
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const save = useMutation({
    mutationFn: () => call('settings.updateSecurity', { idleLockMinutes: Number(minutes) }),
    onSuccess: () => {
      setResult({ ok: true, text: '保存しました。次の操作から新しい設定が適用されます。' });
      void client.invalidateQueries();
    },
    onError: (err) => setResult({ ok: false, text: errorMessage(err) }),
  });
  const invalid = !/^\d{1,3}$/.test(minutes) || Number(minutes) < 1 || Number(minutes) > 240;
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (!invalid) save.mutate();
      }}
      noValidate
    >
      {result?.ok && (
        <MessageBar intent="success">
          <MessageBarBody>{result.text}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar message={result && !result.ok ? result.text : null} />
      <Field
        label="自動ロックまでの時間（分）"
        hint="操作がないまま指定した時間が過ぎると、画面をロックします（1〜240分）。"
        validationMessage={invalid ? '1から240までの整数で入力してください。' : undefined}
        validationState={invalid ? 'error' : 'none'}
      >
        <Input type="number" min={1} max={240} value={minutes} onChange={(_e, d) => setMinutes(d.value)} />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={invalid || save.isPending}>
          保存する
        </Button>
      </div>
    </form>
  );
}
