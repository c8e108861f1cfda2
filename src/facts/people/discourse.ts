/**
 * Who an article is talking about, sentence by sentence: the people named so far with their
 * offices, and the people "he", "she", "the minister" or "the FPCCI chief" refer to. A salience
 * list, not a model: a reference goes to the most recent compatible person, and where two people
 * fit equally it goes to nobody — a quote left unattributed is a miss, a quote given to the wrong
 * person is an error.
 *
 * Pronouns look back sentence by sentence (a bounded number) for the nearest sentence with anyone
 * who fits (sex where the article shows it, one person rather than many or a body); several there
 * are told apart only by who spoke in that sentence, or by a pronoun of the same sex carried from
 * it. Role nouns look at everyone named so far whose offices fit (rank, portfolio, acronym,
 * country); a role noun that fits nobody is someone unnamed.
 */

import type { OfficeFacts, PersonKind } from "../../types";
import type { Gender } from "./mentions";
import type { Reference, RoleNoun, SpeechAct } from "./references";

/** What the article says of a person, as far as resolving references needs it. */
export interface PersonProfile {
  offices: readonly OfficeFacts[];
  kind: PersonKind;
  country: string | null;
  /** The country is the article's words, not inferred. */
  countryExplicit: boolean;
  gender: Gender | null;
}

export const UNKNOWN_PROFILE: PersonProfile = {
  offices: [],
  kind: "other",
  country: null,
  countryExplicit: false,
  gender: null,
};

/** Someone referred to: a named person (`person` ≥ 0), or someone unnamed. */
export interface Entity {
  id: number;
  person: number | null;
  plural: boolean;
  /** A body (a ministry, an office, a newspaper) rather than a person. */
  body: boolean;
}

/** A reference once resolved: to an entity, or to nobody the text lets us tell (null). */
export interface Occurrence {
  entity: Entity | null;
  start: number;
  end: number;
  /** The sex of the pronoun this occurrence was (`he` → m), if it was one. */
  pronoun: Gender | null;
}

export interface SentenceRecord {
  passage: number;
  occurrences: Occurrence[];
  /** The acts of speech with who speaks them (null: nobody the text lets us tell). */
  acts: { act: SpeechAct; speaker: Entity | null }[];
}

/** How far back, in sentences, a pronoun looks for whom it means. */
const PRONOUN_REACH = 10;
/** How many people named so far a role noun is compared with (the most recent). */
const ROLE_REACH = 40;
/** How many of a sentence's most recent references a pronoun weighs. */
const OCCURRENCE_REACH = 12;
/** A clause set before the subject is looked for only this far into the sentence. */
const FRONTED_REACH = 400;

/** Words opening a clause set before the subject (`Referring to …,`, `During the meeting,`). */
const FRONTED =
  /^\s*(?:\p{L}+ing|according|after|before|during|while|following|on|in|at|with|regarding|as\s+regards|besides|despite|amid|under|for)\b[\s\S]*,\s*$/iu;

export class Discourse {
  readonly records: SentenceRecord[] = [];
  /** People named so far, most recent last, and when. */
  private readonly seen = new Map<number, Entity>();
  /** When each person was last referred to (the record's number). */
  private readonly lastSeen = new Map<number, number>();
  /** When someone was last introduced unnamed by each noun (`a senior official` → official). */
  private readonly unnamedByNoun = new Map<string, number>();
  private readonly persons = new Map<number, Entity>();
  private nextUnnamed = -1;
  /** What resolving taught about people: the sex a pronoun shows, the country a role noun gives. */
  readonly learnedGender = new Map<number, Gender>();
  readonly learnedCountry = new Map<number, string>();

  constructor(private readonly profileOf: (person: number) => PersonProfile) {}

  private entityOf(person: number): Entity {
    let e = this.persons.get(person);
    if (!e) {
      e = { id: person, person, plural: false, body: false };
      this.persons.set(person, e);
    }
    return e;
  }

  private unnamed(plural: boolean, body: boolean): Entity {
    return { id: this.nextUnnamed--, person: null, plural, body };
  }

  genderOf(person: number): Gender | null {
    return this.learnedGender.get(person) ?? this.profileOf(person).gender;
  }

