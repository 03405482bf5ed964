import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Fragment } from 'react';
import { shortcutGroups } from '../../../../core/domain/shortcuts';

const useStyles = makeStyles({
  group: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  table: { borderCollapse: 'collapse', width: '100%' },
  keys: { whiteSpace: 'nowrap', paddingRight: tokens.spacingHorizontalL, verticalAlign: 'top', width: '13em' },
  key: {
    fontFamily: 'inherit',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

// The keyboard shortcuts, opened with F1 or ? (or ヘルプ › キーボードショートカット in the menu).
export function ShortcutsDialog(props: { open: boolean; onClose: () => void }) {
  const styles = useStyles();
  return (
    <Dialog
      open={props.open}
      onOpenChange={(_e, data) => {
        if (!data.open) props.onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>キーボードショートカット</DialogTitle>
          <DialogContent>
            {shortcutGroups.map((g) => (
              <Fragment key={g.title}>
                <h3 className={styles.group}>{g.title}</h3>
                <table className={styles.table} aria-label={g.title}>
                  <tbody>
                    {g.items.map((item) => (
                      <tr key={item.label}>
                        <th scope="row" className={styles.keys}>
                          {item.keys.map((k, i) => (
                            <Fragment key={k}>
                              {i > 0 && ' ／ '}
                              <kbd className={styles.key}>{k}</kbd>
                            </Fragment>
                          ))}
                        </th>
                        <td>{item.label}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Fragment>
            ))}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onClose}>
              閉じる
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
