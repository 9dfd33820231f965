/**
 * English speaker kinds beyond people talking: documents and recordings whose words are their author's, and
 * names whose extent is easy to get wrong. Invented sentences; each test fails without its rule.
 */
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/index.js';

const speakersOf = (paragraphs: string[]): (string | null)[] => findQuotes(paragraphs).map((quote) => quote.speaker);

describe('documents and recordings as speakers', () => {
  it('credits a letter "from the law firm …" to the firm, commas and all, and the quotation-only paragraph after it', () => {
    expect(
      speakersOf([
        'The baker received a letter from a Leeds law firm last month over the name of her shop.',
        '"Your use of the name misleads our client\'s customers," says the letter from the law firm Hale, Moss, Pryor.',
        '"Our client expects the sign to come down within fourteen days."',
      ]),
    ).toEqual(['Hale, Moss, Pryor', 'Hale, Moss, Pryor']);
  });

  it('credits "the resolution said" to the body the article named with that resolution', () => {
    expect(
      speakersOf([
        'The envoy read out a passage from a 2019 Arctic Council resolution on shipping lanes.',
        'The resolution said that fuel spills were the main risk "and that no member may license tankers without an inspection."',
      ]),
    ).toEqual(['Arctic Council']);
  });

  it('credits "the speaker says" and "the speaker tells" to the person a recording was attributed to', () => {
    expect(
      speakersOf([
        'An audio message attributed to Ivo Marek called on the miners to end their strike.',
        'The recording was broadcast by a local radio station on Friday.',
        '"You have made your point and the owners have heard it," the speaker says.',
        'The speaker tells the strikers that their demands "will be met in full by the spring."',
      ]),
    ).toEqual(['Ivo Marek', 'Ivo Marek']);
  });

  it('hears the voice again in "The speaker also repeats …", for the "he says" after it', () => {
    expect(
      speakersOf([
        'An audio message attributed to Ivo Marek called on the miners to end their strike.',
        '"You have made your point and the owners have heard it," the speaker says.',
        'The tape mentions Finance Minister Lena Brandt and Prime Minister Olaf Kessler, who took office in May.',
        'The speaker also repeats his claim that the owners misled the miners for years.',
        '"Nobody told you the truth about the pits, not once," he says.',
      ]),
    ).toEqual(['Ivo Marek', 'Ivo Marek']);
  });

  it('gives a law that nobody was named behind as written, and a report none, when the sentence says it states something', () => {
    expect(
      speakersOf([
        'Tenants will be able to challenge rent rises at a tribunal from April.',
        'The legislation makes clear that a landlord may not raise the rent "more than once in any twelve months, whatever the tenancy says."',
        'The report says that the tribunal was "already working at the limit of what its staff can handle."',
      ]),
    ).toEqual(['the legislation', null]);
  });

  it('takes the owner a possessive names for the author, and leaves "his letter" and "a CNN tape" without one', () => {
    expect(
      speakersOf([
        'Lowland Watch’s report on river pollution was published on Tuesday.',
        'The report said the river "has not been safe for swimming for a decade."',
        'Councillor Abel Rusk sent his letter to the minister a week later.',
        'The letter says that the council "cannot clean the river on its own."',
        'A CNN tape of the meeting surfaced on Friday.',
        'The tape says the minister "will look at the river again in the spring."',
      ]),
    ).toEqual(['Lowland Watch', null, null]);
  });

  it('does not take the place a report came from for its author', () => {
    expect(
      speakersOf([
        'A report from Kandahar on Sunday described long queues at the border.',
        'The report said the crossing "had been closed since dawn without any warning."',
        '"It is chaos here," says the letter from Dover, signed by forty drivers.',
      ]),
    ).toEqual([null, null]);
  });

  it('gives no author when the article named two for the same kind of document', () => {
    expect(
      speakersOf([
        'Both a Harbour Trust report and a Marina Council report were published on Monday.',
        'The report said the docks "will need dredging within five years."',
      ]),
    ).toEqual([null]);
  });
});

describe('firms joined by an ampersand', () => {
  it('reads "Hale & Moss" as one firm, before a verb and before an appositive, and "it" after it', () => {
    expect(
      speakersOf([
        '"We will appeal the ruling," Hale & Moss said on Monday.',
        'Brent & Tully, the agency that represents the singer, said she "never agreed to the tour."',
        '"The dates were never confirmed," it said.',
      ]),
    ).toEqual(['Hale & Moss', 'Brent & Tully', 'Brent & Tully']);
  });
});

