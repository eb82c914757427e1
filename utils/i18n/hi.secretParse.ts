/** Hindi texts of the TOTP-secret and otpauth:// parsers; the same keys as en.secretParse.ts. */
import type { SecretParseKey } from './en.secretParse';

export const hiSecretParse: Record<SecretParseKey, string> = {
  'b32.zero': '"0" (शून्य) base32 में नहीं होता; शायद यह अक्षर O है',
  'b32.one': '"1" (एक) base32 में नहीं होता; शायद यह अक्षर I या L है',
  'b32.eight': '"8" base32 में नहीं होता; शायद यह अक्षर B है',
  'b32.nine': '"9" base32 में नहीं होता (सिर्फ़ 2 से 7 तक के अंक होते हैं)',
  'b32.equals': '"=" सिर्फ़ आख़िर में padding के रूप में आ सकता है',
  'b32.codepoint': 'अक्षर U+{hex}',
  'b32.notBase32': '{shown} base32 का अक्षर नहीं है (base32 में सिर्फ़ A से Z अक्षर और 2 से 7 अंक होते हैं)',
  'b32.position': 'secret का अक्षर {position}: {what}।',
  'b32.padding': 'secret के आख़िर का "=" padding उसकी लंबाई से मेल नहीं खाता। "=" हटाकर फिर कोशिश करें।',
  'b32.length':
    'secret में {n} अक्षर हैं, जो किसी base32 secret में नहीं हो सकते: शायद कोई अक्षर छूटा या ज़्यादा है। पूरी key फिर कॉपी करें।',
  'b32.empty': 'TOTP secret लिखें (Angel के enable-TOTP पेज पर QR कोड के नीचे दिखने वाली key)।',
  'b32.short':
    'secret बहुत छोटा है: {n} bytes, कम से कम {min} चाहिए ({chars} या ज़्यादा अक्षर)। पूरी key फिर कॉपी करें।',
  'b32.long':
    'TOTP key के लिए secret बहुत लंबा है ({n} bytes, ज़्यादा से ज़्यादा {max})। जाँचें कि आपने सिर्फ़ key पेस्ट की है।',
  'otpl.label': 'लेबल',
  'otpl.issuer': 'जारीकर्ता (issuer)',
  'otpl.badEscape': 'otpauth:// लिंक के {what} में टूटा हुआ %-escape है। लिंक को उसकी जगह से फिर कॉपी करें।',
  'otpl.badAlgorithm': 'लिंक "{raw}" algorithm माँगता है; सिर्फ़ SHA1, SHA256 और SHA512 चलते हैं।',
  'otpl.badDigits': 'लिंक {raw} अंक माँगता है; सिर्फ़ 6, 7 या 8 अंकों के कोड चलते हैं।',
  'otpl.badPeriod': 'लिंक का period {raw} नहीं चलेगा: यह 1 से {max} तक सेकंड की पूरी संख्या होनी चाहिए।',
  'otpl.notOtpauth': 'यह otpauth:// लिंक नहीं है। base32 key ही पेस्ट करें, या otpauth://totp/ से शुरू होने वाला लिंक।',
  'otpl.hotp':
    'यह लिंक गिनती वाले कोड (HOTP) का है। Angel समय वाले कोड (TOTP) इस्तेमाल करता है: Angel के enable-TOTP पेज वाली key लें।',
  'otpl.otherType': 'यह otpauth:// लिंक "{type}" प्रकार का है; सिर्फ़ otpauth://totp/ लिंक चलते हैं।',
  'otpl.noSecret': 'otpauth:// लिंक में secret नहीं है। पूरा लिंक (या key ही) फिर कॉपी करें।',
  'otpl.badSecret': 'लिंक का secret नहीं चलेगा। {reason}',
};
