import { Migration } from '@mikro-orm/migrations';

export class Migration20261130213053 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`department\` (\`id\` text not null, \`name\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`department_name_unique\` on \`department\` (\`name\`);`);

    this.addSql(`create table \`outcome_setting\` (\`id\` text not null default 'default', \`delay_days\` integer not null, \`updated_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(`create table \`referral\` (\`id\` text not null, \`issue_id\` text not null, \`department_id\` text not null, \`question\` text not null, \`answer\` text null, \`status\` text not null default 'OPEN', \`due_on\` datetime null, \`referred_by_id\` text not null, \`answered_by_id\` text null, \`answered_at\` datetime null, \`closed_by_id\` text null, \`closed_at\` datetime null, \`created_at\` datetime not null, constraint \`referral_issue_id_foreign\` foreign key(\`issue_id\`) references \`issue\`(\`id\`) on delete cascade on update cascade, constraint \`referral_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on update cascade, constraint \`referral_referred_by_id_foreign\` foreign key(\`referred_by_id\`) references \`user\`(\`id\`) on update cascade, constraint \`referral_answered_by_id_foreign\` foreign key(\`answered_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, constraint \`referral_closed_by_id_foreign\` foreign key(\`closed_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`referral_issue_id_index\` on \`referral\` (\`issue_id\`);`);
    this.addSql(`create index \`referral_department_id_index\` on \`referral\` (\`department_id\`);`);
    this.addSql(`create index \`referral_referred_by_id_index\` on \`referral\` (\`referred_by_id\`);`);
    this.addSql(`create index \`referral_answered_by_id_index\` on \`referral\` (\`answered_by_id\`);`);
    this.addSql(`create index \`referral_closed_by_id_index\` on \`referral\` (\`closed_by_id\`);`);
    this.addSql(`create index \`referral_issue_id_created_at_index\` on \`referral\` (\`issue_id\`, \`created_at\`);`);
    this.addSql(`create index \`referral_department_id_status_index\` on \`referral\` (\`department_id\`, \`status\`);`);
    this.addSql(`create index \`referral_status_due_on_index\` on \`referral\` (\`status\`, \`due_on\`);`);

    this.addSql(`create table \`department_contact\` (\`id\` text not null, \`department_id\` text not null, \`user_id\` text not null, \`created_at\` datetime not null, constraint \`department_contact_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on delete cascade on update cascade, constraint \`department_contact_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`department_contact_department_id_index\` on \`department_contact\` (\`department_id\`);`);
    this.addSql(`create index \`department_contact_user_id_index\` on \`department_contact\` (\`user_id\`);`);
    this.addSql(`create unique index \`department_contact_department_id_user_id_unique\` on \`department_contact\` (\`department_id\`, \`user_id\`);`);
  }

}
