import { EventEmitter } from 'node:events';

// The parts of fontkit's TrueType font and subset this relies on (fontkit 1.x, as pdf-lib uses).
type GlyphRecord = { numberOfContours: number } | null;
export type SubsettableFont = {
  getGlyph(gid: number): { _decode(): GlyphRecord; advanceWidth: number; _getMetrics(): { leftBearing: number } };
  loca: { offsets: number[] };
  layout(text: string, features?: unknown): unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  _variationProcessor?: unknown;
  createSubset(): Subset;
};
type Subset = {
  font: SubsettableFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
  encode(stream: EncodeStream): void;
  encodeStream(): EncodeStream | EventEmitter;
};
// fontkit's (restructure's) output stream: a Readable of its browser build, fed by `push`.
type EncodeStream = { push(chunk: Uint8Array | null): boolean; end(): void };
type GlyphInfo = { bytes: Uint8Array; compound: boolean; advance: number; bearing: number };

// fontkit's subsetter decodes every glyph's whole outline again for every document, only to learn
// whether it is a compound glyph; the glyph's bytes and metrics never change. They are kept per
// parsed font, and each subset of that font copies them as fontkit would. Compound glyphs (whose
// component ids fontkit renumbers per subset; the bundled fonts have none) are left to fontkit
// itself. The output is byte for byte what fontkit writes, but for one fix: a glyph of odd length
// is padded to an even one. fontkit writes a small subset's `loca` in the short format, which
// counts in 2-byte words, so every glyph after an odd one would start a byte early and draw as
// nothing (half of IPAmj明朝's glyphs, its .notdef first, are of odd length; no IPAex glyph is).
export function cacheSubsetGlyphs(font: SubsettableFont): void {
  if (font._variationProcessor) return;
  const infos = new Map<number, GlyphInfo>();
  const info = (gid: number): GlyphInfo => {
    let i = infos.get(gid);
    if (!i) {
      const glyph = font.getGlyph(gid);
      const record = glyph._decode();
      const stream = font._getTableStream('glyf');
      const start = font.loca.offsets[gid] ?? 0;
      const end = font.loca.offsets[gid + 1] ?? start;
      stream.pos += start;
      // fontkit's own Buffer (its browser build's), which its encoder insists on; never written to.
      const bytes = evenLength(stream.readBuffer(end - start));
      i = {
        bytes,
        compound: !!record && record.numberOfContours < 0,
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      infos.set(gid, i);
    }
    return i;
  };
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    const ownAddGlyph = subset._addGlyph.bind(subset);
    subset._addGlyph = function addGlyph(this: Subset, gid: number): number {
      const g = info(gid);
      if (g.compound) {
        const index = ownAddGlyph(gid);
        const own = this.glyf[index];
        if (own && own.length % 2 === 1) {
          this.glyf[index] = evenLength(own);
          this.offset += 1;
        }
        return index;
      }
      const bytes = g.bytes;
      this.glyf.push(bytes);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: g.advance, bearing: g.bearing });
      this.offset += bytes.length;
      return this.glyf.length - 1;
    };
    subset.encodeStream = encodeAtOnce;
    return subset;
  };
}

// The glyph's bytes with a zero byte after them when their length is odd (in fontkit's Buffer).
function evenLength(bytes: Uint8Array): Uint8Array {
  if (bytes.length % 2 === 0) return bytes;
  const Shim = bytes.constructor as unknown as { alloc(size: number): Uint8Array };
  const padded = Shim.alloc(bytes.length + 1);
  padded.set(bytes);
  return padded;
}

// fontkit writes a subset through a stream of its browser build, which waits on `setTimeout(0)`
// (its `process.nextTick` shim) before encoding and again between chunks: a millisecond or more
// of idle time per font of every letter. The subset is encoded here at once into the same kind
// of stream, whose chunks are collected as they are pushed, and handed over as that stream would
// hand them (data…, end) once the caller has listened. Same bytes, no timer.
let EncodeStreamOf: (new () => EncodeStream) | null = null;
function encodeAtOnce(this: Subset): EventEmitter {
  const out = new EventEmitter();
  const parts: Uint8Array[] = [];
  let failure: unknown = null;
  try {
    EncodeStreamOf ??= encodeStreamClass(this);
    const stream = new EncodeStreamOf();
    stream.push = (chunk) => {
      if (chunk) parts.push(chunk);
      return true;
    };
    this.encode(stream);
    stream.end();
  } catch (e) {
    failure = e;
  }
  queueMicrotask(() => {
    if (failure !== null) {
      out.emit('error', failure);
      return;
    }
    for (const part of parts) out.emit('data', part);
    out.emit('end');
  });
  return out;
}

// The stream class is not exported; one throwaway subset's own `encodeStream` gives it (its
// deferred encoding is made a no-op, so the timer it sets does nothing).
function encodeStreamClass(like: Subset): new () => EncodeStream {
  const probe = like.font.createSubset();
  probe.encode = () => undefined;
  const own = Object.getPrototypeOf(probe) as Pick<Subset, 'encodeStream'>;
  const stream = own.encodeStream.call(probe) as EncodeStream;
  return stream.constructor as new () => EncodeStream;
}

// Shaping a string (fontkit's `layout`) gives the same glyphs every time for the same font and
// features; letters repeat most of their lines (headings, template sentences, the sender block),
// and pdf-lib shapes each string it draws again. Results are kept per parsed font, a bounded
// number of them. pdf-lib only reads the glyphs of a run, never changes them.
const LAYOUTS_KEPT = 20_000;
export function cacheLayouts(font: { layout(text: string, features?: unknown): unknown }): void {
  const layouts = new Map<string, unknown>();
  const layout = font.layout.bind(font);
  font.layout = (text: string, features?: unknown) => {
    if (features !== undefined) return layout(text, features);
    let run = layouts.get(text);
    if (run === undefined) {
      if (layouts.size >= LAYOUTS_KEPT) layouts.clear();
      run = layout(text, features);
      layouts.set(text, run);
    }
    return run;
  };
}
