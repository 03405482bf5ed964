import { Checkbox, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { Controller, useFieldArray, useFormState, type Control } from 'react-hook-form';
import { kindInfo, requestKinds, type RequestKind } from '../../../../core/domain/intake/kinds';
import { emptyItem, groundsFor, suspensionGroundLabels } from '../../../../core/domain/intake/request';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { IntakeForm } from './model';
import { PostalFill } from './PostalFill';

const useStyles = makeStyles({
  kinds: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(200px, 1fr))', rowGap: tokens.spacingVerticalS },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalS,
  },
  full: { gridColumn: '1 / 3' },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
});

const methodLabels = {
  paper: '書面の交付',
  media: '電磁的記録（記録媒体の郵送）',
  email: '電磁的記録（電子メール）',
  download: '電磁的記録（ダウンロード）',
} as const;

export function KindsSection(props: { control: Control<IntakeForm>; hasDisclosure: boolean; agent: boolean }) {
  const styles = useStyles();
  const c = props.control;
  const items = useFieldArray({ control: c, name: 'items' });
  const { errors } = useFormState({ control: c, name: 'items' });
  const selected = items.fields.map((f) => f.kind);
  const toggle = (kind: RequestKind, on: boolean) => {
    if (on) {
      items.append(emptyItem(kind), { shouldFocus: false });
    } else {
      items.remove(selected.indexOf(kind));
    }
  };
  const rootError = errors.items?.root?.message ?? errors.items?.message;
  return (
    <div>
      <CheckboxGroup label="請求の種類（複数選択できます）" required error={rootError} className={styles.kinds}>
        {requestKinds.map((k) => (
          <Checkbox
            key={k}
            label={`${kindInfo[k].label}（${kindInfo[k].article}）`}
            checked={selected.includes(k)}
            onChange={(_e, d) => toggle(k, d.checked === true)}
          />
        ))}
      </CheckboxGroup>
      {items.fields.map((f, i) => {
        const group = kindInfo[f.kind].group;
        return (
          <div key={f.id} className={styles.item} data-testid={`item-${f.kind}`}>
            <Subtitle2 className={styles.full}>{kindInfo[f.kind].label}</Subtitle2>
            <TextField<IntakeForm> name={`items.${i}.dataItems`} label="対象となる保有個人データの項目" control={c} />
            <TextField<IntakeForm> name={`items.${i}.period`} label="対象期間" control={c} />
            {group === 'correction' && (
              <>
                <TextField<IntakeForm> name={`items.${i}.currentContent`} label="現在の内容" control={c} />
                <TextField<IntakeForm>
                  name={`items.${i}.correctContent`}
                  label="訂正・追加・削除の内容"
                  control={c}
                  required
                />
              </>
            )}
            {(group === 'suspension' || group === 'stopProvision') && (
              <>
                <Controller
                  control={c}
                  name={`items.${i}.grounds`}
                  render={({ field, fieldState }) => (
                    <div className={styles.full}>
                      <CheckboxGroup label="請求の理由" error={fieldState.error?.message} className={styles.row}>
                        {groundsFor(f.kind).map((g) => (
                          <Checkbox
                            key={g}
                            label={suspensionGroundLabels[g]}
                            checked={field.value.includes(g)}
                            onChange={(_e, d) =>
                              field.onChange(
                                d.checked === true ? [...field.value, g] : field.value.filter((x) => x !== g),
                              )
                            }
                          />
                        ))}
                      </CheckboxGroup>
                    </div>
                  )}
                />
                <div className={styles.full}>
                  <TextField<IntakeForm> name={`items.${i}.groundText`} label="理由（自由記述）" control={c} />
                </div>
              </>
            )}
          </div>
        );
      })}
      <div className={styles.row} style={{ marginTop: tokens.spacingVerticalM }}>
        {props.hasDisclosure && (
          <SelectField<IntakeForm, keyof typeof methodLabels>
            name="disclosureMethod.method"
            label="開示の方法"
            control={c}
            options={['paper', 'media', 'email', 'download']}
            labels={methodLabels}
          />
        )}
        {props.hasDisclosure && (
          <TextField<IntakeForm>
            name="disclosureMethod.format"
            label="希望するファイル形式"
            control={c}
            hint="電磁的記録の場合（例: PDF、CSV）"
          />
        )}
        {props.agent && (
          <SelectField<IntakeForm, 'principal' | 'agent'>
            name="answerTo"
            label="回答の送付先"
            control={c}
            options={['principal', 'agent']}
            labels={{ principal: '本人', agent: '代理人' }}
          />
        )}
        <SelectField<IntakeForm, 'simpleRegistered' | 'restricted'>
          name="delivery"
          label="回答の送付方法"
          control={c}
          options={['simpleRegistered', 'restricted']}
          labels={{ simpleRegistered: '簡易書留', restricted: '本人限定受取郵便' }}
        />
        <TextField<IntakeForm>
          name="replyPostalCode"
          label="送付先の郵便番号"
          control={c}
          hint="送付先住所を入力した場合。例: 100-0001"
        />
        <TextField<IntakeForm>
          name="replyAddress"
          label="回答の送付先住所（請求書の住所と異なる場合）"
          control={c}
          hint="空欄の場合は請求書記載の住所に送付します"
        />
        <PostalFill control={c} code="replyPostalCode" address="replyAddress" />
      </div>
    </div>
  );
}
