/**
 * Proper names in news copy: reading a run of capitalised words as a person or an organisation, dropping
 * titles and roles ("Russia's President Vladimir Putin" → "Vladimir Putin"), and telling the two apart.
 */
import { firstNameGender, isFirstName } from './first-names.js';
import { ENGLISH_OPENERS, FOREIGN_FUNCTION_WORDS } from './lexicon.js';
import { isCapitalised, type Token } from './tokens.js';

/** A description ("a spokesperson for the water board") is shown as written and never resolves a pronoun. */
export type EntityKind = 'person' | 'organisation' | 'description';
export type Gender = 'male' | 'female';

/** A proper name as the article uses it, titles removed. */
export interface NamedEntity {
  name: string;
  kind: EntityKind;
  gender: Gender | null;
  /** An organisation heard through its spokesman: a later "he" or "she" may still be that spokesman. */
  spokesperson?: boolean;
}

/** Titles and capitalised roles that precede a name and are not part of it. */
const TITLES = new Set(
  `Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Baroness Baron President Vice Prime Minister
  Chancellor Secretary Senator Sen Rep Representative Gov Governor Mayor Judge Justice General Gen Col Colonel
  Capt Captain Major Lt Lieutenant Sgt Sergeant Chief Inspector Detective Det Supt Superintendent Constable
  Officer Commissioner Ambassador Pope King Queen Prince Princess Rev Reverend Father Sister Brother Rabbi
  Imam Bishop Archbishop Coach Councillor Cllr Councilman Councilwoman Councilmember Alderman Deputy Assistant
  Acting Former Executive Director Editor Correspondent Reporter Spokesman Spokeswoman Spokesperson Chairman
  Chairwoman Chair Founder Leader Premier Sheriff Attorney Speaker Congressman Congresswoman Admiral Marshal
  Dean Chef Nurse Doctor Manager Head MP MEP MSP CEO Boss Member Grandmother Grandfather Gran Grandad Mum
  Mother Dad Pensioner Widow Widower Student Teacher Farmer Resident Campaigner Shopkeeper Landlord Owner
  Driver Survivor Veteran Actor Actress Singer Star Presenter Author Novelist Poet Artist Striker Midfielder
  Defender Goalkeeper Winger Officials Councilor Trustee Superintendent Principal Analyst Economist Professor
  Lawyer Researcher Scientist Supervisor Assemblyman Assemblywoman Assemblymember Delegate Trooper Justice Pastor
  Coroner Magistrate Minister Councilmember Comptroller Treasurer Clerk Provost Chancellor Dean Commander
  Presidente Président Présidente Präsident Präsidentin Ministro Ministra Ministre Ministerin Kanzler Kanzlerin
  Bürgermeister Bürgermeisterin Senador Senadora Diputado Diputada Deputado Deputada Gobernador Gobernadora
  Governador Alcalde Alcaldesa Prefeito Prefeita Maire Sénateur Député Députée Herr Frau Monsieur Madame Mme
  Señor Señora Don Doña Dom Dona Sr Sra`.split(/\s+/),
);
export const isTitle = (word: string): boolean => TITLES.has(word);
const MALE_TITLES = new Set(
  `Mr Sir Lord Baron King Prince Father Brother Congressman Councilman Chairman Spokesman`.split(/\s+/),
);
const FEMALE_TITLES = new Set(
  `Mrs Ms Miss Dame Lady Baroness Queen Princess Sister Congresswoman Councilwoman Chairwoman Spokeswoman`.split(/\s+/),
);

