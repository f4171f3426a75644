//! Clauses: a clause ends at `;`, `:`, `,` and at a conjunction that opens
//! a new figure ("… uccisi e migliaia feriti"). A conjunction inside a claim
//! ("tra 300 e 400") ends nothing.

use crate::claim::{Claim, Kind, Value};
use crate::extract::Extraction;
use crate::lang::LangData;
use crate::text::span::Span;
use crate::text::token::{Token, TokenKind, folds_to};

/// Where a claim lies: its first and last tokens and its sentence (the
/// claim's own span when it is in none).
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    pub first: usize,
    pub last: usize,
    pub sentence: Span,
}

/// Where each claim lies. Claims come sorted by start, so each search walks
/// on from the previous claim's answer instead of bisecting the article's
/// tokens again.
pub fn place(extraction: &Extraction) -> Vec<Placed> {
    let tokens = &extraction.tokens;
    let sentences = &extraction.sentences;
    let (mut first, mut sentence) = (0, 0);
    extraction
        .claims
        .iter()
        .map(|claim| {
            let span = claim.span;
            first = partition_from(tokens, first, |t| t.span.start < span.start);
            let last = partition_from(tokens, first, |t| t.span.end <= span.end).saturating_sub(1);
            // As `Extraction::sentence_of`.
            sentence = partition_from(sentences, sentence, |s| s.end < span.end);
            let sentence = sentences
                .get(sentence)
                .filter(|s| s.contains(span))
                .copied()
                .unwrap_or(span);
            Placed {
                first,
                last,
                sentence,
            }
        })
        .collect()
}

/// `items.partition_point(pred)`, walking forward from `from` when the
/// point is there or after (the usual case: close after the previous
/// claim's), else bisecting.
fn partition_from<T>(items: &[T], from: usize, pred: impl Fn(&T) -> bool) -> usize {
    let from = from.min(items.len());
    if from > 0 && !pred(&items[from - 1]) {
        return items.partition_point(pred);
    }
    let mut at = from;
    while at < items.len() && pred(&items[at]) {
        at += 1;
    }
    at
}

/// Each claim's clause, where it lies, and the part it measures when it
/// names a whole ("800 degli 11 mila": the 11 mila's head is the 800).
#[derive(Debug, Clone)]
pub struct Clauses {
    pub spans: Vec<Span>,
    /// What a coordinated figure shares with the one before it: the words
    /// of the previous clause before its first figure.
    pub prefix: Sparse,
    /// The date the claim's sentence opens with (see `leads`).
    pub lead: Sparse,
    /// The other side of an aside between a sentence's subject and its
    /// verb (see `subject_asides`).
    pub joined: Sparse,
    /// For each token, a comma around an attribution (see
    /// `attribution_commas`).
    pub aside: Vec<bool>,
    pub placed: Vec<Placed>,
    pub head: Heads,
    /// The claim follows another and a ratio word: "su 750mila sardi".
    pub ratio_whole: Vec<bool>,
}

