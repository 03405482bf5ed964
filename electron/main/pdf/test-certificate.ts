import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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

// A signer certificate issued under a chain of CAs (root, intermediates), all in the PKCS#12,
// as organisation certificates come: `certificates` in all, 4096-bit keys.
export function makeChainP12(dir: string, passphrase: string, certificates = 6): Buffer {
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore', cwd: dir });
  const ext = join(dir, 'ca.ext');
  writeFileSync(ext, 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  run(
    ['req', '-x509', '-newkey', 'rsa:4096', '-nodes', '-keyout', 'c0.key', '-out', 'c0.pem', '-days', '3650'].concat([
      '-subj',
      '/CN=Sample Root CA/O=Sample Trust/C=JP',
    ]),
  );
  for (let i = 1; i < certificates; i++) {
    const leaf = i === certificates - 1;
    const cn = leaf ? '/CN=Privacy Officer/O=Sample Corp/C=JP' : `/CN=Sample Issuing CA ${i}/O=Sample Trust/C=JP`;
    run(['req', '-newkey', 'rsa:4096', '-nodes', '-keyout', `c${i}.key`, '-out', `c${i}.csr`, '-subj', cn]);
    run(
      ['x509', '-req', '-in', `c${i}.csr`, '-CA', `c${i - 1}.pem`, '-CAkey', `c${i - 1}.key`, '-CAcreateserial'].concat(
        ['-out', `c${i}.pem`, '-days', '3650', ...(leaf ? [] : ['-extfile', ext])],
      ),
    );
  }
  const chain = Array.from({ length: certificates - 1 }, (_, i) => readFileSync(join(dir, `c${i}.pem`), 'utf8'));
  writeFileSync(join(dir, 'chain.pem'), chain.join(''));
  const last = certificates - 1;
  run(
    ['pkcs12', '-export', '-inkey', `c${last}.key`, '-in', `c${last}.pem`, '-certfile', 'chain.pem'].concat([
      '-out',
      'chain.p12',
      '-passout',
      `pass:${passphrase}`,
    ]),
  );
  return readFileSync(join(dir, 'chain.p12'));
}
