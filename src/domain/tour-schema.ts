import { z } from "zod";
import { seedIdSchema, seedTextSchema } from "./seed-fields.js";

/**
 * Shape of `tours*.yaml`. Strict like the other seed files, so a misspelt field is reported; the
 * references to concepts and relations are checked in tour-validator.ts.
 */

/** Most steps a tour may have: a classroom story, not a dump of the graph. */
export const MAX_TOUR_STEPS = 30;
/** Most concepts or relations one step may highlight. */
export const MAX_STEP_HIGHLIGHTS = 20;

const tourStepSchema = z.strictObject({
  title: seedTextSchema(120),
  narrative: seedTextSchema(1200),
  concepts: z.array(seedIdSchema).min(1, "a step must highlight at least one concept").max(MAX_STEP_HIGHLIGHTS),
  relations: z.array(seedIdSchema).max(MAX_STEP_HIGHLIGHTS).default([]),
  focus: seedIdSchema.optional(),
});

export const tourEntrySchema = z.strictObject({
  id: seedIdSchema,
  title: seedTextSchema(120),
  summary: seedTextSchema(600),
  audience: seedTextSchema(120).optional(),
  steps: z.array(tourStepSchema).min(1, "a tour needs at least one step").max(MAX_TOUR_STEPS, `a tour has at most ${MAX_TOUR_STEPS} steps`),
});

/** The whole file: one `tours:` list. */
export const tourFileSchema = z.strictObject({ tours: z.array(tourEntrySchema) });

export type TourEntry = z.infer<typeof tourEntrySchema>;
export type TourStepEntry = TourEntry["steps"][number];
