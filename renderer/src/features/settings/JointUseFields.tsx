import { Checkbox, Radio, RadioGroup, Field, Subtitle2 } from '@fluentui/react-components';
import { Controller, useWatch, type Control, type UseFormSetValue } from 'react-hook-form';
import type { OrganisationInput } from '../../../../core/domain/organisation';
import { TextField } from '../../components/TextField';

// A group 共同利用 (27条5項3号) and its 管理責任者, printed in the letters of requests whose data
// are used jointly.
export function JointUseFields(props: {
  control: Control<OrganisationInput>;
  setValue: UseFormSetValue<OrganisationInput>;
}) {
  const joint = useWatch({ control: props.control, name: 'jointUse' });
  return (
    <div role="group" aria-label="共同利用">
      <Subtitle2 block>共同利用（第27条第5項第3号）</Subtitle2>
      <Checkbox
        label="グループ会社等と個人データを共同利用している"
        checked={joint !== null && joint !== undefined}
        onChange={(_e, d) =>
          props.setValue(
            'jointUse',
            d.checked === true ? { scope: '', manager: '', managerAddress: '', weAreManager: true } : null,
            { shouldDirty: true },
          )
        }
      />
      {joint && (
        <>
          <TextField<OrganisationInput>
            name="jointUse.scope"
            label="共同して利用する者の範囲"
            control={props.control}
            required
            hint="例: 見本グループ各社（当社ウェブサイトに掲載の会社）"
          />
          <Controller
            control={props.control}
            name="jointUse.weAreManager"
            render={({ field }) => (
              <Field label="管理責任者">
                <RadioGroup
                  layout="horizontal"
                  value={field.value ? 'us' : 'other'}
                  onChange={(_e, d) => field.onChange(d.value === 'us')}
                >
                  <Radio value="us" label="当社" />
                  <Radio value="other" label="他のグループ会社" />
                </RadioGroup>
              </Field>
            )}
          />
          <TextField<OrganisationInput>
            name="jointUse.manager"
            label="管理責任者の名称"
            control={props.control}
            required
          />
          <TextField<OrganisationInput>
            name="jointUse.managerAddress"
            label="管理責任者の住所・代表者"
            control={props.control}
            required
            hint="例: 東京都千代田区丸の内1-1 代表取締役 見本一郎"
          />
        </>
      )}
    </div>
  );
}
