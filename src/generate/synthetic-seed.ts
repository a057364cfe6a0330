import { createHash } from "node:crypto";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { ConceptKind } from "../domain/concept-kind.js";
import type { ConceptEntry, RelationEntry, SourceEntry } from "../domain/seed-schema.js";
import type { GraphShape, LinkPattern } from "./graph-shape.js";

/** A generated dataset: its seed entries and the synthetic source text its locators point into. */
export interface SyntheticSeed {
  readonly dataset: string;
  readonly sourceFileName: string;
  readonly sourceText: string;
  readonly sources: readonly SourceEntry[];
  readonly concepts: readonly ConceptEntry[];
  readonly relations: readonly RelationEntry[];
}

export interface GenerateOptions {
  /** How many concepts to generate (at least 10). */
  readonly concepts: number;
  /** The PRNG seed: the same seed and size always give the same bytes. */
  readonly seed: number;
}

const SOURCE_ID = "synthetic-corpus";
const SECTION_COUNT = 20;
const SENTENCES_PER_SECTION = 50;
// Words of the synthetic source text; claims use other words, so no claim repeats a run of the source.
const TEXT_WORDS = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod", "tempor"];
// Preferential attachment: each endpoint use adds a ticket, so busy concepts attract more links (hubs, as in the curated graph).
const BASE_TICKETS = 1;

/**
 * Generates a valid seed of `concepts` concepts shaped like the template: the same kind mix, link
 * patterns per concept, evidence per relation and provenance mix, with a hub-heavy degree
 * distribution from preferential attachment. Deterministic for a given shape, size and seed.
 */
export function generateSyntheticSeed(shape: GraphShape, options: GenerateOptions): SyntheticSeed {
  if (!Number.isInteger(options.concepts) || options.concepts < 10) throw new RangeError("concepts must be a whole number of at least 10");
  const rng = xoroshiro128plus(options.seed);
  const pick = (n: number): number => uniformInt(rng, 0, n - 1);
  const { text, sections, sentenceSpans } = syntheticText();
  const sectionOf = (i: number) => sections[Math.floor(i / SENTENCES_PER_SECTION)]!;
  const locator = () => {
    const i = pick(sentenceSpans.length);
    return { source: SOURCE_ID, section: sectionOf(i).id, span: sentenceSpans[i]! };
  };

  const idsByKind = new Map<ConceptKind, string[]>();
  const concepts: ConceptEntry[] = [];
  let index = 0;
  for (const [kind, share] of shape.kindShares) {
    const count = Math.max(1, Math.round(share * options.concepts));
    const ids: string[] = [];
    for (let k = 0; k < count; k++, index++) {
      const id = `gen-${kind.replace(/_/g, "-")}-${String(index).padStart(7, "0")}`;
      ids.push(id);
      concepts.push({
        id,
        kind,
        name: `Generated ${kind.replace(/_/g, " ")} ${index}`,
        synonyms: [`synthetic ${kind.replace(/_/g, " ")} number ${index}`],
        summary: `A made-up ${kind.replace(/_/g, " ")} used to measure the service at scale.`,
        xrefs: shape.xrefPool.length > 0 && pick(1000) < shape.xrefShare * 1000 ? [{ ...shape.xrefPool[pick(shape.xrefPool.length)]!, match: "related" as const }] : [],
        mentions: [locator()],
        ...(kind === "treatment" ? { modality: "self_care" as const } : {}),
        ...(kind === "warning_sign" ? { urgency: "prompt" as const } : {}),
      });
    }
    idsByKind.set(kind, ids);
  }

  const tickets = new Map<ConceptKind, string[]>([...idsByKind].map(([kind, ids]) => [kind, ids.flatMap((id) => Array<string>(BASE_TICKETS).fill(id))]));
  const drawEndpoint = (kind: ConceptKind): string | undefined => {
    const pool = tickets.get(kind);
    return pool === undefined || pool.length === 0 ? undefined : pool[pick(pool.length)];
  };

  const relations: RelationEntry[] = [];
  const seen = new Set<string>();
  for (const pattern of shape.links) {
    const wanted = Math.round(pattern.perConcept * options.concepts);
    // A bounded number of draws: small kinds may not have room for every wanted pair.
    for (let made = 0, tries = 0; made < wanted && tries < wanted * 4; tries++) {
      const relation = drawRelation(pattern, drawEndpoint, seen, relations.length, shape, pick, locator);
      if (relation === null) continue;
      relations.push(relation);
      tickets.get(pattern.fromKind)?.push(relation.from);
      tickets.get(pattern.toKind)?.push(relation.to);
      made++;
    }
  }

  const dataset = `synthetic-${options.concepts}-${options.seed}`;
  const sourceFileName = `${dataset}.txt`;
  const sources: SourceEntry[] = [
    {
      id: SOURCE_ID,
      kind: "article",
      title: "Synthetic corpus for scale tests",
      description: "Generated filler text that the generated evidence points into; it states nothing.",
      textFile: sourceFileName,
      length: text.length,
      sha256: createHash("sha256").update(text, "utf8").digest("hex"),
      sections,
    },
  ];
  return { dataset, sourceFileName, sourceText: text, sources, concepts, relations };
}

