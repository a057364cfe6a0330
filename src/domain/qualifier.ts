/**
 * Qualifiers refine a relation without changing its type. The closed vocabularies keep them
 * filterable; the two free-text qualifiers hold our own wording of a condition or a timing.
 */
export const SYMPTOM_CONTEXTS = ["at_rest", "during_movement", "during_exercise"] as const;
export type SymptomContext = (typeof SYMPTOM_CONTEXTS)[number];

/** How often or how surely the source says the relation holds ("usually", "often", "may"). */
export const FREQUENCIES = ["always", "usually", "often", "possibly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const ONSETS = ["immediate", "sudden", "gradual"] as const;
export type Onset = (typeof ONSETS)[number];

/** "minimal": few or no noticeable symptoms at all. */
export const SEVERITIES = ["minimal", "mild", "intense", "worsening"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** How the condition runs over time: one-off episodes, episodes that come back, or ones that come more and more often. */
export const COURSES = ["isolated_episodes", "recurrent", "increasingly_frequent"] as const;
export type Course = (typeof COURSES)[number];

export interface Qualifiers {
  readonly context?: SymptomContext;
  readonly frequency?: Frequency;
  readonly onset?: Onset;
  readonly severity?: Severity;
  readonly course?: Course;
  /** Our own words: the circumstance under which the relation holds. */
  readonly appliesWhen?: string;
  /** Our own words: when or for how long, for example "until a doctor clears a return to play". */
  readonly timing?: string;
}

export const QUALIFIER_KEYS = ["context", "frequency", "onset", "severity", "course", "appliesWhen", "timing"] as const;
export type QualifierKey = (typeof QUALIFIER_KEYS)[number];

/** The Biolink slot each qualifier is exported as, or null where Biolink has none. */
export const QUALIFIER_BIOLINK_SLOT: Readonly<Record<QualifierKey, string | null>> = {
  context: "biolink:context_qualifier",
  frequency: "biolink:frequency_qualifier",
  onset: "biolink:onset_qualifier",
  severity: "biolink:severity_qualifier",
  course: null,
  appliesWhen: null,
  timing: "biolink:temporal_context_qualifier",
};
