//! Language knowledge as data: one [`LangData`] row per language, each
//! field one concept (scale words, qualifiers, months, units…). Adding a
//! language means adding a row in a file of its own, not code.

mod compiled;
pub mod concepts;
pub(crate) mod dates;
mod detect;
pub(crate) mod furniture;
pub(crate) mod numbers;
pub mod vocab;

use rustc_hash::FxHashMap as HashMap;
use std::fmt;

use jiff::civil::Weekday;

use crate::text::digits::DecimalMark;
use crate::text::token::Token;
use crate::units::{Currency, Unit};
use crate::when::{Grain, Part};
pub(crate) use compiled::Compiled;
pub use concepts::Concepts;
pub use detect::Guess;
use vocab::{VocabBuilder, WordId};

/// Declares the languages: for each, the module of its table file, the
/// table's name and the [`Lang`] variant. See [`Lang`].
macro_rules! languages {
    ($($module:ident :: $table:ident => $variant:ident),* $(,)?) => {
        $(mod $module;)*

        /// A language factcheck can read.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Lang {
            $($variant,)*
        }

        impl Lang {
            /// Every language, in registration order: detection gives ties
            /// to the first.
            pub const ALL: [Lang; [$(Lang::$variant),*].len()] = [$(Lang::$variant),*];

            pub fn data(self) -> &'static LangData {
                match self {
                    $(Lang::$variant => &$module::$table,)*
                }
            }
        }
    };
}

// The registration: a new language is its table file (`src/lang/de.rs`
// holding a `LangData`) and one line here. Nothing else names a language.
languages! {
    it::IT => It,
    en::EN => En,
    de::DE => De,
    es::ES => Es,
    fr::FR => Fr,
}

impl Lang {
    pub fn code(self) -> &'static str {
        self.data().code
    }

    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let code = code.split(['-', '_']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language of `text` by its distinctive words; ties and texts
    /// without any go to the first language. See [`Lang::guess`].
    pub(crate) fn detect(text: &str) -> Lang {
        Lang::guess(text).lang
    }

    /// The language of `text` and whether the evidence settles it.
    pub(crate) fn guess(text: &str) -> Guess {
        detect::guess(text)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl DecimalMark {
    /// How the language reads the separators of numbers in digits.
    pub fn of(data: &LangData) -> DecimalMark {
        if data.decimal_separator == ',' {
            DecimalMark::Comma
        } else {
            DecimalMark::Point
        }
    }
}

/// How a qualifier word hedges the figure after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    /// Stated as exact ("ben", "exactly").
    Exact,
    /// n ± 10 %.
    Approx,
    /// Just below: [0.9 n, n] ("quasi", "nearly").
    Below,
    /// Rising towards n, not there yet: at most, within [0.9 n, n]
    /// ("casualties are approaching 2,000").
    Nearing,
    MoreThan,
    AtLeast,
    LessThan,
    /// A little less than: below n, within [0.9 n, n) ("poco meno di",
    /// "just under", "un peu moins de").
    JustUnder,
    AtMost,
}

/// A word that forms numbers: a value to add, a multiplier of what came
/// before (`cento`, `hundred`) or a scale closing a group (`mila`, `million`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberWord {
    Add(f64),
    Hundred,
    Scale(f64),
    /// "mezzo", "half": adds half of the last scale ("un milione e mezzo").
    Half,
}

/// The order of tens and units written as number words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TensUnits {
    /// "twenty three", "vingt et un": the tens first.
    TensFirst,
    /// "ein und zwanzig", "één en twintig": the units first.
    UnitsFirst,
}

impl TensUnits {
    /// Two number words that each add form one number: `prev` and `next`
    /// are tens and units in the language's order. Any other two ("a
    /// three-year", "one two") are two numbers.
    /// Whole hundreds written as one word ("doscientos", "quinientos") are
    /// followed by what is below a hundred in either order.
    pub(crate) fn joins(self, prev: f64, next: f64) -> bool {
        let tens = |v: f64| v >= 20.0 && v % 10.0 == 0.0;
        let hundreds = (100.0..1000.0).contains(&prev) && prev % 100.0 == 0.0;
        if hundreds && next < 100.0 {
            return true;
        }
        match self {
            TensUnits::TensFirst => tens(prev) && next < 10.0,
            TensUnits::UnitsFirst => prev < 10.0 && tens(next),
        }
    }
}

/// Where adjectives stand around the noun a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounOrder {
    /// "600 North Korean soldiers": modifiers first, the plural noun last.
    ModifiersFirst,
    /// "600 soldati nordcoreani": the noun first, an agreeing adjective after.
    NounFirst,
}

/// A vague quantity word and the interval it stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Vague {
    pub low: f64,
    pub high: f64,
}

/// What a phrase of the lexicon means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry {
    Hedge(Hedge),
    /// A scale word after digits: `mila`, `million`, `bn`.
    Scale(f64),
    /// A vague quantity: `migliaia`, `hundreds of`.
    Vague(Vague),
    /// An approximate round number: `una decina` (10), `a dozen` (12).
    Round(f64),
    /// A fraction of a whole: `un terzo`, `a quarter`.
    Fraction(f64),
    Percent,
    /// Percentage points, with the factor to points (basis points: 0.01).
    Points(f64),
    Unit(Unit),
    Currency(Currency),
    /// Marks the figure before it as a clock time (`p.m.`, `o'clock`).
    Clock,
    /// A hedge after the figure: `40 o più`, `500 or more`.
    HedgeAfter(Hedge),
    /// A coin of a currency and its worth in it: `8 cents` is 0.08 USD.
    Minor(Currency, f64),
    /// A unit written before the figure: `magnitudo 3,9`.
    UnitBefore(Unit),
    /// After a figure or its unit, makes it a temperature below zero:
    /// `3 below zero`, `5 gradi sotto zero`.
    BelowZero(Unit),
}

