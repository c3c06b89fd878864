import type { Location } from './client.js';

/** The REST resources we read through node-api discovery: area, location GUID and the version its client asks for. */
export const LOCATIONS = {
  projects: { api: 'core', area: 'core', locationId: '603fe2ac-9723-48b9-88ad-09305aa6c6e1', apiVersion: '7.2-preview.4' },
  repositories: { api: 'git', area: 'git', locationId: '225f7195-f9c7-4d14-ab28-a83f7ff77e1f', apiVersion: '7.2-preview.2' },
  items: { api: 'git', area: 'git', locationId: 'fb93c0db-47ed-4a31-8c20-47552878fb44', apiVersion: '7.2-preview.1' },
  policyConfigurations: { api: 'policy', area: 'policy', locationId: 'dad91cbe-d183-45f8-9c6e-9c1164472121', apiVersion: '7.2-preview.1' },
  variableGroups: { api: 'taskagent', area: 'distributedtask', locationId: 'f5b09dd5-9d54-45a1-8b5a-1c8287d634cc', apiVersion: '7.2-preview.2' },
  environments: { api: 'taskagent', area: 'distributedtask', locationId: '8572b1fc-2482-47fa-8f74-7e3ed53ee54b', apiVersion: '7.2-preview.1' },
  serviceEndpoints: { api: 'serviceendpoint', area: 'serviceendpoint', locationId: 'e85f1c62-adfc-4b74-b618-11a150fb195e', apiVersion: '7.2-preview.4' },
  buildDefinitions: { api: 'build', area: 'build', locationId: 'dbeaf647-6167-421a-bda9-c9327b25e2e6', apiVersion: '7.2-preview.7' },
} as const satisfies Record<string, Location>;
