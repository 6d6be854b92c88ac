import { Migration } from '@mikro-orm/migrations';

export class Migration20261124121154 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`category\` (\`id\` text not null, \`name\` text not null, \`position\` integer not null default 0, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`category_name_unique\` on \`category\` (\`name\`);`);

    this.addSql(`create table \`region\` (\`id\` text not null, \`code\` text not null, \`name\` text not null, \`time_zone\` text not null default 'UTC', \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`region_code_unique\` on \`region\` (\`code\`);`);

    this.addSql(`create table \`user\` (\`id\` text not null, \`email\` text not null, \`name\` text not null, \`password_hash\` text not null, \`roles\` json not null, \`region_id\` text null, \`locale\` text not null default 'en', \`active\` integer not null default true, \`created_at\` datetime not null, constraint \`user_region_id_foreign\` foreign key(\`region_id\`) references \`region\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`user_email_unique\` on \`user\` (\`email\`);`);
    this.addSql(`create index \`user_region_id_index\` on \`user\` (\`region_id\`);`);

    this.addSql(`create table \`session\` (\`id\` text not null, \`user_id\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, constraint \`session_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`session_user_id_index\` on \`session\` (\`user_id\`);`);
    this.addSql(`create index \`session_expires_at_index\` on \`session\` (\`expires_at\`);`);

    this.addSql(`create table \`issue\` (\`id\` text not null, \`title\` text not null, \`description\` text not null, \`evidence\` text null, \`category_id\` text null, \`status\` text not null default 'OPEN', \`raised_by_id\` text not null, \`origin_region_id\` text not null, \`merged_into_id\` text null, \`support_count\` integer not null default 0, \`region_count\` integer not null default 1, \`comment_count\` integer not null default 0, \`created_at\` datetime not null, \`last_activity_at\` datetime not null, constraint \`issue_category_id_foreign\` foreign key(\`category_id\`) references \`category\`(\`id\`) on delete set null on update cascade, constraint \`issue_raised_by_id_foreign\` foreign key(\`raised_by_id\`) references \`user\`(\`id\`) on update cascade, constraint \`issue_origin_region_id_foreign\` foreign key(\`origin_region_id\`) references \`region\`(\`id\`) on update cascade, constraint \`issue_merged_into_id_foreign\` foreign key(\`merged_into_id\`) references \`issue\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`issue_category_id_index\` on \`issue\` (\`category_id\`);`);
    this.addSql(`create index \`issue_raised_by_id_index\` on \`issue\` (\`raised_by_id\`);`);
    this.addSql(`create index \`issue_origin_region_id_index\` on \`issue\` (\`origin_region_id\`);`);
    this.addSql(`create index \`issue_merged_into_id_index\` on \`issue\` (\`merged_into_id\`);`);
    this.addSql(`create index \`issue_status_created_at_index\` on \`issue\` (\`status\`, \`created_at\`);`);
    this.addSql(`create index \`issue_last_activity_at_index\` on \`issue\` (\`last_activity_at\`);`);

    this.addSql(`create table \`support\` (\`id\` text not null, \`issue_id\` text not null, \`user_id\` text not null, \`region_id\` text not null, \`note\` text null, \`created_at\` datetime not null, constraint \`support_issue_id_foreign\` foreign key(\`issue_id\`) references \`issue\`(\`id\`) on delete cascade on update cascade, constraint \`support_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, constraint \`support_region_id_foreign\` foreign key(\`region_id\`) references \`region\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`support_issue_id_index\` on \`support\` (\`issue_id\`);`);
    this.addSql(`create index \`support_user_id_index\` on \`support\` (\`user_id\`);`);
    this.addSql(`create index \`support_region_id_index\` on \`support\` (\`region_id\`);`);
    this.addSql(`create unique index \`support_issue_id_user_id_unique\` on \`support\` (\`issue_id\`, \`user_id\`);`);

    this.addSql(`create table \`comment\` (\`id\` text not null, \`issue_id\` text null, \`author_id\` text not null, \`body\` text not null, \`created_at\` datetime not null, \`edited_at\` datetime null, constraint \`comment_issue_id_foreign\` foreign key(\`issue_id\`) references \`issue\`(\`id\`) on delete cascade on update cascade, constraint \`comment_author_id_foreign\` foreign key(\`author_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`comment_issue_id_index\` on \`comment\` (\`issue_id\`);`);
    this.addSql(`create index \`comment_author_id_index\` on \`comment\` (\`author_id\`);`);
    this.addSql(`create index \`comment_issue_id_created_at_index\` on \`comment\` (\`issue_id\`, \`created_at\`);`);

    this.addSql(`create table \`audit_event\` (\`id\` text not null, \`actor_id\` text null, \`action\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`before\` json null, \`after\` json null, \`at\` datetime not null, constraint \`audit_event_actor_id_foreign\` foreign key(\`actor_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`audit_event_actor_id_index\` on \`audit_event\` (\`actor_id\`);`);
    this.addSql(`create index \`audit_event_subject_type_subject_id_at_index\` on \`audit_event\` (\`subject_type\`, \`subject_id\`, \`at\`);`);
  }

}
