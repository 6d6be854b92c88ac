import { Migration } from '@mikro-orm/migrations';

// Full-text search (issue 11), written by hand: MikroORM derives neither tsvector columns, GIN
// indexes nor triggers. `search_document` holds one row per issue, proposal, comment and policy
// (kind = its GraphQL type) with a weighted tsvector (title A, text B) of the `simple`
// configuration over unaccent(...), so that case and diacritics fold as on SQLite (unaccent also
// spells out đ, ß, æ, ø, … as search.text.ts' FOLDED_LETTERS do). The punctuation that PostgreSQL's
// parser would keep inside a token (e-mail, v1.2, a/b) separates words, as it does on SQLite.
// Triggers keep it in the transaction that writes the text, whoever writes it.
export class Migration20261130154103 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create table "search_document" ("kind" varchar(16) not null, "subject_id" varchar(36) not null, "document" tsvector not null, constraint "search_document_pkey" primary key ("subject_id", "kind"));`);
    this.addSql(`create index "search_document_document_index" on "search_document" using gin ("document");`);

    this.addSql(`create function "search_words"(source text) returns text language sql stable as $fn$
  select translate(unaccent(coalesce(source, '')), '.-@/:_+&=#%~', '            ')
$fn$;`);
    this.addSql(`create function "search_vector"(title text, body text) returns tsvector language sql stable as $fn$
  select setweight(to_tsvector('simple', search_words(title)), 'A') || setweight(to_tsvector('simple', search_words(body)), 'B')
$fn$;`);
    this.addSql(`create function "search_put"(doc_kind text, doc_subject text, doc_title text, doc_body text) returns void language sql as $fn$
  insert into "search_document" ("kind", "subject_id", "document") values (doc_kind, doc_subject, search_vector(doc_title, doc_body))
  on conflict ("subject_id", "kind") do update set "document" = excluded."document"
$fn$;`);

    this.addSql(`create function "issue_search"() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'DELETE' then
    delete from "search_document" where "kind" = 'Issue' and "subject_id" = old.id;
    return old;
  end if;
  perform search_put('Issue', new.id, new.title, new.description);
  return new;
end
$fn$;`);
    this.addSql(`create trigger "issue_search" after insert or delete or update of "title", "description" on "issue" for each row execute function "issue_search"();`);

    this.addSql(`create function "comment_search"() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'DELETE' then
    delete from "search_document" where "kind" = 'Comment' and "subject_id" = old.id;
    return old;
  end if;
  perform search_put('Comment', new.id, '', new.body);
  return new;
end
$fn$;`);
    this.addSql(`create trigger "comment_search" after insert or delete or update of "body" on "comment" for each row execute function "comment_search"();`);

    this.addSql(`create function "proposal_search"() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'DELETE' then
    delete from "search_document" where "kind" = 'Proposal' and "subject_id" = old.id;
    return old;
  end if;
  perform search_put('Proposal', new.id, new.title, concat_ws(chr(10), new.current_policy, new.proposed_policy, new.rationale, new.expected_impact));
  return new;
end
$fn$;`);
    this.addSql(`create trigger "proposal_search" after insert or delete or update of "title", "current_policy", "proposed_policy", "rationale", "expected_impact" on "proposal" for each row execute function "proposal_search"();`);

    // A policy's document: its title and the text of its current version (written in either order).
    this.addSql(`create function "policy_search"() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'DELETE' then
    delete from "search_document" where "kind" = 'Policy' and "subject_id" = old.id;
    return old;
  end if;
  perform search_put('Policy', new.id, new.title, (select v.text from "policy_version" v where v.policy_id = new.id and v.version = new.current_version));
  return new;
end
$fn$;`);
    this.addSql(`create trigger "policy_search" after insert or delete or update of "title", "current_version" on "policy" for each row execute function "policy_search"();`);
    this.addSql(`create function "policy_version_search"() returns trigger language plpgsql as $fn$
begin
  perform search_put('Policy', p.id, p.title, new.text) from "policy" p where p.id = new.policy_id and p.current_version = new.version;
  return new;
end
$fn$;`);
    this.addSql(`create trigger "policy_version_search" after insert or update of "text" on "policy_version" for each row execute function "policy_version_search"();`);

    // What is there already.
    this.addSql(`select search_put('Issue', i.id, i.title, i.description) from "issue" i;`);
    this.addSql(`select search_put('Comment', c.id, '', c.body) from "comment" c;`);
    this.addSql(`select search_put('Proposal', p.id, p.title, concat_ws(chr(10), p.current_policy, p.proposed_policy, p.rationale, p.expected_impact)) from "proposal" p;`);
    this.addSql(`select search_put('Policy', p.id, p.title, v.text) from "policy" p left join "policy_version" v on v.policy_id = p.id and v.version = p.current_version;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "policy_version_search" on "policy_version";`);
    this.addSql(`drop trigger if exists "policy_search" on "policy";`);
    this.addSql(`drop trigger if exists "proposal_search" on "proposal";`);
    this.addSql(`drop trigger if exists "comment_search" on "comment";`);
    this.addSql(`drop trigger if exists "issue_search" on "issue";`);
    this.addSql(`drop function if exists "policy_version_search"(), "policy_search"(), "proposal_search"(), "comment_search"(), "issue_search"();`);
    this.addSql(`drop function if exists "search_put"(text, text, text, text), "search_vector"(text, text), "search_words"(text);`);
    this.addSql(`drop table if exists "search_document";`);
  }

}
