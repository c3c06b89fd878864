import picomatch from 'picomatch';
import type { LogStore } from '../../model/index.js';

/**
 * A CloudWatch log group's category: configured globs first, then CloudTrail destinations
 * (`audit`), then the names AWS services write to: the compute services' groups are
 * `application`, VPC flow logs `access`; anything else `other`.
 */

export type Category = LogStore['category'];
export type CategoryOverrides = Partial<Record<Category, string[]>>;

const BUILT_IN: [Category, string[]][] = [
  [
    'application',
    ['/aws/lambda/**', '/ecs/**', '/aws/ecs/**', '/aws/apprunner/**', '/aws/elasticbeanstalk/**', '/aws/containerinsights/*/application'],
  ],
  ['access', ['/aws/vpc/flow*', '/aws/vpc/flow*/**', '**/*vpc-flow-log*', '**/*vpc-flow-log*/**']],
];

export function categoryMatcher(overrides: CategoryOverrides = {}): (name: string, isTrailDestination: boolean) => Category {
  const compile = (globs: string[]) => picomatch(globs, { dot: true, nocase: false });
  const configured = Object.entries(overrides).map(([category, globs]) => [category as Category, compile(globs ?? [])] as const);
  const builtIn = BUILT_IN.map(([category, globs]) => [category, compile(globs)] as const);
  return (name, isTrailDestination) => {
    for (const [category, matches] of configured) if (matches(name)) return category;
    if (isTrailDestination) return 'audit';
    for (const [category, matches] of builtIn) if (matches(name)) return category;
    return 'other';
  };
}
