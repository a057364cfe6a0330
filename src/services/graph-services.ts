import type { Caller } from "../auth/roles.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { CurationService, type CurationDeps } from "./curation.service.js";
import { ConceptCatalogService } from "./concept-catalog.service.js";
import { ExplainService } from "./explain.service.js";
import { NeighborhoodService } from "./neighborhood.service.js";
import { PassageService } from "./passage.service.js";
import { PathwayService } from "./pathway.service.js";
import { createRequestLoaders, type RequestLoaders } from "./request-loaders.js";
import { SearchService } from "./search.service.js";
import { SourceService } from "./source.service.js";
import { SubgraphExportService } from "./subgraph-export.service.js";
import type { SourceTexts } from "./source-texts.port.js";
import { TourService } from "./tour.service.js";

/** Everything a request needs to answer queries: the per-request loaders and the services over them. */
export interface GraphServices {
  readonly store: KnowledgeStore;
  /** Whether planned root fields are read in one plan (READ_PLANS); when false every field takes the loader path. */
  readonly readPlans: boolean;
  readonly loaders: RequestLoaders;
  readonly catalog: ConceptCatalogService;
  readonly search: SearchService;
  readonly pathways: PathwayService;
  readonly neighborhood: NeighborhoodService;
  readonly explain: ExplainService;
  readonly sources: SourceService;
  readonly passages: PassageService;
  readonly tours: TourService;
  readonly subgraphExports: SubgraphExportService;
  readonly curation: CurationService;
}

/**
 * Builds the services for one request; cheap, so each request gets fresh loaders and no shared cache.
 * `caller` is who sent the request (writes check its role); `readPlans` whether planned roots read in one plan.
 */
export function createGraphServices(store: KnowledgeStore, texts: SourceTexts, curation: CurationDeps, caller: Caller, readPlans = true): GraphServices {
  const loaders = createRequestLoaders(store);
  const catalog = new ConceptCatalogService(store, loaders);
  return {
    store,
    readPlans,
    loaders,
    catalog,
    search: new SearchService(store, loaders),
    pathways: new PathwayService(store, loaders),
    neighborhood: new NeighborhoodService(store, loaders),
    explain: new ExplainService(store, loaders, catalog),
    sources: new SourceService(store, loaders),
    passages: new PassageService(loaders, texts),
    tours: new TourService(store, catalog, loaders),
    subgraphExports: new SubgraphExportService(store, loaders),
    curation: new CurationService(curation, store, loaders, caller),
  };
}
