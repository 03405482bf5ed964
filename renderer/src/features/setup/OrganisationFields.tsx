import { makeStyles, tokens } from '@fluentui/react-components';
import type { Control } from 'react-hook-form';
import type { OrganisationInput } from '../../../../core/domain/organisation';
import { TextField } from '../../components/TextField';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    marginTop: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalL,
  },
  wide: { gridColumn: '1 / 3' },
});

export const organisationFieldNames = [
  'companyName',
  'postalCode',
  'address',
  'phone',
  'representative',
  'officerTitle',
  'officerName',
  'contactName',
  'contactPhone',
  'contactHours',
  'contactEmail',
  'contactAddress',
] as const satisfies readonly (keyof OrganisationInput)[];

export const emptyOrganisation: OrganisationInput = {
  ...(Object.fromEntries(organisationFieldNames.map((n) => [n, ''])) as Record<
    (typeof organisationFieldNames)[number],
    string
  >),
  jointUse: null,
};

// The organisation profile printed on every letter; used by the setup wizard and the settings.
export function OrganisationFields(props: { control: Control<OrganisationInput> }) {
  const styles = useStyles();
  const { control } = props;
  const field = (
    name: keyof OrganisationInput,
    label: string,
    opts: { required?: boolean; hint?: string; autoFocus?: boolean } = {},
  ) => (
    <TextField<OrganisationInput>
      name={name}
      label={label}
      control={control}
      required={opts.required ?? true}
      hint={opts.hint}
      autoFocus={opts.autoFocus}
    />
  );
  return (
    <div className={styles.grid}>
      <div className={styles.wide}>{field('companyName', '会社名', { autoFocus: true })}</div>
      {field('postalCode', '郵便番号', { hint: '例: 100-0001' })}
      {field('phone', '電話番号', { required: false, hint: '例: 03-1234-5678（公表していない場合は空欄）' })}
      <div className={styles.wide}>{field('address', '住所')}</div>
      {field('representative', '代表者', { hint: '例: 代表取締役 山田一郎' })}
      <span />
      {field('officerTitle', '個人情報保護管理者の役職')}
      {field('officerName', '個人情報保護管理者の氏名')}
      {field('contactName', '問合せ窓口の名称', { hint: '例: お客様相談室 個人情報窓口' })}
      {field('contactPhone', '問合せ窓口の電話番号', {
        required: false,
        hint: '電話番号・メールアドレス・住所のいずれか1つ以上',
      })}
      {field('contactHours', '受付時間', { required: false, hint: '例: 平日 9:00〜17:00' })}
      {field('contactEmail', '問合せ窓口のメールアドレス', { required: false })}
      {field('contactAddress', '問合せ窓口の住所（郵送先）', { required: false })}
    </div>
  );
}
