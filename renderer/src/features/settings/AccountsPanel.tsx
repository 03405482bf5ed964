import { zodResolver } from '@hookform/resolvers/zod';
import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { DisplayName, LoginName, type Account } from '../../../../core/contract';
import { PolicyPassword } from '../../../../core/domain/password';
import { roleLabels, roles, type Role } from '../../../../core/domain/roles';
import { ErrorBar } from '../../components/ErrorBar';
import { KeysReplacedNotice } from '../../components/KeysReplacedNotice';
import { TextField } from '../../components/TextField';
import { call, errorMessage } from '../../lib/api';
import { applyServerErrors } from '../../lib/forms';
import { useCellStyles } from '../../components/tables';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Buttons keep their words whole (「仮パスワード」 never breaks mid-word); the row wraps instead.
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    '& button': { whiteSpace: 'nowrap', flexShrink: 0 },
  },
});

const password = PolicyPassword;
const roleList = z.array(z.enum(roles)).min(1, '役割を1つ以上選択してください。');

const NewAccount = z.object({
  loginName: LoginName,
  displayName: DisplayName,
  roles: roleList,
  temporaryPassword: password,
});
type NewAccount = z.infer<typeof NewAccount>;

const EditAccount = z.object({ displayName: DisplayName, roles: roleList });
type EditAccount = z.infer<typeof EditAccount>;

const TempPassword = z.object({ temporaryPassword: password });
type TempPassword = z.infer<typeof TempPassword>;

function RoleChecks(props: { value: Role[]; onChange: (v: Role[]) => void; error?: string | undefined }) {
  return (
    <Field label="役割" required validationMessage={props.error} validationState={props.error ? 'error' : 'none'}>
      <div>
        {roles.map((r) => (
          <Checkbox
            key={r}
            label={roleLabels[r]}
            checked={props.value.includes(r)}
            onChange={(_e, d) =>
              props.onChange(d.checked === true ? [...props.value, r] : props.value.filter((x) => x !== r))
            }
          />
        ))}
      </div>
    </Field>
  );
}

type DialogState =
  { kind: 'create' } | { kind: 'edit'; account: Account } | { kind: 'password'; account: Account } | null;

