/** The OAuth-like `state` of one login attempt: fresh, random, compared without shortcuts. */

/** 128 random bits as 32 hex characters (URL-safe, survives any redirect encoding). */
export function newLoginState(
  random: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a),
): string {
  const bytes = random(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Does the state a redirect carried belong to this attempt? An extension-initiated attempt
 * always has a non-empty expected state, so a missing state is refused. A site-initiated
 * attempt expects whatever the site put in the URL, possibly ''.
 */
export function stateMatches(expected: string, received: string, allowEmpty = false): boolean {
  if (!allowEmpty && expected === '') return false;
  if (expected.length !== received.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ received.charCodeAt(i);
  return diff === 0;
}