/// Everything a language contributes to extraction.
#[derive(Debug)]
pub struct LangData {
    pub code: &'static str,
    pub name: &'static str,
    /// Verdicts in words for readers (ClaimReview's `alternateName`), by
    /// verdict name.
    pub verdict_words: &'static [(&'static str, &'static str)],
    /// The one-line explanation's words for the editor who reads this
    /// language (and the HTML report's labels beside it: "claim",
    /// "sources"), keyed by the English phrase the explanation is built with
    /// (spaces and punctuation included, so French can put its space before
    /// `:` and `;`): `(English, this language)`. A phrase without a row
    /// stays in English; `en` has none. See [`LangData::say`].
    pub explanation_words: &'static [(&'static str, &'static str)],
    /// What claims speak of, the same concept ids in every language
    /// (uccisi = killed = getötet): `compare` and `refs draft` read
    /// claims across languages through it.
    pub concepts: Concepts,
    /// The decimal separator of numbers in digits: `,` in Italian (`1,5`
    /// is one and a half), `.` in English.
    pub decimal_separator: char,
    /// The thousands separator written between groups of digits (`10.000`
    /// in Italian, `10,000` in English); the other one of `,` and `.`.
    pub thousands_separator: char,
    /// Figures of five digits and more are written with the thousands
    /// separator ("72.480 personas", "12 000 salariés"): a run of five or
    /// six digits without one is a code or a name ("el 72480", the
    /// lottery's winning number), not a figure. English text writes
    /// "10000" too: false there.
    pub ungrouped_are_codes: bool,
    /// Currency symbols follow the figure after a space ("1.200 €",
    /// "1 200 €"); elsewhere a symbol after a space opens the next figure.
    pub symbol_after: bool,
    /// Number words joined by hyphens are one compound ("quatre-vingt-dix",
    /// "dix-sept", "vingt-et-un"): read together, not word by word.
    pub hyphenated_numbers: bool,
    /// Articles and prepositions elide with an apostrophe (`dell'anno`,
    /// `l'`): a word ends after an inner apostrophe. Without it the
    /// apostrophe stays inside the word (`Russia's`).
    pub elision: bool,
    /// Every noun is written with a capital (German): a capital after a
    /// figure then says nothing of a name ("600 Soldaten" is no "Boeing
    /// 737"), and the checks that read names by their capital are off.
    pub nouns_capitalized: bool,
    /// News groups every count of a thousand and more (`2,023 people`):
    /// an ungrouped year-like figure before a noun is a year ("a poor
    /// 2023 harvest", "its 2023 report"; a round hundred, "2000 people",
    /// stays a count).
    pub thousands_grouped: bool,
    /// Tens and units written as two number words: which comes first.
    pub tens_units: TensUnits,
    /// Frequent function words: language detection and counted-noun stops.
    pub stopwords: &'static [&'static str],
    /// Frequent words of this language, besides its stopwords, that tell it
    /// apart on a short text ([`Lang::guess`]); a word two languages share
    /// tells nothing and counts for neither.
    pub detect_words: &'static [&'static str],
    /// Word endings frequent in this language and rare in the others
    /// (`-ed`, `-ly`; `-zione`, `-mente`): weaker evidence for
    /// [`Lang::guess`], counted on words longer than the ending.
    pub detect_endings: &'static [&'static str],
    /// Number words and the morphemes of compound number words.
    pub number_words: &'static [(&'static str, NumberWord)],
    /// Number words read as numbers only before a scale word (`un`, `one`).
    pub weak_number_words: &'static [&'static str],
    /// Number words that are also common nouns ("venti", winds): read as
    /// nouns when digits follow within a few words ("un picco dei venti a
    /// 290 km/h").
    pub homographs: &'static [&'static str],
    /// Joins number words (`un milione e mezzo`, `one hundred and five`).
    pub number_glue: &'static [&'static str],
    pub scales: &'static [(&'static str, f64)],
    pub hedges: &'static [(&'static str, Hedge)],
    /// Range frames: opening word and joining word (`tra … e …`).
    pub range_frames: &'static [(&'static str, &'static str)],
    /// Joining words that make a range without an opening word (`to`).
    pub range_joiners: &'static [&'static str],
    /// Joining words of an elliptic range, a frame without its opening
    /// word whose unit comes once, after the second end (`14 et 19
    /// degrés`, `hasta 44 y 45 grados`). Lists of ages (`de 14 y 16
    /// años`) are kept apart: durations never join.
    pub elliptic_range_joiners: &'static [&'static str],
    /// Words that may stand between a figure and its unit (`les trois
    /// derniers mois`, `los tres últimos años`).
    pub unit_adjectives: &'static [&'static str],
    /// Adjectives of a length after its figure (`up to 8m high`, `a
    /// 10m-deep shaft`): where a letter is both a scale and a unit, they
    /// make it the unit (metres, not millions).
    pub dimension_adjectives: &'static [&'static str],
    /// Relative pronouns: after a hedge, an article and a counted noun,
    /// one makes the figure a known quantity compared with (`superó las
    /// 44.270 personas que habían asistido`), not a bound.
    pub relative_pronouns: &'static [&'static str],
    pub vague: &'static [(&'static str, Vague)],
    pub round: &'static [(&'static str, f64)],
    pub fractions: &'static [(&'static str, f64)],
    pub percent_words: &'static [&'static str],
    pub points: &'static [(&'static str, f64)],
    /// Bare points ("9,3 Punkte", "15 points", "3 puntos"): percentage
    /// points where their sentence gives a share in percent and the figure
    /// is below 100 ("auf 16,4 Prozent; sie verlor 9,3 Punkte"); elsewhere
    /// ("los 11.600 puntos" of an index, a league's points) a count.
    pub share_points: &'static [&'static str],
    pub units: &'static [(&'static str, Unit)],
    /// Currency words and symbols; symbols also precede the figure.
    pub currencies: &'static [(&'static str, Currency)],
    /// Definite articles: "quasi il 60 per cento"; "i due Paesi" is not a
    /// count (a small number word after one names known things).
    pub articles: &'static [&'static str],
    /// Articles that may stand between a qualifier and its figure ("quasi
    /// il 60 per cento"); elsewhere "fewer than the 20 million" compares.
    pub hedge_articles: &'static [&'static str],
    /// Words after which a number is an identifier, not a figure (`n.`,
    /// `tel`, `CAP`, `ISBN`, `version`).
    pub id_markers: &'static [&'static str],
    /// Words before a bare hour (`alle 21`, `dalle 9.30`): a clock time.
    pub clock_before: &'static [&'static str],
    /// Phrases after a figure that make it a clock time (`p.m.`, `o'clock`).
    pub clock_after: &'static [&'static str],
    /// Words after a fraction that make it a share of a whole (`un terzo
    /// dei`, `a third of`, `half the`).
    pub fraction_links: &'static [&'static str],
    /// Words before a fraction that make it something else (`a metà
    /// agosto`, `the second half`).
    pub fraction_blockers: &'static [&'static str],
    /// Plurals not ending in `s` that close an English-style noun phrase
    /// (`people`, `children`).
    pub plural_nouns: &'static [&'static str],
    /// Words joining the two sides of a ratio (`uno su tre`, `one in three`).
    pub ratio_words: &'static [&'static str],
    /// Ratio words that are common prepositions too: a share only between
    /// two figures that are no articles, the base ten or less or a hundred
    /// (`neun von zehn`; not `eine Dividende von 30 Cent`, `328 von 630`).
    pub ratio_words_strict: &'static [&'static str],
    /// Words after a figure that make it a factor, not a quantity ("three
    /// times as many", "quattro volte").
    pub multipliers: &'static [&'static str],
    /// Words glued to a figure by a hyphen that make it a count of the
    /// noun after ("a 40,000-strong force").
    pub strength_words: &'static [&'static str],
    /// Words before `from … to …` or `X to Y` that make it a change between
    /// two figures, not a range (`rose`, `passati`).
    pub change_words: &'static [&'static str],
    /// Infinitives and base forms of the same verbs (`rise`, `scendere`):
    /// a change between two figures too, but after one, often a modal's
    /// ("could drop up to 10 inches", "potrà scendere fino a 400 metri"),
    /// `up to` stays a bound.
    pub change_bases: &'static [&'static str],
    /// Endings of regular plural nouns (`s`; `i`, `e`).
    pub plural_endings: &'static [&'static str],
    pub noun_order: NounOrder,
    /// Words between a figure and its noun ("25 more launchers").
    pub noun_skips: &'static [&'static str],
    /// Words linking a figure to what it counts (`di`, `of`).
    pub links: &'static [&'static str],
    /// Conjunctions that can open a new clause.
    pub conjunctions: &'static [&'static str],
    /// Words that always open a new clause, folded ("mentre", "whereas"):
    /// what follows them speaks of something else.
    pub clause_openers: &'static [&'static str],
    /// Phrases after a comma that go on with the phrase before it ("tra
    /// cui", "including"): "11 mila militari nordcoreani, tra cui 400
    /// ufficiali" are North Korean officers.
    pub inclusions: &'static [&'static str],
    /// Phrases after a date and its comma that tell what happened that
    /// day ("il 10 gennaio, quando la Sec ha dato il via libera", "on Oct.
    /// 19, when its fighters seized the ship"): the clause they open is
    /// the date's own, folded.
    pub when_relatives: &'static [&'static str],
    /// Prepositions of a part of a whole ("800 degli 11 mila", "800 of
    /// the 11,000"): the second figure is the whole, and the predicate
    /// after it belongs to the part.
    pub partitives: &'static [&'static str],
    /// Stems of reporting verbs and phrases ("said", "ha dichiarato",
    /// "secondo"): a date they govern dates the statement, not the event.
    pub reporting: &'static [&'static str],
    /// Phrases just before a figure that make it the other side of a
    /// comparison ("rispetto al 50,2%", "down from 53.42%", "than 600"):
    /// it is about another time or place than the sentence's subject.
    pub baselines: &'static [&'static str],
    /// Stems of words of change and the word joining them to a figure
    /// ("in calo di 7 punti", "increased by 400"): the figure is a
    /// difference, not a level.
    pub difference_stems: &'static [&'static str],
    pub difference_links: &'static [&'static str],
    /// Phrases a few words after a figure that make it a difference
    /// ("cinque medaglie in meno", "two more than Tokyo").
    pub difference_after: &'static [&'static str],
    /// Words between a figure and its noun that make it a difference
    /// ("two more golds").
    pub difference_inside: &'static [&'static str],
    /// "rispettivamente", "respectively": names and figures pair in order.
    pub respectively: &'static [&'static str],
    /// Stems of words saying a change is a fall ("fell", "in calo",
    /// "Rückgang", "baisse", "caída") or a rise: a reference file records a
    /// fall as a negative figure, an article as a size and a word.
    pub falls: &'static [&'static str],
    pub rises: &'static [&'static str],
    /// Words right before a figure that make it a difference: a gain
    /// ("Chega gained two seats", "ha guadagnato due seggi"; only where the
    /// verb cannot mean "won": French "gagné", Spanish "ganó" can) or an
    /// exception ("all but two", "tutti tranne due"). A phrase's last word
    /// is a stem, the others whole words.
    pub gains: &'static [&'static str],
    /// Phrases after a comma that describe what the clause before said
    /// (folded): "rose 2.9% …, the smallest increase since March 2021",
    /// "…, il livello più basso dal 2021", or give its change ("ricavi per
    /// 6.677 milioni, in crescita dell'11,8%", "revenue of $6.7 billion,
    /// up 12%"). The comma ends no clause.
    pub appositions: &'static [&'static str],
    /// Stems (folded) of words that make a figure a forecast or someone's
    /// estimate ("expectations of $28.73 billion", "le attese degli
    /// analisti"), or a conditional that makes it one ("könnte", "could",
    /// "potrebbe"): one the fact's own words do not name cannot be judged
    /// against the figure reported.
    pub forecasts: &'static [&'static str],
    /// Stems of words that undo what a count counts ("1,285 people
    /// reported missing were found safe", "ostaggi liberati"): one the
    /// fact's own words do not name makes the link uncertain.
    pub reversals: &'static [&'static str],
    /// Stems of words for people in general ("people", "persone"): a
    /// figure that counts them may count any fact's people; one that
    /// counts another noun no term of the fact names counts something else.
    pub people: &'static [&'static str],
    /// Phrases after a figure that make it a rate ("65mila persone per
    /// sera", "$10 a day"): one night's or one day's, not a total.
    pub rates: &'static [&'static str],
    /// Words that open a sentence on a group one member of which its
    /// figures are ("Tra gli americani, Max Homa…", "Among the dead, …").
    pub members: &'static [&'static str],
    /// Words that call a figure a total ("the total prize fund", "130mila
    /// in tutto"): stems of one word, or phrases.
    pub totals: &'static [&'static str],
    /// Words that make a figure a subset's ("Pellegrini dall'estero",
    /// "foreign visitors"): stems of one word, or phrases.
    pub subsets: &'static [&'static str],
    /// Words that make a figure an average ("en moyenne", "on average",
    /// "im Schnitt"): stems of one word, or phrases.
    pub averages: &'static [&'static str],
    /// "or" words that give the same amount another way ("6,19 miliardi,
    /// o 25 centesimi per azione").
    pub alternatives: &'static [&'static str],
    /// Prepositions that make a figure the scope of another's count:
    /// "372 people injured in seven prefectures", "medals in 20 sports".
    pub scope_words: &'static [&'static str],
    /// Possessive determiners ("its", "suo", "ihren"): before a fact's
    /// word they give it an owner the clause names ("The Bank of Canada
    /// has brought its policy rate down").
    pub possessives: &'static [&'static str],
    /// Hedges that before a duration name the period, not a bound, unless
    /// the word after them in the pair comes first ("over 11 years" is
    /// during; "for over 11 years" more than).
    pub during_hedges: &'static [(&'static str, &'static str)],
    /// Adverbs of time (folded) that may stand between a bound and its figure
    /// ("dépasse déjà 50 milliards", "supera già i 3 milioni").
    pub hedge_adverbs: &'static [&'static str],
    /// Words inside a name of several capitalized words ("Bank of Canada",
    /// "Banca d'Italia", "Banque de France").
    pub name_links: &'static [&'static str],
    /// Endings of adjectives made from names, where every noun is
    /// capitalized and such an adjective is too ("Europäische
    /// Zentralbank"): a capitalized word with one is part of a name.
    pub proper_adjective_endings: &'static [&'static str],
    /// Abbreviations whose full stop does not end a sentence.
    pub abbreviations: &'static [&'static str],
    /// Nouns a figure can follow ("i morti sono 600", "the death toll rose
    /// to 600"): the counted noun when nothing follows the figure.
    pub toll_nouns: &'static [&'static str],
    /// Stems of words that say what happened to what is counted (killed,
    /// wounded, missing…). A fact matches a claim whose clause holds one only
    /// when one of the fact's own terms covers it: "600 soldati … uccisi"
    /// is not a count of soldiers sent.
    pub predicates: &'static [&'static str],
    /// What a page says about itself: reading times, share counts,
    /// credits, bylines. Never a claim.
    pub furniture: Furniture,
    /// Month and weekday names, relative words, zones: see [`DateWords`].
    pub dates: DateWords,
    /// Phrases after a figure that hedge it ("40 o più", "500 or more",
    /// "un mese esatto").
    pub hedges_after: &'static [(&'static str, Hedge)],
    /// Words a few words before a bound that turn it around ("non è stata
    /// inferiore al 60%", "never below 40%": at least).
    pub negations: &'static [&'static str],
    /// Words that make the figure after them negative ("meno 12 gradi",
    /// "minus five percent").
    pub minus_words: &'static [&'static str],
    /// The decimal mark written as a word ("two point four million").
    pub decimal_words: &'static [&'static str],
    /// Coins and their worth in their currency ("8 cents", "50 centesimi").
    pub minor_currencies: &'static [(&'static str, Currency, f64)],
    /// Units written before the figure ("magnitudo 3,9", "magnitude 6.1").
    pub units_before: &'static [(&'static str, Unit)],
    /// Prepositions before a number of calendar units that count forward
    /// from publication ("tra tre mesi", "in two weeks").
    pub offset_preps: &'static [&'static str],
    /// Words that make "in N years" a span since, not a date ahead: "the
    /// first cut in four years", "its highest level in a decade".
    pub span_since: &'static [&'static str],
    /// Holidays on a fixed day, with their month and day ("Ferragosto",
    /// "Christmas").
    pub holidays: &'static [(&'static str, i8, i8)],
    /// Day numbers written as ordinal words ("il primo marzo", "the second
    /// of March").
    pub day_ordinals: &'static [(&'static str, i8)],
    /// Holidays whose day moves with the year ("Pasquetta", "Good Friday",
    /// "Thanksgiving").
    pub movable_holidays: &'static [(&'static str, Movable)],
    /// Ordinal words before a weekday of a month ("l'ultima domenica di
    /// marzo", "the first Monday of October"): 1 the first, -1 the last.
    pub nth_weekdays: &'static [(&'static str, i8)],
    /// The tense of a sentence, which decides whether a bare weekday or
    /// month is the last one or the coming one: words that look ahead
    /// ("will", "prevede"), words that look back ("said", "ha"), and the
    /// endings of the verbs that do, matched on the lower-cased text
    /// ("resteranno", "announced").
    pub tense: Tense,
    /// Words between the two ends of a span of days ("dal 3 al 5
    /// novembre", "from Sept. 15 to 17", "Nov. 3-4"): one date from the
    /// first day to the last.
    pub day_span_joiners: &'static [&'static str],
    /// Phrases after a figure (or its unit) that make it a temperature
    /// below zero, with the scale they imply ("sotto zero", "below zero").
    pub below_zero: &'static [(&'static str, Unit)],
    /// Words a few words before a bare large figure that make it an amount
    /// of money when the article's money is all in one currency ("Il
    /// decreto vale 300 milioni", "a plan worth 2 billion").
    pub money_cues: &'static [&'static str],
    /// Words between the two figures of a change ("da 70 a 80 euro",
    /// "from four to six weeks"): the first takes the second's unit.
    pub change_joiners: &'static [&'static str],
    /// Nouns before a year that make it the year of a thing, not a count
    /// ("la manovra 2025", "l'edizione 2026", "the 2024 season").
    pub year_labels: &'static [&'static str],
    /// Hours named by a word ("mezzogiorno", "midnight"): times without a
    /// preposition.
    pub named_hours: &'static [(&'static str, i8)],
    /// Minutes written after the hour ("alle 9 e mezza", "e un quarto").
    pub minutes_after: &'static [(&'static str, i8)],
    /// Minutes written before the hour ("quarter past nine", "half past
    /// ten").
    pub minutes_before: &'static [(&'static str, i8)],
    /// Words after a number of days that count from the date before it in
    /// the text ("three days later", "tre giorni dopo").
    pub later: &'static [&'static str],
    /// Places with one time zone, for "ora locale" / "local time" in a
    /// sentence that names one ("ad Almaty alle 10 ora locale").
    pub place_zones: &'static [(&'static str, Zone)],
}

