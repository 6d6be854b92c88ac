// A lease on scheduled work: the instance named `owner` runs the jobs until `expiresAt` and renews
// the lease well before; another instance takes it over once it has run out (its holder died) or
// was released (its holder stopped).
import { EntitySchema } from '@mikro-orm/core';

export class Lease {
  name!: string;
  /** `host:pid:random` of the holding instance; null when released. */
  owner?: string | null;
  expiresAt!: Date;
}

export const LeaseSchema = new EntitySchema<Lease>({
  class: Lease,
  tableName: 'lease',
  properties: {
    name: { type: 'string', primary: true, length: 64 },
    owner: { type: 'string', length: 128, nullable: true },
    expiresAt: { type: 'datetime' },
  },
});
