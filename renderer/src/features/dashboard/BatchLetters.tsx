import { Badge, Body1, Button, Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { call, errorMessage } from '../../lib/api';
import { printPdf } from '../intake/ScanPreview';
import { useListStyles } from './DashboardList';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, fontSize: tokens.fontSizeBase200 },
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXS} 0`,
  },
});

// Finalizes every decision letter waiting in 回答準備 and prints them in one print job.
export function BatchLetters() {
  const styles = useStyles();
  const list = useListStyles();
  const client = useQueryClient();
  const pending = useQuery({ queryKey: ['letters.pending'], queryFn: () => call('letters.pending', {}) });
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const items = pending.data ?? [];
  const run = async () => {
    setError(null);
    setResult(null);
    setProgress({ done: 0, total: items.length });
    const finalized: string[] = [];
    try {
      for (const [i, item] of items.entries()) {
        const letter = await call('letters.finalize', { requestId: item.requestId, kind: item.kind });
        finalized.push(letter.id);
        setProgress({ done: i + 1, total: items.length });
      }
      const contents = [];
      for (const id of finalized) {
        contents.push((await call('letters.content', { id })).base64);
        await call('letters.printed', { id });
      }
      await printPdf(contents);
      setResult(`${finalized.length}通を確定し、印刷しました。`);
    } catch (err) {
      setError(`${finalized.length}通目まで確定しました。${errorMessage(err)}`);
    } finally {
      setProgress(null);
      await client.invalidateQueries({ queryKey: ['letters.pending'] });
      await client.invalidateQueries({ queryKey: ['letters.list'] });
    }
  };
  return (
    <section className={list.section} aria-labelledby="batch-letters-heading" data-testid="batch-letters">
      <h2 className={list.heading} id="batch-letters-heading">
        発送を待っている回答書
        <Badge color={items.length > 0 ? 'brand' : 'informative'} appearance={items.length > 0 ? 'filled' : 'tint'}>
          {items.length}通
        </Badge>
      </h2>
      <ErrorBar message={error ?? (pending.isError ? errorMessage(pending.error) : null)} />
      {result && <Body1>{result}</Body1>}
      {items.length === 0 ? (
        <Caption1 className={list.note}>決裁済みで未確定の回答書はありません。</Caption1>
      ) : (
        <ul className={styles.list}>
          {items.slice(0, 10).map((i) => (
            <li key={`${i.requestId}-${i.kind}`}>
              {i.receiptNo} {i.label}
            </li>
          ))}
          {items.length > 10 && <li>ほか{items.length - 10}通</li>}
        </ul>
      )}
      {progress && (
        <div aria-live="polite">
          <ProgressBar value={progress.done / Math.max(1, progress.total)} />
          <Body1>
            確定中… {progress.done} / {progress.total}
          </Body1>
        </div>
      )}
      {items.length > 0 && (
        <div className={styles.row}>
          <Button appearance="primary" size="small" disabled={progress !== null} onClick={() => void run()}>
            まとめて確定して印刷…
          </Button>
        </div>
      )}
    </section>
  );
}
