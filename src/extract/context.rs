//! What surrounds a figure: the noun it counts and the currency a bare
//! amount inherits from its sentence.

use crate::claim::{Claim, Kind, Value};
use crate::lang::vocab::List;
use crate::text::span::Span;
use crate::units::Dimension;

use super::Ctx;
use crate::lang::{Lang, LangData, NounOrder};

/// The noun a figure ending before token `end` counts, and the token after
/// it: "600 soldati", "migliaia di uomini", "25 more launchers".
pub(crate) fn counted_noun(ctx: &Ctx, end: usize) -> Option<(String, usize)> {
    let tokens = ctx.tokens;
    let first = end.checked_sub(1)?;
    let mut k = end;
    let mut linked = false;
    while let Some(t) = tokens.get(k) {
        if ctx.is(t, List::NounSkips) {
            k += 1;
        } else if !linked && ctx.is(t, List::Links) {
            linked = true;
            k += 1;
            if tokens.get(k).is_some_and(|a| ctx.is(a, List::Articles)) {
                k += 1;
            }
        } else {
            break;
        }
    }
    if !content_word(ctx, first, k) {
        return None;
    }
    // The noun phrase: "North Korean soldiers", "soldati nordcoreani".
    let mut last = k;
    match ctx.data.noun_order {
        NounOrder::ModifiersFirst => {
            // Modifiers run up to a plural within two words ("North Korean
            // soldiers"); otherwise the first word is the noun ("people").
            let mut j = k;
            while j < k + 2 && !ends_phrase(ctx, j) && content_word(ctx, first, j + 1) {
                j += 1;
            }
            if ends_phrase(ctx, j) {
                last = j;
            }
        }
        NounOrder::NounFirst => {
            let noun = &tokens[k].norm;
            let agrees = |t: &str| t.chars().last() == noun.chars().last() && t.chars().count() > 3;
            if content_word(ctx, first, k + 1)
                && !ctx.name_capital(&tokens[k + 1])
                && agrees(&tokens[k + 1].norm)
            {
                last = k + 1;
            }
        }
    }
    // Where every noun is capitalized, the phrase ends at its capital
    // ("600 nordkoreanische Soldaten"), and without one counts nothing
    // ("2025 gibt es").
    if ctx.data.nouns_capitalized && !tokens[last].capital {
        last = (last + 1..=k + 2)
            .take_while(|&j| content_word(ctx, first, j))
            .find(|&j| tokens[j].capital)?;
    }
    let span = crate::text::span::Span::new(tokens[k].span.start, tokens[last].span.end);
    let phrase = ctx.text[span]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some((phrase, last + 1))
}

/// A word that can be (part of) a counted noun phrase.
fn content_word(ctx: &Ctx, first: usize, k: usize) -> bool {
    let Some(noun) = ctx.tokens.get(k) else {
        return false;
    };
    if !noun.is_word() || !ctx.same_sentence(first, k) || noun.paragraph_before {
        return false;
    }
    let word = noun.norm.as_str();
    !(ctx.is(noun, List::Stopwords)
        || ctx.is(noun, List::Links)
        || ctx.is(noun, List::Conjunctions)
        || ctx.vocab.is_number_word(noun)
        || word.chars().count() < 3
        // "superare i 5 milioni entro l'estate": a deadline's preposition.
        || ctx.data.dates.future_preps.contains(&word)
        || future_verb(ctx, k)
        || ctx.lexicon.lookup(&ctx.tokens[k..]).next().is_some())
}

/// A verb in the future ("120mila arriveranno"): no noun.
fn future_verb(ctx: &Ctx, k: usize) -> bool {
    crate::text::token::with_lowercase(&ctx.text[ctx.tokens[k].span], |raw| {
        let len = raw.chars().count();
        ctx.data
            .tense
            .future_endings
            .iter()
            .any(|e| raw.ends_with(e) && len >= e.chars().count() + 4)
    })
}

/// In a modifiers-first language, a lower-case plural closes the phrase
/// ("military builders"), as does a word that is the phrase's last.
fn ends_phrase(ctx: &Ctx, k: usize) -> bool {
    let token = &ctx.tokens[k];
    let word = token.norm.as_str();
    ctx.data.plural_endings.iter().any(|e| word.ends_with(e)) || ctx.is(token, List::PluralNouns)
}

