import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  compileTemplate,
  formatTemplateValue
} from "./chunk-HABV22VA.js";
import {
  gapOutcome
} from "./chunk-LS7IB64P.js";
import {
  require_picomatch
} from "./chunk-XCJ6UWEH.js";
import {
  __toESM
} from "./chunk-W373M6OA.js";

// src/engine/evaluate.ts
var import_picomatch = __toESM(require_picomatch(), 1);

// src/engine/condition.ts
var FALSE = 0;
var TRUE = 1;
var UNKNOWN = 2;
var hasOwn = Object.hasOwn;
function valueAt(scope, path) {
  let cur = scope;
  for (let i = 0; i < path.length; i++) {
    if (cur === null || typeof cur !== "object") return null;
    const seg = path[i];
    if (!hasOwn(cur, seg)) return void 0;
    cur = cur[seg];
  }
  return cur;
}
function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!hasOwn(b, k) || !deepEqual(a[k], b[k])) return false;
  }
  return true;
}
function includesDeep(list, v) {
  for (let i = 0; i < list.length; i++) if (deepEqual(list[i], v)) return true;
  return false;
}
function truth(b) {
  return b ? TRUE : FALSE;
}
function compare(cmp, v, expected) {
  if (v === void 0) return UNKNOWN;
  switch (cmp) {
    case "equals":
      return truth(deepEqual(v, expected));
    case "notEquals":
      return truth(!deepEqual(v, expected));
    case "gt":
      return truth(typeof v === "number" && v > expected);
    case "gte":
      return truth(typeof v === "number" && v >= expected);
    case "lt":
      return truth(typeof v === "number" && v < expected);
    case "lte":
      return truth(typeof v === "number" && v <= expected);
    case "in":
      return truth(includesDeep(expected, v));
    case "notIn":
      return truth(!includesDeep(expected, v));
    case "contains":
      if (Array.isArray(v)) return truth(includesDeep(v, expected));
      if (typeof v === "string" && typeof expected === "string") return truth(v.includes(expected));
      return FALSE;
  }
}
function timestamp(v) {
  return typeof v === "string" ? Date.parse(v) : NaN;
}
function compareCount(cmp, lo, hi, value) {
  const first = compare(cmp, lo, value);
  if (lo === hi) return first;
  for (let n = lo + 1; n <= hi; n++) if (compare(cmp, n, value) !== first) return UNKNOWN;
  return first;
}
function elementMatch(c, el, now) {
  const w = c.where ? evalCondition(c.where, el, now) : TRUE;
  if (w === FALSE) return FALSE;
  const a = c.assert ? evalCondition(c.assert, el, now) : TRUE;
  if (a === FALSE) return FALSE;
  return w === TRUE && a === TRUE ? TRUE : UNKNOWN;
}
function elementViolates(c, el, now) {
  const w = c.where ? evalCondition(c.where, el, now) : TRUE;
  if (w === FALSE) return FALSE;
  const a = c.assert ? evalCondition(c.assert, el, now) : TRUE;
  if (a === TRUE) return FALSE;
  return w === TRUE && a === FALSE ? TRUE : UNKNOWN;
}
function arrayAt(scope, path) {
  const v = valueAt(scope, path);
  if (v === void 0) return void 0;
  if (v === null) return EMPTY;
  return Array.isArray(v) ? v : false;
}
var EMPTY = [];
function evalCondition(c, scope, now) {
  switch (c.op) {
    case "all": {
      let out = TRUE;
      for (const child of c.conditions) {
        const t = evalCondition(child, scope, now);
        if (t === FALSE) return FALSE;
        if (t === UNKNOWN) out = UNKNOWN;
      }
      return out;
    }
    case "any": {
      let out = FALSE;
      for (const child of c.conditions) {
        const t = evalCondition(child, scope, now);
        if (t === TRUE) return TRUE;
        if (t === UNKNOWN) out = UNKNOWN;
      }
      return out;
    }
    case "not": {
      const t = evalCondition(c.condition, scope, now);
      return t === UNKNOWN ? UNKNOWN : t === TRUE ? FALSE : TRUE;
    }
    case "compare":
      return compare(c.cmp, valueAt(scope, c.path), c.value);
    case "exists": {
      const v = valueAt(scope, c.path);
      if (v === void 0) return UNKNOWN;
      return truth(c.expected ? v !== null : v === null);
    }
    case "matches": {
      const v = valueAt(scope, c.path);
      if (v === void 0) return UNKNOWN;
      if (typeof v !== "string") return FALSE;
      return truth(c.regex.test(v) !== c.negate);
    }
    case "age": {
      const v = valueAt(scope, c.path);
      if (v === void 0) return UNKNOWN;
      const t = timestamp(v);
      if (Number.isNaN(t)) return FALSE;
      return truth(c.cmp === "within" ? now - t <= c.ms : now - t > c.ms);
    }
    case "span": {
      const v = valueAt(scope, c.path);
      const from = valueAt(scope, c.from);
      if (v === void 0 || from === void 0) {
        return v === null ? FALSE : UNKNOWN;
      }
      const end = timestamp(v);
      const start = timestamp(from);
      if (Number.isNaN(end) || Number.isNaN(start)) return FALSE;
      return truth(end <= start + c.maxMs);
    }
    case "every": {
      const arr = arrayAt(scope, c.path);
      if (arr === void 0) return UNKNOWN;
      if (arr === false) return FALSE;
      let out = TRUE;
      for (let i = 0; i < arr.length; i++) {
        const t = elementViolates(c, arr[i], now);
        if (t === TRUE) return FALSE;
        if (t === UNKNOWN) out = UNKNOWN;
      }
      return out;
    }
    case "some":
    case "none": {
      const arr = arrayAt(scope, c.path);
      if (arr === void 0) return UNKNOWN;
      if (arr === false) return FALSE;
      let found = FALSE;
      for (let i = 0; i < arr.length; i++) {
        const t = elementMatch(c, arr[i], now);
        if (t === TRUE) {
          found = TRUE;
          break;
        }
        if (t === UNKNOWN) found = UNKNOWN;
      }
      if (c.op === "some") return found;
      return found === UNKNOWN ? UNKNOWN : found === TRUE ? FALSE : TRUE;
    }
    case "count": {
      const arr = arrayAt(scope, c.path);
      if (arr === void 0) return UNKNOWN;
      if (arr === false) return FALSE;
      let lo = 0;
      let undecided = 0;
      for (let i = 0; i < arr.length; i++) {
        const t = elementMatch(c, arr[i], now);
        if (t === TRUE) lo++;
        else if (t === UNKNOWN) undecided++;
      }
      return compareCount(c.cmp, lo, lo + undecided, c.value);
    }
  }
}
function unknownPaths(c, scope, now, prefix = [], out = []) {
  switch (c.op) {
    case "all":
    case "any":
      for (const child of c.conditions) {
        if (evalCondition(child, scope, now) === UNKNOWN) unknownPaths(child, scope, now, prefix, out);
      }
      return out;
    case "not":
      return unknownPaths(c.condition, scope, now, prefix, out);
    case "compare":
    case "exists":
    case "matches":
    case "age":
      out.push([...prefix, ...c.path]);
      return out;
    case "span":
      if (valueAt(scope, c.path) === void 0) out.push([...prefix, ...c.path]);
      if (valueAt(scope, c.from) === void 0) out.push([...prefix, ...c.from]);
      return out;
    case "every":
    case "some":
    case "none":
    case "count": {
      const arr = arrayAt(scope, c.path);
      const inner = [...prefix, ...c.path];
      if (arr === void 0 || arr === false) {
        out.push(inner);
        return out;
      }
      for (const el of arr) {
        for (const sub of [c.where, c.op === "count" ? void 0 : c.assert]) {
          if (sub && evalCondition(sub, el, now) === UNKNOWN) unknownPaths(sub, el, now, inner, out);
        }
      }
      return out;
    }
  }
}
function offendingElements(c, scope, now, polarity, out = []) {
  switch (c.op) {
    case "all":
    case "any": {
      const want = polarity ? TRUE : FALSE;
      for (const child of c.conditions) {
        if (evalCondition(child, scope, now) === want) offendingElements(child, scope, now, polarity, out);
      }
      return out;
    }
    case "not":
      return offendingElements(c.condition, scope, now, !polarity, out);
    case "every": {
      if (polarity) return out;
      const arr = arrayAt(scope, c.path);
      if (!arr) return out;
      for (const el of arr) if (elementViolates(c, el, now) === TRUE) out.push(el);
      return out;
    }
    case "some":
    case "none": {
      if (c.op === "none" !== !polarity) return out;
      const arr = arrayAt(scope, c.path);
      if (!arr) return out;
      for (const el of arr) if (elementMatch(c, el, now) === TRUE) out.push(el);
      return out;
    }
    case "count": {
      const tooMany = c.cmp === "lt" || c.cmp === "lte" || c.cmp === "equals";
      const tooFew = c.cmp === "gt" || c.cmp === "gte";
      if (!polarity && !tooMany || polarity && !tooFew) return out;
      const arr = arrayAt(scope, c.path);
      if (!arr) return out;
      for (const el of arr) if (elementMatch(c, el, now) === TRUE) out.push(el);
      return out;
    }
    default:
      return out;
  }
}

