/**
 * Words of attribution in English, German, French, Spanish and Portuguese: reporting verbs, pronouns, words
 * that stand capitalised at a sentence start but never name anyone, and a guess at the article's language.
 */
import type { Gender } from './names.js';
import { isLatin1OrPunctuation, LATIN1_NOT_LETTER } from './text-utils.js';

const set = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));

/** English reporting verbs and participles, as they stand in news copy. */
export const REPORTING_VERBS = new Set(
  `said says say added adds told tells claimed claims warned warns wrote writes insisted insists explained
  explains noted notes stated states argued argues suggested suggests admitted admits acknowledged announced
  confirmed confirms denied revealed replied responded asked asks tweeted posted commented continued continues
  concluded recalled recalls urged urges vowed promised declared described describes remarked observed
  conceded cautioned predicted emphasised emphasized stressed boasted complained joked testified shouted
  indicated countered maintained pleaded lamented quipped texted emailed agreed reiterated recounted mused
  pledged pledges answered answers asserted contended exclaimed yelled chanted screamed muttered murmured reasoned
  whispered pointed cried demanded thundered snapped sighed grumbled conceded called calculated reckoned reckons`.split(
    /\s+/,
  ),
);
export const REPORTING_PARTICIPLES = new Set(
  `adding saying warning insisting noting claiming explaining arguing telling writing stressing declaring
  calling describing suggesting asking urging admitting acknowledging vowing promising pointing concluding
  continuing replying responding`.split(/\s+/),
);

/** Reporting verbs of the other languages, as they stand in news copy. */
export const FOREIGN_REPORTING_VERBS = set(`
  sagte sagt sagten sagen erklärte erklärt erklärten betonte betont betonten meinte meint ergänzte ergänzt warnte
  warnt kritisierte kritisiert schrieb schreibt schrieben sprach berichtete berichtet antwortete antwortet fragte
  fragt forderte fordert versicherte versichert bestätigte bestätigt räumte twitterte teilte zitierte erzählte
  erzählt bekräftigte unterstrich unterstreicht mahnte mahnt klagte beklagte beklagt lobte lobt so
  déclare déclaré dit dit-il explique expliqué affirme affirmé estime estimé souligne souligné ajoute ajouté indique
  indiqué précise précisé assure assuré rappelle rappelé confie confié raconte raconté lance lancé glisse glissé
  soupire soupiré poursuit poursuivi note noté insiste insisté témoigne témoigné martèle martelé reconnaît reconnu
  regrette regretté dénonce dénoncé avertit averti prévient prévenu conclut conclu répond répondu résume résumé
  commente commenté observe observé admet admis juge jugé écrit déplore déploré
  dijo dice dicen dijeron afirmó afirma aseguró asegura explicó explica señaló señala indicó indica añadió añade
  agregó agrega declaró declara sostuvo sostiene advirtió advierte comentó comenta manifestó expresó subrayó
  destacó destaca insistió apuntó apunta reconoció reconoce concluyó respondió preguntó escribió escribe relató
  afirmaram disse diz disseram afirmou declarou explicou acrescentou ressaltou destacou comentou completou
  escreveu garantiu avaliou observou salientou contou criticou alertou defendeu
  lamenta lamentó cuenta contó aclara aclaró remarca remarcó recuerda recordó opina opinó considera consideró
  denuncia denunció critica criticó reclama reclamó subraya insiste sostiene precisa precisó enfatizó enfatiza
  admite admitió confiesa confesó plantea planteó completa completó
  afirma explica ressalta destaca acrescenta comenta pontua pontuou disseram argumentou argumenta lembrou lembra
  declara questionou questiona completa reforçou reforça admitiu admite
  ajoute-t-il estime souligne déplore raconte
  fügte fügt kommentierte kommentiert entgegnete erwiderte erläutert erläuterte schildert schilderte scherzt scherzte
  erinnert erinnerte ergänzten versichert sagten warnte bilanziert bilanzierte
  détaille détaillé développe assène asséné lâche lâché tranche tranché s'exclame résume
  alertó alerta aseveró asevera remató remata reveló revela mencionó menciona resalta resaltó detalló detalla
  puntualizó puntualiza argumentó argumenta reiteró reitera advierte opina insiste expresa manifiesta
  frisou frisa reiterou relatou ponderou pondera alegou alega revelou assegurou acrescentaram`);

