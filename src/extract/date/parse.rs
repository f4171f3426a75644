//! The date grammar over the token stream: what may lead a date (a
//! preposition, an article, a part word), the forms its core takes, and
//! what may follow a month (a day, a year, `dell'anno scorso`).

use jiff::civil::{Date, Weekday};

use crate::extract::Ctx;
use crate::extract::context::counted_noun;
use crate::extract::number::parse_words;
use crate::lang::vocab::List;
use crate::lang::{NumberWord, Season};
use crate::text::token::Token;
use crate::when::{Grain, Part};

use super::figures::{YEARS, full_date};
use super::resolve::{Expr, Pick, YearRef};
use super::words::Words;

/// A date phrase: tokens `first..end`, what it says, and the part word.
#[derive(Debug, Clone, Copy)]
pub(super) struct DateMatch {
    pub first: usize,
    pub end: usize,
    pub expr: Expr,
    pub part: Option<Part>,
    /// The day word names an evening ("stasera"): a bare hour after it is p.m.
    pub evening: bool,
}

/// Days after a holiday (fixed or movable) during which, with no tense cue, it is the
/// one just past ("leída en Navidad" on 26 December).
const JUST_PAST_DAYS: i32 = 7;

/// How near a verb that looks back must be to make a day and month the
/// last one ([`Parser::looks_back_near`]).
const NEAR_CUE: usize = 8;

/// What came before the core of a date.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Lead {
    /// A preposition: a bare year after it is a date.
    pub prep: bool,
    /// The preposition is a link ("di", "of"): a noun after the year vetoes it.
    pub weak_prep: bool,
    pub future: bool,
    /// The tense looks back: the date's token, where
    /// [`Parser::looks_back_near`] tells (only when a day and month need
    /// it: the scan is not made for every date) whether the verb nearest
    /// the date looks back, no word of its sentence looks ahead and no
    /// preposition does ("fino al 3 marzo"): a day and month is then the
    /// last one.
    pub past_at: Option<usize>,
    pub part: bool,
    /// An article ("il weekend", "the weekend").
    pub article: bool,
    /// A deadline a verb moved ("prolongé hier jusqu'au 31 mars"): the
    /// nearest such day, either side of publication.
    pub moved: bool,
}

impl Lead {
    pub(crate) fn licensed(self) -> bool {
        self.prep || self.part
    }

    pub(super) fn pick(self) -> Pick {
        if self.moved {
            Pick::Nearest
        } else if self.future {
            Pick::Upcoming
        } else {
            Pick::Recent
        }
    }
}

/// A noun a relative word can qualify.
#[derive(Debug, Clone, Copy)]
enum Named {
    Unit(Grain),
    Weekday(Weekday),
    Month(i8),
    Season(Season),
    Weekend,
}

pub(super) struct Parser<'c, 'a> {
    pub ctx: &'c Ctx<'a>,
    pub w: &'static Words,
}

impl Parser<'_, '_> {
    pub(super) fn tokens(&self) -> &[Token] {
        self.ctx.tokens
    }

    pub(super) fn tok(&self, i: usize) -> Option<&Token> {
        self.ctx.tokens.get(i)
    }

