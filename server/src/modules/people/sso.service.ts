// Single sign-on's rule about people: an address the identity provider has verified signs in its
// active account, or accepts the pending invitation of that address. The provider says who the
// person is, never what they may do: roles, region and language come from Council's own records.
import type { Em } from '../../db/orm.js';
import { audit } from '../audit/audit.service.js';
import type { AuthService } from './auth.service.js';
import { acceptInvitationBySso } from './invitations.service.js';
import { User, type Session } from './people.entity.js';

export interface SsoSession {
  user: User;
  token: string;
  session: Session;
}

/**
 * A new session for the person of `email` (verified by the provider, normalized as sign-in
 * normalizes it): their active account's, or the account their pending invitation creates. Null
 * when there is neither (no account, a deactivated one, no invitation or only a closed one).
 */
export async function signInByVerifiedEmail(em: Em, auth: AuthService, email: string, now = new Date()): Promise<SsoSession | null> {
  const user = await em.findOne(User, { email });
  if (user) {
    if (!user.active) return null;
    return em.transactional(async (tx) => {
      const opened = auth.openSession(tx, user, now);
      audit(tx, { actor: user, action: 'user.signedIn', subject: user, after: { method: 'oidc' }, at: now });
      return { user, ...opened };
    });
  }
  return acceptInvitationBySso(em, auth, email, now);
}
