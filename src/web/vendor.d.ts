// cytoscape-svg ships no types: it registers cy.svg(options), which returns the drawing as an SVG string.
declare module "cytoscape-svg" {
  const extension: (cy: unknown) => void;
  export default extension;
}
