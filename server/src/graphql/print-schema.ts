// `pnpm schema`: writes the server's schema as SDL to web/schema.graphql, which the web's
// typed operations (gql.tada) are checked against. A test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from './schema.js';

export const schemaFile = fileURLToPath(new URL('../../../web/schema.graphql', import.meta.url));

export function printedSchema(): string {
  return printSchema(schema) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(schemaFile, printedSchema());
  console.log(`wrote ${schemaFile}`);
}
