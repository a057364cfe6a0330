import { writeExplorerBuild } from "../http/explorer-bundle.js";

// `npm run build:web`: writes the explorer bundle to dist/web for deployments that ship no src/web.
writeExplorerBuild().then(
  (dir) => console.log(`explorer bundle written to ${dir}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
