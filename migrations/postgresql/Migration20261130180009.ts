import { Migration } from '@mikro-orm/migrations';

export class Migration20261130180009 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "policy_acknowledgement" ("id" varchar(36) not null, "policy_id" varchar(36) not null, "user_id" varchar(36) not null, "version" int not null, "at" timestamptz not null, constraint "policy_acknowledgement_pkey" primary key ("id"));`);
    this.addSql(`alter table "policy_acknowledgement" add constraint "policy_acknowledgement_policy_id_user_id_version_unique" unique ("policy_id", "user_id", "version");`);

    this.addSql(`create table "outcome_report" ("id" varchar(36) not null, "proposal_id" varchar(36) not null, "region_id" varchar(36) not null, "verdict" varchar(8) not null, "note" text null, "reported_by_id" varchar(36) not null, "created_at" timestamptz not null, constraint "outcome_report_pkey" primary key ("id"));`);
    this.addSql(`alter table "outcome_report" add constraint "outcome_report_proposal_id_region_id_unique" unique ("proposal_id", "region_id");`);

    this.addSql(`create table "merged_support" ("id" varchar(36) not null, "issue_id" varchar(36) not null, "user_id" varchar(36) not null, "region_id" varchar(36) not null, "note" varchar(600) null, "merged_from_id" varchar(36) null, "created_at" timestamptz not null, constraint "merged_support_pkey" primary key ("id"));`);
    this.addSql(`alter table "merged_support" add constraint "merged_support_issue_id_user_id_unique" unique ("issue_id", "user_id");`);

    this.addSql(`alter table "policy_acknowledgement" add constraint "policy_acknowledgement_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "policy_acknowledgement" add constraint "policy_acknowledgement_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "outcome_report" add constraint "outcome_report_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "outcome_report" add constraint "outcome_report_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);
    this.addSql(`alter table "outcome_report" add constraint "outcome_report_reported_by_id_foreign" foreign key ("reported_by_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "merged_support" add constraint "merged_support_issue_id_foreign" foreign key ("issue_id") references "issue" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "merged_support" add constraint "merged_support_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`);
    this.addSql(`alter table "merged_support" add constraint "merged_support_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);
    this.addSql(`alter table "merged_support" add constraint "merged_support_merged_from_id_foreign" foreign key ("merged_from_id") references "issue" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "issue" add column "status_before_merge" varchar(24) null;`);

    this.addSql(`alter table "support" add column "merged_from_id" varchar(36) null;`);
    this.addSql(`alter table "support" add constraint "support_merged_from_id_foreign" foreign key ("merged_from_id") references "issue" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "proposal" add column "outcome_due_on" timestamptz null, add column "outcome_reopened_at" timestamptz null;`);

    this.addSql(`alter table "comment" add column "merged_from_id" varchar(36) null;`);
    this.addSql(`alter table "comment" add constraint "comment_merged_from_id_foreign" foreign key ("merged_from_id") references "issue" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "policy_acknowledgement" cascade;`);

    this.addSql(`drop table if exists "outcome_report" cascade;`);

    this.addSql(`drop table if exists "merged_support" cascade;`);

    this.addSql(`alter table "comment" drop constraint "comment_merged_from_id_foreign";`);

    this.addSql(`alter table "support" drop constraint "support_merged_from_id_foreign";`);

    this.addSql(`alter table "comment" drop column "merged_from_id";`);

    this.addSql(`alter table "issue" drop column "status_before_merge";`);

    this.addSql(`alter table "proposal" drop column "outcome_due_on", drop column "outcome_reopened_at";`);

    this.addSql(`alter table "support" drop column "merged_from_id";`);
  }

}
