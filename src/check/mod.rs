//! Claim × facts → findings: which fact each claim is about (clauses, then
//! nearest), then what the sources say about it (the verdict).

mod assign;
pub mod clause;
mod compose;
mod judge;
mod per_claim;
mod sign;

pub use assign::{Doubt, compatible};
pub use judge::{Role, agrees};

use std::fmt;
use std::sync::Arc;

use jiff::civil::Date;

use crate::claim::{Claim, Kind, Value};
use crate::extract::{self, Extraction};
use crate::lang::{Lang, LangData};
use crate::refs::{FactIndex, Figure, Hit, Target};
use crate::text::span::Span;
use crate::text::token::{Token, TokenKind};

/// How a claim stands against the references; ordered by severity, the
/// least severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Consistent,
    Unverified,
    Disputed,
    Outdated,
    Misattributed,
    Contradicted,
}

impl Verdict {
    /// Most severe first, the order of `--fail-on` and of reports.
    pub const BY_SEVERITY: [Verdict; 6] = [
        Verdict::Contradicted,
        Verdict::Misattributed,
        Verdict::Outdated,
        Verdict::Disputed,
        Verdict::Unverified,
        Verdict::Consistent,
    ];

    /// How many verdicts there are: the length of per-verdict counts.
    pub const COUNT: usize = Verdict::BY_SEVERITY.len();

    /// Everything reports show of the verdict (see [`Look`]).
    pub(crate) fn look(self) -> &'static Look {
        // The table's rows follow the enum's order.
        &LOOKS[self as usize]
    }

    /// The verdict's name in every format: `--fail-on`, JSON, the CSS
    /// class of the HTML report (`[data-verdict="…"]`), SARIF rule ids.
    pub fn name(self) -> &'static str {
        self.look().name
    }

    /// Its place in [`Verdict::BY_SEVERITY`]: 0 for the most severe.
    pub(crate) fn severity_index(self) -> usize {
        Verdict::COUNT - 1 - self as usize
    }

    /// A verdict an editor must look at: annotated by `github`, reported
    /// by `sarif` and `markdown`, kept by `--quiet`.
    pub(crate) fn is_problem(self) -> bool {
        self.look().problem
    }

    /// The run fails on this verdict (exit 1, a JUnit `<failure>`) when
    /// `--fail-on` is at or below it; `None` is `--fail-on never`.
    pub fn fails(self, fail_on: Option<Verdict>) -> bool {
        fail_on.is_some_and(|level| self >= level)
    }

    /// `contradicted`, `misattributed` or `outdated`: a verdict that says
    /// the article is wrong, given only on a certain link.
    pub(crate) fn is_alarm(self) -> bool {
        matches!(
            self,
            Verdict::Contradicted | Verdict::Misattributed | Verdict::Outdated
        )
    }

    pub fn parse(name: &str) -> Option<Verdict> {
        Verdict::BY_SEVERITY.into_iter().find(|v| v.name() == name)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A terminal colour, named here so that the verdict table needs no
/// terminal library; the table reporter maps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    Red,
    Magenta,
    Yellow,
    Cyan,
    DarkGrey,
    Green,
}

/// How a verdict shows in each output format, defined once. Reporters ask
/// ([`Verdict::look`]) instead of matching on verdicts themselves.
#[derive(Debug)]
pub struct Look {
    pub name: &'static str,
    /// The sign shown with it (HTML), so colour is never the only signal.
    pub sign: &'static str,
    /// Its mark in Markdown tables (an emoji).
    pub mark: &'static str,
    /// Its colour in the terminal table.
    pub colour: Colour,
    /// SARIF `level` of its results and rule.
    pub sarif_level: &'static str,
    /// GitHub workflow command annotating it (`error`, `warning`), if any.
    pub github_level: Option<&'static str>,
    /// An editor must look at it (see [`Verdict::is_problem`]).
    pub problem: bool,
    /// One line saying what it means (SARIF rule short description).
    pub summary: &'static str,
    /// The full meaning (SARIF rule help).
    pub help: &'static str,
}

