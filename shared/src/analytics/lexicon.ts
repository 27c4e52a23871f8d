/**
 * The built-in rules, Russian and English side by side; a tenant's own rules are added to them (never replace
 * them). Swear words are not here: `profanity.ts` matches them by root so every inflection and masked spelling is
 * caught. docs/analytics.md lists what each category means.
 */
import type { AnalysisRule, RuleSpeaker } from './rules.ts';
import type { LexicalCategory } from './values.ts';

type Extra = Partial<Pick<AnalysisRule, 'maxGap' | 'where' | 'negatable' | 'notAfterWords' | 'notBeforeWords'>> & { speaker?: RuleSpeaker };

function rules(category: LexicalCategory, language: 'ru' | 'en', name: string, phrases: readonly string[], extra: Extra = {}): AnalysisRule[] {
  return phrases.map((phrase, index) => ({ ruleId: `${language}.${category}.${name}.${index + 1}`, category, phrase, ...extra }));
}

/** Words that in front of «типа», «короче» make them the noun or the comparative, not a filler. */
const TYPE_WORDS = ['какого', 'такого', 'этого', 'того', 'нового', 'другого', 'одного', 'любого', 'разного', 'данного'];
const COMPARATIVE_WORDS = ['гораздо', 'намного', 'чуть', 'ещё', 'еще', 'стал', 'стала', 'стало', 'будет', 'значительно', 'немного'];
const PRONOUNS_RU = ['вы', 'ты', 'мы', 'я', 'он', 'она', 'они', 'вам', 'нам'];

