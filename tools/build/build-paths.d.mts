/** Repository root. */
export const ROOT: string;
/** tsc output folder. */
export const DIST: string;
/** The single-file bundle `npm start` loads. */
export const BUNDLE: string;
/** Touched after a successful build. */
export const STAMP: string;
/** Everything whose change changes the build output. */
export const BUILD_INPUTS: readonly string[];
