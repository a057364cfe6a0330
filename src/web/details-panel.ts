import { conceptDetails, relationDetails, type EvidenceDetails } from "./api.js";
import { h } from "./dom.js";
import { agentTypeWords, kindStyle, knowledgeLevelWords, relationLabel } from "./vocabulary-style.js";

export interface DetailActions {
  focus(id: string): void;
  expand(id: string): void;
  collapse(id: string): void;
  explain(id: string): void;
  isExpanded(id: string): boolean;
}

const EXPLAINABLE = new Set(["SYMPTOM", "CONDITION"]);

/** The passage a claim rests on, highlighted inside its paragraph; null when the service lacks the text. */
export function passageFigure(evidence: EvidenceDetails): HTMLElement {
  const context = evidence.locator.context;
  if (context === undefined || context === null) {
    return h("p", { class: "no-passage" }, `The service does not hold this source's text, so the passage (characters ${evidence.locator.start}–${evidence.locator.end}) cannot be shown.`);
  }
  return h(
    "figure",
    { class: "passage" },
    h("blockquote", {}, h("p", {}, context.before, h("mark", { class: "quote" }, context.quote), context.after)),
    h("figcaption", {}, `${evidence.source.title}, section “${evidence.locator.section.label}”, characters ${evidence.locator.start}–${evidence.locator.end}`),
  );
}

/** One evidence record in plain words: the claim, where it comes from, how sure, who linked it, and the passage. */
export function evidenceArticle(evidence: EvidenceDetails): HTMLElement {
  return h(
    "article",
    { class: "evidence", "data-evidence": evidence.id },
    h("p", { class: "claim" }, evidence.claim),
    h(
      "dl",
      {},
      h("dt", {}, "Source"),
      h("dd", {}, evidence.source.title, evidence.citedSource !== null ? `, citing ${evidence.citedSource.title}` : ""),
      h("dt", {}, "Section"),
      h("dd", {}, evidence.locator.section.label),
      h("dt", {}, "How the source says it"),
      h("dd", {}, knowledgeLevelWords(evidence.knowledgeLevel)),
      h("dt", {}, "Who made this link"),
      h("dd", {}, agentTypeWords(evidence.agentType)),
    ),
    passageFigure(evidence),
  );
}

/** Fills the details panel for a concept or a link; shows a hint when nothing is selected. */
export async function renderDetails(container: HTMLElement, selected: { id: string; isNode: boolean } | null, actions: DetailActions): Promise<void> {
  if (selected === null) {
    container.replaceChildren(
      h("h2", {}, "Details"),
      h("p", {}, "Choose a concept or a link in the drawing or in the text view to see what it is and the evidence for it."),
    );
    return;
  }
  container.replaceChildren(h("h2", {}, "Details"), h("p", {}, "Loading…"));
  try {
    if (selected.isNode) {
      const c = await conceptDetails(selected.id);
      const style = kindStyle(c.kind);
      const parts: (Node | null)[] = [
        h("h2", {}, c.name),
        h("p", { class: "kind" }, `${style.label} · Biolink category ${c.biolinkCategory}`),
        h("p", {}, c.summary),
        c.synonyms.length > 0 ? h("p", {}, h("strong", {}, "Also called: "), c.synonyms.join(", ")) : null,
        c.xrefs.length > 0
          ? h(
              "div",
              {},
              h("h3", {}, "Standard identifiers"),
              h("ul", {}, ...c.xrefs.map((x) => h("li", {}, h("a", { href: x.url, target: "_blank", rel: "noopener noreferrer" }, x.curie), ` (${x.vocabulary}, ${x.match.toLowerCase()} match)`))),
            )
          : null,
        h(
          "div",
          { class: "actions" },
          h("button", { type: "button", onclick: () => actions.focus(c.id) }, "Centre on this"),
          actions.isExpanded(c.id)
            ? h("button", { type: "button", onclick: () => actions.collapse(c.id) }, "Collapse")
            : h("button", { type: "button", onclick: () => actions.expand(c.id) }, "Expand neighbours"),
          EXPLAINABLE.has(c.kind) ? h("button", { type: "button", onclick: () => actions.explain(c.id) }, "Why does it happen?") : null,
        ),
      ];
      container.replaceChildren(...parts.filter((p) => p !== null));
    } else {
      const r = await relationDetails(selected.id);
      container.replaceChildren(
        h("h2", {}, `${r.from.name} ${relationLabel(r.type)} ${r.to.name}`),
        h("p", { class: "kind" }, `Link type ${relationLabel(r.type)} · Biolink predicate ${r.biolinkPredicate}`),
        ...Object.entries(r.qualifiers)
          .filter(([, v]) => v !== null)
          .map(([k, v]) => h("p", { class: "qualifier" }, `${k.replace(/([A-Z])/g, " $1").toLowerCase()}: ${String(v).toLowerCase().replace(/_/g, " ")}`)),
        h("h3", {}, `Evidence (${r.evidence.length})`),
        ...r.evidence.map(evidenceArticle),
      );
    }
  } catch (error) {
    container.replaceChildren(h("h2", {}, "Details"), h("p", { role: "alert" }, `Could not load the details: ${error instanceof Error ? error.message : String(error)}`));
  }
}
