/**
 * Bounds every backend and the services must share: a store that walked further than another
 * would return different answers to the same question.
 */

/** Most hops a reach (upstream or downstream walk) follows, whatever depth is requested. */
export const MAX_REACH_DEPTH = 8;

/** Deepest neighbourhood a client may ask for. */
export const MAX_NEIGHBORHOOD_DEPTH = 3;
