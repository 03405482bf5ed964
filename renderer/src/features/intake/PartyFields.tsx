import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { call } from '../../lib/api';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { charInfo } from '../../../../core/domain/letters/char-info';
import type { IntakeForm } from './model';
import { PostalFill } from './PostalFill';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  wide: { gridColumn: 'span 2' },
  wideAll: { gridColumn: '1 / -1', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  chars: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  glyph: { fontSize: tokens.fontSizeBase500 },
});

// Names and addresses are checked against the letter font as they are typed: a character it
// lacks (𠮷, some 外字) would print as an empty box, so staff record a spelling for letters.
function GlyphCheck(props: { role: 'principal' | 'agent'; control: Control<IntakeForm> }) {
  const styles = useStyles();
  const name = useWatch({ control: props.control, name: `${props.role}.name` });
  const address = useWatch({ control: props.control, name: `${props.role}.address` });
  const texts = useDeferredValue({ name, address });
  const check = useQuery({
    queryKey: ['glyphs.check', texts],
    queryFn: () => call('glyphs.check', { texts }),
    enabled: texts.name !== '' || texts.address !== '',
    staleTime: Infinity,
  });
  const inName = check.data?.['name'] ?? [];
  const inAddress = check.data?.['address'] ?? [];
  if (inName.length === 0 && inAddress.length === 0) return null;
  const who = props.role === 'principal' ? '本人' : '代理人';
  const where = [
    ...inName.map((c) => ({ field: '氏名', ...charInfo(c) })),
    ...inAddress.map((c) => ({ field: '住所', ...charInfo(c) })),
  ];
  return (
    <div className={styles.wideAll}>
      <MessageBar intent="warning" data-testid="glyph-warning" layout="multiline">
        <MessageBarBody>
          {who}の{[inName.length > 0 && '氏名', inAddress.length > 0 && '住所'].filter(Boolean).join('・')}
          に回答書の書体にない文字があるため、そのままでは印字できません。回答書に印字する表記を下に入力してください（元の表記はそのまま記録されます）。
          {/* The code point names the character even where this PC's fonts cannot draw it either. */}
          <ul className={styles.chars}>
            {where.map((w) => (
              <li key={`${w.field}${w.char}`}>
                {w.field}の「<span className={styles.glyph}>{w.char}</span>」: 文字コード {w.codePoint}（{w.block}）
              </li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
      <div className={styles.grid}>
        {inName.length > 0 && (
          <TextField<IntakeForm>
            name={`${props.role}.letterName`}
            label="回答書用の氏名"
            control={props.control}
            required
          />
        )}
        {inAddress.length > 0 && (
          <div className={styles.wide}>
            <TextField<IntakeForm>
              name={`${props.role}.letterAddress`}
              label="回答書用の住所"
              control={props.control}
              required
            />
          </div>
        )}
      </div>
    </div>
  );
}

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
      <TextField<IntakeForm> name={`${p}.postalCode`} label="郵便番号" control={c} hint="住所が入力されます" />
      <div className={styles.wide}>
        <TextField<IntakeForm> name={`${p}.address`} label="住所" control={c} required />
      </div>
      <PostalFill control={c} code={`${p}.postalCode`} address={`${p}.address`} />
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
      <GlyphCheck role={p} control={c} />
    </div>
  );
}
