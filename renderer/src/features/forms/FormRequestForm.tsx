import { Button, Checkbox, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { japanToday, parseDate, slashDate } from '../../../../core/domain/dates';
import { formAskedBy, formAskedByLabels, type FormRequestInput } from '../../../../core/domain/form-requests';
import { kindInfo, requestKinds } from '../../../../core/domain/intake/kinds';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { ErrorBar } from '../../components/ErrorBar';
import { PlainDateField } from '../../components/PlainDateField';
import { SuccessBar } from '../../components/SuccessBar';
import { ApiError, call, errorWithIssues } from '../../lib/api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '760px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'start' },
});

type Typed = Omit<FormRequestInput, 'requestedOn' | 'askedBy'> & { requestedOn: string; askedBy: string };
const empty = (): Typed => ({
  requestedOn: slashDate(japanToday(new Date())),
  askedBy: '',
  name: '',
  postalCode: '',
  address: '',
  kinds: [],
  note: '',
});

// Logging a person's request for the company's 請求書: who, where to, what they want to ask for.
export function FormRequestForm() {
  const styles = useStyles();
  const client = useQueryClient();
  const [v, setV] = useState<Typed>(empty);
  const [done, setDone] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () =>
      call('forms.create', {
        ...v,
        requestedOn: parseDate(v.requestedOn) ?? v.requestedOn,
        askedBy: v.askedBy as FormRequestInput['askedBy'],
      }),
    onSuccess: (row) => {
      setDone(`送付番号「${row.number}」で記録しました。送付状を印刷して請求書に同封してください。`);
      setV(empty());
      setIssues({});
      void client.invalidateQueries({ queryKey: ['forms.list'] });
    },
    onError: (err) => {
      setDone(null);
      if (err instanceof ApiError && err.issues) {
        setIssues(Object.fromEntries(err.issues.map((i) => [String(i.path[0]), i.message])));
      }
    },
  });
  const set = (patch: Partial<Typed>) => setV({ ...v, ...patch });
  const msg = (k: keyof Typed) => ({
    validationMessage: issues[k],
    validationState: issues[k] ? ('error' as const) : ('none' as const),
  });
  return (
    <form
      className={styles.form}
      noValidate
      aria-label="請求書の送付依頼の記録"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <SuccessBar message={done} />
      <ErrorBar message={create.isError ? errorWithIssues(create.error) : null} />
      <div className={styles.row}>
        <PlainDateField
          label="お申出の日"
          text={v.requestedOn}
          onText={(t) => set({ requestedOn: t })}
          required
          error={issues.requestedOn}
        />
        <Field label="お申出の方法" required {...msg('askedBy')}>
          <Select value={v.askedBy} onChange={(_e, d) => set({ askedBy: d.value })}>
            <option value="">選択してください</option>
            {formAskedBy.map((a) => (
              <option key={a} value={a}>
                {formAskedByLabels[a]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="氏名" required {...msg('name')}>
          <Input value={v.name} onChange={(_e, d) => set({ name: d.value })} />
        </Field>
        <Field label="郵便番号" required hint="例: 100-0001" {...msg('postalCode')}>
          <Input value={v.postalCode} onChange={(_e, d) => set({ postalCode: d.value })} />
        </Field>
      </div>
      <Field label="送付先住所" required {...msg('address')}>
        <Input value={v.address} onChange={(_e, d) => set({ address: d.value })} />
      </Field>
      <CheckboxGroup label="お申出の請求（お伺いした場合）" className={styles.row}>
        {requestKinds.map((k) => (
          <Checkbox
            key={k}
            label={kindInfo[k].label}
            checked={v.kinds.includes(k)}
            onChange={(_e, d) => set({ kinds: d.checked === true ? [...v.kinds, k] : v.kinds.filter((x) => x !== k) })}
          />
        ))}
      </CheckboxGroup>
      <Field label="備考" {...msg('note')}>
        <Textarea value={v.note} onChange={(_e, d) => set({ note: d.value })} />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={create.isPending}>
          記録する
        </Button>
      </div>
    </form>
  );
}
