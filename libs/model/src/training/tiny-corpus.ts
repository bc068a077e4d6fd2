import type { TrainingSample } from './held-out-split';

/**
 * A handful of hand-written sentences in six languages (Swedish, Arabic, Japanese, Russian,
 * English, German): enough for a tiny but real model in tests of other projects.
 */
export const TINY_CORPUS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  sv: [
    'Det här är en mening på svenska.',
    'Alla människor är födda fria och lika i värde och rättigheter.',
    'Vi ses i morgon efter jobbet vid stationen.',
    'Hur mycket kostar en kopp kaffe och en kanelbulle?',
    'Barnen leker i trädgården medan solen skiner.',
    'Jag har glömt mitt lösenord och kan inte logga in.',
    'Stockholm är huvudstaden i Sverige och ligger vid vattnet.',
    'Öppna fönstret, det är så varmt här inne.',
  ],
  ar: [
    'هذه جملة مكتوبة باللغة العربية.',
    'يولد جميع الناس أحرارا متساوين في الكرامة والحقوق.',
    'أين تقع محطة القطار من فضلك؟',
    'نسيت كلمة المرور ولا أستطيع تسجيل الدخول.',
    'يلعب الأطفال في الحديقة بينما تشرق الشمس.',
    'القاهرة مدينة كبيرة تقع على نهر النيل.',
    'كم سعر فنجان القهوة في هذا المقهى؟',
    'افتح النافذة لأن الجو حار جدا هنا.',
  ],
  ja: [
    'これは日本語で書かれた文です。',
    'すべての人間は、生まれながらにして自由であり、尊厳と権利とについて平等である。',
    '駅はどこにありますか。',
    'パスワードを忘れたのでログインできません。',
    '子供たちは庭で遊んでいます。',
    '東京は日本の首都で、とても大きな都市です。',
    'コーヒーを一杯お願いします。',
    '窓を開けてください。ここはとても暑いです。',
  ],
  ru: [
    'Это предложение написано на русском языке.',
    'Все люди рождаются свободными и равными в своем достоинстве и правах.',
    'Скажите, пожалуйста, где находится вокзал?',
    'Я забыл пароль и не могу войти в систему.',
    'Дети играют в саду, пока светит солнце.',
    'Москва является столицей России и очень большим городом.',
    'Сколько стоит чашка кофе в этом кафе?',
    'Откройте окно, здесь очень жарко.',
  ],
  en: [
    'This is a sentence written in English.',
    'All human beings are born free and equal in dignity and rights.',
    'Could you tell me where the train station is, please?',
    'I forgot my password and cannot sign in.',
    'The children are playing in the garden while the sun is shining.',
    'London is the capital of England and a very large city.',
    'How much does a cup of coffee cost in this cafe?',
    'Please open the window, it is very hot in here.',
  ],
  de: [
    'Dies ist ein Satz in deutscher Sprache.',
    'Alle Menschen sind frei und gleich an Würde und Rechten geboren.',
    'Können Sie mir bitte sagen, wo der Bahnhof ist?',
    'Ich habe mein Passwort vergessen und kann mich nicht anmelden.',
    'Die Kinder spielen im Garten, während die Sonne scheint.',
    'Berlin ist die Hauptstadt von Deutschland und eine sehr große Stadt.',
    'Wie viel kostet eine Tasse Kaffee in diesem Café?',
    'Bitte öffne das Fenster, es ist sehr heiß hier drinnen.',
  ],
});

/** {@link TINY_CORPUS} as labelled samples. */
export function tinyCorpusSamples(): TrainingSample[] {
  return Object.entries(TINY_CORPUS).flatMap(([language, texts]) =>
    texts.map((text) => ({ text, language })),
  );
}