impl LangData {
    /// The name an editor reading this language gives a verdict
    /// ("contradicted" is "Falso" in Italian), else the English name.
    pub(crate) fn verdict_word<'a>(&self, verdict: &'a str) -> &'a str {
        self.verdict_words
            .iter()
            .find(|(name, _)| *name == verdict)
            .map_or(verdict, |(_, word)| word)
    }

    /// An English phrase of the one-line explanation in this language
    /// ([`LangData::explanation_words`]), else as it is.
    pub fn say<'a>(&self, english: &'a str) -> &'a str {
        self.explanation_words
            .iter()
            .find(|(en, _)| *en == english)
            .map_or(english, |(_, said)| said)
    }
}

/// A sentence's tense cues (see [`LangData::tense`]).
#[derive(Debug)]
pub struct Tense {
    pub future_words: &'static [&'static str],
    pub future_endings: &'static [&'static str],
    pub past_words: &'static [&'static str],
    pub past_endings: &'static [&'static str],
    /// Words after which a past ending is a participle, not a past tense
    /// ("will be handed over").
    pub participle_after: &'static [&'static str],
    /// Auxiliaries of a compound past and the participle endings after
    /// them ("è intervenuto", "sono arrivati"): a past cue.
    pub auxiliaries: &'static [&'static str],
    pub participles: &'static [&'static str],
    /// A sentence with no cue speaks of what is coming (Italian news puts
    /// the past in compound tenses, the scheduled in the present: "si vota
    /// domenica"): a bare weekday is the coming one.
    pub present_is_future: bool,
}

