/**
 * FROZEN: vault data v0 (releases up to 0.1.0, no `schemaVersion`) → v1. Never edit this file
 * or import live code or constants into it: it must turn v0 data into exactly the v1 shape
 * forever, whatever later versions change. A later change is a new file (v1ToV2.ts).
 *
 * v1 = v0 plus `schemaVersion: 1`, and `webhookSecrets` always an object (v0 vaults could
 * lack it; readers used to patch it in on every read).
 */
export function v0ToV1(v0: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const secrets = v0.webhookSecrets;
  const webhookSecrets =
    typeof secrets === 'object' && secrets !== null && !Array.isArray(secrets) ? secrets : {};
  return { ...v0, webhookSecrets, schemaVersion: 1 };
}
