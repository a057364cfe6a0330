import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { ActivityFieldsResolver } from "./resolvers/activity-fields.resolver.js";
import { AnatomyFieldsResolver } from "./resolvers/anatomy-fields.resolver.js";
import { CatalogQueryResolver } from "./resolvers/catalog-query.resolver.js";
import { CauseFieldsResolver } from "./resolvers/cause-fields.resolver.js";
import { ComplicationFieldsResolver } from "./resolvers/complication-fields.resolver.js";
import { ConceptFieldsResolver } from "./resolvers/concept-fields.resolver.js";
import { ConceptQueryResolver } from "./resolvers/concept-query.resolver.js";
import { ConditionFieldsResolver } from "./resolvers/condition-fields.resolver.js";
import { CurationMutationResolver } from "./resolvers/curation-mutation.resolver.js";
import { CurationQueryResolver } from "./resolvers/curation-query.resolver.js";
import { ConceptVersionResolver, RelationVersionResolver } from "./resolvers/version-fields.resolver.js";
import { ExplanationExportResolver, PathSearchExportResolver, SubgraphExportResolver } from "./resolvers/export-fields.resolver.js";
import { GraphQueryResolver } from "./resolvers/graph-query.resolver.js";
import { MechanismFieldsResolver } from "./resolvers/mechanism-fields.resolver.js";
import { PathFieldsResolver } from "./resolvers/path-fields.resolver.js";
import {
  CrossReferenceFieldsResolver,
  EvidenceFieldsResolver,
  LocatorFieldsResolver,
  SourceFieldsResolver,
} from "./resolvers/provenance-fields.resolver.js";
import { RelationFieldsResolver } from "./resolvers/relation-fields.resolver.js";
import { SymptomFieldsResolver } from "./resolvers/symptom-fields.resolver.js";
import { TourFieldsResolver, TourStepFieldsResolver } from "./resolvers/tour-fields.resolver.js";
import { TourQueryResolver } from "./resolvers/tour-query.resolver.js";
import { TreatmentFieldsResolver } from "./resolvers/treatment-fields.resolver.js";
import { WarningSignFieldsResolver } from "./resolvers/warning-sign-fields.resolver.js";
import { CONCEPT_OBJECT_TYPES } from "./types/concept-kinds.types.js";
import { paceResolvers } from "./paced-resolvers.js";
import { usePrefetched } from "./prefetched-resolvers.js";
import { EvidenceHitGql, SourceHitGql } from "./types/record-search-hits.types.js";

let built: Promise<GraphQLSchema> | null = null;

/** Builds the executable schema from the type-graphql classes (once per process). */
export function buildGraphSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      ConceptQueryResolver,
      GraphQueryResolver,
      SubgraphExportResolver,
      PathSearchExportResolver,
      ExplanationExportResolver,
      CatalogQueryResolver,
      ConceptFieldsResolver,
      ConditionFieldsResolver,
      CauseFieldsResolver,
      MechanismFieldsResolver,
      SymptomFieldsResolver,
      TreatmentFieldsResolver,
      AnatomyFieldsResolver,
      WarningSignFieldsResolver,
      ActivityFieldsResolver,
      ComplicationFieldsResolver,
      RelationFieldsResolver,
      EvidenceFieldsResolver,
      LocatorFieldsResolver,
      SourceFieldsResolver,
      CrossReferenceFieldsResolver,
      PathFieldsResolver,
      TourQueryResolver,
      TourFieldsResolver,
      TourStepFieldsResolver,
      CurationQueryResolver,
      CurationMutationResolver,
      ConceptVersionResolver,
      RelationVersionResolver,
    ] as const,
    orphanedTypes: [...CONCEPT_OBJECT_TYPES, SourceHitGql, EvidenceHitGql],
    validate: false,
    // type-graphql's check runs a whole introspection query (a tenth of start-up); Apollo asserts the same validity.
    skipCheck: true,
  }).then((schema) => paceResolvers(usePrefetched(schema)));
  return built;
}
