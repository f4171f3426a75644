//! Numbers that look like figures but are not: identifiers (phone numbers,
//! postal codes, ISBNs, article and version numbers), model names (`F-16`),
//! list numbering, ordinals (`21st`, `21°`) and clock times (`alle 21.30`,
//! `9:30`, `9 p.m.`). Precision first: a wrong figure in front of an editor
//! is worse than a missed one.

use crate::extract::Ctx;
use crate::extract::number::{parse_digits_with, parse_words};
use crate::lang::Entry;
use crate::lang::vocab::List;
use crate::text::token::Token;

/// True when the digits token at `j` is not a quantity. `single` says the
/// figure is that one token (no scale word after it).
pub(super) fn not_a_figure(ctx: &Ctx, j: usize, single: bool) -> bool {
    let tokens = ctx.tokens;
    let Some(token) = tokens.get(j) else {
        return true;
    };
    let prev = j.checked_sub(1).and_then(|p| tokens.get(p));
    let next = tokens.get(j + 1);
    // "uno su tre", "one in three", "1 su 3": a ratio.
    let ratio_word =
        |t: Option<&crate::text::token::Token>| t.is_some_and(|t| ctx.is(t, List::RatioWords));
    // "un bambino su tre": one noun may stand after the first side. Only
    // a share the ratio rule reads is one: "26 feet in 45 minutes", "a
    // disaster in 15 counties" are two figures, or one.
    let ratio_before = ratio_word(prev)
        && (2..=3).any(|back| {
            j.checked_sub(back)
                .and_then(|a| super::forms::ratio_share(ctx, a))
                .is_some_and(|(_, last)| last == j)
        });
    // "328 von 630 Sitzen": a strict ratio word ("von") makes no share of
    // what the ratio rule does not read as one.
    let strict = next.is_some_and(|t| ctx.data.ratio_words_strict.contains(&t.norm.as_str()));
    let ratio_after = ratio_word(next)
        && if strict {
            super::forms::ratio_share(ctx, j).is_some()
        } else {
            ratio(ctx, j, j + 2)
        };
    if ratio_before || ratio_after {
        return true;
    }
    if !token.is_number() {
        return false;
    }
    // "al 90'", "dal 34'": a minute of a match, marked by a prime.
    let prime = next.is_some_and(|t| !t.space_before && (t.is_punct("'") || t.is_punct("′")));
    let word_after = tokens
        .get(j + 2)
        .is_some_and(|t| !t.space_before && t.is_word());
    if prime && !word_after {
        return true;
    }
    // The rest of a number already turned down ("numero verde 800 840
    // 840"): a figure would have been read from its first group. A line
    // break ends a number ("Pratica 1200000" / "15 persone").
    if j >= 1 && !token.newline_before && prev.is_some_and(|p| p.is_number()) && ctx.free(j - 1..j)
    {
        return true;
    }
    if let Some(p) = prev {
        // "F-16", "COVID-19", "G7", "v2.3.1", "12/3"; not "l'80%".
        if !token.space_before {
            if p.is_word() && !p.norm.ends_with('\'') {
                return true;
            }
            let before = j.checked_sub(2).and_then(|q| tokens.get(q));
            let glued = before.filter(|_| !p.space_before);
            if p.is_punct("-") && glued.is_some_and(|b| b.is_word()) {
                return true;
            }
            if (p.is_punct(".") || p.is_punct("/"))
                && glued.is_some_and(|b| b.is_word() || b.is_number())
            {
                return true;
            }
        }
        // "+5%", "+84mila", "+1,2 milioni", "+3°C" are figures; "+39 06…"
        // is not.
        let percent_next = tokens.get(j + 1).is_some()
            && ctx.lexicon.lookup(&tokens[j + 1..]).any(|(_, e)| {
                matches!(
                    e,
                    Entry::Percent | Entry::Points(_) | Entry::Scale(_) | Entry::Unit(_)
                )
            });
        // "no 49,54%" (the referendum's no): a share is no identifier.
        let share_next = tokens.get(j + 1).is_some()
            && ctx
                .lexicon
                .lookup(&tokens[j + 1..])
                .any(|(_, e)| matches!(e, Entry::Percent));
        if id_marker(ctx, j)
            && (!share_next || p.is_punct("+"))
            && !(p.is_punct("+") && (percent_next || short_signed(ctx, j)))
        {
            return true;
        }
        // "alle 21", "dalle 9.30": an hour.
        // Not before a percent sign or a unit ("inferiore all'8%").
        if ctx.is(p, List::ClockBefore) && hour_like(&token.norm) && !percent_next {
            return true;
        }
    }
    // "2-1", "52-48": a score or a vote, not a range.
    if score(ctx, j) {
        return true;
    }
    // "12/3", "24/7": a date or a ratio.
    if next.is_some_and(|n| n.is_punct("/") && !n.space_before)
        && tokens
            .get(j + 2)
            .is_some_and(|t| t.is_number() && !t.space_before)
    {
        return true;
    }
    // List numbering: a number opening a line, followed by "." or ")";
    // inside a paragraph only "1." opens a list, or a number after an item
    // ("scende a circa" / "800." is prose wrapped before its figure).
    // A line ending in a number turned down goes on with it ("il numero
    // verde è 800 89 20" / "21.").
    let after_number = prev.is_some_and(|p| p.is_number()) && ctx.free(j - 1..j);
    let opens_line = j == 0
        || token.paragraph_before
        || (token.newline_before && (after_number || listing(ctx, j)));
    if opens_line
        && single
        && next.is_some_and(|n| (n.is_punct(".") || n.is_punct(")")) && !n.space_before)
    {
        return true;
    }
    // Long digit runs are identifiers or phone numbers, not figures; where
    // figures are grouped, so are five or six digits without a separator.
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if token.norm.len() >= 7 && digits(&token.norm) {
        return true;
    }
    let raw = &ctx.text[token.span];
    if ctx.data.ungrouped_are_codes && raw.len() >= 5 && digits(raw) {
        return true;
    }
    // Clock times "9:30" (both sides) and scores "3:1".
    let colon_joined = |a: usize, b: usize| {
        tokens
            .get(a)
            .is_some_and(|t| t.is_punct(":") && !t.space_before)
            && tokens
                .get(b)
                .is_some_and(|t| t.is_number() && !t.space_before)
    };
    if colon_joined(j + 1, j + 2) || (j >= 2 && colon_joined(j - 1, j) && tokens[j - 2].is_number())
    {
        return true;
    }
    // Chains of three or more numbers joined by "-", "/" or "." without
    // spaces: phone numbers, ISBNs, dates ("555-123-4567", "06/08/2024").
    if chain_len(ctx, j) >= 3 {
        return true;
    }
    // Digit groups separated by plain spaces where one has a leading zero
    // or four digits and more: a phone number ("06 1234 5678").
    if phone_groups(ctx, j) {
        return true;
    }
    // "i 35-49enni": the first end of a glued range of ages (or other
    // letters glued to its second end) is no figure either.
    if let (Some(dash), Some(second), Some(word)) = (next, tokens.get(j + 2), tokens.get(j + 3))
        && dash.is_punct("-")
        && !dash.space_before
        && second.is_number()
        && !second.space_before
        && word.is_word()
        && !word.space_before
        && ctx.lexicon.lookup(&tokens[j + 3..]).next().is_none()
    {
        return true;
    }
    // "die 2. Bundesliga", "zum 5. Mal": where a full stop marks ordinals,
    // one glued to a short number between an article or a preposition and
    // a word is an ordinal.
    if dotted_ordinal(ctx, j) {
        return true;
    }
    // "21st", "3D", "5G", "20enne": letters glued to the digits that are
    // not a scale, unit, currency or percent; "21°", "1ª": ordinals.
    if let Some(n) = next
        && !n.space_before
    {
        if n.is_word() && ctx.lexicon.lookup(&tokens[j + 1..]).next().is_none() {
            return true;
        }
        // "35°C", "35,2°C": a unit the lexicon reads, not an ordinal.
        let unit = ctx.lexicon.lookup(&tokens[j + 1..]).next().is_some();
        if matches!(n.norm.as_str(), "°" | "ª" | "º") && !unit {
            return true;
        }
    }
    false
}

