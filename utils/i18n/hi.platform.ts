/**
 * हिन्दी: the platform fill (twin of en.platform.ts). Typed against the English section: a
 * missing key does not compile.
 */
import type { PlatformInPageKey, PlatformKey } from './en.platform';

export const hiPlatformInPage: Record<PlatformInPageKey, string> = {
  'pl.open': 'SmartAPI Companion से भरें…',
  'pl.loading': 'आपके अकाउंट लोड हो रहे हैं…',
  'pl.account': 'अकाउंट',
  'pl.fill': 'भरें',
  'pl.cancel': 'रद्द करें',
  'pl.noAccounts': 'वॉल्ट में अभी कोई अकाउंट नहीं है। पहले एक्सटेंशन के Options में एक अकाउंट जोड़ें।',
  'pl.f.broker': 'ब्रोकर (Broker)',
  'pl.f.platform': 'प्लेटफ़ॉर्म (Platform)',
  'pl.f.clientCode': 'लॉगिन आईडी / क्लाइंट आईडी',
  'pl.f.mpin': 'MPIN (पिन)',
  'pl.f.totpSecret': 'TOTP key (सीक्रेट)',
  'pl.f.apiKey': 'API key (कुंजी)',
  'pl.willFill': 'भरे जाएँगे: {fields}।',
  'pl.notFound': 'इस पेज पर नहीं मिले: {fields}।',
  'pl.missing': 'इस अकाउंट में नहीं हैं: {fields}। इन्हें Options में जोड़ें, या यहाँ ख़ुद टाइप करें।',
  'pl.leftAlone': 'SMART_API_M: सिर्फ़ API key भरी जाती है; इस तरीक़े में प्लेटफ़ॉर्म लॉगिन विवरण नहीं रखता।',
  'pl.filled': '{field}: भर दिया',
  'pl.rejected': '{field}: पेज ने मान नहीं रखा',
  'pl.noOption': '{field}: इस सूची में "{option}" का विकल्प नहीं है',
  'pl.ambiguous': '{field}: दो बॉक्स एक जैसे दिखते हैं, छोड़ दिया',
  'pl.failed': '{field}: नहीं भरा ({reason})',
  'pl.done': 'मान जाँच लें, फिर Validate और Save ख़ुद दबाएँ: एक्सटेंशन इन्हें कभी नहीं दबाता।',
  'pl.nothing': 'कुछ भी नहीं भरा गया।',
  'pl.unreadable':
    'इस पेज का फ़ॉर्म पढ़ा नहीं जा सका: कोई फ़ील्ड पहचाना नहीं गया। मान ख़ुद टाइप करें, या एक्सटेंशन के Options में इस प्लेटफ़ॉर्म के फ़ील्ड लेबल जोड़ें।',
  'pl.report': 'भरने की रिपोर्ट',
};

export const hiPlatform: Record<PlatformKey, string> = {
  ...hiPlatformInPage,
  'plo.title': 'ट्रेडिंग प्लेटफ़ॉर्म',
  'plo.intro':
    'ट्रेडिंग प्लेटफ़ॉर्म का अकाउंट फ़ॉर्म (AutoTrader Web: Accounts → Trading Accounts → Create या Edit) वॉल्ट से भरें। प्लेटफ़ॉर्म चालू करने पर ब्राउज़र सिर्फ़ उसी साइट की अनुमति माँगता है; उससे पहले वहाँ कुछ नहीं चलता।',
  'plo.on': 'चालू करें',
  'plo.off': 'बंद करें',
  'plo.enabled': 'चालू: एक्सटेंशन {origin} पर चलता है',
  'plo.disabled': 'बंद: एक्सटेंशन {origin} पर नहीं चलता',
  'plo.denied': 'ब्राउज़र ने {origin} की अनुमति नहीं दी। कुछ चालू नहीं हुआ; फिर कोशिश करें और Allow चुनें।',
  'plo.builtIn': 'पहले से शामिल',
  'plo.delete': '{name} हटाएँ',
  'plo.addTitle': 'प्लेटफ़ॉर्म जोड़ें',
  'plo.name': 'नाम',
  'plo.origin': 'साइट का पता (https://…)',
  'plo.labelsHint': 'प्लेटफ़ॉर्म के फ़ॉर्म में हर फ़ील्ड के पास दिखने वाला लेबल; कई हों तो कॉमा से अलग करें।',
  'plo.add': 'प्लेटफ़ॉर्म जोड़ें',
  'plo.fieldLabel': '{field} का लेबल',
  'plbg.noPlatform': 'यह प्लेटफ़ॉर्म एक्सटेंशन में सेट नहीं है। इसे Options → ट्रेडिंग प्लेटफ़ॉर्म में जोड़ें।',
  'plbg.noAccount': 'वह अकाउंट अब वॉल्ट में नहीं है। कोई दूसरा चुनें।',
  'plbg.noAccess': 'ब्राउज़र ने {origin} की अनुमति नहीं दी है। Options में प्लेटफ़ॉर्म फिर चालू करें और Allow चुनें।',
  'plbg.badOrigin': 'प्लेटफ़ॉर्म का पता https://host के रूप में लिखें (कोई path या wildcard नहीं)।',
  'plbg.builtInOrigin': 'इस पते वाला प्लेटफ़ॉर्म पहले से सेट है।',
  'plbg.noName': 'प्लेटफ़ॉर्म को एक नाम दें (ज़्यादा से ज़्यादा 60 अक्षर)।',
  'plbg.noFields': 'इनमें से कम से कम एक का लेबल दें: लॉगिन आईडी, MPIN, TOTP key, API key।',
  'plbg.builtIn': 'पहले से शामिल प्लेटफ़ॉर्म हटाए नहीं जा सकते; उन्हें बंद करें।',
  'plbg.noTab': 'वह टैब बंद हो गया है। प्लेटफ़ॉर्म का पेज फिर खोलें।',
  'plbg.notPlatform': 'यह टैब ऐसा ट्रेडिंग प्लेटफ़ॉर्म नहीं है जिसे आपने Options में चालू किया हो।',
  'plbg.noAnswer': 'पेज ने जवाब नहीं दिया। पेज रीलोड करके फिर कोशिश करें।',
  'plbg.fillClosed': 'यह भराई ख़त्म हो चुकी है। "SmartAPI Companion से भरें…" फिर दबाएँ।',
  'plbg.missing': 'इस अकाउंट में इस फ़ील्ड का मान नहीं है। इसे Options में जोड़ें।',
  'setup.step.platform': 'AutoTrader Web में अकाउंट जोड़ा गया',
  'setup.platform.todo':
    'AutoTrader Web में Accounts → Trading Accounts → Create खोलें और "SmartAPI Companion से भरें…" दबाएँ (पहले Options में AutoTrader Web चालू करें), फिर Validate और Save दबाएँ।',
  'setup.platform.filled':
    'प्लेटफ़ॉर्म के फ़ॉर्म में {when} भरा गया। वहाँ Validate और Save दबाएँ; प्लेटफ़ॉर्म की सूची में अकाउंट दिखने पर यह पूरा हो जाएगा।',
  'setup.platform.done': 'प्लेटफ़ॉर्म की सूची में यह अकाउंट है ({when} को देखा गया)।',
};
