import { zodResolver } from '@hookform/resolvers/zod';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ErrorBar } from '../../components/ErrorBar';
import { mismatch, NewPasswordFields, newPasswordShape, passwordsMatch } from '../../components/NewPasswordFields';
import { TextField } from '../../components/TextField';
import { call } from '../../lib/api';
import { applyServerErrors } from '../../lib/forms';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '420px' },
});

const ChangeForm = z
  .object({
    currentPassword: z.string().min(1, '現在のパスワードを入力してください。'),
    ...newPasswordShape,
  })
  .refine(passwordsMatch, mismatch);
type ChangeForm = z.infer<typeof ChangeForm>;

export function ChangePasswordForm(props: { onDone: () => void }) {
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<ChangeForm>({
    resolver: zodResolver(ChangeForm),
    mode: 'onTouched',
    defaultValues: { currentPassword: '', newPassword: '', newPasswordConfirm: '' },
  });
  const change = useMutation({
    mutationFn: (v: ChangeForm) =>
      call('session.changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      setDone(true);
      setError(null);
      form.reset();
      props.onDone();
    },
    onError: (err) => setError(applyServerErrors(err, form.setError, ['currentPassword', 'newPassword'])),
  });
  return (
    <form className={styles.form} onSubmit={(ev) => void form.handleSubmit((v) => change.mutate(v))(ev)} noValidate>
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>パスワードを変更しました。</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar message={error} />
      <TextField<ChangeForm>
        name="currentPassword"
        label="現在のパスワード"
        type="password"
        autoComplete="current-password"
        control={form.control}
      />
      <NewPasswordFields<ChangeForm> control={form.control} />
      <Button type="submit" appearance="primary" disabled={change.isPending}>
        パスワードを変更する
      </Button>
    </form>
  );
}