/// The number at `j`, opening a line inside a paragraph, numbers a list:
/// it is 1, or the line before it opens with a number and a full stop or
/// a bracket (CommonMark's rule: only "1." interrupts a paragraph).
fn listing(ctx: &Ctx, j: usize) -> bool {
    if ctx.tokens[j].norm == "1" {
        return true;
    }
    let start = ctx.tokens[j].span.start;
    let before = ctx.text.get(..start).unwrap_or("");
    let before = before.trim_end_matches([' ', '\t']);
    let before = before.strip_suffix('\n').unwrap_or(before);
    let line = before.rsplit('\n').next().unwrap_or("").trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
}

/// Tokens `a` and `b` are the sides of a ratio: a smaller figure over a
/// base of at most a thousand ("1 su 3", "three in 10").
fn ratio(ctx: &Ctx, a: usize, b: usize) -> bool {
    let value = |k: usize| {
        let t = ctx.tokens.get(k)?;
        if t.is_number() {
            parse_digits_with(&t.norm, ctx.decimal).map(|d| d.value)
        } else {
            parse_words(ctx.tokens.get(k..=k)?, ctx.vocab)
                .filter(|&(_, n)| n == 1)
                .map(|(v, _)| v)
        }
    };
    matches!((value(a), value(b)), (Some(x), Some(y)) if x < y && y <= 1000.0)
}