/// How a movable holiday falls in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movable {
    /// Days from (Western) Easter Sunday: Good Friday is -2, Easter Monday 1.
    Easter(i8),
    /// The `n`-th `weekday` of `month` (-1 the last), plus `offset` days:
    /// Thanksgiving is the fourth Thursday of November, Black Friday the
    /// day after it.
    Nth {
        month: i8,
        weekday: Weekday,
        n: i8,
        offset: i8,
    },
}

/// Page furniture, written as in text (folded when compared). A line is
/// furniture when it opens with a `line_openers` phrase followed by a colon
/// or with no final stop, or with a byline word and a name; a figure is
/// when an `after_figure` phrase follows it anywhere, or a `counters` word
/// on a short line ("1.2K shares · 34 comments").
#[derive(Debug)]
pub struct Furniture {
    /// "Photo", "Updated", "Advertisement"; "Foto", "Aggiornato", "Pubblicità".
    pub line_openers: &'static [&'static str],
    /// "By" before a name; "di", "a cura di".
    pub bylines: &'static [&'static str],
    /// "min read"; "minuti di lettura": only ever a reading time.
    pub after_figure: &'static [&'static str],
    /// "shares", "comments"; "commenti": furniture on a short line only
    /// ("1.2 million shares" in a sentence is a figure).
    pub counters: &'static [&'static str],
}

