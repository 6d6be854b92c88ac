import { Migration } from '@mikro-orm/migrations';

// Full-text search finds what departments were asked and answered: each referral gets a search
// document (kind 'Referral'; no title of its own: it is found under its issue's title) holding its
// question and answer, kept by triggers in the transaction that writes them, as the search
// migration (Migration20261130154100) does for issues, proposals, comments and policies. Written by
// hand: MikroORM derives no triggers.
const LETTERS: [string, string][] = [
  ['đ', 'd'], ['Đ', 'd'], ['ð', 'd'], ['Ð', 'd'], ['ß', 'ss'], ['ẞ', 'ss'], ['æ', 'ae'], ['Æ', 'ae'],
  ['ø', 'o'], ['Ø', 'o'], ['œ', 'oe'], ['Œ', 'oe'], ['ł', 'l'], ['Ł', 'l'], ['þ', 'th'], ['Þ', 'th'], ['ı', 'i'],
];
const folded = (sql: string) => LETTERS.reduce((inner, [from, to]) => `replace(${inner}, '${from}', '${to}')`, `coalesce(${sql}, '')`);
const referralText = (row: string) => `${row}.question || char(10) || coalesce(${row}.answer, '')`;

export class Migration20261201050000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create trigger \`referral_search_ai\` after insert on \`referral\` begin
  insert into \`search_document\` (kind, subject_id, title, body) values ('Referral', new.id, '', ${folded(referralText('new'))});
end;`);
    this.addSql(`create trigger \`referral_search_au\` after update of question, answer on \`referral\` when old.question is not new.question or old.answer is not new.answer begin
  update \`search_document\` set body = ${folded(referralText('new'))} where kind = 'Referral' and subject_id = new.id;
end;`);
    this.addSql(`create trigger \`referral_search_ad\` after delete on \`referral\` begin
  delete from \`search_document\` where kind = 'Referral' and subject_id = old.id;
end;`);
    // What is there already.
    this.addSql(`insert into \`search_document\` (kind, subject_id, title, body) select 'Referral', r.id, '', ${folded(referralText('r'))} from \`referral\` r;`);
  }

}
