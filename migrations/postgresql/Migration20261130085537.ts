import { Migration } from '@mikro-orm/migrations';

export class Migration20261130085537 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "lease" ("name" varchar(64) not null, "owner" varchar(128) null, "expires_at" timestamptz not null, constraint "lease_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lease" cascade;`);
  }

}
