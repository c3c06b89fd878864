import type { DoctorReport } from '../providers/contract.js';
import { doctorFails } from '../providers/doctor-checks.js';
import { UserError } from '../shared/errors.js';
import { selectProviders } from './plan.js';
import { findProvider, providerMetas, providerNames, providerTargets } from './providers.js';
import type { CommonOptions } from './settings.js';
import { loadSettings } from './settings.js';

export interface DoctorOutcome {
  name: string;
  credential: boolean;
  report: DoctorReport;
  /** 0 every needed check passed; 1 something needed is missing or unreachable; 2 no credential. */
  exitCode: 0 | 1 | 2;
}

/**
 * `secpol doctor [provider]`: the provider's own doctor() with the targets the flags and
 * config give. Without a name, the provider the targets (or the git origin) select.
 */
export async function runDoctor(name: string | undefined, options: CommonOptions, deps: { cwd: string; env: Readonly<Record<string, string | undefined>> }): Promise<DoctorOutcome> {
  const settings = await loadSettings({ ...options, provider: name ? [name] : [] }, deps);
  const chosen = name ?? selectProviders(settings.targets, deps.env).find((p) => !providerMetas.find((m) => m.name === p)?.fallback);
  const registration = chosen ? findProvider(chosen) : undefined;
  if (!registration) {
    throw new UserError(name ? `doctor: unknown provider '${name}'; known: ${providerNames.join(', ')}` : `doctor: name a provider (${providerNames.join(', ')})`);
  }
  const credential = registration.meta.hasCredential(deps.env);
  const implementation = await registration.load();
  const report = await implementation.doctor(providerTargets(registration.meta, settings.targets, true), deps.env, AbortSignal.timeout(120_000));
  const exitCode = !credential ? 2 : doctorFails(report.checks) ? 1 : 0;
  return { name: registration.meta.name, credential, report, exitCode };
}
