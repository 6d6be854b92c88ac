import { Migration } from '@mikro-orm/migrations';

export class Migration20261130143516 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`category\` add column \`translations\` json not null default '{}';`);

    this.addSql(`alter table \`user\` add column \`time_zone\` text null;`);

    this.addSql(`alter table \`session\` add column \`user_agent\` text null;`);

    this.addSql(`create unique index "invitation_pending_email_unique" on "invitation" ("email") where "accepted_at" is null and "revoked_at" is null;`);

    this.addSql(`create index \`audit_event_actor_id_id_index\` on \`audit_event\` (\`actor_id\`, \`id\`);`);
    this.addSql(`create index \`audit_event_action_id_index\` on \`audit_event\` (\`action\`, \`id\`);`);
  }

}