  countryOf(person: number): { country: string | null; explicit: boolean } {
    const p = this.profileOf(person);
    if (p.countryExplicit) return { country: p.country, explicit: true };
    const learned = this.learnedCountry.get(person);
    if (learned) return { country: learned, explicit: true };
    return { country: p.country, explicit: false };
  }

  /**
   * Reads one sentence: resolves its references in order, then who speaks its acts of speech.
   * `text` and `start` are the sentence's; `passage` its paragraph's number.
   */
  read(
    passage: number,
    text: string,
    start: number,
    refs: readonly Reference[],
    acts: readonly SpeechAct[],
  ): SentenceRecord {
    const record: SentenceRecord = { passage, occurrences: [], acts: [] };
    this.records.push(record);
    const k = this.records.length - 1;
    for (const ref of refs) {
      const occurrence = this.resolve(ref, k, text, start);
      record.occurrences.push(occurrence);
      if (occurrence.entity?.person != null) {
        // Most recent last: re-insert.
        this.seen.delete(occurrence.entity.person);
        this.seen.set(occurrence.entity.person, occurrence.entity);
        this.lastSeen.set(occurrence.entity.person, k);
      }
      if (ref.kind === "unnamed" && ref.noun) this.unnamedByNoun.set(ref.noun, k);
    }
    let lastFinite: Entity | null = null;
    let hasFinite = false;
    for (const act of acts) {
      let speaker: Entity | null;
      if (act.participle) {
        speaker = hasFinite ? lastFinite : this.subjectOf(record);
      } else if (act.speaker === null) {
        speaker = this.unnamed(false, false);
      } else {
        speaker = record.occurrences[act.speaker]?.entity ?? null;
      }
      if (!act.participle) {
        hasFinite = true;
        lastFinite = speaker;
      }
      record.acts.push({ act, speaker });
    }
    return record;
  }

  /** The person opening the sentence as its subject, if one does. */
  private subjectOf(record: SentenceRecord): Entity | null {
    const first = record.occurrences[0];
    return first?.entity ?? null;
  }

  private resolve(ref: Reference, k: number, text: string, start: number): Occurrence {
    const at = { start: ref.start, end: ref.end };
    switch (ref.kind) {
      case "person":
        return { ...at, entity: this.entityOf(ref.person), pronoun: null };
      case "unnamed":
        return { ...at, entity: this.unnamed(ref.plural, ref.body), pronoun: null };
      case "pronoun": {
        const lead = ref.start - start;
        const fronted = lead <= FRONTED_REACH && FRONTED.test(text.slice(0, lead));
        const entity = this.resolvePronoun(ref.gender, k, fronted);
        if (entity?.person != null && this.genderOf(entity.person) === null) {
          this.learnedGender.set(entity.person, ref.gender);
        }
        return { ...at, entity, pronoun: ref.gender };
      }
      case "role": {
        const entity = this.resolveRole(ref.role);
        if (entity?.person != null && ref.role.country && !this.countryOf(entity.person).explicit) {
          this.learnedCountry.set(entity.person, ref.role.country);
        }
        return { ...at, entity, pronoun: null };
      }
    }
  }

  /** Whether a pronoun of this sex can mean the entity. */
  private fitsPronoun(e: Entity, gender: Gender): boolean {
    if (e.plural || e.body) return false;
    if (e.person === null) return true;
    const known = this.genderOf(e.person);
    return known === null || known === gender;
  }

  private resolvePronoun(gender: Gender, k: number, fronted: boolean): Entity | null {
    for (let j = k; j >= 0 && j >= k - PRONOUN_REACH; j--) {
      const record = this.records[j];
      if (!record) continue;
      if (j === k && fronted) continue;
      // The most recent occurrences of the sentence only (in the pronoun's own sentence, those
      // read so far are those before it): a run-on sentence naming hundreds of people costs no
      // more than an ordinary one.
      const occurrences = record.occurrences
        .slice(-OCCURRENCE_REACH)
        .filter((o) => o.entity === null || this.fitsPronoun(o.entity, gender));
      if (occurrences.length === 0) continue;
      // Someone the text does not let us tell fits too: nobody can be told.
      if (occurrences.some((o) => o.entity === null)) return null;
      const distinct = unique(occurrences.map((o) => o.entity as Entity));
      if (distinct.length === 1) return distinct[0] ?? null;
      // Several fit: the one who spoke in that sentence, or the one a pronoun like this one meant.
      const speakers = distinct.filter((e) =>
        record.acts.slice(-OCCURRENCE_REACH).some((a) => a.speaker?.id === e.id),
      );
      if (speakers.length === 1) return speakers[0] ?? null;
      const chained = unique(
        occurrences.filter((o) => o.pronoun === gender).map((o) => o.entity as Entity),
      );
      if (chained.length === 1) return chained[0] ?? null;
      return null;
    }
    return null;
  }

