//! What a claim is about, read from its clause: the predicate (killed,
//! wounded, sent…), the topic (turnout, inflation, earthquake…), the noun
//! it counts, the places and parties named, the date its sentence gives
//! and the source it is attributed to. Concepts go through [`equiv`] so
//! that an Italian and an English claim about the same quantity read the
//! same; the document is dropped once its claims are read.

use jiff::civil::Date;

use super::equiv::{self, Table};
use crate::check::clause;
use crate::claim::{Claim, Kind, Value};
use crate::document::Document;
use crate::extract::Extraction;
use crate::lang::Lang;
use crate::lang::vocab::List;
use crate::text::{LineCursor, Span};
use crate::text::{Token, TokenKind};
use crate::when::DateValue;

/// What a claim is about, the key that blocks candidates.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    /// What happened to what is counted: `killed`.
    Predicate(&'static str),
    /// What the figure measures: `turnout`.
    Topic(&'static str),
    /// The counted noun's concept: `troops`.
    Noun(&'static str),
    /// A measure with nothing else said: its dimension (a distance).
    Measure(crate::units::Dimension),
    /// A counted noun no table knows, by its folded stem.
    Head(String),
    /// Nothing known: the clause's content words (same language only,
    /// never merged with a looser claim).
    Words(Vec<String>),
}

impl Subject {
    /// Only the same words: no looser claim may join it.
    pub(crate) fn is_strict(&self) -> bool {
        matches!(self, Subject::Words(_))
    }

    pub(crate) fn label(&self) -> String {
        match self {
            Subject::Predicate(c) | Subject::Topic(c) | Subject::Noun(c) => (*c).to_string(),
            Subject::Head(h) => h.clone(),
            Subject::Measure(d) => format!("{d:?}").to_lowercase(),
            Subject::Words(w) => w.join(" "),
        }
    }

    /// The table the subject's concept comes from.
    pub fn table(&self) -> Option<(Table, &'static str)> {
        match self {
            Subject::Predicate(c) => Some((Table::Predicates, c)),
            Subject::Topic(c) => Some((Table::Topics, c)),
            Subject::Noun(c) => Some((Table::Nouns, c)),
            _ => None,
        }
    }
}

/// The noun concept that adds nothing to a count.
const GENERIC_NOUN: &str = "people";

/// One claim with everything compare and draft need, its document gone.
#[derive(Debug, Clone)]
pub struct Item {
    /// Index of its file in the run.
    pub file: usize,
    pub claim: Claim,
    /// The claim's text, whitespace folded.
    pub text: String,
    pub line: usize,
    pub column: usize,
    pub lang: Lang,
    pub subject: Option<Subject>,
    /// The counted noun's concept or stem, when the subject is another.
    pub noun: Option<String>,
    /// Places and parties named in the clause, canonical, sorted.
    pub entities: Vec<String>,
    /// A hash of the clause's content-word stems: splits look-alikes.
    pub detail: u64,
    /// The date the sentence gives for the figure, else the article's.
    pub time: Option<DateValue>,
    /// The date came from the sentence, not the article.
    pub dated_by_sentence: bool,
    /// See [`Item::day_number`].
    pub day_number: Option<i32>,
    /// Who the sentence attributes the figure to, as written (shared by
    /// the claims of a sentence).
    pub source: Option<std::sync::Arc<str>>,
}

impl Item {
    /// The day the figure is from, for windows and ordering.
    pub fn day(&self) -> Option<Date> {
        self.time.map(|t| t.days().1)
    }

    /// [`Item::day`] as a day number (days since 1970-01-01), computed
    /// once: clustering compares it often.
    pub(crate) fn day_number(&self) -> Option<i32> {
        self.day_number
    }
}

/// Reads every claim of one article.
pub fn items(
    doc: &Document,
    extraction: &Extraction,
    lang: Lang,
    date: Option<Date>,
    file: usize,
) -> Vec<Item> {
    let tokens = &extraction.tokens;
    let placed = clause::place(extraction);
    let clauses = clause::clauses(extraction, placed, lang.data());
    let mut in_claim = vec![false; tokens.len()];
    for p in &clauses.placed {
        for flag in in_claim.iter_mut().take(p.last + 1).skip(p.first) {
            *flag = true;
        }
    }
    let compiled = crate::lang::Compiled::of(lang);
    let stop = |t: &Token| {
        compiled.vocab.is(t, List::Stopwords)
            || compiled.vocab.is(t, List::Links)
            || compiled.vocab.is(t, List::Articles)
            || compiled.vocab.is(t, List::Conjunctions)
    };
    let mut attributions: Vec<Option<Option<Attribution>>> = vec![None; extraction.sentences.len()];
    let mut cursor = LineCursor::default();
    let mut out = Vec::with_capacity(extraction.claims.len());
    for (c, claim) in extraction.claims.iter().enumerate() {
        let clause = clauses.spans[c];
        let from = clause::first_token(tokens, clause);
        let to = tokens.partition_point(|t| t.span.start < clause.end);
        let sentence_index = extraction.sentence_of(claim.span);
        let attribution = match sentence_index {
            Some(s) => attributions[s]
                .get_or_insert_with(|| attribution(doc, extraction, s, lang))
                .clone(),
            None => None,
        };
        let outside =
            |k: usize| !in_claim[k] && attribution.as_ref().is_none_or(|a| !a.tokens.contains(&k));
        let words: Vec<&str> = tokens[from..to].iter().map(|t| t.norm.as_str()).collect();
        let nearest = |table: Table| -> Option<&'static str> {
            let centre = clauses.placed[c].first;
            (from..to)
                .filter(|&k| outside(k) && tokens[k].is_word())
                .filter_map(|k| equiv::lookup(lang, table, &words[k - from..]).map(|(c, _)| (k, c)))
                .min_by_key(|(k, _)| k.abs_diff(centre))
                .map(|(_, c)| c)
        };
        let counted: Vec<String> = claim
            .counted
            .as_deref()
            .map(|n| n.split_whitespace().map(crate::text::fold).collect())
            .unwrap_or_default();
        let in_counted = |table: Table| {
            (0..counted.len())
                .find_map(|i| equiv::lookup(lang, table, &counted[i..]).map(|(c, _)| c))
        };
        let counted_predicate = in_counted(Table::Predicates);
        let predicate = counted_predicate.or_else(|| nearest(Table::Predicates));
        let topic = nearest(Table::Topics);
        let noun_concept = in_counted(Table::Nouns);
        // "2.497 morti": the noun is the predicate; "people" says nothing
        // more than a count does.
        let noun: Option<String> = match noun_concept {
            Some(GENERIC_NOUN) => None,
            Some(n) => Some(n.to_string()),
            None if counted_predicate.is_some() => None,
            None => head_stem(&counted, lang),
        };
        let mut detail: Vec<String> = (from..to)
            .filter(|&k| outside(k))
            .map(|k| &tokens[k])
            .filter(|t| t.is_word() && !stop(t) && t.norm.chars().count() >= 4)
            .filter(|t| !t.is_capitalized(&doc.text))
            .map(|t| t.norm.chars().take(6).collect())
            .collect();
        detail.sort();
        detail.dedup();
        detail.truncate(8);
        let subject = match (claim.kind, predicate, topic) {
            // A date is of an event ("the earthquake struck on Friday")
            // more than of what happened in it.
            (Kind::Date | Kind::Time, _, Some(t)) => Some(Subject::Topic(t)),
            (_, Some(p), _) => Some(Subject::Predicate(p)),
            (_, None, Some(t)) => Some(Subject::Topic(t)),
            (Kind::Date | Kind::Time, None, None) => None,
            (Kind::Measure, None, None) if noun.is_none() => claim
                .quantity()
                .and_then(|q| q.unit)
                .map(|u| Subject::Measure(u.dimension())),
            _ => match noun_concept {
                Some(n) => Some(Subject::Noun(n)),
                None => noun.clone().map(Subject::Head),
            },
        }
        .or_else(|| (!detail.is_empty()).then(|| Subject::Words(detail.clone())));
        let noun = match &subject {
            Some(Subject::Noun(_) | Subject::Head(_) | Subject::Words(_)) | None => None,
            _ => noun,
        };
        let sentence_first = sentence_start(extraction, sentence_index);
        let mut entities = entities(doc, tokens, from, to, &outside, sentence_first, lang, &stop);
        if entities.is_empty()
            && let (Some(first), Some(s)) = (sentence_first, sentence_index)
        {
            // Nothing named in the clause: what its sentence names.
            let end = tokens.partition_point(|t| t.span.start < extraction.sentences[s].end);
            entities = self::entities(
                doc,
                tokens,
                first,
                end,
                &outside,
                sentence_first,
                lang,
                &stop,
            );
        }
        let (time, dated_by_sentence) = match claim.kind {
            Kind::Date | Kind::Time => (date.map(DateValue::day), false),
            _ => match sentence_date(extraction, c, clause, sentence_index) {
                Some(d) => (Some(d), true),
                None => (date.map(DateValue::day), false),
            },
        };
        let position = cursor.position(&doc.lines, &doc.text, claim.span.start);
        // What the claim counts is read; the rest of it is kept small.
        let text = doc.text[claim.span.range()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut claim = claim.clone();
        claim.counted = None;
        out.push(Item {
            file,
            claim,
            text,
            line: position.line,
            column: position.column,
            lang,
            subject,
            noun,
            entities,
            detail: {
                use std::hash::{Hash, Hasher};
                let mut hasher = rustc_hash::FxHasher::default();
                detail.hash(&mut hasher);
                hasher.finish()
            },
            time,
            dated_by_sentence,
            day_number: time.and_then(|t| {
                let epoch = Date::new(1970, 1, 1).ok()?;
                t.days().1.since(epoch).ok().map(|s| s.get_days())
            }),
            source: attribution.map(|a| a.text),
        });
    }
    out
}

/// "soldati nordcoreani" → `soldat`; "North Korean soldiers" → `soldier`:
/// the noun of the phrase, cut to a stem.
fn head_stem(counted: &[String], lang: Lang) -> Option<String> {
    let head = match lang.data().noun_order {
        crate::lang::NounOrder::NounFirst => counted.first(),
        crate::lang::NounOrder::ModifiersFirst => counted.last(),
    }?;
    let stem: String = head.chars().take(6).collect();
    (stem.chars().count() >= 3 && stem.chars().all(char::is_alphabetic)).then_some(stem)
}

fn sentence_start(extraction: &Extraction, sentence: Option<usize>) -> Option<usize> {
    let s = extraction.sentences.get(sentence?)?;
    Some(clause::first_token(&extraction.tokens, *s))
}

/// Places (through the table) and capitalized names in the clause, left
/// out the claims, the attribution and the sentence's first word unless a
/// table knows it.
#[allow(clippy::too_many_arguments)]
fn entities(
    doc: &Document,
    tokens: &[Token],
    from: usize,
    to: usize,
    outside: &dyn Fn(usize) -> bool,
    sentence_first: Option<usize>,
    lang: Lang,
    stop: &dyn Fn(&Token) -> bool,
) -> Vec<String> {
    let words: Vec<&str> = tokens[from..to].iter().map(|t| t.norm.as_str()).collect();
    let mut found = Vec::new();
    let mut k = from;
    while k < to {
        let t = &tokens[k];
        if !outside(k) || !t.is_word() {
            k += 1;
            continue;
        }
        if let Some((place, n)) = equiv::lookup(lang, Table::Places, &words[k - from..]) {
            found.push(place.to_string());
            k += n;
            continue;
        }
        // German capitalizes every noun: there a capital marks no name.
        let name = !lang.data().nouns_capitalized
            && t.is_capitalized(&doc.text)
            && Some(k) != sentence_first
            && !stop(t);
        let known = || {
            [Table::Predicates, Table::Topics, Table::Nouns]
                .into_iter()
                .any(|table| equiv::lookup(lang, table, &words[k - from..]).is_some())
        };
        if name && !known() {
            // A run of capitalized words is one name: "Al Haouz".
            let mut end = k + 1;
            while end < to
                && outside(end)
                && tokens[end].is_word()
                && tokens[end].is_capitalized(&doc.text)
            {
                end += 1;
            }
            let name: Vec<&str> = tokens[k..end].iter().map(|t| t.norm.as_str()).collect();
            found.push(name.join(" "));
            k = end;
            continue;
        }
        k += 1;
    }
    found.sort();
    found.dedup();
    found
}

/// A resolved date claim in the claim's clause, else in its sentence.
fn sentence_date(
    extraction: &Extraction,
    c: usize,
    clause: Span,
    sentence: Option<usize>,
) -> Option<DateValue> {
    let sentence = extraction.sentences.get(sentence?)?;
    let date_of = |claim: &Claim| match claim.value {
        Value::Date(Some(d)) => Some(d),
        Value::Time(Some(t)) => Some(t.date()),
        _ => None,
    };
    let nearby = |within: Span| {
        extraction
            .claims
            .iter()
            .enumerate()
            .filter(|(i, other)| *i != c && within.contains(other.span))
            .find_map(|(_, other)| date_of(other))
    };
    nearby(clause).or_else(|| nearby(*sentence))
}

/// Who a sentence attributes its figures to, and the tokens naming it.
#[derive(Debug, Clone)]
pub struct Attribution {
    pub text: std::sync::Arc<str>,
    pub tokens: std::ops::Range<usize>,
}

/// "secondo il ministero dell'Interno", "according to the agency": the
/// words after the marker; "the ministry said", "il ministero ha
/// riferito": the words before the verb, back to the clause's start.
fn attribution(
    doc: &Document,
    extraction: &Extraction,
    s: usize,
    lang: Lang,
) -> Option<Attribution> {
    let tokens = &extraction.tokens;
    let sentence = extraction.sentences[s];
    let first = clause::first_token(tokens, sentence);
    let last = tokens.partition_point(|t| t.span.start < sentence.end);
    let (before, after) = markers(lang);
    let stops = equiv::row(lang).map_or(&[][..], |r| r.attribution_stops);
    let boundary = |t: &Token| {
        t.kind == TokenKind::Punct
            && matches!(
                t.norm.as_str(),
                "," | ";" | ":" | "." | "(" | ")" | "—" | "–" | "\"" | "«" | "»"
            )
    };
    let pick = |range: std::ops::Range<usize>| -> Option<Attribution> {
        let mut range = range;
        let compiled = crate::lang::Compiled::of(lang);
        while range.start < range.end
            && (compiled.vocab.is(&tokens[range.start], List::Articles)
                || tokens[range.start].norm.ends_with('\''))
        {
            range.start += 1;
        }
        let has_number = tokens[range.clone()].iter().any(Token::is_number);
        if range.is_empty() || range.len() > 9 || has_number {
            return None;
        }
        let span = Span::new(
            tokens[range.start].span.start,
            tokens[range.end - 1].span.end,
        );
        let text = doc.text[span.range()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let pronoun = ["he", "she", "they", "it", "lui", "lei", "loro", "egli"];
        if pronoun.contains(&tokens[range.start].norm.as_str()) && range.len() == 1 {
            return None;
        }
        Some(Attribution {
            text: text.into(),
            tokens: range,
        })
    };
    // A marker's first word, found without splitting it at every token.
    let first_word = |phrase: &'static str| phrase.find(' ').map_or(phrase, |i| &phrase[..i]);
    for k in first..last {
        for marker in before {
            if tokens[k].norm != first_word(marker) {
                continue;
            }
            if let Some(end) = clause::phrase_at(tokens, k, marker) {
                let mut stop = end;
                while stop < last
                    && !boundary(&tokens[stop])
                    && !tokens[stop].is_number()
                    && stop < end + 9
                {
                    stop += 1;
                }
                if let Some(a) = pick(end..stop) {
                    return Some(a);
                }
            }
        }
    }
    for k in first..last {
        for verb in after {
            if tokens[k].norm != first_word(verb) || clause::phrase_at(tokens, k, verb).is_none() {
                continue;
            }
            let mut start = k;
            while start > first && !boundary(&tokens[start - 1]) && !tokens[start - 1].is_number() {
                start -= 1;
            }
            if let Some(a) = pick(start..k) {
                return Some(a);
            }
            // "ha riferito il ministero", "said the ministry".
            let end = clause::phrase_at(tokens, k, verb).unwrap_or(k);
            let mut stop = end;
            while stop < last
                && stop < end + 9
                && !boundary(&tokens[stop])
                && !tokens[stop].is_number()
                && !stops.contains(&tokens[stop].norm.as_str())
            {
                stop += 1;
            }
            if start == k
                && let Some(a) = pick(end..stop)
            {
                return Some(a);
            }
        }
    }
    None
}

/// Attribution markers of a language: before the source ("secondo",
/// "according to") and after it ("ha detto", "said").
fn markers(lang: Lang) -> (&'static [&'static str], &'static [&'static str]) {
    equiv::row(lang).map_or((&[], &[]), |r| (r.attribution_before, r.attribution_after))
}
