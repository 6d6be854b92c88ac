import { Migration } from '@mikro-orm/migrations';

export class Migration20261124125212 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "agenda_settings" ("id" varchar(16) not null default 'default', "timeboxes" jsonb not null, "updated_at" timestamptz not null, constraint "agenda_settings_pkey" primary key ("id"));`);

    this.addSql(`create table "notification" ("id" varchar(36) not null, "user_id" varchar(36) not null, "kind" varchar(32) not null, "message_key" varchar(64) not null, "params" jsonb not null, "subject_type" varchar(16) null, "subject_id" varchar(36) null, "read_at" timestamptz null, "created_at" timestamptz not null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_user_id_created_at_index" on "notification" ("user_id", "created_at");`);

    this.addSql(`create table "meeting" ("id" varchar(36) not null, "title" varchar(200) not null, "starts_at" timestamptz not null, "duration_minutes" int not null, "facilitator_id" varchar(36) not null, "status" varchar(16) not null default 'PLANNED', "agenda_generated_at" timestamptz null, "agenda_published_at" timestamptz null, "published_agenda" jsonb null, "current_item_id" varchar(36) null, "started_at" timestamptz null, "closed_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "meeting_pkey" primary key ("id"));`);
    this.addSql(`create index "meeting_starts_at_index" on "meeting" ("starts_at");`);
    this.addSql(`create index "meeting_status_starts_at_index" on "meeting" ("status", "starts_at");`);

    this.addSql(`create table "agenda_item" ("id" varchar(36) not null, "meeting_id" varchar(36) not null, "position" int not null, "scheduled" boolean not null, "kind" varchar(16) not null, "title" varchar(200) not null, "title_key" varchar(64) null, "minutes" int not null, "reason_key" varchar(64) not null, "reason_params" jsonb not null, "subject_type" varchar(16) null, "subject_id" varchar(36) null, "notes" text null, "outcome" text null, "done" boolean not null default false, "started_at" timestamptz null, "created_at" timestamptz not null, constraint "agenda_item_pkey" primary key ("id"));`);
    this.addSql(`create index "agenda_item_meeting_id_scheduled_position_index" on "agenda_item" ("meeting_id", "scheduled", "position");`);
    this.addSql(`create index "agenda_item_subject_type_subject_id_index" on "agenda_item" ("subject_type", "subject_id");`);

    this.addSql(`create table "action_item" ("id" varchar(36) not null, "meeting_id" varchar(36) not null, "agenda_item_id" varchar(36) null, "title" varchar(300) not null, "owner_id" varchar(36) not null, "due_on" timestamptz null, "status" varchar(8) not null default 'OPEN', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "action_item_pkey" primary key ("id"));`);

    this.addSql(`alter table "notification" add constraint "notification_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "meeting" add constraint "meeting_facilitator_id_foreign" foreign key ("facilitator_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "agenda_item" add constraint "agenda_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "action_item" add constraint "action_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "action_item" add constraint "action_item_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "action_item" add constraint "action_item_owner_id_foreign" foreign key ("owner_id") references "user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_meeting_id_foreign";`);

    this.addSql(`alter table "action_item" drop constraint "action_item_meeting_id_foreign";`);

    this.addSql(`alter table "action_item" drop constraint "action_item_agenda_item_id_foreign";`);

    this.addSql(`drop table if exists "agenda_settings" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "meeting" cascade;`);

    this.addSql(`drop table if exists "agenda_item" cascade;`);

    this.addSql(`drop table if exists "action_item" cascade;`);
  }

}
