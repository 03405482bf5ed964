import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { groundLabels } from '../../../../core/domain/decisions';
import type { AreaMark, Mark } from '../../../../core/domain/disclosure/marks';
import { bytesOf, renderOnePage } from '../intake/ScanPreview';
import { MarkTools, type Pen } from './MarkTools';

const useStyles = makeStyles({
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  page: { position: 'relative', display: 'inline-block', maxWidth: '100%', lineHeight: 0 },
  overlay: { position: 'absolute', inset: 0, touchAction: 'none' },
  drawing: { cursor: 'crosshair' },
  rect: {
    position: 'absolute',
    backgroundColor: 'rgba(0, 0, 0, 0.55)',
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    color: tokens.colorNeutralForegroundInverted,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    padding: '2px',
    overflow: 'hidden',
  },
  draft: { position: 'absolute', border: `2px dashed ${tokens.colorPaletteRedBorder2}` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Point = { x: number; y: number };
const clamp = (n: number) => Math.min(1, Math.max(0, n));
const percent = (n: number) => `${(n * 100).toFixed(3)}%`;

// Rectangles withheld on the pages of a PDF or an image (issue 17 §2): drawn with the mouse on one
// page at a time, as fractions of the page, each with the pen's ground and reason; listed under
// the page with a button to remove each (what a keyboard user uses too).
export function DocumentMarks(props: {
  mime: string;
  base64: string;
  label: string;
  marks: Mark[];
  editable: boolean;
  onChange: (marks: Mark[]) => void;
}) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  const overlay = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState(0);
  const [pages, setPages] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const [pen, setPen] = useState<Pen | null>(null);
  const [start, setStart] = useState<Point | null>(null);
  const [end, setEnd] = useState<Point | null>(null);
  const { mime, base64, label } = props;

  useEffect(() => {
    let cancelled = false;
    renderOnePage(mime, bytesOf(base64), page, label)
      .then(({ canvas, pages: n }) => {
        if (cancelled || !host.current) return;
        canvas.style.marginBottom = '0';
        host.current.replaceChildren(canvas);
        setPages(n);
        setFailed(false);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [mime, base64, label, page]);

  const at = (e: PointerEvent<HTMLDivElement>): Point => {
    const box = overlay.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return { x: 0, y: 0 };
    return { x: clamp((e.clientX - box.left) / box.width), y: clamp((e.clientY - box.top) / box.height) };
  };
  const drawing = props.editable && pen !== null;
  const finish = () => {
    if (start && end && pen) {
      const x = Math.min(start.x, end.x);
      const y = Math.min(start.y, end.y);
      const width = Math.abs(end.x - start.x);
      const height = Math.abs(end.y - start.y);
      // A click without a drag is not a rectangle.
      if (width > 0.005 && height > 0.005) {
        const mark: AreaMark = { target: 'area', page, x, y, width, height, ground: pen.ground, reason: pen.reason };
        props.onChange([...props.marks, mark]);
      }
    }
    setStart(null);
    setEnd(null);
  };
  const onPage = props.marks
    .map((m, i) => ({ m, i }))
    .filter((x): x is { m: AreaMark; i: number } => x.m.target === 'area' && x.m.page === page);

  return (
    <div>
      {props.editable && <MarkTools onPen={setPen} document />}
      {props.editable && (
        <Caption1 block>
          ページ上をドラッグして、開示しない範囲を囲んでください。作成される文書では、囲んだ範囲を黒く塗りつぶしたページの画像だけが残ります。
        </Caption1>
      )}
      <div className={styles.nav} role="group" aria-label="ページの移動">
        <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
          前のページ
        </Button>
        <Body1>{pages === null ? '…' : `${page + 1} / ${pages} ページ`}</Body1>
        <Button size="small" disabled={pages === null || page + 1 >= pages} onClick={() => setPage(page + 1)}>
          次のページ
        </Button>
      </div>
      {failed && <Body1>このページは表示できませんでした。</Body1>}
      {pages === null && !failed && <Spinner size="tiny" label="表示しています…" />}
      <div className={styles.page}>
        <div ref={host} />
        <div
          ref={overlay}
          className={`${styles.overlay} ${drawing ? styles.drawing : ''}`}
          data-testid="redaction-overlay"
          onPointerDown={(e) => {
            if (!drawing) return;
            e.currentTarget.setPointerCapture(e.pointerId);
            setStart(at(e));
            setEnd(at(e));
          }}
          onPointerMove={(e) => {
            if (start) setEnd(at(e));
          }}
          onPointerUp={finish}
          onPointerCancel={() => {
            setStart(null);
            setEnd(null);
          }}
        >
          {onPage.map(({ m, i }, n) => (
            <div
              key={i}
              className={styles.rect}
              style={{ left: percent(m.x), top: percent(m.y), width: percent(m.width), height: percent(m.height) }}
              title={groundLabels[m.ground]}
            >
              {n + 1}
            </div>
          ))}
          {start && end && (
            <div
              className={styles.draft}
              style={{
                left: percent(Math.min(start.x, end.x)),
                top: percent(Math.min(start.y, end.y)),
                width: percent(Math.abs(end.x - start.x)),
                height: percent(Math.abs(end.y - start.y)),
              }}
            />
          )}
        </div>
      </div>
      {onPage.length > 0 && (
        <ol className={styles.list} aria-label={`${page + 1}ページ目の黒塗りの範囲`}>
          {onPage.map(({ m, i }) => (
            <li key={i}>
              {groundLabels[m.ground]}
              {props.editable && (
                <Button size="small" onClick={() => props.onChange(props.marks.filter((_, j) => j !== i))}>
                  この範囲を外す
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