/// A time zone named by a phrase ("ora svizzera", "Kyiv time", "GMT").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// An IANA name, resolved with the bundled database (DST included).
    Named(&'static str),
    /// A fixed UTC offset in seconds (`GMT`, `CEST`).
    Fixed(i32),
    /// "ora locale", "local time": the zone of the place its sentence
    /// names (see [`LangData::place_zones`]).
    Local,
}

/// A season as a part of the year that holds its last month ("last
/// autumn" is the late part of the previous year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Season {
    pub part: Part,
    pub first_month: i8,
    pub last_month: i8,
}

/// The words dates and times are made of. Phrases are written as in text
/// and folded when the tables are compiled (`martedì` matches `Martedi`).
#[derive(Debug)]
pub struct DateWords {
    /// Numeric dates put the day first (`15/08/2025`) unless the first
    /// number cannot be a month.
    pub day_first: bool,
    /// Full month names.
    pub months: &'static [(&'static str, i8)],
    /// Abbreviated month names: only capitalized and before `.` or a number.
    pub month_abbreviations: &'static [(&'static str, i8)],
    /// Date words that are also common words ("may", "march"): only
    /// capitalized and next to a preposition, a day or a year.
    pub ambiguous: &'static [&'static str],
    pub weekdays: &'static [(&'static str, Weekday)],
    /// Days counted from publication; `true` marks an evening ("stasera"),
    /// which puts a bare "alle 9" after it at 21:00.
    pub days: &'static [(&'static str, i8, bool)],
    /// "scorso", "last": the one before publication.
    pub last: &'static [&'static str],
    /// "prossimo", "next": the one after publication.
    pub next: &'static [&'static str],
    /// "questo", "this": the one publication falls in.
    pub this: &'static [&'static str],
    /// "fa", "ago", after a number of units.
    pub ago: &'static [&'static str],
    /// "vor", "hace", "il y a": the same before the number of units.
    pub ago_before: &'static [&'static str],
    /// Calendar units in the singular ("la settimana scorsa", "a year ago").
    pub units: &'static [(&'static str, Grain)],
    /// Calendar units in the plural ("tre giorni fa").
    pub plural_units: &'static [(&'static str, Grain)],
    /// Articles that stand for one before a unit ("a year ago").
    pub one: &'static [&'static str],
    /// "inizio", "metà", "fine", "early", "the end of".
    pub parts: &'static [(&'static str, Part)],
    pub seasons: &'static [(&'static str, Season)],
    /// "fine settimana", "weekend": the weekend at week grain.
    pub weekend: &'static [&'static str],
    /// "lo stesso mese", "the same month": the month of the previous date.
    pub same_month: &'static [&'static str],
    /// "im Vorjahr", "le mois précédent", "el año anterior": the unit
    /// before the one the text is talking about (that of the last date
    /// before it in its paragraph), else the one before publication's.
    pub previous: &'static [(&'static str, Grain)],
    /// One word for "this" and a unit: the unit publication falls in
    /// ("heuer", this year, in southern German and Austrian news).
    pub this_units: &'static [(&'static str, Grain)],
    /// Quarters of a year and their number ("the second quarter", "Q1",
    /// "il terzo trimestre"): a date from the quarter's first month
    /// through its last.
    pub quarters: &'static [(&'static str, i8)],
    /// "now", "adesso" ending their clause ("the state is ready now."):
    /// the publication time, when the front matter gives one. Inside a
    /// clause ("there are now 839 cases") they are aspect, no time.
    pub now: &'static [&'static str],
    /// Decades written out ("anni novanta", "nineties"), by first year.
    pub decades: &'static [(&'static str, i16)],
    /// Nouns before a decade in figures ("anni '90", "anni 2000").
    pub decade_nouns: &'static [&'static str],
    /// Suffixes of a decade in figures ("1990s").
    pub decade_suffixes: &'static [&'static str],
    /// Prepositions that open a date and make a bare year one ("nel 2024").
    pub preps: &'static [&'static str],
    /// Prepositions that look ahead: a month after them is the next one.
    pub future_preps: &'static [&'static str],
    /// Prepositions of a destination ("moved to March 3", "rinviata al 3
    /// marzo"): a past verb before them moves something to a day that may
    /// be to come.
    pub toward_preps: &'static [&'static str],
    /// Words after which a toward preposition opens no destination ("in
    /// der Nacht auf den 26. Mai" is the night before the 26th).
    pub toward_not_after: &'static [&'static str],
    /// Links without an article that make a season a kind of thing
    /// ("cereales de invierno", "i mesi d'inverno"), not a time.
    pub kind_links: &'static [&'static str],
    /// Verbs that move a date ("postponed", "repoussé", "rinviato"): after
    /// them "from July 18 to October 18" is a change between two dates,
    /// not one span.
    pub moved_words: &'static [&'static str],
    /// Articles before a date ("il 2024-25", "the 1990s"); they make a bare
    /// year a date only when no noun follows.
    pub articles: &'static [&'static str],
    /// Links between a part or a month and what follows ("inizio del 2025").
    pub links: &'static [&'static str],
    /// Words joining days that share the month named after the last
    /// ("il 10 e il 12 luglio", "15-16 agosto").
    pub day_joiners: &'static [&'static str],
    /// Ordinal marks after a day ("1°", "15th").
    pub ordinals: &'static [&'static str],
    /// Phrases with a date word that mean "nowadays" ("ancora oggi").
    pub not_dates: &'static [&'static str],
    /// Prepositions before a clock time; `true` when one makes a bare hour
    /// a time ("alle 21"; "at 9" is not one unless a day comes before it).
    pub time_preps: &'static [(&'static str, bool)],
    /// After a clock time: `Some(true)` afternoon, `Some(false)` morning,
    /// `None` o'clock.
    pub meridiem: &'static [(&'static str, Option<bool>)],
    /// Letters between the hour and the minutes ("18h30", "18 h 30"): a
    /// clock time without a preposition.
    pub hour_marks: &'static [&'static str],
    /// Zone phrases of this language ("ora svizzera", "Kyiv time").
    pub zones: &'static [(&'static str, Zone)],
}

