/** Fixture files under `dir` (default test/fixtures), as sorted "/"-separated relative paths. */
export function listFixtures(dir?: string): string[];
/** The text test/fixtures/index.ts should have for the fixtures in `dir`. */
export function renderIndex(dir?: string): string;
