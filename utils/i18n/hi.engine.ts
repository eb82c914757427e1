/** हिन्दी: the page engine's login help (twin of en.engine.ts). */
import type { EngineInPageKey, EngineTeachKey, EngineUiKey } from './en.engine';

export const hiEngineInPage: Record<EngineInPageKey, string> = {
  'eng.fieldClientCode': 'क्लाइंट कोड (client code)',
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
  'eng.teach': 'यह पेज सिखाएँ',
  'eng.copyFailed': 'रिपोर्ट कॉपी नहीं हो सकी। नीचे का टेक्स्ट चुनकर कॉपी करें।',
};

/** The picking mode of "Teach this page" (loaded on demand, not in the content script). */
export const hiEngineTeach: Record<EngineTeachKey, string> = {
  'eng.teachClientCode': 'क्लाइंट कोड वाले फ़ील्ड पर क्लिक करें।',
  'eng.teachPin': 'MPIN वाले फ़ील्ड पर क्लिक करें।',
  'eng.teachTotp': 'TOTP वाले फ़ील्ड पर क्लिक करें।',
  'eng.teachPress': 'Login बटन पर क्लिक करें।',
  'eng.teachSkip': 'इसे छोड़ें',
  'eng.teachCancel': 'रद्द करें (Esc)',
  'eng.teachNotInput': 'यह इनपुट बॉक्स नहीं है। बॉक्स पर ही क्लिक करें।',
  'eng.teachSaved': 'इस पेज के लिए सेव हो गया। एक्सटेंशन से फिर लॉगिन करें: पहले यही फ़ील्ड इस्तेमाल होंगे।',
  'eng.teachField': '{field} वाले फ़ील्ड पर क्लिक करें।',
  'eng.teachSavedForm':
    'इस पेज के लिए सेव हो गया। "Fill with SmartAPI Companion" फिर दबाएँ: पहले यही फ़ील्ड इस्तेमाल होंगे।',
};

export const hiEngineUi: Record<EngineUiKey, string> = {
  ...hiEngineTeach,
  'engui.title': 'सिखाए गए पेज',
  'engui.hint':
    'वे पेज जहाँ आपने एक्सटेंशन को फ़ील्ड दिखाए ("यह पेज सिखाएँ")। सिर्फ़ फ़ील्ड कहाँ हैं यह सेव होता है, जो भरा जाता है वह कभी नहीं; यह एन्क्रिप्टेड वॉल्ट में रहता है।',
  'engui.none': 'अभी कोई पेज नहीं सिखाया गया।',
  'engui.clientCode': 'क्लाइंट कोड',
  'engui.press': 'Login बटन',
  'engui.createApp': 'ऐप बनाने का फ़ॉर्म',
  'engui.delete': 'हटाएँ',
  'engui.deleteLabel': '{page} के लिए सिखाया गया हटाएँ',
};