/// One row per verdict, in the enum's order (least severe first).
static LOOKS: [Look; Verdict::COUNT] = [
    Look {
        name: "consistent",
        sign: "✓",
        mark: "✅",
        colour: Colour::Green,
        sarif_level: "none",
        github_level: None,
        problem: false,
        summary: "The claim agrees with the references",
        help: "Every source's current figure agrees with the claim.",
    },
    Look {
        name: "unverified",
        sign: "?",
        mark: "❔",
        colour: Colour::DarkGrey,
        sarif_level: "note",
        github_level: None,
        problem: false,
        summary: "No reference fact covers the claim",
        help: "No fact in the reference files matches the claim.",
    },
    Look {
        name: "disputed",
        sign: "±",
        mark: "⚖️",
        colour: Colour::Cyan,
        sarif_level: "warning",
        github_level: Some("warning"),
        problem: true,
        summary: "The sources disagree among themselves",
        help: "The sources' current figures disagree among themselves; the claim agrees with some of them.",
    },
    Look {
        name: "outdated",
        sign: "↻",
        mark: "🕒",
        colour: Colour::Yellow,
        sarif_level: "warning",
        github_level: Some("warning"),
        problem: true,
        summary: "The claim agrees only with a replaced figure",
        help: "The claim agrees only with figures that a source had replaced before the publication date.",
    },
    Look {
        name: "misattributed",
        sign: "⇄",
        mark: "⚠️",
        colour: Colour::Magenta,
        sarif_level: "warning",
        github_level: Some("warning"),
        problem: true,
        summary: "The claim's named source says otherwise",
        help: "The article names a source whose figure disagrees with the claim, while another source's figure agrees.",
    },
    Look {
        name: "contradicted",
        sign: "✗",
        mark: "❌",
        colour: Colour::Red,
        sarif_level: "error",
        github_level: Some("error"),
        problem: true,
        summary: "No reference figure agrees with the claim",
        help: "No source's current figure (the latest dated on or before publication) agrees with the claim, within the fact's tolerance.",
    },
];

/// One source's figure as used for a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The source's full name.
    pub source: Arc<str>,
    /// Its short name (first alias) for one-line explanations.
    pub short: Arc<str>,
    pub url: Option<Arc<str>>,
    pub figure: Figure,
    pub as_of: Option<Date>,
    pub role: Role,
    pub agrees: bool,
    /// The article names this source next to the claim.
    pub named: bool,
}

/// A claim with its verdict. An article has a finding for each claim, and
/// a figure-dense one hundreds of thousands: what only a claim tied to a
/// fact has (the fact, the figures, the candidates, the words that tied
/// it) is kept apart ([`Tie`]) and shared, and every explanation is
/// written when asked for, so that a finding is its claim and 16 bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub claim: Claim,
    pub verdict: Verdict,
    /// How the explanation reads when there is no [`Tie`].
    said: Said,
    tie: Option<Arc<Tie>>,
}

/// What a finding tied to facts (or to candidates) has besides its claim.
/// Consecutive findings with the same tie share it (a run of figures a
/// fact's terms tie as one candidate: [`share_ties`]), and the findings of
/// one window share each fact's id and description and each list of
/// candidates ([`judge::Shared`]): a tie costs what is its own.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tie {
    /// Id and description of the matched fact.
    fact: Option<Arc<(String, String)>>,
    evidence: Box<[Evidence]>,
    /// Facts the claim may be about when the link is not certain enough
    /// to judge it ("possibly: dprk-troops-sent, NIS 11,000").
    candidates: Arc<[Candidate]>,
    /// The words that tied the claim to its fact (or to its first
    /// candidate), as spans of the text, in text order.
    why: Box<[Span]>,
    /// Why a claim with candidates was not judged, in English (the
    /// explanation says it in the article's language or in English).
    doubt: Option<&'static str>,
    /// `--explain`: the words that tied it as the text writes them
    /// ("«truppe», «nordcoreane»"), quoted at the explanation's end.
    quoted: Option<Box<str>>,
    /// The language the claim was read in: its numbers are written so in
    /// the explanation of every format.
    lang: Lang,
}

