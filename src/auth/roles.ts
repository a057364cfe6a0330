import { ForbiddenError, UnauthenticatedError } from "../errors/app-errors.js";

/** What a token may do: readers only read (as anyone may), curators write the graph, admins everything. */
export const ROLES = ["reader", "curator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who a verified token belongs to. */
export interface Principal {
  readonly id: string;
  readonly role: Role;
}

/** The writes the API offers, each named for the error messages. */
export const CURATION_ACTIONS = ["createConcept", "updateConcept", "addRelation", "addEvidence", "retractRelation", "retractEvidence"] as const;
export type CurationAction = (typeof CURATION_ACTIONS)[number];

/** Which roles may perform each write. */
const ALLOWED_ROLES: Readonly<Record<CurationAction, readonly Role[]>> = {
  createConcept: ["curator", "admin"],
  updateConcept: ["curator", "admin"],
  addRelation: ["curator", "admin"],
  addEvidence: ["curator", "admin"],
  retractRelation: ["curator", "admin"],
  retractEvidence: ["curator", "admin"],
};

/** What the request presented: no Authorization header, a token that matched nobody, or a verified principal. */
export type Caller = { readonly kind: "anonymous" } | { readonly kind: "invalid"; readonly reason: string } | { readonly kind: "principal"; readonly principal: Principal };

/** The roles allowed to perform an action. */
export function rolesAllowedTo(action: CurationAction): readonly Role[] {
  return ALLOWED_ROLES[action];
}

/**
 * The principal that may perform `action`; throws UnauthenticatedError when the caller presented no
 * valid token and ForbiddenError when its role may not.
 */
export function authorize(caller: Caller, action: CurationAction): Principal {
  if (caller.kind === "anonymous") throw new UnauthenticatedError("This write needs a bearer token and the request has none");
  if (caller.kind === "invalid") throw new UnauthenticatedError(caller.reason);
  const allowed = ALLOWED_ROLES[action];
  if (!allowed.includes(caller.principal.role)) throw new ForbiddenError(caller.principal.id, caller.principal.role, action, allowed);
  return caller.principal;
}
