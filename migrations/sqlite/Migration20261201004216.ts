import { Migration } from '@mikro-orm/migrations';

export class Migration20261201004216 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`issue_rank_base_id_index\`;`);

    this.addSql(`create index \`issue_rank_index\` on \`issue\` (\`rank_base\`, \`id\`, \`status\`, \`last_activity_at\`, \`support_count\`, \`region_count\`, \`created_at\`);`);
  }

}