/// The explanation of a finding without a [`Tie`], written from its claim
/// when asked for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Said {
    /// `extract`, or no facts loaded.
    NoFacts,
    /// No fact matches the claim, described in this language.
    Unmatched(Lang),
}

impl Finding {
    /// A finding with what its tie to facts gave.
    fn tied(claim: Claim, verdict: Verdict, tie: Tie) -> Finding {
        Finding {
            claim,
            verdict,
            said: Said::NoFacts,
            tie: Some(Arc::new(tie)),
        }
    }

    /// Id and description of the matched fact.
    pub fn fact(&self) -> Option<&(String, String)> {
        self.tie.as_ref()?.fact.as_deref()
    }

    pub fn evidence(&self) -> &[Evidence] {
        self.tie.as_ref().map_or(&[], |t| &t.evidence)
    }

    /// Facts the claim may be about when the link is not certain enough
    /// to judge it ("possibly: dprk-troops-sent, NIS 11,000").
    pub fn candidates(&self) -> &[Candidate] {
        self.tie.as_ref().map_or(&[], |t| &t.candidates)
    }

    /// The words that tied the claim to its fact (or to its first
    /// candidate), in text order.
    pub fn why(&self) -> &[Span] {
        self.tie.as_ref().map_or(&[], |t| &t.why)
    }

    /// What the verdict means for this claim, in one line, in English
    /// (numbers as the article writes them).
    pub fn explanation(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        if let Some(tie) = &self.tie {
            return Cow::Owned(self.written(tie.lang, Lang::En));
        }
        match (self.said, &self.claim.value) {
            (Said::NoFacts, _) => Cow::Borrowed(judge::NO_FACTS),
            (_, Value::Date(None) | Value::Time(None)) => Cow::Borrowed(judge::UNRESOLVED),
            (Said::Unmatched(lang), _) => {
                Cow::Owned(judge::unmatched_text(&self.claim, lang, Lang::En))
            }
        }
    }

    /// [`Finding::explanation`] in `lang`, the article's language, for the
    /// formats an editor reads; those a program reads keep the English
    /// wording. Numbers are written as the article writes them in both; a
    /// phrase `lang` has no row for stays in English.
    pub fn explanation_in(&self, lang: Lang) -> std::borrow::Cow<'_, str> {
        if lang.data().explanation_words.is_empty() {
            return self.explanation();
        }
        std::borrow::Cow::Owned(self.written(lang, lang))
    }

    /// The explanation, numbers as `lang` writes them and words as
    /// `words` says them.
    fn written(&self, lang: Lang, words: Lang) -> String {
        let say = |english| words.data().say(english);
        let Some(tie) = &self.tie else {
            return match (self.said, &self.claim.value) {
                (Said::NoFacts, _) => say(judge::NO_FACTS).to_string(),
                (_, Value::Date(None) | Value::Time(None)) => say(judge::UNRESOLVED).to_string(),
                (Said::Unmatched(said), _) => judge::unmatched_text(&self.claim, said, words),
            };
        };
        let mut text = match (&tie.fact, tie.doubt) {
            (None, Some(doubt)) => {
                judge::not_judged_text(&self.claim, doubt, &tie.candidates, lang, words)
            }
            _ => self.judged_text(tie, lang, words),
        };
        // `--explain` adds the words that tied the claim to its fact.
        if let Some(quoted) = &tie.quoted {
            text.push_str(say(" [tied by: "));
            text.push_str(quoted);
            text.push(']');
        }
        text
    }

    /// The explanation of a claim [`judge::judge`] judged, its words in
    /// `words`' language.
    fn judged_text(&self, tie: &Tie, lang: Lang, words: Lang) -> String {
        let unresolved = matches!(self.claim.value, Value::Date(None) | Value::Time(None));
        let current = tie.evidence.iter().any(|e| e.role == Role::Current);
        // A resolved claim with current figures is `unverified` only when
        // it agreed with a replaced figure in an undated article.
        let undated = self.verdict == Verdict::Unverified && !unresolved && current;
        let verdict = if undated {
            Verdict::Outdated
        } else {
            self.verdict
        };
        let mut text = judge::explain(&self.claim, &tie.evidence, verdict, unresolved, lang, words);
        if undated {
            text.push_str(words.data().say(judge::UNDATED_OUTDATED));
        }
        text
    }

    /// Sets the words that tied the claim to its fact.
    fn set_why(&mut self, why: &[Span]) {
        if let Some(tie) = &mut self.tie {
            Arc::make_mut(tie).why = why.into();
        }
    }
}

