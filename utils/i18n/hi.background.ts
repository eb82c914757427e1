/**
 * हिन्दी: background and shared-helper texts (twin of en.background.ts).
 * Typed against the English sections: a missing key does not compile.
 */
import type { BackgroundKey, RouterKey } from './en.background';

export const hiRouter: Record<RouterKey, string> = {
  'rt.noReply': 'एक्सटेंशन ने जवाब नहीं दिया। पेज दोबारा लोड करके फिर कोशिश करें।',
  'rt.unknown': 'अनजान अनुरोध "{type}"।',
  'rt.forbidden': 'यह अनुरोध यहाँ से करने की अनुमति नहीं है।',
  'rt.internal': 'एक्सटेंशन के अंदर कुछ गड़बड़ हो गई। फिर कोशिश करें; बार-बार हो तो एक्सटेंशन दोबारा लोड करें।',
};

export const hiBackground: Record<BackgroundKey, string> = {
  'bkf.empty': 'फ़ाइल ख़ाली है। वह बैकअप फ़ाइल चुनें जो आपने एक्सपोर्ट की थी।',
  'bkf.tooLarge': 'यह फ़ाइल किसी भी बैकअप से बहुत बड़ी है। देखें कि आपने सही फ़ाइल चुनी है।',
  'bkf.notJson':
    'यह SmartAPI Companion का बैकअप नहीं है (यह JSON नहीं है)। otpauth:// लिंक की सूची के लिए "otpauth सूची इम्पोर्ट करें" इस्तेमाल करें।',
  'bkf.noMarker': 'यह SmartAPI Companion का बैकअप नहीं है: इसमें "format" निशान नहीं है।',
  'bkf.version':
    'इस बैकअप का फ़ॉर्मैट वर्ज़न {found} है; एक्सटेंशन का यह वर्ज़न वर्ज़न {supported} पढ़ता है। एक्सटेंशन अपडेट करके फिर कोशिश करें।',
  'bkf.damagedDetail': 'बैकअप फ़ाइल ख़राब है: {detail}',
  'bkf.wrongPassword':
    'बैकअप पासवर्ड सही नहीं है। वही पासवर्ड डालें जो आपने यह बैकअप एक्सपोर्ट करते समय चुना था (यह मास्टर पासवर्ड से अलग हो सकता है)।',
  'bkf.integrity': 'बैकअप फ़ाइल ख़राब है: इसका एन्क्रिप्टेड हिस्सा जाँच में फ़ेल हुआ। बैकअप की दूसरी कॉपी इस्तेमाल करें।',
  'bkf.unreadable': 'बैकअप खुल गया, पर उसका अंदर का हिस्सा पढ़ा नहीं जा सकता।',
  'bkf.noAccounts': 'फ़ाइल खुल गई, पर इसमें SmartAPI Companion के खाते नहीं हैं।',
  'bkf.twice': 'बैकअप में "{label}" ({clientCode}) दो बार है। फ़ाइल से एक कॉपी हटाएँ या फिर से एक्सपोर्ट करें।',
  'bkf.secrets': 'बैकअप के webhook सीक्रेट पढ़े नहीं जा सकते।',
  'bkf.where': 'बैकअप का खाता {n}',
  'bkf.whereLabel': 'बैकअप का खाता {n} ("{label}")',
  'bkf.notRecord': '{where} खाते का रिकॉर्ड नहीं है।',
  'bkf.badAccount': '{where}: {what} फ़ाइल ठीक करें या बैकअप फिर से एक्सपोर्ट करें।',
  'bkf.label': 'नाम (लेबल) नहीं है या बहुत लंबा है।',
  'bkf.clientCode': 'client code में सिर्फ़ अक्षर और अंक नहीं हैं।',
  'bkf.platform': 'प्लेटफ़ॉर्म न SMART_API है, न SMART_API_M।',
  'bkf.redirect': 'redirect URL काम का नहीं है। {problem}',
  'bkf.notes': 'नोट्स बहुत लंबे हैं।',
  'bkf.totp': 'TOTP सेटिंग (algorithm, digits, period) सही नहीं हैं।',
  'bkf.noSecrets': 'इसके सीक्रेट नहीं हैं।',
  'bkf.mpin': 'MPIN 4 अंकों का नहीं है।',
  'bkf.totpSecret': 'TOTP सीक्रेट सही नहीं है। {problem}',
  'bkf.apiKey': 'API key में खाली जगह (स्पेस) है।',
  'bkf.apiSecret': 'API secret में खाली जगह (स्पेस) है।',
  'bkf.line': 'लाइन {n}: {problem} कुछ भी इम्पोर्ट नहीं हुआ।',
  'bkf.lineNoAccount': 'लाइन {n}: लिंक में किसी खाते का नाम नहीं है। कुछ भी इम्पोर्ट नहीं हुआ।',
  'bkf.lineTwice': 'लाइन {n}: "{label}" सूची में दो बार है। कुछ भी इम्पोर्ट नहीं हुआ।',
  'bkf.noLinks': 'सूची में कोई otpauth://totp/ लिंक नहीं है।',

  'vdmg.notJson': 'वॉल्ट खुल गया, पर उसका अंदर का हिस्सा सही JSON नहीं है।',
  'vdmg.noList': 'वॉल्ट खुल गया, पर उसमें खातों की सूची नहीं है।',
  'vdmg.corrupt':
    '{problem} एक्सटेंशन ने इसे न बदला है, न मिटाया है। खाते वापस लाने के लिए पहले एक्सपोर्ट किया बैकअप इम्पोर्ट करें, (तब ख़राब वॉल्ट "रखी गई कॉपियाँ" में अलग रखा जाता है), या वॉल्ट रीसेट करें (जिससे वह और उसकी हर कॉपी हमेशा के लिए मिट जाती है)।',
  'vdmg.upgradeFailed': 'वॉल्ट का फ़ॉर्मैट अपग्रेड नहीं हो सका; कुछ नहीं बदला गया। फिर कोशिश करें।',
  'vdmg.noVaultYet': 'अभी कोई वॉल्ट नहीं है।',
  'vdmg.blob': 'सेव किया एन्क्रिप्टेड डेटा ख़राब है और पढ़ा नहीं जा सकता।',
  'vdmg.blobReset':
    'सेव किया एन्क्रिप्टेड डेटा ख़राब है, या ऐसे वॉल्ट से सील हुआ था जो बाद में रीसेट हो गया, इसलिए पढ़ा नहीं जा सकता।',

  'whurl.empty': 'अपने सर्वर का URL डालें, जैसे https://example.com/angel-tokens।',
  'whurl.tooLong': 'यह URL बहुत लंबा है (2000 अक्षरों से ज़्यादा)। छोटा पता इस्तेमाल करें।',
  'whurl.notUrl': 'यह पूरा URL नहीं है। यह https:// से शुरू होना चाहिए (जैसे https://example.com/hook)।',
  'whurl.http':
    'टोकन एन्क्रिप्ट होकर ही जाने चाहिए: https:// URL इस्तेमाल करें। सादा http:// सिर्फ़ localhost और 127.0.0.1 के लिए चलता है।',
  'whurl.scheme': 'सिर्फ़ https:// URL चलते हैं (या localhost और 127.0.0.1 के लिए http://)।',
  'whurl.credentials': 'URL से यूज़र नेम और पासवर्ड हटाएँ। आपका सर्वर इसकी जगह X-Signature हेडर जाँचता है।',
  'whurl.noHost': 'URL में होस्ट का नाम नहीं है।',

  'dlv.queued': 'कतार में है; जल्द ही भेजी जाएगी।',
  'dlv.delivered': 'पहुँच गई।',
  'dlv.deliveredHttp': 'पहुँच गई (HTTP {status})।',
  'dlv.locked': 'वॉल्ट लॉक है। इसे खोलते ही डिलीवरी तुरंत भेजी जाएगी।',
  'dlv.waitingTitle': 'टोकन डिलीवरी रुकी हुई है',
  'dlv.waitingOne': '1 टोकन डिलीवरी रुकी है क्योंकि वॉल्ट लॉक है। इसे भेजने के लिए SmartAPI Companion खोलें।',
  'dlv.waitingMany': '{count} टोकन डिलीवरी रुकी हैं क्योंकि वॉल्ट लॉक है। इन्हें भेजने के लिए SmartAPI Companion खोलें।',
  'dlv.refusedTitle': 'टोकन डिलीवरी ठुकरा दी गई',
  'dlv.expired': 'समय सीमा ({deadline}) से पहले नहीं पहुँची। ये टोकन अब काम के नहीं; अगले लॉगिन पर नए टोकन भेजे जाएँगे।',
  'dlv.noSecret':
    'इस webhook का साइनिंग सीक्रेट वॉल्ट में नहीं है (शायद पुराने बैकअप से वापस लाया गया)। "नया secret" दबाएँ, उसे अपने सर्वर पर डालें, फिर "अभी दोबारा भेजें" दबाएँ।',
  'dlv.cannotDecrypt':
    'यह डिलीवरी मौजूदा वॉल्ट से खुल नहीं सकती (क्या वॉल्ट रीसेट हुआ था?)। इसे हटा दें; अगले लॉगिन पर नए टोकन भेजे जाएँगे।',
  'dlv.noAccess': 'एक्सटेंशन को इस साइट की अनुमति भी नहीं है: options पेज खोलें और "पहुँच दें" दबाएँ।',
  'dlv.deadlinePassed': '{reason} समय सीमा निकल गई, इसलिए अब और कोशिश नहीं होगी।',
  'dlv.nextAttempt': '{reason} अगली कोशिश {time} पर।',
  'dlv.unreachable': 'आपके सर्वर तक पहुँच नहीं हो सकी ({error})। एक्सटेंशन फिर कोशिश करेगा।',
  'dlv.redirect':
    'आपके सर्वर ने दूसरे पते पर भेजा (redirect)। टोकन कभी आगे किसी और पते पर नहीं भेजे जाते: टारगेट में आख़िरी URL डालें।',
  'dlv.said': 'सर्वर ने कहा: "{body}"',
  'dlv.later': 'आपके सर्वर ने बाद में कोशिश करने को कहा (HTTP {status})।',
  'dlv.serverError': 'आपके सर्वर में गड़बड़ी हुई (HTTP {status})। एक्सटेंशन फिर कोशिश करेगा।',
  'dlv.refused': 'आपके सर्वर ने डिलीवरी ठुकरा दी (HTTP {status}), अब दोबारा नहीं भेजी जाएगी।',
  'dlv.refusedNext': 'अपने सर्वर पर URL और साइनिंग सीक्रेट जाँचें, फिर "अभी दोबारा भेजें" दबाएँ।',
  'dlv.status3xx': 'आपके सर्वर ने HTTP {status} (redirect) लौटाया। टारगेट में आख़िरी URL डालें।',
  'dlv.unexpected': 'आपके सर्वर से अनपेक्षित जवाब आया (HTTP {status})। एक्सटेंशन फिर कोशिश करेगा।',

  'lgbg.noAccountVault': 'यह खाता अब वॉल्ट में नहीं है। सूची रीफ़्रेश करके फिर कोशिश करें।',
  'lgbg.noApiKey': '"{label}" की API key नहीं है। वॉल्ट में इसके Publisher ऐप की API key डालें, फिर लॉगिन करें।',
  'lgbg.noClientCode': '"{label}" का client code नहीं है। वॉल्ट में डालें, फिर लॉगिन करें।',
  'lgbg.noMpin': '"{label}" का PIN नहीं है। वॉल्ट में डालें, फिर लॉगिन करें।',
  'lgbg.noTotp': '"{label}" का TOTP सीक्रेट नहीं है। वॉल्ट में डालें (Angel के enable-totp पेज से), फिर लॉगिन करें।',
  'lgbg.tabNotOpened': 'लॉगिन टैब नहीं खुल सका। फिर कोशिश करें।',
  'lgbg.couldNotStart': 'लॉगिन शुरू नहीं हो सका।',
  'lgbg.notStartedTitle': 'लॉगिन शुरू नहीं हुआ',
  'lgbg.loggedInTitle': 'लॉगिन हो गया: {label}',
  'lgbg.failedTitle': 'लॉगिन नहीं हुआ: {label}',
  'lgbg.accountDeleted': 'लॉगिन के दौरान खाता मिटा दिया गया।',
  'lgbg.tokensNotSaved': 'टोकन सेव नहीं हो सके।',
  'lgbg.capturedNotSaved': 'टोकन मिल गए पर सेव नहीं हुए: {why}',
  'lgbg.loggedIn': 'लॉगिन हो गया; सेशन टोकन मिल गए और डिलीवरी को सौंप दिए गए।',
  'lgbg.handoffFailed':
    'लॉगिन हो गया और टोकन सेव हो गए, पर उन्हें डिलीवरी को सौंपना नाकाम रहा। दोबारा भेजने के लिए options पेज खोलें।',
  'lgbg.tabClosed': 'Angel के टोकन भेजने से पहले लॉगिन टैब बंद हो गया। फिर लॉगिन करें।',
  'lgbg.timeout':
    'Angel का लॉगिन {seconds} सेकंड में पूरा नहीं हुआ। लॉगिन टैब खुला छोड़ा गया है ताकि आप देख सकें कि यह कहाँ रुका; फिर लॉगिन करें, या options में समय सीमा बढ़ाएँ।',
  'lgbg.notThisTab': 'यह लॉगिन अब इस टैब में नहीं चल रहा।',
  'lgbg.notLoginPage': 'यह API key वाला Angel लॉगिन पेज नहीं है।',
  'lgbg.wrongAccount': 'यह लॉगिन पेज उस खाते की नहीं, किसी दूसरी API key का है।',
  'lgbg.alreadyGiven': 'इस लॉगिन में यह जानकारी पहले ही भरी जा चुकी है; दोबारा नहीं भरी जाएगी।',
  'lgbg.lockedDuring': 'लॉगिन के दौरान वॉल्ट लॉक हो गया। इसे खोलें और फिर लॉगिन करें।',
  'lgbg.accountUnreadable': 'खाता पढ़ा नहीं जा सका।',
  'lgbg.otherKey': 'यह लॉगिन पेज किसी दूसरी API key का है; कुछ नहीं भरा गया।',
  'lgbg.badTimeout': 'समय सीमा {min} से {max} सेकंड के बीच होनी चाहिए।',
  'lgbg.badTime': 'शेड्यूल का समय 08:45 जैसा होना चाहिए (24 घंटे, भारतीय समय)।',
  'lgbg.badHolidays': 'ये छुट्टियाँ 2026-01-26 जैसी तारीख़ें नहीं हैं: {dates}।',
  'lgbg.noDays': 'रोज़ के लॉगिन के लिए कम से कम एक दिन चुनें, या शेड्यूल बंद करें।',
  'lgbg.unlockTitle': 'लॉगिन के लिए खोलें',
  'lgbg.unlockDue': 'Angel का रोज़ का लॉगिन होना है। SmartAPI Companion खोलें, लॉगिन अपने-आप शुरू हो जाएगा।',
  'lgbg.noAccountRefresh': 'यह खाता अब नहीं है। सूची रीफ़्रेश करें।',

  'ptbg.noAccount': 'यह खाता अब वॉल्ट में नहीं है। कोई दूसरा खाता चुनकर फिर कोशिश करें।',
  'ptbg.badApiKey':
    'पेज पर जो दिख रहा है वह API key (अक्षर और अंक) जैसा नहीं लगता। पेज के आँख वाले बटन से key दिखाएँ और फिर कोशिश करें।',
  'ptbg.codeWindow': 'कोड सेव करने के बाद बस कुछ मिनट दिखता है। कोड देखने के लिए एक्सटेंशन का popup खोलें।',
  'ptbg.noTab': 'वह टैब अब नहीं है। Smart API का create-app पेज खोलें और फिर कोशिश करें।',
  'ptbg.notPortal': 'यह टैब Angel की Smart API साइट नहीं है। वहाँ create-app पेज खोलें और फिर कोशिश करें।',
  'ptbg.noAnswer':
    'पेज ने जवाब नहीं दिया। Smart API पेज दोबारा लोड करें (ताकि एक्सटेंशन उसमें काम कर सके) और फिर कोशिश करें।',
};
