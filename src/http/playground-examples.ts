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

/**
 * The curation tab: add a relation with evidence, then see it in explain at once. It needs the Neo4j
 * backend and a curator's token in the Headers pane, so it is kept apart from the read examples above
 * (which run as shipped on either backend).
 */
export const PLAYGROUND_CURATION_EXAMPLE: { readonly title: string; readonly query: string; readonly variables: string; readonly headers: string } = {
  title: "Curate: add a relation",
  query: `# Curation needs the Neo4j backend and a curator's token. Open the Headers pane below and replace
# the placeholder with your token, run AddRelation, then run ExplainSpasm: the new link shows at once.
# Every write is checked by the seed validator; a rejected one names the field and changes nothing.
mutation AddRelation($input: AddRelationInput!) {
  addRelation(input: $input) {
    relation { id type version evidenceCount from { name } to { name } evidence { id claim } }
    graphVersion
    change { graphVersion principal operation at }
  }
}

query ExplainSpasm {
  graphVersion
  explain(id: "back-muscle-spasm", limit: 50) { truncated chains { root { id name } steps { concept { name } } } }
}

query History {
  changes(first: 100) { totalCount nodes { graphVersion at principal operation targetIds note reason } }
}
`,
  variables: JSON.stringify(
    {
      input: {
        id: "sport-contributes-to-disc-dislodgement",
        type: "CONTRIBUTES_TO",
        from: "sports-participation",
        to: "disc-dislodgement",
        evidence: [
          {
            locator: { source: "back-spasm-article", section: "introduction", start: 670, end: 821 },
            claim: "Taking part in sport can start the chain of events that ends with a disc out of place.",
            reasoning: "The article counts an acute back injury during sport among the factors that may dislodge a disc, so playing sport is an indirect contributor.",
            knowledgeLevel: "LOGICAL_ENTAILMENT",
            agentType: "MANUAL_AGENT",
          },
        ],
        note: "Tried from the playground.",
      },
    },
    null,
    2,
  ),
  headers: JSON.stringify({ Authorization: "Bearer paste-your-curator-token-here" }, null, 2),
};
