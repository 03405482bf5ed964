import { describe, expect, it } from 'vitest';
import { jpegClaiming, pngClaiming, tiffClaiming } from './hostile-images';
import { imagePages, imageProblem, tiffPages } from './image-limits';

describe('image limits, from the header', () => {
  it('reads every page of a TIFF and the size of a PNG and a JPEG', () => {
    expect(
      tiffPages(
        tiffClaiming([
          { width: 2480, height: 3508 },
          { width: 1728, height: 2200 },
        ]),
      ),
    ).toEqual([
      { width: 2480, height: 3508 },
      { width: 1728, height: 2200 },
    ]);
    expect(imagePages(pngClaiming(640, 480), 'image/png')).toEqual([{ width: 640, height: 480 }]);
    expect(imagePages(jpegClaiming(3000, 2000), 'image/jpeg')).toEqual([{ width: 3000, height: 2000 }]);
  });

  it('takes an A3 300 dpi scan and refuses 16,000² and 30,000² claims, a huge second page, and a looping TIFF', () => {
    expect(imageProblem(tiffClaiming([{ width: 3508, height: 4961 }]), 'image/tiff')).toBeNull();
    expect(imageProblem(tiffClaiming([{ width: 16_000, height: 16_000 }]), 'image/tiff')).toContain(
      '16,000×16,000 ピクセル、約256メガピクセル',
    );
    expect(imageProblem(pngClaiming(30_000, 30_000), 'image/png')).toContain('30,000×30,000');
    expect(imageProblem(jpegClaiming(30_000, 30_000), 'image/jpeg')).toContain('50メガピクセルまで');
    const sneaky = tiffClaiming([
      { width: 100, height: 100 },
      { width: 30_000, height: 30_000 },
    ]);
    expect(imageProblem(sneaky, 'image/tiff')).toContain('30,000×30,000');
    expect(imageProblem(tiffClaiming([{ width: 100, height: 100 }], true), 'image/tiff')).toContain(
      '読み取れませんでした',
    );
    expect(imageProblem(Buffer.from('II*\0\xff\xff\xff\xff', 'latin1'), 'image/tiff')).toContain(
      '読み取れませんでした',
    );
  });
});
