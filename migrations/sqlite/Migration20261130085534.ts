import { Migration } from '@mikro-orm/migrations';

export class Migration20261130085534 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`lease\` (\`name\` text not null, \`owner\` text null, \`expires_at\` datetime not null, primary key (\`name\`));`);
  }

}