/// Zone abbreviations shared by every language; written in capitals in text.
pub static ZONE_CODES: &[(&str, Zone)] = &[
    ("GMT", Zone::Fixed(0)),
    ("UTC", Zone::Fixed(0)),
    ("ET", Zone::Named("America/New_York")),
    ("EST", Zone::Fixed(-5 * 3600)),
    ("EDT", Zone::Fixed(-4 * 3600)),
    ("CT", Zone::Named("America/Chicago")),
    ("CST", Zone::Fixed(-6 * 3600)),
    ("CDT", Zone::Fixed(-5 * 3600)),
    ("MT", Zone::Named("America/Denver")),
    ("PT", Zone::Named("America/Los_Angeles")),
    ("PST", Zone::Fixed(-8 * 3600)),
    ("PDT", Zone::Fixed(-7 * 3600)),
    ("BST", Zone::Fixed(3600)),
    ("WET", Zone::Fixed(0)),
    ("CET", Zone::Fixed(3600)),
    ("CEST", Zone::Fixed(2 * 3600)),
    ("EET", Zone::Fixed(2 * 3600)),
    ("EEST", Zone::Fixed(3 * 3600)),
    ("MSK", Zone::Fixed(3 * 3600)),
    ("JST", Zone::Fixed(9 * 3600)),
    ("KST", Zone::Fixed(9 * 3600)),
    ("IST", Zone::Fixed(5 * 3600 + 1800)),
];

