//! Which fact each claim is about: DESIGN.md's clause-then-nearest rule,
//! and whether the link is certain enough to raise an alarm.
//!
//! 1. A fact goes to every claim of its kind whose own clause holds a term
//!    of each of its groups.
//! 2. Where no claim's clause does, it goes to the one claim of its kind
//!    nearest its terms in the sentence (claims already taken under rule 1
//!    come last, then claims whose clause holds more of its groups).
//! 3. A claim two facts want takes the one whose terms cover what the claim
//!    counts (its counted noun), then the one with more of its groups in the
//!    claim's clause, then the one with more terms outside the claim's own
//!    words (the predicate beats the counted noun).
//!
//! A link is **certain** only under rule 1 with no rival of the same rank
//! under rule 3, and, for a date, when no reporting verb governs the date
//! ("said on Tuesday" dates the statement). A link made by nearness, a tie
//! settled by distance, or a choice the article's title made is uncertain:
//! the fact is a candidate, never grounds for an alarm.

use std::cmp::Reverse;

use jiff::civil::Date;

use super::clause::{
    Clauses, Heads, first_token, is_conjunction, is_one_of, phrase_at, starts_with_any,
};
use super::per_claim::PerClaim;
use crate::claim::{Claim, Kind, Qualifier, Value};
use crate::extract::Extraction;
use crate::lang::{LangData, NounOrder};
use crate::refs::{Fact, FactIndex, Figure, Hit, Target};
use crate::text::span::Span;
use crate::text::token::{Token, fold};
use crate::units::{Dimension, Unit};
use crate::when::Grain;

/// The fact a claim is about, how sure the link is, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub fact: usize,
    pub certain: bool,
    /// Other facts that fit as well (a tie) or that the chosen one was
    /// preferred to on weaker evidence: candidates when uncertain.
    pub rivals: Vec<usize>,
    /// Every other fact whose terms the claim's sentence holds: a claim
    /// that agrees with one of them is not accused by the chosen one.
    pub others: Vec<usize>,
    /// The fact's terms that tied the claim to it, in text order.
    pub why: Vec<Span>,
    /// Why an uncertain link is uncertain, for the explanation.
    pub doubt: Option<Doubt>,
}

/// What keeps a link from being certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doubt {
    /// The fact's terms are in the sentence, not in the claim's clause.
    Nearness,
    /// Another fact fits the claim's clause as well.
    Tie,
    /// A reporting verb governs the date: it dates a statement.
    Statement,
    /// The article's title or paragraph chose between facts.
    Context,
    /// The figure is the other side of a comparison ("rispetto al 2020,
    /// 53,5%", "down from 53.42%") or a difference ("increased by 400"),
    /// or a bare time of day whose day is a guess.
    Comparison,
    /// The claim's clause dates it years before the fact's figures.
    OtherTime,
    /// A date the fact's event words do not govern ("dallo 0,1% di
    /// dicembre 2021 fino al 5,25% mantenuto fino alla riunione").
    Detached,
    /// The figure counts another noun than the one the fact's words name
    /// in its clause ("372 people injured in seven prefectures").
    OtherNoun,
    /// The fact records a fall as a negative figure, and no word says
    /// whether the claim's figure is a fall or a rise.
    Sign,
    /// A word of the clause makes the figure a forecast or an estimate
    /// the fact's words do not name ("versus expectations of $28.73
    /// billion").
    Forecast,
    /// A word after the figure undoes what the fact counts ("1,285 people
    /// reported missing were found safe").
    Reversal,
    /// A date said only in words relative to publication that falls after
    /// it ("Postal votes will be counted on Monday"): a step to come, not
    /// the event a reference dates.
    Ahead,
    /// The figure is one part of a duration said in two units ("3 ore e
    /// 44 minuti"): the whole is the duration.
    Compound,
    /// The claim's clause names a place ("in Francia") that neither the
    /// fact's words nor the article's title or lede name: the figure may
    /// be that place's.
    Place,
    /// Only a word for people, the noun the claim counts, ties it to the
    /// fact ("costato la vita a 179 persone" against the people aboard).
    People,
    /// A phrase after the figure makes it a rate ("per sera", "a day")
    /// the fact's words do not name.
    Rate,
    /// The sentence opens on a group ("Tra gli americani,"): the figure is
    /// one member's.
    Member,
    /// The clause calls the figure a total ("the total prize fund") and
    /// the fact names no total: it may be a part's fact.
    Total,
    /// A word of the clause makes the figure a subset's ("dall'estero")
    /// the fact does not name.
    Subset,
    /// A word of the clause makes the figure an average ("en moyenne")
    /// the fact does not name.
    Average,
    /// A name the fact does not know qualifies the fact's word ("Elton
    /// John's Farewell tour"): another one of its kind.
    Named,
}

impl Doubt {
    pub fn describe(self) -> &'static str {
        match self {
            Doubt::Nearness => "matched by nearness only",
            Doubt::Tie => "several facts fit equally",
            Doubt::Statement => "the date may be when a statement was made",
            Doubt::Context => "matched through the article's title or paragraph",
            Doubt::OtherTime => "the clause dates the figure to another time",
            Doubt::Detached => "the date is not attached to the event's words",
            Doubt::OtherNoun => "the figure counts something else",
            Doubt::Sign => "no word says whether the figure is a rise or a fall",
            Doubt::Forecast => "the figure may be a forecast or an estimate",
            Doubt::Reversal => "the clause may say the figure's state was undone (found, freed)",
            Doubt::Ahead => "a day to come, said relative to publication",
            Doubt::Compound => "the figure is one part of a duration in two units",
            Doubt::Place => "the clause names another place than the fact's",
            Doubt::People => "only a word for people ties it to the fact",
            Doubt::Rate => "the figure is a rate (per night, a day) the fact is not",
            Doubt::Member => "the figure is one member's of a group the sentence opens with",
            Doubt::Named => "a name qualifies the fact's word: another one of its kind",
            Doubt::Total => "the clause calls the figure a total the fact does not name",
            Doubt::Average => "the clause calls the figure an average the fact does not name",
            Doubt::Subset => {
                "a word of the clause makes the figure a part's the fact does not name"
            }
            Doubt::Comparison => {
                "the figure is a comparison's other side, a change or a time without its day"
            }
        }
    }
}

/// A claim's candidate fact and how strongly it is wanted.
#[derive(Debug, Clone)]
struct Want {
    fact: usize,
    /// Every group has a term in the claim's clause (rule 1).
    full: bool,
    /// A term of the fact is the claim's counted noun.
    counts: bool,
    groups_in_clause: usize,
    /// Terms in the clause outside the claim's own words: "uccisi" in
    /// "600 soldati nordcoreani sarebbero stati uccisi" says more about
    /// the figure than "soldati", the noun it counts.
    outside: usize,
    distance: usize,
    /// Some group was found only in the title or the paragraph.
    context: bool,
    /// Some group was found only in the lede: a candidate, never a
    /// refinement of the clause's own fact.
    lede: bool,
    /// The fact's number of groups.
    groups: usize,
    why: Vec<Span>,
    /// The claim counts a noun of its own while another figure of the
    /// clause counts one of the fact's words.
    counts_else: bool,
    /// The claim counts a noun none of the fact's terms is, and not a
    /// word for people ("cinque turni d'anticipo" against a count of
    /// titles).
    counts_other: bool,
}

impl Want {
    /// Rule 3's rank: the smaller, the stronger. Distance is not part of
    /// it: a tie it settles leaves the link uncertain.
    fn rank(&self) -> (Reverse<bool>, Reverse<bool>, Reverse<usize>, Reverse<usize>) {
        (
            Reverse(self.full),
            Reverse(self.counts),
            Reverse(self.groups_in_clause),
            Reverse(self.outside),
        )
    }
}

/// A term hit of one fact: (group, span, found in the sentence itself).
type GroupHit = (usize, Span, bool);

/// For each claim (by index), the fact it is about, if any.
pub(crate) fn assign(
    extraction: &Extraction,
    index: &FactIndex,
    hits: &[Hit],
    clauses: &Clauses,
    data: &LangData,
    published: Option<Date>,
) -> Vec<Option<Box<Link>>> {
    let claims = &extraction.claims;
    let mut wants: PerClaim<Want> = PerClaim::new(claims.len());
    let mut others: PerClaim<usize> = PerClaim::new(claims.len());
    // Facts a claim could be about that went to another claim of its
    // sentence: a last resort for claims left without any fact.
    let mut spare: PerClaim<Want> = PerClaim::new(claims.len());
    // Claims paired with facts by "rispettivamente", "respectively".
    let mut paired: Vec<(usize, usize, Vec<Span>)> = Vec::new();
    let tokens = &extraction.tokens;
    let context = Context::new(extraction, hits);
    // The claim counts a noun of its own ("40 colectivos").
    let counts_own = |c: usize| claims[c].counted.is_some() && claims[c].quantity().is_some();

    // Facts whose anchor group occurs, by sentence; a fact anchored in a
    // paragraph is considered in every sentence of it, one anchored in the
    // title in every sentence holding one of its terms (elsewhere it could
    // not match: the sentence itself must hold a term).
    let mut anchored: Vec<(usize, usize)> = Vec::new();
    let mut title_facts: Vec<usize> = Vec::new();
    for hit in hits {
        if let Target::Term(term) = hit.target {
            let facts = index.anchored_by(term).iter().map(|&(fact, _)| fact);
            if context.in_title_or_lede(hit) {
                title_facts.extend(facts);
            } else {
                let sentence = extraction.token_sentence[hit.first];
                for s in context.paragraph_sentences(sentence) {
                    anchored.extend(facts.clone().map(|fact| (s, fact)));
                }
            }
        }
    }
    title_facts.sort_unstable();
    title_facts.dedup();
    if !title_facts.is_empty() {
        let terms_of = |h: &Hit| match h.target {
            Target::Term(term) => Some(term),
            Target::Source(_) => None,
        };
        for run in hits.chunk_by(|a, b| {
            extraction.token_sentence[a.first] == extraction.token_sentence[b.first]
        }) {
            let sentence = extraction.token_sentence[run[0].first];
            let mut terms: Vec<usize> = run.iter().filter_map(terms_of).collect();
            terms.sort_unstable();
            for &fact in &title_facts {
                if index
                    .term_ids(fact)
                    .iter()
                    .any(|t| terms.binary_search(t).is_ok())
                {
                    anchored.push((sentence, fact));
                }
            }
        }
    }
    // Sorted, each sentence's facts are one run, in fact order. (Claims of
    // different sentences never compete: the order of sentences does not
    // matter.)
    anchored.sort_unstable();
    anchored.dedup();
    for run in anchored.chunk_by(|a, b| a.0 == b.0) {
        let sentence = run[0].0;
        let sentence_span = extraction.sentences[sentence];
        // Claims are sorted by start: the sentence's are one run of them.
        let first = claims.partition_point(|c| c.span.start < sentence_span.start);
        let in_sentence: Vec<usize> = (first..claims.len())
            .take_while(|&c| claims[c].span.start < sentence_span.end)
            .filter(|&c| sentence_span.contains(claims[c].span))
            .collect();
        if in_sentence.is_empty() {
            continue;
        }
        let sentence_tokens = first_token(tokens, sentence_span)
            ..tokens.partition_point(|t| t.span.start < sentence_span.end);
        // Predicate words of the sentence, found once for all its facts.
        let predicates: Vec<Span> = tokens[sentence_tokens.clone()]
            .iter()
            .filter(|t| t.is_word() && starts_with_any(&t.norm, data.predicates))
            .map(|t| t.span)
            .collect();
        // The sentence's term hits: those starting in it and ending by its
        // end (as if the article stopped there), then the title's and the
        // paragraph's.
        let term_hits = context.hits_for(sentence, &sentence_tokens);
        let lede = context.lede_for(sentence, tokens);
        let mut respective = Respective::at(extraction, sentence, &sentence_tokens, data);
        for &(_, fact_index) in run {
            let fact = &index.facts[fact_index];
            if !in_sentence.iter().any(|&c| compatible(&claims[c], fact)) {
                continue;
            }
            let fact_hits = group_hits(tokens, &term_hits, fact, index.term_ids(fact_index));
            let all_groups = (0..fact.groups.len()).all(|g| fact_hits.iter().any(|h| h.0 == g));
            // The sentence itself must hold a term: the title chooses
            // between facts, it never makes a match alone.
            if !all_groups || !fact_hits.iter().any(|h| h.2) {
                continue;
            }
            if respective.sentence == Some(sentence) {
                let own: Vec<Span> = fact_hits.iter().filter(|h| h.2).map(|h| h.1).collect();
                respective.facts.push((fact_index, own));
            }
            let candidates: Vec<usize> = in_sentence
                .iter()
                .copied()
                .filter(|&c| compatible(&claims[c], fact))
                .filter(|&c| {
                    // Predicates say what happened to what is counted; a
                    // date or a measure is not counted ("injured due to
                    // the earthquake of 8 September", "death toll rises to
                    // 632 after a quake of magnitude 6.8").
                    clauses.head[c].is_some()
                        || claims[c].quantity().is_none_or(|q| q.unit.is_some())
                        || predicates_covered(
                            &own_predicates(c, &predicates, claims),
                            clauses.spans[c],
                            &fact_hits,
                        )
                })
                .collect();
            for &c in &candidates {
                others[c].push(fact_index);
            }
            let scored: Vec<Want> = candidates
                .iter()
                .map(|&c| {
                    want(
                        c, fact_index, fact, &fact_hits, extraction, clauses, data, lede,
                    )
                })
                .collect();
            let full: Vec<usize> = (0..candidates.len())
                .filter(|&k| scored[k].full || scored[k].context)
                .collect();
            let sentence_holds =
                (0..fact.groups.len()).all(|g| fact_hits.iter().any(|h| h.0 == g && h.2));
            if !full.is_empty() {
                // "372 people had been injured in seven prefectures": the
                // prefectures are counted, not the injured.
                let counted_here = full.iter().any(|&k| scored[k].counts);
                for (k, w) in scored.iter().enumerate() {
                    if !full.contains(&k) {
                        spare[candidates[k]].push(w.clone());
                    }
                }
                for k in full {
                    let c = candidates[k];
                    let mut w = scored[k].clone();
                    let counts_own = counts_own(c);
                    // "56,634 cases across 45 countries": a figure after a
                    // scope word, beside another count, is that count's scope.
                    let scope = after_scope_word(c, extraction, clauses, data)
                        && other_count_in_clause(c, claims, clauses);
                    w.counts_else =
                        counts_own && ((!w.counts && counted_here) || scope || w.counts_other);
                    wants[c].push(w);
                }
            } else if !sentence_holds {
                // Only the title or paragraph completes the fact, and no
                // claim's clause holds any of it: nothing to go on.
            } else if let Some(k) = (0..candidates.len()).min_by_key(|&k| {
                let taken = wants[candidates[k]].iter().any(|w| w.full);
                (
                    taken,
                    Reverse(scored[k].groups_in_clause),
                    scored[k].distance,
                )
            }) {
                // "convocó la marcha junto a más de 40 colectivos": a figure
                // counting a noun no term of the fact names counts
                // something else here too.
                let c = candidates[k];
                let mut w = scored[k].clone();
                w.counts_else = counts_own(c) && w.counts_other;
                wants[c].push(w);
                for (j, w) in scored.iter().enumerate() {
                    if j != k {
                        spare[candidates[j]].push(w.clone());
                    }
                }
            }
        }
        respective.pair(extraction, index, &in_sentence, &mut paired);
    }
    let dated = sentences_dated(extraction, clauses);
    let totals = marks(data.totals, &extraction.tokens);
    let subsets = marks(data.subsets, &extraction.tokens);
    let averages = marks(data.averages, &extraction.tokens);
    let mut links: Vec<Option<Box<Link>>> = wants
        .into_iter()
        .zip(others)
        .enumerate()
        .map(|(c, (w, others))| {
            if let Some((fact, why)) = paired.iter().find(|p| p.0 == c).map(|p| (p.1, p.2.clone()))
            {
                return Some(Box::new(Link {
                    fact,
                    certain: true,
                    rivals: Vec::new(),
                    others: others.into_iter().filter(|f| *f != fact).collect(),
                    why,
                    doubt: None,
                }));
            }
            if in_dateline(c, extraction) {
                return None;
            }
            let mut link = decide(c, w, dated[c], extraction, clauses, data)?;
            let fact = &index.facts[link.fact];
            if link.certain && dated_elsewhere(c, fact, extraction, clauses, data, published) {
                link.certain = false;
                link.doubt = Some(Doubt::OtherTime);
            }
            if link.certain && other_place(c, &link, fact, extraction, clauses, data) {
                link.certain = false;
                link.doubt = Some(Doubt::Place);
            }
            if link.certain && people_only(c, &link, extraction, data) {
                link.certain = false;
                link.doubt = Some(Doubt::People);
            }
            if link.certain && rate_only(c, fact, extraction, clauses, data) {
                link.certain = false;
                link.doubt = Some(Doubt::Rate);
            }
            if link.certain && member_of_group(c, extraction, clauses, data) {
                link.certain = false;
                link.doubt = Some(Doubt::Member);
            }
            if link.certain && unknown_word(c, fact, &totals, extraction, clauses, true) {
                link.certain = false;
                link.doubt = Some(Doubt::Total);
            }
            if link.certain && unknown_word(c, fact, &subsets, extraction, clauses, false) {
                link.certain = false;
                link.doubt = Some(Doubt::Subset);
            }
            if link.certain && unknown_word(c, fact, &averages, extraction, clauses, false) {
                link.certain = false;
                link.doubt = Some(Doubt::Average);
            }
            if link.certain && named_other(c, &link, fact, extraction, clauses, data) {
                link.certain = false;
                link.doubt = Some(Doubt::Named);
            }
            link.others = others
                .into_iter()
                .filter(|f| *f != link.fact && !link.rivals.contains(f))
                .collect();
            // Boxed: most claims of a figure-dense article have no link,
            // and an empty place costs a pointer, not a link.
            Some(Box::new(link))
        })
        .collect();
    leftovers(&mut links, spare, clauses, claims);
    ellipses(&mut links, extraction, index, clauses, data);
    source_pairs(&mut links, extraction, index, hits, clauses);
    links
}

