import { Body1, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { Controller, type Control } from 'react-hook-form';
import { matchFieldLabels, type MatchField } from '../../../../core/domain/intake/identity-rules';
import type { IntakeForm } from './model';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
});

// A 本人's request by e-mail or web form, confirmed by matching what the person gave with the
// registered record (the company's procedure): one result per detail, no ID copy needed.
export function RegisteredMatchFields(props: { control: Control<IntakeForm>; fields: readonly MatchField[] }) {
  const styles = useStyles();
  return (
    <div role="group" aria-label="ご登録情報との照合">
      <Body1 block>
        この請求は、ご登録情報との照合により本人確認を行います（当社の手続）。請求に記載された各項目を、当社の登録情報と照合してください。一致しない項目がある場合は、本人確認書類の提出をお願いします。
      </Body1>
      <div className={styles.row}>
        {props.fields.map((f) => (
          <Controller
            key={f}
            control={props.control}
            name={`identity.registeredMatch.${f}`}
            render={({ field }) => (
              <Field label={`${matchFieldLabels[f]}の照合`}>
                <RadioGroup
                  layout="horizontal"
                  value={field.value === true ? 'match' : field.value === false ? 'mismatch' : 'unchecked'}
                  onChange={(_e, d) => field.onChange(d.value === 'unchecked' ? null : d.value === 'match')}
                >
                  <Radio value="unchecked" label="未照合" />
                  <Radio value="match" label="一致" />
                  <Radio value="mismatch" label="不一致" />
                </RadioGroup>
              </Field>
            )}
          />
        ))}
      </div>
    </div>
  );
}
