import { Migration } from '@mikro-orm/migrations';

export class Migration20261130143519 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "category" add column "translations" jsonb not null default '{}';`);

    this.addSql(`alter table "user" add column "time_zone" varchar(64) null;`);

    this.addSql(`alter table "session" add column "user_agent" varchar(200) null;`);

    this.addSql(`create unique index "invitation_pending_email_unique" on "invitation" ("email") where "accepted_at" is null and "revoked_at" is null;`);

    this.addSql(`create index "audit_event_actor_id_id_index" on "audit_event" ("actor_id", "id");`);
    this.addSql(`create index "audit_event_action_id_index" on "audit_event" ("action", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_event_actor_id_id_index";`);
    this.addSql(`drop index "audit_event_action_id_index";`);

    this.addSql(`alter table "category" drop column "translations";`);

    this.addSql(`alter table "invitation" drop constraint "invitation_pending_email_unique";`);

    this.addSql(`alter table "session" drop column "user_agent";`);

    this.addSql(`alter table "user" drop column "time_zone";`);
  }

}
