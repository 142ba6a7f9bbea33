/**
 * The shape of one language's extra vocabulary for reading job titles and company names, kept apart from
 * the detection phrases so field rules and detection rules can change independently.
 */

import type { FieldPattern } from './signal-table';

export interface FieldVocabulary {
  /** Phrases around a job title; `{title}` marks where it sits. Earlier, heavier patterns are trusted more. */
  titlePatterns: FieldPattern[];
  /** Phrases followed by a company name ("here at {company}"). */
  companyPatterns: FieldPattern[];
  /**
   * Everyday roles, trades and levels missing from the detection table's role nouns ("Negotiator",
   * "Practitioner"): they end a job title wherever a title is read.
   */
  roleNouns: string[];
  /**
   * Words that name a role only where the sentence already says a role follows ("the Saturday girl job",
   * "looking for an improver"): too common elsewhere to end a title on their own.
   */
  looseRoleNouns: string[];
  /**
   * Words (often in another language) that introduce a title in a subject line and are not part of it:
   * "Sollicitatie Product Designer", "Ihre Bewerbung als Data Engineer", "Vaga QA Analyst".
   */
  titleLeadIns: string[];
  /**
   * Kind-of-business words that end an organisation's full name ("Coffee", "Security", "Care Home",
   * "Supermarkets"). A name ending in one is an organisation, not a person; and a longer name in the email
   * that extends the chosen company with them is the company's full name ("FreshWay" → "FreshWay
   * Supermarkets").
   */
  businessNouns: string[];
  /** More words that mark a department rather than the company ("Resourcing"); trimmed off the end. */
  departmentWords: string[];
  /** Labels of "Label: value" lines that give a place ("Where:", "Venue:"), which may be the employer's. */
  placeLabels: string[];
  /** More words with an agent-noun ending that are not roles ("Shortlist: Finance Officer"). */
  nonTitleWords: string[];
  /** More lower-case joining words inside a name, from names in other languages ("Institut für …"). */
  nameConnectors: string[];
  /** Organisational units a signature names after the signer's role ("Faculty of …", "Department of …"). */
  unitWords: string[];
  /** Labels of "Label:" lines whose value, on the same line or the next, names the role ("Event Type:"). */
  titleLabels: string[];
  /**
   * Words that show the part after a dash in a title is not a specialisation of the role but a stage, a
   * contract or a place ("– interview", "– Part Time", "– Elm Street"); a part with one of them is dropped.
   */
  specialisationStopWords: string[];
}