/// The clause of each claim, as a span of the scan text.
///
/// A clause ends at `;`, `:`, `,`, a dash, a bracket (an aside is a clause
/// of its own), a word that always opens a new
/// clause ("mentre", "whereas"), and a conjunction a new figure follows.
/// Three commas end nothing: one inside a list of predicates ("killed,
/// wounded or taken prisoner"), one before an inclusion, a relative
/// pronoun or an apposition ("…, tra cui 400 ufficiali", "Kazakhstan,
/// which reported 28,147", "rose 2.9%, the smallest increase since…"), and the one closing a short opening phrase without a figure
/// ("In Germany alone, 1,250 people…"); nor does a colon followed by a
/// figure ("in finale: 97").
pub(crate) fn clauses(extraction: &Extraction, placed: Vec<Placed>, data: &LangData) -> Clauses {
    let tokens = &extraction.tokens;
    let claims = &extraction.claims;
    let in_claim = claim_mask(tokens, claims, &placed);
    let in_date = claim_mask_where(tokens, claims, &placed, |c| {
        matches!(c.kind, Kind::Date | Kind::Time)
    });
    let mut starts_claim = vec![false; tokens.len() + 1];
    for p in &placed {
        starts_claim[p.first] = true;
    }
    // A hyphen with a space either side is a dash ("SEUL, 29 DIC - È
    // salito…": a dateline ends there).
    let spaced_hyphen = |i: usize| {
        tokens[i].norm == "-"
            && tokens[i].space_before
            && tokens.get(i + 1).is_some_and(|n| n.space_before)
    };
    let is_punct_boundary = |i: usize, t: &Token| {
        t.kind == TokenKind::Punct
            && (matches!(t.norm.as_str(), ";" | ":" | "," | "—" | "–" | "(" | ")")
                || spaced_hyphen(i))
    };
    let is_predicate = |t: &Token| t.is_word() && starts_with_any(&t.norm, data.predicates);
    let aside = attribution_commas(extraction, data);
    let named = name_appositions(extraction, &in_claim, data);
    let is_boundary_punct = is_punct_boundary;
    let is_punct_boundary = |i: usize, t: &Token| is_boundary_punct(i, t) && !aside[i];
    let mut boundary = vec![false; tokens.len()];
    // Boundaries for a clause read rightwards only (see `apposition`).
    let mut closes_right = vec![false; tokens.len()];
    // Boundaries a clause before them reads through rightwards.
    let mut opens_right = vec![false; tokens.len()];
    // The next punctuation boundary at or after each token, within its
    // sentence (scanned once from the end): keeps the conjunction rule
    // linear.
    let mut next_claim_before_punct = vec![false; tokens.len() + 1];
    for i in (0..tokens.len()).rev() {
        let same_sentence = i + 1 < tokens.len()
            && extraction.token_sentence[i + 1] == extraction.token_sentence[i];
        let after = same_sentence && next_claim_before_punct[i + 1];
        let t = &tokens[i];
        next_claim_before_punct[i] =
            starts_claim[i] || (after && (in_claim[i] || !is_punct_boundary(i, t)));
    }
    // A conjunction parts two figures only: one since the last punctuation
    // boundary before it, one after it.
    let mut claim_since_punct = false;
    let mut sentence_start = 0;
    let mut in_detail = false;
    let mut quantity_ends_at = vec![false; tokens.len()];
    for (claim, p) in claims.iter().zip(&placed) {
        if claim.quantity().is_some() {
            quantity_ends_at[p.last] = true;
        }
    }
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && extraction.token_sentence[i] != extraction.token_sentence[i - 1] {
            claim_since_punct = false;
        }
        if in_claim[i] {
            claim_since_punct = true;
        } else if is_punct_boundary(i, t) {
            claim_since_punct = false;
        }
        if i > 0 && extraction.token_sentence[i] != extraction.token_sentence[i - 1] {
            sentence_start = i;
        }
        if in_claim[i] {
            continue;
        }
        if is_punct_boundary(i, t) || aside[i] {
            let list = t.norm == ","
                && i > 0
                && is_predicate(&tokens[i - 1])
                && tokens.get(i + 1).is_some_and(is_predicate);
            // "…, der 19 Prozent hält" is a relative clause; "…, der
            // operative Gewinn soll um 19 Prozent steigen" a new one: where
            // every noun has a capital, an inclusion word that is also an
            // article before a noun (or an adjective and a noun) is the
            // article.
            let article_before_noun = data.nouns_capitalized
                && tokens
                    .get(i + 1)
                    .is_some_and(|a| is_one_of(&a.norm, data.articles))
                && [i + 2, i + 3].iter().any(|&k| {
                    tokens.get(k).is_some_and(|n| n.is_word() && n.capital)
                        && (k == i + 2 || tokens[i + 2].is_word() && !tokens[i + 2].capital)
                });
            let inclusion = t.norm == ","
                && !article_before_noun
                && data
                    .inclusions
                    .iter()
                    .any(|p| phrase_at(tokens, i + 1, p).is_some());
            // An apposition describes what comes before it: a figure after
            // the comma reads the words before it, a figure before the
            // comma does not read the apposition's (its comparison: "in
            // calo di sette punti rispetto al voto del 2020").
            let apposition = t.norm == ","
                && data
                    .appositions
                    .iter()
                    .any(|p| phrase_at(tokens, i + 1, p).is_some());
            // "si concluderà a Nizza, il 21 luglio.": a date closing the
            // sentence after a comma dates the clause before it.
            let trailing = t.norm == "," && trailing_date(i, tokens, &in_date, &starts_claim, data);
            closes_right[i] = apposition || trailing;
            // "il 10 gennaio, quando la Sec ha dato il via libera": the
            // clause after the date's comma tells that day's event, and
            // the date reads it (a figure in it does not read back:
            // "since December 2008, when it was also 6.9%").
            opens_right[i] = t.norm == ","
                && i > 0
                && in_date[i - 1]
                && data
                    .when_relatives
                    .iter()
                    .any(|p| phrase_at(tokens, i + 1, p).is_some());

            // "On March 28, 2023, a passenger train and a freight train
            // collided": a date opening the sentence dates its main clause.
            let plain = |k: usize| !in_claim[k] && !is_punct_boundary(k, &tokens[k]);
            let date_from = (sentence_start..i).find(|&k| in_date[k]);
            // "Il giorno seguente, venerdì 10 marzo, le autorità…": the
            // date may restate an opening phrase after its comma.
            let comma_at = |k: usize| tokens[k].is_punct(",");
            let date_opening = date_from.is_some_and(|d| {
                (sentence_start..d).filter(|&k| !comma_at(k)).count() <= OPENING_DATE_REACH
                    && (sentence_start..d).all(|k| plain(k) || comma_at(k))
                    && (d..i).all(|k| in_date[k])
            });
            let opening = t.norm == ","
                && (date_opening
                    || (i - sentence_start <= MAX_OPENING && (sentence_start..i).all(plain)));
            // "il dato sugli atleti in finale: 97": a colon that gives the
            // figure of what it follows.
            let label = t.norm == ":" && starts_claim.get(i + 1).copied().unwrap_or(false);
            // "40 medals (14 golds, 13 silvers…)": a bracket opened right
            // after a figure details it; any other is an aside.
            let detail = match t.norm.as_str() {
                "(" => {
                    let detail = i > 0 && in_claim[i - 1] && quantity_ends_at[i - 1];
                    in_detail = detail;
                    detail
                }
                ")" => std::mem::take(&mut in_detail),
                _ => false,
            };
            boundary[i] = !(list
                || inclusion
                || apposition
                || trailing
                || aside[i]
                || named[i]
                || opening
                || label
                || detail);
        } else if t.is_word() && is_one_of(&t.norm, data.clause_openers) {
            boundary[i] = true;
        } else if is_conjunction(t, data.conjunctions) {
            // A conjunction is a boundary when a claim starts after it,
            // before the next punctuation boundary of its sentence.
            let same_sentence = i + 1 < tokens.len()
                && extraction.token_sentence[i + 1] == extraction.token_sentence[i];
            boundary[i] = claim_since_punct && same_sentence && next_claim_before_punct[i + 1];
        }
    }
    // The first and last token of the clause around each token, in one
    // pass each way: a sentence without boundaries costs each claim in it
    // nothing more.
    let same_sentence =
        |a: usize, b: usize| extraction.token_sentence[a] == extraction.token_sentence[b];
    let mut left = vec![0; tokens.len()];
    for k in 1..tokens.len() {
        left[k] = if boundary[k - 1] || !same_sentence(k - 1, k) {
            k
        } else {
            left[k - 1]
        };
    }
    let mut right: Vec<usize> = (0..tokens.len()).collect();
    for k in (0..tokens.len().saturating_sub(1)).rev() {
        if (!boundary[k + 1] || opens_right[k + 1])
            && !closes_right[k + 1]
            && same_sentence(k, k + 1)
        {
            right[k] = right[k + 1];
        }
    }
    let spans = claims
        .iter()
        .zip(&placed)
        .map(|(claim, p)| {
            let sentence = p.sentence;
            let (mut start, mut end) = (claim.span.start, claim.span.end);
            if let Some(t) = left.get(p.first).map(|&l| &tokens[l])
                && t.span.start >= sentence.start
            {
                start = t.span.start;
            }
            if let Some(t) = right.get(p.last).map(|&r| &tokens[r])
                && t.span.end <= sentence.end
            {
                end = t.span.end;
            }
            Span::new(start.min(claim.span.start), end.max(claim.span.end))
        })
        .collect();
    // "l'indice aumenta dello 0,2% su base mensile e dello 0,6% su base
    // annua": the second figure shares what stands before the first.
    let prefix = Sparse::of(claims.iter().zip(&placed).map(|(claim, p)| {
        let start = *left.get(p.first)?;
        let conjunction = start.checked_sub(1)?;
        let t = &tokens[conjunction];
        if !(boundary[conjunction] && is_conjunction(t, data.conjunctions)) {
            return None;
        }
        let before = left[conjunction.checked_sub(1)?];
        // A figure is coordinated with a figure, a date with a date: in
        // "dall'inizio dell'anno la RDC ha segnalato oltre 15.600 casi e
        // 1.611 decessi" the date before them is in the shared words.
        let when = |c: &Claim| matches!(c.kind, Kind::Date | Kind::Time);
        let from = placed.partition_point(|q| q.first < before);
        let first_figure = placed[from..]
            .iter()
            .zip(&claims[from..])
            .take_while(|(q, _)| q.first < conjunction)
            .find(|(_, o)| when(o) == when(claim))
            .map(|(q, _)| q.first)?;
        (first_figure > before && claim.span.start > tokens[before].span.start)
            .then(|| Span::new(tokens[before].span.start, tokens[first_figure - 1].span.end))
    }));
    let head = heads(tokens, &placed, data);
    let ratio_whole = (0..placed.len())
        .map(|b| {
            let k = placed[b].first;
            b > 0
                && k >= 2
                && placed[b - 1].last + 2 == k
                && data
                    .ratio_words
                    .iter()
                    .any(|w| !w.contains(' ') && tokens[k - 1].norm == *w)
        })
        .collect();
    let lead = leads(extraction, &placed);
    let bounds = Bounds {
        boundary: &boundary,
        left: &left,
        right: &right,
    };
    let joined = subject_asides(extraction, &placed, &bounds, &in_claim, &in_date, data);
    Clauses {
        spans,
        prefix,
        lead,
        joined,
        aside,
        placed,
        head,
        ratio_whole,
    }
}