/// The number at `j` is one side of `a-b` written without spaces with
/// `a >= b`: a score or a tally.
fn score(ctx: &Ctx, j: usize) -> bool {
    let tokens = ctx.tokens;
    let value = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.is_number())
            .and_then(|t| parse_digits_with(&t.norm, ctx.decimal))
            .map(|d| d.value)
    };
    let dash = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| matches!(t.norm.as_str(), "-" | "–") && !t.space_before)
    };
    let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
    let pair = |a: usize| {
        dash(a + 1)
            && glued(a + 2)
            && matches!((value(a), value(a + 2)), (Some(x), Some(y)) if x >= y)
    };
    pair(j) || (j >= 2 && pair(j - 2))
}

/// "+14 900 postes", "+23 800": a plus glued to a figure of at most seven
/// digits in its groups is a sign; a phone number has more ("+33 1 23 45
/// 67 89").
fn short_signed(ctx: &Ctx, j: usize) -> bool {
    let tokens = ctx.tokens;
    if tokens[j].space_before {
        return false;
    }
    let digits: usize = tokens[j..]
        .iter()
        .enumerate()
        .take_while(|(k, t)| t.is_number() && (*k == 0 || !t.paragraph_before))
        .map(|(_, t)| t.norm.bytes().filter(u8::is_ascii_digit).count())
        .sum();
    digits <= 7
}

/// A number right after an identifier marker ("n. 5", "tel 06…", "CAP
/// 20121", "ISBN 978…", "version 2").
fn id_marker(ctx: &Ctx, j: usize) -> bool {
    let tokens = ctx.tokens;
    let is_marker = |k: usize| tokens.get(k).is_some_and(|t| ctx.is(t, List::IdMarkers));
    let Some(p) = j.checked_sub(1) else {
        return false;
    };
    if is_marker(p) {
        return true;
    }
    // Two-word markers ("numero verde 800…", "toll-free number").
    if p >= 1
        && ctx
            .vocab
            .pair_is(&tokens[p - 1], &tokens[p], List::IdMarkers)
    {
        return true;
    }
    // "n. 5", "tel.: 06", "p. 12".
    let punct = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_punct(".") || t.is_punct(":"))
    };
    (punct(p) && p >= 1 && is_marker(p - 1))
        || (punct(p) && p >= 2 && punct(p - 1) && is_marker(p - 2))
}

