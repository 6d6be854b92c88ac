// Query.node: resolves every global id; a malformed, foreign or unknown id is simply null.
// (Replaces the relay plugin's own field, which throws an uncoded error on malformed ids.)
// A department's contact, who does not read the workspace (departments.policy), gets only the
// types that say what such a person may see of them (`forContacts`), and null for the rest.
import { OPEN_TO_CONTACTS, builder } from './builder.js';
import type { Context } from './context.js';
import { decodeId } from './ids.js';
import { departmentPolicy } from '../modules/departments/departments.policy.js';

type Loader = (ctx: Context, id: string) => Promise<unknown>;
/** Whether a person who does not read the workspace may see this object. */
type ContactCheck = (ctx: Context, object: never) => boolean | Promise<boolean>;
const loaders = new Map<string, { load: Loader; forContacts?: ContactCheck }>();

/**
 * Lets `node(id:)` load objects of a type; each domain's schema registers its node types.
 * `forContacts`: what a department's contact may see of them (absent: nothing).
 */
export function registerNode(typename: string, load: Loader, forContacts?: ContactCheck): void {
  loaders.set(typename, { load, forContacts });
}

/** Loads an object of a registered node type by its database id (null for other types, none, or not the viewer's to see). */
export async function loadNode(ctx: Context, typename: string, id: string): Promise<unknown> {
  const entry = loaders.get(typename);
  if (!entry) return null;
  const outsider = !!ctx.viewer && !departmentPolicy.can(ctx.viewer, 'readWorkspace');
  if (outsider && !entry.forContacts) return null;
  const object = await entry.load(ctx, id);
  if (object && outsider && !(await entry.forContacts!(ctx, object as never))) return null;
  return object;
}

builder.queryField('node', (t) =>
  t.field({
    ...OPEN_TO_CONTACTS,
    type: builder.nodeInterfaceRef(),
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const decoded = decodeId(String(args.id));
      return decoded ? ((await loadNode(ctx, decoded.typename, decoded.id)) as never) : null;
    },
  }),
);