    /// Token `i` follows the previous one without a space.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.is_capitalized(self.ctx.text))
    }

    /// A number written with digits only, at most `max_len` of them.
    pub fn digits(&self, i: usize, max_len: usize) -> Option<u32> {
        let t = self.tok(i)?;
        let n = t.norm.as_str();
        if !t.is_number() || n.len() > max_len || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        n.parse().ok()
    }

    pub(super) fn year_at(&self, i: usize) -> Option<i16> {
        let t = self.tok(i)?;
        let y = self
            .digits(i, 4)
            .filter(|y| YEARS.contains(y) && t.norm.len() == 4)?;
        i16::try_from(y).ok()
    }

    pub(super) fn skip<T: Copy>(&self, table: &super::words::Table<T>, i: usize) -> usize {
        table.has(self.tokens(), i).unwrap_or(i)
    }

    /// Links and articles between words ("del", "of the").
    pub(super) fn skip_links(&self, mut i: usize) -> usize {
        for _ in 0..2 {
            let next = self.skip(&self.w.links, i);
            let next = self.skip(&self.w.articles, next);
            if next == i {
                break;
            }
            i = next;
        }
        i
    }

    /// A date phrase starting at token `i`.
    pub fn date(&self, i: usize) -> Option<DateMatch> {
        let t = self.tokens();
        // "vor zwei Jahren", "hace tres días": before the prepositions,
        // which may hold the same word ("vor 2020").
        // "vor gut eineinhalb Jahren", "hace casi tres años": a one-word
        // hedge may stand before the count.
        let hedged = |e: usize| {
            self.tok(e).is_some_and(|x| {
                self.ctx
                    .data
                    .hedges
                    .iter()
                    .any(|(h, _)| !h.contains(' ') && crate::text::token::folds_to(h, &x.norm))
            })
        };
        if let Some(e) = self.w.ago_before.has(t, i)
            && let Some((end, expr)) = self.counted_units(e, false).or_else(|| {
                hedged(e)
                    .then(|| self.counted_units(e + 1, false))
                    .flatten()
            })
        {
            return Some(DateMatch {
                first: i,
                end,
                expr,
                part: None,
                evening: false,
            });
        }
        let mut j = i;
        let mut lead = Lead::default();
        for _ in 0..3 {
            // "the day before yesterday" starts like "the" + a date.
            if self.w.days.has(t, j).is_some() {
                break;
            }
            if let Some(e) = self.bound_before_year(j, lead) {
                j = e;
            } else if let Some(e) = self.w.preps.has(t, j) {
                lead.future |= self.w.future_preps.has(t, j).is_some();
                lead.weak_prep = self.w.links.has(t, j).is_some();
                lead.prep = true;
                j = e;
            } else if let Some(e) = self.w.articles.has(t, j) {
                lead.article = true;
                j = e;
            } else {
                break;
            }
        }
        let mut part = None;
        // "fine settimana" is the weekend, not the end of a week.
        if self.w.weekend.has(t, j).is_none()
            && let Some((e, p)) = self.w.parts.at(t, j)
        {
            part = Some(p);
            lead.part = true;
            j = e;
            if self.tok(j).is_some_and(|x| x.is_punct("-")) && self.glued(j) {
                j += 1;
            }
            j = self.skip_links(j);
        }
        let (end, expr, evening) = self.core(j, lead)?;
        Some(DateMatch {
            first: i,
            end,
            expr,
            part,
            evening,
        })
    }

    /// "depuis au moins 1949", "seit mindestens 2019", "since at least
    /// 2015": an at-least hedge between a strong preposition and a bare
    /// year, nothing after the year that it could count; where it ends.
    fn bound_before_year(&self, j: usize, lead: Lead) -> Option<usize> {
        if !lead.prep || lead.weak_prep {
            return None;
        }
        let t = self.tokens();
        let (n, _) =
            self.ctx.lexicon.lookup(&t[j..]).find(|(_, e)| {
                matches!(e, crate::lang::Entry::Hedge(crate::lang::Hedge::AtLeast))
            })?;
        let e = j + n;
        let counts = crate::extract::context::counted_noun(self.ctx, e + 1).is_some()
            && !self.capitalized(e + 1);
        (self.year_at(e).is_some() && !counts).then_some(e)
    }

    fn core(&self, j: usize, lead: Lead) -> Option<(usize, Expr, bool)> {
        let t = self.tokens();
        // Every form below starts with a number, a number word, an
        // apostrophe ("'90s") or the first word of a table phrase: the
        // starters. Elsewhere none can match, and none is tried.
        let first = t.get(j)?;
        if !first.is_number() && !super::Words::is_starter(self.ctx.vocab, first) {
            return None;
        }
        if let Some((e, (n, evening))) = self.w.days.at(t, j) {
            // A row ending in a comma ("overnight ,") sets off its clause:
            // only at the start of a sentence ("Overnight, crews worked",
            // not "drones launched overnight, the air force said").
            let set_off = e > j && t[e - 1].is_punct(",");
            let opens = j == 0 || !self.ctx.same_sentence(j - 1, j);
            if !set_off || opens {
                return Some((e, Expr::Days(n.into()), evening));
            }
        }
        // "the second quarter of 2024", "Q1 2025", "nel terzo trimestre
        // dell'anno scorso": the quarter's first month, its year read as a
        // month's.
        // "The state is ready now.": the publication time, at minute
        // grain, when the front matter gives one; only ending its clause.
        // "until now,", "for now.", "da adesso": a span, no moment (a
        // preposition, a link or a stopword before it).
        // (Read only before a word for now.)
        let after_prep = || {
            (j.saturating_sub(2)..j).any(|k| {
                self.w.preps.has(t, k) == Some(j) || self.w.future_preps.has(t, k) == Some(j)
            }) || j.checked_sub(1).is_some_and(|p| {
                self.ctx.data.links.contains(&t[p].norm.as_str())
                    || self.ctx.data.stopwords.contains(&t[p].norm.as_str())
            })
        };
        if let Some(e) = self.w.now.has(t, j)
            && !after_prep()
            && self.ctx.options.clock.is_some()
            && t.get(e)
                .is_none_or(|n| n.is_punct(".") || n.is_punct(",") || n.is_punct(";"))
        {
            return Some((e, Expr::Shift(Grain::Minute, 0), false));
        }
        // A fiscal year's quarter ("the second quarter of fiscal 2025",
        // "del secondo trimestre dell'esercizio") is no calendar date.
        if let Some((e, q)) = self.w.quarters.at(t, j) {
            let label = self.skip_links(e);
            let fiscal = t.get(label).is_some_and(|w| {
                w.is_word() && self.ctx.data.year_labels.contains(&w.norm.as_str())
            });
            if fiscal || !(1..=4).contains(&q) {
                return None;
            }
            let lead = self.with_tense(j, lead);
            if let Some((end, Expr::Month(m, y))) = self.after_month(e, 3 * q - 2, None, lead) {
                return Some((end, Expr::Quarter(m, y), false));
            }
        }
        // "im Vorjahr", "le mois précédent": before "mois" is read as a
        // unit with a modifier.
        // "il giorno prima delle elezioni": before something else than the
        // text's last date.
        if let Some((e, g)) = self.w.previous.at(t, j)
            && self.w.links.has(t, e).is_none()
        {
            return Some((e, Expr::Previous(g), false));
        }
        // "heuer": this year.
        if let Some((e, g)) = self.w.this_units.at(t, j) {
            return Some((e, Expr::Shift(g, 0), false));
        }
        let plain = |r: Option<(usize, Expr)>| r.map(|(e, x)| (e, x, false));
        // "a Ferragosto", "last Christmas": a holiday on a fixed day.
        let holiday = |k: usize, pick: Pick| {
            self.w
                .holidays
                .at(t, k)
                .map(|(e, (m, d))| (e, Expr::DayMonth(d, m, YearRef::Pick(pick)), false))
        };
        // "Pasquetta", "Good Friday", "Easter 2024": the day moves with
        // the year.
        let movable = |k: usize, pick: Pick| {
            let (e, h) = self.w.movable.at(t, k)?;
            Some(match self.year_at(e) {
                Some(y) => (e + 1, Expr::Movable(h, YearRef::Abs(y)), false),
                None => (e, Expr::Movable(h, YearRef::Pick(pick)), false),
            })
        };
        if self.w.movable.has(t, j).is_some() || self.w.holidays.has(t, j).is_some() {
            let pick = self.recurring_tense(j, lead).pick();
            // "La declaración, leída en Navidad" on 26 December, "Pasqua"
            // on the Tuesday after: with no tense cue, a holiday a few days
            // gone is the one just past, not next year's.
            let cued = self.tense(j, self.both_ways(j, lead)).is_some();
            let just_past = !cued
                && self.ctx.options.date.is_some_and(|p| {
                    let fixed = self
                        .w
                        .holidays
                        .at(t, j)
                        .map(|(_, (m, d))| Date::new(p.year(), m, d).ok());
                    let moving = || {
                        self.w
                            .movable
                            .at(t, j)
                            .map(|(_, h)| super::resolve::movable(h, p.year()))
                    };
                    fixed
                        .or_else(moving)
                        .flatten()
                        .and_then(|h| h.until(p).ok())
                        .is_some_and(|gap| (0..=JUST_PAST_DAYS).contains(&gap.get_days()))
                });
            let pick = if just_past { Pick::Recent } else { pick };
            if let Some(found) = movable(j, pick).or_else(|| holiday(j, pick)) {
                return Some(found);
            }
        }
        if let Some(found) = self.nth_weekday(j, lead) {
            return plain(Some(found));
        }
        // "lo scorso aprile", "last week", "questo mese".
        if let Some((e, pick)) = self.modifier(j) {
            if let Some(found) = movable(e, pick).or_else(|| holiday(e, pick)) {
                return Some(found);
            }
            let modified = Lead { prep: true, ..lead };
            if let Some((e, named)) = self.named(e, modified) {
                // "ce vendredi 15 mars", "this Friday, March 15": the date
                // after the weekday names the day.
                if let Named::Weekday(wd) = named
                    && let Some((e2, x)) = self.after_weekday(e, wd, modified)
                    && !matches!(x, Expr::Weekday(..))
                {
                    return plain(Some((e2, x)));
                }
                return plain(Some((e, with_pick(named, pick))));
            }
            // "il prossimo 3 marzo": a day the modifier picks the year of.
            if let Some((e, Expr::DayMonth(d, m, YearRef::Pick(_)))) = self.day_month(e, modified) {
                return plain(Some((e, Expr::DayMonth(d, m, YearRef::Pick(pick)))));
            }
        }
        if let Some((e, named)) = self.named(j, lead) {
            // "la settimana scorsa", "martedì scorso", "aprile scorso".
            // A modifier that has a noun of its own after it is not this
            // one's ("each day last week").
            if let Some((e2, pick)) = self.modifier(e)
                && (!matches!(named, Named::Month(_)) || self.rel_year(e).is_none())
                && self.named(e2, Lead::default()).is_none()
            {
                return plain(Some((e2, with_pick(named, pick))));
            }
            return plain(match named {
                Named::Unit(g) if lead.part => Some((e, Expr::Shift(g, 0))),
                Named::Unit(_) => None,
                Named::Weekday(wd) => self.after_weekday(e, wd, self.weekday_tense(j, lead)),
                Named::Month(m) => self.after_month(e, m, None, self.with_tense(j, lead)),
                // "alcune opere non prima dell'estate" after "si
                // chiuderanno": the coming summer.
                // "cereales de invierno", "i mesi d'inverno": a link
                // without an article makes a kind of thing, not a time.
                Named::Season(_)
                    if !lead.part
                        && j.checked_sub(1)
                            .is_some_and(|p| self.w.kind_links.has(t, p) == Some(j)) =>
                {
                    None
                }
                Named::Season(s) => self.after_season(e, s, self.with_tense(j, lead)),
                // "a cancelled Vienna weekend": a weekend with no article,
                // preposition or modifier is no date.
                Named::Weekend if !(lead.prep || lead.part || lead.article) => None,
                Named::Weekend => Some((e, Expr::Weekend(self.weekday_tense(j, lead).pick()))),
            });
        }
        plain(
            self.ago(j)
                .or_else(|| self.numeric(j))
                .or_else(|| self.slash_day(j, lead))
                .or_else(|| {
                    // The sentence's tense is read only where a day can
                    // start: most numbers are no day of a month.
                    self.may_start_day(j)
                        .then(|| self.day_month(j, self.with_tense(j, lead)))
                        .flatten()
                })
                .or_else(|| self.decade(j))
                .or_else(|| self.same_month(j))
                .or_else(|| self.year(j, lead)),
        )
    }

    /// "this year and next", "quest'anno e il prossimo": after a year,
    /// month or week of publication's, a conjunction and a modifier whose
    /// unit is left out; the date the modifier makes of that unit.
    pub(super) fn elided(&self, d: &DateMatch) -> Option<DateMatch> {
        let Expr::Shift(g @ (Grain::Year | Grain::Month | Grain::Week), _) = d.expr else {
            return None;
        };
        let conj = self.tok(d.end)?;
        if !self.ctx.data.conjunctions.contains(&conj.norm.as_str()) {
            return None;
        }
        let k = self.skip(&self.w.articles, d.end + 1);
        let (e, pick) = self.modifier(k)?;
        // "this year and next Monday": the noun is there, no ellipsis.
        if self.named(e, Lead::default()).is_some() {
            return None;
        }
        Some(DateMatch {
            first: d.end + 1,
            end: e,
            expr: with_pick(Named::Unit(g), pick),
            part: None,
            evening: false,
        })
    }

    /// "l'ultima domenica di marzo", "the first Monday of October": an
    /// ordinal, a weekday, a link and a month, perhaps a year; "the last
    /// day of July", "il primo giorno di marzo": its first or last day.
    fn nth_weekday(&self, j: usize, lead: Lead) -> Option<(usize, Expr)> {
        let t = self.tokens();
        let (e, n) = self.w.nth_weekdays.at(t, j)?;
        if let Some((e, Grain::Day)) = self.w.units.at(t, e)
            && matches!(n, 1 | -1)
        {
            let k = self.skip_links(e);
            let (me, m) = self.month(k, true).filter(|_| k > e)?;
            let lead = self.with_tense(j, lead);
            return Some(match self.year_at(me) {
                Some(y) => (me + 1, Expr::MonthEdge(n, m, YearRef::Abs(y))),
                None => (me, Expr::MonthEdge(n, m, YearRef::Pick(lead.pick()))),
            });
        }
        let (e, wd) = self.w.weekdays.at(t, e)?;
        let k = self.skip_links(e);
        // "l'ultima domenica", "the last Sunday": with no month after,
        // the last one before publication.
        if k == e {
            return (n == -1).then_some((e, Expr::Weekday(wd, Pick::Last)));
        }
        let (me, m) = self.month(k, true)?;
        let lead = self.recurring_tense(j, lead);
        Some(match self.year_at(me) {
            Some(y) => (me + 1, Expr::NthWeekday(n, wd, m, YearRef::Abs(y))),
            None => (me, Expr::NthWeekday(n, wd, m, YearRef::Pick(lead.pick()))),
        })
    }

    /// The lead with the tense of the sentence around token `i`: a word
    /// that looks ahead ("will", "resteranno") nearer than any that looks
    /// back ("said", "ha") makes a bare weekday or month the coming one;
    /// one that looks back makes even a deadline a past one ("had risen
    /// to 1,870 by Wednesday").
    fn with_tense(&self, i: usize, lead: Lead) -> Lead {
        if lead.future && self.moved_before(i) {
            return Lead {
                future: false,
                past_at: None,
                moved: true,
                ..lead
            };
        }
        match self.tense(i, self.both_ways(i, lead)) {
            Some(future) => Lead {
                future,
                past_at: (!future && !lead.future).then_some(i),
                ..lead
            },
            None => lead,
        }
    }

    /// [`Parser::with_tense`] for a day that comes back every year (a
    /// holiday, "the last Sunday of March"): with no cue in its sentence
    /// it is the coming one ("The museum is closed on Christmas Day", "Ci
    /// vediamo a Natale"); a cue that looks back keeps it the last one.
    fn recurring_tense(&self, i: usize, lead: Lead) -> Lead {
        match self.tense(i, self.both_ways(i, lead)) {
            Some(future) => Lead {
                future,
                past_at: (!future && !lead.future).then_some(i),
                ..lead
            },
            None => Lead {
                future: true,
                ..lead
            },
        }
    }

    /// Whether the tense cue of the date at `i` may come after it: not
    /// for a deadline, whose verb comes before it ("had risen to 1,870 by
    /// Wednesday"), unless the deadline opens its sentence ("By Wednesday,
    /// the toll had risen to 40").
    fn both_ways(&self, i: usize, lead: Lead) -> bool {
        // The preposition and an article at most before it.
        let before = (1..=3)
            .take_while(|&d| i >= d && self.ctx.same_sentence(i - d, i))
            .count();
        !lead.future || before <= 2
    }

    /// [`Parser::with_tense`] for a bare weekday: in a language whose news
    /// puts the past in compound tenses, a sentence with no cue looks ahead
    /// ("si vota domenica").
    fn weekday_tense(&self, i: usize, lead: Lead) -> Lead {
        let participle_before = i.checked_sub(1).and_then(|p| self.tok(p)).is_some_and(|t| {
            t.is_word() && self.ctx.same_sentence(i - 1, i) && self.w.tense.participle(&t.norm)
        });
        if participle_before {
            return Lead {
                future: false,
                past_at: (!lead.future).then_some(i),
                ..lead
            };
        }
        let cue = self.tense(i, self.both_ways(i, lead));
        match cue {
            Some(future) => Lead {
                future,
                past_at: (!future && !lead.future).then_some(i),
                ..lead
            },
            None if self.w.tense.present_is_future => Lead {
                future: true,
                ..lead
            },
            None => lead,
        }
    }

    /// The tense cue nearest to token `i` in its sentence (after it too
    /// when `both_ways`): `Some(true)` ahead, `Some(false)` back.
    pub(super) fn tense(&self, i: usize, both_ways: bool) -> Option<bool> {
        const REACH: usize = 30;
        let t = self.tokens();
        let cue = |k: usize| {
            let tok = t.get(k)?;
            if !tok.is_word() || !self.ctx.same_sentence(k.min(i), k.max(i)) {
                return None;
            }
            self.cue_of(k)
        };
        // After the date, not past a comma and a conjunction: in "the
        // elections of May 28, and few analysts expected him…" the verb
        // is another clause's ("Thursday, when 240,000 people will fly"
        // is the date's own).
        let conjunctions = self.ctx.data.conjunctions;
        let ahead = if both_ways {
            (i + 1..(i + REACH).min(t.len()))
                .find(|&k| {
                    t[k].is_punct(";")
                        || (t[k].is_punct(",")
                            && t.get(k + 1).is_some_and(|n| {
                                // The list's bit first: a table word as
                                // written is folded, so the bit is set
                                // wherever the word matches (and a miss
                                // costs no string comparison).
                                self.ctx.vocab.is(n, List::Conjunctions)
                                    && conjunctions.contains(&n.norm.as_str())
                            }))
                })
                .unwrap_or(i + REACH)
        } else {
            i
        };
        // "ha annunciato che a settembre … la giunta deciderà": the clause
        // a complementizer opens has its own tense; the verb before it is
        // no cue when one after it may be.
        let opener = (1..REACH)
            .take_while(|&d| i >= d && self.ctx.same_sentence(i - d, i))
            .find(|&d| {
                let tok = &t[i - d];
                tok.is_word()
                    && self.ctx.vocab.is(tok, List::RelativePronouns)
                    && self.ctx.data.relative_pronouns.contains(&tok.norm.as_str())
            })
            .filter(|_| both_ways);
        // Nearest first, the word before ahead of the word after; the walk
        // ends where both sides have left the sentence or their reach
        // (sentence numbers never go down, so no later word can speak).
        let nearest = |reach_back: usize| {
            for d in 1..REACH {
                let back =
                    (d < reach_back && i >= d && self.ctx.same_sentence(i - d, i)).then(|| i - d);
                let after = (i + d < ahead && self.ctx.same_sentence(i, i + d)).then_some(i + d);
                if back.is_none() && after.is_none() {
                    return None;
                }
                if let Some(found) = back.and_then(cue).or_else(|| after.and_then(cue)) {
                    return Some(found);
                }
            }
            None
        };
        // "the Bank of Japan, which raised rates to 0.5% in January, is
        // expected to hold them": a cue between the commas around the
        // date speaks first.
        let comma = |k: usize| t[k].is_punct(",");
        let lo = (1..REACH)
            .take_while(|&d| i >= d && self.ctx.same_sentence(i - d, i))
            .find(|&d| comma(i - d))
            .unwrap_or(REACH);
        let hi = (i + 1..ahead.min(t.len()))
            .find(|&k| comma(k))
            .unwrap_or(ahead);
        let back = opener.map_or(lo, |o| o.min(lo));
        let enclosed = (1..REACH).find_map(|d| {
            i.checked_sub(d)
                .filter(|_| d < back)
                .and_then(cue)
                .or_else(|| (i + d < hi).then(|| cue(i + d)).flatten())
        });
        // With no cue in its own clause, the verb before it still speaks.
        enclosed
            .or_else(|| opener.and_then(nearest))
            .or_else(|| nearest(REACH))
    }

    /// [`Lead::pick`] for a day and month: a verb that looks back takes
    /// the last one, however near the coming one is.
    fn day_pick(&self, lead: Lead) -> Pick {
        if !lead.future && lead.past_at.is_some_and(|i| self.looks_back_near(i)) {
            Pick::Past
        } else {
            lead.pick()
        }
    }

    /// A word that looks back within [`NEAR_CUE`] tokens of token `i`, in
    /// its part of the sentence (no colon or semicolon between), and no
    /// word of the sentence that looks ahead: "è arrivata il 10 gennaio",
    /// "approved the funds on Jan. 10" (not "Per il ponte del 25 aprile
    /// il Comune si aspetta numeri alti: sono già state registrate…").
    fn looks_back_near(&self, i: usize) -> bool {
        let t = self.tokens();
        let part = |k: usize| {
            let (a, b) = (k.min(i), k.max(i));
            self.ctx.same_sentence(a, b)
                && !t[a..=b].iter().any(|x| x.is_punct(":") || x.is_punct(";"))
        };
        let back = (1..=NEAR_CUE)
            .flat_map(|d| [i.checked_sub(d), Some(i + d)])
            .flatten()
            .filter(|&k| k < t.len() && part(k))
            .any(|k| t[k].is_word() && self.cue_of(k) == Some(false));
        // "The hearing was moved to March 3": a destination.
        let toward = (1..=2).any(|d| {
            i.checked_sub(d).is_some_and(|k| {
                self.ctx.same_sentence(k, i)
                    && self.w.toward_preps.has(t, k) == Some(i)
                    && k.checked_sub(1)
                        .is_none_or(|b| self.w.toward_not_after.has(t, b).is_none())
            })
        });
        // "The vote was postponed from March 3 to March 10": a moved date
        // may be either side of publication.
        back && !toward && !self.moved_before(i) && !self.looks_ahead_anywhere(i)
    }

    /// A word that moves a date ("postponed", "prolongé") stands within
    /// [`NEAR_CUE`] tokens before token `i`, in its part of the sentence.
    fn moved_before(&self, i: usize) -> bool {
        let t = self.tokens();
        (1..=NEAR_CUE).filter_map(|d| i.checked_sub(d)).any(|k| {
            self.ctx.same_sentence(k, i)
                && !t[k..=i].iter().any(|x| x.is_punct(":") || x.is_punct(";"))
                && self.w.moved_words.has(t, k).is_some()
        })
    }

    /// Some word of the sentence of token `i` looks ahead ("the vote will
    /// be held in two years": "held" is nearer, "will" still speaks).
    fn looks_ahead_anywhere(&self, i: usize) -> bool {
        let t = self.tokens();
        let sentence = |k: usize| self.ctx.same_sentence(k.min(i), k.max(i));
        let start = (0..=i)
            .rev()
            .take_while(|&k| sentence(k))
            .last()
            .unwrap_or(i);
        (start..t.len())
            .take_while(|&k| sentence(k))
            .any(|k| t[k].is_word() && self.cue_of(k) == Some(true))
    }

    /// The tense cue of word token `k` ([`Parser::tense`]), read once and
    /// kept in [`Ctx::tense_cues`](crate::extract::Ctx).
    fn cue_of(&self, k: usize) -> Option<bool> {
        const UNREAD: u8 = 0;
        const NONE: u8 = 1;
        const BACK: u8 = 2;
        const AHEAD: u8 = 3;
        let memo = self.ctx.tense_cues.get(k);
        match memo.map_or(UNREAD, std::cell::Cell::get) {
            NONE => return None,
            BACK => return Some(false),
            AHEAD => return Some(true),
            _ => {}
        }
        let cue = self.read_cue(k);
        if let Some(memo) = memo {
            memo.set(match cue {
                None => NONE,
                Some(false) => BACK,
                Some(true) => AHEAD,
            });
        }
        cue
    }

    /// [`Parser::cue_of`] read from the tokens.
    fn read_cue(&self, k: usize) -> Option<bool> {
        let t = self.tokens();
        let tok = t.get(k)?;
        let before = k
            .checked_sub(1)
            .and_then(|b| t.get(b))
            .map(|b| b.norm.as_str());
        let tense = &self.w.tense;
        let cue = tense.of(&tok.norm, &self.ctx.text[tok.span], before);
        // "was not expected", "were planned": a participle that looks
        // ahead, after a past auxiliary, looks back.
        let after_past = || {
            (1..=2).any(|d| {
                k.checked_sub(d)
                    .and_then(|b| t.get(b))
                    .is_some_and(|b| b.is_word() && tense.of(&b.norm, "", None) == Some(false))
            })
        };
        if cue == Some(true) && after_past() && tense.ends_like_participle(&tok.norm) {
            return Some(false);
        }
        cue
    }

    fn modifier(&self, i: usize) -> Option<(usize, Pick)> {
        let t = self.tokens();
        let w = self.w;
        w.last
            .has(t, i)
            .map(|e| (e, Pick::Last))
            .or_else(|| w.next.has(t, i).map(|e| (e, Pick::Next)))
            .or_else(|| w.this.has(t, i).map(|e| (e, Pick::This)))
    }

    fn named(&self, i: usize, lead: Lead) -> Option<(usize, Named)> {
        let t = self.tokens();
        let w = self.w;
        if let Some(e) = w.weekend.has(t, i) {
            return Some((e, Named::Weekend));
        }
        if let Some((e, g)) = w.units.at(t, i) {
            return Some((e, Named::Unit(g)));
        }
        if let Some((e, wd)) = w.weekdays.at(t, i) {
            return Some((e, Named::Weekday(wd)));
        }
        if let Some((e, s)) = w.seasons.at(t, i) {
            return Some((e, Named::Season(s)));
        }
        self.month(i, lead.licensed())
            .map(|(e, m)| (e, Named::Month(m)))
    }

    /// A month name at `i`. Abbreviations and ambiguous names ("May") must
    /// be capitalized and come with context: a preposition before
    /// (`licensed`), or a day or a year after.
    pub(super) fn month(&self, i: usize, licensed: bool) -> Option<(usize, i8)> {
        let t = self.tokens();
        // Lower case too when a day number or a year follows ("march 3",
        // "feb 15", "jan. 2014"): no verb or word is followed by those.
        let dated_after = |e: usize| {
            let day = self.digits(e, 2).is_some_and(|d| (1..=31).contains(&d));
            // "they march 3 miles", "prices may 5 percent": a measure.
            let measured = t
                .get(e + 1..)
                .is_some_and(|rest| self.ctx.lexicon.lookup(rest).next().is_some());
            self.year_at(e).is_some() || (day && !measured)
        };
        if let Some((e, m)) = self.w.months.at(t, i) {
            if self.w.ambiguous.has(t, i).is_none() {
                return Some((e, m));
            }
            let context = licensed || self.digits(e, 4).is_some();
            return ((self.capitalized(i) && context) || dated_after(e)).then_some((e, m));
        }
        let (mut e, m) = self.w.month_abbreviations.at(t, i)?;
        let dotted = self.tok(e).is_some_and(|x| x.is_punct(".")) && self.glued(e);
        if dotted {
            e += 1;
        }
        if !self.capitalized(i) && !dated_after(e) {
            return None;
        }
        // "dal Mar Rosso": a name goes on after the word.
        let name_after = !dotted
            && self.capitalized(e)
            && self.tok(e).is_some_and(Token::is_word)
            && !dated_after(e);
        if name_after {
            return None;
        }
        // "Viña del Mar", "DEL MAR", "Viña del Mar." at a sentence's end:
        // an abbreviation without a day or a year is a word ("15 Mar",
        // "Mar 3", "Mar. 2024" are dates).
        let day_before = i
            .checked_sub(1)
            .and_then(|p| self.digits(p, 2))
            .is_some_and(|d| (1..=31).contains(&d));
        if !dated_after(e) && !day_before {
            return None;
        }
        (licensed || self.digits(e, 4).is_some()).then_some((e, m))
    }

    /// After a weekday: a date ("martedì 12 agosto", "Tuesday, March 11"),
    /// else the weekday itself.
    fn after_weekday(&self, e: usize, wd: Weekday, lead: Lead) -> Option<(usize, Expr)> {
        let k = if self.tok(e).is_some_and(|x| x.is_punct(",")) {
            // "am Montag, dem 16. Dezember": an article may open the date.
            self.w.articles.has(self.tokens(), e + 1).unwrap_or(e + 1)
        } else {
            e
        };
        let dated = self.day_month(k, lead).or_else(|| {
            let (me, m) = self.month(k, true)?;
            self.after_month(me, m, None, lead)
                .filter(|(_, x)| x.is_day())
        });
        // "venerdì 16", "Sunday 30": a day number without its month.
        if dated.is_none()
            && let Some(d) = self.digits(k, 2).filter(|d| (1..=31).contains(d))
        {
            let mut after = k + 1;
            if self.w.ordinals.has(self.tokens(), after).is_some() && self.glued(after) {
                after = self.skip(&self.w.ordinals, after);
            }
            let counted = counted_noun(self.ctx, after).is_some() && !self.capitalized(after);
            let unit = self.w.plural_units.has(self.tokens(), after).is_some()
                || self.w.units.has(self.tokens(), after).is_some();
            let figure = self
                .tok(after)
                .is_some_and(|x| x.is_punct("%") || (x.is_punct("-") && self.glued(after)));
            // "-martes 17-": a dash closing an aside, not a span of days.
            let dash = self.tok(after).is_some_and(|x| x.is_punct("-"));
            let number_after = self
                .tok(after + 1)
                .is_some_and(|x| x.is_number() && self.glued(after + 1));
            let figure = figure && (!dash || number_after);
            // "Domenica, 23:30", "Sunday 23.30": a clock time, not the 23rd.
            let clock = number_after
                && self.glued(after)
                && self
                    .tok(after)
                    .is_some_and(|x| x.is_punct(":") || x.is_punct("."));
            // "Montag, 18 Uhr", "lundi, 18 heures": an hour.
            let hour = self.tok(after).is_some()
                && (self.w.meridiem.at(self.tokens(), after).is_some()
                    || self
                        .ctx
                        .lexicon
                        .lookup(&self.tokens()[after..])
                        .any(|(_, e)| matches!(e, crate::lang::Entry::Clock)));
            if !counted && !unit && !figure && !clock && !hour {
                let day = i8::try_from(d).ok()?;
                // "Sabato 13 e domenica 14 luglio": the month of the day
                // joined to it is this one's too.
                if let Some(m) = self.joined_month(after, lead) {
                    return Some((after, Expr::DayMonthOn(day, m, wd, lead.pick())));
                }
                return Some((after, Expr::DayOn(day, wd, lead.pick())));
            }
        }
        if let Some((e, expr)) = dated {
            // The weekday tells the year a day without one is in.
            let expr = match expr {
                Expr::DayMonth(d, m, YearRef::Pick(pick)) => Expr::DayMonthOn(d, m, wd, pick),
                x => x,
            };
            return Some((e, expr));
        }
        // "Sunday Times": a weekday opening a name is no date.
        let name_follows = self.capitalized(e) && self.tok(e).is_some_and(Token::is_word);
        if name_follows && !lead.prep {
            return None;
        }
        Some((e, Expr::Weekday(wd, lead.pick())))
    }

    /// After a day without its month, a conjunction, a weekday and a day
    /// with its month ("e domenica 14 luglio", "and Sunday July 14"): that
    /// month.
    fn joined_month(&self, after: usize, lead: Lead) -> Option<i8> {
        let t = self.tok(after)?;
        if !(t.is_word() && self.ctx.data.conjunctions.contains(&t.norm.as_str())) {
            return None;
        }
        let (k, _) = self.w.weekdays.at(self.tokens(), after + 1)?;
        let k = if self.tok(k).is_some_and(|x| x.is_punct(",")) {
            k + 1
        } else {
            k
        };
        match self.day_month(k, lead)?.1 {
            Expr::DayMonth(_, m, _) => Some(m),
            _ => None,
        }
    }

    /// The month name ending at `e` is abbreviated ("Jan.") or follows an
    /// article ("the August 15 deadline"): the date modifies a noun.
    fn modifies_noun(&self, e: usize) -> bool {
        let abbreviated = e > 0 && self.tok(e - 1).is_some_and(|x| x.is_punct("."));
        let month = if abbreviated {
            e.saturating_sub(2)
        } else {
            e.saturating_sub(1)
        };
        abbreviated || (month > 0 && self.w.articles.has(self.tokens(), month - 1) == Some(month))
    }

    /// What follows a month name ending at `e`: a day, a year, a relative
    /// year, or nothing. `day` is a day read before the month.
    fn after_month(&self, e: usize, m: i8, day: Option<i8>, lead: Lead) -> Option<(usize, Expr)> {
        let mut e = e;
        let mut day = day;
        if day.is_none() {
            // "August 15", "Aug. 15th, 2025".
            if let Some(d) = self.digits(e, 2).filter(|d| (1..=31).contains(d)) {
                let mut k = e + 1;
                if self.w.ordinals.has(self.tokens(), k).is_some() && self.glued(k) {
                    k = self.skip(&self.w.ordinals, k);
                }
                // "In August 15 people died": a count after the month; but
                // "the Jan. 1 quake", "the August 15 deadline": a day (an
                // abbreviated month or an article before it); "June 5
                // last year" a day of a year named after it.
                let counted = counted_noun(self.ctx, k).is_some()
                    && !self.capitalized(k)
                    && self.rel_year(k).is_none()
                    && !self.modifies_noun(e);
                if !counted && !self.tok(k).is_some_and(|x| x.is_punct("%")) {
                    day = i8::try_from(d).ok();
                    e = k;
                }
            }
        }
        let comma = if day.is_some() && self.tok(e).is_some_and(|x| x.is_punct(",")) {
            e + 1
        } else {
            e
        };
        let linked = self.skip_links(e);
        let (end, year) = if let Some(y) = self.year_at(comma) {
            (comma + 1, YearRef::Abs(y))
        } else if let Some(y) = self.year_at(linked).filter(|_| linked > e) {
            (linked + 1, YearRef::Abs(y))
        } else if let Some((k, n)) = self.rel_year(e) {
            (k, YearRef::Shift(n))
        } else if day.is_some() {
            (e, YearRef::Pick(self.day_pick(lead)))
        } else if lead.past_at.is_some() && !lead.future && !lead.moved {
            // "In January it fined the city", in a December article: a
            // verb that looks back keeps the month behind, however near
            // the coming one is.
            (e, YearRef::Pick(Pick::Past))
        } else {
            (e, YearRef::Pick(lead.pick()))
        };
        Some(match day {
            Some(d) => match year {
                YearRef::Abs(y) => (
                    end,
                    full_date(y.try_into().ok()?, m.try_into().ok()?, d.try_into().ok()?),
                ),
                y => (end, Expr::DayMonth(d, m, y)),
            },
            None => (end, Expr::Month(m, year)),
        })
    }

    /// "dell'anno scorso", "of last year", "last year", "di quest'anno":
    /// years from publication's.
    fn rel_year(&self, i: usize) -> Option<(usize, i64)> {
        let t = self.tokens();
        let k = self.skip_links(i);
        let year_unit = |at: usize| {
            matches!(self.w.units.at(t, at), Some((_, Grain::Year)))
                .then(|| self.skip(&self.w.units, at))
        };
        let shift = |p: Pick| match p {
            Pick::Last => -1,
            Pick::Next => 1,
            _ => 0,
        };
        if let Some((e, p)) = self.modifier(k)
            && let Some(e) = year_unit(e)
        {
            return Some((e, shift(p)));
        }
        // "il 26 luglio di due anni fa", "July 26 two years ago", "le 26
        // juillet il y a deux ans", "am 26. Juli vor zwei Jahren": whole
        // years back from publication, not a span from the day.
        let years_back = |expr: (usize, Expr)| match expr {
            (e, Expr::Shift(Grain::Year, n)) if n < 0 => Some((e, n)),
            _ => None,
        };
        if let Some(found) = self.ago(k).and_then(years_back) {
            return Some(found);
        }
        if let Some(e) = self.w.ago_before.has(t, k)
            && let Some(found) = self.counted_units(e, false).and_then(years_back)
        {
            return Some(found);
        }
        let e = year_unit(k)?;
        let (e2, p) = self.modifier(e)?;
        Some((e2, shift(p)))
    }

    fn after_season(&self, e: usize, s: Season, lead: Lead) -> Option<(usize, Expr)> {
        let linked = self.skip_links(e);
        if let Some(y) = self.year_at(e).or_else(|| self.year_at(linked)) {
            let end = if self.year_at(e).is_some() {
                e + 1
            } else {
                linked + 1
            };
            return Some((end, Expr::Season(s, YearRef::Abs(y))));
        }
        if let Some((k, n)) = self.rel_year(e) {
            return Some((k, Expr::Season(s, YearRef::Shift(n))));
        }
        lead.prep
            .then_some((e, Expr::Season(s, YearRef::Pick(lead.pick()))))
    }

    /// "due anni fa", "three days ago", "a year ago".
    fn ago(&self, i: usize) -> Option<(usize, Expr)> {
        self.counted_units(i, true)
    }

    /// A number of calendar units at `i`, back from publication: followed
    /// by an "ago" word when `ago_after`, else preceded by one.
    fn counted_units(&self, i: usize, ago_after: bool) -> Option<(usize, Expr)> {
        let t = self.tokens();
        // "mezz'ora", "half an hour": thirty minutes.
        let half = self.tok(i).is_some_and(|x| {
            matches!(
                self.ctx.vocab.number(x).as_deref(),
                Some([NumberWord::Half])
            )
        });
        if half {
            let k = self.w.one.has(t, i + 1).unwrap_or(i + 1);
            let (e, g) = self.w.units.at(t, k)?;
            if g != Grain::Hour {
                return None;
            }
            return self.counted_from(i, e, Grain::Minute, 30, ago_after);
        }
        let (n, k) = if let Some(n) = self.digits(i, 3) {
            (i64::from(n), i + 1)
        } else if let Some(e) = self.w.one.has(t, i) {
            (1, e)
        } else if self.tok(i).is_some_and(Token::is_word) {
            let (v, used) = parse_words(t.get(i..)?, self.ctx.vocab)?;
            // "vor dreieinhalb Jahren", "il y a un an et demi": years and
            // a half back, at year grain.
            let half_years = (v.fract() == 0.5 && (1.0..=100.0).contains(&v))
                .then(|| {
                    self.w
                        .plural_units
                        .at(t, i + used)
                        .or_else(|| self.w.units.at(t, i + used))
                })
                .flatten()
                .filter(|&(_, g)| g == Grain::Year && !ago_after);
            if let Some((e, _)) = half_years {
                return Some((e, Expr::HalfYearsAgo((v * 12.0) as i64)));
            }
            if v.fract() != 0.0 || !(1.0..=1000.0).contains(&v) {
                return None;
            }
            (v as i64, i + used)
        } else {
            return None;
        };
        let (e, g) = self
            .w
            .plural_units
            .at(t, k)
            .or_else(|| self.w.units.at(t, k))?;
        self.counted_from(i, e, g, n, ago_after)
    }

    /// [`Parser::counted_units`] once the figure `n` and its unit `g`
    /// (ending at `e`) are read: "fa"/"ago" after it, "later", or an offset
    /// preposition before it.
    fn counted_from(
        &self,
        i: usize,
        e: usize,
        g: Grain,
        n: i64,
        ago_after: bool,
    ) -> Option<(usize, Expr)> {
        let t = self.tokens();
        if !ago_after {
            return Some((e, Expr::Shift(g, -n)));
        }
        if let Some(end) = self.w.ago.has(t, e) {
            return Some((end, Expr::Shift(g, -n)));
        }
        // "three days later": from the date before it in the text; not
        // "tre giorni dopo il voto", counted from something else. Opening
        // its sentence it dates the clause ("Three days later the deal was
        // signed").
        // A later phrase of two words ("plus tard", "más tarde") names no
        // anchor after it: "l'a cédé cinq jours plus tard à Ben Healy".
        let opens = i == 0 || !self.ctx.same_sentence(i - 1, i);
        if let Some(end) = self.w.later.has(t, e)
            && matches!(g, Grain::Day | Grain::Week)
            && (opens || end - e >= 2 || !self.tok(end).is_some_and(Token::is_word))
        {
            let days = if g == Grain::Week { 7 * n } else { n };
            return Some((end, Expr::Later(days)));
        }
        // "tra tre mesi", "in two weeks": forward from publication, unless
        // a figure before it in the sentence makes it that figure's period
        // ("rose 20% in two years").
        // The preposition ends where the figure starts ("dentro de").
        let p = (i.saturating_sub(4)..i).find(|&q| self.w.offset_preps.has(t, q) == Some(i))?;
        let figure_before =
            (p.saturating_sub(8)..p).any(|q| t[q].is_number() && self.ctx.same_sentence(q, i));
        // "the first cut in four years", "the first Italian man to win a
        // Grand Slam singles title in 48 years": a span since, no date
        // ahead. The superlative is in the same stretch of the clause (no
        // comma or bracket between).
        let since = (p.saturating_sub(SINCE_REACH)..p)
            .rev()
            .take_while(|&q| {
                self.ctx.same_sentence(q, i)
                    && !matches!(t[q].norm.as_str(), "," | ";" | ":" | "(" | ")")
            })
            .any(|q| self.w.span_since.has(t, q).is_some());
        // "prices have nearly doubled in twelve months": in a sentence
        // that looks back it is a period, no date ahead.
        let looks_back = self.tense(p, true) == Some(false) && !self.looks_ahead_anywhere(p);
        if figure_before || since || looks_back {
            return None;
        }
        Some(match g {
            Grain::Day => (e, Expr::Days(n)),
            Grain::Week => (e, Expr::Days(7 * n)),
            _ => (e, Expr::Shift(g, n)),
        })
    }

    /// "15 agosto 2025", "il 12 febbraio", "15th of August", "1° maggio".
    /// [`Parser::day_month`] can find a day at `i` (an ordinal word, or
    /// one or two digits from 1 to 31), whatever the lead.
    fn may_start_day(&self, i: usize) -> bool {
        self.w.day_ordinals.at(self.tokens(), i).is_some()
            || self.digits(i, 2).is_some_and(|d| (1..=31).contains(&d))
    }

    pub(super) fn day_month(&self, i: usize, lead: Lead) -> Option<(usize, Expr)> {
        let t = self.tokens();
        // "il primo marzo", "the second of March": an ordinal word and a
        // month, never alone.
        if let Some((k, d)) = self.w.day_ordinals.at(t, i) {
            let k2 = self.skip_links(k);
            let (e, m) = self.month(k, true).or_else(|| self.month(k2, true))?;
            return self.after_month(e, m, Some(d), lead);
        }
        let d = self.digits(i, 2).filter(|d| (1..=31).contains(d))?;
        let mut k = i + 1;
        let ordinal = self.w.ordinals.has(t, k).is_some() && self.glued(k);
        if ordinal {
            k = self.skip(&self.w.ordinals, k);
        }
        let k2 = self.skip_links(k);
        let month = self
            .month(k, true)
            .or_else(|| self.month(k2, true).filter(|_| k2 > k));
        let Some((e, m)) = month else {
            // "on the 15th": a day of the month with its ordinal mark,
            // after a preposition or an article.
            let article = i > 0 && self.w.articles.has(t, i - 1) == Some(i);
            // "die 2. Bundesliga": where every noun has a capital, an
            // ordinal before one is a rank, not a day.
            let noun_next = self.ctx.data.nouns_capitalized
                && self.capitalized(k)
                && self.tok(k).is_some_and(Token::is_word);
            let alone = ordinal
                && (lead.prep || article)
                && !noun_next
                && counted_noun(self.ctx, k).is_none();
            return self.listed_day(k, d, lead).or_else(|| {
                alone.then(|| {
                    (
                        k,
                        Expr::DayOfMonth(i8::try_from(d).ok().unwrap_or(1), lead.pick()),
                    )
                })
            });
        };
        self.after_month(e, m, i8::try_from(d).ok(), lead)
    }

    /// The first day of a list or span that names its month once ("tra il
    /// 10 e il 12 luglio", "15-16 agosto", "March 3 and 4" is not one):
    /// the day ending at `k` takes the month and year of the next.
    fn listed_day(&self, k: usize, d: u32, lead: Lead) -> Option<(usize, Expr)> {
        let joined = self.w.day_joiners.has(self.tokens(), k)?;
        let next = self.skip(&self.w.articles, joined);
        let (_, second) = self.day_month(next, lead)?;
        let d = i8::try_from(d).ok()?;
        let expr = match second {
            Expr::Date(date) => full_date(
                u32::try_from(date.year()).ok()?,
                u32::try_from(date.month()).ok()?,
                u32::from(d.unsigned_abs()),
            ),
            Expr::DayMonth(_, m, y) => Expr::DayMonth(d, m, y),
            _ => return None,
        };
        Some((k, expr))
    }

    /// "Nov. 3-4", "March 10-11": a day after a date that ends with its
    /// day, joined by a hyphen without spaces, is the second day of the
    /// same month, not a count.
    /// With a year after the second day, the first takes it too
    /// ([`Parser::with_year_of`]).
    pub(crate) fn joined_day(&self, m: &DateMatch) -> Option<DateMatch> {
        let end = m.end;
        let d = self.digits(end.checked_sub(1)?, 2)?;
        let dash = self.tok(end)?;
        if !matches!(dash.norm.as_str(), "-" | "–") || !self.glued(end) || !self.glued(end + 1) {
            return None;
        }
        let d2 = self.digits(end + 1, 2).filter(|d2| *d2 > d && *d2 <= 31)?;
        // "3-4 novembre" names its month after: the next parse reads it.
        if self.month(end + 2, true).is_some() {
            return None;
        }
        let d2i = i8::try_from(d2).ok()?;
        // "March 10-11, 2024": the year after the second day dates both.
        let comma = usize::from(self.tok(end + 2).is_some_and(|t| t.is_punct(",")));
        let year = self.year_at(end + 2 + comma);
        let expr = match m.expr {
            Expr::DayMonth(day, month, _)
                if year.is_some() && u32::from(day.unsigned_abs()) == d =>
            {
                full_date(u32::try_from(year?).ok()?, u32::try_from(month).ok()?, d2)
            }
            Expr::DayMonth(day, month, year) if u32::from(day.unsigned_abs()) == d => {
                Expr::DayMonth(d2i, month, year)
            }
            Expr::Date(date) if u32::try_from(date.day()).ok() == Some(d) => full_date(
                u32::try_from(date.year()).ok()?,
                u32::try_from(date.month()).ok()?,
                d2,
            ),
            _ => return None,
        };
        Some(DateMatch {
            first: end + 1,
            end: if year.is_some() {
                end + 3 + comma
            } else {
                end + 2
            },
            expr,
            part: m.part,
            evening: false,
        })
    }

    /// The first day of a [`Parser::joined_day`] pair, dated with the
    /// year of the second when that one names it.
    pub(crate) fn with_year_of(first: Expr, second: Expr) -> Expr {
        match (first, second) {
            (Expr::DayMonth(d, m, _), Expr::Date(date)) if date.month() == m => {
                Date::new(date.year(), m, d).map_or(first, Expr::Date)
            }
            _ => first,
        }
    }

    /// "same month of 2023", "lo stesso mese dell'anno scorso".
    fn same_month(&self, i: usize) -> Option<(usize, Expr)> {
        let e = self.w.same_month.has(self.tokens(), i)?;
        let k = self.skip_links(e);
        if let Some(y) = self.year_at(k).filter(|_| k > e) {
            return Some((k + 1, Expr::SameMonth(YearRef::Abs(y))));
        }
        if let Some((k, n)) = self.rel_year(e) {
            return Some((k, Expr::SameMonth(YearRef::Shift(n))));
        }
        Some((e, Expr::SameMonth(YearRef::Pick(Pick::Recent))))
    }
}

fn with_pick(named: Named, pick: Pick) -> Expr {
    let shift = match pick {
        Pick::Last => -1,
        Pick::Next => 1,
        _ => 0,
    };
    match named {
        Named::Unit(g) => Expr::Shift(g, shift),
        Named::Weekday(wd) => Expr::Weekday(wd, pick),
        Named::Month(m) => Expr::Month(m, YearRef::Pick(pick)),
        Named::Season(s) => Expr::Season(s, YearRef::Pick(pick)),
        Named::Weekend => Expr::Weekend(pick),
    }
}

/// Tokens before "in N years" searched for a word that makes it a span
/// since ("the first rate cut in four years").
const SINCE_REACH: usize = 12;
