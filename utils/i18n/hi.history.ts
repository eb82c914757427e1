/** हिन्दी: लॉगिन इतिहास और गलत MPIN के बाद दोबारा लॉगिन की पुष्टि। */
import type { HistoryKey } from './en.history';

export const hiHistory: Record<HistoryKey, string> = {
  'lgwp.confirm': 'Angel ने कहा कि MPIN गलत था। क्या उसी MPIN से दोबारा लॉगिन करें?',
  'lgwp.confirmLeft': 'Angel ने कहा कि MPIN गलत था ({left} कोशिशें बाकी)। क्या उसी MPIN से दोबारा लॉगिन करें?',
  'lgwp.confirmOneLeft':
    'Angel ने कहा कि MPIN गलत था (1 कोशिश बाकी)। क्या उसी MPIN से दोबारा लॉगिन करें? एक और गलत MPIN से खाता ब्लॉक हो जाएगा।',

  'hist.title': 'इतिहास',
  'hist.intro':
    'पिछले 60 दिनों के रोज़ के लॉगिन, जाँच और टोकन डिलीवरी, इसी कंप्यूटर पर एन्क्रिप्टेड। कोई PIN, कोड, key या टोकन नहीं रखा जाता।',
  'hist.account': 'खाता',
  'hist.kind': 'प्रकार',
  'hist.result': 'नतीजा',
  'hist.all': 'सभी',
  'hist.kindLogin': 'रोज़ का लॉगिन',
  'hist.kindValidation': 'जाँच',
  'hist.kindDelivery': 'डिलीवरी',
  'hist.success': 'सफल',
  'hist.failure': 'असफल',
  'hist.time': 'समय',
  'hist.step': 'असफल चरण',
  'hist.message': 'क्या कहा गया',
  'hist.caption': '{total} में से {shown} प्रविष्टियाँ, नई पहले',
  'hist.empty': 'अभी कुछ नहीं: लॉगिन, जाँच और डिलीवरी यहाँ दिखेंगी।',
  'hist.noMatch': 'इन फ़िल्टर से कोई प्रविष्टि नहीं मिली।',
  'hist.exportCsv': 'CSV निर्यात करें',
  'hist.exportHint': 'दिखाई गई प्रविष्टियाँ (फ़िल्टर के साथ) निर्यात होती हैं।',
  'hist.exported': '{file} सेव हुई।',
  'hist.refresh': 'ताज़ा करें',
  'hist.clear': 'इतिहास मिटाएँ',
  'hist.clearConfirm': 'इतिहास की सभी प्रविष्टियाँ मिटाएँ? यह वापस नहीं होगा।',
  'hist.clearYes': 'सब मिटाएँ',
  'hist.cleared': 'इतिहास मिटा दिया गया।',
  'hist.unreadable': 'पुराना इतिहास पिछले वॉल्ट से सील था और पढ़ा नहीं जा सकता; नई प्रविष्टियाँ उसकी जगह लेंगी।',
  'hist.loadFailed': 'इतिहास पढ़ा नहीं जा सका।',
  'hist.deleted': '(हटाया गया खाता)',
  'hist.validated': 'REST API से लॉगिन हुआ; खाते का विवरण सही है।',
  'hist.filters': 'इतिहास फ़िल्टर करें',
};
