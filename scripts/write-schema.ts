/**
 * `npm run schema`: writes the published JSON Schemas of the portable format (schema/*.json)
 * from the valibot schemas that parse it, so the two cannot disagree. A unit test
 * (src/core/schema.test.ts) fails when the committed files differ from what this generates.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import type { JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { PORTABLE_FORMAT_VERSION, backupFileSchema, issueFileSchema } from '../src/core/portable.ts';
import { issueSchema, itemSchema, sectionSchema, settingsSchema } from '../src/core/schema.ts';

const SCHEMA_BASE_URL = 'https://roundup.invalid/schema/';

interface PublishedSchema {
  fileName: string;
  title: string;
  description: string;
  schema: v.GenericSchema;
  /** Named definitions keep the file readable and let other schemas point at `#/$defs/item`. */
  definitions: Record<string, v.GenericSchema>;
}

const issueDefinitions = { issue: issueSchema, section: sectionSchema, item: itemSchema };

export const PUBLISHED_SCHEMAS: PublishedSchema[] = [
  {
    fileName: `roundup-issue.v${PORTABLE_FORMAT_VERSION}.schema.json`,
    title: 'Roundup issue file',
    description: 'One newsletter issue exported from Roundup: its sections and items, in order by position key.',
    schema: issueFileSchema,
    definitions: issueDefinitions,
  },
  {
    fileName: `roundup-backup.v${PORTABLE_FORMAT_VERSION}.schema.json`,
    title: 'Roundup backup file',
    description: 'A full Roundup backup: the settings and every issue.',
    schema: backupFileSchema,
    definitions: { settings: settingsSchema, ...issueDefinitions },
  },
];

export function buildJsonSchema({ fileName, title, description, schema, definitions }: PublishedSchema): JsonSchema {
  const generated = toJsonSchema(schema, {
    target: 'draft-2020-12',
    definitions,
    // Object schemas are piped behind a "not an array" guard; the object schema is the shape.
    typeMode: 'output',
    // Cross-field and key-validity checks (isPositionKey) have no JSON Schema form; the pattern
    // and length bounds next to them still describe the shape.
    ignoreActions: ['check'],
    errorMode: 'throw',
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `${SCHEMA_BASE_URL}${fileName}`,
    title,
    description: `${description} Ids must be unique within their issue, and every item's sectionId must name a section of the same issue; a validator of this schema does not check that.`,
    ...rest,
  };
}

export function renderJsonSchemaFile(published: PublishedSchema): string {
  return `${JSON.stringify(buildJsonSchema(published), null, 2)}\n`;
}

export const SCHEMA_DIRECTORY = fileURLToPath(new URL('../schema/', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const published of PUBLISHED_SCHEMAS) {
    writeFileSync(`${SCHEMA_DIRECTORY}${published.fileName}`, renderJsonSchemaFile(published));
    process.stdout.write(`wrote schema/${published.fileName}\n`);
  }
}
