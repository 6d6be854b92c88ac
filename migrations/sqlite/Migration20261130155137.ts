import { Migration } from '@mikro-orm/migrations';

export class Migration20261130155137 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`issue_last_activity_at_index\`;`);

    this.addSql(`alter table \`issue\` add column \`rank_base\` double not null default 0;`);
    this.addSql(`create index \`issue_created_at_id_index\` on \`issue\` (\`created_at\`, \`id\`);`);
    this.addSql(`create index \`issue_last_activity_at_id_index\` on \`issue\` (\`last_activity_at\`, \`id\`);`);
    this.addSql(`create index \`issue_rank_base_id_index\` on \`issue\` (\`rank_base\`, \`id\`);`);
    // Written by hand: the stored part of the priority score for the issues there are (issues/rank.ts).
    this.addSql(`update \`issue\` set \`rank_base\` = (case when (select count(*) from region) = 0 then 0 else 6 * min(1.0, region_count * 1.0 / (select count(*) from region)) end + 2 * log2(1 + max(0, support_count)));`);
  }

}
