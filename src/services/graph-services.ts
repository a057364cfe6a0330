import type { Caller } from "../auth/roles.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { CurationService, type CurationDeps } from "./curation.service.js";
import { ConceptCatalogService } from "./concept-catalog.service.js";
import { ExplainService } from "./explain.service.js";
import { NeighborhoodService } from "./neighborhood.service.js";
import { PassageService } from "./passage.service.js";
import { PathwayService } from "./pathway.service.js";
import { once } from "./lazy-value.js";
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
 * Builds the services for one request, each on first use; cheap, so each request gets fresh loaders and no
 * shared cache. `caller` is who sent the request (writes check its role); `readPlans` whether planned roots
 * read in one plan.
 */
export function createGraphServices(store: KnowledgeStore, texts: SourceTexts, curation: CurationDeps, caller: Caller, readPlans = true): GraphServices {
  const loaders = createRequestLoaders(store);
  const catalog = once(() => new ConceptCatalogService(store, loaders));
  const search = once(() => new SearchService(store, loaders));
  const pathways = once(() => new PathwayService(store, loaders));
  const neighborhood = once(() => new NeighborhoodService(store, loaders));
  const explain = once(() => new ExplainService(store, loaders, catalog()));
  const sources = once(() => new SourceService(store, loaders));
  const passages = once(() => new PassageService(loaders, texts));
  const tours = once(() => new TourService(store, catalog(), loaders));
  const subgraphExports = once(() => new SubgraphExportService(store, loaders));
  const curationService = once(() => new CurationService(curation, store, loaders, caller));
  return {
    store,
    readPlans,
    loaders,
    get catalog() {
      return catalog();
    },
    get search() {
      return search();
    },
    get pathways() {
      return pathways();
    },
    get neighborhood() {
      return neighborhood();
    },
    get explain() {
      return explain();
    },
    get sources() {
      return sources();
    },
    get passages() {
      return passages();
    },
    get tours() {
      return tours();
    },
    get subgraphExports() {
      return subgraphExports();
    },
    get curation() {
      return curationService();
    },
  };
}
