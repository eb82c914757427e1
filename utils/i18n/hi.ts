/**
 * हिन्दी. Plain, short words a trader uses; technical names (TOTP, API key, MPIN, client code,
 * Smart API, Redirect URL, IPv4) stay in Latin script as traders write them.
 * Typed against the English keys: a missing key does not compile.
 */
import type { MessageKey } from './en';

export const hi: Record<MessageKey, string> = {
  'app.name': 'SmartAPI Companion',

  'lang.title': 'भाषा',
  'lang.label': 'एक्सटेंशन की भाषा',
  'lang.auto': 'ब्राउज़र जैसी ({lang})',
  'lang.en': 'अंग्रेज़ी',
  'lang.hi': 'हिन्दी',
  'lang.hint': 'एक्सटेंशन के सभी पेज तुरंत बदल जाते हैं।',

  'popup.ariaLocked': 'SmartAPI Companion: लॉक है',
  'popup.intro': 'अपने Angel खाते एन्क्रिप्टेड वॉल्ट में रखें और यहाँ लाइव TOTP कोड देखें।',
  'popup.setupVault': 'Options में वॉल्ट बनाएँ',
  'popup.corruptFallback': 'सेव किया हुआ वॉल्ट पढ़ा नहीं जा सका।',
  'popup.openOptionsRestore': 'बैकअप वापस लाने के लिए Options खोलें',
  'popup.lock': 'लॉक करें',
  'popup.skew':
    'आपके कंप्यूटर की घड़ी Angel के सर्वर से {skew} है। नीचे के कोड इसके हिसाब से ठीक किए गए हैं, फिर भी सिस्टम की घड़ी ठीक करें (अपने-आप समय चालू करें) ताकि दूसरे ऐप भी चलें।',
  'popup.thisTab': 'यह टैब: {page}',
  'popup.noAccounts': 'अभी कोई खाता नहीं। Options में जोड़ें।',
  'popup.openOptions': 'Options खोलें',
  'popup.openSetup': 'सेटअप खोलें',

  'page.create-app-old': 'Smart API ऐप बनाने का फ़ॉर्म (पुराना)',
  'page.create-app-new': 'Smart API ऐप बनाने का फ़ॉर्म (नया)',
  'page.my-apis': 'Smart API — My APIs',
  'page.enable-totp': 'Smart API — TOTP चालू करें',
  'page.publisher-login': 'Angel publisher लॉगिन',
  'page.other': 'Smart API पोर्टल',

  'options.loading': 'लोड हो रहा है…',
  'options.restoreTitle': 'या बैकअप से वापस लाएँ',
  'options.restoreNote':
    'नए कंप्यूटर पर जा रहे हैं? अपना एन्क्रिप्टेड बैकअप इम्पोर्ट करें; उसका पासवर्ड आपका मास्टर पासवर्ड बन जाएगा।',
  'options.unlockTitle': 'वॉल्ट खोलें',
  'options.forgot': 'मास्टर पासवर्ड भूल गए?',
  'options.forgotText':
    'इसे कोई वापस नहीं ला सकता। आप वॉल्ट रीसेट करके फिर से शुरू कर सकते हैं: खाते दोबारा जोड़ें, या रीसेट के बाद अपना निकाला हुआ बैकअप (उसी बैकअप के पासवर्ड से) वापस लाएँ।',
  'options.backupReminderLabel': 'बैकअप की याद',
  'options.backupReminderStrong': 'अभी कोई बैकअप नहीं।',
  'options.backupReminderText':
    'यह ब्राउज़र प्रोफ़ाइल खो गई तो आपके खाते भी खो जाएँगे। एन्क्रिप्टेड बैकअप निकालें और फ़ाइल सुरक्षित जगह रखें।',
  'options.exportBackup': 'बैकअप निकालें',
  'options.openSetup': 'सेटअप चेकलिस्ट खोलें',

  'cmd.copied': '{label} का कोड कॉपी हुआ। इसे 30 सेकंड के अंदर पेस्ट करें।',
  'cmd.locked': 'कॉपी के लिए अनलॉक करें: एक्सटेंशन खोलें और मास्टर पासवर्ड डालें।',
  'cmd.noAccounts': 'अभी कोई खाता नहीं: Options में खाता जोड़ें, फिर शॉर्टकट दोबारा दबाएँ।',
  'cmd.copyFailed': 'कोड कॉपी नहीं हुआ। पॉपअप खोलें और उसका Copy बटन दबाएँ।',
  'menu.fill': 'यहाँ TOTP भरें',
  'menu.fillAs': '{label} का TOTP भरें',
  'menu.locked': 'भरने के लिए अनलॉक करें: एक्सटेंशन खोलें और मास्टर पासवर्ड डालें।',
  'menu.noField': 'पहले पेज पर TOTP वाले बॉक्स में क्लिक करें, फिर "यहाँ TOTP भरें" दोबारा चुनें।',
  'menu.failed': 'कोड यहाँ नहीं भरा जा सका। पेज रीलोड करके फिर कोशिश करें।',
  'menu.filled': '{label} का TOTP भर दिया।',

  'setup.pageTitle': 'सेटअप — SmartAPI Companion',
  'setup.title': 'अपने Angel खाते सेट करें',
  'setup.intro':
    'यह चेकलिस्ट हर खाते को Smart API साइन-अप से लेकर टोकन पहुँचने तक दिखाती है। यह एक्सटेंशन में सेव और जाँची गई चीज़ों से अपने-आप बदलती है: आपको कुछ टिक नहीं करना।',
  'setup.platformsTitle': 'कौन-सा प्लेटफ़ॉर्म?',
  'setup.col.platform': 'प्लेटफ़ॉर्म',
  'setup.col.how': 'कैसे काम करता है',
  'setup.col.stored': 'एक्सटेंशन क्या रखता है',
  'setup.col.daily': 'हर ट्रेडिंग दिन',
  'setup.smart.how': 'आपके client code, MPIN और TOTP से Angel के API में लॉगिन करता है। यही सुझाया गया है।',
  'setup.smart.stored': 'Client code, MPIN, TOTP secret, API key (एन्क्रिप्टेड)',
  'setup.smart.daily': 'कुछ नहीं करना: लॉगिन के लिए किसी व्यक्ति की ज़रूरत नहीं।',
  'setup.smartm.how': 'OAuth तरीका: आप Angel के अपने पेज पर लॉगिन करते हैं और Angel टोकन Redirect URL पर भेजता है।',
  'setup.smartm.stored': 'API key (और एक-क्लिक लॉगिन के लिए MPIN व TOTP secret)',
  'setup.smartm.daily': 'ट्रेडिंग से पहले एक लॉगिन (एक्सटेंशन उसे भर सकता है)।',
  'setup.choose':
    'अगर रोज़ कुछ नहीं करना चाहते तो SMART_API चुनें। अगर चाहते हैं कि कोई सर्वर आपकी लॉगिन जानकारी न रखे तो SMART_API_M चुनें।',
  'setup.needVault': 'पहले अपना एन्क्रिप्टेड वॉल्ट बनाएँ: इसमें API key, MPIN और TOTP secret सुरक्षित रहते हैं।',
  'setup.createVault': 'Options में वॉल्ट बनाएँ',
  'setup.locked': 'वॉल्ट लॉक है। हर खाते की स्थिति देखने के लिए इसे खोलें।',
  'setup.corrupt': 'सेव किया हुआ वॉल्ट पढ़ा नहीं जा सका। बैकअप वापस लाने के लिए Options खोलें।',
  'setup.noAccounts': 'अभी कोई खाता नहीं। Options में अपना Angel खाता (नाम, client code और प्लेटफ़ॉर्म) जोड़ें।',
  'setup.addAccount': 'Options में खाता जोड़ें',
  'setup.accountTitle': '{label} ({client}) · {platform}',
  'setup.summary': '{total} में से {done} कदम पूरे',
  'setup.allDone': 'सभी कदम पूरे: यह खाता तैयार है।',
  'setup.nextStep': 'अगला: {step}',
  'setup.state.done': 'पूरा',
  'setup.state.todo': 'बाकी',
  'setup.state.problem': 'समस्या',
  'setup.openOptions': 'Options खोलें',
  'setup.refresh': 'फिर से जाँचें',

  'setup.step.signup': 'Smart API पर साइन-अप करें',
  'setup.signup.done': 'पूरा: API key सेव है, यानी Smart API खाता बना हुआ है।',
  'setup.signup.todo': 'अपने Angel client code से Smart API पोर्टल पर साइन-अप करें।',
  'setup.signup.link': 'Smart API साइन-अप खोलें',

  'setup.step.createApp': 'ऐप बनाएँ',
  'setup.createApp.done': 'पूरा: ऐप की API key सेव है।',
  'setup.createApp.todo':
    'API type "{apiType}", Redirect URL {redirect} और अपने static IP के साथ ऐप जोड़ें। फ़ॉर्म एक्सटेंशन भर देगा।',
  'setup.createApp.wrongType':
    'आपकी ऐप प्रोफ़ाइल में "{profileType}" है, पर {platform} के लिए "{apiType}" चाहिए। ऐप बनाने से पहले Options → ऐप प्रोफ़ाइल में API type बदलें।',
  'setup.createApp.link': 'ऐप बनाने का फ़ॉर्म खोलें',

  'setup.step.apiKey': 'API key सेव करें',
  'setup.apiKey.done': 'सेव है (आख़िरी अंक {last4})।',
  'setup.apiKey.todo':
    'My Profile → My APIs पर अपने ऐप के पास "Save to account…" दबाएँ, या Options में खाते में key लिखें।',
  'setup.apiKey.problem': 'Angel ने सेव की हुई API key नहीं मानी।',
  'setup.apiKey.link': 'My APIs खोलें',

  'setup.step.totp': 'TOTP चालू करें और secret सेव करें',
  'setup.totp.done': 'TOTP secret और MPIN सेव हैं।',
  'setup.totp.todo':
    'enable-totp खोलें, SMS या ईमेल वाले OTP से पुष्टि करें, फिर QR कोड दिखने पर "Save TOTP secret to account…" दबाएँ।',
  'setup.totp.needMpin': 'TOTP secret सेव है। Options में खाते में 4 अंकों का MPIN जोड़ें।',
  'setup.totp.problem': 'Angel ने TOTP या MPIN नहीं माना।',
  'setup.totp.link': 'enable-totp खोलें',

  'setup.step.staticIp': 'Static IP रजिस्टर करें',
  'setup.staticIp.done': 'आपकी ऐप प्रोफ़ाइल में public IPv4 पता {ip} है।',
  'setup.staticIp.todo': 'Options में ऐप प्रोफ़ाइल में अपना public IPv4 static पता जोड़ें।',
  'setup.staticIp.problem': 'आपकी ऐप प्रोफ़ाइल का static IP रजिस्टर नहीं हो सकता।',
  'setup.staticIp.explain':
    'API ऐप के ऑर्डर रजिस्टर किए गए static IP से ही आने चाहिए। Angel सिर्फ़ IPv4 लेता है और मुफ़्त IP नहीं देता: किसी proxy या hosting कंपनी से अलग (dedicated) IPv4 static IP ख़रीदें और उसे अपने IP की तरह रजिस्टर करें (BYOIP)। घर, दफ़्तर और मोबाइल के पते (192.168.x.x, 10.x.x.x, 100.64.x.x) कभी नहीं चलते। अगर Angel कहे कि IP पहले से रजिस्टर है, तो दूसरा IP लें।',

  'setup.step.verified.rest': 'खाते की जाँच करें',
  'setup.step.verified.login': 'पहला रोज़ का लॉगिन करें',
  'setup.verified.restDone': 'Angel ने {when} को लॉगिन माना।',
  'setup.verified.restTodo': 'Validate दबाएँ: एक्सटेंशन सेव की गई जानकारी से एक बार Angel के API में लॉगिन करेगा।',
  'setup.verified.restRunning': 'Angel से जाँच हो रही है…',
  'setup.verified.loginDone': '{when} को लॉगिन हुआ।',
  'setup.verified.loginTodo': 'पॉपअप या Options में इस खाते का "Log in" दबाएँ: Angel का पेज खुलेगा और भर जाएगा।',
  'setup.verified.problem': 'पिछली कोशिश नाकाम रही।',

  'setup.step.delivery': 'टोकन कहीं भेजें',
  'setup.delivery.done': 'एक डिलीवरी टारगेट को टेस्ट या असली डिलीवरी मिल गई।',
  'setup.delivery.none': 'Options में टोकन डिलीवरी टारगेट (आपका webhook या ऐप का Redirect URL) जोड़ें।',
  'setup.delivery.untested': 'टारगेट सेट है। Options में उसके पास "Send test event" दबाएँ।',
  'setup.delivery.problem': 'पिछली डिलीवरी नाकाम रही।',
};