// src/engine/evaluate.ts
var DAY_MS = 864e5;
var prepared = /* @__PURE__ */ new WeakMap();
function matcher(globs) {
  if (!globs || globs.length === 0) return void 0;
  return (0, import_picomatch.default)(globs, { dot: true, windows: false });
}
function prepare(rule) {
  let p = prepared.get(rule);
  if (!p) {
    p = {
      rule,
      render: compileTemplate(rule.message),
      cases: (rule.messages ?? []).map((m) => ({ when: m.when, render: compileTemplate(m.text) })),
      passCases: (rule.passMessages ?? []).map((m) => ({ when: m.when, render: compileTemplate(m.text) })),
      include: matcher(rule.match?.include),
      exclude: matcher(rule.match?.exclude),
      notApplicable: `not applicable: the resource is outside the scope of ${rule.id} (its where condition is false)`,
      notSelected: `not selected: the resource is outside the resources configured for ${rule.id}`,
      ctx: { resource: void 0, params: rule.params, rule: { id: rule.id, title: rule.title, severity: rule.severity }, count: 0 }
    };
    if (rule.evidence !== void 0) p.renderEvidence = compileTemplate(rule.evidence);
    prepared.set(rule, p);
  }
  return p;
}
function waiverEndsAt(expires) {
  const t = Date.parse(expires);
  if (Number.isNaN(t)) return -Infinity;
  return /^\d{4}-\d{2}-\d{2}$/.test(expires.trim()) ? t + DAY_MS : t;
}
function prepareWaivers(waivers, now, soonDays) {
  return waivers.map((waiver) => {
    const endsAt = waiverEndsAt(waiver.expires);
    return {
      waiver,
      rule: (0, import_picomatch.default)(waiver.rule, { dot: true, windows: false }),
      resource: (0, import_picomatch.default)(waiver.resource, { dot: true, windows: false }),
      endsAt,
      expired: now >= endsAt,
      expiringSoon: endsAt - now <= soonDays * DAY_MS,
      matched: 0
    };
  });
}
function gapFor(resource, path) {
  const gaps = resource.gaps;
  if (!gaps) return void 0;
  for (let n = path.length; n > 0; n--) {
    const key = path.slice(0, n).join(".");
    const gap = Object.hasOwn(gaps, key) ? gaps[key] : void 0;
    if (gap) return { key, gap };
  }
  const whole = Object.hasOwn(gaps, "*") ? gaps["*"] : void 0;
  return whole ? { key: "*", gap: whole } : void 0;
}
function explainUnknown(rule, condition, resource, now) {
  const paths = unknownPaths(condition, resource, now);
  let skip;
  for (const path of paths) {
    const found = gapFor(resource, path);
    const field = path.join(".");
    if (!found) {
      skip ??= `${field} was not collected for this resource (${resource.provider} does not supply it)`;
      continue;
    }
    const quoted = `${found.key === "*" ? "resource" : found.key}: ${found.gap.reason}: ${found.gap.message}`;
    if (gapOutcome(found.gap) === "error") return { status: "error", reason: quoted };
    skip ??= quoted;
  }
  return { status: "skip", reason: skip ?? `the data ${rule.id} needs was not collected` };
}
var LABEL_KEYS = ["uses", "ref", "name", "login", "key", "job", "trigger", "instruction", "title", "target", "id", "path"];
function defaultEvidenceMessage(element) {
  if (element !== null && typeof element === "object" && !Array.isArray(element)) {
    const record = element;
    for (const key of LABEL_KEYS) {
      const v = record[key];
      if (Object.hasOwn(record, key) && (typeof v === "string" || typeof v === "number")) return String(v);
    }
  }
  const text = formatTemplateValue(element);
  return text.length > 200 ? `${text.slice(0, 199)}\u2026` : text;
}
function elementLocation(element, resource) {
  if (element === null || typeof element !== "object") return void 0;
  const record = element;
  const line = typeof record.line === "number" && record.line > 0 ? record.line : void 0;
  const path = typeof record.path === "string" && record.path ? record.path : line !== void 0 ? resource.location?.path : void 0;
  if (!path) return void 0;
  const loc = { path };
  if (line !== void 0) loc.line = line;
  if (typeof record.column === "number" && record.column > 0) loc.column = record.column;
  return loc;
}
function buildEvidence(p, resource, offenders) {
  const evidence = [];
  for (let i = 0; i < offenders.length; i++) {
    const element = offenders[i];
    let message;
    if (p.renderEvidence) {
      p.ctx.item = element;
      message = p.renderEvidence(p.ctx);
    } else {
      message = defaultEvidenceMessage(element);
    }
    const item = { message };
    const location = elementLocation(element, resource);
    if (location) item.location = location;
    const context = element !== null && typeof element === "object" ? element.context : void 0;
    if (typeof context === "string" && context !== "") item.context = context;
    evidence.push(item);
  }
  p.ctx.item = void 0;
  return evidence;
}
function evaluate(rules, resources, options) {
  const now = options.now.getTime();
  const waivers = prepareWaivers(options.waivers ?? [], now, options.expiringSoonDays ?? 14);
  const byKind = /* @__PURE__ */ new Map();
  const waiversByRule = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const list = byKind.get(rule.kind);
    if (list) list.push(prepare(rule));
    else byKind.set(rule.kind, [prepare(rule)]);
    const relevant = waivers.filter((w) => w.rule(rule.id));
    if (relevant.length > 0) waiversByRule.set(rule, relevant);
  }
  const results = [];
  for (const resource of resources) {
    const list = byKind.get(resource.kind);
    if (!list) continue;
    const ref = { id: resource.id, kind: resource.kind, provider: resource.provider, name: resource.name };
    for (const p of list) {
      const result = evaluateOne(p, resource, ref, now);
      if (result.status === "fail" || result.status === "error") {
        const candidates = waiversByRule.get(p.rule);
        if (candidates) applyWaiver(result, candidates);
      }
      results.push(result);
    }
  }
  const statuses = waivers.map((w) => {
    const status = {
      rule: w.waiver.rule,
      resource: w.waiver.resource,
      reason: w.waiver.reason,
      expires: w.waiver.expires,
      state: w.expired ? "expired" : w.matched === 0 ? "unused" : w.expiringSoon ? "expiring-soon" : "active",
      matched: w.matched
    };
    if (w.waiver.approvedBy !== void 0) status.approvedBy = w.waiver.approvedBy;
    if (w.waiver.source) status.source = w.waiver.source;
    return status;
  });
  return { results, waivers: statuses };
}
function evaluateOne(p, resource, ref, now) {
  const rule = p.rule;
  const result = {
    ruleId: rule.id,
    policyId: rule.policyId,
    title: rule.title,
    severity: rule.severity,
    status: "pass",
    message: rule.title,
    resource: ref,
    controls: rule.controls
  };
  if (rule.remediation !== void 0) result.remediation = rule.remediation;
  if (resource.location) result.location = resource.location;
  if (p.include && !p.include(resource.id) || p.exclude && p.exclude(resource.id)) {
    result.status = "skip";
    result.reason = p.notSelected;
    result.message = p.notSelected;
    return result;
  }
  if (rule.where) {
    const w = evalCondition(rule.where, resource, now);
    if (w === FALSE) {
      result.status = "skip";
      result.reason = p.notApplicable;
      result.message = p.notApplicable;
      return result;
    }
    if (w === UNKNOWN) return unknown(result, rule, rule.where, resource, now);
  }
  const t = evalCondition(rule.assert, resource, now);
  if (t === TRUE) {
    const special2 = p.passCases.length > 0 ? p.passCases.find((c) => evalCondition(c.when, resource, now) === TRUE) : void 0;
    if (special2) {
      p.ctx.resource = resource;
      result.message = special2.render(p.ctx);
      p.ctx.resource = void 0;
    }
    return result;
  }
  if (t === UNKNOWN) return unknown(result, rule, rule.assert, resource, now);
  result.status = "fail";
  const offenders = offendingElements(rule.assert, resource, now, false);
  p.ctx.resource = resource;
  p.ctx.count = offenders.length;
  const special = p.cases.find((c) => evalCondition(c.when, resource, now) === TRUE);
  result.message = (special?.render ?? p.render)(p.ctx);
  p.ctx.resource = void 0;
  if (offenders.length > 0) {
    p.ctx.resource = resource;
    result.evidence = buildEvidence(p, resource, offenders);
    p.ctx.resource = void 0;
    const first = result.evidence.find((e) => e.location)?.location;
    if (first) result.location = first;
  }
  return result;
}
function unknown(result, rule, condition, resource, now) {
  const { status, reason } = explainUnknown(rule, condition, resource, now);
  result.status = status;
  result.reason = reason;
  result.message = status === "skip" ? `skipped: ${reason}` : `could not be evaluated: ${reason}`;
  return result;
}
function applyWaiver(result, waivers) {
  let applied;
  for (const w of waivers) {
    if (!w.resource(result.resource.id)) continue;
    w.matched++;
    if (!w.expired && !applied) applied = w;
  }
  if (!applied) return;
  result.status = "waived";
  result.waiver = { reason: applied.waiver.reason, expires: applied.waiver.expires, expiringSoon: applied.expiringSoon };
  if (applied.waiver.approvedBy !== void 0) result.waiver.approvedBy = applied.waiver.approvedBy;
}

export {
  evaluate
};
