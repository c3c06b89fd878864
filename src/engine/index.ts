export { evaluate, waiverEndsAt } from './evaluate.js';
export type { EvaluateOptions, Evaluation } from './evaluate.js';
export { exitCodeFor, summarize } from './exit.js';
export { evalCondition, valueAt, deepEqual, FALSE, TRUE, UNKNOWN } from './condition.js';
export type { Truth } from './condition.js';
export { ruleMeta } from './meta.js';