/// A fact an uncertain claim may be about, with its sources' current
/// figures in one line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Candidate {
    pub id: String,
    pub about: String,
    /// "NIS 11.000 (2024-11-13)".
    pub figures: String,
}

/// Judges every claim of one article. With facts loaded, a duration said
/// in two units is one claim first ([`compose::durations`]).
pub fn check(
    extraction: &Extraction,
    index: &FactIndex,
    lang: Lang,
    date: Option<Date>,
) -> Vec<Finding> {
    let composed = (!index.is_empty())
        .then(|| compose::durations(extraction, lang.data()))
        .flatten()
        .map(|claims| Extraction {
            claims,
            ..extraction.clone()
        });
    let extraction = composed.as_ref().unwrap_or(extraction);
    let links = link_claims(extraction, index, lang, date);
    judge_claims(extraction.claims.iter().cloned(), links, index, lang, date)
}

/// [`check`] taking the extraction: its tokens and working state go
/// before the findings are made, and each claim moves into its finding
/// (a figure-dense article holds its claims once, not twice). Hands back
/// the sentences.
pub(crate) fn check_owned(
    mut extraction: Extraction,
    index: &FactIndex,
    lang: Lang,
    date: Option<Date>,
) -> (Vec<Finding>, Vec<Span>) {
    if !index.is_empty()
        && let Some(claims) = compose::durations(&extraction, lang.data())
    {
        extraction.claims = claims;
    }
    let links = link_claims(&extraction, index, lang, date);
    let claims = std::mem::take(&mut extraction.claims);
    let sentences = std::mem::take(&mut extraction.sentences);
    drop(extraction);
    let findings = judge_claims(claims.into_iter(), links, index, lang, date);
    (findings, sentences)
}

/// What [`judge_claims`] needs of a claim tied to a fact: the link, the
/// sources it is attributed to and how its figure reads (boxed: a pointer
/// for a claim tied to none).
type Linked = Option<Box<(assign::Link, Box<[usize]>, Reading)>>;

/// How a linked claim's figure reads beside its words, found while the
/// tokens are still there.
#[derive(Debug, Clone, Copy)]
struct Reading {
    /// A fall word gives the figure a minus ("fell 3.8 percent").
    negate: bool,
    /// The precision its digits were written with (see
    /// [`judge::written_precision`]).
    precision: Option<f64>,
    /// Where its sentence starts: the figures of one sentence are judged
    /// together (see [`confirmed_beside`]).
    sentence: usize,
    /// For a claim of a heading line, the claims of the text below it that
    /// may restate it (see [`restated_below`]).
    below: Option<(usize, usize)>,
}