export const BUILT_IN_RULES: readonly AnalysisRule[] = [
  // Filler words: exact forms, no gaps (a filler is the words themselves).
  ...rules('filler_words', 'ru', 'word', ['"ну"', '"короче"', '"типа"', '"блин"', '"вообще-то"'], { maxGap: 0, notAfterWords: [...TYPE_WORDS, ...COMPARATIVE_WORDS] }),
  ...rules('filler_words', 'ru', 'phrase', ['"как" "бы"', '"в" "общем"', '"это" "самое"', '"так" "сказать"', '"в" "принципе"', '"значит" "так"'], { maxGap: 0, notBeforeWords: PRONOUNS_RU }),
  ...rules('filler_words', 'en', 'word', ['"um"', '"uh"', '"erm"', '"basically"', '"literally"'], { maxGap: 0 }),
  ...rules('filler_words', 'en', 'phrase', ['"you" "know"', '"i" "mean"', '"kind" "of"', '"sort" "of"', '"like" "i" "said"'], { maxGap: 0 }),

  // Escalation: the customer asks for someone above the agent, a complaint book, a written claim.
  ...rules('escalation_request', 'ru', 'manager', [
    'кто главный', 'позовите руководител*', 'позовите начальник*', 'позовите старшего', 'позовите менеджер*', 'позовите директор*',
    'соедините руководител*', 'соедините начальник*', 'соедините старшим', 'соедините директор*', 'переключите руководител*', 'переключите начальник*',
    'поговорить руководител*', 'поговорить начальник*', 'поговорить руководств*', 'поговорить старшим', 'поговорить директор*',
    'дайте руководител*', 'дайте начальник*', 'дайте старшего', 'вышестоящ*', 'ваше руководств*', 'вашему руководств*', 'вашего руководств*',
  ], { maxGap: 3 }),
  ...rules('escalation_request', 'ru', 'claim', [
    'книга жалоб', 'книгу жалоб', 'жалобную книгу', 'написать претенз*', 'напишу претенз*', 'подать претенз*', 'подам претенз*', 'оформить претенз*',
    'составить претенз*', 'кому претенз*', 'письменн* претенз*', 'напишу жалоб*', 'написать жалоб*', 'подам жалоб*', 'подать жалоб*',
    'роспотребнадзор*', 'обращусь суд', 'подам суд', 'прокуратур*', 'защиты прав потребител*',
  ]),
  ...rules('escalation_request', 'en', 'manager', [
    'speak manager', 'talk manager', 'speak supervisor', 'talk supervisor', 'your manager', 'your supervisor', 'your boss', 'someone in charge',
    'who is in charge', 'escalate this', 'escalate it', 'higher up',
  ]),
  ...rules('escalation_request', 'en', 'claim', ['file complaint', 'formal complaint', 'written complaint', 'complaints book', 'complaint book', 'lodge complaint', 'my lawyer', 'take legal action']),

  // Negativity: the customer's explicit complaints and negative words.
  ...rules('negativity', 'ru', 'word', [
    'ужасн*', 'отвратительн*', 'безобраз*', 'возмутительн*', 'недоволен', 'недовольн*', 'разочарован*', 'кошмар', 'хамств*', 'хамить',
    'обманули', 'обман', 'мошенник*', 'надоел*', 'бардак', 'издевательств*', 'позорище', 'позор', 'отстой', 'плохо', 'плохой', 'худший',
  ]),
  ...rules('negativity', 'ru', 'phrase', ['не работает', 'сколько можно', 'верните деньги', 'верните мои деньги', 'хочу пожаловаться', 'у меня жалоба', 'у меня претензия', 'никто не отвечает', 'никто не перезвонил'], { maxGap: 1 }),
  ...rules('negativity', 'en', 'word', ['terrible', 'awful', 'horrible', 'disappointed', 'disappointing', 'unacceptable', 'ridiculous', 'worst', 'useless', 'disgusting', 'scam', 'furious', 'angry', 'annoyed']),
  ...rules('negativity', 'en', 'phrase', ['not working', "doesn't work", 'still broken', 'fed up', 'want refund', 'money back', 'want to complain', 'nobody called back'], { maxGap: 1 }),

  // Remarks to the agent: the customer criticises the agent in person.
  ...rules('remarks_to_agent', 'ru', 'phrase', [
    'вы не слышите', 'вы меня не слышите', 'вы не понимаете', 'вы не слушаете', 'вы некомпетентн*', 'научитесь работать', 'вы издеваетесь',
    'как вы разговариваете', 'как вы со мной разговариваете', 'вы хамите', 'вы грубите', 'вы бесполезн*', 'вы вообще работаете',
    'кто вас учил', 'не перебивайте', 'дайте мне договорить', 'хватит перебивать',
  ], { maxGap: 1, negatable: false }),
  ...rules('remarks_to_agent', 'en', 'phrase', [
    "you're not listening", 'you are not listening', "you don't understand", 'you are useless', "you're useless", 'are you even listening',
    'incompetent', 'stop interrupting', 'let me finish', 'you are rude', "you're rude", 'learn to do your job',
  ], { maxGap: 1, negatable: false }),

  // Exclamation words; marks (!) and shouting in capitals are counted from the text itself (measures.ts).
  ...rules('exclamations', 'ru', 'word', ['"безобразие"', '"возмутительно"', '"ужас"', '"кошмар"', '"немедленно"', '"наконец-то"']),
  ...rules('exclamations', 'en', 'word', ['"outrageous"', '"unbelievable"', '"immediately"', '"seriously"']),

  // Greeting and farewell: what a good conversation has, in the agent's opening and closing segments.
  ...rules('greeting', 'ru', 'word', ['здравствуйте', 'добрый день', 'добрый вечер', 'доброе утро', 'приветствую'], { where: 'opening', maxGap: 0 }),
  ...rules('greeting', 'en', 'word', ['hello', 'hi', 'good morning', 'good afternoon', 'good evening', 'welcome'], { where: 'opening', maxGap: 0 }),
  ...rules('farewell', 'ru', 'word', ['до свидания', 'всего доброго', 'всего хорошего', 'хорошего дня', 'хорошего вечера', 'удачного дня', 'спасибо за обращение'], { where: 'closing', maxGap: 0 }),
  ...rules('farewell', 'en', 'word', ['goodbye', 'bye', 'have a nice day', 'have a great day', 'thank you for contacting', 'thanks for contacting'], { where: 'closing', maxGap: 0 }),
];
