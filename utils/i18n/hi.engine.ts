/** हिन्दी: the page engine's login help (twin of en.engine.ts). */
import type { EngineInPageKey } from './en.engine';

export const hiEngineInPage: Record<EngineInPageKey, string> = {
  'eng.fieldClientCode': 'क्लाइंट कोड',
  'eng.fieldPin': 'MPIN',
  'eng.fieldTotp': 'TOTP',
  'eng.and': ' और ',
  'eng.or': ' या ',
  'eng.missing': '{found} मिले, पर इस पेज पर {missing} का कोई फ़ील्ड नहीं मिला।',
  'eng.modeNotChosen': 'पेज TOTP लॉगिन पर नहीं बदला; कुछ भी नहीं भरा गया।',
  'eng.noneFound': 'इस पेज पर क्लाइंट कोड, MPIN या TOTP का कोई फ़ील्ड पहचाना नहीं गया।',
  'eng.noPress': '{found} मिले, पर इस पेज पर Login बटन नहीं मिला।',
  'eng.pressDisabled': '{found} भरने के बाद भी Login बटन बंद (disabled) रहा।',
  'eng.notKept': 'पेज ने {field} में भरा गया मान नहीं रखा।',
  'eng.tabOpen': 'लॉगिन टैब खुला रहेगा: "मुझे दिखाएँ" दबाकर देखें कि क्या मिला।',
  'eng.helpLabel': 'लॉगिन सहायता',
  'eng.showMe': 'मुझे दिखाएँ',
  'eng.hide': 'निशान हटाएँ',
  'eng.copyReport': 'जाँच रिपोर्ट कॉपी करें',
  'eng.copied': 'जाँच रिपोर्ट कॉपी हो गई। इसमें सिर्फ़ पेज की रूपरेखा है: कोई मान या कोड नहीं।',
  'eng.copyFailed': 'रिपोर्ट कॉपी नहीं हो सकी। नीचे का टेक्स्ट चुनकर कॉपी करें।',
};
