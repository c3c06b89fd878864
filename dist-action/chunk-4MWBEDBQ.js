import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/report/fingerprint.ts
import { createHash } from "node:crypto";
var FINGERPRINT_KEY = "secpolFingerprint/v2";
function findingSites(r) {
  const evidence = r.evidence ?? [];
  const located = evidence.filter((e) => e.location && normalisePath(e.location.path));
  const unlocated = evidence.filter((e) => !(e.location && normalisePath(e.location.path)));
  const sites = located.map((e) => ({ location: e.location, evidence: e.message, ...e.context !== void 0 ? { context: e.context } : {} }));
  if (located.length === 0 || unlocated.length > 0) {
    const own = r.location && normalisePath(r.location.path) ? r.location : void 0;
    sites.push({
      ...own ? { location: own } : {},
      ...unlocated.length > 0 ? { evidence: unlocated.map((e) => e.message).join("; ") } : {}
    });
  }
  return sites;
}
function siteFingerprints(r, sites = findingSites(r)) {
  const seen = /* @__PURE__ */ new Map();
  return sites.map((site) => {
    const parts = [r.ruleId, r.resource.id, site.location ? normalisePath(site.location.path) : "", site.evidence ?? ""];
    const hash = createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
function normalisePath(path) {
  const clean = String(path).replace(new RegExp("\\p{Cs}", "gu"), "\uFFFD").replace(/\\/g, "/").replace(/^(?:\.\/)+/, "").replace(/\/{2,}/g, "/");
  return clean.trim() === "" ? "" : clean;
}

export {
  FINGERPRINT_KEY,
  findingSites,
  siteFingerprints,
  normalisePath
};
