import { Migration } from '@mikro-orm/migrations';

// Full-text search (issue 11), written by hand: MikroORM derives neither FTS5 tables nor triggers.
// `search_document` holds one row per issue, proposal, comment and policy (kind = its GraphQL
// type), with its title and text folded; `search_fts` indexes it (external content, so its rowid
// is the document's id). Triggers keep both in the transaction that writes the text, whoever
// writes it (services, bulk inserts, merges). unicode61 folds case and diacritics but keeps a few
// letters whole; the triggers spell those out as PostgreSQL's unaccent does, and as the queries
// do (server/src/modules/search/search.text.ts, FOLDED_LETTERS).
const LETTERS: [string, string][] = [
  ['đ', 'd'], ['Đ', 'd'], ['ð', 'd'], ['Ð', 'd'], ['ß', 'ss'], ['ẞ', 'ss'], ['æ', 'ae'], ['Æ', 'ae'],
  ['ø', 'o'], ['Ø', 'o'], ['œ', 'oe'], ['Œ', 'oe'], ['ł', 'l'], ['Ł', 'l'], ['þ', 'th'], ['Þ', 'th'], ['ı', 'i'],
];
const folded = (sql: string) => LETTERS.reduce((inner, [from, to]) => `replace(${inner}, '${from}', '${to}')`, `coalesce(${sql}, '')`);
const proposalText = (row: string) =>
  `${row}.current_policy || char(10) || ${row}.proposed_policy || char(10) || ${row}.rationale || char(10) || coalesce(${row}.expected_impact, '')`;
const policyText = (policyId: string, version: string) =>
  `(select v.text from \`policy_version\` v where v.policy_id = ${policyId} and v.version = ${version})`;

export class Migration20261130154100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`search_document\` (\`id\` integer not null primary key, \`kind\` text not null, \`subject_id\` text not null, \`title\` text not null, \`body\` text not null);`);
    this.addSql(`create unique index \`search_document_subject_id_kind_unique\` on \`search_document\` (\`subject_id\`, \`kind\`);`);
    this.addSql(`create virtual table \`search_fts\` using fts5(title, body, content = 'search_document', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');`);

    // The index follows the documents.
    this.addSql(`create trigger \`search_document_ai\` after insert on \`search_document\` begin
  insert into \`search_fts\` (rowid, title, body) values (new.id, new.title, new.body);
end;`);
    this.addSql(`create trigger \`search_document_ad\` after delete on \`search_document\` begin
  insert into \`search_fts\` (\`search_fts\`, rowid, title, body) values ('delete', old.id, old.title, old.body);
end;`);
    this.addSql(`create trigger \`search_document_au\` after update on \`search_document\` begin
  insert into \`search_fts\` (\`search_fts\`, rowid, title, body) values ('delete', old.id, old.title, old.body);
  insert into \`search_fts\` (rowid, title, body) values (new.id, new.title, new.body);
end;`);

    // The documents follow the texts.
    this.addSql(`create trigger \`issue_search_ai\` after insert on \`issue\` begin
  insert into \`search_document\` (kind, subject_id, title, body) values ('Issue', new.id, ${folded('new.title')}, ${folded('new.description')});
end;`);
    this.addSql(`create trigger \`issue_search_au\` after update of title, description on \`issue\` when old.title is not new.title or old.description is not new.description begin
  update \`search_document\` set title = ${folded('new.title')}, body = ${folded('new.description')} where kind = 'Issue' and subject_id = new.id;
end;`);
    this.addSql(`create trigger \`issue_search_ad\` after delete on \`issue\` begin
  delete from \`search_document\` where kind = 'Issue' and subject_id = old.id;
end;`);

    this.addSql(`create trigger \`comment_search_ai\` after insert on \`comment\` begin
  insert into \`search_document\` (kind, subject_id, title, body) values ('Comment', new.id, '', ${folded('new.body')});
end;`);
    this.addSql(`create trigger \`comment_search_au\` after update of body on \`comment\` when old.body is not new.body begin
  update \`search_document\` set body = ${folded('new.body')} where kind = 'Comment' and subject_id = new.id;
end;`);
    this.addSql(`create trigger \`comment_search_ad\` after delete on \`comment\` begin
  delete from \`search_document\` where kind = 'Comment' and subject_id = old.id;
end;`);

    this.addSql(`create trigger \`proposal_search_ai\` after insert on \`proposal\` begin
  insert into \`search_document\` (kind, subject_id, title, body) values ('Proposal', new.id, ${folded('new.title')}, ${folded(proposalText('new'))});
end;`);
    this.addSql(`create trigger \`proposal_search_au\` after update of title, current_policy, proposed_policy, rationale, expected_impact on \`proposal\` begin
  update \`search_document\` set title = ${folded('new.title')}, body = ${folded(proposalText('new'))} where kind = 'Proposal' and subject_id = new.id;
end;`);
    this.addSql(`create trigger \`proposal_search_ad\` after delete on \`proposal\` begin
  delete from \`search_document\` where kind = 'Proposal' and subject_id = old.id;
end;`);

    // A policy's document: its title and the text of its current version (written in either order).
    this.addSql(`create trigger \`policy_search_ai\` after insert on \`policy\` begin
  insert into \`search_document\` (kind, subject_id, title, body) values ('Policy', new.id, ${folded('new.title')}, ${folded(policyText('new.id', 'new.current_version'))});
end;`);
    this.addSql(`create trigger \`policy_search_au\` after update of title, current_version on \`policy\` begin
  update \`search_document\` set title = ${folded('new.title')}, body = ${folded(policyText('new.id', 'new.current_version'))} where kind = 'Policy' and subject_id = new.id;
end;`);
    this.addSql(`create trigger \`policy_search_ad\` after delete on \`policy\` begin
  delete from \`search_document\` where kind = 'Policy' and subject_id = old.id;
end;`);
    this.addSql(`create trigger \`policy_version_search_ai\` after insert on \`policy_version\` when new.version = (select p.current_version from \`policy\` p where p.id = new.policy_id) begin
  update \`search_document\` set body = ${folded('new.text')} where kind = 'Policy' and subject_id = new.policy_id;
end;`);
    this.addSql(`create trigger \`policy_version_search_au\` after update of text on \`policy_version\` when new.version = (select p.current_version from \`policy\` p where p.id = new.policy_id) begin
  update \`search_document\` set body = ${folded('new.text')} where kind = 'Policy' and subject_id = new.policy_id;
end;`);

    // What is there already.
    this.addSql(`insert into \`search_document\` (kind, subject_id, title, body) select 'Issue', i.id, ${folded('i.title')}, ${folded('i.description')} from \`issue\` i;`);
    this.addSql(`insert into \`search_document\` (kind, subject_id, title, body) select 'Comment', c.id, '', ${folded('c.body')} from \`comment\` c;`);
    this.addSql(`insert into \`search_document\` (kind, subject_id, title, body) select 'Proposal', p.id, ${folded('p.title')}, ${folded(proposalText('p'))} from \`proposal\` p;`);
    this.addSql(`insert into \`search_document\` (kind, subject_id, title, body) select 'Policy', p.id, ${folded('p.title')}, ${folded(policyText('p.id', 'p.current_version'))} from \`policy\` p;`);
  }

}
