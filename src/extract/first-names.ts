/**
 * Common given names across the languages newsbrief reads, with the gender they usually carry. A name run
 * that holds one of them is a person (which matters most in German, where every noun is capitalised), and
 * its gender lets "she said" skip the last man quoted. Not a census: a miss only means less certainty.
 */
import type { Gender } from './names.js';

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

const MALE = words(`
 Aaron Abdul Abdullah Adam Adil Adrian Ahmed Ahmad Alain Alan Alberto Albert Alejandro Alessandro Alex Alexander
 Alexandre Alexei Alfred Ali Amir Anders Andreas Andrew Andrés Andrzej Angelo Anthony Antoine Anton Antonio
 Arnaud Arthur Axel Barack Ben Benjamin Bernard Bernd Bill Bob Boris Brad Brian Bruce Bruno
 Carl Carlos Carsten Cedric Charles Chris Christian Christoph Christophe Christopher Claude Colin Cristiano Daniel
 Dan Danny Darren David Denis Dennis Diego Dieter Dimitri Dirk Dmitry Dominic Donald Doug Douglas Duncan Ed Eddie
 Edward Emmanuel Emmanuelle Enrique Eric Erik Ernst Esteban Étienne Fabian Fabio Felipe Felix Fernando Florian
 Francesco Francis Francisco Franck Frank Franz François Frédéric Friedrich Gabriel Gareth Gary Georg George
 Gerhard Gianni Gilles Giorgio Giovanni Giuseppe Gordon Greg Gregor Guido Guillaume Günter Hans Harald Harry Heiko
 Heinrich Heinz Helmut Henri Henrik Henry Herbert Horst Hugo Hussain Ian Ibrahim Igor Ivan Jack Jacob Jacques
 James Jan Javier Jean Jeff Jeffrey Jens Jeremy Jim Joachim Joe Joel Johan Johannes John Jonathan Jordi
 Jorge José Josef Joseph Joël Jérôme Jean-Marc Josh Joshua Juan Julian Julien Jürgen Karl Karsten Keith Ken Kenneth Kevin Klaus Kurt Lars
 Laurent Lee Leo Leon Leonardo Lorenzo Louis Luc Luca Lucas Ludwig Luis Luiz Lukas Manfred Manuel Marc Marcel
 Marcelo Marco Marcos Mario Mark Markus Martin Mathieu Matt Matteo Matthew Matthias Max Maxime Michael Michel
 Miguel Mike Mikhail Mohamed Mohammed Muhammad Nicholas Nick Nicolas Nigel Niklas Nikolai Norbert Olaf Oliver
 Olivier Omar Oscar Otto Pablo Paolo Pascal Patrick Paul Paulo Pedro Peter Philip Philipp Philippe Pierre Rafael
 Rainer Ralf Ralph Ramón Raúl Reinhard Renato Rémi Ricardo Richard Rick Robert Roberto
 Robin Roger Roland Rolf Roman Ron Ronald Rudolf Rui Ryan Salvador Sam Samuel Sandro Scott Sebastian Sébastien
 Sergei Sergey Sergio Simon Stefan Stephan Stephen Steve Steven Stéphane Sven Thierry Thomas Thorsten
 Tim Timo Tobias Todd Tom Tommy Tony Torsten Uwe Valentin Victor Vincent Vítor Vladimir Volker Volodymyr Walter
 Werner Wilhelm William Wolfgang Xavier Yann Yannick Yves Jonas Finn Leon Elias Noah Luca Moritz Jannik
 Henning Hauke Malte Ole Till Jörg Uli Rüdiger Bernhard Gustavo Rodrigo Eduardo Arthur `);

const FEMALE = words(`
 Adele Agnès Alexandra Alice Alicia Amanda Amelie Amy Ana Anastasia Andrea Angela Angelika Anita Anja Ann Anna
 Anne Annette Annika Antonia Ariane Barbara Beatrice Beatriz Birgit Brigitte Camille Carla Carmen Carol Caroline
 Carolina Catherine Cecilia Celine Charlotte Chloe Christina Christine Claire Clara Claudia Cristina
 Dana Daniela Diana Dolores Dominique Doris Elena Elisa Elisabeth Elizabeth Ella Ellen Elsa Emily Emma Erika Eva
 Fatima Florence Frances Francesca Françoise Gabriele Gabriela Gabrielle Gisela Hanna Hannah Heike Helen Helena
 Helga Hillary Ilse Ines Inés Ingrid Irene Isabel Isabelle Jacqueline Jana Jane Janet Jennifer Jessica Joanna
 Johanna Julia Julie Juliette Karen Karin Katarina Katharina Kate Katherine Kathrin Katja Kelly Kirsten Kristina
 Laura Lea Léa Linda Lisa Louise Lucia Lucy Luisa Madeleine Magdalena Maria María Mariana Marianne Marie Marina
 Marine Marion Marta Martha Martina Mary Maya Melanie Mélanie Michelle Monika Monique Nadia Nadine Nancy Natalia
 Natalie Nathalie Nicola Nicole Nina Olga Olivia Pamela Patricia Paula Petra Pia Rachel Rebecca Renate Rita Rosa
 Ruth Sabine Sandra Sara Sarah Silvia Simone Sofia Sophie Stefanie Stephanie Susan Susanne Sylvie Tamara Tanja
 Teresa Theresa Ulla Ulrike Ursula Valentina Valérie Vanessa Vera Veronica Victoria Virginie Zoe
 Marlene Lena Mia Emilia Greta Frieda Ida Jule Svenja Wiebke Anke Silke `);

/** Names common for both, or whose gender differs by country: a person, gender unknown. */
const EITHER = words(`Alex Andrea Chris Dominique Jo Kim Leslie Robin Sam Sascha Jean-Claude Jean-Pierre Jean-Luc
 Marie-Pierre Maxi Pat Taylor Jordan Morgan Ashley`);

const GENDER = new Map<string, Gender | null>();
for (const name of MALE) GENDER.set(name, 'male');
for (const name of FEMALE) GENDER.set(name, 'female');
for (const name of EITHER) GENDER.set(name, null);

/** Whether the word is a known given name ("Tobias", "Marie-Pierre"). */
export const isFirstName = (word: string): boolean => {
  if (GENDER.has(word)) return true;
  // The part before a hyphen ("Marie" of "Marie-Claire"), without splitting: this runs for every name word.
  const hyphen = word.indexOf('-');
  return hyphen >= 0 && GENDER.has(word.slice(0, hyphen));
};

/** The gender a given name usually carries, or null when unknown or either. */
export const firstNameGender = (word: string): Gender | null => GENDER.get(word) ?? null;
