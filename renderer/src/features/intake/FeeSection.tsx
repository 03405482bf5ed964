import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Controller, useFieldArray, useWatch, type Control } from 'react-hook-form';
import { feeMeans, feeMeansLabels, type FeeMeans } from '../../../../core/domain/intake/fees';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { localId, type IntakeForm } from './model';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(160px, 1fr)) auto',
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
  return (
    <div>
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
          <Button size="small" data-destructive onClick={() => payments.remove(i)}>
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
          })
        }
      >
        手数料の受領を追加
      </Button>
    </div>
  );
}