/// A span for a few claims of many (most figures have no prefix and no
/// leading date): (claim, span) sorted by claim, so that a figure-dense
/// article does not hold 24 bytes a claim for nothing.
#[derive(Debug, Clone, Default)]
pub struct Sparse(Vec<(usize, Span)>);

impl Sparse {
    /// From each claim's span, if any, in claim order.
    fn of(spans: impl Iterator<Item = Option<Span>>) -> Sparse {
        Sparse(
            spans
                .enumerate()
                .filter_map(|(c, s)| Some((c, s?)))
                .collect(),
        )
    }

    /// Claim `c`'s span.
    pub fn get(&self, c: usize) -> Option<Span> {
        let i = self.0.binary_search_by_key(&c, |e| e.0).ok()?;
        Some(self.0[i].1)
    }
}

/// The clause boundaries of an article's tokens, and the first and last
/// token of the clause around each.
#[derive(Clone, Copy)]
struct Bounds<'a> {
    boundary: &'a [bool],
    left: &'a [usize],
    right: &'a [usize],
}

/// Words of a verbless phrase a date after a comma may stand after ("con
/// effetto dal").
const TRAILING_PHRASE_REACH: usize = 3;

/// The comma at `i` stands before a date that ends its sentence or its
/// clause, after no more than an article or a preposition: "si concluderà
/// a Nizza, il 21 luglio." A date in a list ("a giugno, il 12 settembre e
/// il 17 ottobre") goes on with a conjunction and is no such date.
fn trailing_date(
    i: usize,
    tokens: &[Token],
    in_date: &[bool],
    starts_claim: &[bool],
    data: &LangData,
) -> bool {
    let is_small = |t: &Token| {
        t.is_word()
            && !t.capital
            && (is_one_of(&t.norm, data.articles) || t.norm.chars().count() <= 3)
    };
    // ", con effetto dal 15 giugno", ", with effect from 15 May": a
    // phrase of a few lowercase words, no verb among them, before it (a
    // participle opens its phrase: ", approvato il 15 giugno").
    let tense = &data.tense;
    let ends = |n: &str, endings: &[&str]| {
        endings
            .iter()
            .any(|e| n.ends_with(e) && n.len() > e.len() + 2)
    };
    let verbless = |k: usize| {
        let t = &tokens[k];
        let n = t.norm.as_str();
        t.is_word()
            && !t.capital
            && !is_one_of(n, tense.future_words)
            && !is_one_of(n, tense.past_words)
            && !is_one_of(n, tense.auxiliaries)
            && !ends(n, tense.past_endings)
            && !ends(n, tense.future_endings)
            && !(k == i + 1 && ends(n, tense.participles))
    };
    let Some(from) = (i + 1..tokens.len())
        .take(TRAILING_PHRASE_REACH + 1)
        .find(|&k| in_date[k] || !(is_small(&tokens[k]) || verbless(k)))
    else {
        return false;
    };
    if !in_date[from] || !starts_claim[from] {
        return false;
    }
    let end = (from..tokens.len()).find(|&k| !in_date[k]);
    end.is_none_or(|k| {
        let t = &tokens[k];
        t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "." | ";" | "," | "!" | "?")
    })
}

