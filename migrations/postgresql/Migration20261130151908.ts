import { Migration } from '@mikro-orm/migrations';

export class Migration20261130151908 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "meeting" add column "time_zone" varchar(64) not null default 'UTC', add column "sequence" int not null default 0, add column "running_slot" varchar(8) null, add column "attendee_ids" jsonb null;`);
    this.addSql(`alter table "meeting" add constraint "meeting_running_slot_unique" unique ("running_slot");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "meeting" drop constraint "meeting_running_slot_unique";`);
    this.addSql(`alter table "meeting" drop column "time_zone", drop column "sequence", drop column "running_slot", drop column "attendee_ids";`);
  }

}