/// For each claim of `extraction`, its link to a fact, if any, and the
/// sources named for it; nothing when no facts are loaded or no claim can
/// be linked.
fn link_claims(
    extraction: &Extraction,
    index: &FactIndex,
    lang: Lang,
    date: Option<Date>,
) -> Vec<Linked> {
    if index.is_empty() {
        // `extract`, or no facts loaded: nothing to match, nothing to scan.
        return Vec::new();
    }
    let mut hits = index.terms.find(&extraction.tokens);
    hits.retain(|hit| !inside_date(hit, extraction, lang.data()));
    hits.retain(|hit| !after_prefix(hit, &extraction.tokens));
    // A fact is considered only where one of its terms occurs (`assign`):
    // with none in the text no claim can be tied to one, and the clauses
    // (about 70 bytes a claim, a figure-dense text's largest lists) are
    // not worked out.
    if !hits.iter().any(|h| matches!(h.target, Target::Term(_))) {
        return Vec::new();
    }
    let placed = clause::place(extraction);
    let clauses = clause::clauses(extraction, placed, lang.data());
    let links = assign::assign(extraction, index, &hits, &clauses, lang.data(), date);
    // Where the article names a source, in text order: the positions and,
    // parallel, the sources, so that a sentence's sources are a slice.
    let mut named_at = Vec::new();
    let mut named_sources = Vec::new();
    for hit in &hits {
        if let Target::Source(s) = hit.target {
            named_at.push(extraction.tokens[hit.first].span.start);
            named_sources.push(s);
        }
    }
    links
        .into_iter()
        .enumerate()
        .map(|(c, link)| {
            let mut link = link?;
            let claim = &extraction.claims[c];
            let mut reading = Reading {
                negate: false,
                precision: judge::written_precision(claim, &extraction.tokens)
                    .or_else(|| judge::fraction_precision(claim, &extraction.tokens, lang.data())),
                sentence: clauses.placed[c].sentence.start,
                below: heading_below(c, extraction),
            };
            if sign::signed(&index.facts[link.fact]) && sign::unsigned(c, extraction) {
                match sign::direction(c, extraction, &clauses, lang.data()) {
                    Some(sign::Direction::Fall) => reading.negate = true,
                    Some(sign::Direction::Rise) => {}
                    None => {
                        link.certain = false;
                        link.doubt.get_or_insert(assign::Doubt::Sign);
                    }
                }
            }
            if ahead_in_words(claim, &extraction.tokens, date) {
                link.certain = false;
                link.doubt.get_or_insert(assign::Doubt::Ahead);
            }
            if !sign::signed(&index.facts[link.fact])
                && let Some(word) = sign::fall_before(c, extraction, lang.data())
                && !link.why.iter().any(|w| w.contains(word))
            {
                link.certain = false;
                link.doubt.get_or_insert(assign::Doubt::Comparison);
            }
            // Sources the article names in the claim's sentence (which holds
            // its clause).
            let sentence = clauses.placed[c].sentence;
            let from = named_at.partition_point(|at| *at < sentence.start);
            let to = named_at.partition_point(|at| *at < sentence.end);
            let named = &named_sources[from..to.max(from)];
            let own = own_sources(
                c,
                extraction,
                &named_at[from..to.max(from)],
                named,
                sentence,
                &clauses.aside,
            );
            Some(Box::new((
                *link,
                own.unwrap_or_else(|| named.to_vec()).into(),
                reading,
            )))
        })
        .collect()
}

/// A date said in words only, relative to publication, that falls after
/// it: "on Monday" in "Postal votes will be counted on Monday" on the
/// evening of a Sunday vote. A day written with its number ("8
/// October") is still judged.
fn ahead_in_words(claim: &Claim, tokens: &[Token], date: Option<Date>) -> bool {
    let (Value::Date(Some(d)), Some(published)) = (&claim.value, date) else {
        return false;
    };
    if !claim.relative || d.start <= published {
        return false;
    }
    let first = tokens.partition_point(|t| t.span.start < claim.span.start);
    !tokens[first..]
        .iter()
        .take_while(|t| t.span.end <= claim.span.end)
        .any(Token::is_number)
}

