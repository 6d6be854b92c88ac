import { Migration } from '@mikro-orm/migrations';

export class Migration20261130155140 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "issue_last_activity_at_index";`);

    this.addSql(`alter table "issue" add column "rank_base" double precision not null default 0;`);
    this.addSql(`create index "issue_created_at_id_index" on "issue" ("created_at", "id");`);
    this.addSql(`create index "issue_last_activity_at_id_index" on "issue" ("last_activity_at", "id");`);
    this.addSql(`create index "issue_rank_base_id_index" on "issue" ("rank_base", "id");`);
    // Written by hand: the stored part of the priority score for the issues there are (issues/rank.ts).
    this.addSql(`update "issue" set "rank_base" = (case when (select count(*) from region) = 0 then 0 else 6 * least(1.0, region_count::float8 / (select count(*) from region)) end + 2 * ln(1 + greatest(0, support_count)) / ln(2));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "issue_created_at_id_index";`);
    this.addSql(`drop index "issue_last_activity_at_id_index";`);
    this.addSql(`drop index "issue_rank_base_id_index";`);
    this.addSql(`alter table "issue" drop column "rank_base";`);

    this.addSql(`create index "issue_last_activity_at_index" on "issue" ("last_activity_at");`);
  }

}
