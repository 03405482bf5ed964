import { tokens } from '@fluentui/react-components';

// The layout pieces every section of a page shares (use inside makeStyles).

// A section card: its fields stacked with the standard gaps.
export const cardStyle = {
  padding: tokens.spacingHorizontalL,
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalM,
} as const;