function drawRelation(
  pattern: LinkPattern,
  drawEndpoint: (kind: ConceptKind) => string | undefined,
  seen: Set<string>,
  serial: number,
  shape: GraphShape,
  pick: (n: number) => number,
  locator: () => { source: string; section: string; span: [number, number] },
): RelationEntry | null {
  const from = drawEndpoint(pattern.fromKind);
  const to = drawEndpoint(pattern.toKind);
  if (from === undefined || to === undefined || from === to) return null;
  const key = `${from}|${pattern.type}|${to}`;
  if (seen.has(key)) return null;
  seen.add(key);
  const evidenceCount = Math.max(1, shape.evidenceCounts[pick(shape.evidenceCounts.length)] ?? 1);
  return {
    id: `gen-rel-${String(serial).padStart(8, "0")}`,
    type: pattern.type,
    from,
    to,
    qualifiers: {},
    evidence: Array.from({ length: evidenceCount }, (_, i) => {
      const provenance = shape.provenance[pick(shape.provenance.length)] ?? { knowledgeLevel: "not_provided" as const, agentType: "not_provided" as const };
      return {
        ...locator(),
        claim: `Generated statement ${i + 1}: ${from} ${pattern.type.toLowerCase()} ${to}.`,
        knowledgeLevel: provenance.knowledgeLevel,
        agentType: provenance.agentType,
      };
    }),
  };
}

/** Filler text in sections of numbered sentences, with the span of every sentence. */
function syntheticText(): { text: string; sections: { id: string; heading: string; span: [number, number] }[]; sentenceSpans: [number, number][] } {
  let text = "";
  const sections: { id: string; heading: string; span: [number, number] }[] = [];
  const sentenceSpans: [number, number][] = [];
  for (let s = 0; s < SECTION_COUNT; s++) {
    if (s > 0) text += "\n\n";
    const sectionStart = text.length;
    text += `Part ${s + 1}\n`;
    for (let k = 0; k < SENTENCES_PER_SECTION; k++) {
      if (k > 0) text += " ";
      const n = s * SENTENCES_PER_SECTION + k;
      const words = Array.from({ length: 6 }, (_, w) => TEXT_WORDS[(n * 7 + w * 5) % TEXT_WORDS.length]);
      const start = text.length;
      text += `Line ${n} ${words.join(" ")}.`;
      sentenceSpans.push([start, text.length]);
    }
    sections.push({ id: `part-${s + 1}`, heading: `Part ${s + 1}`, span: [sectionStart, text.length] });
  }
  return { text, sections, sentenceSpans };
}
