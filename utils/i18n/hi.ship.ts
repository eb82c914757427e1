/** हिन्दी: options footer and privacy policy page (twin of en.ship.ts). */
import type { ShipKey } from './en.ship';

export const hiShip: Record<ShipKey, string> = {
  'ship.footerLabel': 'SmartAPI Companion के बारे में',
  'ship.version': 'संस्करण {version}',
  'ship.privacy': 'गोपनीयता नीति',
  'ship.privacyTitle': 'गोपनीयता नीति — SmartAPI Companion',
  'ship.privacyFile': 'यह नीति सोर्स कोड की फ़ाइल {file} में भी है।',
};
