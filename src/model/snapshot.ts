import { z } from 'zod';
import { Resource } from './resources.js';

export const SNAPSHOT_SCHEMA = 'secpol/snapshot@1';

export const Snapshot = z.strictObject({
  schema: z.literal(SNAPSHOT_SCHEMA),
  collectedAt: z.iso.datetime({ offset: true }).optional(),
  sources: z
    .array(z.strictObject({ provider: z.string(), target: z.string().optional(), collectedAt: z.string().optional() }))
    .optional(),
  resources: z.array(Resource),
});
export type Snapshot = z.infer<typeof Snapshot>;