/** Nouns of the other languages that make the name beside them an organisation ("el periódico Novaya Gazeta"). */
export const FOREIGN_ORGANISATION_NOUNS = set(`
  periódico diario empresa compañía ministerio gobierno partido sindicato banco agencia organización grupo
  journal quotidien entreprise société ministère gouvernement parti syndicat banque agence groupe
  jornal ministério governo agência
  Zeitung Konzern Unternehmen Ministerium Regierung Partei Gewerkschaft Bank Agentur Verein Firma Sender
  Nachrichtensender Tageszeitung`);

/** "according to" in one word, before the source: laut, selon, según, segundo. */
export const ACCORDING_WORDS = set(`laut selon según segundo`);

/**
 * German Konjunktiv I forms that differ from the indicative: they mark a sentence as someone's words at second hand
 * ("Vielmehr sei …", "Oft habe er …"). Not the Konjunktiv II "hätten", "würden", which also tell of what might be.
 */
export const REPORTED_SPEECH_VERBS = set(`sei seien habe könne müsse werde wolle solle dürfe möge gebe handle
  handele liege stehe gehe komme wisse bleibe gelte brauche sehe erhalte finde halte plane fehle zeige drohe spüre
  glaube denke hoffe fürchte arbeite`);

/** Auxiliaries of compound tenses between a subject and its participle ("a déclaré", "hat gesagt"). */
export const AUXILIARIES = set(`a ont avait hat haben hatte ha han había tem têm teria`);

/** Subject pronouns and the gender they give (null: plural or unknown). */
export const PRONOUN_GENDER = new Map<string, Gender | null>([
  ...['he', 'er', 'il', 'él', 'ele'].map((word): [string, Gender] => [word, 'male']),
  ...['she', 'sie', 'elle', 'ella', 'ela'].map((word): [string, Gender] => [word, 'female']),
  ...['they', 'ils', 'elles', 'ellos', 'ellas', 'eles', 'elas'].map((word): [string, null] => [word, null]),
]);

/** English indefinite determiners that open a described speaker: "a spokesperson for …", "someone". */
export const INDEFINITE = set(`a an another one someone somebody`);
/**
 * The other languages' indefinite determiners: "ein Sprecher", "une source", "um assessor". Not "a", which is
 * Portuguese's definite article ("a garota"), French's "has" and Spanish's "to".
 */
export const FOREIGN_INDEFINITE = set(`ein eine einer un une uno una um uma`);
/** The gender an indefinite article gives the described speaker it opens ("eine Frau", "un étudiant"). */
export const DESCRIPTION_GENDER = new Map<string, Gender>([
  ...['eine', 'une', 'una', 'uma'].map((word): [string, Gender] => [word, 'female']),
  ...['ein', 'un', 'uno', 'um'].map((word): [string, Gender] => [word, 'male']),
]);
/** Indefinites that are a whole described speaker on their own ("said someone"). */
export const INDEFINITE_PRONOUNS = set(`someone somebody`);

