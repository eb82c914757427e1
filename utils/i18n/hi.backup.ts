/**
 * हिन्दी: backup groups and the import's follow-up (twin of en.backup.ts).
 * Typed against the English section: a missing key does not compile.
 */
import type { BackupKey } from './en.backup';

export const hiBackup: Record<BackupKey, string> = {
  'bkg.badGroup':
    'बैकअप फ़ाइल ख़राब है: इसका हिस्सा "{group}" सही नहीं है। कुछ भी इम्पोर्ट नहीं हुआ। बैकअप की दूसरी कॉपी इस्तेमाल करें।',
  'bkg.setupTitle': 'बाक़ी सेट-अप',
  'bkg.g.deliveryTargets': 'डिलीवरी टारगेट (webhook और Angel redirect, उनके साइनिंग सीक्रेट के साथ)',
  'bkg.g.profiles': 'रजिस्ट्रेशन प्रोफ़ाइल',
  'bkg.g.loginSettings': 'रोज़ के लॉगिन का शेड्यूल और सेटिंग',
  'bkg.g.validationSettings': 'जाँच (validation) की सेटिंग',
  'bkg.g.settings': 'बाक़ी सेटिंग (ऑटो-लॉक, भाषा)',
  'bkg.g.vaultExtras': 'वॉल्ट का बाक़ी डेटा (सिखाए गए पेज नियम, आपके जोड़े ट्रेडिंग प्लेटफ़ॉर्म)',
  'bkg.line': '{group}: बैकअप में {n}, {action}',
  'bkg.a.merge': 'आपके में जुड़ेंगे',
  'bkg.a.replace': 'आपके की जगह लेंगे',
  'bkg.a.keep': 'आपकी वाली रहेंगी (मर्ज आपकी सेटिंग रखता है; वापस लाने के लिए Replace चुनें)',
  'bkg.a.absent': 'इस (पुराने) बैकअप में नहीं: आपकी वाली रहेंगी',
  'bkg.siteAccess':
    '{n} webhook साइट के लिए फिर से साइट एक्सेस चाहिए: {sites}। ब्राउज़र बैकअप के साथ साइट की अनुमति वापस नहीं लाता, और अनुमति देने तक डिलीवरी रुकी रहेगी।',
  'bkg.grant': 'साइट एक्सेस दें',
  'bkg.granted': 'साइट एक्सेस मिल गया: इन webhook पर डिलीवरी जा सकती है।',
  'bkg.notGranted': 'एक्सेस नहीं मिला। अनुमति देने तक इन webhook पर डिलीवरी रुकी रहेगी; यहाँ या Delivery में दें।',
};