/// An hour of the day: 0–24, optionally with minutes (`21.30`, `9,15`).
fn hour_like(raw: &str) -> bool {
    let mut parts = raw.split(['.', ',', ':']);
    let hour = parts.next().and_then(|h| h.parse::<u32>().ok());
    let minutes = parts.next();
    let ok_minutes = minutes.is_none_or(|m| m.len() == 2 && m.parse::<u32>().is_ok_and(|m| m < 60));
    hour.is_some_and(|h| h <= 24) && ok_minutes && parts.next().is_none()
}

/// How many number tokens are chained to the one at `j` by `-`, `/` or
/// `.` with no space on either side.
fn chain_len(ctx: &Ctx, j: usize) -> usize {
    let tokens = ctx.tokens;
    let joins = |sep: usize| {
        tokens.get(sep).is_some_and(|s| {
            (s.is_punct("-") || s.is_punct("/") || s.is_punct(".")) && !s.space_before
        }) && tokens
            .get(sep + 1)
            .is_some_and(|t| t.is_number() && !t.space_before)
    };
    let mut first = j;
    while first >= 2 && tokens[first - 2].is_number() && joins(first - 1) {
        first -= 2;
    }
    let mut last = j;
    while joins(last + 1) {
        last += 2;
    }
    (last - first) / 2 + 1
}

/// Space-separated digit groups forming a phone number: one group has a
/// leading zero or the groups are not thousands groups ("06 1234 5678",
/// "02 8765 4321", "333 123 4567").
fn phone_groups(ctx: &Ctx, j: usize) -> bool {
    let tokens = ctx.tokens;
    let plain = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_number() && t.norm.bytes().all(|b| b.is_ascii_digit()))
    };
    let spaced = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.space_before && !t.newline_before && !t.paragraph_before)
    };
    let mut first = j;
    while first >= 1 && plain(first - 1) && spaced(first) {
        first -= 1;
    }
    let mut last = j;
    while plain(last + 1) && spaced(last + 1) {
        last += 1;
    }
    if last == first {
        return false;
    }
    let groups = &tokens[first..=last];
    let zero = groups.first().is_some_and(|t| t.norm.starts_with('0'));
    let long = groups.iter().skip(1).any(|t| t.norm.len() != 3);
    let thousands = !long && groups.first().is_some_and(|t| t.norm.len() <= 3) && !zero;
    !thousands
}

/// A number right after a name-like word that is not the sentence's first
/// ("Boeing 737", "iOS 17", "Roma 1", "CAP 20121"): with no noun, unit or
/// currency after it, the number is part of the name.
pub(super) fn after_name(ctx: &Ctx, j: usize) -> bool {
    let tokens = ctx.tokens;
    let Some(p) = j.checked_sub(1) else {
        return false;
    };
    let prev = &tokens[p];
    if !prev.is_word() {
        return false;
    }
    let sentence_start = p == 0 || !ctx.same_sentence(p - 1, p);
    let written = &ctx.text[prev.span];
    // "iOS", "CAP", "iPhone": a capital after the first letter.
    let inner_capital = written.chars().skip(1).any(char::is_uppercase);
    let capital =
        !ctx.data.nouns_capitalized && written.chars().next().is_some_and(char::is_uppercase);
    inner_capital || (capital && !sentence_start && !title_case(ctx, j))
}