function AccountDialog(props: { state: Exclude<DialogState, null>; onClose: () => void }) {
  const styles = useStyles();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const { state } = props;
  const createForm = useForm<NewAccount>({
    resolver: zodResolver(NewAccount),
    defaultValues: { loginName: '', displayName: '', roles: ['staff'], temporaryPassword: '' },
    mode: 'onTouched',
  });
  const editForm = useForm<EditAccount>({
    resolver: zodResolver(EditAccount),
    defaultValues:
      state.kind === 'edit' ? { displayName: state.account.displayName, roles: state.account.roles } : undefined,
  });
  const passwordForm = useForm<TempPassword>({
    resolver: zodResolver(TempPassword),
    mode: 'onTouched',
    defaultValues: { temporaryPassword: '' },
  });
  const done = () => {
    void client.invalidateQueries({ queryKey: ['accounts.list'] });
    props.onClose();
  };
  const create = useMutation({
    mutationFn: (v: NewAccount) => call('accounts.create', v),
    onSuccess: done,
    onError: (err) =>
      setError(applyServerErrors(err, createForm.setError, ['loginName', 'displayName', 'roles', 'temporaryPassword'])),
  });
  const edit = useMutation({
    mutationFn: (v: EditAccount) =>
      call('accounts.update', { id: state.kind === 'edit' ? state.account.id : '', ...v }),
    onSuccess: done,
    onError: (err) => setError(applyServerErrors(err, editForm.setError, ['displayName', 'roles'])),
  });
  const reset = useMutation({
    mutationFn: (v: TempPassword) =>
      call('accounts.resetPassword', { id: state.kind === 'password' ? state.account.id : '', ...v }),
    onSuccess: done,
    onError: (err) => setError(applyServerErrors(err, passwordForm.setError, ['temporaryPassword'])),
  });
  const title =
    state.kind === 'create' ? 'アカウントの追加' : state.kind === 'edit' ? 'アカウントの編集' : '仮パスワードの設定';
  const busy = create.isPending || edit.isPending || reset.isPending;
  const submit =
    state.kind === 'create'
      ? createForm.handleSubmit((v) => create.mutate(v))
      : state.kind === 'edit'
        ? editForm.handleSubmit((v) => edit.mutate(v))
        : passwordForm.handleSubmit((v) => reset.mutate(v));
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              <ErrorBar message={error} />
              {state.kind === 'create' && (
                <>
                  <TextField<NewAccount>
                    name="loginName"
                    label="ログイン名"
                    required
                    control={createForm.control}
                    autoFocus
                  />
                  <TextField<NewAccount> name="displayName" label="氏名" required control={createForm.control} />
                  <Controller
                    control={createForm.control}
                    name="roles"
                    render={({ field, fieldState }) => (
                      <RoleChecks value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
                    )}
                  />
                  <TextField<NewAccount>
                    name="temporaryPassword"
                    label="仮パスワード"
                    type="password"
                    autoComplete="new-password"
                    required
                    control={createForm.control}
                    hint="最初のログイン時に本人が変更します。"
                  />
                </>
              )}
              {state.kind === 'edit' && (
                <>
                  <TextField<EditAccount>
                    name="displayName"
                    label="氏名"
                    required
                    control={editForm.control}
                    autoFocus
                  />
                  <Controller
                    control={editForm.control}
                    name="roles"
                    render={({ field, fieldState }) => (
                      <RoleChecks value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
                    )}
                  />
                </>
              )}
              {state.kind === 'password' && (
                <TextField<TempPassword>
                  name="temporaryPassword"
                  label={`${state.account.displayName} さんの仮パスワード`}
                  type="password"
                  autoComplete="new-password"
                  required
                  control={passwordForm.control}
                  hint="次回ログイン時に変更が求められます。"
                  autoFocus
                />
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={props.onClose} disabled={busy}>
                キャンセル
              </Button>
              <Button type="submit" appearance="primary" disabled={busy}>
                保存する
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export function AccountsPanel() {
  const styles = useStyles();
  const cells = useCellStyles();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [error, setError] = useState<string | null>(null);
  const accounts = useQuery({ queryKey: ['accounts.list'], queryFn: () => call('accounts.list', {}) });
  const toggle = useMutation({
    mutationFn: (a: Account) => call('accounts.update', { id: a.id, disabled: !a.disabled }),
    onSuccess: () => {
      setError(null);
      void client.invalidateQueries({ queryKey: ['accounts.list'] });
    },
    onError: (err) => setError(errorMessage(err)),
  });
  return (
    <div className={styles.stack}>
      <div>
        <Button appearance="primary" onClick={() => setDialog({ kind: 'create' })}>
          アカウントを追加
        </Button>
      </div>
      <ErrorBar message={error ?? (accounts.isError ? errorMessage(accounts.error) : null)} />
      <KeysReplacedNotice keys={toggle.data?.keys} />
      <Table aria-label="アカウント一覧" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>ログイン名</TableHeaderCell>
            <TableHeaderCell>氏名</TableHeaderCell>
            <TableHeaderCell>役割</TableHeaderCell>
            <TableHeaderCell>状態</TableHeaderCell>
            <TableHeaderCell>操作</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(accounts.data ?? []).map((a) => (
            <TableRow key={a.id}>
              <TableCell translate="no" className={cells.nowrap}>
                {a.loginName}
              </TableCell>
              <TableCell className={cells.nowrap}>{a.displayName}</TableCell>
              <TableCell>{a.roles.map((r) => roleLabels[r]).join('・')}</TableCell>
              <TableCell>
                {a.disabled ? (
                  <Badge color="subtle">無効</Badge>
                ) : a.mustChangePassword ? (
                  <Badge color="warning">仮パスワード</Badge>
                ) : (
                  <Badge color="success">有効</Badge>
                )}
              </TableCell>
              <TableCell>
                <div className={styles.actions}>
                  <Button size="small" onClick={() => setDialog({ kind: 'edit', account: a })}>
                    編集
                  </Button>
                  <Button
                    size="small"
                    disabled={a.disabled}
                    onClick={() => setDialog({ kind: 'password', account: a })}
                  >
                    仮パスワード
                  </Button>
                  <Button size="small" onClick={() => toggle.mutate(a)} disabled={toggle.isPending}>
                    {a.disabled ? '有効にする' : '無効にする'}
                  </Button>
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {dialog && <AccountDialog state={dialog} onClose={() => setDialog(null)} />}
    </div>
  );
}