/** Capitalised words that start sentences or clauses but are never names. */
const FUNCTION_WORDS = new Set(
  `The A An In On At By For From To Of With And But Or So As If When While After Before Since Although Though
  However Meanwhile Speaking According This That These Those It He She They We I You His Her Their Our My Its
  There Here Asked Writing Yet Still Now Then Today Yesterday Last Next Earlier Later Both All Some Many Most
  Other Others Such What Why How Who Where News Under Over During Despite Amid Also Not No Yes One Two Three
  Several Each Every Another Instead Even Only`.split(/\s+/),
);
const CALENDAR_WORDS = new Set(
  `Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
  September October November December Christmas Easter`.split(/\s+/),
);
/** Whether the word names a day, month or holiday ("on Wednesday said" is no speaker). */
export const isCalendarWord = (word: string): boolean => CALENDAR_WORDS.has(word);
/** Words that make a capitalised run an organisation. */
const ORGANISATION_WORDS = new Set(
  `Council Ministry Department Rail Railway Railways Police Service Services Agency Bank Group Company Ltd Inc
  Plc PLC Corp Corporation LLC University College School Hospital Trust Union Association Authority Commission
  Office Party Committee Foundation Institute Airlines Airways Network Board Federation Society Club Church
  Times News Post Journal Media Labs Systems Technologies Energy Motors Water Housing Health Museum Coalition
  Alliance Fund Bureau Centre Center Partners Holdings Industries Network Government Administration Court Army
  Navy Force Brigade Institution Organisation Organization Charity Council Assembly Parliament Congress Senate
  Cabinet Kremlin Pentagon Treasury Ofcom Ofgem Ofwat Watch Project Campaign Initiative Network Agency Airport
  Port Festival League FC United City Studios Records Press Insurance Capital Partnership Consortium Trains
  Buses Transit Chamber Commerce Electric Telecom Airline Pharmaceuticals Foods Logistics Software
  Entertainment Publishing Construction Homes Mining
  Organización Organização Organisme Ministerio Ministère Ministério Ministerium Agencia Agence Agência
  Instituto Institut Fundación Fondation Fundação Stiftung`.split(/\s+/),
);
/** Lower-case nouns that stand for an organisation, or for someone speaking on its behalf. */
export const ORGANISATION_ROLES = new Set(
  `spokesman spokeswoman spokesperson representative statement company firm group organisation organization
  agency ministry department council authority charity union bank airline retailer club party police force
  regulator government operator university hospital trust board campaign insurer carrier developer business
  spokespeople spokesmen spokeswomen service office watchdog broadcaster provider providers maker manufacturer
  chain supplier startup platform publisher lender brand giant conglomerate newspaper network utility airport
  school college label studio team magazine station committee commission association federation league museum
  foundation institute embassy`.split(/\s+/),
);
/** Role nouns that speak for an organisation rather than name one. */
export const SPOKESPERSON_ROLES = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'representative',
  'spokespeople',
  'spokesmen',
  'spokeswomen',
]);

/** Name particles that may sit inside a person's or an organisation's name. */
export const PARTICLES = new Set(`de van von der den da di du la le bin al of for dos del`.split(/\s+/));

