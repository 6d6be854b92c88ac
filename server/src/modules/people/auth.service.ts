// Sign-in, sessions and sign-out. The cookie holds a random token; the database holds only
// its HMAC (keyed by SESSION_SECRET), so neither a database copy nor a guessed id signs anyone in.
import { createHmac, randomBytes } from 'node:crypto';
import { signInSchema } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { Forbidden, Unauthenticated } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { Session, User } from './people.entity.js';
import { decoyHash, verifyPassword } from './password.js';
import { FailureLimiter, type SignInLimits } from './rate-limit.js';

export const SESSION_COOKIE = 'council_session';
export const SESSION_DAYS = 30;

export class AuthService {
  private readonly byAddress: FailureLimiter;
  private readonly byAccount: FailureLimiter;

  constructor(
    private readonly secret: string,
    limits: SignInLimits,
  ) {
    this.byAddress = new FailureLimiter(limits.perAddress);
    this.byAccount = new FailureLimiter(limits.perAccount);
  }

  sessionId(token: string): string {
    return createHmac('sha256', this.secret).update(token).digest('hex');
  }

  async signIn(em: Em, input: { email: string; password: string }, address: string): Promise<{ user: User; token: string; session: Session }> {
    const { email, password } = parseInput(signInSchema, input);
    const wait = Math.max(this.byAddress.retryAfter(address), this.byAccount.retryAfter(email));
    if (wait > 0) throw new Forbidden('errors.rateLimited', { reason: 'RATE_LIMITED', retryAfterSeconds: wait });

    const user = await em.findOne(User, { email }, { populate: ['passwordHash'] });
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok || !user.active) {
      this.byAddress.fail(address);
      this.byAccount.fail(email);
      throw new Unauthenticated('errors.invalidCredentials');
    }
    this.byAccount.reset(email);

    const token = randomBytes(32).toString('base64url');
    const session = em.create(Session, {
      id: this.sessionId(token),
      user,
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    });
    await em.transactional(async (tx) => {
      tx.persist(session);
      audit(tx, { actor: user, action: 'user.signedIn', subject: user });
    });
    return { user, token, session };
  }

  /** The signed-in person for a cookie token, or null (unknown, expired, or deactivated). */
  async viewerFor(em: Em, token: string | undefined): Promise<{ user: User; sessionId: string } | null> {
    if (!token) return null;
    const session = await em.findOne(Session, { id: this.sessionId(token) }, { populate: ['user'] });
    if (!session || session.expiresAt.getTime() <= Date.now() || !session.user.active) return null;
    return { user: session.user, sessionId: session.id };
  }

  async signOut(em: Em, sessionId: string | null): Promise<void> {
    if (!sessionId) return;
    await em.nativeDelete(Session, { id: sessionId });
  }
}
