// Every unit test's router parses payloads as the background's does (entrypoints/background/index.ts).
import { checkPayloads } from '@/entrypoints/background/schemas/check';

checkPayloads();
