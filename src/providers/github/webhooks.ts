import type { Repository } from '../../model/index.js';
import type { Fetched, GithubClient } from './client.js';
import { WebhookList } from './schema.js';

type Hook = NonNullable<Repository['webhooks']>[number];

/** Scheme and host only: hook URLs often carry credentials in paths or queries. */
export function hookTarget(url: string | undefined): { target: string; https: boolean } {
  if (!url) return { target: '(no URL)', https: false };
  try {
    const u = new URL(url);
    return { target: `${u.protocol}//${u.host}`, https: u.protocol === 'https:' };
  } catch {
    return { target: '(invalid URL)', https: false };
  }
}

export async function collectWebhooks(client: GithubClient, owner: string, repo: string): Promise<Fetched<Hook[]>> {
  const res = await client.list('hooks', 'GET /repos/{owner}/{repo}/hooks', { owner, repo }, WebhookList);
  if (!res.ok) return res;
  return {
    ok: true,
    headers: res.headers,
    value: res.value.map((h) => {
      const { target, https } = hookTarget(h.config.url);
      // insecure_ssl is the string "0"/"1" (a number in older schemas).
      const sslVerification = String(h.config.insecure_ssl ?? '0') !== '1';
      return { id: String(h.id), target, active: h.active, https, sslVerification };
    }),
  };
}
