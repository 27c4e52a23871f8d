/**
 * Swear words by root rather than by list, so every inflection and derived word is caught («пиздец», «спиздили»,
 * «заебал», «нахуя») while words that merely contain the letters are not («оскорблять», «хлеба», «себя»,
 * «страхуйте», «мудрый», «сукно», «Scunthorpe»): a root must start the word, after none or one of the prefixes
 * Russian derives these words with. Masked spellings («х*й», «п***ц», «f**k», «бл@дь») are read against the
 * common full forms, each run of mask characters standing for one to a few letters. Works on normalised words
 * (`text.ts`: lower case, ё as е, Latin look-alikes in Cyrillic words already Cyrillic).
 */

/** Prefixes before the roots; «с» is left out before «еб» (it would read «себя»). */
const PREFIXES = '(?:за|на|по|до|от|отъ|об|объ|о|у|вы|раз|разъ|рас|под|подъ|при|пере|недо|съ|въ|изъ|ис|из|вз|взъ|с|ни)?';
const PREFIXES_NO_S = '(?:за|на|по|до|отъ|объ|у|вы|разъ|подъ|при|пере|недо|съ|въ|изъ|взъ)?';

const RUSSIAN = new RegExp(
  [
    `^${PREFIXES}ху[йяеию]`,
    `^${PREFIXES}пизд`,
    `^${PREFIXES_NO_S}(?:е|йо)б(?:[аулнием]|ыв|ыр|ть|сти|ш)`,
    '^бля(?:[дт]|$)',
    `^${PREFIXES}муд(?:ак|ач|ил|оз|озв)`,
    '^пид(?:[оа])?р',
    `^${PREFIXES}залуп`,
    '^г[ао]ндон',
    '^шлюх',
    '^(?:сук[аиеу]|сукой|сучк|сучар)$',
    '^(?:манд[аыуе]|мандой)$',
  ].join('|'),
);

const ENGLISH = /^(?:mother)?f+u+c+k|^(?:bull|horse)?shit|^bitch|^ass(?:hole|wipe|hat)|^cunt|^dick(?:s|head|heads)?$|^bastard|^wank|^twat|^dumbass/;

/** Full forms a masked spelling is read against. */
const MASK_TARGETS = [
  'хуй', 'хуя', 'хуе', 'хуи', 'хую', 'хуйня', 'нахуй', 'похуй', 'нихуя', 'охуеть', 'охуел', 'пизда', 'пиздец', 'пизду', 'пизды', 'блядь', 'блять', 'бля',
  'ебать', 'ебал', 'ебаный', 'ебет', 'заебал', 'наебал', 'сука', 'суки', 'мудак', 'пидор', 'пидорас', 'гандон', 'залупа',
  'fuck', 'fucking', 'fucked', 'fucker', 'shit', 'shitty', 'bitch', 'asshole', 'cunt', 'dick', 'bastard', 'motherfucker', 'bullshit',
];

const MASK_RUN = /[*#@$%]+/g;

/** Whether a masked word («х*й») reads as one of the full forms: at least two letters shown, the masks standing for letters. */
function maskedSwear(norm: string): boolean {
  const shown = norm.replace(MASK_RUN, '');
  if ([...shown].length < 2 || shown.length === norm.length) return false;
  const pattern = norm.split(MASK_RUN).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const masks = norm.match(MASK_RUN) ?? [];
  const source = pattern.reduce((acc, part, i) => acc + part + (i < masks.length ? `\\p{L}{1,${masks[i]!.length + 2}}` : ''), '');
  const test = new RegExp(`^${source}$`, 'u');
  return MASK_TARGETS.some((target) => test.test(target));
}

/** Whether a normalised word is a swear word. */
export function isSwearWord(norm: string, masked: boolean): boolean {
  if (masked) return maskedSwear(norm);
  return RUSSIAN.test(norm) || ENGLISH.test(norm);
}

export const PROFANITY_RULE_IDS = { root: 'builtin.profanity.root', masked: 'builtin.profanity.masked' } as const;