  private resolveRole(role: RoleNoun): Entity | null {
    const strong: Entity[] = [];
    const weak: Entity[] = [];
    const recent = [...this.seen.values()].slice(-ROLE_REACH);
    for (const e of recent) {
      if (e.person === null) continue;
      const fit = this.roleFit(role, e.person);
      if (fit === "strong") strong.push(e);
      else if (fit === "weak") weak.push(e);
    }
    const found = strong.length > 0 ? strong : weak;
    const [only] = found;
    // "An official said …. The official added": the one introduced unnamed since, not a person
    // named before.
    const unnamedAt = this.unnamedByNoun.get(role.noun);
    if (
      unnamedAt !== undefined &&
      (!only || (this.lastSeen.get(only.person ?? -1) ?? -1) < unnamedAt)
    ) {
      return this.unnamed(false, false);
    }
    if (found.length === 1) return only ?? null;
    if (found.length > 1) return null;
    // Nobody named so far holds the role: someone unnamed holds it.
    return this.unnamed(false, false);
  }

  /** How well a person's offices fit a role noun: strong, weak (nothing against it), or not. */
  private roleFit(role: RoleNoun, person: number): "strong" | "weak" | "none" {
    const profile = this.profileOf(person);
    const offices = profile.offices;
    let weak = false;
    let fitting: readonly OfficeFacts[] = offices;
    if (role.rank) {
      const ranks = SAME_RANK[role.rank] ?? [role.rank];
      fitting = offices.filter(
        (o) => ranks.includes(o.rank) && role.modifiers.every((m) => o.modifiers.includes(m)),
      );
      if (fitting.length === 0) return "none";
      if (role.portfolio.length > 0) {
        const withPortfolio = fitting.filter((o) =>
          role.portfolio.every((w) => o.portfolio.includes(w)),
        );
        if (withPortfolio.length > 0) fitting = withPortfolio;
        else if (fitting.every((o) => o.portfolio.length === 0)) weak = true;
        else return "none";
      }
    } else if (role.heads.length > 0) {
      fitting = offices.filter((o) => role.heads.includes(o.rank));
      if (fitting.length === 0) return "none";
    } else if (role.kinds.length > 0) {
      if (!role.kinds.includes(profile.kind)) return "none";
    } else {
      return "none";
    }
    if (role.acronyms.length > 0) {
      const spelled = role.acronyms.every((a) => fitting.some((o) => spellsOffice(a, o)));
      if (!spelled) return "none";
    }
    if (role.country) {
      const { country, explicit } = this.countryOf(person);
      if (country && explicit && country !== role.country) return "none";
      if (!country || !explicit || country !== role.country) weak = true;
    }
    return weak ? "weak" : "strong";
  }
}

/** Ranks news calls by one another's name: a high commissioner is the country's ambassador. */
const SAME_RANK: Record<string, string[]> = {
  ambassador: ["ambassador", "high commissioner"],
  "high commissioner": ["high commissioner", "ambassador"],
};

/** Whether an acronym (`fpcci`) names the office's body: written in it, or its initials. */
function spellsOffice(acronym: string, o: OfficeFacts): boolean {
  if (o.portfolio.includes(acronym)) return true;
  const org = o.organization;
  if (!org) return false;
  const initials = org
    .split(/[\s-]+/u)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0).toLowerCase())
    .join("");
  return (
    initials.length >= 2 &&
    (initials === acronym || acronym.endsWith(initials) || initials.endsWith(acronym))
  );
}

function unique(entities: readonly Entity[]): Entity[] {
  const out: Entity[] = [];
  for (const e of entities) if (!out.some((x) => x.id === e.id)) out.push(e);
  return out;
}
