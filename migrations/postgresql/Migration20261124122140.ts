import { Migration } from '@mikro-orm/migrations';

export class Migration20261124122140 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "category" ("id" varchar(36) not null, "name" varchar(120) not null, "position" int not null default 0, "created_at" timestamptz not null, constraint "category_pkey" primary key ("id"));`);
    this.addSql(`alter table "category" add constraint "category_name_unique" unique ("name");`);

    this.addSql(`create table "region" ("id" varchar(36) not null, "code" varchar(16) not null, "name" varchar(120) not null, "time_zone" varchar(64) not null default 'UTC', "created_at" timestamptz not null, constraint "region_pkey" primary key ("id"));`);
    this.addSql(`alter table "region" add constraint "region_code_unique" unique ("code");`);

    this.addSql(`create table "user" ("id" varchar(36) not null, "email" varchar(254) not null, "name" varchar(120) not null, "password_hash" varchar(255) not null, "roles" jsonb not null, "region_id" varchar(36) null, "locale" varchar(8) not null default 'en', "active" boolean not null default true, "created_at" timestamptz not null, constraint "user_pkey" primary key ("id"));`);
    this.addSql(`alter table "user" add constraint "user_email_unique" unique ("email");`);

    this.addSql(`create table "session" ("id" varchar(64) not null, "user_id" varchar(36) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`create index "session_expires_at_index" on "session" ("expires_at");`);

    this.addSql(`create table "issue" ("id" varchar(36) not null, "title" varchar(200) not null, "description" text not null, "evidence" text null, "category_id" varchar(36) null, "status" varchar(24) not null default 'OPEN', "raised_by_id" varchar(36) not null, "origin_region_id" varchar(36) not null, "merged_into_id" varchar(36) null, "support_count" int not null default 0, "region_count" int not null default 1, "comment_count" int not null default 0, "created_at" timestamptz not null, "last_activity_at" timestamptz not null, constraint "issue_pkey" primary key ("id"));`);
    this.addSql(`create index "issue_status_created_at_index" on "issue" ("status", "created_at");`);
    this.addSql(`create index "issue_last_activity_at_index" on "issue" ("last_activity_at");`);

    this.addSql(`create table "support" ("id" varchar(36) not null, "issue_id" varchar(36) not null, "user_id" varchar(36) not null, "region_id" varchar(36) not null, "note" varchar(600) null, "created_at" timestamptz not null, constraint "support_pkey" primary key ("id"));`);
    this.addSql(`alter table "support" add constraint "support_issue_id_user_id_unique" unique ("issue_id", "user_id");`);

    this.addSql(`create table "comment" ("id" varchar(36) not null, "issue_id" varchar(36) null, "author_id" varchar(36) not null, "body" text not null, "created_at" timestamptz not null, "edited_at" timestamptz null, constraint "comment_pkey" primary key ("id"));`);
    this.addSql(`create index "comment_issue_id_created_at_index" on "comment" ("issue_id", "created_at");`);

    this.addSql(`create table "audit_event" ("id" varchar(36) not null, "actor_id" varchar(36) null, "action" varchar(64) not null, "subject_type" varchar(32) not null, "subject_id" varchar(36) not null, "before" jsonb null, "after" jsonb null, "at" timestamptz not null, constraint "audit_event_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_event_subject_type_subject_id_at_index" on "audit_event" ("subject_type", "subject_id", "at");`);

    this.addSql(`alter table "user" add constraint "user_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "issue" add constraint "issue_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "issue" add constraint "issue_raised_by_id_foreign" foreign key ("raised_by_id") references "user" ("id") on update cascade;`);
    this.addSql(`alter table "issue" add constraint "issue_origin_region_id_foreign" foreign key ("origin_region_id") references "region" ("id") on update cascade;`);
    this.addSql(`alter table "issue" add constraint "issue_merged_into_id_foreign" foreign key ("merged_into_id") references "issue" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "support" add constraint "support_issue_id_foreign" foreign key ("issue_id") references "issue" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "support" add constraint "support_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`);
    this.addSql(`alter table "support" add constraint "support_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);

    this.addSql(`alter table "comment" add constraint "comment_issue_id_foreign" foreign key ("issue_id") references "issue" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "comment" add constraint "comment_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_actor_id_foreign" foreign key ("actor_id") references "user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "issue" drop constraint "issue_category_id_foreign";`);

    this.addSql(`alter table "user" drop constraint "user_region_id_foreign";`);

    this.addSql(`alter table "issue" drop constraint "issue_origin_region_id_foreign";`);

    this.addSql(`alter table "support" drop constraint "support_region_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);

    this.addSql(`alter table "issue" drop constraint "issue_raised_by_id_foreign";`);

    this.addSql(`alter table "support" drop constraint "support_user_id_foreign";`);

    this.addSql(`alter table "comment" drop constraint "comment_author_id_foreign";`);

    this.addSql(`alter table "audit_event" drop constraint "audit_event_actor_id_foreign";`);

    this.addSql(`alter table "issue" drop constraint "issue_merged_into_id_foreign";`);

    this.addSql(`alter table "support" drop constraint "support_issue_id_foreign";`);

    this.addSql(`alter table "comment" drop constraint "comment_issue_id_foreign";`);

    this.addSql(`drop table if exists "category" cascade;`);

    this.addSql(`drop table if exists "region" cascade;`);

    this.addSql(`drop table if exists "user" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "issue" cascade;`);

    this.addSql(`drop table if exists "support" cascade;`);

    this.addSql(`drop table if exists "comment" cascade;`);

    this.addSql(`drop table if exists "audit_event" cascade;`);
  }

}
