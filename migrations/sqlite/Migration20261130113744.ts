import { Migration } from '@mikro-orm/migrations';

export class Migration20261130113744 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`reminder_sent\` (\`key\` text not null, \`sent_at\` datetime not null, primary key (\`key\`));`);

    this.addSql(`create table \`outbox_mail\` (\`id\` text not null, \`user_id\` text null, \`to\` text not null, \`kind\` text null, \`subject\` text not null, \`text\` text not null, \`html\` text not null, \`headers\` json not null, \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`claimed_until\` datetime null, \`sent_at\` datetime null, \`failed_at\` datetime null, \`last_error\` text null, \`created_at\` datetime not null, constraint \`outbox_mail_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`outbox_mail_user_id_index\` on \`outbox_mail\` (\`user_id\`);`);
    this.addSql(`create index \`outbox_mail_sent_at_failed_at_next_attempt_at_index\` on \`outbox_mail\` (\`sent_at\`, \`failed_at\`, \`next_attempt_at\`);`);

    this.addSql(`create table \`notification_preference\` (\`id\` text not null, \`user_id\` text not null, \`kind\` text not null, \`in_app\` integer not null default true, \`email\` text not null, \`updated_at\` datetime not null, constraint \`notification_preference_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`notification_preference_user_id_index\` on \`notification_preference\` (\`user_id\`);`);
    this.addSql(`create unique index \`notification_preference_user_id_kind_unique\` on \`notification_preference\` (\`user_id\`, \`kind\`);`);

    this.addSql(`alter table \`user\` add column \`digest_hour\` integer not null default 7;`);
    this.addSql(`alter table \`user\` add column \`last_digest_on\` text null;`);

    this.addSql(`alter table \`notification\` add column \`in_app\` integer not null default true;`);
    this.addSql(`alter table \`notification\` add column \`digest\` text null;`);
    this.addSql(`create index \`notification_digest_user_id_index\` on \`notification\` (\`digest\`, \`user_id\`);`);

    // The first wave's two notification kinds, under their contract names.
    this.addSql(`update notification set kind = 'AGENDA_PUBLISHED' where kind = 'agendaPublished';`);
    this.addSql(`update notification set kind = 'ACTION_ITEM_ASSIGNED' where kind = 'actionAssigned';`);
  }

}
