import { Migration } from '@mikro-orm/migrations';

export class Migration20261124124331 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`policy\` (\`id\` text not null, \`title\` text not null, \`category_id\` text null, \`current_version\` integer not null default 0, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`policy_category_id_foreign\` foreign key(\`category_id\`) references \`category\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`policy_category_id_index\` on \`policy\` (\`category_id\`);`);

    this.addSql(`create table \`proposal\` (\`id\` text not null, \`issue_id\` text not null, \`title\` text not null, \`current_policy\` text not null, \`proposed_policy\` text not null, \`rationale\` text not null, \`expected_impact\` text null, \`requires_approval\` integer not null, \`status\` text not null default 'DRAFT', \`author_id\` text not null, \`version\` integer not null default 1, \`policy_id\` text null, \`voting_opened_at\` datetime null, \`voting_closes_at\` datetime null, \`voting_closed_at\` datetime null, \`quorum\` double null, \`threshold\` double null, \`submitted_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`proposal_issue_id_foreign\` foreign key(\`issue_id\`) references \`issue\`(\`id\`) on update cascade, constraint \`proposal_author_id_foreign\` foreign key(\`author_id\`) references \`user\`(\`id\`) on update cascade, constraint \`proposal_policy_id_foreign\` foreign key(\`policy_id\`) references \`policy\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`proposal_issue_id_index\` on \`proposal\` (\`issue_id\`);`);
    this.addSql(`create index \`proposal_author_id_index\` on \`proposal\` (\`author_id\`);`);
    this.addSql(`create index \`proposal_policy_id_index\` on \`proposal\` (\`policy_id\`);`);
    this.addSql(`create index \`proposal_status_submitted_at_index\` on \`proposal\` (\`status\`, \`submitted_at\`);`);
    this.addSql(`create index \`proposal_status_voting_closes_at_index\` on \`proposal\` (\`status\`, \`voting_closes_at\`);`);

    this.addSql(`create table \`rollout\` (\`id\` text not null, \`proposal_id\` text not null, \`region_id\` text not null, \`status\` text not null default 'PENDING', \`note\` text null, \`due_on\` datetime null, \`updated_by_id\` text null, \`updated_at\` datetime not null, constraint \`rollout_proposal_id_foreign\` foreign key(\`proposal_id\`) references \`proposal\`(\`id\`) on delete cascade on update cascade, constraint \`rollout_region_id_foreign\` foreign key(\`region_id\`) references \`region\`(\`id\`) on update cascade, constraint \`rollout_updated_by_id_foreign\` foreign key(\`updated_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`rollout_proposal_id_index\` on \`rollout\` (\`proposal_id\`);`);
    this.addSql(`create index \`rollout_region_id_index\` on \`rollout\` (\`region_id\`);`);
    this.addSql(`create index \`rollout_updated_by_id_index\` on \`rollout\` (\`updated_by_id\`);`);
    this.addSql(`create unique index \`rollout_proposal_id_region_id_unique\` on \`rollout\` (\`proposal_id\`, \`region_id\`);`);

    this.addSql(`create table \`proposal_revision\` (\`id\` text not null, \`proposal_id\` text not null, \`version\` integer not null, \`title\` text not null, \`current_policy\` text not null, \`proposed_policy\` text not null, \`rationale\` text not null, \`expected_impact\` text null, \`requires_approval\` integer not null, \`author_id\` text not null, \`created_at\` datetime not null, constraint \`proposal_revision_proposal_id_foreign\` foreign key(\`proposal_id\`) references \`proposal\`(\`id\`) on delete cascade on update cascade, constraint \`proposal_revision_author_id_foreign\` foreign key(\`author_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`proposal_revision_proposal_id_index\` on \`proposal_revision\` (\`proposal_id\`);`);
    this.addSql(`create index \`proposal_revision_author_id_index\` on \`proposal_revision\` (\`author_id\`);`);
    this.addSql(`create unique index \`proposal_revision_proposal_id_version_unique\` on \`proposal_revision\` (\`proposal_id\`, \`version\`);`);

    this.addSql(`create table \`decision\` (\`id\` text not null, \`proposal_id\` text not null, \`outcome\` text not null, \`rationale\` text not null, \`conditions\` text null, \`effective_from\` datetime null, \`decided_by_id\` text not null, \`decided_at\` datetime not null, constraint \`decision_proposal_id_foreign\` foreign key(\`proposal_id\`) references \`proposal\`(\`id\`) on delete cascade on update cascade, constraint \`decision_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`decision_proposal_id_index\` on \`decision\` (\`proposal_id\`);`);
    this.addSql(`create index \`decision_decided_by_id_index\` on \`decision\` (\`decided_by_id\`);`);
    this.addSql(`create index \`decision_decided_at_index\` on \`decision\` (\`decided_at\`);`);
    this.addSql(`create index \`decision_proposal_id_decided_at_index\` on \`decision\` (\`proposal_id\`, \`decided_at\`);`);

    this.addSql(`create table \`policy_version\` (\`id\` text not null, \`policy_id\` text not null, \`version\` integer not null, \`text\` text not null, \`previous_text\` text not null, \`proposal_id\` text not null, \`decision_id\` text null, \`effective_from\` datetime null, \`created_at\` datetime not null, constraint \`policy_version_policy_id_foreign\` foreign key(\`policy_id\`) references \`policy\`(\`id\`) on delete cascade on update cascade, constraint \`policy_version_proposal_id_foreign\` foreign key(\`proposal_id\`) references \`proposal\`(\`id\`) on update cascade, constraint \`policy_version_decision_id_foreign\` foreign key(\`decision_id\`) references \`decision\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`policy_version_policy_id_index\` on \`policy_version\` (\`policy_id\`);`);
    this.addSql(`create index \`policy_version_proposal_id_index\` on \`policy_version\` (\`proposal_id\`);`);
    this.addSql(`create index \`policy_version_decision_id_index\` on \`policy_version\` (\`decision_id\`);`);
    this.addSql(`create unique index \`policy_version_policy_id_version_unique\` on \`policy_version\` (\`policy_id\`, \`version\`);`);

    this.addSql(`create table \`vote\` (\`id\` text not null, \`proposal_id\` text not null, \`voter_id\` text not null, \`region_id\` text not null, \`choice\` text not null, \`reason\` text null, \`cast_at\` datetime not null, constraint \`vote_proposal_id_foreign\` foreign key(\`proposal_id\`) references \`proposal\`(\`id\`) on delete cascade on update cascade, constraint \`vote_voter_id_foreign\` foreign key(\`voter_id\`) references \`user\`(\`id\`) on update cascade, constraint \`vote_region_id_foreign\` foreign key(\`region_id\`) references \`region\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`vote_proposal_id_index\` on \`vote\` (\`proposal_id\`);`);
    this.addSql(`create index \`vote_voter_id_index\` on \`vote\` (\`voter_id\`);`);
    this.addSql(`create index \`vote_region_id_index\` on \`vote\` (\`region_id\`);`);
    this.addSql(`create unique index \`vote_proposal_id_voter_id_unique\` on \`vote\` (\`proposal_id\`, \`voter_id\`);`);

    this.addSql(`create table \`voting_rule\` (\`id\` text not null default 'default', \`quorum\` double not null, \`threshold\` double not null, \`updated_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(`alter table \`comment\` add column \`proposal_id\` text null constraint \`comment_proposal_id_foreign\` references \`proposal\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`create index \`comment_proposal_id_index\` on \`comment\` (\`proposal_id\`);`);
    this.addSql(`create index \`comment_proposal_id_created_at_index\` on \`comment\` (\`proposal_id\`, \`created_at\`);`);
  }

}
