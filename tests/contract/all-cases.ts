import { conceptCases } from "./concept.cases.js";
import type { ContractCase } from "./contract-case.js";
import { errorAndPagingCases } from "./errors-and-paging.cases.js";
import { graphQuestionCases } from "./graph-questions.cases.js";
import { passageCases } from "./passage.cases.js";
import { provenanceFilterCases } from "./provenance-filter.cases.js";
import { searchEverythingCases } from "./search-everything.cases.js";

/** Every contract case: the behaviours all backends must share, answer for answer. */
export const ALL_CONTRACT_CASES: readonly ContractCase<any>[] = [
  ...conceptCases,
  ...graphQuestionCases,
  ...errorAndPagingCases,
  ...passageCases,
  ...provenanceFilterCases,
  ...searchEverythingCases,
];