/// "i morti sono 600", "the death toll rose to 600": a toll noun before the
/// figure in its clause, when no noun follows it.
pub(crate) fn toll_noun_before(ctx: &Ctx, i: usize) -> Option<String> {
    let tokens = ctx.tokens;
    let mut k = i;
    for _ in 0..8 {
        k = k.checked_sub(1)?;
        let t = tokens.get(k)?;
        if !ctx.same_sentence(k, i) || t.is_number() {
            return None;
        }
        if t.kind == crate::text::token::TokenKind::Punct
            && matches!(t.norm.as_str(), "," | ";" | ":" | "(" | ")" | "—" | "–")
        {
            return None;
        }
        if ctx.is(t, List::TollNouns) {
            // "the death toll": a modifier before the noun comes along.
            let modifier = k
                .checked_sub(1)
                .filter(|_| ctx.data.noun_order == NounOrder::ModifiersFirst)
                .filter(|&m| content_word(ctx, m, m) && ctx.same_sentence(m, k));
            let start = modifier.map_or(t.span.start, |m| tokens[m].span.start);
            return Some(ctx.text[Span::new(start, t.span.end)].to_string());
        }
    }
    None
}

/// "1,2 miliardi di euro … contro i 2,3 miliardi": a large bare amount
/// within a factor of ten of a money claim before it in the same sentence
/// is money in that currency. The text's claims, sorted, come in
/// `windows` (one list, or one list for each window of paragraphs of a
/// text read a window at a time: every pass goes over them as over one
/// list, so the result is the same).
pub(crate) fn carry_currency(
    windows: &mut [Vec<Claim>],
    sentences: &[Span],
    text: &str,
    data: &LangData,
) {
    // The first two stay within a sentence, so within a window.
    for claims in windows.iter_mut() {
        carry_currency_forward(claims, sentences, text, data);
        carry_currency_back(claims, sentences);
    }
    each_pair(windows, |first, second| {
        carry_to_first_end(first, second, text, data);
    });
    minor_in_article_currency(windows, text, data);
    unit_not_currency(windows, sentences, text, data);
    implied_currency(windows, sentences, text, data);
    label_unit(windows, text, data);
    // Before a duration carries over: "25 anni, festeggia il record del
    // mondo a 6,30" in an article of heights is a height.
    article_unit(windows, text);
    article_currency(windows, text);
    each_pair(windows, |prev, claim| {
        carry_unit(prev, claim, text, sentences)
    });
    paragraph_unit(windows, text);
}

/// "Karalis con 6,00, bronzo a Marschall (5,95)" in an article whose
/// measures are all in metres ("6 metri e 30"): a bare figure written
/// with one or two decimals (a count of things has none), counting no
/// noun, within a quarter of one of those measures, is a measure in
/// their unit. Durations do not count (a "25-year-old" is no height), nor
/// does a figure after a fact box's label ("Punti Europa: 16,5").
fn article_unit(windows: &mut [Vec<Claim>], text: &str) {
    let Some((unit, sizes)) = one_kind(windows, |c| {
        let unit = c
            .quantity()?
            .unit
            .filter(|u| u.dimension() != Dimension::Duration);
        unit.filter(|_| c.kind == Kind::Measure)
    }) else {
        return;
    };
    for claim in windows.iter_mut().flatten() {
        if claim.kind != Kind::Count || claim.counted.is_some() || claim.relative {
            continue;
        }
        if !written_with_decimals(&text[claim.span]) {
            continue;
        }
        let Value::Quantity(q) = &mut claim.value else {
            continue;
        };
        let Some(v) = q.value.filter(|&v| v > 0.0) else {
            continue;
        };
        if q.unit.is_none()
            && q.currency.is_none()
            && !after_label(text, claim.span.start)
            && within_a_quarter(&sizes, v)
        {
            q.unit = Some(unit);
            claim.kind = Kind::Measure;
        }
    }
}

/// "- Hectáreas quemadas: más de 8.000", "Giorni di sforamento a
/// Frosinone: 70": a fact box's label that opens with a unit gives it to
/// the bare figure right after its colon.
fn label_unit(windows: &mut [Vec<Claim>], text: &str, data: &LangData) {
    for claim in windows.iter_mut().flatten() {
        if claim.kind != Kind::Count || claim.counted.is_some() {
            continue;
        }
        // A label opens a short line: the search goes back a line's width
        // at most, so that a text of one line costs no more a claim.
        let before = tail(text, claim.span.start, MAX_LABEL_BYTES);
        let line = match before.rfind('\n') {
            Some(n) => &before[n + 1..],
            None if claim.span.start <= MAX_LABEL_BYTES => before,
            None => continue,
        };
        let Some(label) = line.trim_end().strip_suffix(':') else {
            continue;
        };
        let label = label.trim_start_matches(|c: char| c.is_whitespace() || "-*•–—".contains(c));
        // A label is a few words, the first a whole word ("L'Egitto conta
        // … vittime: 658" is a sentence, and its "L'" no litre).
        let words: Vec<&str> = label.split_whitespace().collect();
        let Some(&first) = words.first() else {
            continue;
        };
        if words.len() > MAX_LABEL_WORDS || !first.chars().all(char::is_alphabetic) {
            continue;
        }
        let unit = crate::text::token::with_fold(first, |word| {
            data.units
                .iter()
                .find(|(w, _)| crate::text::token::folds_to(w, word))
                .map(|r| r.1)
        });
        if let (Some(unit), Value::Quantity(q)) = (unit, &mut claim.value)
            && q.unit.is_none()
            && q.currency.is_none()
        {
            q.unit = Some(unit);
            claim.kind = Kind::Measure;
        }
    }
}

