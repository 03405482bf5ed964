import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Tests only (not shipped code paths): a certificate made by OpenSSL and exported as PKCS#12,
// the way IT departments hand one over.
export function makeP12(dir: string, passphrase: string, legacy = false): Buffer {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '3650',
      '-subj',
      '/CN=Privacy Officer/O=Sample Corp/C=JP',
    ],
    { stdio: 'ignore' },
  );
  execFileSync(
    'openssl',
    [
      'pkcs12',
      '-export',
      ...(legacy ? ['-legacy'] : []),
      '-inkey',
      join(dir, 'key.pem'),
      '-in',
      join(dir, 'cert.pem'),
      '-out',
      join(dir, 'id.p12'),
      '-passout',
      `pass:${passphrase}`,
    ],
    { stdio: 'ignore' },
  );
  return readFileSync(join(dir, 'id.p12'));
}
