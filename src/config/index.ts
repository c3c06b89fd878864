export { loadConfig, parseConfigText, DEFAULT_CONFIG_FILE } from './load.js';
export type { SecpolConfig, Targets } from './load.js';
export { ConfigFileSchema, providerNames, failOnValues } from './schema.js';
export type { ConfigFile, ProviderName } from './schema.js';
