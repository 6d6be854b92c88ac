import { Migration } from '@mikro-orm/migrations';

export class Migration20261130132005 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "password_reset" ("id" varchar(36) not null, "user_id" varchar(36) not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "password_reset_pkey" primary key ("id"));`);
    this.addSql(`alter table "password_reset" add constraint "password_reset_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "invitation" ("id" varchar(36) not null, "email" varchar(254) not null, "name" varchar(120) not null, "roles" jsonb not null, "region_id" varchar(36) null, "locale" varchar(8) not null default 'en', "invited_by_id" varchar(36) not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "invitation_pkey" primary key ("id"));`);
    this.addSql(`create index "invitation_email_index" on "invitation" ("email");`);
    this.addSql(`alter table "invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "invitation_created_at_index" on "invitation" ("created_at");`);

    this.addSql(`alter table "password_reset" add constraint "password_reset_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "invitation" add constraint "invitation_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "invitation" add constraint "invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "password_reset" cascade;`);

    this.addSql(`drop table if exists "invitation" cascade;`);
  }

}