/// "die SPD 32, die AfD 30, das BSW 14 und die CDU 12", "el PP 137 y el
/// PSOE 121": a number after an article and a name, in a list of such
/// triples joined by commas or conjunctions, is a tally (seats, votes), not
/// the name's own number ("iOS 17", "das iPhone 16").
pub(super) fn name_tally(ctx: &Ctx, j: usize) -> bool {
    let tokens = ctx.tokens;
    let triple = |n: usize| {
        n >= 2
            && tokens.get(n).is_some_and(Token::is_number)
            && tokens[n - 1].is_word()
            && ctx.is(&tokens[n - 2], List::Articles)
            && ctx.same_sentence(n - 2, n)
    };
    let joins = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_punct(",") || ctx.is(t, List::Conjunctions))
            && ctx.same_sentence(k, j)
    };
    triple(j) && ((joins(j + 1) && triple(j + 4)) || (j >= 4 && joins(j - 3) && triple(j - 4)))
}

/// Words on each side of a figure read to tell a headline in title case.
const TITLE_CASE_REACH: usize = 3;

/// The figure at `j` stands among capitalized words only: a headline in
/// title case ("Death Toll Rises To 632 & 329 Injured"), where a capital
/// marks no name.
pub(super) fn title_case(ctx: &Ctx, j: usize) -> bool {
    let tokens = ctx.tokens;
    let words = |range: &mut dyn Iterator<Item = usize>| -> Vec<bool> {
        range
            .take_while(|&k| ctx.same_sentence(k, j))
            .filter(|&k| tokens[k].is_word() && tokens[k].span.len() > 1)
            .take(TITLE_CASE_REACH)
            .map(|k| tokens[k].is_capitalized(ctx.text))
            .collect()
    };
    let mut seen = words(&mut (0..j).rev());
    seen.extend(words(&mut (j + 1..tokens.len())));
    seen.len() > TITLE_CASE_REACH && seen.iter().all(|&c| c)
}

/// The word at `k` looks like a plural noun (`soldiers`, `soldati`,
/// `people`): what a figure counts, not part of a name.
pub(super) fn plural_after(ctx: &Ctx, k: usize) -> bool {
    let Some(t) = ctx.tokens.get(k) else {
        return false;
    };
    let w = t.norm.as_str();
    ctx.is(t, List::PluralNouns) || ctx.data.plural_endings.iter().any(|e| w.ends_with(e))
}

/// A five-digit number followed by a capitalized place name: a postal code
/// ("20121 Milano", "00187 Roma").
pub(super) fn postal_code(ctx: &Ctx, j: usize) -> bool {
    let tokens = ctx.tokens;
    let Some(t) = tokens.get(j) else {
        return false;
    };
    t.norm.len() == 5
        && t.norm.bytes().all(|b| b.is_ascii_digit())
        && tokens
            .get(j + 1)
            .is_some_and(|n| n.is_word() && ctx.name_capital(n))
}

/// "die 2. Bundesliga", "am 3. Spieltag", "zum 5. Mal": a number of at most
/// three digits with the language's ordinal full stop glued to it, after
/// an article or a date preposition, before a word ("Es waren 300. Die
/// Polizei…" keeps its figure).
fn dotted_ordinal(ctx: &Ctx, j: usize) -> bool {
    let tokens = ctx.tokens;
    let data = ctx.data;
    if !data.dates.ordinals.contains(&".") {
        return false;
    }
    let short = tokens[j].norm.len() <= 3 && tokens[j].norm.bytes().all(|b| b.is_ascii_digit());
    let dot = tokens
        .get(j + 1)
        .is_some_and(|t| t.is_punct(".") && !t.space_before);
    let word_after = tokens.get(j + 2).is_some_and(|t| t.is_word());
    let is_one = |t: &crate::text::token::Token, list: &[&str]| {
        list.iter()
            .any(|w| crate::text::token::folds_to(w, &t.norm))
    };
    let lead = j
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| t.is_word() && (is_one(t, data.articles) || is_one(t, data.dates.preps)));
    short && dot && word_after && lead
}