/// A phrase table: entries keyed by the id of their first word, longest
/// first, each phrase a list of word ids.
#[derive(Debug, Default)]
pub struct Lexicon {
    by_first: HashMap<WordId, Vec<(Vec<WordId>, Entry)>>,
}

/// ISO codes and country dollar signs, the same in every language (a
/// language's `currencies` add its words, `EUR`, `$`…).
const CURRENCY_SYMBOLS: &[(&str, Currency)] = &[
    ("sek", Currency::Sek),
    ("nok", Currency::Nok),
    ("dkk", Currency::Dkk),
    ("isk", Currency::Isk),
    ("pln", Currency::Pln),
    ("czk", Currency::Czk),
    ("huf", Currency::Huf),
    ("cad", Currency::Cad),
    ("aud", Currency::Aud),
    ("nzd", Currency::Nzd),
    ("hkd", Currency::Hkd),
    ("brl", Currency::Brl),
    ("mxn", Currency::Mxn),
    ("c$", Currency::Cad),
    ("ca$", Currency::Cad),
    ("a$", Currency::Aud),
    ("au$", Currency::Aud),
    ("nz$", Currency::Nzd),
    ("hk$", Currency::Hkd),
    ("r$", Currency::Brl),
    ("s$", Currency::Sgd),
    ("sgd", Currency::Sgd),
    // The yen's sign; the yuan's is written "CN¥" (or "RMB", "yuan").
    ("¥", Currency::Jpy),
    ("cn¥", Currency::Cny),
];

