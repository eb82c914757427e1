// Every unit test's router parses payloads as the background's does (entrypoints/background/index.ts).
import { beforeAll } from 'vitest';
import { checkPayloads } from '@/entrypoints/background/schemas/check';

checkPayloads();
// ... and reads stored items through their schemas. Imported once the fake browser is in
// place: the storage helper takes hold of the browser when it is first loaded.
beforeAll(async () => {
  (await import('@/entrypoints/background/schemas/stored')).installStoredChecks();
});
