export { loadConfig, parseConfigText, DEFAULT_CONFIG_FILE } from './load.js';
export type { SecpolConfig, Targets } from './load.js';
export { configFileSchema, failOnValues, NO_PROVIDERS } from './schema.js';
export type { ConfigFile, ConfigProviders } from './schema.js';