/// Words a subject before an aside may have.
const MAX_SUBJECT: usize = 5;

/// Tokens an aside between a subject and its verb may have.
const MAX_ASIDE: usize = 16;

/// "La corsa, lunga 3.492 chilometri, si concluderà a Nizza il 21 luglio";
/// "Martedì 6 agosto l'Africa Cdc, l'agenzia sanitaria dell'Unione
/// africana, ha proclamato l'emergenza": a short subject opening the
/// sentence, an aside between two commas, then the verb. The aside is a
/// clause of its own; the subject and the clause after the aside are one
/// clause, so each claim of one side reads the other side's words. The
/// subject holds no figure but a date; the aside has no boundary inside;
/// the word after it is a lower-case word that is neither an article nor
/// a conjunction (so a list, "il Pil, l'inflazione, la disoccupazione", is
/// no aside).
fn subject_asides(
    extraction: &Extraction,
    placed: &[Placed],
    bounds: &Bounds,
    in_claim: &[bool],
    in_date: &[bool],
    data: &LangData,
) -> Sparse {
    let Bounds {
        boundary,
        left,
        right,
    } = *bounds;
    let tokens = &extraction.tokens;
    let sentence = &extraction.token_sentence;
    let is_comma = |k: usize| tokens[k].kind == TokenKind::Punct && tokens[k].norm == ",";
    let comma = |k: usize| boundary[k] && is_comma(k);
    // (subject, main clause) spans, in token order.
    let mut pairs: Vec<(usize, usize, usize, usize, usize)> = Vec::new();
    let mut a = 1;
    while a < tokens.len() {
        // The comma after the subject may end nothing (an opening phrase).
        if !is_comma(a) {
            a += 1;
            continue;
        }
        let mut start = left[a - 1];
        let opens_sentence = start == 0
            || sentence[start - 1] != sentence[start]
            || matches!(tokens[start - 1].norm.as_str(), ":" | ";");
        // "Secondo l'istituto di statistica, l'inflazione Cpif, quella a
        // cui guarda la Riksbank, è scesa": the subject opens after the
        // attribution that opens the sentence.
        let attributed = opens_sentence && attribution_at(tokens, start, data);
        if attributed && let Some(c) = (start..a).find(|&k| is_comma(k)) {
            start = c + 1;
        }
        // A subject opens with an article or holds a name ("Rutte's
        // liberal VVD"); an opening adverb ("Annually,") is none.
        let first_word = (start..a).find(|&k| tokens[k].is_word() && !in_date[k]);
        // A title in quotes is a name too ("«Pobres criaturas», de Yorgos
        // Lanthimos, ganó cuatro Oscar").
        let quoted = first_word.is_some_and(|f| {
            (start..f)
                .any(|k| matches!(tokens[k].norm.as_str(), "«" | "\"" | "“" | "„" | "‘" | "'"))
        });
        let nominal = quoted
            || first_word.is_some_and(|f| {
                is_one_of(&tokens[f].norm, data.articles)
                    || (f + 1..a).any(|k| tokens[k].is_word() && tokens[k].capital && !in_date[k])
            });
        let subject = &tokens[start..a];
        let words = (start..a)
            .filter(|&k| tokens[k].is_word() && !in_date[k])
            .count();
        let figure = (start..a).any(|k| in_claim[k] && !in_date[k]);
        let close = (a + 1..tokens.len())
            .take(MAX_ASIDE + 1)
            .take_while(|&k| sentence[k] == sentence[a])
            .find(|&k| boundary[k]);
        let Some(b) = close.filter(|&b| comma(b) && b > a + 1) else {
            a += 1;
            continue;
        };
        let verb = tokens.get(b + 1).is_some_and(|t| {
            t.is_word()
                && !t.capital
                && sentence[b + 1] == sentence[a]
                && !in_claim[b + 1]
                && !is_one_of(&t.norm, data.articles)
                && !is_conjunction(t, data.conjunctions)
        });
        if opens_sentence
            && nominal
            && words <= MAX_SUBJECT
            && !figure
            && verb
            && !subject.is_empty()
        {
            let sentence_end = (b + 1..tokens.len())
                .take_while(|&k| sentence[k] == sentence[a])
                .last()
                .unwrap_or(b);
            pairs.push((start, a - 1, b + 1, right[b + 1], sentence_end));
        }
        a = b;
    }
    let span = |from: usize, to: usize| Span::new(tokens[from].span.start, tokens[to].span.end);
    let mut joined = Vec::new();
    let mut pair = 0;
    for (c, p) in placed.iter().enumerate() {
        while pair < pairs.len() && pairs[pair].4 < p.first {
            pair += 1;
        }
        let Some(&(s0, s1, m0, m1, _)) = pairs.get(pair) else {
            break;
        };
        if p.first >= s0 && p.last <= s1 {
            joined.push((c, span(m0, m1)));
        } else if p.first >= m0 && left[p.first] == m0 {
            joined.push((c, span(s0, s1)));
        }
    }
    Sparse(joined)
}

