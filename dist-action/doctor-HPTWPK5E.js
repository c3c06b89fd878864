import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  selectProviders
} from "./chunk-BS57ITCU.js";
import {
  loadSettings
} from "./chunk-J2TCZS4T.js";
import "./chunk-APWW3CZH.js";
import "./chunk-FXNNR3OJ.js";
import {
  findProvider,
  providerMetas,
  providerNames,
  providerTargets
} from "./chunk-D37RCNAY.js";
import "./chunk-SDQONHYZ.js";
import "./chunk-PUCDVRQO.js";
import "./chunk-UBKRLGK6.js";
import "./chunk-PC4BAM7X.js";
import "./chunk-LS7IB64P.js";
import "./chunk-7AH5QC2N.js";
import "./chunk-7Z2SP4JL.js";
import "./chunk-L5QX7PQ4.js";
import "./chunk-VTOSPDMA.js";
import "./chunk-6WQEB4TW.js";
import {
  doctorFails
} from "./chunk-ZSQFSEXC.js";
import "./chunk-TTZMJX2J.js";
import "./chunk-336B3YIU.js";
import "./chunk-RVV4H2YY.js";
import "./chunk-XCJ6UWEH.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";
import "./chunk-BM5TH3ZM.js";
import "./chunk-W373M6OA.js";

// src/app/doctor.ts
async function runDoctor(name, options, deps) {
  const settings = await loadSettings({ ...options, provider: name ? [name] : [] }, deps);
  const chosen = name ?? selectProviders(settings.targets, deps.env).find((p) => !providerMetas.find((m) => m.name === p)?.fallback);
  const registration = chosen ? findProvider(chosen) : void 0;
  if (!registration) {
    throw new UserError(name ? `doctor: unknown provider '${name}'; known: ${providerNames.join(", ")}` : `doctor: name a provider (${providerNames.join(", ")})`);
  }
  const credential = registration.meta.hasCredential(deps.env);
  const implementation = await registration.load();
  const report = await implementation.doctor(providerTargets(registration.meta, settings.targets, true), deps.env, AbortSignal.timeout(12e4));
  const exitCode = !credential ? 2 : doctorFails(report.checks) ? 1 : 0;
  return { name: registration.meta.name, credential, report, exitCode };
}
export {
  runDoctor
};
