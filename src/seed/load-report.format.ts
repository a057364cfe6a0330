import type { SeedLoadReport } from "../neo4j/seed-loader.js";

/** Renders a load report as the lines the seed command prints: changes, then counts per kind and type. */
export function formatLoadReport(report: SeedLoadReport, options: { reset: boolean }): string {
  const c = report.counters;
  const lines = [
    `Loaded in ${Math.round(report.durationMs)} ms${options.reset ? " (after removing the previous graph)" : ""}.`,
    `Changes: ${c.nodesCreated} nodes created, ${c.nodesDeleted} deleted; ${c.relationshipsCreated} relationships created, ${c.relationshipsDeleted} deleted; ${c.labelsAdded} labels added, ${c.labelsRemoved} removed; ${c.propertiesSet} properties set.`,
    `The graph now holds ${report.counts.concepts} concepts, ${report.counts.relations} relations, ${report.counts.evidence} evidence records and ${report.counts.sources} sources.`,
    "Concepts per kind:",
    ...Object.entries(report.counts.conceptsByKind).map(([k, n]) => `  ${k.padEnd(20)} ${String(n).padStart(5)}`),
    "Relations per type:",
    ...Object.entries(report.counts.relationsByType).map(([t, n]) => `  ${t.padEnd(20)} ${String(n).padStart(5)}`),
  ];
  if (report.conceptsNotInSeed > 0) {
    lines.push(`Note: ${report.conceptsNotInSeed} concept(s) in the database are not in the seed; run with --reset to remove them.`);
  }
  return lines.join("\n");
}