/// Tokens a sentence's leading date may stand after ("Nel mese di").
const LEAD_REACH: usize = 3;

/// For each claim, the date its sentence opens with, when it is another
/// claim: "Nel mese di novembre 2023 …, aumenti dello 0,2% … e dello 0,6%"
/// dates every figure of the sentence, whatever clause each is in.
fn leads(extraction: &Extraction, placed: &[Placed]) -> Sparse {
    let tokens = &extraction.tokens;
    let claims = &extraction.claims;
    let mut lead = Vec::new();
    let mut current: Option<(Span, Span)> = None;
    for (c, (claim, p)) in claims.iter().zip(placed).enumerate() {
        let opens = current.is_none_or(|(sentence, _)| sentence != p.sentence);
        if opens {
            let start = first_token(tokens, p.sentence);
            let is_date = matches!(claim.value, Value::Date(Some(_)));
            current =
                (is_date && p.first <= start + LEAD_REACH && claim.span.start >= p.sentence.start)
                    .then_some((p.sentence, claim.span));
            continue;
        }
        if let Some((_, date)) = current {
            lead.push((c, date));
        }
    }
    Sparse(lead)
}

/// An attribution phrase ("secondo", "according to") starts at token `i`.
fn attribution_at(tokens: &[Token], i: usize, data: &LangData) -> bool {
    data.concepts
        .attribution_before
        .iter()
        .any(|p| phrase_at(tokens, i, p).is_some())
}

