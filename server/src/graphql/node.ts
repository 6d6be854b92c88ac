// Query.node: resolves every global id; a malformed, foreign or unknown id is simply null.
// (Replaces the relay plugin's own field, which throws an uncoded error on malformed ids.)
import { builder } from './builder.js';
import type { Context } from './context.js';
import { decodeId } from './ids.js';

type Loader = (ctx: Context, id: string) => Promise<unknown>;
const loaders = new Map<string, Loader>();

/** Lets `node(id:)` load objects of a type; each domain's schema registers its node types. */
export function registerNode(typename: string, load: Loader): void {
  loaders.set(typename, load);
}

/** Loads an object of a registered node type by its database id (null for other types or none). */
export async function loadNode(ctx: Context, typename: string, id: string): Promise<unknown> {
  const load = loaders.get(typename);
  return load ? load(ctx, id) : null;
}

builder.queryField('node', (t) =>
  t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const decoded = decodeId(String(args.id));
      if (!decoded) return null;
      const load = loaders.get(decoded.typename);
      return load ? ((await load(ctx, decoded.id)) as never) : null;
    },
  }),
);
