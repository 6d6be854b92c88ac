import { Migration } from '@mikro-orm/migrations';

export class Migration20261124124333 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "policy" ("id" varchar(36) not null, "title" varchar(200) not null, "category_id" varchar(36) null, "current_version" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "policy_pkey" primary key ("id"));`);

    this.addSql(`create table "proposal" ("id" varchar(36) not null, "issue_id" varchar(36) not null, "title" varchar(200) not null, "current_policy" text not null, "proposed_policy" text not null, "rationale" text not null, "expected_impact" text null, "requires_approval" boolean not null, "status" varchar(24) not null default 'DRAFT', "author_id" varchar(36) not null, "version" int not null default 1, "policy_id" varchar(36) null, "voting_opened_at" timestamptz null, "voting_closes_at" timestamptz null, "voting_closed_at" timestamptz null, "quorum" double precision null, "threshold" double precision null, "submitted_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "proposal_pkey" primary key ("id"));`);
    this.addSql(`create index "proposal_status_submitted_at_index" on "proposal" ("status", "submitted_at");`);
    this.addSql(`create index "proposal_status_voting_closes_at_index" on "proposal" ("status", "voting_closes_at");`);

    this.addSql(`create table "rollout" ("id" varchar(36) not null, "proposal_id" varchar(36) not null, "region_id" varchar(36) not null, "status" varchar(16) not null default 'PENDING', "note" text null, "due_on" timestamptz null, "updated_by_id" varchar(36) null, "updated_at" timestamptz not null, constraint "rollout_pkey" primary key ("id"));`);
    this.addSql(`alter table "rollout" add constraint "rollout_proposal_id_region_id_unique" unique ("proposal_id", "region_id");`);

    this.addSql(`create table "proposal_revision" ("id" varchar(36) not null, "proposal_id" varchar(36) not null, "version" int not null, "title" varchar(200) not null, "current_policy" text not null, "proposed_policy" text not null, "rationale" text not null, "expected_impact" text null, "requires_approval" boolean not null, "author_id" varchar(36) not null, "created_at" timestamptz not null, constraint "proposal_revision_pkey" primary key ("id"));`);
    this.addSql(`alter table "proposal_revision" add constraint "proposal_revision_proposal_id_version_unique" unique ("proposal_id", "version");`);

    this.addSql(`create table "decision" ("id" varchar(36) not null, "proposal_id" varchar(36) not null, "outcome" varchar(24) not null, "rationale" text not null, "conditions" text null, "effective_from" timestamptz null, "decided_by_id" varchar(36) not null, "decided_at" timestamptz not null, constraint "decision_pkey" primary key ("id"));`);
    this.addSql(`create index "decision_decided_at_index" on "decision" ("decided_at");`);
    this.addSql(`create index "decision_proposal_id_decided_at_index" on "decision" ("proposal_id", "decided_at");`);

    this.addSql(`create table "policy_version" ("id" varchar(36) not null, "policy_id" varchar(36) not null, "version" int not null, "text" text not null, "previous_text" text not null, "proposal_id" varchar(36) not null, "decision_id" varchar(36) null, "effective_from" timestamptz null, "created_at" timestamptz not null, constraint "policy_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "policy_version" add constraint "policy_version_policy_id_version_unique" unique ("policy_id", "version");`);

    this.addSql(`create table "vote" ("id" varchar(36) not null, "proposal_id" varchar(36) not null, "voter_id" varchar(36) not null, "region_id" varchar(36) not null, "choice" varchar(8) not null, "reason" text null, "cast_at" timestamptz not null, constraint "vote_pkey" primary key ("id"));`);
    this.addSql(`alter table "vote" add constraint "vote_proposal_id_voter_id_unique" unique ("proposal_id", "voter_id");`);

    this.addSql(`create table "voting_rule" ("id" varchar(16) not null default 'default', "quorum" double precision not null, "threshold" double precision not null, "updated_at" timestamptz not null, constraint "voting_rule_pkey" primary key ("id"));`);

    this.addSql(`alter table "policy" add constraint "policy_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "proposal" add constraint "proposal_issue_id_foreign" foreign key ("issue_id") references "issue" ("id") on update cascade;`);
    this.addSql(`alter table "proposal" add constraint "proposal_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade;`);
    this.addSql(`alter table "proposal" add constraint "proposal_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "rollout" add constraint "rollout_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "rollout" add constraint "rollout_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);
    this.addSql(`alter table "rollout" add constraint "rollout_updated_by_id_foreign" foreign key ("updated_by_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "proposal_revision" add constraint "proposal_revision_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "proposal_revision" add constraint "proposal_revision_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "decision" add constraint "decision_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "decision" add constraint "decision_decided_by_id_foreign" foreign key ("decided_by_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "policy_version" add constraint "policy_version_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "policy_version" add constraint "policy_version_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade;`);
    this.addSql(`alter table "policy_version" add constraint "policy_version_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "vote" add constraint "vote_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "vote" add constraint "vote_voter_id_foreign" foreign key ("voter_id") references "user" ("id") on update cascade;`);
    this.addSql(`alter table "vote" add constraint "vote_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);

    this.addSql(`alter table "comment" add column "proposal_id" varchar(36) null;`);
    this.addSql(`alter table "comment" add constraint "comment_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "comment_proposal_id_created_at_index" on "comment" ("proposal_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "proposal" drop constraint "proposal_policy_id_foreign";`);

    this.addSql(`alter table "policy_version" drop constraint "policy_version_policy_id_foreign";`);

    this.addSql(`alter table "rollout" drop constraint "rollout_proposal_id_foreign";`);

    this.addSql(`alter table "proposal_revision" drop constraint "proposal_revision_proposal_id_foreign";`);

    this.addSql(`alter table "decision" drop constraint "decision_proposal_id_foreign";`);

    this.addSql(`alter table "policy_version" drop constraint "policy_version_proposal_id_foreign";`);

    this.addSql(`alter table "comment" drop constraint "comment_proposal_id_foreign";`);

    this.addSql(`alter table "vote" drop constraint "vote_proposal_id_foreign";`);

    this.addSql(`alter table "policy_version" drop constraint "policy_version_decision_id_foreign";`);

    this.addSql(`drop table if exists "policy" cascade;`);

    this.addSql(`drop table if exists "proposal" cascade;`);

    this.addSql(`drop table if exists "rollout" cascade;`);

    this.addSql(`drop table if exists "proposal_revision" cascade;`);

    this.addSql(`drop table if exists "decision" cascade;`);

    this.addSql(`drop table if exists "policy_version" cascade;`);

    this.addSql(`drop table if exists "vote" cascade;`);

    this.addSql(`drop table if exists "voting_rule" cascade;`);

    this.addSql(`drop index "comment_proposal_id_created_at_index";`);
    this.addSql(`alter table "comment" drop column "proposal_id";`);
  }

}