/// Tokens from an attribution opening its sentence to the comma that
/// closes it ("Secondo la Guardia Urbana,").
const MAX_OPENING_ATTRIBUTION: usize = 8;

/// The commas around an attribution ("costato all'epoca, secondo
/// Reuters, 141 milioni"): an aside the clause reads through, so neither
/// ends it. The aside ends at the next comma of its sentence.
fn attribution_commas(extraction: &Extraction, data: &LangData) -> Vec<bool> {
    let tokens = &extraction.tokens;
    let mut aside = vec![false; tokens.len()];
    let mut open = false;
    // "Secondo la Guardia Urbana, al corteo hanno partecipato 22mila
    // persone": an attribution opening its sentence (or the part after a
    // semicolon or colon) closes at its first comma, a few words on.
    let mut opened_at: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        let first = i == 0
            || extraction.token_sentence[i] != extraction.token_sentence[i - 1]
            || (tokens[i - 1].kind == TokenKind::Punct
                && matches!(tokens[i - 1].norm.as_str(), ";" | ":"));
        if first {
            open = false;
            opened_at = (t.is_word() && attribution_at(tokens, i, data)).then_some(i);
        }
        if t.kind != TokenKind::Punct || t.norm != "," {
            continue;
        }
        if let Some(at) = opened_at.take()
            && i - at <= MAX_OPENING_ATTRIBUTION
        {
            aside[i] = true;
            continue;
        }
        if open {
            aside[i] = true;
            open = false;
        } else if attribution_at(tokens, i + 1, data) {
            aside[i] = true;
            open = true;
        }
    }
    aside
}

