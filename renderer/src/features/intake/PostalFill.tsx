import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useController, useWatch, type Control, type Path } from 'react-hook-form';
import { addressOf, postalCodeDigits } from '../../../../core/domain/intake/postal-code';
import { call } from '../../lib/api';
import type { IntakeForm } from './model';

const useStyles = makeStyles({
  row: {
    gridColumn: '1 / -1',
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
});

// Typing a postal code fills the address with its prefecture, city and town (Japan Post's
// data, looked up offline by main); staff then type the 番地 after it. What staff typed
// themselves is never overwritten: the address is filled only while it is empty or still
// holds the previous suggestion. A code shared by several places offers each to pick.
export function PostalFill(props: { control: Control<IntakeForm>; code: Path<IntakeForm>; address: Path<IntakeForm> }) {
  const styles = useStyles();
  const code = useWatch({ control: props.control, name: props.code });
  const digits = postalCodeDigits(typeof code === 'string' ? code : '');
  const { field } = useController({ control: props.control, name: props.address });
  const lookup = useQuery({
    queryKey: ['intake.postalAddress', digits],
    queryFn: () => call('intake.postalAddress', { postalCode: digits ?? '' }),
    enabled: digits !== null,
    staleTime: Infinity,
  });
  const suggested = useRef<string | null>(null);
  const candidates = digits === null ? [] : (lookup.data ?? []);
  const first = candidates[0];
  const only = candidates.length === 1 && first ? addressOf(first) : null;
  const current = typeof field.value === 'string' ? field.value : '';
  const { onChange } = field;
  useEffect(() => {
    if (only === null) return;
    if (current === '' || current === suggested.current) {
      suggested.current = only;
      onChange(only);
    }
    // Only a new suggestion fills the address; typing in it must not bring the suggestion back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [only]);
  const pick = (value: string) => {
    suggested.current = value;
    onChange(value);
  };

  if (digits === null || !lookup.isSuccess) return null;
  if (candidates.length === 0) {
    return (
      <Caption1 className={styles.row} data-testid="postal-unknown">
        この郵便番号に該当する住所が見つかりません。住所を入力してください。
      </Caption1>
    );
  }
  if (candidates.length === 1) return null;
  return (
    <div className={styles.row} role="group" aria-label="郵便番号に該当する住所">
      <Caption1>該当する住所が複数あります。選んでください:</Caption1>
      {candidates.map((c) => {
        const value = addressOf(c);
        return (
          <Button key={value} size="small" onClick={() => pick(value)}>
            {value}
          </Button>
        );
      })}
    </div>
  );
}
