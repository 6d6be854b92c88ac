import { Migration } from '@mikro-orm/migrations';

export class Migration20261130180002 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`policy_acknowledgement\` (\`id\` text not null, \`policy_id\` text not null, \`user_id\` text not null, \`version\` integer not null, \`at\` datetime not null, constraint \`policy_acknowledgement_policy_id_foreign\` foreign key(\`policy_id\`) references \`policy\`(\`id\`) on delete cascade on update cascade, constraint \`policy_acknowledgement_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`policy_acknowledgement_policy_id_index\` on \`policy_acknowledgement\` (\`policy_id\`);`);
    this.addSql(`create index \`policy_acknowledgement_user_id_index\` on \`policy_acknowledgement\` (\`user_id\`);`);
    this.addSql(`create unique index \`policy_acknowledgement_policy_id_user_id_version_unique\` on \`policy_acknowledgement\` (\`policy_id\`, \`user_id\`, \`version\`);`);

    this.addSql(`create table \`outcome_report\` (\`id\` text not null, \`proposal_id\` text not null, \`region_id\` text not null, \`verdict\` text not null, \`note\` text null, \`reported_by_id\` text not null, \`created_at\` datetime not null, constraint \`outcome_report_proposal_id_foreign\` foreign key(\`proposal_id\`) references \`proposal\`(\`id\`) on delete cascade on update cascade, constraint \`outcome_report_region_id_foreign\` foreign key(\`region_id\`) references \`region\`(\`id\`) on update cascade, constraint \`outcome_report_reported_by_id_foreign\` foreign key(\`reported_by_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`outcome_report_proposal_id_index\` on \`outcome_report\` (\`proposal_id\`);`);
    this.addSql(`create index \`outcome_report_region_id_index\` on \`outcome_report\` (\`region_id\`);`);
    this.addSql(`create index \`outcome_report_reported_by_id_index\` on \`outcome_report\` (\`reported_by_id\`);`);
    this.addSql(`create unique index \`outcome_report_proposal_id_region_id_unique\` on \`outcome_report\` (\`proposal_id\`, \`region_id\`);`);

    this.addSql(`create table \`merged_support\` (\`id\` text not null, \`issue_id\` text not null, \`user_id\` text not null, \`region_id\` text not null, \`note\` text null, \`merged_from_id\` text null, \`created_at\` datetime not null, constraint \`merged_support_issue_id_foreign\` foreign key(\`issue_id\`) references \`issue\`(\`id\`) on delete cascade on update cascade, constraint \`merged_support_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, constraint \`merged_support_region_id_foreign\` foreign key(\`region_id\`) references \`region\`(\`id\`) on update cascade, constraint \`merged_support_merged_from_id_foreign\` foreign key(\`merged_from_id\`) references \`issue\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`merged_support_issue_id_index\` on \`merged_support\` (\`issue_id\`);`);
    this.addSql(`create index \`merged_support_user_id_index\` on \`merged_support\` (\`user_id\`);`);
    this.addSql(`create index \`merged_support_region_id_index\` on \`merged_support\` (\`region_id\`);`);
    this.addSql(`create index \`merged_support_merged_from_id_index\` on \`merged_support\` (\`merged_from_id\`);`);
    this.addSql(`create unique index \`merged_support_issue_id_user_id_unique\` on \`merged_support\` (\`issue_id\`, \`user_id\`);`);

    this.addSql(`alter table \`issue\` add column \`status_before_merge\` text null;`);

    this.addSql(`alter table \`support\` add column \`merged_from_id\` text null constraint \`support_merged_from_id_foreign\` references \`issue\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`create index \`support_merged_from_id_index\` on \`support\` (\`merged_from_id\`);`);

    this.addSql(`alter table \`proposal\` add column \`outcome_due_on\` datetime null;`);
    this.addSql(`alter table \`proposal\` add column \`outcome_reopened_at\` datetime null;`);

    this.addSql(`alter table \`comment\` add column \`merged_from_id\` text null constraint \`comment_merged_from_id_foreign\` references \`issue\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`create index \`comment_merged_from_id_index\` on \`comment\` (\`merged_from_id\`);`);
  }

}
