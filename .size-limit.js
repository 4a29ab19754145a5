// size-limit budgets. Each check bundles with esbuild; the helper below silences esbuild's
// "ignored-bare-import" warning only: tsup's code splitting emits bare `import "./chunk-….js"` lines to keep
// chunk evaluation order, and with "sideEffects": false esbuild (rightly) drops them and warns once per chunk.
// Every other esbuild message still prints.
const quietBareImports = (config) => ({
  ...config,
  logOverride: { ...(config.logOverride ?? {}), "ignored-bare-import": "silent" },
});

export default [
  {
    "name": "jornada (everything, ESM)",
    "path": "dist/index.js",
    "import": "*",
    "limit": "130 kB"
  },
  {
    "name": "jornada/model (ESM)",
    "path": "dist/model/index.js",
    "import": "*",
    "limit": "12 kB"
  },
  {
    "name": "jornada/model canContact only, zod counted",
    "import": {
      "dist/model/index.js": "{ canContact }",
      "zod": "{ }"
    },
    "limit": "300 B"
  },
  {
    "name": "jornada/sample (ESM)",
    "path": "dist/sample/index.js",
    "import": "*",
    "limit": "30 kB"
  },
  {
    "name": "jornada/metrics (ESM)",
    "path": "dist/metrics/index.js",
    "import": "*",
    "limit": "25 kB"
  },
  {
    "name": "jornada/metrics npsScore only, zod counted",
    "import": {
      "dist/metrics/index.js": "{ npsScore }",
      "zod": "{ }"
    },
    "limit": "2.6 kB"
  },
  {
    "name": "jornada/value (ESM)",
    "path": "dist/value/index.js",
    "import": "*",
    "limit": "40 kB"
  },
  {
    "name": "jornada/segments (ESM)",
    "path": "dist/segments/index.js",
    "import": "*",
    "limit": "25 kB"
  },
  {
    "name": "jornada/calendar (ESM)",
    "path": "dist/calendar/index.js",
    "import": "*",
    "limit": "25 kB"
  },
  {
    "name": "jornada/identity (ESM)",
    "path": "dist/identity/index.js",
    "import": "*",
    "limit": "25 kB"
  },
  {
    "name": "jornada/identity isValidCpf only, zod counted",
    "import": {
      "dist/identity/index.js": "{ isValidCpf }",
      "zod": "{ }"
    },
    "limit": "300 B"
  },
  {
    "name": "jornada/lifecycle (ESM)",
    "path": "dist/lifecycle/index.js",
    "import": "*",
    "limit": "30 kB"
  },
  {
    "name": "jornada/journey (ESM)",
    "path": "dist/journey/index.js",
    "import": "*",
    "limit": "25 kB"
  },
  {
    "name": "jornada/cadence (ESM)",
    "path": "dist/cadence/index.js",
    "import": "*",
    "limit": "40 kB"
  }
].map((check) => ({ ...check, modifyEsbuildConfig: quietBareImports }));
