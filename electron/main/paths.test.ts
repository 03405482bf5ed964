import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './paths';

describe('data folder', () => {
  it('is under %LOCALAPPDATA% on Windows, not the roaming profile', () => {
    const dir = resolveDataDir(
      'win32',
      { LOCALAPPDATA: 'C:\\Users\\sato\\AppData\\Local', APPDATA: 'C:\\Users\\sato\\AppData\\Roaming' },
      'C:\\Users\\sato\\AppData\\Roaming\\Madoguchi',
    );
    expect(dir).toBe('C:\\Users\\sato\\AppData\\Local\\Madoguchi');
  });

  it('keeps the platform default elsewhere and honours MADOGUCHI_DATA_DIR', () => {
    expect(resolveDataDir('linux', {}, '/home/sato/.config/Madoguchi')).toBe('/home/sato/.config/Madoguchi');
    expect(resolveDataDir('win32', { MADOGUCHI_DATA_DIR: 'D:\\test' }, 'x')).toBe('D:\\test');
  });
});
