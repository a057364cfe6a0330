import type { ImportSummary } from "../tools/neo4j/neo4j-server.js";
import type { ServeCheck } from "./import-serve-check.js";
import { sizeLabel } from "./scale-report.js";

/** Everything measured for one size of the offline import. */
export interface ImportSizeResult {
  readonly size: number;
  readonly relations: number;
  readonly evidence: number;
  readonly generateSeconds: number;
  /** (a) building the tables and writing the CSV files. */
  readonly csv: { readonly seconds: number; readonly bytes: number; readonly rows: number };
  /** (b) `neo4j-admin database import full`, JVM start to exit; what it says it wrote. */
  readonly import: { readonly seconds: number } & ImportSummary;
  /** (c) starting Neo4j on the store, creating the schema and waiting for every index to come online. */
  readonly servable: { readonly seconds: number; readonly startSeconds: number; readonly schemaSeconds: number };
  /** (d) what readGraphCounts found, and whether it is the generated graph's. */
  readonly counts: { readonly concepts: number; readonly relations: number; readonly evidence: number; readonly match: boolean };
  readonly served: ServeCheck;
  /** 1, 5 and 15 minute load averages when the size started and when it ended. */
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
}

/** One run of the offline import bench, with the memory settings it ran under. */
export interface ImportRun {
  readonly machine: string;
  readonly date: string;
  readonly seed: number;
  readonly importerHeap: string;
  readonly importerOffHeap: string;
  readonly neo4jHeap: string;
  readonly pageCache: string;
  readonly sizes: ImportSizeResult[];
}

const n = (x: number, digits = 1): string => x.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const loads = (l: readonly number[]): string => l.map((x) => x.toFixed(1)).join(" / ");

/** The file name (without .json) of a run's raw figures in bench/results/, by its start time, so two runs of one day both stay. */
export function importRawName(date: string): string {
  return `import-${date.replace(/[:.]/g, "-")}`;
}

/** The run as a bench/RESULTS.md section: method, one table of times and rates, checks and load averages. */
export function renderImport(run: ImportRun): string {
  const lines = [
    `## ${run.date.slice(0, 10)} offline import`,
    "",
    `Machine: ${run.machine}. \`npm run bench:import -- --sizes ${run.sizes.map((s) => s.size).join(",")}\` (raw figures: bench/results/${importRawName(run.date)}.json): each size generated (seed ${run.seed}) and validated as bench:scale does, written as neo4j-admin CSV by the export code (in pieces of 20,000 rows), imported with \`neo4j-admin database import full\` (Neo4j 5.26 jars, importer heap ${run.importerHeap}, --max-off-heap-memory=${run.importerOffHeap}) into a fresh Neo4j home, then served: Neo4j started on the store (heap ${run.neo4jHeap}, page cache ${run.pageCache}), the schema the loader applies (schema/*.cypher) created and \`db.awaitIndexes\` waited for. *Servable* is import + start + schema + indexes.`,
    "",
    "| concepts | relations | relationships (all types) | CSV write s | import s | start + schema + indexes s | relations/s, import | relationships/s, import | relations/s, servable | relationships/s, servable |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const s of run.sizes) {
    const servable = s.import.seconds + s.servable.seconds;
    lines.push(
      `| ${sizeLabel(s.size)} | ${s.relations} | ${s.import.relationships} | ${n(s.csv.seconds)} | ${n(s.import.seconds)} | ${n(s.servable.seconds)} (start ${n(s.servable.startSeconds)}, schema ${n(s.servable.schemaSeconds)}) | ${n(s.relations / s.import.seconds, 0)} | ${n(s.import.relationships / s.import.seconds, 0)} | ${n(s.relations / servable, 0)} | ${n(s.import.relationships / servable, 0)} |`,
    );
  }
  lines.push("", "| concepts | generate + validate s | CSV MB | imported nodes / properties | importer peak memory | counts (concepts, relations, evidence) | concept lookups through the API | load average before → after (1 / 5 / 15 min) |", "|---|---|---|---|---|---|---|---|");
  for (const s of run.sizes) {
    const c = s.counts;
    lines.push(
      `| ${sizeLabel(s.size)} | ${n(s.generateSeconds)} | ${n(s.csv.bytes / 2 ** 20, 0)} | ${s.import.nodes} / ${s.import.properties} | ${s.import.peakMemory ?? "–"} | ${c.concepts}, ${c.relations}, ${c.evidence}: ${c.match ? "as generated" : "DIFFERENT from the generated graph"} | ${s.served.matched} of ${s.served.asked} as generated (API ready in ${n(s.served.apiStartSeconds)} s)${s.served.firstMismatch === null ? "" : `; first mismatch ${s.served.firstMismatch}`} | ${loads(s.loadBefore)} → ${loads(s.loadAfter)} |`,
    );
  }
  return lines.join("\n");
}
