import { describe, expect, it, vi } from 'vitest';
import { isNetworkLocation, linuxFsType, windowsPathKind } from './network';

describe('network location', () => {
  it('recognises UNC, long UNC and device paths on Windows', async () => {
    const probe = vi.fn(() => Promise.resolve('local' as const));
    for (const p of [
      '\\\\fileserver\\share\\madoguchi',
      '//fileserver/share',
      '\\\\?\\UNC\\srv\\s\\x',
      '\\\\.\\pipe\\x',
    ]) {
      expect(windowsPathKind(p).kind).toBe('unc');
      await expect(isNetworkLocation(p, 'win32', probe)).resolves.toBe(true);
    }
    expect(probe).not.toHaveBeenCalled();
  });

  it('asks the drive type of a drive letter, long paths included', async () => {
    const probe = vi.fn((letter: string) =>
      Promise.resolve(letter === 'Z' ? ('network' as const) : ('local' as const)),
    );
    await expect(isNetworkLocation('Z:\\Madoguchi', 'win32', probe)).resolves.toBe(true);
    await expect(isNetworkLocation('c:\\Users\\sato\\AppData\\Local\\Madoguchi', 'win32', probe)).resolves.toBe(false);
    await expect(isNetworkLocation('\\\\?\\Z:\\deep\\path', 'win32', probe)).resolves.toBe(true);
    expect(probe).toHaveBeenCalledWith('C');
  });

  it('does not refuse when the drive type cannot be read', async () => {
    await expect(isNetworkLocation('Y:\\x', 'win32', () => Promise.resolve('unknown'))).resolves.toBe(false);
  });

  it('reads the file system type of the longest matching mount on Linux', () => {
    const mountinfo = [
      '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
      '40 22 0:50 / /mnt/share rw,relatime shared:2 - cifs //srv/share rw',
      '41 22 0:51 / /mnt/share\\040two rw,relatime shared:3 - nfs4 srv:/x rw',
    ].join('\n');
    expect(linuxFsType('/mnt/share/madoguchi/db', mountinfo)).toBe('cifs');
    expect(linuxFsType('/mnt/share two/x', mountinfo)).toBe('nfs4');
    expect(linuxFsType('/home/sato', mountinfo)).toBe('ext4');
    expect(linuxFsType('/mnt/shared', mountinfo)).toBe('ext4');
  });
});
