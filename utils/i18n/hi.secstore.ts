/**
 * हिन्दी: रखी गई वॉल्ट कॉपियाँ और वॉल्ट key से जाँची गई delivery सेटिंग (en.secstore.ts का जोड़ा).
 * Typed against the English section: a missing key does not compile.
 */
import type { SecStoreKey } from './en.secstore';

export const hiSecStore: Record<SecStoreKey, string> = {
  'kept.title': 'पुराने वॉल्ट की रखी गई कॉपियाँ',
  'kept.intro':
    'जो वॉल्ट पढ़ा नहीं जा सका, उस पर बैकअप वापस लाने से पहले एक्सटेंशन ने उसे यहाँ अलग रख दिया, अब भी उसके पुराने मास्टर पासवर्ड से एन्क्रिप्टेड। किसी को ब्राउज़र के बाहर रखने के लिए एक्सपोर्ट करें, या मिटा दें। वॉल्ट रीसेट करने पर ये सब मिट जाती हैं।',
  'kept.none': 'कोई रखी गई कॉपी नहीं।',
  'kept.reasonRestore': 'खराब वॉल्ट, बैकअप वापस लाने से पहले अलग रखा गया',
  'kept.reasonReset': 'पुराने वर्ज़न ने रीसेट से पहले अलग रखा वॉल्ट',
  'kept.reasonOther': 'अलग रखा गया वॉल्ट',
  'kept.row': '{reason} — {when} ({size} अक्षर)',
  'kept.export': 'एक्सपोर्ट करें',
  'kept.exportLabel': '{when} को रखी गई कॉपी एक्सपोर्ट करें',
  'kept.delete': 'मिटाएँ',
  'kept.deleteLabel': '{when} को रखी गई कॉपी मिटाएँ',
  'kept.confirm': 'यह कॉपी हमेशा के लिए मिटाएँ? इसे वापस नहीं लाया जा सकता।',
  'kept.confirmButton': 'हमेशा के लिए मिटाएँ',
  'kept.cancel': 'रद्द करें',
  'kept.deleted': 'कॉपी मिटा दी गई।',
  'kept.gone': 'वह रखी गई कॉपी अब नहीं है। सूची दोबारा लोड कर दी गई है।',
  'dls.tampered':
    'Delivery सेटिंग एक्सटेंशन के बाहर बदली गई हैं। जब तक आप इन्हें जाँच न लें, कुछ नहीं भेजा जाएगा: जिन webhooks को आप नहीं पहचानते उन्हें हटाएँ, फिर सूची की पुष्टि करें।',
  'dls.unverified':
    'आपके delivery targets पुराने वर्ज़न ने वॉल्ट key से जाँच के बिना सेव किए थे। जब तक आप पुष्टि न करें कि ये आपके हैं, कुछ नहीं भेजा जाएगा।',
  'dls.confirm': 'ये मेरे delivery targets हैं',
  'dls.confirmed': 'Delivery targets की पुष्टि हो गई।',
  'dls.blocked': 'नहीं भेजा: delivery सेटिंग एक्सटेंशन के बाहर बदली गई हैं। Options में जाँचें।',
  'stored.title': 'सहेजा गया डेटा जो पढ़ा नहीं जा सका',
  'stored.intro':
    'कुछ सहेजा गया डेटा ख़राब मिला (एक्सटेंशन के बाहर बदला गया, या डिस्क या sync की गड़बड़ी)। एक्सटेंशन अब उसकी जगह अपनी default सेटिंग इस्तेमाल कर रहा है: इस पेज पर वे सेटिंग जाँचें और फिर से सेव करें। ख़राब डेटा जैसा था वैसा ही रखा गया है: देखना हो तो export करें, फिर मिटा दें।',
  'stored.row': '{item} ({when} को ख़राब मिला)',
  'stored.export': 'एक्सपोर्ट करें',
  'stored.exportLabel': 'ख़राब {item} एक्सपोर्ट करें',
  'stored.delete': 'मिटाएँ',
  'stored.deleteLabel': 'ख़राब {item} मिटाएँ',
  'stored.confirm': 'यह ख़राब कॉपी हमेशा के लिए मिटाएँ?',
  'stored.confirmButton': 'हमेशा के लिए मिटाएँ',
  'stored.cancel': 'रद्द करें',
  'stored.deleted': 'ख़राब कॉपी मिटा दी गई।',
};