/// "50.000 Menschen laut Polizei, 130.000 laut Veranstaltern", "la policía
/// calculó 100.000 personas y los organizadores, 250.000", "die Veranstalter
/// sprachen von 130.000": a bare figure whose clause names a source of the
/// fact the figure before it in its sentence took gives that source's
/// count of the same thing. It takes that fact, uncertainly (it may
/// confirm, never accuse), over a fact it took by nearness only.
fn source_pairs(
    links: &mut [Option<Box<Link>>],
    extraction: &Extraction,
    index: &FactIndex,
    hits: &[Hit],
    clauses: &Clauses,
) {
    let claims = &extraction.claims;
    let tokens = &extraction.tokens;
    // Where a source is named, in text order.
    let named: Vec<(usize, usize)> = hits
        .iter()
        .filter_map(|h| match h.target {
            Target::Source(s) => Some((tokens[h.first].span.start, s)),
            _ => None,
        })
        .collect();
    if named.is_empty() {
        return;
    }
    for c in 1..claims.len() {
        let claim = &claims[c];
        // A fact taken by nearness with none of its words in the clause
        // ("possibly: munich-participants" for the Hamburg line's second
        // figure) gives way; one the clause names ("il Partito socialista
        // si ferma a 4") stays.
        let clause = clauses.spans[c];
        let weak = links[c].as_ref().is_none_or(|l| {
            !l.certain
                && l.doubt == Some(Doubt::Nearness)
                && !l.why.iter().any(|w| clause.contains(*w))
        });
        if !weak || claim.quantity().is_none() || claim.counted.is_some() {
            continue;
        }
        let previous = c - 1;
        if clauses.placed[previous].sentence != clauses.placed[c].sentence {
            continue;
        }
        let Some((fact, why, rivals)) = links[previous]
            .as_ref()
            .map(|l| (l.fact, l.why.clone(), l.rivals.clone()))
        else {
            continue;
        };
        if links[c].as_ref().is_some_and(|l| l.fact == fact) {
            continue;
        }
        let facts = &index.facts[fact];
        let from = named.partition_point(|&(at, _)| at < clause.start);
        let names_source = named[from..]
            .iter()
            .take_while(|&&(at, _)| at < clause.end)
            .any(|&(_, s)| facts.values.iter().any(|v| v.source == s));
        if !names_source || !compatible(claim, facts) {
            continue;
        }
        links[c] = Some(Box::new(Link {
            fact,
            certain: false,
            rivals,
            others: Vec::new(),
            why,
            doubt: Some(Doubt::Nearness),
        }));
    }
}

/// "ISMAILIA, Egypt, March 29 (wire) - Salvage teams refloated…", "SEUL,
/// 28 DIC - …": the date of a dateline is when the story was filed, no
/// event's. A date opening its paragraph after a few capitalized words
/// and a comma (the place), then perhaps the agency in brackets, then a
/// dash.
fn in_dateline(c: usize, extraction: &Extraction) -> bool {
    let claim = &extraction.claims[c];
    if claim.kind != Kind::Date {
        return false;
    }
    let tokens = &extraction.tokens;
    let first = first_token(tokens, claim.span);
    // Back to the line's start, a place's width at most.
    let Some(line_start) = (first.saturating_sub(MAX_DATELINE_PLACE)..=first)
        .rev()
        .find(|&k| k == 0 || tokens[k].newline_before)
    else {
        return false;
    };
    let place = &tokens[line_start..first];
    let place_ok = (2..=MAX_DATELINE_PLACE).contains(&place.len())
        && (line_start == 0 || tokens[line_start].paragraph_before)
        && place[0].is_word()
        && place[0].capital
        && place.last().is_some_and(|t| t.is_punct(","))
        && place
            .iter()
            .all(|t| (t.is_word() && t.capital) || t.is_punct(",") || t.is_punct("."));
    if !place_ok {
        return false;
    }
    let mut k = tokens.partition_point(|t| t.span.start < claim.span.end);
    if tokens.get(k).is_some_and(|t| t.is_punct("(")) {
        let close = (k + 1..tokens.len().min(k + 5)).find(|&j| tokens[j].is_punct(")"));
        match close {
            Some(j) => k = j + 1,
            None => return false,
        }
    }
    tokens
        .get(k)
        .is_some_and(|t| t.is_punct("-") || t.is_punct("—") || t.is_punct("–"))
}

/// Tokens a dateline's place may take ("SANTA CLARA, Calif.,").
const MAX_DATELINE_PLACE: usize = 8;

