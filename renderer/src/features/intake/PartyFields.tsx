import { makeStyles, tokens } from '@fluentui/react-components';
import type { Control } from 'react-hook-form';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import type { IntakeForm } from './model';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  wide: { gridColumn: 'span 2' },
});

export function PartyFields(props: { role: 'principal' | 'agent'; control: Control<IntakeForm> }) {
  const styles = useStyles();
  const p = props.role;
  const c = props.control;
  return (
    <div className={styles.grid} role="group" aria-label={p === 'principal' ? '本人の情報' : '代理人の情報'}>
      <TextField<IntakeForm> name={`${p}.name`} label="氏名" control={c} required />
      <TextField<IntakeForm> name={`${p}.kana`} label="フリガナ" control={c} required hint="カタカナまたはひらがな" />
      <DateField<IntakeForm>
        name={`${p}.birthDate`}
        label="生年月日"
        control={c}
        nullable
        hint="例: 1980/4/1、昭和55年4月1日"
      />
      <TextField<IntakeForm> name={`${p}.postalCode`} label="郵便番号" control={c} />
      <div className={styles.wide}>
        <TextField<IntakeForm> name={`${p}.address`} label="住所" control={c} required />
      </div>
      <TextField<IntakeForm> name={`${p}.phone`} label="電話番号" control={c} />
      <TextField<IntakeForm> name={`${p}.email`} label="メールアドレス" control={c} />
      <TextField<IntakeForm> name={`${p}.customerNo`} label="顧客番号など" control={c} />
      <TextField<IntakeForm> name={`${p}.formerName`} label="旧姓" control={c} />
      <div className={styles.wide}>
        <TextField<IntakeForm> name={`${p}.formerAddress`} label="旧住所" control={c} />
      </div>
      {p === 'agent' && (
        <TextField<IntakeForm> name="agent.relationship" label="本人との関係" control={c} hint="例: 母、弁護士" />
      )}
    </div>
  );
}
