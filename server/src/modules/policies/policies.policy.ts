// Who must keep up with the policy register, and who may confirm having read a version: the
// coordinators of the regions (they answer customers). Asked by the acknowledgement service,
// the notification audiences, the register's per-region summary, the home's sections and the
// `viewerCan*` fields; nothing else reads the roles for it.
import { conflict, definePolicy, forbidden } from '../../policy.js';
import { hasRole } from '../people/people.policy.js';
import type { User } from '../people/people.entity.js';
import type { Policy } from './policies.entity.js';

/** Whom each new version of a policy asks to confirm having read it: active coordinators of a region. */
export function mustAcknowledge(user: Pick<User, 'roles' | 'active' | 'region'>): boolean {
  return user.active && hasRole(user, 'COORDINATOR') && !!user.region;
}

/** A version of a policy being confirmed. */
export interface AcknowledgementSubject {
  policy: Pick<Policy, 'currentVersion'>;
  version: number;
}

export const policiesPolicy = definePolicy({
  /** Confirming having read a version: a coordinator of a region, only the version in force. */
  acknowledge: (user: User, { policy, version }: AcknowledgementSubject) =>
    !mustAcknowledge(user)
      ? forbidden('followUp.upToDate.errors.coordinatorsOnly')
      : policy.currentVersion < 1 || version !== policy.currentVersion
        ? conflict('followUp.upToDate.errors.notCurrent')
        : null,
});