/// A fact's term that is a relative date's own modifier ("last" in "last
/// week", "scorsa" in "la scorsa settimana") says when, not what: it ties
/// no claim to the fact. A date's figures and names still do ("the 2022
/// emergency", a term `2022`; "June" in "in June").
fn inside_date(hit: &Hit, extraction: &Extraction, data: &LangData) -> bool {
    if !matches!(hit.target, Target::Term(_)) {
        return false;
    }
    let tokens = &extraction.tokens;
    let Some(last) = hit.end.checked_sub(1).filter(|l| *l < tokens.len()) else {
        return false;
    };
    let d = &data.dates;
    let modifier = |t: &Token| {
        t.is_word()
            && [d.last, d.next, d.this, d.ago]
                .iter()
                .any(|w| clause::is_one_of(&t.norm, w))
    };
    if !tokens[hit.first..=last].iter().all(modifier) {
        return false;
    }
    let span = Span::new(tokens[hit.first].span.start, tokens[last].span.end);
    let claims = &extraction.claims;
    let before = claims.partition_point(|c| c.span.start <= span.start);
    before.checked_sub(1).map(|c| &claims[c]).is_some_and(|c| {
        c.relative && matches!(c.kind, Kind::Date | Kind::Time) && c.span.end >= span.end
    })
}

/// A term that is the second half of a word a lower-case prefix and a
/// hyphen make ("semi-final", "quarter-final", "pre-election"): the
/// compound is another thing than the term ("final").
fn after_prefix(hit: &Hit, tokens: &[Token]) -> bool {
    let k = hit.first;
    k >= 2
        && !tokens[k].space_before
        && tokens[k - 1].norm == "-"
        && !tokens[k - 1].space_before
        && tokens[k - 2].is_word()
        && !tokens[k - 2].capital
}

/// The findings of `claims` with their links ([`link_claims`]).
fn judge_claims(
    claims: impl Iterator<Item = Claim>,
    links: Vec<Linked>,
    index: &FactIndex,
    lang: Lang,
    date: Option<Date>,
) -> Vec<Finding> {
    if index.is_empty() {
        return claims.map(judge::unloaded).collect();
    }
    if links.is_empty() {
        // No claim could be linked ([`link_claims`]).
        return claims.map(|claim| judge::unmatched(claim, lang)).collect();
    }
    let shared = judge::Shared::default();
    let mut sentences = Vec::new();
    let mut headings = Vec::new();
    let mut findings: Vec<Finding> = claims
        .zip(links)
        .enumerate()
        .map(|(c, (claim, linked))| match linked {
            None => judge::unmatched(claim, lang),
            Some(linked) => {
                let (link, named, reading) = *linked;
                let claim = if reading.negate {
                    sign::negated(&claim)
                } else {
                    claim
                };
                sentences.push((c, reading.sentence));
                if let Some(below) = reading.below {
                    headings.push((c, below));
                }
                let judged = judge::Judged {
                    index,
                    date,
                    named: &named,
                    lang,
                    precision: reading.precision,
                    shared: &shared,
                };
                judge::judge_link(&claim, &link, &judged)
            }
        })
        .collect();
    confirmed_beside(&mut findings, &sentences, lang, &shared);
    restated_below(&mut findings, &headings, lang, &shared);
    share_ties(&mut findings);
    findings
}

/// Gives consecutive findings with equal ties one tie: in a run of
/// figures that a fact's terms tie as a candidate, each would otherwise
/// hold its own copy of the same candidates, reason and words.
fn share_ties(findings: &mut [Finding]) {
    let mut last: Option<Arc<Tie>> = None;
    for finding in findings {
        let Some(tie) = &mut finding.tie else {
            continue;
        };
        match &last {
            Some(shared) if **shared == **tie => *tie = Arc::clone(shared),
            _ => last = Some(Arc::clone(tie)),
        }
    }
}