/// The most words a fact box's label has ("Giorni di sforamento a
/// Frosinone").
const MAX_LABEL_WORDS: usize = 6;

/// Bytes a fact box's line may have before its figure.
const MAX_LABEL_BYTES: usize = 120;

/// The claim stands inside brackets that open after the last word before
/// it ("($45 billion)", "(unos 38.900 millones de euros)").
fn in_brackets(text: &str, span: Span) -> bool {
    // The few bytes before the claim: a bracket further back is no
    // conversion's, and the search stays bounded on a text of one line.
    let before = tail(text, span.start, BRACKET_REACH);
    before
        .rfind('(')
        .is_some_and(|o| !before[o..].contains([')', '.', ';']))
}

/// Bytes before a claim its opening bracket may stand ("(unos ").
const BRACKET_REACH: usize = 12;

/// At most `reach` bytes of `text` before `end` (fewer, to start on a
/// character).
fn tail(text: &str, end: usize, reach: usize) -> &str {
    let mut start = end.saturating_sub(reach);
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..end).unwrap_or("")
}

/// The figure at `at` follows a label and its colon ("Punti Europa: ").
fn after_label(text: &str, at: usize) -> bool {
    tail(text, at, 16)
        .trim_end_matches([' ', '\u{a0}'])
        .ends_with(':')
}

/// "A Bolzano l'espresso arriva a 1,43 euro, … seguito da Trento e
/// Pescara con 1,37": a bare figure written with two decimals (cents),
/// counting no noun, in an article whose amounts of money are all in one
/// currency, within a quarter of one of them, is money in it.
fn article_currency(windows: &mut [Vec<Claim>], text: &str) {
    let Some((currency, sizes)) = one_kind(windows, |c| {
        c.quantity()?.currency.filter(|_| c.kind == Kind::Money)
    }) else {
        return;
    };
    for claim in windows.iter_mut().flatten() {
        if claim.kind != Kind::Count || claim.counted.is_some() || claim.relative {
            continue;
        }
        let written = &text[claim.span];
        let cents = written_with_decimals(written)
            && written
                .rsplit(['.', ','])
                .next()
                .is_some_and(|d| d.trim_end_matches(|c: char| !c.is_ascii_digit()).len() == 2);
        if !cents || after_label(text, claim.span.start) {
            continue;
        }
        let Value::Quantity(q) = &mut claim.value else {
            continue;
        };
        let Some(v) = q.value.filter(|&v| v > 0.0) else {
            continue;
        };
        if q.unit.is_none() && within_a_quarter(&sizes, v) {
            q.currency = Some(currency);
            claim.kind = Kind::Money;
        }
    }
}

/// The one key (a unit, a currency) `key` gives the article's claims,
/// and their positive figures, sorted; nothing when no claim has one or
/// two claims have different ones.
fn one_kind<K: PartialEq + Copy>(
    windows: &[Vec<Claim>],
    key: impl Fn(&Claim) -> Option<K>,
) -> Option<(K, Vec<f64>)> {
    let mut found = None;
    let mut sizes = Vec::new();
    for claim in windows.iter().flatten() {
        let Some(k) = key(claim) else {
            continue;
        };
        if found.is_some_and(|f| f != k) {
            return None;
        }
        found = Some(k);
        let q = claim.quantity()?;
        if let Some(v) = q.value.or(q.interval.low).filter(|&v| v > 0.0) {
            sizes.push(v);
        }
    }
    sizes.sort_by(f64::total_cmp);
    found.map(|k| (k, sizes))
}

/// Some figure of `sorted` is within a quarter of `v` (the larger at
/// most 1.25 times the smaller), found by binary search.
fn within_a_quarter(sorted: &[f64], v: f64) -> bool {
    let from = sorted.partition_point(|&s| s * 1.25 < v);
    sorted.get(from).is_some_and(|&s| s <= v * 1.25)
}