/// A word of the claim's clause makes its figure a forecast or an
/// estimate ("versus Wall Street expectations of $28.73 billion", "le
/// attese degli analisti, che avevano messo in conto un fatturato di
/// 31,77 miliardi"), and the fact's own words do not name one (an outlook
/// fact's "expect" does).
fn forecast(
    c: usize,
    want: &Want,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> bool {
    let tokens = &extraction.tokens;
    let clause = clauses.spans[c];
    let placed = clauses.placed[c];
    // Within reach of the figure: a clause of a figure-dense text may be
    // the whole text, and each of its figures must not read all of it.
    let first = first_token(tokens, clause).max(placed.first.saturating_sub(FORECAST_REACH));
    tokens[first..]
        .iter()
        .take(placed.last + FORECAST_REACH - first)
        .take_while(|t| t.span.end <= clause.end)
        // A bracket opened after the figure compares it with a forecast;
        // the figure is still the one reported.
        .filter(|t| !in_bracket_after(placed.last, t.span, tokens))
        .any(|t| unnamed(t, want, data.forecasts))
        || lead_line(c, extraction).is_some_and(|lead| {
            let from = first_token(tokens, lead);
            tokens[from..]
                .iter()
                .take_while(|t| t.span.end <= lead.end)
                .any(|t| t.is_word() && starts_with_any(&t.norm, data.forecasts))
        })
}

/// "1,285 people who had been reported missing were found safe": a word
/// of the `reversals` row after the figure, in its clause and within
/// reach, that the fact's own words do not name, undoes what the fact
/// counts; the figure may count those no longer missing, held or ill.
fn reversed(
    c: usize,
    want: &Want,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> bool {
    let tokens = &extraction.tokens;
    let clause = clauses.spans[c];
    let placed = clauses.placed[c];
    tokens[placed.last..]
        .iter()
        .take(FORECAST_REACH)
        .take_while(|t| t.span.end <= clause.end)
        .any(|t| unnamed(t, want, data.reversals))
}

/// Token `t` is a word of `stems` that is not one of the fact's own
/// words (an outlook fact's "expect", a fact of the found's "found").
fn unnamed(t: &Token, want: &Want, stems: &[&str]) -> bool {
    t.is_word() && starts_with_any(&t.norm, stems) && !want.why.iter().any(|w| w.contains(t.span))
}

/// Tokens either side of a figure searched for a forecast word.
const FORECAST_REACH: usize = 24;

/// The line the claim's sentence hangs from: the sentence before it, when
/// that ends in a colon ("Outlook for the next quarter is:" above "Revenue
/// of $32.5 billion"). A document read in windows is never cut after such
/// a line.
fn lead_line(c: usize, extraction: &Extraction) -> Option<Span> {
    let tokens = &extraction.tokens;
    let sentence = extraction.sentence_of(extraction.claims[c].span)?;
    let span = *extraction.sentences.get(sentence.checked_sub(1)?)?;
    let last = tokens
        .partition_point(|t| t.span.start < span.end)
        .checked_sub(1)?;
    (tokens[last].is_punct(":") && tokens[last].span.end == span.end).then_some(span)
}

/// "di magnitudo 6,8 secondo l'USGS, ma 7.0 per l'Istituto di Rabat": a
/// bare figure a conjunction opens, left without a fact, says the same of
/// the figure before it in its sentence, and takes its fact, uncertainly.
fn ellipses(
    links: &mut [Option<Box<Link>>],
    extraction: &Extraction,
    index: &FactIndex,
    clauses: &Clauses,
    data: &LangData,
) {
    let claims = &extraction.claims;
    let tokens = &extraction.tokens;
    for c in 1..claims.len() {
        let claim = &claims[c];
        if links[c].is_some() || claim.quantity().is_none() || claim.counted.is_some() {
            continue;
        }
        let Some(before) = first_token(tokens, claim.span).checked_sub(1) else {
            continue;
        };
        let opened = is_conjunction(&tokens[before], data.conjunctions);
        let previous = c - 1;
        if !opened || clauses.placed[previous].sentence != clauses.placed[c].sentence {
            continue;
        }
        let Some(link) = links[previous].as_ref() else {
            continue;
        };
        if !compatible(claim, &index.facts[link.fact]) {
            continue;
        }
        links[c] = Some(Box::new(Link {
            fact: link.fact,
            certain: false,
            rivals: link.rivals.clone(),
            others: Vec::new(),
            why: link.why.clone(),
            doubt: Some(Doubt::Nearness),
        }));
    }
}

/// Claims no fact went to take, uncertainly, a fact of their sentence that
/// another claim took or no claim did: one whose words their own clause
/// holds (every such fact a candidate), or, failing that, one no claim of the sentence is linked to
/// (nor has as a rival), for the claim nearest its words ("Il dato definitivo si attesta al
/// 45,96%, … quando era andato a votare il 53,42%"). Uncertain, such a
/// link confirms a figure that agrees and never accuses one that does not.
/// Dates are left alone.
fn leftovers(
    links: &mut [Option<Box<Link>>],
    spare: PerClaim<Want>,
    clauses: &Clauses,
    claims: &[Claim],
) {
    let sentence_of = |c: usize| clauses.placed[c].sentence.start;
    // The (fact, sentence) pairs a link or its rivals hold, found once:
    // the pass stays linear in the claims.
    let mut linked: rustc_hash::FxHashSet<(usize, usize)> = rustc_hash::FxHashSet::default();
    for (o, link) in links.iter().enumerate() {
        if let Some(link) = link {
            linked.insert((link.fact, sentence_of(o)));
            linked.extend(link.rivals.iter().map(|&f| (f, sentence_of(o))));
        }
    }
    // A fact the claim's clause holds nothing of goes to the nearest such
    // claim of its sentence only: (fact, sentence) -> (distance, claim).
    let mut nearest: rustc_hash::FxHashMap<(usize, usize), (usize, usize)> =
        rustc_hash::FxHashMap::default();
    let mut eligible: Vec<(usize, Vec<Want>)> = Vec::new();
    for (c, mut wants) in spare.into_iter().enumerate() {
        // A date is dated by its own rules: a year left over would agree
        // with any fact of that year.
        if links[c].is_some() || claims[c].quantity().is_none() {
            continue;
        }
        let sentence = sentence_of(c);
        // "convocó la marcha junto a más de 40 colectivos": an open bound
        // counting a noun the fact does not name agrees with nearly any
        // value; by nearness alone it confirms nothing.
        let open_bound = claims[c].counted.is_some()
            && claims[c].quantity().is_some_and(|q| {
                matches!(
                    q.qualifier,
                    Qualifier::MoreThan
                        | Qualifier::AtLeast
                        | Qualifier::LessThan
                        | Qualifier::AtMost
                )
            });
        wants.retain(|w| {
            (w.groups_in_clause > 0 || !linked.contains(&(w.fact, sentence)))
                && !(open_bound && w.counts_other)
        });
        wants.sort_by_key(|w| (Reverse(w.groups_in_clause), w.distance, w.fact));
        wants.dedup_by_key(|w| w.fact);
        for w in wants.iter().filter(|w| w.groups_in_clause == 0) {
            let entry = nearest.entry((w.fact, sentence)).or_insert((w.distance, c));
            if w.distance < entry.0 {
                *entry = (w.distance, c);
            }
        }
        if !wants.is_empty() {
            eligible.push((c, wants));
        }
    }
    for (c, mut wants) in eligible {
        let sentence = sentence_of(c);
        wants.retain(|w| {
            w.groups_in_clause > 0 || nearest.get(&(w.fact, sentence)).is_some_and(|n| n.1 == c)
        });
        let Some(best) = wants.first() else {
            continue;
        };
        links[c] = Some(Box::new(Link {
            fact: best.fact,
            certain: false,
            rivals: wants[1..].iter().map(|w| w.fact).collect(),
            others: Vec::new(),
            why: best.why.clone(),
            doubt: Some(Doubt::Nearness),
        }));
    }
}

/// "I tassi sui depositi, sulle operazioni principali e marginali
/// saranno rispettivamente al 3,25%, al 3,40% e al 3,65%"; "the main
/// refinancing and the marginal lending rates will be 3.4% and 3.65%,
/// respectively": the facts named in a region of the sentence, in order,
/// take the region's figures of their kind, in order, when the counts are
/// equal. The region runs from the last word opening a clause before the
/// "respectively" (or the sentence's start) to the sentence's end.
struct Respective {
    sentence: Option<usize>,
    region: Span,
    /// Facts with every group in the sentence, and their terms there.
    facts: Vec<(usize, Vec<Span>)>,
}

impl Respective {
    fn at(
        extraction: &Extraction,
        sentence: usize,
        tokens: &std::ops::Range<usize>,
        data: &LangData,
    ) -> Respective {
        let all = &extraction.tokens;
        let word = tokens
            .clone()
            .find(|&i| all[i].is_word() && is_one_of(&all[i].norm, data.respectively));
        let Some(at) = word else {
            return Respective {
                sentence: None,
                region: Span::new(0, 0),
                facts: Vec::new(),
            };
        };
        let start = (tokens.start..at)
            .rev()
            .find(|&i| {
                (all[i].is_word() && is_one_of(&all[i].norm, data.clause_openers))
                    || all[i].is_punct(";")
            })
            .map_or(tokens.start, |i| i + 1);
        let end = all[tokens.end - 1].span.end;
        Respective {
            sentence: Some(sentence),
            region: Span::new(all[start].span.start, end),
            facts: Vec::new(),
        }
    }

    fn pair(
        self,
        extraction: &Extraction,
        index: &FactIndex,
        in_sentence: &[usize],
        paired: &mut Vec<(usize, usize, Vec<Span>)>,
    ) {
        if self.sentence.is_none() {
            return;
        }
        let claims = &extraction.claims;
        let region: Vec<usize> = in_sentence
            .iter()
            .copied()
            .filter(|&c| self.region.contains(claims[c].span) && claims[c].quantity().is_some())
            .collect();
        let Some(&first_claim) = region.first() else {
            return;
        };
        // Facts named in the region before its first figure, by their
        // first term there.
        let mut facts: Vec<(usize, usize, Vec<Span>)> = self
            .facts
            .into_iter()
            .filter_map(|(f, spans)| {
                let before = spans
                    .iter()
                    .filter(|s| {
                        self.region.contains(**s) && s.end <= claims[first_claim].span.start
                    })
                    .map(|s| s.start)
                    .min()?;
                Some((before, f, spans))
            })
            .collect();
        facts.sort_by_key(|f| (f.0, f.1));
        let kinds = |c: usize| {
            facts
                .iter()
                .all(|f| compatible(&claims[c], &index.facts[f.1]))
        };
        let figures: Vec<usize> = region.into_iter().filter(|&c| kinds(c)).collect();
        if facts.len() < 2 || facts.len() != figures.len() {
            return;
        }
        for ((_, fact, why), c) in facts.into_iter().zip(figures) {
            paired.push((c, fact, why));
        }
    }
}

/// How strongly claim `c` wants `fact`.
#[allow(clippy::too_many_arguments)]
fn want(
    c: usize,
    fact_index: usize,
    fact: &Fact,
    fact_hits: &[GroupHit],
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
    lede: Span,
) -> Want {
    let claim = &extraction.claims[c];
    let tokens = &extraction.tokens;
    let clause = clauses.spans[c];
    // A figure inside a partitive ("800 degli 11 mila … morti") leaves the
    // predicates of its clause to the part it measures.
    let is_predicate = |span: Span| {
        let t = first_token(tokens, span);
        tokens
            .get(t)
            .is_some_and(|t| starts_with_any(&t.norm, data.predicates))
    };
    let prefix = clauses.prefix.get(c);
    let own = |h: &&GroupHit| {
        if in_other_figure(c, h.1, &extraction.claims, &clauses.head)
            || governs_later_figure(c, h.1, extraction, data)
            || in_bracket_after(clauses.placed[c].last, h.1, tokens)
        {
            return false;
        }
        let in_clause = clause.contains(h.1)
            || prefix.is_some_and(|p| p.contains(h.1))
            || clauses.lead.get(c).is_some_and(|d| d.contains(h.1))
            || clauses.joined.get(c).is_some_and(|d| d.contains(h.1));
        h.2 && in_clause && !(clauses.head[c].is_some() && is_predicate(h.1))
    };
    let groups_in_clause = (0..fact.groups.len())
        .filter(|&g| fact_hits.iter().filter(own).any(|h| h.0 == g))
        .count();
    let full = groups_in_clause == fact.groups.len();
    // Groups found somewhere: in the clause, or (weaker) in the title or
    // the paragraph, for a fact the sentence alone does not hold.
    let in_sentence = (0..fact.groups.len()).all(|g| fact_hits.iter().any(|h| h.0 == g && h.2));
    let context = !full
        && !in_sentence
        && groups_in_clause > 0
        && (0..fact.groups.len()).all(|g| fact_hits.iter().any(|h| h.0 == g && (!h.2 || own(&h))));
    let lede = context
        && (0..fact.groups.len()).any(|g| {
            !fact_hits.iter().any(|h| h.0 == g && h.2)
                && fact_hits
                    .iter()
                    .filter(|h| h.0 == g)
                    .all(|h| lede.contains(h.1))
        });
    let outside = fact_hits
        .iter()
        .filter(own)
        .filter(|h| !claim.span.overlaps(h.1))
        .count();
    let head = counted_head(
        claim,
        tokens,
        clauses.placed[c].first,
        clauses.placed[c].last,
    );
    let counts = head.is_some_and(|head| fact_hits.iter().filter(own).any(|h| h.1.contains(head)));
    // The counted phrase runs from its first word to the claim's end
    // ("42 consecutive rate hikes").
    let counts_other = head.is_some_and(|head| {
        let phrase = Span::new(head.start, claim.span.end.max(head.end));
        let from = first_token(tokens, phrase);
        let words = tokens[from..]
            .iter()
            .take_while(|t| t.span.end <= phrase.end)
            .filter(|t| t.is_word());
        // A date read as the noun ("97 quest'anno") counts nothing.
        let dated = extraction
            .claims
            .get(c + 1)
            .is_some_and(|o| o.span.start < phrase.end);
        // A verb read as the noun ("56,600 packed into the stadium").
        let verb = words.clone().next().is_some_and(|t| {
            data.tense
                .past_endings
                .iter()
                .any(|e| t.norm.ends_with(e) && t.norm.len() > e.len() + 3)
        });
        // The fact's word right before the figure governs it ("Boeing
        // delivered 528 commercial jets"): what it counts is the verb's
        // object.
        // A capitalized noun the fact does not know is a kind of its own
        // ("ya ha ganado tres Mundiales" against Grands Prix won).
        let named_kind = !data.nouns_capitalized
            && words.clone().next().is_some_and(|t| {
                t.capital && !fact_hits.iter().filter(own).any(|h| h.1.contains(t.span))
            });
        let governed = !named_kind
            && clauses.placed[c].first.checked_sub(1).is_some_and(|k| {
                let word = &tokens[k];
                word.is_word()
                    && fact_hits
                        .iter()
                        .filter(own)
                        .any(|h| h.1.contains(word.span))
            });
        !counts
            && !dated
            && !verb
            && !governed
            && !fact_hits.iter().filter(own).any(|h| phrase.overlaps(h.1))
            && !words.clone().any(|t| starts_with_any(&t.norm, data.people))
    });
    let distance = fact_hits
        .iter()
        .filter(|h| h.2)
        .map(|h| claim.span.distance(h.1))
        .min()
        .unwrap_or(usize::MAX);
    let mut why: Vec<Span> = if full {
        fact_hits.iter().filter(own).map(|h| h.1).collect()
    } else if context {
        fact_hits
            .iter()
            .filter(|h| own(h) || !h.2)
            .map(|h| h.1)
            .collect()
    } else {
        fact_hits.iter().filter(|h| h.2).map(|h| h.1).collect()
    };
    why.sort_unstable_by_key(|s| (s.start, s.end));
    why.dedup();
    Want {
        fact: fact_index,
        full,
        counts,
        groups_in_clause,
        outside,
        distance,
        context,
        lede,
        groups: fact.groups.len(),
        why,
        counts_else: false,
        counts_other,
    }
}

/// The term at `span` is another figure's own word, its unit or counted
/// noun: "Magnitude" in "632 & 329 Injured After Quake Of Magnitude 6.8"
/// is the 6.8's, "Injured" the 329's; neither says what 632 is. A whole
/// shares its noun with its part: "Cinque dei nove membri" counts members.
fn in_other_figure(c: usize, span: Span, claims: &[Claim], head: &Heads) -> bool {
    // Its unit may stand just before it: "Magnitude 6.8".
    let unit_before = |o: &Claim| {
        o.quantity().is_some_and(|q| q.unit.is_some())
            && o.span.start >= span.end
            && o.span.start - span.end <= 1
    };
    // Only a later figure's: an earlier one's noun may be the whole the
    // claim is part of ("11 mila militari nordcoreani, tra cui 400").
    figures_near(span.end + 1, claims).any(|o| {
        // A term holding the figure itself ("12 months" in "rose 3% over
        // the last 12 months") names what the claim is measured over.
        let words_only = claims[o].span.contains(span) && span.start > claims[o].span.start;
        o > c && head[o] != Some(c) && (words_only || unit_before(&claims[o]))
    })
}

/// A term after a date that governs the next figure, at once or across
/// one short preposition: "fell 60% on Thursday to close at $106.04" —
/// "close" is the price's, not Thursday's. (A figure shares such a term:
/// "a 21.3% rise in net profit to 1.53 billion euros".)
fn governs_later_figure(c: usize, span: Span, extraction: &Extraction, data: &LangData) -> bool {
    let claims = &extraction.claims;
    let tokens = &extraction.tokens;
    if span.start < claims[c].span.end || claims[c].quantity().is_some() {
        return false;
    }
    let next = claims.partition_point(|o| o.span.start < span.end);
    let Some(o) = claims.get(next).filter(|o| o.quantity().is_some()) else {
        return false;
    };
    let after = tokens.partition_point(|t| t.span.start < span.end);
    let starts = |k: usize| tokens.get(k).is_some_and(|t| t.span.start == o.span.start);
    starts(after)
        || (tokens.get(after).is_some_and(|t| {
            t.is_word()
                && !t.capital
                && t.norm.chars().count() <= 3
                && !is_conjunction(t, data.conjunctions)
                && !is_one_of(&t.norm, data.scope_words)
        }) && starts(after + 1))
}

/// The last few figures (quantity claims) starting at or before byte
/// `upto`, nearest first: those that may hold a word there.
fn figures_near(upto: usize, claims: &[Claim]) -> impl Iterator<Item = usize> + '_ {
    let after = claims.partition_point(|o| o.span.start <= upto);
    (0..after)
        .rev()
        .take(OTHER_FIGURE_REACH)
        .filter(|&o| claims[o].quantity().is_some())
}

/// Claims before a term searched for one whose span holds it (claims
/// nest rarely, and never deeply).
const OTHER_FIGURE_REACH: usize = 4;

/// The fact claim `c` takes among those that want it, and how certain;
/// `dated`: its sentence holds a date of its own ([`sentences_dated`]).
fn decide(
    c: usize,
    mut wants: Vec<Want>,
    dated: bool,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> Option<Link> {
    // A fact the title makes more specific than the clause's own fact
    // ("Turnout reached 78.3 percent" under a "Runoff" headline) is
    // preferred, uncertainly; otherwise context counts for nothing.
    let clause_best = wants.iter().filter(|w| w.full).map(Want::rank).min();
    // A sentence that dates itself ("Ad aprile 2024, … il tasso di
    // occupazione sale al 62,1%") is not made more specific by the
    // paragraph's words ("Rispetto a marzo…").
    // Only what comes before refines: a breakdown after a total ("…risen
    // to 92. Of these, 69 were in Wajima") does not make the total
    // Wajima's.
    let sentence = clauses.placed[c].sentence;
    let refined: Vec<usize> = wants
        .iter()
        .filter(|w| w.context && !w.lede && !dated)
        .filter(|w| w.why.iter().all(|s| s.start < sentence.end))
        .filter(|w| {
            wants
                .iter()
                .any(|f| f.full && f.groups < w.groups && f.why.iter().all(|s| w.why.contains(s)))
        })
        .map(|w| w.fact)
        .collect();
    // Without any fact the sentence holds, the title's and paragraph's
    // facts are candidates: uncertain, they may confirm but never accuse.
    let only_context = wants.iter().all(|w| w.context);
    if !only_context {
        wants.retain(|w| !w.context || refined.contains(&w.fact));
    }
    wants.sort_by_key(|w| (w.context, w.rank(), w.distance, w.fact));
    if !refined.is_empty() {
        // The refining fact first, the clause's own as its rival.
        wants.sort_by_key(|w| (!refined.contains(&w.fact), w.rank(), w.distance, w.fact));
    }
    let first = wants.first()?;
    let mut top: Vec<usize> = wants
        .iter()
        .filter(|w| w.context == first.context && w.rank() == first.rank())
        .map(|w| w.fact)
        .collect();
    // Of dates that fit equally, the one an event word governs: "declared
    // in July 2022 and lifted in March 2023" — "lifted" takes March for
    // the emergency's end, although the clause names the start's words too.
    let mut at = 0;
    if top.len() > 1 && refined.is_empty() {
        let attached: Vec<usize> = (0..top.len())
            .filter(|&k| date_attached(c, &wants[k], extraction, clauses, data))
            .collect();
        if let [only] = attached[..]
            && attached.len() < top.len()
        {
            at = only;
            top = vec![wants[only].fact];
        }
    }
    let best = &wants[at];
    let mut rivals: Vec<usize> = wants
        .iter()
        .enumerate()
        .filter(|&(k, w)| k != at && (top.contains(&w.fact) || !refined.is_empty() || k < at))
        .map(|(_, w)| w.fact)
        .collect();
    rivals.dedup();
    let doubt = if !refined.is_empty() || only_context {
        Some(Doubt::Context)
    } else if !best.full {
        Some(Doubt::Nearness)
    } else if top.len() > 1 {
        Some(Doubt::Tie)
    } else if clause_best.is_some() && is_statement_date(c, best, extraction, clauses, data) {
        Some(Doubt::Statement)
    } else if !date_attached(c, best, extraction, clauses, data) {
        Some(Doubt::Detached)
    } else if is_comparison(c, extraction, clauses, data)
        || change_word_before(c, extraction, clauses, data)
            .is_some_and(|w| !best.why.iter().any(|s| s.contains(w)))
        || is_part(c, best, extraction, clauses)
    {
        Some(Doubt::Comparison)
    } else if compound_duration(c, extraction, data) {
        Some(Doubt::Compound)
    } else if best.counts_else {
        Some(Doubt::OtherNoun)
    } else if forecast(c, best, extraction, clauses, data) {
        Some(Doubt::Forecast)
    } else if reversed(c, best, extraction, clauses, data) {
        Some(Doubt::Reversal)
    } else {
        None
    };
    Some(Link {
        fact: best.fact,
        certain: doubt.is_none(),
        rivals,
        others: Vec::new(),
        why: best.why.clone(),
        doubt,
    })
}

/// "La finale è durata 3 ore e 44 minuti": a duration joined by a
/// conjunction alone to a duration of another unit right before or after
/// it is a part of one duration.
fn compound_duration(c: usize, extraction: &Extraction, data: &LangData) -> bool {
    let claims = &extraction.claims;
    let tokens = &extraction.tokens;
    let duration = |o: &Claim| {
        o.quantity()
            .and_then(|q| q.unit)
            .is_some_and(|u| u.dimension() == Dimension::Duration)
    };
    let joined = |a: &Claim, b: &Claim| {
        let from = tokens.partition_point(|t| t.span.start < a.span.end);
        let to = tokens.partition_point(|t| t.span.start < b.span.start);
        to == from + 1 && data.number_glue.contains(&tokens[from].norm.as_str())
    };
    let claim = &claims[c];
    duration(claim)
        && (c
            .checked_sub(1)
            .is_some_and(|p| duration(&claims[p]) && joined(&claims[p], claim))
            || claims
                .get(c + 1)
                .is_some_and(|n| duration(n) && joined(claim, n)))
}

/// The term at `span` lies in a bracket opened after the claim's last
/// token: the bracket details or compares the figure ("12 ori (due più di
/// Tokyo)"); its words are not what the figure is.
fn in_bracket_after(last: usize, span: Span, tokens: &[Token]) -> bool {
    let end = tokens.partition_point(|t| t.span.start < span.start);
    let mut depth = 0usize;
    for t in tokens.get(last + 1..end).unwrap_or(&[]) {
        match t.norm.as_str() {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth > 0
}

/// For each claim, whether its sentence holds a date of its own. Claims
/// are sorted and a sentence's claims are one run: each sentence is
/// scanned once, not once for each of its claims (a 10 MB sentence of
/// figures would take hours).
fn sentences_dated(extraction: &Extraction, clauses: &Clauses) -> Vec<bool> {
    let claims = &extraction.claims;
    let mut last: Option<(Span, bool)> = None;
    (0..claims.len())
        .map(|c| {
            let sentence = clauses.placed[c].sentence;
            if let Some((s, dated)) = last
                && s == sentence
            {
                return dated;
            }
            let from = claims.partition_point(|o| o.span.start < sentence.start);
            let dated = claims[from..]
                .iter()
                .take_while(|o| o.span.start < sentence.end)
                .any(|o| matches!(o.value, Value::Date(Some(_))) && sentence.contains(o.span));
            last = Some((sentence, dated));
            dated
        })
        .collect()
}

/// Tokens after a figure where "in meno", "more than" make it a difference.
const DIFFERENCE_REACH: usize = 5;

/// The sentence dates figure `c` (see [`dates_of_figure`], found once for
/// both tests) at another time than the fact's figures:
///
/// - more than a year before the first year its sources published one:
///   "nel 2020 l'affluenza fu del 53,42%" is not the 2024 turnout;
/// - for a fact none of whose figures is dated (taken as of the
///   article's day), in a year before the article's: "Last year Alcaraz
///   beat Djokovic in a final that ran to four hours and 42 minutes" is
///   not this year's final;
/// - on a day after every figure of a fact whose figures are all dated:
///   "a powerful earthquake … occurred at 5:26 a.m. on Saturday,
///   registering upper 5" is not the main shock of Monday the reference
///   measured, and a toll given for a day the reference file has not
///   reached yet may be right.
fn dated_elsewhere(
    c: usize,
    fact: &Fact,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
    published: Option<Date>,
) -> bool {
    if extraction.claims[c].quantity().is_none() {
        return false;
    }
    let Some(first) = fact.values.iter().filter_map(|v| v.as_of).min() else {
        return published
            .is_some_and(|p| undated_fact_elsewhere(c, fact, p, extraction, clauses, data));
    };
    let last = fact.values.iter().filter_map(|v| v.as_of).max();
    let all_dated = fact.values.iter().all(|v| v.as_of.is_some());
    let periods = own_years(fact);
    let figure = extraction.claims[c].span;
    // "La temporada 2024, que arranca el 2 de marzo, tendrá 24 carreras":
    // the subject an aside parts from the figure's clause is its clause too.
    let in_subject = |at: Span| clauses.joined.get(c).is_some_and(|j| j.contains(at));
    dates_of_figure(c, extraction, clauses).into_iter().any(
        |(first_day, last_day, grain, own_clause, at)| {
            let dates_it = dates_the_figure(figure, own_clause, at, extraction, data);
            let before =
                dates_it && last_day.year() < first.year() - 1 && !own_year(fact, last_day.year());
            let after = all_dated && first_day == last_day && last.is_some_and(|l| first_day > l);
            // "Im September lag der Anteil … bei 96,4 Prozent" against the
            // yearly shares filed on 2 January: a month between two of the
            // fact's figures, holding none, is a period no source reported.
            let between = dates_it
                && own_clause
                && grain == Grain::Month
                && all_dated
                && first_day > first
                && last.is_some_and(|l| last_day < l)
                && !fact
                    .values
                    .iter()
                    .filter_map(|v| v.as_of)
                    .any(|d| (first_day..=last_day).contains(&d));
            // "Per quest'anno il governo prevede una crescita dell'1,2%"
            // against the forecast for 2024 the fact's id names.
            let other_year = (own_clause || in_subject(at))
                && other_edition(&periods, first_day, last_day, grain);
            before || after || between || other_year
        },
    )
}

/// For a fact with no dated figure: a date before the figure or in its
/// own clause (not a baseline's after it) that ends in a year before the
/// article's, the fact naming no year of its own.
fn undated_fact_elsewhere(
    c: usize,
    fact: &Fact,
    published: Date,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> bool {
    let periods = own_years(fact);
    if !periods.is_empty() {
        // The fact's own year named, another year in the figure's clause
        // or its subject is another edition's ("La temporada 2024 … tendrá
        // 24 carreras" against the 2023 season's races).
        let joined = clauses.joined.get(c);
        return dates_of_figure(c, extraction, clauses).into_iter().any(
            |(first_day, last_day, grain, own_clause, at)| {
                (own_clause || joined.is_some_and(|j| j.contains(at)))
                    && other_edition(&periods, first_day, last_day, grain)
            },
        );
    }
    // Every date of the sentence said relative to publication or opening
    // it, not only those whose nearest figure it is: "Last year" dates
    // the five sets and the four hours and 42 minutes after them alike.
    // A year inside the sentence may be another event's ("Il ponte di
    // Baltimora aperto nel 1977, lungo 2.632 metri").
    let claims = &extraction.claims;
    let figure = claims[c].span;
    let own = clauses.spans[c];
    let sentence = clauses.placed[c].sentence;
    let tokens = &extraction.tokens;
    let opening = |at: Span| {
        let first = tokens.partition_point(|t| t.span.start < sentence.start);
        tokens[first..]
            .iter()
            .take_while(|t| t.span.start < at.start)
            .count()
            <= 1
    };
    // "The last writers' strike, in 2007-08, lasted 100 days": an aside
    // between the subject and the figure's clause dates the subject.
    let in_subject_aside = |at: Span| {
        clauses
            .joined
            .get(c)
            .is_some_and(|subject| subject.end <= at.start && at.end <= own.start)
    };
    let from = claims.partition_point(|o| o.span.start < sentence.start);
    claims[from..]
        .iter()
        .take_while(|o| o.span.start < sentence.end)
        .filter(|o| o.relative || opening(o.span) || in_subject_aside(o.span))
        .filter_map(|o| match o.value {
            Value::Date(Some(d)) => Some((d.days().1, o.span)),
            Value::Time(Some(t)) => Some((t.date().days().1, o.span)),
            _ => None,
        })
        .any(|(last_day, at)| {
            dates_the_figure(figure, own.contains(at), at, extraction, data)
                && last_day.year() < published.year()
                && !own_year(fact, last_day.year())
        })
}

/// A date of a year or longer that holds none of `periods`, the years
/// the fact's id names: another edition than the fact's.
fn other_edition(periods: &[i16], first_day: Date, last_day: Date, grain: Grain) -> bool {
    grain <= Grain::Year
        && !periods.is_empty()
        && !periods
            .iter()
            .any(|y| (first_day.year()..=last_day.year()).contains(y))
}

/// The date at `at` dates the figure at `figure`: it is in the figure's
/// own clause or before it ("Dal 2019 le perdite cumulate…" starts its
/// period), and not after it opened by a baseline word. A year long
/// before, in a later clause, is a baseline's ("il numero più alto da
/// quando l'Oms ha avviato il monitoraggio, nel 1995"), and in "jumped
/// 17.0% in December from a year earlier" the date after the figure
/// dates the comparison, not the figure.
fn dates_the_figure(
    figure: Span,
    own_clause: bool,
    at: Span,
    extraction: &Extraction,
    data: &LangData,
) -> bool {
    let tokens = &extraction.tokens;
    let opens = first_token(tokens, at);
    let baseline = [Some(opens), opens.checked_sub(1)]
        .into_iter()
        .flatten()
        .any(|k| tokens[k].is_word() && is_one_of(&tokens[k].norm, data.baselines));
    (own_clause || at.start < figure.start) && !(baseline && at.start > figure.start)
}

/// The first and last days of each date in claim `c`'s sentence that
/// dates it: the dates whose nearest figure it is. In "42 rate hikes from
/// a record low of 0.1 percent in December 2021", December dates the low;
/// in "occurred at 5:26 a.m. on Saturday, registering upper 5", Saturday
/// dates the 5 across the comma.
fn dates_of_figure(
    c: usize,
    extraction: &Extraction,
    clauses: &Clauses,
) -> Vec<(Date, Date, Grain, bool, Span)> {
    let claims = &extraction.claims;
    let own = clauses.spans[c];
    let clause = clauses.placed[c].sentence;
    let from = claims.partition_point(|o| o.span.start < clause.start);
    let in_clause: Vec<&Claim> = claims[from..]
        .iter()
        .take_while(|o| o.span.start < clause.end)
        .filter(|o| clause.contains(o.span))
        .collect();
    let nearest_figure = |date: Span| {
        in_clause
            .iter()
            .filter(|o| o.quantity().is_some())
            .min_by_key(|o| o.span.distance(date))
            .map(|o| o.span)
    };
    in_clause
        .iter()
        .filter_map(|o| match o.value {
            Value::Date(Some(d)) if nearest_figure(o.span) == Some(claims[c].span) => {
                let (first, last) = d.days();
                Some((first, last, d.grain, own.contains(o.span), o.span))
            }
            Value::Time(Some(t)) if nearest_figure(o.span) == Some(claims[c].span) => {
                let (first, last) = t.date().days();
                Some((first, last, t.grain, own.contains(o.span), o.span))
            }
            _ => None,
        })
        .collect()
}

/// "…ricorda come in Francia la fecondità resti vicina a 1,7" against
/// Italy's rate: a scope word before a capitalized name, in the claim's
/// clause before the figure ("in Francia", "across Europe", "nelle
/// Marche"), places the
/// figure, and a place that none of the fact's words or `about`, nor the
/// article's title or lede, names is another place's figure, maybe. For
/// figures only (a date's place is its event's), and off where every
/// noun is capitalized (German).
fn other_place(
    c: usize,
    link: &Link,
    fact: &Fact,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> bool {
    // A date's place is where its event happened ("finishes in Nice on
    // July 21").
    if data.nouns_capitalized || extraction.claims[c].quantity().is_none() {
        return false;
    }
    let tokens = &extraction.tokens;
    let claims = &extraction.claims;
    let clause = clauses.spans[c];
    let from = first_token(tokens, clause);
    let in_claim = |span: Span| in_some_claim(claims, span);
    let known = |place: &Token| fact_knows(fact, &place.norm, extraction);
    // Before the figure: after it, "in" may say where to ("ha inviato
    // 20.000 soldati in Russia").
    let figure = clauses.placed[c].first;
    (from..figure)
        .filter(|&k| tokens[k].is_word() && is_one_of(&tokens[k].norm, data.scope_words))
        .any(|k| {
            let mut p = k + 1;
            if tokens
                .get(p)
                .is_some_and(|a| is_one_of(&a.norm, data.articles))
            {
                p += 1;
            }
            tokens.get(p).is_some_and(|place| {
                place.is_word()
                    && place.capital
                    && place.span.end <= clause.end
                    && !in_claim(place.span)
                    && !link.why.iter().any(|w| w.overlaps(place.span))
                    && !known(place)
            })
        })
}

/// Some claim of `claims` (sorted, disjoint) overlaps `span`.
fn in_some_claim(claims: &[Claim], span: Span) -> bool {
    let i = claims.partition_point(|o| o.span.end <= span.start);
    claims.get(i).is_some_and(|o| o.span.overlaps(span))
}

/// The fact's description or words, or the article's title or lede, name
/// `word`: it is no other thing than the fact's.
fn fact_knows(fact: &Fact, word: &str, extraction: &Extraction) -> bool {
    fact_terms_know(fact, word) || described(fact, word, extraction)
}

/// A term of the fact is `word` or its stem.
fn fact_terms_know(fact: &Fact, word: &str) -> bool {
    fact.groups.iter().flatten().any(|term| {
        term.words
            .iter()
            .any(|w| !w.text.is_empty() && word.starts_with(w.text.as_str()))
    })
}

/// The fact's `about`, or the article's title or lede, name `word`.
fn described(fact: &Fact, word: &str, extraction: &Extraction) -> bool {
    let tokens = &extraction.tokens;
    let named_in = |within: Option<Span>| {
        within.is_some_and(|s| {
            let k = first_token(tokens, s);
            tokens[k..]
                .iter()
                .take_while(|t| t.span.end <= s.end)
                .any(|t| t.norm == word)
        })
    };
    about_names(fact, word) || named_in(extraction.title) || named_in(extraction.lede)
}

/// The fact's `about`, folded, holds `word` (folded) as a word.
fn about_names(fact: &Fact, word: &str) -> bool {
    fact.about.as_deref().map(fold).is_some_and(|about| {
        about
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|w| w == word)
    })
}

/// "Circa 65mila persone per sera hanno riempito San Siro": a rate phrase
/// right after the figure makes it one night's, one day's, one person's;
/// a fact whose words and description name no such unit is a total.
fn rate_only(
    c: usize,
    fact: &Fact,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> bool {
    if extraction.claims[c].quantity().is_none() {
        return false;
    }
    let tokens = &extraction.tokens;
    let last = clauses.placed[c].last;
    let clause_end = tokens.partition_point(|t| t.span.end <= clauses.spans[c].end);
    (last + 1..(last + 1 + RATE_REACH).min(clause_end)).any(|k| {
        data.rates.iter().any(|rate| {
            phrase_at(tokens, k, rate).is_some()
                && rate
                    .rsplit(' ')
                    .next()
                    .is_some_and(|unit| !fact_knows(fact, unit, extraction))
        })
    })
}

/// Tokens after a figure searched for a rate phrase ("65mila persone per
/// sera").
const RATE_REACH: usize = 3;

/// "Tra gli americani, Max Homa ha chiuso con 3,5 punti": a sentence
/// opening on a group, set off by a comma with no figure before it, gives
/// figures of one member; the group's words do not make them the group's.
fn member_of_group(c: usize, extraction: &Extraction, clauses: &Clauses, data: &LangData) -> bool {
    let tokens = &extraction.tokens;
    let sentence = clauses.placed[c].sentence;
    let start = first_token(tokens, sentence);
    if !tokens
        .get(start)
        .is_some_and(|t| t.is_word() && is_one_of(&t.norm, data.members))
    {
        return false;
    }
    let first_claim = extraction
        .claims
        .partition_point(|o| o.span.start < sentence.start);
    let comma = (start + 1..clauses.placed[c].first)
        .take(MAX_GROUP_OPENING)
        .find(|&k| tokens[k].is_punct(","));
    comma.is_some_and(|k| {
        extraction.claims[first_claim..]
            .first()
            .is_some_and(|o| o.span.start > tokens[k].span.start)
    })
}

/// Tokens a group a sentence opens with may have before its comma.
const MAX_GROUP_OPENING: usize = 6;

/// "The winner takes home €500,000; the total prize fund is about €2.3
/// million": a word of the claim's clause calls the figure a total, and
/// neither the fact's words nor its description name one — the fact may
/// be a part's (the winner's prize).
/// The same for a subset ("Pellegrini dall'estero: 1.611.310" against
/// all pilgrims): `words` is the language's `totals` or `subsets`.
/// A part's or an average's word in the title or lede ("il voto della
/// diaspora ribalta il ballottaggio") makes no fact the part's: for them
/// (`title_counts` false) only the fact's own words and description do.
fn unknown_word(
    c: usize,
    fact: &Fact,
    marks: &[(usize, &str)],
    extraction: &Extraction,
    clauses: &Clauses,
    title_counts: bool,
) -> bool {
    if extraction.claims[c].quantity().is_none() || marks.is_empty() {
        return false;
    }
    let tokens = &extraction.tokens;
    let clause = clauses.spans[c];
    let from = first_token(tokens, clause);
    // The marked words the clause holds, which the fact must not know.
    let start = marks.partition_point(|&(k, _)| k < from);
    marks[start..]
        .iter()
        .take_while(|&&(k, _)| tokens[k].span.end <= clause.end)
        .any(|&(_, w)| {
            !w.split(' ').all(|part| {
                if title_counts {
                    fact_knows(fact, part, extraction)
                } else {
                    fact_terms_know(fact, part) || about_names(fact, part)
                }
            })
        })
}

/// Where the words of `words` (stems of one word, or phrases) stand in
/// the text, in order, found once for every claim's [`unknown_word`].
fn marks<'w>(words: &[&'w str], tokens: &[Token]) -> Vec<(usize, &'w str)> {
    if words.is_empty() {
        return Vec::new();
    }
    (0..tokens.len())
        .filter_map(|k| {
            words
                .iter()
                .find(|w| {
                    if w.contains(' ') {
                        phrase_at(tokens, k, w).is_some()
                    } else {
                        tokens[k].is_word() && tokens[k].norm.starts_with(**w)
                    }
                })
                .map(|&w| (k, w))
        })
        .collect()
}

/// "Elton John's Farewell Yellow Brick Road tour, which ended in July
/// 2023": a name the fact does not know, right before the fact's word
/// (right after it where nouns come first: "il tour Farewell"), makes it
/// another one of its kind.
fn named_other(
    c: usize,
    link: &Link,
    fact: &Fact,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> bool {
    if owned_by_other(c, link, fact, extraction, clauses, data)
        || apposition_other(link, fact, extraction, data)
        || relative_other(c, fact, extraction, clauses, data)
    {
        return true;
    }
    if data.nouns_capitalized {
        return proper_adjective_before(link, fact, extraction, data);
    }
    let tokens = &extraction.tokens;
    let sentence = &extraction.token_sentence;
    let claim = &extraction.claims[c];
    let same_sentence = |a: usize, b: usize| sentence[a] == sentence[b];
    let name = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.is_word()
                && t.capital
                && k > 0
                && same_sentence(k - 1, k)
                && !claim.span.overlaps(t.span)
                && !link.why.iter().any(|w| w.overlaps(t.span))
        })
    };
    // An article or a possessive ("John's", split or not at the mark).
    let determiner = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            is_one_of(&t.norm, data.articles)
                || t.norm.ends_with("'s")
                || t.norm.ends_with("’s")
                || (t.norm == "s" && k > 0 && matches!(tokens[k - 1].norm.as_str(), "'" | "’"))
        })
    };
    let unknown = |from: usize, to: usize| {
        (from..=to).any(|k| !fact_knows(fact, &tokens[k].norm, extraction))
    };
    link.why.iter().any(|w| {
        let first = first_token(tokens, *w);
        let last = tokens
            .partition_point(|t| t.span.start < w.end)
            .saturating_sub(1);
        if tokens[first].capital {
            return false;
        }
        match data.noun_order {
            // "the Farewell Yellow Brick Road tour", "Elton John's … tour".
            NounOrder::ModifiersFirst => {
                let mut k = first;
                while k > 0 && name(k - 1) && same_sentence(k - 1, first) {
                    k -= 1;
                }
                // Through a split possessive: "John ' s Farewell".
                if k >= 3 && k < first && determiner(k - 1) && tokens[k - 1].norm == "s" {
                    let mut j = k - 2;
                    while j > 0 && name(j - 1) {
                        j -= 1;
                    }
                    if j < k - 2 {
                        k = j;
                    }
                }
                k < first
                    && ((k > 0 && determiner(k - 1)) || (k..first).any(determiner))
                    && unknown(k, first - 1)
            }
            // "il tour Farewell Yellow Brick Road".
            NounOrder::NounFirst => {
                let mut k = last;
                while name(k + 1) && same_sentence(k + 1, last) {
                    k += 1;
                }
                k > last && first > 0 && determiner(first - 1) && unknown(last + 1, k)
            }
        }
    })
}

