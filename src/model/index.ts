export * from './gap.js';
export * from './resources.js';
export * from './rule.js';
export * from './result.js';
export * from './settings.js';
export * from './snapshot.js';