/// The claim's one figure has a decimal mark and one or two digits after
/// it ("6,30", "5.95"; "4.000" groups thousands).
fn written_with_decimals(written: &str) -> bool {
    let digits: Vec<&str> = written
        .split(|c: char| !c.is_ascii_digit() && c != '.' && c != ',')
        .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
        .collect();
    let [figure] = digits.as_slice() else {
        return false;
    };
    let figure = figure.trim_end_matches(['.', ',']);
    let mut parts = figure.split(['.', ',']);
    let (Some(whole), Some(fraction), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    (1..=3).contains(&whole.len()) && (1..=2).contains(&fraction.len())
}

/// "intorno a 41 milioni di ettolitri, il 7% in più rispetto ai 38,3
/// milioni": a bare figure of a million or more, with no counted noun,
/// whose paragraph's last amount before it (shares, dates and times
/// skipped) is a measure of the same order in a unit of no duration, is
/// a measure in that unit.
fn paragraph_unit(windows: &mut [Vec<Claim>], text: &str) {
    let starts = paragraph_starts(text);
    let paragraph = |at: usize| starts.partition_point(|&s| s <= at);
    // The last amount: its paragraph, and its unit and size if a measure.
    let mut last: Option<(usize, Option<(crate::units::Unit, f64)>)> = None;
    for claim in windows.iter_mut().flatten() {
        if !matches!(claim.kind, Kind::Count | Kind::Measure | Kind::Money) {
            continue;
        }
        let here = paragraph(claim.span.start);
        let size = claim.quantity().and_then(|q| q.value.or(q.interval.high));
        if claim.kind == Kind::Count
            && claim.counted.is_none()
            && let Some((at, Some((unit, before)))) = last
            && at == here
            && let Some(v) = size.filter(|&v| v >= 1e6)
            && v.max(before) <= 10.0 * v.min(before)
            && let Value::Quantity(q) = &mut claim.value
        {
            claim.kind = Kind::Measure;
            q.unit = Some(unit);
        }
        let measure = claim
            .quantity()
            .and_then(|q| q.unit)
            .filter(|u| claim.kind == Kind::Measure && u.dimension() != Dimension::Duration)
            .zip(size);
        last = Some((here, measure));
    }
}

/// Where the text's paragraphs start (after each blank line).
fn paragraph_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr::memmem::find_iter(text.as_bytes(), b"\n\n").map(|i| i + 2))
        .collect()
}

/// Calls `f` on each two claims in a row of `windows` (read as one list),
/// in order.
fn each_pair(windows: &mut [Vec<Claim>], mut f: impl FnMut(&mut Claim, &mut Claim)) {
    // Where the claim before the next one is: (window, index).
    let mut prev: Option<(usize, usize)> = None;
    for w in 0..windows.len() {
        for i in 0..windows[w].len() {
            match prev {
                Some((pw, pi)) if pw == w => {
                    let (before, rest) = windows[w].split_at_mut(i);
                    f(&mut before[pi], &mut rest[0]);
                }
                Some((pw, pi)) => {
                    let (before, rest) = windows.split_at_mut(w);
                    f(&mut before[pw][pi], &mut rest[0][i]);
                }
                None => {}
            }
            prev = Some((w, i));
        }
    }
}

/// "La quota passa da 70 a 80 euro", "porta il congedo da quattro a sei
/// settimane": the first figure of a change, joined to the second by a
/// change joiner alone, has the second's unit or currency.
fn carry_to_first_end(first: &mut Claim, second: &Claim, text: &str, data: &LangData) {
    // The claims' kinds first: the gap is folded only between a bare
    // count and a figure with a unit.
    let takes = matches!(second.kind, Kind::Money | Kind::Measure | Kind::Percent);
    if first.kind != Kind::Count || first.counted.is_some() || !takes {
        return;
    }
    let gap = text.get(first.span.end..second.span.start).unwrap_or(",");
    // Both sides folded: "à" is "a" once folded.
    let gap = crate::text::token::fold(gap.trim());
    let joined = data
        .change_joiners
        .iter()
        .any(|j| crate::text::token::folds_to(j, &gap));
    if !joined {
        return;
    }
    // "passe de 22,76 à 25,16 centimes": the coin's worth too.
    let minor = minor_coin(second, text, data).map_or(1.0, |m| m.2);
    let (Value::Quantity(a), Value::Quantity(b)) = (&mut first.value, &second.value) else {
        return;
    };
    first.kind = second.kind;
    a.unit = b.unit;
    a.currency = b.currency;
    if minor != 1.0 {
        let worth = |v: f64| super::scaled_exactly(v, minor);
        a.value = a.value.map(worth);
        a.interval.low = a.interval.low.map(worth);
        a.interval.high = a.interval.high.map(worth);
    }
}

