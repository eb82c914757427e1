/** Hindi texts of how a login ended (see en.loginEnd.ts). */
import type { LoginEndKey } from './en.loginEnd';

export const hiLoginEnd: Record<LoginEndKey, string> = {
  'lgbg.tabNotOpened': 'लॉगिन टैब नहीं खुल सका। फिर कोशिश करें।',
  'lgbg.accountDeleted': 'लॉगिन के दौरान खाता मिटा दिया गया।',
  'lgbg.tokensNotSaved': 'टोकन सेव नहीं हो सके।',
  'lgbg.capturedNotSaved': 'टोकन मिल गए पर सेव नहीं हुए: {why}',
  'lgbg.loggedIn': 'लॉगिन हो गया; सेशन टोकन मिल गए और डिलीवरी को सौंप दिए गए।',
  'lgbg.handoffFailed':
    'लॉगिन हो गया और टोकन सेव हो गए, पर उन्हें डिलीवरी को सौंपना नाकाम रहा। दोबारा भेजने के लिए options पेज खोलें।',
  'lgbg.tabClosed': 'Angel के टोकन भेजने से पहले लॉगिन टैब बंद हो गया। फिर लॉगिन करें।',
  'lgbg.leftAngel':
    'लॉगिन टैब Angel की साइट से बाहर चला गया ({origin} पर), इसलिए वहाँ कुछ टाइप नहीं किया गया और वहाँ से आए टोकन स्वीकार नहीं किए गए। फिर लॉगिन करें।',
  'lgbg.stateMismatch':
    'Angel के रीडायरेक्ट में इस लॉगिन से भेजे गए "state" से अलग "state" था, इसलिए उसके टोकन अस्वीकार किए गए (वे शायद आपके नहीं हैं)। फिर लॉगिन करें।',
  'lgbg.timeout':
    'Angel का लॉगिन {seconds} सेकंड में पूरा नहीं हुआ। लॉगिन टैब खुला छोड़ा गया है ताकि आप देख सकें कि यह कहाँ रुका; फिर लॉगिन करें, या options में समय सीमा बढ़ाएँ।',
  'lgbg.lockedDuring': 'लॉगिन के दौरान वॉल्ट लॉक हो गया। इसे खोलें और फिर लॉगिन करें।',
  'lgbg.accountUnreadable': 'खाता पढ़ा नहीं जा सका।',
};