/** Capitalised words that open sentences in the other languages and never name anyone. */
export const FOREIGN_FUNCTION_WORDS = set(`
  Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Er Sie Es Wir Ihr Man Sein Seine Seiner Seinen Ihre
  Ihrer Ihren Im Am Um Auf Aus Bei Mit Nach Von Vor Zu Zum Zur Für Über Unter Und Oder Aber Doch Denn Dass Wenn
  Als Wie Was Wer Wo Auch Noch Nur Schon So Dann Da Dort Hier Jetzt Heute Gestern Dennoch Trotzdem Allerdings
  Vielmehr Grundsätzlich Laut Zudem Außerdem Inzwischen Bereits Nun Diese Dieser Dieses Diesen Jeder Jede Alle
  Viele Mehr Kein Keine Nicht Ob Weil Damit Seit Bis Gegen Ohne Durch Nachdem Während Deshalb Daher Darum Dabei
  Dafür Dazu Damals Immer Etwa Rund Knapp Fast Sogar Selbst Ja Nein Gerade Zwar Jedoch Wegen Beim Vom Ins Ich Du
  Le La Les Un Une Des Du De Il Elle Ils Elles On Nous Vous Je Mais Et Ou Pour Selon Dans Sur Avec Sans Pas Ce
  Cet Cette Ces Son Sa Ses Leur Leurs Après Avant Depuis Pendant Quand Si Comme Ainsi Alors Aussi Déjà Encore
  Ici Là Pourtant Cependant Toutefois Enfin Puis Donc Car Lorsque Parce Chez Entre Vers Par Contre Malgré Même
  Tout Tous Toutes Chaque Aujourd Hier Désormais Certes Bref Au Aux En Que Qui Quoi Où Dont Lui Y Ne Cela Ça
  Qué Quién Quiénes Dónde Cuál Quem Onde Qual
  El Los Las Unos Unas Él Ella Ellos Ellas Se Su Sus Pero Y O Para Por Según Con Sin Sobre Tras Desde Cuando
  Como Así También Ya Además Este Esta Estos Estas Ese Esa Eso Esto Durante Hasta Hace Había Hoy Ayer Mientras
  Luego Sino Porque Aunque Muy Más No Sí Lo Nuestro Nuestra Yo Nosotros Usted Cada Tanto Todo Todos
  Os As Um Uma Ele Ela Eles Elas Seu Sua Seus Suas Mas E Ou Segundo Em Com Sem Após Quando Também Já Além Na No
  Nas Nos Da Do Das Dos Pela Pelo Isso Isto Esse Essa Ainda Hoje Ontem Muito Mais Não Sim Nosso Nossa Eu Então
  Embora Porém Contudo Todavia Apesar Aunque Sin Embargo Obwohl Jedoch Bien Quoique`);

/** Sentence adverbs, participles and the like that open English sentences and never name anyone. */
export const ENGLISH_OPENERS = set(`Saying Adding Having Being Nevertheless Nonetheless Indeed Instead Still
  Besides Furthermore Moreover Otherwise Perhaps Maybe Certainly Clearly Obviously Finally Initially Ultimately
  Eventually Fortunately Unfortunately Sadly Thankfully Speaking Asked Told Responding Describing Calling Noting
  Citing Following Given Like Unlike Well Look Yes No Oh OK Okay Later Earlier Recently Currently Afterwards Then
  Again Already Always Never Sometimes Often Above Below Inside Outside Along Across Behind Beyond Among Within
  Without Throughout Toward Towards Upon Via Per Whether Whatever Whoever Whenever Wherever Because Unless
  Until Till Except Though Regarding Concerning I I've I'm I'd I'll We We're We've You You're Let Please Thanks Thank Dear`);

/** Languages whose nouns are all capitalised: a capitalised run is a name only with more evidence. */
export const CAPITALISES_NOUNS = new Set(['de']);
/** Languages that drop subject pronouns: a bare "dijo" after a quotation means the last speaker. */
export const DROPS_PRONOUNS = new Set(['es', 'pt', 'it']);

const MARKERS: [string, Set<string>][] = [
  ['en', set('the and of to is was that with for said he she they have has which were')],
  ['de', set('der die das und ist nicht sich mit auf für ein eine dem den des sagte wird auch')],
  ['fr', set('le la les et est des une du dans pour qui pas sur au avec ce sont il elle')],
  ['es', set('el la los las y es del que por con una para se su al como más pero dijo')],
  ['pt', set('o os as e é do da que com uma para não em dos das ao pelo pela disse')],
];

/** Marker word → the languages it marks, in MARKERS order: one lookup per word instead of one per language. */
const MARKER_LANGUAGES = new Map<string, string[]>();
for (const [lang, markers] of MARKERS)
  for (const word of markers) MARKER_LANGUAGES.set(word, [...(MARKER_LANGUAGES.get(word) ?? []), lang]);

/** The article's language by counting common function words; 'en' when nothing stands out. */
export function guessLanguage(paragraphs: string[]): string {
  const counts = new Map<string, number>();
  const start = paragraphs.join(' ').slice(0, 20_000);
  const sample = isLatin1OrPunctuation(start)
    ? start.toLowerCase().split(LATIN1_NOT_LETTER)
    : start.toLowerCase().split(/[^\p{L}]+/u);
  for (const word of sample) {
    const langs = MARKER_LANGUAGES.get(word);
    if (langs) for (const lang of langs) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  let best = 'en';
  for (const [lang, count] of counts) if (count > (counts.get(best) ?? 0) * 1.2) best = lang;
  return best;
}
