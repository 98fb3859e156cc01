/**
 * The featured keys (featured-keys.ts) as they arrive from the sync area or IndexedDB, checked once
 * (everything that crosses a boundary is validated). The bounds only refuse garbage: a year of weekly issues is about 50 records.
 */
import * as v from 'valibot';
import { mergeFeaturedKeys, type FeaturedIssueKeys } from './featured-keys.ts';
import { HLC_PATTERN } from './hlc.ts';
import { LINK_HASH_LENGTH } from './link-hash.ts';
import { LIMITS, isoDateTime, strictPlainObject, validateShape, type ValidationResult } from './schema.ts';

export const MAX_FEATURED_ISSUES = 5_000;

const links = v.pipe(
  v.string(),
  v.regex(new RegExp(`^(?:[A-Za-z0-9_-]{${LINK_HASH_LENGTH}})*$`), 'expected link fingerprints of 8 base64url characters each'),
  v.maxLength(LINK_HASH_LENGTH * LIMITS.items),
);

const sectionKeys = strictPlainObject({ name: v.pipe(v.string(), v.maxLength(LIMITS.sectionName)), links });

const issueKeys = strictPlainObject({
  issueId: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id)),
  number: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
  publishedAt: v.nullable(isoDateTime('When the issue was marked published.')),
  at: v.pipe(v.string(), v.regex(HLC_PATTERN, 'expected a hybrid logical clock')),
  sections: v.pipe(v.array(sectionKeys), v.maxLength(LIMITS.sections)),
  removed: v.optional(v.literal(true)),
});

const featuredKeysSchema = v.pipe(v.array(issueKeys), v.maxLength(MAX_FEATURED_ISSUES));

/** Checked, and in canonical form: one record per issue, sorted by issue id. */
export function parseFeaturedKeys(input: unknown, rootPath = 'featured'): ValidationResult<FeaturedIssueKeys[]> {
  const shape = validateShape(featuredKeysSchema, input, rootPath);
  if (!shape.ok) return shape;
  return { ok: true, value: mergeFeaturedKeys(shape.value, []) };
}
