import { z } from "zod";

/** Field shapes shared by every kind of seed entry. */

/** Lower-case kebab-case, the form of every id in the seed. */
export const SEED_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An entry id or a reference to one. */
export const seedIdSchema = z.string().regex(SEED_ID_PATTERN, "must be lower-case kebab-case, e.g. disc-dislodgement");

/** A trimmed, non-empty text of at most `max` characters. */
export const seedTextSchema = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