impl Lexicon {
    pub fn build(data: &LangData, vocab: &mut VocabBuilder) -> Lexicon {
        let mut lexicon = Lexicon::default();
        let rows = data
            .hedges
            .iter()
            .map(|&(p, h)| (p, Entry::Hedge(h)))
            .chain(data.scales.iter().map(|&(p, v)| (p, Entry::Scale(v))))
            .chain(data.vague.iter().map(|&(p, v)| (p, Entry::Vague(v))))
            .chain(data.round.iter().map(|&(p, v)| (p, Entry::Round(v))))
            .chain(data.fractions.iter().map(|&(p, v)| (p, Entry::Fraction(v))))
            .chain(data.percent_words.iter().map(|&p| (p, Entry::Percent)))
            .chain(data.points.iter().map(|&(p, v)| (p, Entry::Points(v))))
            .chain(data.units.iter().map(|&(p, u)| (p, Entry::Unit(u))))
            .chain(
                data.currencies
                    .iter()
                    .chain(CURRENCY_SYMBOLS)
                    .map(|&(p, c)| (p, Entry::Currency(c))),
            )
            .chain(data.clock_after.iter().map(|&p| (p, Entry::Clock)))
            .chain(
                data.hedges_after
                    .iter()
                    .map(|&(p, h)| (p, Entry::HedgeAfter(h))),
            )
            .chain(
                data.minor_currencies
                    .iter()
                    .map(|&(p, c, f)| (p, Entry::Minor(c, f))),
            )
            .chain(
                data.units_before
                    .iter()
                    .map(|&(p, u)| (p, Entry::UnitBefore(u))),
            )
            .chain(
                data.below_zero
                    .iter()
                    .map(|&(p, u)| (p, Entry::BelowZero(u))),
            );
        for (phrase, entry) in rows {
            let words: Vec<WordId> = crate::text::token::phrase_tokens(phrase, data.elision)
                .iter()
                .map(|w| vocab.intern(w))
                .collect();
            if let Some(&first) = words.first() {
                vocab.mark_id(first, vocab::List::LexiconFirst);
                lexicon
                    .by_first
                    .entry(first)
                    .or_default()
                    .push((words, entry));
            }
        }
        for list in lexicon.by_first.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        lexicon
    }

    /// Entries whose phrase starts at `tokens[0]`, longest first, with the
    /// number of tokens each covers. Tokens must have their ids
    /// ([`vocab::Vocab::assign`]).
    pub fn lookup<'a>(&'a self, tokens: &'a [Token]) -> impl Iterator<Item = (usize, Entry)> + 'a {
        tokens
            .first()
            .filter(|first| first.id != vocab::UNKNOWN)
            .and_then(|first| self.by_first.get(&first.id))
            .into_iter()
            .flatten()
            .filter(move |(phrase, _)| {
                phrase.len() <= tokens.len() && phrase.iter().zip(tokens).all(|(&p, t)| p == t.id)
            })
            .map(|(phrase, entry)| (phrase.len(), *entry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_italian_and_english() {
        assert_eq!(
            Lang::detect(
                "Secondo i servizi, Pyongyang ha inviato più di 10 mila soldati nella regione"
            ),
            Lang::It
        );
        assert_eq!(
            Lang::detect("The harbour authority said that more than 1,200 containers were damaged"),
            Lang::En
        );
    }

    #[test]
    fn one_sentence_texts_are_detected_by_their_distinctive_words() {
        use Lang::{De, En, Es, Fr, It};
        let rows = [
            ("In Germany alone, 31,457 people died.", En),
            ("On Sunday, 2,318 runners finished the marathon.", En),
            ("Over 4,200 homes lost power overnight.", En),
            ("Prices rose 3.4% in March.", En),
            ("Only 12,480 tickets were sold.", En),
            ("In Brazil, 1,732 cases were confirmed.", En),
            ("About 600 firefighters battled the blaze.", En),
            ("Airlines cancelled 1,045 flights.", En),
            ("In Francia, 2.450 persone sono state evacuate.", It),
            ("Oltre 3.100 famiglie senza corrente.", It),
            ("Sono arrivati 1.204 migranti.", It),
            ("A Milano 12.500 studenti in piazza.", It),
            ("Il debito è salito del 2,5%.", It),
            ("Incendi: 740 ettari bruciati in Sardegna.", It),
            ("In Bayern wurden 2.318 Schulen geschlossen.", De),
            ("Über 4.200 Haushalte waren ohne Strom.", De),
            ("Die Preise stiegen im März um 3,4 Prozent.", De),
            ("Nur 12.480 Karten wurden verkauft.", De),
            ("Rund 600 Feuerwehrleute kämpften gegen das Feuer.", De),
            ("Die Bahn strich 1.045 Verbindungen.", De),
            ("Gestern kamen 300 Menschen.", De),
            ("En Francia, 2.450 personas fueron evacuadas.", Es),
            ("Más de 3.100 familias sin luz.", Es),
            ("Llegaron 1.204 migrantes a Canarias.", Es),
            ("Los precios subieron un 3,4 % en marzo.", Es),
            ("Ayer se vendieron 12.480 entradas.", Es),
            ("Unos 600 bomberos combatieron el fuego.", Es),
            ("El paro bajó en 1.045 personas.", Es),
            ("En Espagne, 2 450 personnes ont été évacuées.", Fr),
            ("Plus de 3 100 foyers sans électricité.", Fr),
            ("Les prix ont augmenté de 3,4 % en mars.", Fr),
            ("Hier, 12 480 billets ont été vendus.", Fr),
            ("Environ 600 pompiers ont combattu le feu.", Fr),
            ("La SNCF a supprimé 1 045 trains.", Fr),
            ("Selon la police, 300 manifestants ont défilé.", Fr),
        ];
        let failures: Vec<String> = rows
            .iter()
            .filter(|(text, want)| Lang::detect(text) != *want)
            .map(|(text, want)| format!("{text} (want {want})"))
            .collect();
        assert!(
            failures.is_empty(),
            "{} of {} wrong:\n{}",
            failures.len(),
            rows.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn parses_language_codes() {
        assert_eq!(Lang::parse("it-IT"), Some(Lang::It));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("xx"), None);
    }
}
