// Preloaded (`node --import`) into a spawned CLI under test: `*.localhost` resolves to
// 127.0.0.1 and every other name fails, so the process under test cannot reach another host
// by name (the Azure imitation serves vaults at https://<vault>.vault.localhost:<port>).
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';

const original = dns.lookup;
const isLocal = (name) => name === 'localhost' || name.endsWith('.localhost');

dns.lookup = function lookup(hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  const opts = typeof options === 'function' ? {} : typeof options === 'number' ? { family: options } : (options ?? {});
  const name = String(hostname).toLowerCase();
  if (isLocal(name)) {
    process.nextTick(() => (opts.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)));
    return;
  }
  if (/^127\.|^::1$/.test(name)) return original.call(dns, hostname, options, callback);
  const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (test: only *.localhost resolves)`), { code: 'ENOTFOUND', hostname });
  process.nextTick(() => cb(err));
};
syncBuiltinESMExports();
