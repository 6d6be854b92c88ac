// Sign-in, sessions and sign-out. The cookie holds a random token; the database holds only
// its HMAC (keyed by SESSION_SECRET), so neither a database copy nor a guessed id signs anyone in.
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signInSchema } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { Forbidden, Unauthenticated } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { liveChanged } from '../../live/publisher.js';
import { audit } from '../audit/audit.service.js';
import { Session, User } from './people.entity.js';
import { decoyHash, verifyPassword } from './password.js';
import { LimitReached, type Admission, type SignInLimiter } from './rate-limit.js';

export const SESSION_COOKIE = 'council_session';
export const SESSION_DAYS = 30;

export type PasswordCheck = (passwordHash: string, password: string) => Promise<boolean>;

/** The session cookie's options, in this one place: whoever opens a session sets it with these. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    path: '/',
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export class AuthService {
  constructor(
    private readonly secret: string,
    private readonly limiter: SignInLimiter,
    /** PASSWORD_SIGN_IN: false when people sign in only through single sign-on. */
    readonly passwordSignIn = true,
    /** The argon2id check; a parameter so tests can count how many checks the limits let through. */
    readonly checkPassword: PasswordCheck = verifyPassword,
  ) {}

  /**
   * The one rule of PASSWORD_SIGN_IN=0: a password neither signs in nor is set by a link (sign-in,
   * reset links, accepting an invitation with a password); FORBIDDEN before anything is read.
   */
  requirePasswordSignIn(): void {
    if (!this.passwordSignIn) throw new Forbidden('errors.passwordSignInOff', { reason: 'PASSWORD_SIGN_IN_OFF' });
  }

  sessionId(token: string): string {
    return createHmac('sha256', this.secret).update(token).digest('hex');
  }

  async signIn(em: Em, input: { email: string; password: string }, address: string): Promise<{ user: User; token: string; session: Session }> {
    this.requirePasswordSignIn();
    const { email, password } = parseInput(signInSchema, input);
    // The limits are taken before the password is checked, never read before and written after:
    // parallel attempts cannot all pass a check that none of them has counted yet.
    const admission = await this.admit(email, address);

    const user = await em.findOne(User, { email }, { populate: ['passwordHash'] });
    const ok = await this.checkPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok || !user.active) throw new Unauthenticated('errors.invalidCredentials');
    await this.limiter.succeeded(admission);

    const now = new Date();
    return em.transactional(async (tx) => {
      const opened = this.openSession(tx, user, now);
      audit(tx, { actor: user, action: 'user.signedIn', subject: user, at: now });
      return { user, ...opened };
    });
  }

  /**
   * Takes the sign-in limits' points for one attempt on `email` from `address` (a password check,
   * a reset link asked for); FORBIDDEN (RATE_LIMITED) when they are spent.
   */
  admit(email: string, address: string): Promise<Admission> {
    return this.limiter.admit(email, address).catch((error: unknown) => {
      if (error instanceof LimitReached) throw new Forbidden('errors.rateLimited', { reason: 'RATE_LIMITED', retryAfterSeconds: error.retryAfterSeconds });
      throw error;
    });
  }

  /** The password was right: the account and its address get their points back. */
  succeeded(admission: Admission): Promise<void> {
    return this.limiter.succeeded(admission);
  }

  /** A new session of `user` in `tx` (sign-in, an accepted invitation, a reset password); the token goes into the cookie. */
  openSession(tx: Em, user: User, now = new Date()): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url');
    const session = tx.create(Session, {
      id: this.sessionId(token),
      user,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    });
    return { token, session };
  }

  /** The signed-in person for a cookie token, or null (unknown, expired, or deactivated). */
  async viewerFor(em: Em, token: string | undefined): Promise<{ user: User; sessionId: string } | null> {
    if (!token) return null;
    const session = await em.findOne(Session, { id: this.sessionId(token) }, { populate: ['user'] });
    if (!session || session.expiresAt.getTime() <= Date.now() || !session.user.active) return null;
    return { user: session.user, sessionId: session.id };
  }

  /** Notes the browser of a session just opened, so its person can tell their sessions apart. */
  async rememberDevice(em: Em, sessionId: string, userAgent: string | undefined): Promise<void> {
    if (userAgent) await em.nativeUpdate(Session, { id: sessionId }, { userAgent: userAgent.slice(0, 200) });
  }

  /** A person's sessions that have not expired, newest first. */
  sessionsOf(em: Em, user: User, now = new Date()): Promise<Session[]> {
    return em.find(Session, { user: user.id, expiresAt: { $gt: now } }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }

  /** Ends every session of `user` but `keep` (their current one): "sign out everywhere else". */
  async signOutElsewhere(em: Em, user: User, keep: string | null, now = new Date()): Promise<number> {
    return em.transactional(async (tx) => {
      const ended = await tx.nativeDelete(Session, keep ? { user: user.id, id: { $ne: keep } } : { user: user.id });
      if (ended) {
        audit(tx, { actor: user, action: 'user.signedOutElsewhere', subject: tx.getReference(User, user.id), after: { sessions: ended }, at: now });
        // The ended sessions' live streams re-check on their next tick: give them one now.
        liveChanged(tx, 'notifications', user.id);
      }
      return ended;
    });
  }

  async signOut(em: Em, sessionId: string | null, now = new Date()): Promise<void> {
    if (!sessionId) return;
    await em.transactional(async (tx) => {
      const session = await tx.findOne(Session, sessionId);
      if (!session) return;
      await tx.nativeDelete(Session, { id: sessionId });
      audit(tx, { actor: session.user, action: 'user.signedOut', subject: session.user, at: now });
    });
  }
}