/// "The Bank of Canada has already brought its policy rate down to 3%": a
/// possessive right before the fact's word gives the word an owner, and a
/// name in the clause before it that the fact does not know is that
/// owner, another one of the fact's kind.
fn owned_by_other(
    c: usize,
    link: &Link,
    fact: &Fact,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> bool {
    let tokens = &extraction.tokens;
    let sentence = &extraction.token_sentence;
    // The owner stands in the sentence before the word, or, for a word a
    // coordinated figure shares ("… and the European Central Bank its
    // deposit rate to 2.75%"), before the figure.
    let figure = clauses.placed[c].first;
    let opens = first_token(tokens, clauses.placed[c].sentence);
    link.why.iter().any(|w| {
        let first = first_token(tokens, *w);
        let owned = (first.saturating_sub(2)..first).any(|k| {
            sentence[k] == sentence[first] && is_one_of(&tokens[k].norm, data.possessives)
        });
        owned
            && (other_name(opens, figure.max(first), link, fact, extraction, data)
                || previous_subject_other(opens, first, fact, extraction, data))
    })
}

/// "…that of the Auckland Anniversary floods, which killed four people":
/// a figure in a relative clause is its antecedent's, another one of the
/// fact's kind when the antecedent is a name of two capitalized words or
/// more (a common noun after it perhaps) that the fact's words and
/// `about` do not hold.
fn relative_other(
    c: usize,
    fact: &Fact,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> bool {
    if data.nouns_capitalized {
        return false;
    }
    let tokens = &extraction.tokens;
    let sentence = &extraction.token_sentence;
    // The nearest ", which" before the figure in its sentence, with no
    // other comma between.
    let figure = clauses.placed[c].first;
    let opens = first_token(tokens, clauses.placed[c].sentence);
    let Some(rel) = (opens + 3..figure)
        .rev()
        .take_while(|&k| !tokens[k].is_punct(","))
        .find(|&k| {
            is_one_of(&tokens[k].norm, data.relative_pronouns) && tokens[k - 1].is_punct(",")
        })
    else {
        return false;
    };
    let capital =
        |k: usize| tokens[k].is_word() && tokens[k].capital && sentence[k] == sentence[rel];
    let mut last = rel - 2;
    if !capital(last) && tokens[last].is_word() && capital(last - 1) {
        last -= 1;
    }
    let mut start = last;
    while start > 0 && capital(start - 1) && sentence[start - 1] == sentence[start] {
        start -= 1;
    }
    if start == opens {
        // The sentence's first word is capitalized whatever it is.
        start += 1;
    }
    let about = |k: usize| about_names(fact, &tokens[k].norm);
    capital(last)
        && last > start
        && !(start..=last).any(|k| whole_term_at(k, last, fact, tokens) || about(k))
}

/// "Chez Kering, groupe rival qui publiera ses comptes le 11 février": a
/// fact's common noun in apposition to a name (after the name's comma, an
/// article perhaps between) is that name's, another one of the fact's
/// kind when neither the fact's words nor its `about` name it, and no
/// name among the words that tie the figure to the fact is the fact's.
fn apposition_other(link: &Link, fact: &Fact, extraction: &Extraction, data: &LangData) -> bool {
    if data.nouns_capitalized {
        return false;
    }
    let tokens = &extraction.tokens;
    let sentence = &extraction.token_sentence;
    // A name of the fact's own among its words ("«Pobres criaturas», de
    // Yorgos Lanthimos, ganó seis Oscar") says whose the figure is.
    let names_own = link.why.iter().any(|w| {
        let k = first_token(tokens, *w);
        tokens[k].capital && k > 0 && sentence[k - 1] == sentence[k]
    });
    if names_own {
        return false;
    }
    link.why.iter().any(|w| {
        let mut k = first_token(tokens, *w);
        if tokens[k].capital || k < 2 {
            return false;
        }
        if is_one_of(&tokens[k - 1].norm, data.articles) {
            k -= 1;
        }
        if k < 2 || !tokens[k - 1].is_punct(",") {
            return false;
        }
        let name = k - 2;
        let t = &tokens[name];
        let about = about_names(fact, &t.norm);
        t.is_word()
            && t.capital
            && name > 0
            && sentence[name - 1] == sentence[name]
            && sentence[name] == sentence[k]
            && !in_some_claim(&extraction.claims, t.span)
            && !whole_term_at(name, name, fact, tokens)
            && !about
    })
}

/// "And then there is Hermès, which said … . Its net profit rose to
/// €4.6bn.": a possessive with no name before it in its sentence refers
/// to the sentence before, in the same paragraph; its first name (skipping
/// the sentence's first word, an article or a possessive) is the owner,
/// another one when the fact knows none of it.
fn previous_subject_other(
    opens: usize,
    first: usize,
    fact: &Fact,
    extraction: &Extraction,
    data: &LangData,
) -> bool {
    let tokens = &extraction.tokens;
    let sentence = &extraction.token_sentence;
    let claims = &extraction.claims;
    let name = |k: usize| {
        let t = &tokens[k];
        t.is_word()
            && t.capital
            && !in_some_claim(claims, t.span)
            && !is_one_of(&t.norm, data.articles)
            && !is_one_of(&t.norm, data.possessives)
    };
    // A name of the sentence itself, the opening word aside, answers it.
    if data.nouns_capitalized
        || opens == 0
        || tokens[opens].paragraph_before
        || (opens + 1..first).any(name)
    {
        return false;
    }
    let before = sentence[opens - 1];
    let start = (0..opens)
        .rev()
        .take_while(|&k| sentence[k] == before)
        .last()
        .unwrap_or(opens - 1);
    let Some(owner) = (start + 1..opens).find(|&k| name(k)) else {
        return false;
    };
    // Only the fact's own words and description vouch for the owner: a
    // lede listing rivals ("LVMH, Kering and Hermès have all reported")
    // does not.
    !whole_term_at(owner, owner, fact, tokens) && !about_names(fact, &tokens[owner].norm)
}

/// A name between tokens `from` and `to` none of whose words the fact
/// knows, the last before `to`: a run of two capitalized words or more
/// (one is a demonym or a sentence's first as often as a name), joined by the
/// language's name links ("Bank of Canada"), outside every claim ("June"),
/// not glued to a hyphen ("Iran-aligned"). A run holding a whole term of
/// the fact, or only words its description, the title or the lede name,
/// is the fact's own ("The BOJ Policy Board").
fn other_name(
    from: usize,
    to: usize,
    link: &Link,
    fact: &Fact,
    extraction: &Extraction,
    data: &LangData,
) -> bool {
    let tokens = &extraction.tokens;
    let claims = &extraction.claims;
    let in_claim = |span: Span| in_some_claim(claims, span);
    let capital = |k: usize| {
        let t = &tokens[k];
        t.is_word()
            && t.capital
            && !in_claim(t.span)
            && !link.why.iter().any(|o| o.overlaps(t.span))
            && (!data.nouns_capitalized || proper_adjective(&t.norm, data))
    };
    // The owner is the name nearest before the possessive: in "…which
    // came after the Japanese central bank terminated its negative rate
    // policy" it is "Japanese", no name of two words, not "The BOJ Policy
    // Board" opening the sentence.
    let Some(last) = (from..to).rev().find(|&k| capital(k)) else {
        return false;
    };
    let mut start = last;
    while start > from {
        if capital(start - 1) {
            start -= 1;
        } else if start >= from + 2
            && is_one_of(&tokens[start - 1].norm, data.name_links)
            && capital(start - 2)
        {
            start -= 2;
        } else {
            break;
        }
    }
    // An article opens no name ("The Bank of Canada").
    if is_one_of(&tokens[start].norm, data.articles) {
        start += 1;
    }
    let hyphened = tokens
        .get(last + 1)
        .is_some_and(|t| t.is_punct("-") && !t.space_before);
    let known = (start..=last).any(|i| whole_term_at(i, last, fact, tokens))
        || (start..=last).all(|i| {
            !tokens[i].is_word()
                || is_one_of(&tokens[i].norm, data.name_links)
                || described(fact, &tokens[i].norm, extraction)
        });
    last > start && !hyphened && !known
}

/// At token `i` of a name ending at `last` stands a whole term of the
/// fact ("BOJ", "Reserve Bank"; "Bank" alone is no more than a word of
/// "Reserve Bank").
fn whole_term_at(i: usize, last: usize, fact: &Fact, tokens: &[Token]) -> bool {
    tokens[i].is_word()
        && fact.groups.iter().flatten().any(|term| {
            !term.words.is_empty()
                && i + term.words.len() <= last + 1
                && term
                    .words
                    .iter()
                    .zip(&tokens[i..])
                    .all(|(w, t)| w.matches(&t.norm))
        })
}

/// "Die Europäische Zentralbank hat … gesenkt" against the Australian
/// bank's cut: where every noun is capitalized, a capitalized adjective
/// right before the fact's word (not opening the sentence) is part of a
/// name the fact does not know.
fn proper_adjective_before(
    link: &Link,
    fact: &Fact,
    extraction: &Extraction,
    data: &LangData,
) -> bool {
    let tokens = &extraction.tokens;
    let sentence = &extraction.token_sentence;
    link.why.iter().any(|w| {
        let first = first_token(tokens, *w);
        first >= 2 && {
            let t = &tokens[first - 1];
            t.is_word()
                && t.capital
                && sentence[first - 2] == sentence[first]
                && tokens[first - 2].is_word()
                && proper_adjective(&t.norm, data)
                && !link.why.iter().any(|o| o.overlaps(t.span))
                && !fact_knows(fact, &t.norm, extraction)
        }
    })
}

/// An adjective of a name, by its ending (`proper_adjective_endings`:
/// German "Europäische", "Amerikanischen").
fn proper_adjective(word: &str, data: &LangData) -> bool {
    data.proper_adjective_endings
        .iter()
        .any(|e| word.ends_with(e))
}

/// The fact's only words that tie claim `c` to it are a word for people
/// inside the claim ("179 persone"): every count of people would match.
fn people_only(c: usize, link: &Link, extraction: &Extraction, data: &LangData) -> bool {
    let claim = &extraction.claims[c];
    let tokens = &extraction.tokens;
    !link.why.is_empty()
        && link.why.iter().all(|w| {
            claim.span.contains(*w)
                && tokens
                    .get(first_token(tokens, *w))
                    .is_some_and(|t| t.is_word() && starts_with_any(&t.norm, data.people))
        })
}

/// Claim `c` follows a scope word ("in seven prefectures", "nelle tre
/// regioni"), an article or a hedge between.
fn after_scope_word(c: usize, extraction: &Extraction, clauses: &Clauses, data: &LangData) -> bool {
    let tokens = &extraction.tokens;
    let first = clauses.placed[c].first;
    (1..=SCOPE_REACH).any(|back| {
        first
            .checked_sub(back)
            .and_then(|k| tokens.get(k))
            .is_some_and(|t| t.is_word() && is_one_of(&t.norm, data.scope_words))
    })
}

/// Another count or amount shares claim `c`'s clause.
fn other_count_in_clause(c: usize, claims: &[Claim], clauses: &Clauses) -> bool {
    let clause = clauses.spans[c];
    let from = claims.partition_point(|o| o.span.start < clause.start);
    (from..claims.len())
        .take_while(|&o| claims[o].span.start < clause.end)
        .any(|o| o != c && clause.contains(claims[o].span) && claims[o].quantity().is_some())
}

/// Tokens before a figure searched for its scope word ("in all seven").
const SCOPE_REACH: usize = 2;

/// The years (1900–2100) the fact names as its period in its id
/// ("it-gdp-2024-forecast", "q2-fy2025").
fn own_years(fact: &Fact) -> Vec<i16> {
    fact.id
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<i16>().ok())
        .filter(|y| (1900..=2100).contains(y))
        .collect()
}

/// The fact names `year` as its own period in its id or `about`
/// ("measles-missed-first-dose-2023", published in 2025).
fn own_year(fact: &Fact, year: i16) -> bool {
    let year = year.to_string();
    let names = |text: &str| {
        text.split(|c: char| !c.is_ascii_digit())
            .any(|digits| digits == year)
    };
    names(&fact.id) || fact.about.as_deref().is_some_and(names)
}

/// The claim is the other side of a comparison ("rispetto al 50,2%",
/// "down from 53.42%"), a difference ("in calo di oltre 7 punti",
/// "increased by 400"), or a time of day read on the publication day.
fn is_comparison(c: usize, extraction: &Extraction, clauses: &Clauses, data: &LangData) -> bool {
    let claim = &extraction.claims[c];
    if claim.kind == Kind::Time {
        // "at about 10:30 a.m. on Tuesday, Dec. 7" says its day.
        let first = clauses.placed[c].first;
        let dates = &data.dates;
        let month = |t: &Token| {
            t.is_word()
                && dates
                    .months
                    .iter()
                    .chain(dates.month_abbreviations)
                    .any(|(m, _)| fold(m) == t.norm.trim_end_matches('.'))
        };
        let says_day = extraction.tokens[first..]
            .iter()
            .take_while(|t| t.span.end <= claim.span.end)
            .any(month);
        return claim.relative && !says_day;
    }
    let Some(q) = claim.quantity() else {
        return false;
    };
    let tokens = &extraction.tokens;
    let k = clauses.placed[c].first;
    // "from 2.2%" of "fell from 2.2% to 1.7%": the claim holds the word.
    let first = &tokens[k];
    if q.qualifier != Qualifier::Range && first.is_word() && is_one_of(&first.norm, data.baselines)
    {
        return true;
    }
    // "si è fermato a 19,6 miliardi di euro (-14%)": a signed share in a
    // bracket right after another figure is that figure's change.
    let signed = q.value.is_some_and(|v| v < 0.0)
        || tokens
            .get(k)
            .is_some_and(|t| matches!(t.norm.as_str(), "-" | "+" | "–" | "−"));
    let bracketed_after_figure = claim.kind == Kind::Percent
        && signed
        && c > 0
        && k >= 2
        && tokens[k - 1].is_punct("(")
        && extraction.claims[c - 1].quantity().is_some()
        && tokens[k - 2].span.end == extraction.claims[c - 1].span.end;
    if bracketed_after_figure {
        return true;
    }
    let k = before_sign_and_article(k, tokens, data);
    let ends_at = |k: usize, phrase: &&str| {
        let words: Vec<&str> = phrase.split(' ').collect();
        k >= words.len() && phrase_at(tokens, k - words.len(), phrase) == Some(k)
    };
    if data.baselines.iter().any(|p| ends_at(k, p)) {
        return true;
    }
    // "rispetto ai $6,19 miliardi, o 25 centesimi per azione": the same
    // amount said another way, after an "or", is the comparison's too.
    let or_before = k >= 2
        && tokens[k - 1].is_word()
        && data.alternatives.contains(&tokens[k - 1].norm.as_str())
        && (tokens[k - 2].is_punct(",") || (c > 0 && clauses.placed[c - 1].last + 1 == k - 1));
    if or_before && c > 0 && clauses.placed[c - 1].sentence == clauses.placed[c].sentence {
        let mut pk = clauses.placed[c - 1].first;
        if pk > 0 && is_one_of(&tokens[pk - 1].norm, data.articles) {
            pk -= 1;
        }
        let adjacent = clauses.placed[c - 1].last + 2 >= k - 1;
        if adjacent && data.baselines.iter().any(|p| ends_at(pk, p)) {
            return true;
        }
    }
    // A bare year-like integer ("Los Angeles 1984 regalò", "of 2024
    // across") may be a year the extractor took for a count.
    let last = clauses.placed[c].last;
    if q.qualifier == Qualifier::Exact
        && q.value
            .is_some_and(|v| v.fract() == 0.0 && (1800.0..=2100.0).contains(&v))
        && tokens[clauses.placed[c].first..=last].iter().any(|t| {
            t.is_number() && t.norm.len() == 4 && t.norm.bytes().all(|b| b.is_ascii_digit())
        })
    {
        return true;
    }
    // "(versus Wall Street expectations of $28.73 billion)": a figure in
    // a bracket a baseline word opens is the comparison's other side.
    let open = tokens[..k]
        .iter()
        .rev()
        .take_while(|t| !t.is_punct(")") && !t.is_punct(".") && !t.is_punct(";"))
        .take(BRACKET_REACH)
        .position(|t| t.is_punct("("));
    if let Some(back) = open {
        let at = k - back;
        if data
            .baselines
            .iter()
            .any(|b| phrase_at(tokens, at, b).is_some())
        {
            return true;
        }
    }
    // "two more golds": a difference between the figure and its noun.
    let first = clauses.placed[c].first;
    if tokens[first + 1..=last.max(first)]
        .iter()
        .any(|t| t.is_word() && is_one_of(&t.norm, data.difference_inside))
    {
        return true;
    }
    // A part of a whole ("194 participants out of 402 athletes", "uno
    // su quattro"), or a difference after the figure ("cinque medaglie di
    // bronzo in meno").
    let clause_end = tokens.partition_point(|t| t.span.end <= clauses.spans[c].end);
    let after = last + 1..(last + 1 + DIFFERENCE_REACH).min(clause_end);
    if after.clone().any(|k| {
        data.ratio_words
            .iter()
            .chain(data.difference_after)
            .any(|p| {
                phrase_at(tokens, k, p).is_some_and(|end| {
                    if data.ratio_words.contains(p) {
                        // A ratio needs the whole after it.
                        k == last + 1 && tokens.get(end).is_some_and(Token::is_number)
                    } else {
                        // A noun of change follows the figure at once ("a
                        // 0.5% drop", "a 0.4% lead"); a phrase may come a
                        // few words later ("cinque medaglie in meno").
                        p.contains(' ') || k == last + 1
                    }
                })
            })
    }) {
        return true;
    }
    // "Chega gained two seats": a gain, not a total; "all but two": the
    // ones left out.
    if data.gains.iter().any(|g| phrase_ends_before(tokens, k, g)) {
        return true;
    }
    false
}

/// The token a figure starting at token `k` is read from, a sign glued to
/// it ("da -34,9%") and an article before it ("than the 600") included.
fn before_sign_and_article(mut k: usize, tokens: &[Token], data: &LangData) -> usize {
    if k > 0 && !tokens[k].space_before && matches!(tokens[k - 1].norm.as_str(), "-" | "+" | "−")
    {
        k -= 1;
    }
    if k > 0 && is_one_of(&tokens[k - 1].norm, data.articles) {
        k -= 1;
    }
    k
}

/// "increased by 400", "in crescita del 17,8%": the word of change right
/// before the figure's link, which makes the figure a difference. A fact
/// whose own words hold that word measures the change: the figure is
/// then what it records, not a comparison's other side.
fn change_word_before(
    c: usize,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> Option<Span> {
    let tokens = &extraction.tokens;
    let k = before_sign_and_article(clauses.placed[c].first, tokens, data);
    (extraction.claims[c].quantity().is_some()
        && k > 1
        && is_one_of(&tokens[k - 1].norm, data.difference_links)
        && starts_with_any(&tokens[k - 2].norm, data.difference_stems))
    .then(|| tokens[k - 2].span)
}

/// The words of `phrase` stand right before token `k`, the last one as a
/// stem ("gained", "all but").
fn phrase_ends_before(tokens: &[Token], k: usize, phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    let Some(first) = k.checked_sub(words.len()) else {
        return false;
    };
    let before = &tokens[first..k];
    before.iter().all(Token::is_word)
        && words.iter().zip(before).enumerate().all(|(i, (w, t))| {
            if i + 1 == words.len() {
                t.norm.starts_with(w)
            } else {
                t.norm == *w
            }
        })
}

/// Tokens between a date and the event word that governs it ("il
/// terremoto del 6 febbraio", "the runoff is set for June 9", "the 8
/// September earthquake").
const ATTACHED_REACH: usize = 4;

/// A date claim is attached to its fact's event when one of the fact's
/// words in its clause ends at most [`ATTACHED_REACH`] tokens before the
/// date, or starts at most two after it, with no other figure between. A
/// name before the date governs nothing ("Il Giappone è impegnato
/// martedì", "Wajima, Ishikawa Prefecture, on Saturday"): a place says
/// where, the event word says what happened then — except in a language
/// that capitalizes every noun.
fn date_attached(
    c: usize,
    want: &Want,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> bool {
    let claim = &extraction.claims[c];
    if !matches!(claim.kind, Kind::Date | Kind::Time) {
        return true;
    }
    let tokens = &extraction.tokens;
    let placed = clauses.placed[c];
    let claims = &extraction.claims;
    // A compound modifier ("the smallest 12-month increase since May
    // 2021") is no figure of its own between the word and the date.
    let figure_between = |a: usize, b: usize| {
        claims.iter().skip(c.saturating_sub(8)).take(17).any(|o| {
            o.span.start >= a
                && o.span.end <= b
                && o.span != claim.span
                && !compound_modifier(o, tokens)
        })
    };
    // "On March 28, 2023, a passenger train and a freight train collided":
    // a date opening its sentence, set off by a comma, dates the main
    // clause's event words when the clause has no other date ("All'inizio
    // del 2025, … la regione invasa nell'agosto dell'anno scorso": the
    // invasion has its own).
    let sentence_first = first_token(tokens, placed.sentence);
    let clause = clauses.spans[c];
    // Or, with no comma, the subject after it and an aside: "Martedì 6
    // agosto l'Africa Cdc, l'agenzia dell'Unione africana, ha proclamato…".
    let joined = clauses.joined.get(c);
    // Or before the subject at once: "Sabato 13 e domenica 14 luglio
    // Taylor Swift ha suonato a Milano".
    let opens = (sentence_first..placed.first)
        .filter(|&k| !tokens[k].is_punct(","))
        .count()
        <= OPENING_REACH;
    // The main clause's own date may stand past the opening date's clause,
    // right after its comma ("En juillet, les deux groupes avaient
    // repoussé la date limite de l'accord, du 18 juillet au 18 octobre":
    // July is when it was moved).
    let reach = joined.map_or(clause.end, |j| j.end.max(clause.end));
    let appended = {
        let next = tokens.partition_point(|t| t.span.start < reach);
        let after = tokens[next..]
            .iter()
            .position(|t| !t.is_punct(","))
            .map(|k| next + k);
        after.filter(|&k| k > next).map(|k| tokens[k].span.start)
    };
    let other_date = || {
        claims
            .iter()
            .skip(c + 1)
            .take_while(|o| o.span.start < reach || Some(o.span.start) == appended)
            .any(|o| matches!(o.kind, Kind::Date | Kind::Time))
    };
    if opens
        && want.why.iter().any(|s| {
            (clause.contains(*s) && s.start >= claim.span.end)
                || joined.is_some_and(|j| j.contains(*s))
        })
        && !other_date()
    {
        return true;
    }
    // "began its campaign on Oct. 19, when its fighters seized the Galaxy
    // Leader": the clause a when-word opens after the date's comma tells
    // that day's event.
    let when_follows = tokens.get(placed.last + 1).is_some_and(|t| t.is_punct(","))
        && data
            .when_relatives
            .iter()
            .any(|p| phrase_at(tokens, placed.last + 2, p).is_some());
    if when_follows
        && want
            .why
            .iter()
            .any(|s| clause.contains(*s) && s.start >= claim.span.end)
        && !other_date()
    {
        return true;
    }
    // "… si concluderà a Nizza, il 21 luglio.": a date closing its
    // sentence after a comma the clause reads through dates the clause
    // before it when that clause has no other date.
    let closes = placed.first > 0
        && tokens[placed.first - 1].is_punct(",")
        && clause.start < tokens[placed.first - 1].span.start;
    let date_before = || {
        claims[..c]
            .iter()
            .rev()
            .take_while(|o| o.span.start >= clause.start)
            .any(|o| matches!(o.kind, Kind::Date | Kind::Time))
    };
    if closes
        && want.why.iter().any(|s| {
            (clause.contains(*s) && s.end <= claim.span.start)
                || joined.is_some_and(|j| j.contains(*s))
        })
        && !date_before()
    {
        return true;
    }
    want.why
        .iter()
        .filter(|s| clauses.spans[c].contains(**s) && !claim.span.overlaps(**s))
        .any(|s| {
            let term_first = first_token(tokens, *s);
            let term_last = tokens
                .partition_point(|t| t.span.start < s.end)
                .saturating_sub(1);
            if s.end <= claim.span.start {
                let name = !data.nouns_capitalized
                    && tokens[term_first].capital
                    && term_first > 0
                    && extraction.token_sentence[term_first - 1]
                        == extraction.token_sentence[term_first];
                !name
                    && placed.first.saturating_sub(term_last + 1) <= ATTACHED_REACH
                    && !figure_between(s.end, claim.span.start)
            } else {
                term_first.saturating_sub(placed.last + 1) <= 2
                    && !figure_between(claim.span.end, s.start)
            }
        })
}

/// Tokens an opening date may stand after ("Just before midnight on").
const OPENING_REACH: usize = 3;

/// A figure glued to its unit by a hyphen: "12-month", "three-day".
fn compound_modifier(claim: &Claim, tokens: &[Token]) -> bool {
    let first = first_token(tokens, claim.span);
    tokens[first..]
        .iter()
        .take_while(|t| t.span.end <= claim.span.end)
        .skip(1)
        .any(|t| t.norm == "-" && !t.space_before)
}

/// The first figure of "almost 1600 of some 1800 polling stations" is a
/// part of the second: a fact matched only by the whole's words is not
/// certainly its fact. The second figure of a ratio ("duemila voti su
/// 750mila sardi") is a whole.
fn is_part(c: usize, want: &Want, extraction: &Extraction, clauses: &Clauses) -> bool {
    let claims = &extraction.claims;
    let whole_of_ratio = c > 0 && clauses.ratio_whole[c];
    if whole_of_ratio {
        return true;
    }
    let Some(whole) = (c + 1..claims.len().min(c + 2)).find(|&b| clauses.head[b] == Some(c)) else {
        return false;
    };
    let whole = claims[whole].span;
    want.why.iter().all(|s| whole.contains(*s))
}

/// A date governed by a reporting verb dates the statement: "said on
/// Friday that the floods had killed 40", "On Nov. 12 the commander said
/// the incursion…", "Martedì il ministro ha dichiarato che…". Such a date
/// is the fact's only when an event word stands between the verb and it.
fn is_statement_date(
    c: usize,
    want: &Want,
    extraction: &Extraction,
    clauses: &Clauses,
    data: &LangData,
) -> bool {
    let claim = &extraction.claims[c];
    if !matches!(claim.kind, Kind::Date | Kind::Time) {
        return false;
    }
    let tokens = &extraction.tokens;
    let sentence = clauses.placed[c].sentence;
    let from = first_token(tokens, sentence);
    let to = tokens.partition_point(|t| t.span.start < sentence.end);
    let reporting: Vec<Span> = (from..to)
        .filter_map(|i| reporting_at(tokens, i, data))
        .collect();
    if reporting.is_empty() {
        return false;
    }
    // "said on Friday", "ha detto ieri": the verb just before the date.
    let first = clauses.placed[c].first;
    let just_before = reporting.iter().any(|r| {
        let r_end = tokens.partition_point(|t| t.span.start < r.end);
        r.end <= claim.span.start && first.saturating_sub(r_end) <= 2
    });
    if just_before {
        return true;
    }
    // A verb between the date and every event word of the fact.
    let between = |a: Span, b: Span| {
        let (lo, hi) = if a.start < b.start {
            (a.end, b.start)
        } else {
            (b.end, a.start)
        };
        reporting.iter().any(|r| r.start >= lo && r.end <= hi)
    };
    let event: Vec<&Span> = want
        .why
        .iter()
        .filter(|s| sentence.contains(**s) && !claim.span.overlaps(**s))
        .collect();
    !event.is_empty() && event.iter().all(|s| between(claim.span, **s))
}

/// The span of the reporting verb or phrase starting at token `i`.
fn reporting_at(tokens: &[Token], i: usize, data: &LangData) -> Option<Span> {
    let t = &tokens[i];
    if !t.is_word() {
        return None;
    }
    data.reporting.iter().find_map(|phrase| {
        if phrase.contains(' ') {
            phrase_at(tokens, i, phrase)
                .map(|end| Span::new(t.span.start, tokens[end - 1].span.end))
        } else if t.norm.starts_with(phrase) {
            Some(t.span)
        } else {
            None
        }
    })
}

/// The token span of the claim's counted noun (its first word).
fn counted_head(claim: &Claim, tokens: &[Token], first: usize, last: usize) -> Option<Span> {
    let word = claim.counted.as_deref()?.split_whitespace().next()?;
    let word = fold(word);
    tokens
        .get(first..=last)?
        .iter()
        .find(|t| t.is_word() && t.norm == word)
        .map(|t| t.span)
}

/// Sentences a paragraph may have for its words to weigh in its sentences.
const MAX_PARAGRAPH: usize = 12;

/// The title's and paragraph's term hits, to weigh between facts.
struct Context<'a> {
    hits: &'a [Hit],
    /// Token range of the title (a first Markdown heading), if any.
    title: std::ops::Range<usize>,
    /// Token range of the lede (see `extract::Extraction::lede`).
    lede: std::ops::Range<usize>,
    /// The first sentence of each sentence's paragraph, and parallel
    /// the first sentence after it.
    paragraph: Vec<(usize, usize)>,
    sentence_first_token: Vec<usize>,
}

impl<'a> Context<'a> {
    fn new(extraction: &Extraction, hits: &'a [Hit]) -> Context<'a> {
        let tokens = &extraction.tokens;
        let sentences = &extraction.sentences;
        let sentence_first_token: Vec<usize> =
            sentences.iter().map(|s| first_token(tokens, *s)).collect();
        let title = match extraction.title {
            Some(span) => {
                first_token(tokens, span)..tokens.partition_point(|t| t.span.start < span.end)
            }
            None => 0..0,
        };
        let mut paragraph = Vec::with_capacity(sentences.len());
        let mut start = 0;
        for (s, &t) in sentence_first_token.iter().enumerate() {
            if s > 0 && tokens.get(t).is_some_and(|t| t.paragraph_before) {
                start = s;
            }
            paragraph.push((start, 0));
        }
        let mut end = sentences.len();
        for s in (0..sentences.len()).rev() {
            paragraph[s].1 = end;
            if paragraph[s].0 == s {
                end = s;
            }
        }
        let lede = match extraction.lede {
            Some(span) => {
                first_token(tokens, span)..tokens.partition_point(|t| t.span.start < span.end)
            }
            None => 0..0,
        };
        Context {
            hits,
            title,
            lede,
            paragraph,
            sentence_first_token,
        }
    }

    /// The hit is in the title or the lede, which speak for the article.
    fn in_title_or_lede(&self, hit: &Hit) -> bool {
        self.title.contains(&hit.first) || self.lede.contains(&hit.first)
    }

    /// The lede's span, when it is not `sentence`'s own paragraph (whose
    /// words are the paragraph's); empty otherwise.
    fn lede_for(&self, sentence: usize, tokens: &[Token]) -> Span {
        let paragraph = self.paragraph_sentences(sentence);
        if self.lede.is_empty() || self.lede.end > self.sentence_first_token[paragraph.start] {
            return Span::new(0, 0);
        }
        Span::new(
            tokens[self.lede.start].span.start,
            tokens[self.lede.end - 1].span.end,
        )
    }

    /// The sentences of `sentence`'s paragraph; only itself in a paragraph
    /// too long to be one topic (which also keeps the work linear).
    fn paragraph_sentences(&self, sentence: usize) -> std::ops::Range<usize> {
        match self.paragraph.get(sentence) {
            Some(&(from, to)) if to - from <= MAX_PARAGRAPH => from..to,
            _ => sentence..sentence + 1,
        }
    }

    /// The sentence's own hits (flagged `true`), then the title's and its
    /// paragraph's other sentences' (flagged `false`).
    fn hits_for(&self, sentence: usize, tokens: &std::ops::Range<usize>) -> Vec<(Hit, bool)> {
        let from = self.hits.partition_point(|h| h.first < tokens.start);
        let to = self.hits.partition_point(|h| h.first < tokens.end);
        let mut out: Vec<(Hit, bool)> = self.hits[from..to.max(from)]
            .iter()
            .filter(|h| h.end <= tokens.end)
            .map(|h| (*h, true))
            .collect();
        let paragraph = self.paragraph_sentences(sentence);
        let mut context = |range: std::ops::Range<usize>| {
            let from = self.hits.partition_point(|h| h.first < range.start);
            let to = self.hits.partition_point(|h| h.first < range.end);
            for h in &self.hits[from..to.max(from)] {
                if !tokens.contains(&h.first) {
                    out.push((*h, false));
                }
            }
        };
        if paragraph.len() <= MAX_PARAGRAPH {
            let to = self
                .sentence_first_token
                .get(paragraph.end)
                .copied()
                .unwrap_or(usize::MAX);
            context(self.sentence_first_token[paragraph.start]..to);
        }
        let paragraph_start = self.sentence_first_token[paragraph.start];
        if self.title.end <= paragraph_start {
            context(self.title.clone());
        }
        if self.lede.end <= paragraph_start {
            context(self.lede.clone());
        }
        out
    }
}

/// Every occurrence of a term of `fact` among the hits, as (group, span,
/// in the sentence); `ids` are the numbers of the fact's terms.
fn group_hits(
    tokens: &[Token],
    term_hits: &[(Hit, bool)],
    fact: &Fact,
    ids: &[usize],
) -> Vec<GroupHit> {
    // The group of each of the fact's terms, parallel to `ids`.
    let groups = fact
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| std::iter::repeat_n(g, group.len()));
    let mut found = Vec::new();
    for (hit, own) in term_hits {
        let Target::Term(id) = hit.target else {
            continue;
        };
        for (_, g) in ids.iter().zip(groups.clone()).filter(|(t, _)| **t == id) {
            let span = Span::new(tokens[hit.first].span.start, tokens[hit.end - 1].span.end);
            found.push((g, span, *own));
        }
    }
    found
}

/// Every predicate word of the clause ("uccisi", "wounded") lies inside one
/// of the fact's term hits: otherwise the claim counts something else. A
/// list of two or more predicates ("killed, wounded or taken prisoner")
/// makes a total: a fact covering none of them may count it, one covering
/// only some may not. `predicates` are those of the clause's sentence.
fn predicates_covered(predicates: &[Span], clause: Span, fact_hits: &[GroupHit]) -> bool {
    let covered = |p: &Span| fact_hits.iter().any(|h| h.2 && h.1.contains(*p));
    let in_clause: Vec<Span> = predicates
        .iter()
        .copied()
        .filter(|&p| clause.contains(p))
        .collect();
    // A predicate far from every covered one is no part of their list: "i
    // morti hanno superato le mille unità e altrettanto i feriti" says two
    // things, not a total.
    let listed: Vec<Span> = in_clause
        .iter()
        .copied()
        .filter(|p| {
            covered(p)
                || !in_clause.iter().any(covered)
                || in_clause
                    .iter()
                    .filter(|q| covered(q))
                    .any(|q| q.distance(*p) <= LIST_GAP)
        })
        .collect();
    let n = listed.iter().filter(|p| covered(p)).count();
    n == listed.len() || (n == 0 && listed.len() >= 2)
}

/// Tokens searched back from a figure for the bracket it stands in.
const BRACKET_REACH: usize = 12;

/// Bytes between two predicates of one list ("killed, wounded or taken
/// prisoner").
const LIST_GAP: usize = 24;

/// The top of the magnitude scales in use.
const MAGNITUDE_MAX: f64 = 10.0;

/// A magnitude is a measure on a scale of its own, but a desk often files
/// it as a plain number (`kind: count`, no unit): "magnitudo 6,8" checks
/// such a fact, and a bare "6,8" checks a fact filed as a magnitude.
fn scale_as_count(claim: &Claim, fact: &Fact) -> bool {
    let magnitude =
        |unit: Option<Unit>| unit.is_some_and(|u| u.dimension() == Dimension::Magnitude);
    let Value::Quantity(q) = &claim.value else {
        return false;
    };
    // A count fact is a scale when a value is no whole number and all lie
    // within one (an earthquake's 6.8 and 7): never a count of people.
    let scale =
        fact.values
            .iter()
            .any(|v| matches!(v.figure, Figure::Number(n) if n.fract() != 0.0))
            && fact.values.iter().all(
                |v| matches!(v.figure, Figure::Number(n) if (0.0..=MAGNITUDE_MAX).contains(&n)),
            );
    match (claim.kind, fact.kind) {
        (Kind::Measure, Kind::Count) => magnitude(q.unit) && fact.unit.is_none() && scale,
        (Kind::Count, Kind::Measure) => q.unit.is_none() && magnitude(fact.unit),
        _ => false,
    }
}

/// The predicates that may say what claim `c` counts: not one another
/// figure counts ("38 deaths were registered in the region, which counts
/// 53 countries": the deaths are the 38's).
fn own_predicates(c: usize, predicates: &[Span], claims: &[Claim]) -> Vec<Span> {
    predicates
        .iter()
        .copied()
        .filter(|&p| !figures_near(p.start, claims).any(|o| o != c && claims[o].span.contains(p)))
        .collect()
}

/// The claim can be compared with the fact: same kind (a time checks a
/// date fact on its day), same currency, a unit of the same dimension.
pub fn compatible(claim: &Claim, fact: &Fact) -> bool {
    let kinds = claim.kind == fact.kind
        || (claim.kind == Kind::Time && fact.kind == Kind::Date)
        || scale_as_count(claim, fact);
    if !kinds {
        return false;
    }
    match &claim.value {
        Value::Quantity(q) => {
            let currency = match (q.currency, fact.currency) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            let unit = match (q.unit, fact.unit) {
                (Some(a), Some(b)) => a.dimension() == b.dimension(),
                (None, None) => true,
                // A plain percentage and percentage points do not compare.
                _ => fact.kind != Kind::Percent && claim.kind != Kind::Percent,
            };
            currency && unit
        }
        _ => true,
    }
}