/// `--explain`: adds to each tied finding's explanation the words that
/// tied it, as `text` (the article) writes them. Findings that shared a
/// tie still share one.
pub(crate) fn quote_why(findings: &mut [Finding], text: &str) {
    // The last tie quoted, before and after.
    let mut last: Option<(Arc<Tie>, Arc<Tie>)> = None;
    for finding in findings {
        let Some(tie) = &mut finding.tie else {
            continue;
        };
        if tie.why.is_empty() {
            continue;
        }
        if let Some((before, after)) = &last
            && Arc::ptr_eq(before, tie)
        {
            *tie = Arc::clone(after);
            continue;
        }
        let before = Arc::clone(tie);
        let mut quoted = String::new();
        for (i, span) in tie.why.iter().enumerate() {
            if i > 0 {
                quoted.push_str(", ");
            }
            quoted.push('«');
            quoted.push_str(&text[span.range()]);
            quoted.push('»');
        }
        Arc::make_mut(tie).quoted = Some(quoted.into());
        last = Some((before, Arc::clone(tie)));
    }
}

/// Turns an alarm into an unverified claim naming its fact, for `doubt`.
fn demote(finding: &mut Finding, doubt: &'static str, lang: Lang, shared: &judge::Shared) {
    let judged = finding.clone();
    *finding = judge::doubted(
        &judged.claim,
        std::iter::once(judged.clone()),
        doubt,
        judged.why(),
        lang,
        shared,
    );
}

/// Sentences below a heading that may restate its figures.
const BELOW: usize = 2;

/// For a claim on a heading line — a short line that ends without a stop
/// ("Outages top 3 million", a live blog's "Sheriff: six killed at
/// retirement community") — the claims of the two sentences below it.
fn heading_below(c: usize, extraction: &Extraction) -> Option<(usize, usize)> {
    let tokens = &extraction.tokens;
    let claims = &extraction.claims;
    let s = extraction.sentence_of(claims[c].span)?;
    let sentence = extraction.sentences[s];
    let first = clause::first_token(tokens, sentence);
    let end = tokens.partition_point(|t| t.span.start < sentence.end);
    let last = tokens.get(end.checked_sub(1)?)?;
    let mut chars = last.norm.chars();
    let stopped = last.kind == TokenKind::Punct
        && matches!((chars.next(), chars.next()), (Some(c), None) if extract::SENTENCE_STOPS.contains(&c));
    let line_ends = tokens.get(end).is_none_or(|t| t.newline_before);
    if stopped || !line_ends || end - first > extract::HEADING_TOKENS {
        return None;
    }
    let below = extraction
        .sentences
        .get(s + 1..=s + BELOW)
        .or_else(|| extraction.sentences.get(s + 1..))?;
    let (from, to) = (below.first()?.start, below.last()?.end);
    Some((
        claims.partition_point(|o| o.span.start < from),
        claims.partition_point(|o| o.span.start < to),
    ))
}

/// "Outages top 3 million" above "More than 3 million homes and
/// businesses in Florida have no power": a heading compresses what the
/// text below says in full. An alarm on a heading's figure that a figure
/// of the same value below it, judged `consistent` or `disputed`,
/// restates becomes an unverified claim naming its fact.
fn restated_below(
    findings: &mut [Finding],
    headings: &[(usize, (usize, usize))],
    lang: Lang,
    shared: &judge::Shared,
) {
    for &(c, (from, to)) in headings {
        if !findings[c].verdict.is_alarm() {
            continue;
        }
        let value = |f: &Finding| f.claim.quantity().and_then(|q| q.value);
        let Some(v) = value(&findings[c]) else {
            continue;
        };
        let restated = (from..to.min(findings.len())).any(|o| {
            matches!(findings[o].verdict, Verdict::Consistent | Verdict::Disputed)
                && value(&findings[o])
                    .is_some_and(|w| (w - v).abs() <= f64::EPSILON * v.abs().max(1.0))
        });
        if restated {
            demote(
                &mut findings[c],
                "a heading the text below restates in full",
                lang,
                shared,
            );
        }
    }
}