/// Words a name between two commas may have to be read as an apposition.
const MAX_NAME: usize = 4;

/// The commas around a name that apposes the noun before it ("asked the
/// outgoing chancellor, Karl Nehammer, to form a government on 22
/// October"): the clause reads through them, so the date keeps the
/// name. The name's words are capitalized (particles such as "van der"
/// aside), the word before the first comma and the word after the second
/// are lower case, so that a list of names ("Italy, France, Germany and
/// Spain") is no apposition.
fn name_appositions(extraction: &Extraction, in_claim: &[bool], data: &LangData) -> Vec<bool> {
    let tokens = &extraction.tokens;
    let sentence = &extraction.token_sentence;
    let comma = |t: &Token| t.kind == TokenKind::Punct && t.norm == ",";
    let lower_word = |t: &Token| t.is_word() && !t.capital;
    let mut named = vec![false; tokens.len()];
    for i in 1..tokens.len() {
        if !comma(&tokens[i]) || !lower_word(&tokens[i - 1]) || in_claim[i - 1] {
            continue;
        }
        let words = tokens[i + 1..]
            .iter()
            .take(MAX_NAME + 1)
            .take_while(|t| t.is_word())
            .count();
        let close = i + 1 + words;
        if words == 0
            || words > MAX_NAME
            || !tokens.get(close).is_some_and(comma)
            || sentence[close] != sentence[i]
        {
            continue;
        }
        let name = &tokens[i + 1..close];
        let capitalized = name.first().is_some_and(|t| t.capital)
            && name.last().is_some_and(|t| t.capital)
            && name
                .iter()
                .all(|t| t.capital || t.norm.chars().count() <= 3);
        let after = tokens.get(close + 1);
        let continues = after.is_some_and(|t| {
            lower_word(t)
                && sentence[close + 1] == sentence[i]
                && !is_conjunction(t, data.conjunctions)
        });
        if capitalized && continues && !in_claim[i + 1..close].iter().any(|&c| c) {
            named[i] = true;
            named[close] = true;
        }
    }
    named
}

/// Words before a date that opens a sentence ("Just before midnight on").
const OPENING_DATE_REACH: usize = 4;

/// Words an opening phrase may have for its comma to end nothing.
const MAX_OPENING: usize = 6;

/// For each claim, the claim whose part it is the whole of: in "Oltre 800
/// degli 11 mila militari", "11 mila" follows "800" and a partitive.
fn heads(tokens: &[Token], placed: &[Placed], data: &LangData) -> Heads {
    let mut head = Vec::new();
    for b in 1..placed.len() {
        let a = b - 1;
        let mut k = placed[b].first;
        // An article may stand between ("of the 11,000").
        if k > 0 && is_one_of(&tokens[k - 1].norm, data.articles) {
            k -= 1;
        }
        if k < 2 || !is_one_of(&tokens[k - 1].norm, data.partitives) {
            continue;
        }
        if placed[a].last == k - 2 {
            head.push((b, Some(a)));
        }
    }
    Heads(head)
}

