/**
 * English texts of the options footer and the privacy policy page. Spread into `en` (en.ts).
 * The policy itself is PRIVACY.md (English) and docs/PRIVACY.hi.md (Hindi).
 */
export const enShip = {
  'ship.footerLabel': 'About SmartAPI Companion',
  'ship.version': 'Version {version}',
  'ship.privacy': 'Privacy policy',
  'ship.privacyTitle': 'Privacy policy — SmartAPI Companion',
  'ship.privacyFile': 'This policy is also in the file {file} of the source code.',
} as const;

export type ShipKey = keyof typeof enShip;
