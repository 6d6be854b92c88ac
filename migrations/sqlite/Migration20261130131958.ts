import { Migration } from '@mikro-orm/migrations';

export class Migration20261130131958 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`password_reset\` (\`id\` text not null, \`user_id\` text not null, \`token_hash\` text not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`created_at\` datetime not null, constraint \`password_reset_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`password_reset_user_id_index\` on \`password_reset\` (\`user_id\`);`);
    this.addSql(`create unique index \`password_reset_token_hash_unique\` on \`password_reset\` (\`token_hash\`);`);

    this.addSql(`create table \`invitation\` (\`id\` text not null, \`email\` text not null, \`name\` text not null, \`roles\` json not null, \`region_id\` text null, \`locale\` text not null default 'en', \`invited_by_id\` text not null, \`token_hash\` text not null, \`expires_at\` datetime not null, \`accepted_at\` datetime null, \`revoked_at\` datetime null, \`created_at\` datetime not null, constraint \`invitation_region_id_foreign\` foreign key(\`region_id\`) references \`region\`(\`id\`) on delete set null on update cascade, constraint \`invitation_invited_by_id_foreign\` foreign key(\`invited_by_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`invitation_email_index\` on \`invitation\` (\`email\`);`);
    this.addSql(`create index \`invitation_region_id_index\` on \`invitation\` (\`region_id\`);`);
    this.addSql(`create index \`invitation_invited_by_id_index\` on \`invitation\` (\`invited_by_id\`);`);
    this.addSql(`create unique index \`invitation_token_hash_unique\` on \`invitation\` (\`token_hash\`);`);
    this.addSql(`create index \`invitation_created_at_index\` on \`invitation\` (\`created_at\`);`);
  }

}
