import type { Repository } from '../../model/index.js';
import type { AdoClient, Fetched } from './client.js';
import { HookSubscription } from './schema.js';

type Webhook = NonNullable<Repository['webhooks']>[number];

/** Every service hook subscription of the organization, in one request. */
export async function listSubscriptions(client: AdoClient): Promise<Fetched<HookSubscription[]>> {
  return client.listRaw('_apis/hooks/subscriptions', {}, HookSubscription, 'service hook subscriptions');
}

/**
 * Subscriptions that post a repository's events somewhere: those bound to the repository,
 * and Git event subscriptions for the whole project (no repository filter).
 */
export function webhooksFor(subs: HookSubscription[], projectId: string, repoId: string): Webhook[] {
  const out: Webhook[] = [];
  for (const s of subs) {
    const pub = s.publisherInputs ?? {};
    const target = s.consumerInputs?.url;
    if (!target) continue;
    const repo = pub.repository ?? '';
    const sameProject = (pub.projectId ?? '').toLowerCase() === projectId.toLowerCase();
    const bound = repo ? repo.toLowerCase() === repoId.toLowerCase() : sameProject && (s.eventType ?? '').startsWith('git.');
    if (!bound) continue;
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      continue;
    }
    out.push({
      id: s.id,
      // Scheme and host only: hook URLs often carry credentials in paths or queries.
      target: `${url.protocol}//${url.host}`,
      active: (s.status ?? 'enabled').toLowerCase() === 'enabled',
      https: url.protocol === 'https:',
      sslVerification: (s.consumerInputs?.acceptUntrustedCerts ?? 'false').toLowerCase() !== 'true',
    });
  }
  return out;
}