/// Each claim's head (see [`heads`]), kept only for the few claims that
/// have one: (claim, head) sorted by claim. Indexed by claim, it reads as
/// the `Vec<Option<usize>>` of every claim it stands for.
#[derive(Debug, Clone, Default)]
pub struct Heads(Vec<(usize, Option<usize>)>);

impl std::ops::Index<usize> for Heads {
    type Output = Option<usize>;

    fn index(&self, c: usize) -> &Option<usize> {
        match self.0.binary_search_by_key(&c, |e| e.0) {
            Ok(i) => &self.0[i].1,
            Err(_) => &None,
        }
    }
}

/// The end (exclusive token index) of `phrase`'s words starting at token
/// `i`, compared with the folded words.
pub(crate) fn phrase_at(tokens: &[Token], i: usize, phrase: &str) -> Option<usize> {
    let mut k = i;
    for word in phrase.split(' ') {
        let t = tokens.get(k)?;
        if t.norm != word {
            return None;
        }
        k += 1;
    }
    Some(k)
}

fn claim_mask(tokens: &[Token], claims: &[Claim], placed: &[Placed]) -> Vec<bool> {
    claim_mask_where(tokens, claims, placed, |_| true)
}

/// For each token, whether it lies in a claim `keep` takes.
fn claim_mask_where(
    tokens: &[Token],
    claims: &[Claim],
    placed: &[Placed],
    keep: impl Fn(&Claim) -> bool,
) -> Vec<bool> {
    let mut mask = vec![false; tokens.len()];
    for (claim, p) in claims.iter().zip(placed).filter(|(c, _)| keep(c)) {
        for (k, t) in tokens.iter().enumerate().skip(p.first) {
            if t.span.start >= claim.span.end {
                break;
            }
            mask[k] = true;
        }
    }
    mask
}

/// Index of the first token starting at or after `span.start`.
pub(crate) fn first_token(tokens: &[Token], span: Span) -> usize {
    tokens.partition_point(|t| t.span.start < span.start)
}

/// `word` is one of `words`. Comparing first bytes first turns most words
/// away without a call to `memcmp`: this runs for every word of every
/// article.
pub(crate) fn is_one_of(word: &str, words: &[&str]) -> bool {
    let first = word.as_bytes().first();
    words
        .iter()
        .any(|w| w.as_bytes().first() == first && *w == word)
}

/// Token `t` is one of the row's `conjunctions`. A word that lost an
/// accent in folding is only the listed word written with one: Italian
/// "è" (is) is not "e" (and), French "où" (where) not "ou" (or), while
/// "però" and "während" are listed with theirs.
pub(crate) fn is_conjunction(t: &Token, conjunctions: &[&str]) -> bool {
    if !t.is_word() {
        return false;
    }
    let accented = t.span.len() != t.norm.len();
    if !accented {
        return is_one_of(&t.norm, conjunctions);
    }
    conjunctions
        .iter()
        .any(|w| !w.is_ascii() && folds_to(w, &t.norm))
}

/// `word` starts with one of `stems`, compared as in [`is_one_of`].
pub(crate) fn starts_with_any(word: &str, stems: &[&str]) -> bool {
    let first = word.as_bytes().first();
    stems.iter().any(|s| {
        s.as_bytes().first().is_none_or(|b| Some(b) == first)
            && match s.strip_suffix('$') {
                // "die$": the whole word ("diesel" and "deadline" are no
                // deaths).
                Some(whole) => word == whole,
                None => word.starts_with(s),
            }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_compare_whole_words_and_stems() {
        assert!(is_one_of("ed", &["e", "ed"]));
        assert!(!is_one_of("edi", &["e", "ed"]));
        assert!(!is_one_of("", &["e"]));
        assert!(starts_with_any("uccisi", &["mort", "uccis"]));
        assert!(!starts_with_any("ucci", &["uccis"]));
        assert!(starts_with_any("any", &[""]));
        assert!(starts_with_any("die", &["die$"]));
        assert!(!starts_with_any("diesel", &["die$"]));
    }
}