/// The coin a claim's last word names ("25,16 centimes", "8 cents"): its
/// row of `minor_currencies`.
fn minor_coin<'a>(
    claim: &Claim,
    text: &str,
    data: &'a LangData,
) -> Option<&'a (&'static str, crate::units::Currency, f64)> {
    let last = text
        .get(claim.span.range())?
        .split(|ch: char| !ch.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .map(crate::text::token::fold)?;
    data.minor_currencies.iter().find(|m| m.0 == last)
}

/// "67 centesimi" in an article whose amounts are all in dollars is 0.67
/// dollars, and "8 cents" in one all in euros 0.08 euros: a minor unit's
/// word names no currency of its own (the table's is its default).
fn minor_in_article_currency(windows: &mut [Vec<Claim>], text: &str, data: &LangData) {
    let minor = |c: &Claim| minor_coin(c, text, data).is_some();
    let mut major = windows
        .iter()
        .flatten()
        .filter(|c| c.kind == Kind::Money && !minor(c))
        .filter_map(|c| c.quantity().and_then(|q| q.currency));
    let Some(currency) = major.next() else {
        return;
    };
    if major.any(|c| c != currency) {
        return;
    }
    for claim in windows.iter_mut().flatten() {
        if claim.kind == Kind::Money
            && minor(claim)
            && let Value::Quantity(q) = &mut claim.value
        {
            q.currency = Some(currency);
        }
    }
}

/// "The spacecraft weighs 1,344 pounds" in an article whose amounts of
/// money are all in dollars: a word that names both a currency and a unit
/// (`pounds`: a currency row and a unit row) is the unit when the
/// article's other amounts are all in another currency, none of them in
/// its sentence ("300 pounds, or $380" is a conversion, and once the
/// article has converted the word it is its currency everywhere).
fn unit_not_currency(windows: &mut [Vec<Claim>], sentences: &[Span], text: &str, data: &LangData) {
    let last_word = |c: &Claim| {
        text.get(c.span.range()).and_then(|t| {
            t.split(|ch: char| !ch.is_alphanumeric())
                .rfind(|w| !w.is_empty())
        })
    };
    let unit_of = |c: &Claim| {
        // Only money is folded and looked up.
        if c.kind != Kind::Money {
            return None;
        }
        crate::text::token::with_fold(last_word(c)?, |word| {
            let currency = data.currencies.iter().any(|(w, _)| *w == word);
            let unit = data.units.iter().find(|(w, _)| *w == word).map(|r| r.1);
            unit.filter(|_| currency && c.kind == Kind::Money)
        })
    };
    let mut others = windows
        .iter()
        .flatten()
        .filter(|c| c.kind == Kind::Money && unit_of(c).is_none())
        .filter_map(|c| c.quantity().and_then(|q| q.currency));
    let Some(currency) = others.next() else {
        return;
    };
    if others.any(|c| c != currency) {
        return;
    }
    let money_sentences: std::collections::HashSet<Option<usize>> = windows
        .iter()
        .flatten()
        .filter(|c| c.kind == Kind::Money && unit_of(c).is_none())
        .map(|c| super::sentence_index(sentences, c.span))
        .collect();
    // "2.7 million pounds ($3.5 million)": a conversion makes the word
    // the article's currency, for its other uses too.
    let converted = windows.iter().flatten().any(|c| {
        unit_of(c).is_some() && money_sentences.contains(&super::sentence_index(sentences, c.span))
    });
    if converted {
        return;
    }
    for claim in windows.iter_mut().flatten() {
        let Some(unit) = unit_of(claim) else {
            continue;
        };
        if money_sentences.contains(&super::sentence_index(sentences, claim.span)) {
            continue;
        }
        if let Value::Quantity(q) = &mut claim.value
            && q.currency != Some(currency)
        {
            claim.kind = Kind::Measure;
            q.currency = None;
            q.unit = Some(unit);
        }
    }
}

/// "Il decreto vale 300 milioni": a bare figure of at least ten thousand,
/// with no counted noun and a money word among the six words before it in
/// its sentence, is money when every amount of money in the article is in
/// one currency. A bare figure of a million or more needs no such word
/// when its paragraph has amounts of money, all in one currency, and its
/// sentence talks money too, with a money word before it or an amount
/// ("i ricavi … saranno di 32,5 miliardi" after "30,0 miliardi di
/// dollari"): a paragraph about money names its currency once. ("Gli
/// iscritti sono un milione e 100 mila" stays a count.) When the article's
/// amounts are in several currencies, those of a million and more decide
/// for bare figures of a million and more ("65 dollari al barile" beside
/// "65 miliardi di euro"); billions that count nothing, or that count a
/// money word ("100 miliardi di capitalizzazione"), are money in the
/// currency so decided; with no amount of money at all, a money word
/// before a figure makes it money in the table's currency ("Il
/// sottopasso, costato circa 85 milioni").
fn implied_currency(windows: &mut [Vec<Claim>], sentences: &[Span], text: &str, data: &LangData) {
    paragraph_currency(windows, sentences, text, data);
    let amount = |c: &Claim| c.quantity().and_then(|q| q.value.or(q.interval.high));
    let one_currency = |floor: f64| {
        let mut currencies = windows
            .iter()
            .flatten()
            .filter(|c| c.kind == Kind::Money && amount(c).is_some_and(|v| v >= floor))
            .filter_map(|c| c.quantity().and_then(|q| q.currency));
        let first = currencies.next()?;
        Some(currencies.all(|c| c == first).then_some(first))
    };
    // Every amount in one currency; else every amount of a million and
    // more ("65 dollari al barile" beside "65 miliardi di euro"), which
    // then speaks for bare figures of a million and more only.
    let (currency, floor) = match one_currency(0.0) {
        Some(Some(c)) => (Some(c), 10_000.0),
        Some(None) => (one_currency(1e6).flatten(), 1e6),
        // No money at all: the table's own currency (its coins') for a
        // figure a money word governs ("costato circa 85 milioni").
        None => (data.minor_currencies.first().map(|m| m.1), f64::INFINITY),
    };
    let Some(currency) = currency else {
        return;
    };
    let any_money = floor.is_finite();
    // "2.2 billion active devices worldwide, up from 2 billion": a
    // sentence that counts something of the same order speaks of it in
    // bare figures too ("in tre sedute bruciati oltre 100 miliardi" does
    // not).
    let mut counting: std::collections::HashMap<usize, Vec<f64>> = Default::default();
    for c in windows.iter().flatten().filter(|c| {
        c.kind == Kind::Count && c.counted.as_deref().is_some_and(|n| !money_word(n, data))
    }) {
        if let (Some(s), Some(v)) = (super::sentence_index(sentences, c.span), amount(c)) {
            counting.entry(s).or_default().push(v);
        }
    }
    let counted_like = |sentence: Option<usize>, v: f64| {
        sentence
            .and_then(|s| counting.get(&s))
            .is_some_and(|ns| ns.iter().any(|n| (v / 1000.0..=v * 1000.0).contains(n)))
    };
    for claim in windows.iter_mut().flatten() {
        let Some(v) = amount(claim) else {
            continue;
        };
        if claim.kind != Kind::Count || v < floor.min(10_000.0) {
            continue;
        }
        // "100 miliardi di capitalizzazione", "23 miliardi di
        // importazioni": a money word counted is money.
        let money_noun = claim
            .counted
            .as_deref()
            .is_some_and(|n| money_word(n, data));
        if claim.counted.is_some() && !(money_noun && v >= 1e6 && any_money) {
            continue;
        }
        let cued = || money_word_before(claim, sentences, text, data, 6);
        // Billions that count nothing, in an article whose large amounts
        // are in one currency: money ("13,5 miliardi e cantieri").
        let billions = || {
            any_money && v >= 1e9 && !counted_like(super::sentence_index(sentences, claim.span), v)
        };
        let takes = if any_money {
            v >= floor && (money_noun || billions() || cued())
        } else {
            cued()
        };
        if takes && let Value::Quantity(q) = &mut claim.value {
            claim.kind = Kind::Money;
            claim.counted = None;
            q.currency = Some(currency);
        }
    }
}

/// Whether the first word of `noun` is a money word (`LangData::money_cues`).
fn money_word(noun: &str, data: &LangData) -> bool {
    noun.split_whitespace().next().is_some_and(|w| {
        if w.is_ascii() {
            // Lowered, an ASCII word is folded.
            crate::text::token::with_fold(w, |w| is_money_cue(w, data))
        } else {
            is_money_cue(&crate::text::token::fold(&w.to_lowercase()), data)
        }
    })
}

/// Whether a money word (`LangData::money_cues`) is among the `words`
/// words before `claim` in its sentence.
fn money_word_before(
    claim: &Claim,
    sentences: &[Span],
    text: &str,
    data: &LangData,
    words: usize,
) -> bool {
    let Some(start) = super::sentence_index(sentences, claim.span)
        .and_then(|s| sentences.get(s))
        .map(|s| s.start)
    else {
        return false;
    };
    let before = text.get(start..claim.span.start).unwrap_or("");
    before
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .rev()
        .take(words)
        // Both sides folded: "bénéfice", "facturación" have accents.
        .any(|w| crate::text::token::with_fold(w, |w| is_money_cue(w, data)))
}

/// Whether the folded word `folded` is one of the language's money cues
/// folded: a set lookup (the cues are folded once per process) instead of
/// folding each cue at every bare figure.
fn is_money_cue(folded: &str, data: &LangData) -> bool {
    use rustc_hash::FxHashSet as HashSet;
    use std::sync::OnceLock;
    static CUES: [OnceLock<HashSet<String>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    match Lang::ALL.iter().position(|l| std::ptr::eq(l.data(), data)) {
        Some(i) => CUES[i]
            .get_or_init(|| {
                data.money_cues
                    .iter()
                    .map(|c| crate::text::token::fold(c))
                    .collect()
            })
            .contains(folded),
        // A row of no language (tests): cue by cue.
        None => data
            .money_cues
            .iter()
            .any(|c| crate::text::token::folds_to(c, folded)),
    }
}

/// The paragraph rule of [`implied_currency`]: bare figures of a million
/// or more, with no counted noun, in a paragraph whose amounts of money
/// are all in one currency, are money in it when their sentence has an
/// amount of money or a money word before them.
fn paragraph_currency(windows: &mut [Vec<Claim>], sentences: &[Span], text: &str, data: &LangData) {
    use std::collections::{HashMap, HashSet};
    // Where paragraphs start: one pass over the text, then a search each.
    let starts = paragraph_starts(text);
    let paragraph = |at: usize| starts.partition_point(|&s| s <= at);
    let mut money: HashMap<usize, Option<crate::units::Currency>> = HashMap::new();
    let mut money_sentences: HashSet<usize> = HashSet::new();
    for claim in windows.iter().flatten().filter(|c| c.kind == Kind::Money) {
        let currency = claim.quantity().and_then(|q| q.currency);
        money
            .entry(paragraph(claim.span.start))
            .and_modify(|c| {
                if *c != currency {
                    *c = None;
                }
            })
            .or_insert(currency);
        if let Some(s) = super::sentence_index(sentences, claim.span) {
            money_sentences.insert(s);
        }
    }
    if money.is_empty() {
        return;
    }
    for claim in windows.iter_mut().flatten() {
        if claim.kind != Kind::Count || claim.counted.is_some() {
            continue;
        }
        let Some(&Some(currency)) = money.get(&paragraph(claim.span.start)) else {
            continue;
        };
        let large = claim
            .quantity()
            .and_then(|q| q.value.or(q.interval.high))
            .is_some_and(|v| v >= 1e6);
        if !large {
            continue;
        }
        let talks_money = super::sentence_index(sentences, claim.span)
            .is_some_and(|s| money_sentences.contains(&s))
            || money_word_before(claim, sentences, text, data, usize::MAX);
        if talks_money && let Value::Quantity(q) = &mut claim.value {
            claim.kind = Kind::Money;
            q.currency = Some(currency);
        }
    }
}

/// A large bare amount with no counted noun before a money claim of its
/// sentence ("un piano che vale circa 45 milioni, a cui si aggiungono 12
/// milioni di euro") is money in that currency.
fn carry_currency_back(claims: &mut [Claim], sentences: &[Span]) {
    let mut next_money: Option<(usize, crate::units::Currency, f64)> = None;
    for claim in claims.iter_mut().rev() {
        let sentence = super::sentence_index(sentences, claim.span);
        let Value::Quantity(q) = &mut claim.value else {
            continue;
        };
        match claim.kind {
            Kind::Money => {
                if let (Some(s), Some(c), Some(v)) =
                    (sentence, q.currency, q.value.or(q.interval.high))
                {
                    next_money = Some((s, c, v));
                }
            }
            Kind::Count if claim.counted.is_none() => {
                let Some(v) = q.value.or(q.interval.high) else {
                    continue;
                };
                if let Some((s, c, money)) = next_money {
                    let near = v >= 1e6 && (money / 10.0..=money * 10.0).contains(&v);
                    if near && Some(s) == sentence {
                        claim.kind = Kind::Money;
                        q.currency = Some(c);
                    }
                }
            }
            _ => {}
        }
    }
}

/// "lunga trecento metri e larga novanta": a bare figure two words after a
/// measure (a conjunction and an adjective, no punctuation), with no noun
/// of its own, takes its unit. So does one further on in the measure's
/// sentence, up to a dozen words, when the two are of one order and the
/// unit is no duration: "entre dos y cinco grados, donde más, casi cinco",
/// "22 à 25 degrés …, avec une maximale de 32" ("after two hours of
/// debate, 40" stays a count, "81,4 anni … e 85,5" is a duration).
fn carry_unit(prev: &Claim, claim: &mut Claim, text: &str, sentences: &[Span]) {
    let Some(unit) = prev.quantity().and_then(|q| q.unit) else {
        return;
    };
    if prev.kind != Kind::Measure || claim.kind != Kind::Count || claim.counted.is_some() {
        return;
    }
    let gap = text.get(prev.span.end..claim.span.start).unwrap_or(",");
    let words = gap.split_whitespace().count();
    let near = words == 2 && !gap.contains(|c: char| c.is_ascii_punctuation() && c != '\'');
    let Value::Quantity(q) = &mut claim.value else {
        return;
    };
    let same_order = || {
        let value = |q: &crate::claim::Quantity| q.value.or(q.interval.high);
        match (prev.quantity().and_then(value), value(q)) {
            (Some(a), Some(b)) => a > 0.0 && b > 0.0 && a.max(b) <= 10.0 * a.min(b),
            _ => false,
        }
    };
    // "81,4 anni per gli uomini e 85,5 per le donne": a decimal counts
    // nothing, so a duration carries to it too.
    let decimal = q.value.is_some_and(|v| v.fract() != 0.0);
    let further = words <= 12
        && (unit.dimension() != Dimension::Duration || decimal)
        && super::sentence_index(sentences, prev.span).is_some()
        && super::sentence_index(sentences, prev.span)
            == super::sentence_index(sentences, claim.span)
        && same_order();
    if near || further {
        claim.kind = Kind::Measure;
        q.unit = Some(unit);
    }
}

/// "biglietti a 60 euro, contro i 100-150 abituali": a figure right after
/// a baseline word ("contro", "compared with") compares with the amount
/// of money before it, so it is money too, whatever its size.
fn after_baseline(text: &str, money_end: usize, claim: &Claim, data: &LangData) -> bool {
    // A few words at most: a long gap is never read.
    let Some(gap) = text
        .get(money_end..claim.span.start)
        .filter(|g| g.len() <= 120)
    else {
        return false;
    };
    let gap = crate::text::token::fold(gap);
    let words: Vec<&str> = gap
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    // The baseline word ends the gap, an article at most after it.
    let tail = |n: usize| words[words.len().saturating_sub(n)..].join(" ");
    let article = words
        .last()
        .is_some_and(|w| data.articles.iter().any(|a| a.trim_end_matches('\'') == *w));
    let cut = |n: usize| {
        let t = tail(n + usize::from(article));
        let t = if article {
            t.rsplit_once(' ').map_or("", |(head, _)| head).to_string()
        } else {
            t
        };
        data.baselines
            .iter()
            .any(|b| crate::text::token::fold(b) == t)
    };
    words.len() <= 8 && (cut(1) || cut(2))
}

fn carry_currency_forward(claims: &mut [Claim], sentences: &[Span], text: &str, data: &LangData) {
    let mut last_money: Option<(usize, crate::units::Currency, f64)> = None;
    let mut money_end = 0;
    for claim in claims.iter_mut() {
        let sentence = super::sentence_index(sentences, claim.span);
        let Value::Quantity(q) = &mut claim.value else {
            continue;
        };
        match claim.kind {
            // "290.400 millones de coronas danesas (unos 38.900 millones de
            // euros), … alcanzó 128.300 millones": a conversion in brackets
            // is an aside; the amounts after it are in the sentence's own
            // currency.
            Kind::Money if in_brackets(text, claim.span) => {}
            Kind::Money => {
                if let (Some(s), Some(c), Some(v)) =
                    (sentence, q.currency, q.value.or(q.interval.high))
                {
                    last_money = Some((s, c, v));
                    money_end = claim.span.end;
                }
            }
            Kind::Count => {
                let Some(v) = q.value.or(q.interval.high) else {
                    continue;
                };
                let compared =
                    claim.counted.is_none() && after_baseline(text, money_end, claim, data);
                let Value::Quantity(q) = &mut claim.value else {
                    continue;
                };
                // "450mila euro …; altri 120mila": smaller amounts too
                // when nothing is counted.
                let floor = if compared {
                    0.0
                } else if claim.counted.is_none() {
                    1e4
                } else {
                    1e6
                };
                if let Some((s, c, money)) = last_money {
                    // "superiore ai mille euro …, mentre … scende a circa
                    // 800", "60-70 euro, … meno di cinquanta": a bare
                    // figure of the money's own order.
                    let close = claim.counted.is_none()
                        && v >= 10.0
                        && (money / 2.0..=money * 2.0).contains(&v);
                    let near = close || (v >= floor && (money / 10.0..=money * 10.0).contains(&v));
                    if near && Some(s) == sentence {
                        claim.kind = Kind::Money;
                        claim.counted = None;
                        q.currency = Some(c);
                    }
                }
            }
            _ => {}
        }
    }
}
