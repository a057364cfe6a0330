/** Example operations preloaded as GraphiQL tabs: the questions the graph answers best. */
export const PLAYGROUND_EXAMPLES: readonly { readonly title: string; readonly query: string; readonly variables?: string }[] = [
  {
    title: "Causal chain",
    query: `# From a sports injury to a back spasm: every causal path, with the evidence for each link.
query CausalChain {
  causalPathways(from: "sports-back-injury", to: "back-muscle-spasm", maxHops: 6) {
    truncated
    paths {
      hops
      evidenceCount
      steps {
        from { name }
        relation {
          type
          biolinkPredicate
          evidence { claim locator { start end section { heading label } } source { title } }
        }
        to { name }
      }
    }
  }
}
`,
  },
  {
    title: "Explain a spasm",
    query: `# Why does a back spasm happen, and where does each treatment act?
query ExplainSpasm {
  explain(id: "back-muscle-spasm") {
    target { name }
    chains {
      root { name }
      steps {
        position
        concept { name kind }
        interventions {
          treatment { name modality }
          relation { type }
          target { name }
          viaRelation { type }
        }
      }
    }
  }
}
`,
  },
  {
    title: "Neighbourhood",
    query: `# The concepts around a back spasm, two hops out, ready for Cytoscape.js or D3.
query Neighbourhood {
  neighborhood(id: "back-muscle-spasm", depth: 2, limit: 50) {
    totalNodes
    totalEdges
    nodes { id label kind depth }
    edges { id source target label }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    title: "Search",
    query: `# Full-text search tolerates typos and matches synonyms.
query Search {
  search(text: "muscle relaxnt", first: 5) {
    score
    matchedField
    matchedText
    concept { id name kind }
  }
}
`,
  },
  {
    title: "Condition overview",
    query: `query ConditionOverview {
  concept(id: "back-muscle-spasm") {
    name
    xrefs { curie url match }
    ... on Condition {
      causes { name }
      symptoms(context: AT_REST) { name }
      warningSigns { name urgency }
      treatments { treatment { name } actsOn { target { name } relation { type } } }
    }
  }
}
`,
  },
  {
    title: "Guided tour",
    query: `# A classroom tour, step by step: what to highlight, where to centre, and the evidence to show.
query GuidedTour {
  tours { id title stepCount }
  tour(id: "sports-injury-to-spasm") {
    title
    steps {
      position
      title
      narrative
      focus { id name }
      concepts { id name kind }
      relations { id type from { id } to { id } evidence { claim locator { quote section { label } } } }
    }
  }
}
`,
  },
];
