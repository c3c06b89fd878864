import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent } from 'node:https';
import { generate } from 'selfsigned';

/**
 * A throw-away certificate made at test time for the https imitation (the Azure SDK refuses
 * bearer tokens over plain http), and an https.Agent that trusts only it and resolves every
 * `*.localhost` name to 127.0.0.1. Any other name fails to resolve, so nothing the agent
 * carries can leave the machine.
 */
export interface TestCertificate {
  cert: string;
  key: string;
}

export async function makeCertificate(): Promise<TestCertificate> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    algorithm: 'sha256',
    keyType: 'ec',
    notAfterDate: new Date(Date.now() + 2 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: 'management.localhost' },
          { type: 2, value: 'graph.localhost' },
          { type: 2, value: '*.vault.localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** `*.localhost` -> 127.0.0.1; everything else: ENOTFOUND (tests never reach another host). */
export function loopbackLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  const name = hostname.toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
    return;
  }
  if (/^127\./.test(name)) return dnsLookup(hostname, options, callback as never);
  const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname} (tests resolve only *.localhost)`);
  err.code = 'ENOTFOUND';
  callback(err, '', 4);
}

export function loopbackAgent(certificate: TestCertificate): Agent {
  return new Agent({ keepAlive: true, ca: certificate.cert, lookup: loopbackLookup as never });
}
