// Adds the method cytoscape-svg registers to Cytoscape's Core type.
import "cytoscape";

declare module "cytoscape" {
  interface Core {
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}
