/**
 * ApiResourceLocation entries the fake answers to OPTIONS {org}/_apis/{area}, with the
 * location GUIDs azure-devops-node-api 17 asks for and route templates that yield the
 * documented 7.1 URLs (provider-apis.md §3.2).
 */
const loc = (id: string, area: string, resourceName: string, routeTemplate: string, resourceVersion = 1, maxVersion = '7.2', releasedVersion = '7.1') => ({
  id,
  area,
  resourceName,
  routeTemplate,
  resourceVersion,
  minVersion: '1.0',
  maxVersion,
  releasedVersion,
});

const AREAS: Record<string, ReturnType<typeof loc>[]> = {
  location: [loc('e81700f7-3be2-46de-8624-2eb35882fcaa', 'Location', 'ResourceAreas', '_apis/{resource}/{areaId}', 1, '7.2', '0.0')],
  core: [loc('603fe2ac-9723-48b9-88ad-09305aa6c6e1', 'core', 'projects', '_apis/{resource}/{*projectId}', 4)],
  git: [
    loc('225f7195-f9c7-4d14-ab28-a83f7ff77e1f', 'git', 'repositories', '{project}/_apis/{area}/{resource}/{repositoryId}', 2),
    loc('2d874a60-a811-4f62-9c9f-963a6ea0a55b', 'git', 'refs', '{project}/_apis/{area}/repositories/{repositoryId}/{resource}/{*filter}', 2),
    loc('fb93c0db-47ed-4a31-8c20-47552878fb44', 'git', 'items', '{project}/_apis/{area}/repositories/{repositoryId}/{resource}/{*path}', 1),
  ],
  policy: [loc('dad91cbe-d183-45f8-9c6e-9c1164472121', 'policy', 'configurations', '{project}/_apis/{area}/{resource}/{configurationId}')],
  distributedtask: [
    loc('f5b09dd5-9d54-45a1-8b5a-1c8287d634cc', 'distributedtask', 'variablegroups', '{project}/_apis/{area}/{resource}/{groupId}', 2),
    loc('8572b1fc-2482-47fa-8f74-7e3ed53ee54b', 'distributedtask', 'environments', '{project}/_apis/{area}/{resource}/{environmentId}', 1),
  ],
  serviceendpoint: [loc('e85f1c62-adfc-4b74-b618-11a150fb195e', 'serviceendpoint', 'endpoints', '{project}/_apis/{area}/{resource}/{endpointId}', 4)],
  build: [loc('dbeaf647-6167-421a-bda9-c9327b25e2e6', 'build', 'definitions', '{project}/_apis/{area}/{resource}/{definitionId}', 7)],
};

export function locationsFor(area: string): ReturnType<typeof loc>[] | undefined {
  return AREAS[area.toLowerCase()];
}
