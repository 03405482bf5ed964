import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { kindInfo, type RequestKind } from '../../../../core/domain/intake/kinds';
import { Controller, useFieldArray, useWatch, type Control } from 'react-hook-form';
import { feeMeans, feeMeansLabels, type FeeMeans } from '../../../../core/domain/intake/fees';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { useUndoableRemove } from '../../components/UndoRemove';
import { localId, type IntakeForm } from './model';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    marginBottom: tokens.spacingVerticalS,
  },
});

export function FeeSection(props: { control: Control<IntakeForm> }) {
  const styles = useStyles();
  const c = props.control;
  const payments = useFieldArray({ control: c, name: 'payments' });
  const values = useWatch({ control: c, name: 'payments' });
  const arrival = useWatch({ control: c, name: 'arrivalDate' });
  const items = useWatch({ control: c, name: 'items' });
  const kinds = items.map((i) => i.kind);
  const undo = useUndoableRemove(payments, (i) => values[i]);
  return (
    <div>
      {undo.bar}
      {payments.fields.map((f, i) => (
        <div key={f.id} className={styles.row} data-testid="payment">
          <SelectField<IntakeForm, FeeMeans>
            name={`payments.${i}.means`}
            label="支払方法"
            control={c}
            options={feeMeans}
            labels={feeMeansLabels}
          />
          <Controller
            control={c}
            name={`payments.${i}.amount`}
            render={({ field, fieldState }) => (
              <Field
                label="金額（円）"
                validationMessage={fieldState.error?.message}
                validationState={fieldState.error ? 'error' : 'none'}
              >
                <Input
                  inputMode="numeric"
                  value={Number.isFinite(field.value) ? String(field.value) : ''}
                  onChange={(_e, d) => field.onChange(Number(d.value.normalize('NFKC').replace(/[,円]/g, '')))}
                  onBlur={field.onBlur}
                />
              </Field>
            )}
          />
          <Controller
            control={c}
            name={`payments.${i}.forKind`}
            render={({ field, fieldState }) => (
              <Field
                label="対象の請求"
                hint="請求書・送付状に書かれた用途"
                validationMessage={fieldState.error?.message}
                validationState={fieldState.error ? 'error' : 'none'}
              >
                <Select
                  value={field.value ?? ''}
                  onChange={(_e, d) => field.onChange(d.value === '' ? null : (d.value as RequestKind))}
                  onBlur={field.onBlur}
                >
                  <option value="">請求全体</option>
                  {[...new Set([...kinds, ...(field.value ? [field.value] : [])])].map((k) => (
                    <option key={k} value={k}>
                      {kindInfo[k].label}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
          />
          <DateField<IntakeForm> name={`payments.${i}.receivedOn`} label="受領日" control={c} hint="例: 2026/11/22" />
          {values[i]?.means === 'postalMoneyOrder' ? (
            <DateField<IntakeForm>
              name={`payments.${i}.issuedOn`}
              label="小為替の発行日"
              control={c}
              nullable
              hint="発行日から6か月有効"
            />
          ) : (
            <span />
          )}
          <Button
            size="small"
            data-destructive
            style={{ justifySelf: 'start' }}
            onClick={() => undo.remove(i, `手数料の受領（${i + 1}件目）`)}
          >
            削除
          </Button>
        </div>
      ))}
      <Button
        onClick={() =>
          payments.append({
            id: localId('p'),
            means: 'postalMoneyOrder',
            amount: 1000,
            receivedOn: arrival,
            issuedOn: null,
            forKind: null,
          })
        }
      >
        手数料の受領を追加
      </Button>
    </div>
  );
}
