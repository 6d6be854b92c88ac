import { Migration } from '@mikro-orm/migrations';

export class Migration20261130213101 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "department" ("id" varchar(36) not null, "name" varchar(120) not null, "created_at" timestamptz not null, constraint "department_pkey" primary key ("id"));`);
    this.addSql(`alter table "department" add constraint "department_name_unique" unique ("name");`);

    this.addSql(`create table "outcome_setting" ("id" varchar(16) not null default 'default', "delay_days" int not null, "updated_at" timestamptz not null, constraint "outcome_setting_pkey" primary key ("id"));`);

    this.addSql(`create table "referral" ("id" varchar(36) not null, "issue_id" varchar(36) not null, "department_id" varchar(36) not null, "question" text not null, "answer" text null, "status" varchar(16) not null default 'OPEN', "due_on" timestamptz null, "referred_by_id" varchar(36) not null, "answered_by_id" varchar(36) null, "answered_at" timestamptz null, "closed_by_id" varchar(36) null, "closed_at" timestamptz null, "created_at" timestamptz not null, constraint "referral_pkey" primary key ("id"));`);
    this.addSql(`create index "referral_issue_id_created_at_index" on "referral" ("issue_id", "created_at");`);
    this.addSql(`create index "referral_department_id_status_index" on "referral" ("department_id", "status");`);
    this.addSql(`create index "referral_status_due_on_index" on "referral" ("status", "due_on");`);

    this.addSql(`create table "department_contact" ("id" varchar(36) not null, "department_id" varchar(36) not null, "user_id" varchar(36) not null, "created_at" timestamptz not null, constraint "department_contact_pkey" primary key ("id"));`);
    this.addSql(`create index "department_contact_user_id_index" on "department_contact" ("user_id");`);
    this.addSql(`alter table "department_contact" add constraint "department_contact_department_id_user_id_unique" unique ("department_id", "user_id");`);

    this.addSql(`alter table "referral" add constraint "referral_issue_id_foreign" foreign key ("issue_id") references "issue" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "referral" add constraint "referral_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);
    this.addSql(`alter table "referral" add constraint "referral_referred_by_id_foreign" foreign key ("referred_by_id") references "user" ("id") on update cascade;`);
    this.addSql(`alter table "referral" add constraint "referral_answered_by_id_foreign" foreign key ("answered_by_id") references "user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "referral" add constraint "referral_closed_by_id_foreign" foreign key ("closed_by_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "department_contact" add constraint "department_contact_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "department_contact" add constraint "department_contact_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "referral" drop constraint "referral_department_id_foreign";`);

    this.addSql(`alter table "department_contact" drop constraint "department_contact_department_id_foreign";`);

    this.addSql(`drop table if exists "department" cascade;`);

    this.addSql(`drop table if exists "outcome_setting" cascade;`);

    this.addSql(`drop table if exists "referral" cascade;`);

    this.addSql(`drop table if exists "department_contact" cascade;`);
  }

}
