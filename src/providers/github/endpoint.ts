/**
 * The endpoint a request counts against: Octokit's route template when it has one
 * (`/repos/{owner}/{repo}/hooks`), else the path of the URL (a `Link` page), without the query.
 */
export function endpointOf(method: string, url: string): string {
  const path = url.startsWith('http') ? new URL(url).pathname : url.split('?')[0]!;
  return `${method.toUpperCase()} ${path}`;
}