const isAcronym = (word: string): boolean => word.length >= 2 && word.length <= 6 && /^[\p{Lu}\d&]+$/u.test(word);
const isFamilyDescriptor = (word: string): boolean => word.includes('-of-') && /^\p{L}+-of-\p{L}+$/u.test(word);
const stripPossessive = (word: string): string => word.replace(/['’]s?$/u, '');
const isApostrophe = (ch: string | undefined): boolean => ch === "'" || ch === '’';
/** Ends in an apostrophe or apostrophe-s (checked first without a regular expression: this runs per name word). */
const isPossessive = (word: string): boolean =>
  (isApostrophe(word.at(-1)) || (word.at(-1) === 's' && isApostrophe(word.at(-2)))) &&
  /\p{L}['’]s?$/u.test(word) &&
  !/^[OD]['’]/u.test(word);

/** Length of the run of name words starting at `start` (capitalised words and inner particles). */
export function nameRunLength(tokens: Token[], start: number): number {
  let end = start;
  while (end < tokens.length) {
    const token = tokens[end];
    if (isCapitalised(token)) {
      end++;
      if (isPossessive(token?.text ?? '') && !isCapitalised(tokens[end])) break;
    } else if (end > start && token?.word && PARTICLES.has(token.text) && isCapitalised(tokens[end + 1])) {
      // "Bank of England" but not "Ian Marr of Hampshire Police": of/for join only an organisation's name.
      const joinsOrganisation = token.text !== 'of' && token.text !== 'for';
      const runSoFar = tokens.slice(start, end).map((word) => word.text);
      if (!joinsOrganisation && !runSoFar.some((word) => ORGANISATION_WORDS.has(word))) break;
      end++;
    } else if (end > start && token?.text === '&' && isCapitalised(tokens[end + 1])) {
      // "Procter & Gamble", "Rogers & Cowan": a firm's partners joined by an ampersand are one name.
      end++;
    } else break;
  }
  return end - start;
}

/**
 * Reads a run of capitalised words as a name: everything up to a possessive ("Russia's") and leading
 * function words, titles and roles are dropped. Returns null when nothing name-like is left.
 */
export function readName(words: string[]): NamedEntity | null {
  let rest = words.map(stripPeriod);
  let gender: Gender | null = null;
  const lastPossessive = rest.slice(0, -1).findLastIndex(isPossessive);
  if (lastPossessive >= 0) rest = rest.slice(lastPossessive + 1);
  const lastTitle = rest.slice(0, -1).findLastIndex((word) => TITLES.has(word) || isFamilyDescriptor(word));
  for (const title of rest.slice(0, lastTitle + 1)) {
    if (MALE_TITLES.has(title)) gender = 'male';
    if (FEMALE_TITLES.has(title)) gender = 'female';
  }
  rest = rest.slice(lastTitle + 1);
  // "Secretary of State Condoleezza Rice", "Minister for Health Ana Silva": the office's object is not the name.
  if (lastTitle >= 0 && (rest[0] === 'of' || rest[0] === 'for') && rest.length >= 4) rest = rest.slice(2);
  while (rest.length > 1 && (isNeverAName(rest[0] ?? '') || PARTICLES.has(rest[0] ?? ''))) rest = rest.slice(1);
  // "US-Nachrichtensender CNN", "Flixbus-Manager Stenger": a compound role glued by a hyphen, not a given name.
  while (rest.length > 1 && (isRoleCompound(rest[0] ?? '') || isGermanRole(rest[0] ?? ''))) rest = rest.slice(1);
  // "Secretary of State Condoleezza Rice", "Grünen-Politiker Tobias Lindner": the name starts at its given name.
  const given = rest.findIndex(isFirstName);
  if (
    given > 0 &&
    given < rest.length - 1 &&
    !isFirstName(rest[0] ?? '') &&
    !rest.slice(0, given).some((word) => ORGANISATION_WORDS.has(word))
  )
    rest = rest.slice(given);
  gender ??= firstNameGender(rest[0] ?? '');
  // "Ian Marr of Hampshire Police" is Ian Marr; "Bank of England" stays whole.
  const link = rest.findIndex((word, index) => index > 0 && (word === 'of' || word === 'for'));
  if (link > 0 && !rest.slice(0, link).some((word) => ORGANISATION_WORDS.has(word))) rest = rest.slice(0, link);
  const last = rest.at(-1);
  if (last !== undefined) rest[rest.length - 1] = stripPossessive(last);
  if (rest.length === 0 || rest.every((word) => isNeverAName(word) || TITLES.has(word))) {
    return null;
  }
  const name = rest.join(' ');
  return { name, kind: looksLikeOrganisation(rest) ? 'organisation' : 'person', gender };
}

const GERMAN_ROLE =
  /(chef|chefin|sprecher|sprecherin|präsident|präsidentin|minister|ministerin|politiker|politikerin|trainer|trainerin|manager|managerin|direktor|direktorin|leiter|leiterin|experte|expertin|forscher|forscherin|vorsitzender?|geschäftsführer|geschäftsführerin|bürgermeister|bürgermeisterin|beauftragter?)$/u;

/** A German role noun that stands before a name: "Sportchef", "Datenschutzbeauftragte", "SPD-Politiker". */
export const isGermanRole = (word: string): boolean => /^\p{Lu}/u.test(word) && GERMAN_ROLE.test(word.toLowerCase());

/** "Grünen-Politiker", "SPD-Chef": a hyphenated compound whose last part is a long common noun, not a name. */
function isRoleCompound(word: string): boolean {
  const dash = word.lastIndexOf('-');
  if (dash <= 0 || isFirstName(word)) return false;
  const tail = word.slice(dash + 1);
  return TITLES.has(tail) || /^\p{Lu}\p{Ll}{5,}(?:er|in|ent|sender|chef|sprecher|politiker)$/u.test(tail);
}

/** "Mr." → "Mr"; an initial keeps its stop ("George W. Bush"). */
function stripPeriod(word: string): string {
  return word.endsWith('.') && !/^(\p{Lu}\.)+$/u.test(word) ? word.slice(0, -1) : word;
}

/** An organisation by its words: "Network Rail", "Ministry of Health", "BBC". */
export function looksLikeOrganisation(words: string[]): boolean {
  // "Hale & Moss": partners joined by an ampersand are a firm.
  if (words.some((word) => ORGANISATION_WORDS.has(word) || word === '&')) return true;
  // "BBC", "NHS England": an acronym of three letters or more names an organisation ("JD Vance" does not).
  return words.some((word) => isAcronym(word) && word.length >= 3) || (words.length === 1 && isAcronym(words[0] ?? ''));
}

/** The four lists above in one set: one lookup per word (this runs for every capitalised word read). */
const NEVER_NAMES = new Set([...FUNCTION_WORDS, ...CALENDAR_WORDS, ...FOREIGN_FUNCTION_WORDS, ...ENGLISH_OPENERS]);

/** Whether a capitalised word is a function word or date, which can stand capitalised at a sentence start. */
export function isNeverAName(word: string): boolean {
  return NEVER_NAMES.has(word);
}
