// GraphQL of how people sign in: `signInMethods`, which the sign-in and invitation pages read
// before anyone is signed in (a password form, a single sign-on button, or both).
import { builder } from '../../graphql/builder.js';
import type { Config } from '../../config.js';

const SignInMethodsRef = builder.objectRef<Config>('SignInMethods').implement({
  description: 'How people sign in to this installation.',
  fields: (t) => ({
    password: t.boolean({ description: 'Email and password (false with PASSWORD_SIGN_IN=0).', resolve: (c) => c.passwordSignIn }),
    sso: t.boolean({ description: 'Single sign-on with the OpenID Connect provider, at /auth/oidc/start?next=<path>.', resolve: (c) => !!c.sso }),
    ssoLabel: t.string({
      nullable: true,
      description: "The single sign-on button's text as the installation names it (OIDC_BUTTON_LABEL); null: the app's own words.",
      resolve: (c) => c.sso?.buttonLabel ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  signInMethods: t.field({
    type: SignInMethodsRef,
    skipTypeScopes: true,
    description: 'How people sign in; answered to everyone, before sign-in.',
    resolve: (_root, _args, ctx) => ctx.services.config,
  }),
}));
