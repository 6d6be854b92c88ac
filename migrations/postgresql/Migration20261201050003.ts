import { Migration } from '@mikro-orm/migrations';

// Full-text search finds what departments were asked and answered: each referral gets a search
// document (kind 'Referral'; no title of its own: it is found under its issue's title) holding its
// question and answer, kept by a trigger in the transaction that writes them, as the search
// migration (Migration20261130154103) does for issues, proposals, comments and policies. Written by
// hand: MikroORM derives no triggers.
export class Migration20261201050003 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function "referral_search"() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'DELETE' then
    delete from "search_document" where "kind" = 'Referral' and "subject_id" = old.id;
    return old;
  end if;
  perform search_put('Referral', new.id, '', concat_ws(chr(10), new.question, new.answer));
  return new;
end
$fn$;`);
    this.addSql(`create trigger "referral_search" after insert or delete or update of "question", "answer" on "referral" for each row execute function "referral_search"();`);
    // What is there already.
    this.addSql(`select search_put('Referral', r.id, '', concat_ws(chr(10), r.question, r.answer)) from "referral" r;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "search_document" where "kind" = 'Referral';`);
    this.addSql(`drop trigger if exists "referral_search" on "referral";`);
    this.addSql(`drop function if exists "referral_search"();`);
  }

}
