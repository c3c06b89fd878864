import { z } from 'zod';
import { Resource } from '../model/index.js';
import type { ResourceKind } from '../model/index.js';
import { quote } from '../shared/quote.js';
import { editDistance } from '../shared/key-suggestions.js';

/**
 * Field paths checked against the resource model when a rule is compiled. A path the model
 * does not have (`visibilty`) would be absent on every resource, so the rule would skip
 * everywhere and the run would pass: it is an error at the path, with the closest field.
 * Maps with free keys (`labels`, `gaps`) and documented extension fields accept any path below them.
 */
export interface FieldScope {
  /** Why `path` names no field here, or undefined when it does. */
  problem(path: readonly string[]): string | undefined;
  /** The scope of the elements of the list at `path` (a problem when it is not a list). */
  elements(path: readonly string[]): { scope: FieldScope; problem?: string };
}

/** Any path goes: below a free-keyed map or an extension field. */
const OPEN: FieldScope = { problem: () => undefined, elements: () => ({ scope: OPEN }) };

type Node = { open: true } | { schema: z.ZodType } | { error: string };

/**
 * The fields of a resource kind. `extensions` are dotted field paths a provider documents
 * beyond the model (their whole subtree is accepted).
 */
export function resourceFields(kind: ResourceKind, extensions: readonly string[] = []): FieldScope {
  const schema = (Resource.options as readonly z.ZodObject[]).find((o) => (o.shape.kind as z.ZodLiteral).value === kind);
  return schema ? scopeOf(schema, kind, extensions.map((e) => e.split('.'))) : OPEN;
}

function scopeOf(root: z.ZodType, name: string, extensions: readonly string[][]): FieldScope {
  const resolve = (path: readonly string[]): Node => {
    if (extensions.some((e) => e.length <= path.length && e.every((seg, i) => path[i] === seg))) return { open: true };
    let cur = unwrap(root);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const where = [name, ...path.slice(0, i)].join('.');
      if (cur instanceof z.ZodObject) {
        const shape = cur.shape as Record<string, z.ZodType>;
        if (!Object.hasOwn(shape, seg)) return { error: `unknown field ${quote(seg)} in ${where}${hint(seg, Object.keys(shape))}` };
        cur = unwrap(shape[seg]!);
      } else if (cur instanceof z.ZodArray) {
        // The engine reads a list's `length` and its elements by index.
        if (seg === 'length') cur = z.number();
        else if (/^\d+$/.test(seg)) cur = unwrap(cur.element as z.ZodType);
        else return { error: `${where} is a list: use every/some/none/count to look at its elements' ${quote(seg)}` };
      } else if (isOpen(cur)) {
        return { open: true };
      } else {
        return { error: `${where} is a single value, it has no field ${quote(seg)}` };
      }
    }
    return { schema: cur };
  };
  return {
    problem(path) {
      const node = resolve(path);
      return 'error' in node ? node.error : undefined;
    },
    elements(path) {
      const node = resolve(path);
      if ('error' in node) return { scope: OPEN, problem: node.error };
      if ('open' in node || isOpen(node.schema)) return { scope: OPEN };
      if (!(node.schema instanceof z.ZodArray)) return { scope: OPEN, problem: `${[name, ...path].join('.')} is not a list` };
      return { scope: scopeOf(node.schema.element as z.ZodType, `${[name, ...path].join('.')}[]`, []) };
    },
  };
}

function unwrap(schema: z.ZodType): z.ZodType {
  let cur = schema;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
  return cur;
}

/** Maps with free keys and values of any shape: what lies below is not in the model. */
function isOpen(schema: z.ZodType): boolean {
  return schema instanceof z.ZodRecord || schema instanceof z.ZodUnknown || schema instanceof z.ZodAny;
}

function hint(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean ${quote(best)}?)` : ` (fields: ${known.join(', ')})`;
}
