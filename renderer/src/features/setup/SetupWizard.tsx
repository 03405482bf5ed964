import { zodResolver } from '@hookform/resolvers/zod';
import { Body1, Button, Card, Spinner, Subtitle1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Organisation, type OrganisationInput } from '../../../../core/domain/organisation';
import { DisplayName, LoginName } from '../../../../core/contract';
import { ErrorBar } from '../../components/ErrorBar';
import { mismatch, NewPasswordFields, newPasswordShape, passwordsMatch } from '../../components/NewPasswordFields';
import { TextField } from '../../components/TextField';
import { call } from '../../lib/api';
import { applyServerErrors } from '../../lib/forms';
import { emptyOrganisation, OrganisationFields } from './OrganisationFields';
import { RecoveryKeySheet } from './RecoveryKeySheet';

const useStyles = makeStyles({
  page: { maxWidth: '880px', margin: '0 auto', padding: tokens.spacingHorizontalXXL },
  card: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  steps: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    margin: `${tokens.spacingVerticalM} 0`,
    listStyle: 'none',
    padding: 0,
  },
  current: { fontWeight: tokens.fontWeightBold, color: tokens.colorBrandForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, justifyContent: 'flex-end' },
  narrow: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '480px' },
});

export const AdminForm = z
  .object({
    loginName: LoginName,
    displayName: DisplayName,
    ...newPasswordShape,
  })
  .refine(passwordsMatch, mismatch);
type AdminForm = z.infer<typeof AdminForm>;

const stepLabels = ['1. 組織情報', '2. 管理者アカウント', '3. 回復キー'];

export function SetupWizard(props: { onFinished: () => void }) {
  const styles = useStyles();
  const [step, setStep] = useState(0);
  const [org, setOrg] = useState<Organisation | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const orgForm = useForm<OrganisationInput, unknown, Organisation>({
    resolver: zodResolver(Organisation),
    mode: 'onTouched',
    defaultValues: emptyOrganisation,
  });
  const adminForm = useForm<AdminForm>({
    resolver: zodResolver(AdminForm),
    mode: 'onTouched',
    defaultValues: { loginName: '', displayName: '', newPassword: '', newPasswordConfirm: '' },
  });

  const setup = useMutation({
    mutationFn: (admin: AdminForm) => {
      if (!org) throw new Error('organisation missing');
      return call('vault.setup', {
        organisation: org,
        admin: { loginName: admin.loginName, displayName: admin.displayName, password: admin.newPassword },
      });
    },
    onSuccess: (result) => {
      setRecoveryKey(result.recoveryKey);
      setStep(2);
    },
    onError: (err) => {
      setError(
        applyServerErrors(err, adminForm.setError, ['loginName', 'displayName', 'newPassword'], ['admin'], {
          password: 'newPassword',
        }),
      );
    },
  });

  return (
    <div className={styles.page}>
      <Title2 as="h1" block>
        Madoguchi の初期設定
      </Title2>
      <Body1 as="p" block>
        はじめに、回答書に記載する組織情報と、最初の管理者アカウントを登録します。
      </Body1>
      <ol className={styles.steps} aria-label="手順">
        {stepLabels.map((label, i) => (
          <li
            key={label}
            className={i === step ? styles.current : undefined}
            aria-current={i === step ? 'step' : undefined}
          >
            {label}
          </li>
        ))}
      </ol>
      <Card className={styles.card}>
        {step === 0 && (
          <form
            onSubmit={(e) =>
              void orgForm.handleSubmit((value) => {
                setOrg(value);
                setStep(1);
              })(e)
            }
            noValidate
          >
            <Subtitle1 as="h2" block>
              組織情報
            </Subtitle1>
            <Body1 as="p" block>
              ここで入力した内容は回答書の差出人欄と問合せ窓口欄に印字されます。あとから設定画面で変更できます。
            </Body1>
            <OrganisationFields control={orgForm.control} />
            <div className={styles.actions}>
              <Button type="submit" appearance="primary">
                次へ
              </Button>
            </div>
          </form>
        )}
        {step === 1 && (
          <form onSubmit={(e) => void adminForm.handleSubmit((v) => setup.mutate(v))(e)} noValidate>
            <div className={styles.narrow}>
              <Subtitle1 as="h2" block>
                管理者アカウント
              </Subtitle1>
              <Body1 as="p" block>
                最初の管理者は、担当者・承認者・管理者のすべての役割を持ちます。パスワードは12文字以上で、推測されにくいものにしてください（長い文章も使えます）。
              </Body1>
              <ErrorBar message={error} />
              <TextField<AdminForm>
                name="loginName"
                label="ログイン名"
                control={adminForm.control}
                required
                autoFocus
                hint="半角英数字（例: yamada）"
              />
              <TextField<AdminForm> name="displayName" label="氏名" control={adminForm.control} required />
              <NewPasswordFields<AdminForm> control={adminForm.control} label="パスワード" required />
              <div className={styles.actions}>
                <Button onClick={() => setStep(0)} disabled={setup.isPending}>
                  戻る
                </Button>
                <Button type="submit" appearance="primary" disabled={setup.isPending}>
                  設定を完了する
                </Button>
              </div>
              {setup.isPending && <Spinner label="暗号鍵を作成しています。しばらくお待ちください…" />}
            </div>
          </form>
        )}
        {step === 2 && recoveryKey && (
          <RecoveryKeySheet recoveryKey={recoveryKey} companyName={org?.companyName ?? ''} onDone={props.onFinished} />
        )}
      </Card>
    </div>
  );
}
