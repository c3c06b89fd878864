/** The CI systems `init` writes a job for (the platforms hosting the repository). */
export const platforms = ['github', 'gitlab', 'azure-devops'] as const;

export type CiPlatform = (typeof platforms)[number];
