import { zodResolver } from '@hookform/resolvers/zod';
import { Body1, Button, Card, Link, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
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
  page: { display: 'grid', placeItems: 'center', minHeight: '100%', backgroundColor: tokens.colorNeutralBackground3 },
  card: {
    width: '420px',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const LoginForm = z.object({
  loginName: z.string().trim().min(1, 'ログイン名を入力してください。'),
  password: z.string().min(1, 'パスワードを入力してください。'),
});
type LoginForm = z.infer<typeof LoginForm>;

const RecoverForm = z
  .object({
    recoveryKey: z.string().trim().min(1, '回復キーを入力してください。'),
    loginName: z.string().trim().min(1, '管理者のログイン名を入力してください。'),
    ...newPasswordShape,
  })
  .refine(passwordsMatch, mismatch);
type RecoverForm = z.infer<typeof RecoverForm>;

function PasswordLogin(props: { onDone: () => void }) {
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<LoginForm>({ resolver: zodResolver(LoginForm), defaultValues: { loginName: '', password: '' } });
  const login = useMutation({
    mutationFn: (v: LoginForm) => call('session.login', v),
    onSuccess: props.onDone,
    onError: (err) => {
      form.setValue('password', '');
      form.setFocus('password');
      setError(applyServerErrors(err, form.setError, []));
    },
  });
  return (
    <form className={styles.form} onSubmit={(e) => void form.handleSubmit((v) => login.mutate(v))(e)} noValidate>
      <ErrorBar message={error} />
      <TextField<LoginForm>
        name="loginName"
        label="ログイン名"
        control={form.control}
        autoComplete="username"
        autoFocus
      />
      <TextField<LoginForm>
        name="password"
        label="パスワード"
        type="password"
        control={form.control}
        autoComplete="current-password"
      />
      <Button type="submit" appearance="primary" disabled={login.isPending}>
        ログイン
      </Button>
      {login.isPending && <Spinner size="tiny" label="確認しています…" />}
    </form>
  );
}

function RecoveryLogin(props: { onDone: () => void }) {
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<RecoverForm>({
    resolver: zodResolver(RecoverForm),
    mode: 'onTouched',
    defaultValues: { recoveryKey: '', loginName: '', newPassword: '', newPasswordConfirm: '' },
  });
  const recover = useMutation({
    mutationFn: (v: RecoverForm) =>
      call('session.recover', { recoveryKey: v.recoveryKey, loginName: v.loginName, newPassword: v.newPassword }),
    onSuccess: props.onDone,
    onError: (err) => setError(applyServerErrors(err, form.setError, ['recoveryKey', 'loginName', 'newPassword'])),
  });
  return (
    <form className={styles.form} onSubmit={(ev) => void form.handleSubmit((v) => recover.mutate(v))(ev)} noValidate>
      <Body1>初期設定の際に印刷・保存した回復キーを入力し、管理者の新しいパスワードを設定してください。</Body1>
      <ErrorBar message={error} />
      <TextField<RecoverForm>
        name="recoveryKey"
        label="回復キー"
        control={form.control}
        hint="例: 7F3K-Q9XD-…（ハイフンは省略できます）"
        autoFocus
      />
      <TextField<RecoverForm> name="loginName" label="管理者のログイン名" control={form.control} />
      <NewPasswordFields<RecoverForm> control={form.control} />
      <Button type="submit" appearance="primary" disabled={recover.isPending}>
        パスワードを再設定してログイン
      </Button>
    </form>
  );
}

export function LoginScreen(props: { onDone: () => void }) {
  const styles = useStyles();
  const [mode, setMode] = useState<'password' | 'recovery'>('password');
  return (
    <div className={styles.page}>
      <Card className={styles.card}>
        <Title2 as="h1" block>
          {mode === 'password' ? 'Madoguchi にログイン' : '回復キーで再設定'}
        </Title2>
        {mode === 'password' ? <PasswordLogin onDone={props.onDone} /> : <RecoveryLogin onDone={props.onDone} />}
        <Link as="button" onClick={() => setMode(mode === 'password' ? 'recovery' : 'password')}>
          {mode === 'password' ? '管理者のパスワードを忘れた場合（回復キーを使用）' : 'パスワードでログインする'}
        </Link>
      </Card>
    </div>
  );
}
