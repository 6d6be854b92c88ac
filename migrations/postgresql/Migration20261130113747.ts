import { Migration } from '@mikro-orm/migrations';

export class Migration20261130113747 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "reminder_sent" ("key" varchar(160) not null, "sent_at" timestamptz not null, constraint "reminder_sent_pkey" primary key ("key"));`);

    this.addSql(`create table "outbox_mail" ("id" varchar(36) not null, "user_id" varchar(36) null, "to" varchar(254) not null, "kind" varchar(32) null, "subject" varchar(300) not null, "text" text not null, "html" text not null, "headers" jsonb not null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "claimed_until" timestamptz null, "sent_at" timestamptz null, "failed_at" timestamptz null, "last_error" varchar(500) null, "created_at" timestamptz not null, constraint "outbox_mail_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_mail_sent_at_failed_at_next_attempt_at_index" on "outbox_mail" ("sent_at", "failed_at", "next_attempt_at");`);

    this.addSql(`create table "notification_preference" ("id" varchar(36) not null, "user_id" varchar(36) not null, "kind" varchar(32) not null, "in_app" boolean not null default true, "email" varchar(16) not null, "updated_at" timestamptz not null, constraint "notification_preference_pkey" primary key ("id"));`);
    this.addSql(`alter table "notification_preference" add constraint "notification_preference_user_id_kind_unique" unique ("user_id", "kind");`);

    this.addSql(`alter table "outbox_mail" add constraint "outbox_mail_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "notification_preference" add constraint "notification_preference_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user" add column "digest_hour" int not null default 7, add column "last_digest_on" varchar(10) null;`);

    this.addSql(`alter table "notification" add column "in_app" boolean not null default true, add column "digest" varchar(8) null;`);
    this.addSql(`create index "notification_digest_user_id_index" on "notification" ("digest", "user_id");`);

    // The first wave's two notification kinds, under their contract names.
    this.addSql(`update notification set kind = 'AGENDA_PUBLISHED' where kind = 'agendaPublished';`);
    this.addSql(`update notification set kind = 'ACTION_ITEM_ASSIGNED' where kind = 'actionAssigned';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reminder_sent" cascade;`);

    this.addSql(`drop table if exists "outbox_mail" cascade;`);

    this.addSql(`drop table if exists "notification_preference" cascade;`);

    this.addSql(`drop index "notification_digest_user_id_index";`);
    this.addSql(`alter table "notification" drop column "in_app", drop column "digest";`);

    this.addSql(`alter table "user" drop column "digest_hour", drop column "last_digest_on";`);
  }

}
