export * from './gap.js';
export * from './resources.js';
export * from './rule.js';
export * from './result.js';
export * from './settings.js';
export * from './snapshot.js';
export * from './report-file.js';
export * from './diff.js';
