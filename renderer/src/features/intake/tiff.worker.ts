import * as UTIF from 'utif2';

// Decodes the pages of a fax TIFF off the window's thread, so that a large or hostile file
// cannot freeze the app: the window stays usable while this works, and a page over the limit is
// refused from its header before any pixel is decoded.

type Request = { buffer: ArrayBuffer; maxPages: number; maxPixels: number };
export type TiffPage = { width: number; height: number; rgba: ArrayBuffer };
export type TiffReply = { ok: true; pages: TiffPage[] } | { ok: false };

function tagValue(ifd: object, tag: string): number {
  const v: unknown = (ifd as Record<string, unknown>)[tag];
  return Array.isArray(v) ? Number(v[0]) : 0;
}

self.onmessage = (e: MessageEvent<Request>) => {
  const { buffer, maxPages, maxPixels } = e.data;
  try {
    const ifds = UTIF.decode(buffer).slice(0, maxPages);
    const pages: TiffPage[] = ifds.map((ifd) => {
      if (tagValue(ifd, 't256') * tagValue(ifd, 't257') > maxPixels) throw new Error('page too large');
      UTIF.decodeImage(buffer, ifd);
      const rgba = new Uint8Array(UTIF.toRGBA8(ifd)).buffer;
      return { width: ifd.width, height: ifd.height, rgba };
    });
    const reply: TiffReply = { ok: true, pages };
    self.postMessage(reply, { transfer: pages.map((p) => p.rgba) });
  } catch {
    const reply: TiffReply = { ok: false };
    self.postMessage(reply);
  }
};
