import { z } from "zod";
import { CONCEPT_KINDS } from "./concept-kind.js";
import { XREF_MATCHES } from "./cross-reference.js";
import { AGENT_TYPES, KNOWLEDGE_LEVELS } from "./evidence.js";
import { SOURCE_KINDS, TREATMENT_MODALITIES, WARNING_URGENCIES } from "./knowledge-graph.model.js";
import { FREQUENCIES, ONSETS, SEVERITIES, SYMPTOM_CONTEXTS } from "./qualifier.js";
import { RELATION_TYPES } from "./relation-type.js";
import { seedIdSchema, seedTextSchema } from "./seed-fields.js";
import { tourFileSchema } from "./tour-schema.js";

/**
 * Shapes of the human-edited seed files. Objects are strict so that a misspelt field is reported
 * instead of silently ignored; cross-entry rules live in seed-validator.ts.
 */

const id = seedIdSchema;
const text = seedTextSchema;

export const spanSchema = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .refine(([start, end]) => start < end, "span start must be before its end");

const sectionSchema = z.strictObject({
  id,
  heading: z.string().min(1).nullable(),
  label: text(200).optional(),
  span: spanSchema,
});

export const sourceEntrySchema = z.strictObject({
  id,
  kind: z.enum(SOURCE_KINDS),
  title: text(300),
  description: text(1000),
  citedBy: id.optional(),
  textFile: z.string().regex(/^[\w.-]+$/, "must be a plain file name inside the sources folder").optional(),
  length: z.number().int().positive().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be a lower-case hex SHA-256").optional(),
  sections: z.array(sectionSchema).optional(),
});

const locatorFields = {
  source: id,
  section: id,
  span: spanSchema,
};

const mentionSchema = z.strictObject(locatorFields);

const xrefSchema = z.strictObject({
  curie: z.string().min(3),
  match: z.enum(XREF_MATCHES),
});

export const conceptEntrySchema = z.strictObject({
  id,
  kind: z.enum(CONCEPT_KINDS),
  name: text(200),
  synonyms: z.array(text(200)).default([]),
  summary: text(1000),
  xrefs: z.array(xrefSchema).default([]),
  mentions: z.array(mentionSchema).min(1, "every concept needs at least one mention in a source"),
  modality: z.enum(TREATMENT_MODALITIES).optional(),
  urgency: z.enum(WARNING_URGENCIES).optional(),
});

const qualifiersSchema = z.strictObject({
  context: z.enum(SYMPTOM_CONTEXTS).optional(),
  frequency: z.enum(FREQUENCIES).optional(),
  onset: z.enum(ONSETS).optional(),
  severity: z.enum(SEVERITIES).optional(),
  appliesWhen: text(300).optional(),
  timing: text(300).optional(),
});

const evidenceSchema = z.strictObject({
  ...locatorFields,
  citedSource: id.optional(),
  claim: text(500),
  knowledgeLevel: z.enum(KNOWLEDGE_LEVELS),
  agentType: z.enum(AGENT_TYPES),
});

export const relationEntrySchema = z.strictObject({
  id,
  type: z.enum(RELATION_TYPES),
  from: id,
  to: id,
  qualifiers: qualifiersSchema.default({}),
  evidence: z.array(evidenceSchema).min(1, "every relation needs at least one evidence record"),
});

export const SEED_FILE_KINDS = ["sources", "concepts", "relations", "tours"] as const;
export type SeedFileKind = (typeof SEED_FILE_KINDS)[number];

/** The top-level schema of each seed file kind: one key holding the list of entries. */
export const seedFileSchemas = {
  sources: z.strictObject({ sources: z.array(sourceEntrySchema) }),
  concepts: z.strictObject({ concepts: z.array(conceptEntrySchema) }),
  relations: z.strictObject({ relations: z.array(relationEntrySchema) }),
  tours: tourFileSchema,
} as const;

export type SourceEntry = z.infer<typeof sourceEntrySchema>;
export type ConceptEntry = z.infer<typeof conceptEntrySchema>;
export type RelationEntry = z.infer<typeof relationEntrySchema>;
