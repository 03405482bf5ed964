import { execFile } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// The live database must sit on a local disk: SQLite's locking and WAL are unreliable over SMB
// and NFS, and a share is usually visible to more people than the privacy desk.

export type DriveTypeProbe = (driveLetter: string) => Promise<'network' | 'local' | 'unknown'>;

const NETWORK_FS = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'fuse.sshfs',
  'sshfs',
  'afs',
  'ceph',
  'glusterfs',
  '9p',
  'davfs',
  'fuse.davfs2',
]);

// \\server\share, //server/share and \\?\UNC\server\share are network paths; \\.\ device paths
// are refused too. \\?\C:\… is a long local path and is judged by its drive.
export function windowsPathKind(path: string): { kind: 'unc' } | { kind: 'drive'; letter: string } | { kind: 'other' } {
  const p = path.replaceAll('/', '\\');
  if (/^\\\\\?\\UNC\\/i.test(p) || /^\\\\\.\\/.test(p)) return { kind: 'unc' };
  const long = /^\\\\\?\\([A-Za-z]):/.exec(p);
  if (long?.[1]) return { kind: 'drive', letter: long[1].toUpperCase() };
  if (p.startsWith('\\\\')) return { kind: 'unc' };
  const drive = /^([A-Za-z]):/.exec(p);
  if (drive?.[1]) return { kind: 'drive', letter: drive[1].toUpperCase() };
  return { kind: 'other' };
}

// Win32_LogicalDisk.DriveType 4 is a network drive. PowerShell may be blocked on locked-down
// PCs: then the answer is 'unknown' and the caller decides.
export const powershellDriveProbe: DriveTypeProbe = (letter) =>
  new Promise((resolveProbe) => {
    if (!/^[A-Z]$/.test(letter)) {
      resolveProbe('unknown');
      return;
    }
    execFile(
      'powershell.exe',
      [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        `(Get-CimInstance Win32_LogicalDisk -Filter "DeviceID='${letter}:'").DriveType`,
      ],
      { timeout: 5000, windowsHide: true },
      (err, stdout) => {
        if (err) resolveProbe('unknown');
        else resolveProbe(stdout.trim() === '4' ? 'network' : 'local');
      },
    );
  });

function existingAncestor(path: string): string {
  let p = resolve(path);
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return realpathSync(p);
}

// Finds the file system type of the mount holding the (resolved) path, from /proc/self/mountinfo.
export function linuxFsType(target: string, mountinfo: string): string | null {
  let best: { point: string; type: string } | null = null;
  for (const line of mountinfo.split('\n')) {
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const point = (left.split(' ')[4] ?? '').replace(/\\040/g, ' ');
    const type = right.split(' ')[0] ?? '';
    const inside = target === point || target.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (inside && (!best || point.length > best.point.length)) best = { point, type };
  }
  return best?.type ?? null;
}

export async function isNetworkLocation(
  path: string,
  platform: NodeJS.Platform = process.platform,
  probe: DriveTypeProbe = powershellDriveProbe,
): Promise<boolean> {
  if (platform === 'win32') {
    const kind = windowsPathKind(path);
    if (kind.kind === 'unc') return true;
    if (kind.kind === 'drive') return (await probe(kind.letter)) === 'network';
    return false;
  }
  if (platform === 'linux' && existsSync('/proc/self/mountinfo')) {
    const type = linuxFsType(existingAncestor(path), readFileSync('/proc/self/mountinfo', 'utf8'));
    return type !== null && NETWORK_FS.has(type);
  }
  return false;
}
