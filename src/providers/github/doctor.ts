import type { DoctorReport, ProviderTargets } from '../contract.js';
import { preflight } from './preflight.js';

type Env = Readonly<Record<string, string | undefined>>;

/** `secpol doctor github`: the preflight probes, one check per data area the rules read. */
export async function githubDoctor(targets: ProviderTargets, env: Env): Promise<DoctorReport> {
  const report = await preflight(targets, env);
  return { provider: 'github', endpoint: report.endpoint, identity: report.identity, checks: report.checks };
}
