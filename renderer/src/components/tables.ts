import { makeStyles } from '@fluentui/react-components';

// Cell styles shared by every table (the table itself sizes its columns by content: styles.css).
// A short value — a number, a date, an id, a name — stays on one line, so its column is as wide as
// its widest value and no wider; the free-text columns wrap into what is left.
export const useCellStyles = makeStyles({
  nowrap: { whiteSpace: 'nowrap' },
  num: { whiteSpace: 'nowrap', textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  // The column that takes the width the others leave (a description).
  fill: { width: '100%' },
});