describe('name extent', () => {
  it('does not take a product the company owns ("its Aurora Tarot app") for the full name of the company', () => {
    expect(
      speakersOf([
        'Aurora said ads for its Aurora Tarot app had appeared beside the game without its knowledge.',
        'Aurora denied that the game installs anything. "At no point does the game add our software to a phone."',
      ]),
    ).toEqual(['Aurora']);
  });
});

describe('verbs of reckoning', () => {
  it('reads "calculated" and "reckoned" after a quotation as reporting verbs', () => {
    expect(
      speakersOf([
        'Ngozi Okoro, an economist at the institute, has studied the cost of late repairs.',
        '"We fix what breaks," said Tom Reilly, the county engineer.',
        '"That is a great deal of money once you count every bridge in the county," Ms Okoro calculated.',
        'Mr Reilly disagreed. "Most of it could be saved by one inspection a year," she reckoned.',
      ]),
    ).toEqual(['Tom Reilly', 'Ngozi Okoro', 'Ngozi Okoro']);
  });
});

describe('subjects past an opening clause with a quoted phrase', () => {
  it('credits the quotation after "Still, after "…" by the choir, Ruth was worried." to Ruth', () => {
    expect(
      speakersOf([
        'The rehearsals went well this week, Ruth Lindqvist said. "Two of the soloists could sing at any opera house."',
        'Still, after "some very shaky evenings in the autumn" by the junior choir, Ruth was worried the concert might suffer. "But now I think they were only nervous."',
      ]).filter((speaker, i) => i !== 1),
    ).toEqual(['Ruth Lindqvist', 'Ruth Lindqvist']);
  });
});

describe('organisations as subjects', () => {
  it('credits "The trust … and then urged … “…”" to the trust the article named, possessive opening and all', () => {
    expect(
      speakersOf([
        'The Residents’ Harbour Improvement Trust, which oversees the harbour levy, complained in May that the council had ignored it.',
        'The council, however, said it could not reply before the autumn.',
        'The trust gave the council another month and then formally urged the mayor to make sure that the council “keeps every promise it made about the new quay.”',
      ]),
    ).toEqual(['Residents’ Harbour Improvement Trust']);
  });

  it('leaves "The trust … urged" without a speaker when the article named no trust', () => {
    expect(
      speakersOf([
        'The council said it could not reply before the autumn.',
        'The trust gave the council another month and then formally urged the mayor to make sure that the council “keeps every promise it made about the new quay.”',
      ]),
    ).toEqual([null]);
  });
});

describe('speakers brought in by a closing colon', () => {
  it('gives the quotation-only paragraphs after "In the recording, Marek says:" to Marek', () => {
    expect(
      speakersOf([
        'Ivo Marek, who led the strike, spoke for twenty minutes. In the recording, Marek says:',
        '"You have made your point and the owners have heard it."',
        '"Now go back to the pits and let the lawyers talk."',
      ]),
    ).toEqual(['Ivo Marek', 'Ivo Marek']);
  });

  it('gives nobody when the closing colon follows no reporting verb', () => {
    expect(
      speakersOf([
        'Ivo Marek, who led the strike, spoke for twenty minutes. The leaflet handed out afterwards was blunt:',
        '"Go back to the pits and let the lawyers talk."',
      ]),
    ).toEqual([null]);
  });
});

describe('statements issued by an organisation', () => {
  it('credits "X issued a statement saying “…”" to X, and "The ministry put out a statement saying" to the ministry named before', () => {
    expect(
      speakersOf([
        'Northgate Rail issued a statement saying the council had not consulted "a single passenger before the vote."',
        'The Ministry of Transport said on Friday that the line would reopen in June.',
        'The ministry put out a short statement saying it would "study the report with great care."',
      ]),
    ).toEqual(['Northgate Rail', 'Ministry of Transport']);
  });
});

describe('groups brought in by a relative clause', () => {
  it('credits "…, former members who have said to me, “…”" to the former members, and angry Democrats too', () => {
    expect(
      speakersOf([
        'I have lost count of the people I spoke to, former members who have said to me, "I joined because my friends did and I stayed for them."',
        'At the meeting, angry Democrats who said, "We were never asked about any of this," walked out.',
      ]),
    ).toEqual(['former members', 'angry Democrats']);
  });
});
