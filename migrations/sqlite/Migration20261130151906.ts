import { Migration } from '@mikro-orm/migrations';

export class Migration20261130151906 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`meeting\` add column \`time_zone\` text not null default 'UTC';`);
    this.addSql(`alter table \`meeting\` add column \`sequence\` integer not null default 0;`);
    this.addSql(`alter table \`meeting\` add column \`running_slot\` text null;`);
    this.addSql(`alter table \`meeting\` add column \`attendee_ids\` json null;`);
    this.addSql(`create unique index \`meeting_running_slot_unique\` on \`meeting\` (\`running_slot\`);`);
  }

}