/// "Together they hold 170 of the Congress's 350 seats": when a figure of
/// a sentence agrees with a fact, a later figure of that sentence the
/// fact would accuse is about something else. Such an alarm becomes an
/// unverified claim naming the fact (an `outdated` one agrees with the
/// fact's history and stays). A figure before the agreeing one is
/// still judged: "14 golds … (12 to 10)" is an article at odds with
/// itself. `linked`: the claims tied to a fact,
/// with where their sentence starts, in text order.
fn confirmed_beside(
    findings: &mut [Finding],
    linked: &[(usize, usize)],
    lang: Lang,
    shared: &judge::Shared,
) {
    for group in linked.chunk_by(|a, b| a.1 == b.1) {
        if group.len() < 2 {
            continue;
        }
        for &(c, _) in group {
            // A later figure that agrees with a figure the fact's source
            // has replaced is that history ("lost $11.83 billion in 2024,
            // compared with a loss of $2.24 billion in 2023"): `outdated`
            // stands.
            if !findings[c].verdict.is_alarm() || findings[c].verdict == Verdict::Outdated {
                continue;
            }
            let Some(fact) = findings[c].fact().map(|f| f.0.clone()) else {
                continue;
            };
            let confirmed = group.iter().any(|&(o, _)| {
                o < c
                    && matches!(findings[o].verdict, Verdict::Consistent | Verdict::Disputed)
                    && findings[o].fact().is_some_and(|f| f.0 == fact)
            });
            if confirmed {
                demote(
                    &mut findings[c],
                    "another figure of its sentence agrees with this fact",
                    lang,
                    shared,
                );
            }
        }
    }
}

/// When a sentence names two sources or more, the ones claim `c` is
/// attributed to: each naming goes to the figure just before it when no
/// comma, colon or semicolon parts them ("7,6 secondo l'USGS e 7,6
/// secondo la JMA"), else to the figure just after it when none parts
/// those ("secondo l'USGS 7,5, secondo la JMA 7,6"); a naming in an
/// aside between commas goes to the figure after the aside ("70 km e,
/// secondo l'Istituto, una profondità di 18 km"). `None` with one source
/// (the sentence's naming covers all its figures).
fn own_sources(
    c: usize,
    extraction: &Extraction,
    at: &[usize],
    sources: &[usize],
    sentence: Span,
    aside: &[bool],
) -> Option<Vec<usize>> {
    let mut distinct = sources.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 2 {
        return None;
    }
    let claims = &extraction.claims;
    let first = claims.partition_point(|o| o.span.start < sentence.start);
    let figures: Vec<usize> = (first..claims.len())
        .take_while(|&o| claims[o].span.start < sentence.end)
        .filter(|&o| claims[o].quantity().is_some())
        .collect();
    let tokens = &extraction.tokens;
    let punct =
        |t: &Token| t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "," | ";" | ":");
    let parted = |a: usize, b: usize| {
        let from = tokens.partition_point(|t| t.span.start < a);
        tokens[from..]
            .iter()
            .enumerate()
            .take_while(|(_, t)| t.span.end <= b)
            .any(|(k, t)| punct(t) && !aside[from + k])
    };
    let mut own = Vec::new();
    for (&pos, &source) in at.iter().zip(sources) {
        let before = figures.iter().rev().find(|&&o| claims[o].span.end <= pos);
        let after = figures.iter().find(|&&o| claims[o].span.start >= pos);
        let k = tokens.partition_point(|t| t.span.start < pos);
        let in_aside = (k.saturating_sub(ASIDE_REACH)..k).any(|i| aside[i]);
        let owner = match (before, after) {
            (_, Some(&a)) if in_aside && !parted(pos, claims[a].span.start) => Some(a),
            (Some(&b), _) if !in_aside && !parted(claims[b].span.end, pos) => Some(b),
            (_, Some(&a)) if !parted(pos, claims[a].span.start) => Some(a),
            _ => None,
        };
        if owner == Some(c) {
            own.push(source);
        }
    }
    Some(own)
}

/// Tokens between an aside's opening comma and the source it names
/// ("…, secondo l'Istituto…").
const ASIDE_REACH: usize = 4;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod certainty_tests;

#[cfg(test)]
mod words_tests;
