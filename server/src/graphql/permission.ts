// Permission: a policy's answer for the viewer, as the API shows it — whether they may, and if not,
// why (in their language). The web shows or hides an action by `allowed` and says `reason`
// instead of restating any rule.
import { translator } from '@council/shared/i18n';
import type { Refusal } from '../policy.js';
import { builder } from './builder.js';

export const PermissionRef = builder.objectRef<{ refusal: Refusal | null }>('Permission').implement({
  description: "The policy's answer for the viewer: whether they may, and why not when they may not.",
  fields: (t) => ({
    allowed: t.boolean({ resolve: ({ refusal }) => refusal === null }),
    reason: t.string({
      nullable: true,
      description: "Why not, in the viewer's language; null when allowed.",
      resolve: ({ refusal }, _a, ctx) => (refusal ? translator(ctx.locale)(refusal.key) : null),
    }),
  }),
});

/** The Permission value of a policy answer. */
export const permission = (refusal: Refusal | null) => ({ refusal });
