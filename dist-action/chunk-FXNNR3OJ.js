import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/shared/duration.ts
var UNIT_MS = {
  s: 1e3,
  m: 6e4,
  h: 36e5,
  d: 864e5,
  w: 7 * 864e5,
  // Calendar-agnostic: a month is 30 days and a year 365, as retention policies usually mean.
  mo: 30 * 864e5,
  y: 365 * 864e5
};
var DURATION = /^(\d{1,9})(s|m|h|d|w|mo|y)$/;
function parseDuration(text) {
  const m = DURATION.exec(text.trim());
  if (!m) return void 0;
  return Number(m[1]) * UNIT_MS[m[2]];
}
function formatDuration(ms) {
  const days = ms / UNIT_MS.d;
  if (days >= 1 && Number.isInteger(days)) return `${days}d`;
  const hours = ms / UNIT_MS.h;
  if (Number.isInteger(hours)) return `${hours}h`;
  return `${Math.round(ms / 1e3)}s`;
}

export {
  parseDuration,
  formatDuration
};
