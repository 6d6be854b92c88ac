import { Migration } from '@mikro-orm/migrations';

export class Migration20261124125210 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`agenda_settings\` (\`id\` text not null default 'default', \`timeboxes\` json not null, \`updated_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(`create table \`notification\` (\`id\` text not null, \`user_id\` text not null, \`kind\` text not null, \`message_key\` text not null, \`params\` json not null, \`subject_type\` text null, \`subject_id\` text null, \`read_at\` datetime null, \`created_at\` datetime not null, constraint \`notification_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`notification_user_id_index\` on \`notification\` (\`user_id\`);`);
    this.addSql(`create index \`notification_user_id_created_at_index\` on \`notification\` (\`user_id\`, \`created_at\`);`);

    this.addSql(`create table \`meeting\` (\`id\` text not null, \`title\` text not null, \`starts_at\` datetime not null, \`duration_minutes\` integer not null, \`facilitator_id\` text not null, \`status\` text not null default 'PLANNED', \`agenda_generated_at\` datetime null, \`agenda_published_at\` datetime null, \`published_agenda\` json null, \`current_item_id\` text null, \`started_at\` datetime null, \`closed_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`meeting_facilitator_id_foreign\` foreign key(\`facilitator_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`meeting_starts_at_index\` on \`meeting\` (\`starts_at\`);`);
    this.addSql(`create index \`meeting_facilitator_id_index\` on \`meeting\` (\`facilitator_id\`);`);
    this.addSql(`create index \`meeting_status_starts_at_index\` on \`meeting\` (\`status\`, \`starts_at\`);`);

    this.addSql(`create table \`agenda_item\` (\`id\` text not null, \`meeting_id\` text not null, \`position\` integer not null, \`scheduled\` integer not null, \`kind\` text not null, \`title\` text not null, \`title_key\` text null, \`minutes\` integer not null, \`reason_key\` text not null, \`reason_params\` json not null, \`subject_type\` text null, \`subject_id\` text null, \`notes\` text null, \`outcome\` text null, \`done\` integer not null default false, \`started_at\` datetime null, \`created_at\` datetime not null, constraint \`agenda_item_meeting_id_foreign\` foreign key(\`meeting_id\`) references \`meeting\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`agenda_item_meeting_id_index\` on \`agenda_item\` (\`meeting_id\`);`);
    this.addSql(`create index \`agenda_item_meeting_id_scheduled_position_index\` on \`agenda_item\` (\`meeting_id\`, \`scheduled\`, \`position\`);`);
    this.addSql(`create index \`agenda_item_subject_type_subject_id_index\` on \`agenda_item\` (\`subject_type\`, \`subject_id\`);`);

    this.addSql(`create table \`action_item\` (\`id\` text not null, \`meeting_id\` text not null, \`agenda_item_id\` text null, \`title\` text not null, \`owner_id\` text not null, \`due_on\` datetime null, \`status\` text not null default 'OPEN', \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`action_item_meeting_id_foreign\` foreign key(\`meeting_id\`) references \`meeting\`(\`id\`) on delete cascade on update cascade, constraint \`action_item_agenda_item_id_foreign\` foreign key(\`agenda_item_id\`) references \`agenda_item\`(\`id\`) on delete set null on update cascade, constraint \`action_item_owner_id_foreign\` foreign key(\`owner_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`action_item_meeting_id_index\` on \`action_item\` (\`meeting_id\`);`);
    this.addSql(`create index \`action_item_agenda_item_id_index\` on \`action_item\` (\`agenda_item_id\`);`);
    this.addSql(`create index \`action_item_owner_id_index\` on \`action_item\` (\`owner_id\`);`);
  }

}
