import { conceptCases } from "./concept.cases.js";
import type { ContractCase } from "./contract-case.js";
import { curationCases } from "./curation.cases.js";
import { errorAndPagingCases } from "./errors-and-paging.cases.js";
import { exportCases } from "./export.cases.js";
import { fidelityCases } from "./fidelity.cases.js";
import { graphQuestionCases } from "./graph-questions.cases.js";
import { passageCases } from "./passage.cases.js";
import { provenanceFilterCases } from "./provenance-filter.cases.js";
import { searchEverythingCases } from "./search-everything.cases.js";
import { tourCases } from "./tours.cases.js";

/** Every contract case: the behaviours all backends must share, answer for answer. */
export const ALL_CONTRACT_CASES: readonly ContractCase<any>[] = [
  ...conceptCases,
  ...graphQuestionCases,
  ...errorAndPagingCases,
  ...passageCases,
  ...fidelityCases,
  ...provenanceFilterCases,
  ...searchEverythingCases,
  ...tourCases,
  ...exportCases,
  ...curationCases,
];
