import type { Control, FieldValues, Path } from 'react-hook-form';
import { z } from 'zod';
import { PolicyPassword } from '../../../core/domain/password';
import { TextField } from './TextField';

// A new password typed twice, checked against the policy as it is typed.
export const newPasswordShape = { newPassword: PolicyPassword, newPasswordConfirm: z.string() };

export function passwordsMatch(v: { newPassword: string; newPasswordConfirm: string }): boolean {
  return v.newPassword === v.newPasswordConfirm;
}
export const mismatch = { path: ['newPasswordConfirm'], message: 'パスワードが一致しません。' };

export function NewPasswordFields<T extends FieldValues & { newPassword: string; newPasswordConfirm: string }>(props: {
  control: Control<T>;
  label?: string;
  required?: boolean;
}) {
  const label = props.label ?? '新しいパスワード';
  return (
    <>
      <TextField<T>
        name={'newPassword' as Path<T>}
        label={label}
        type="password"
        autoComplete="new-password"
        control={props.control}
        required={props.required}
        hint="12文字以上。長い文章も使えます。"
      />
      <TextField<T>
        name={'newPasswordConfirm' as Path<T>}
        label={`${label}（確認）`}
        type="password"
        autoComplete="new-password"
        control={props.control}
        required={props.required}
      />
    </>
  );
}
