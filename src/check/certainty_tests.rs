//! The certainty rules (issue 13): one test a mechanism, each written as
//! sentences and the finding expected of them. An alarm (`contradicted`,
//! `misattributed`, `outdated`) needs a certain link between claim and
//! fact; an uncertain link names the fact as a candidate instead.

use jiff::civil::{Date, date};

use super::{Finding, Verdict, check};
use crate::document::{Document, Origin};
use crate::extract::{Options, extract};
use crate::lang::Lang;
use crate::refs::parse_str;

fn findings(text: &str, lang: Lang, on: Date, refs: &str) -> Vec<Finding> {
    let index = parse_str("refs.yaml", refs).unwrap();
    let doc = Document::parse(Origin::Stdin, text.to_string(), true, Vec::new());
    let options = Options {
        lang,
        date: Some(on),
        offset_seconds: None,
        clock: None,
        month_only: false,
    };
    let extraction = extract(&doc, options);
    check(&extraction, &index, lang, Some(on))
}

/// The finding of the claim whose text contains `needle`.
fn finding(text: &str, lang: Lang, on: Date, refs: &str, needle: &str) -> Finding {
    findings(text, lang, on, refs)
        .into_iter()
        .find(|f| text[f.claim.span.range()].contains(needle))
        .unwrap_or_else(|| panic!("no claim {needle:?} in {text:?}"))
}

fn fact(f: &Finding) -> Option<&str> {
    f.fact().map(|(id, _)| id.as_str())
}

fn candidates(f: &Finding) -> Vec<&str> {
    f.candidates().iter().map(|c| c.id.as_str()).collect()
}

fn is_alarm(f: &Finding) -> bool {
    matches!(
        f.verdict,
        Verdict::Contradicted | Verdict::Misattributed | Verdict::Outdated
    )
}

const DEPLOYMENT: &str = "\
sources:
  nis:
    name: National Intelligence Service
    aliases: [NIS, servizi sudcoreani, Seul, Seoul]
  hur:
    name: Ukraine's military intelligence
    aliases: [HUR, Kiev, Kyiv]
facts:
  - id: sent
    kind: count
    match:
      - [nordcorean*, north korean*]
      - [soldat*, militar*, troops, soldiers]
    values:
      - value: 11000
        source: nis
        as_of: 2024-11-13
  - id: casualties
    kind: count
    match:
      - [nordcorean*, north korean*]
      - [mort*, ferit*, killed, wounded, casualt*]
    values:
      - value: 1000
        source: nis
        as_of: 2024-12-19
  - id: officers
    kind: count
    match:
      - [nordcorean*, north korean*]
      - [ufficial*, officers]
    values:
      - value: 400
        source: nis
        as_of: 2024-11-13
  - id: deployed-on
    kind: date
    match:
      - [nordcorean*, north korean*]
      - [inviat*, sent, dispiegat*, deployed]
    values:
      - date: 2024-10
        source: nis
  - id: incursion
    kind: date
    match:
      - [kursk]
      - [incursion*, invasion*]
    values:
      - date: 2024-08-06
        source: Reuters
";

#[test]
fn a_date_governed_by_a_reporting_verb_dates_the_statement() {
    let on = date(2024, 12, 20);
    let it = "Martedì il ministro ha dichiarato che i militari nordcoreani inviati in Russia sono 11 mila.";
    let tuesday = finding(it, Lang::It, on, DEPLOYMENT, "Martedì");
    assert!(!is_alarm(&tuesday), "{tuesday:?}");
    assert_eq!(
        finding(it, Lang::It, on, DEPLOYMENT, "11 mila").verdict,
        Verdict::Consistent
    );
    let en = "On Nov. 12 the commander said the incursion into Kursk had cost Russia 21,000 men.";
    let nov = finding(en, Lang::En, on, DEPLOYMENT, "Nov. 12");
    assert!(!is_alarm(&nov), "{nov:?}");
    assert_eq!(candidates(&nov), ["incursion"]);
}

#[test]
fn a_predicate_covers_what_it_governs() {
    let on = date(2024, 12, 20);
    let text = "Oltre 800 degli 11 mila militari nordcoreani inviati sono morti o rimasti feriti.";
    let sent = finding(text, Lang::It, on, DEPLOYMENT, "11 mila");
    assert_eq!(
        (sent.verdict, fact(&sent)),
        (Verdict::Consistent, Some("sent"))
    );
    let hurt = finding(text, Lang::It, on, DEPLOYMENT, "800");
    assert_eq!(fact(&hurt), Some("casualties"));
    assert_eq!(hurt.verdict, Verdict::Consistent);
}

const LOSSES: &str = "\
facts:
  - id: prisoners
    kind: count
    match:
      - [russia*]
      - [prisoner*, captured]
    values:
      - value: 700
        source: Kyiv
        as_of: 2024-12-01
  - id: losses
    kind: count
    match:
      - [russia*]
      - [lost, loss*]
    values:
      - value: 21000
        source: Kyiv
        as_of: 2024-12-01
";

#[test]
fn a_list_of_predicates_makes_a_total_and_commas_inside_it_end_nothing() {
    let text = "Russia has lost 21,000 soldiers killed, wounded or taken prisoner.";
    let f = finding(text, Lang::En, date(2024, 12, 20), LOSSES, "21,000");
    assert_ne!(fact(&f), Some("prisoners"), "{f:?}");
    assert!(!is_alarm(&f), "{f:?}");
    assert_eq!((f.verdict, fact(&f)), (Verdict::Consistent, Some("losses")));
}

#[test]
fn words_of_a_head_phrase_reach_the_figures_it_includes() {
    let on = date(2024, 12, 20);
    let text = "Pyongyang ha inviato 11 mila militari nordcoreani, tra cui circa 400 ufficiali e due generali.";
    let officers = finding(text, Lang::It, on, DEPLOYMENT, "400");
    assert_eq!(
        (officers.verdict, fact(&officers)),
        (Verdict::Consistent, Some("officers"))
    );
    // A wrong figure there is certainly about the officers: an alarm.
    let wrong = text.replace("400", "900");
    let officers = finding(&wrong, Lang::It, on, DEPLOYMENT, "900");
    assert_eq!(
        (officers.verdict, fact(&officers)),
        (Verdict::Contradicted, Some("officers"))
    );
}

#[test]
fn rounding_is_read_on_one_side_at_a_time() {
    let refs = DEPLOYMENT.replace("value: 11000", "value: 12000");
    let on = date(2024, 12, 20);
    // 13,000 read as rounded is 12,500–13,500 and 12,000 11,500–12,500: the
    // two widened intervals touch, but neither figure lies in the other's.
    let text = "Pyongyang ha inviato 13.000 militari nordcoreani, secondo i servizi sudcoreani.";
    let f = finding(text, Lang::It, on, &refs, "13.000");
    assert_eq!(f.verdict, Verdict::Contradicted, "{f:?}");
    // 12,400 lies within 12,000's rounding: it agrees.
    let text = "Pyongyang ha inviato 12.400 militari nordcoreani, secondo i servizi sudcoreani.";
    assert_eq!(
        finding(text, Lang::It, on, &refs, "12.400").verdict,
        Verdict::Consistent
    );
}

const STORM: &str = "\
facts:
  - id: evacuated-total
    kind: count
    match:
      - [evacuat*]
    values:
      - value: 3000
        source: civil protection
        as_of: 2024-09-16
  - id: evacuated-germany
    kind: count
    match:
      - [evacuat*]
      - [germany, german*]
    values:
      - value: 1250
        source: civil protection
        as_of: 2024-09-16
  - id: killed-total
    kind: count
    match:
      - [storm]
      - [kill*, dead, died]
    values:
      - value: 64
        source: civil protection
        as_of: 2024-09-16
  - id: killed-spain
    kind: count
    match:
      - [spain, spanish]
      - [kill*, dead, died]
    values:
      - value: 20
        source: civil protection
        as_of: 2024-09-16
";

#[test]
fn the_subject_decides_the_fact_not_the_nearest_word() {
    let on = date(2024, 9, 20);
    let germany = finding(
        "In Germany alone, 1,250 people were evacuated.",
        Lang::En,
        on,
        STORM,
        "1,250",
    );
    assert_eq!(
        (germany.verdict, fact(&germany)),
        (Verdict::Consistent, Some("evacuated-germany"))
    );
    let storm = finding(
        "The storm that hit France and Spain has now killed more than 60 people.",
        Lang::En,
        on,
        STORM,
        "60",
    );
    assert!(!is_alarm(&storm), "{storm:?}");
    assert_ne!(fact(&storm), Some("killed-spain"));
}

const VOTE: &str = "\
facts:
  - id: turnout-first
    kind: percent
    match:
      - [affluenz*, turnout]
    values:
      - value: 71.2
        source: Viminale
        as_of: 2024-06-10
  - id: turnout-runoff
    kind: percent
    match:
      - [affluenz*, turnout]
      - [ballottaggi*, runoff]
    values:
      - value: 48.7
        source: Viminale
        as_of: 2024-06-24
  - id: share
    kind: percent
    match:
      - [candidat*]
      - [ottenut*]
    values:
      - value: 48.3
        source: Viminale
        as_of: 2024-06-10
  - id: endorsed
    kind: percent
    match:
      - [sostenut*]
    values:
      - value: 12
        source: Viminale
        as_of: 2024-06-10
  - id: runoff-date
    kind: date
    match:
      - [ballottaggi*, runoff, second round]
    values:
      - date: 2024-06-23
        source: Viminale
";

#[test]
fn a_clause_holding_the_facts_terms_wins_over_a_later_clause() {
    let on = date(2024, 6, 12);
    let text = "L'affluenza è stata del 71,2%, il sindaco ha poi vinto il ballottaggio.";
    let f = finding(text, Lang::It, on, VOTE, "71,2");
    assert_eq!(
        (f.verdict, fact(&f)),
        (Verdict::Consistent, Some("turnout-first"))
    );
    let text = "Il candidato ha ottenuto il 48,3% mentre il terzo classificato ha poi sostenuto lo sfidante.";
    let f = finding(text, Lang::It, on, VOTE, "48,3");
    assert_eq!((f.verdict, fact(&f)), (Verdict::Consistent, Some("share")));
}

#[test]
fn two_facts_that_fit_equally_are_candidates_never_an_alarm() {
    let refs = "\
facts:
  - id: a
    kind: count
    match: [[flood*], [kill*]]
    values:
      - value: 40
        source: Agency X
  - id: b
    kind: count
    match: [[flood*], [kill*]]
    values:
      - value: 90
        source: Agency Y
";
    let f = finding(
        "The floods killed 300 people.",
        Lang::En,
        date(2024, 6, 12),
        refs,
        "300",
    );
    assert_eq!(f.verdict, Verdict::Unverified);
    assert_eq!(candidates(&f), ["a", "b"]);
    assert!(f.explanation().contains("possibly"), "{}", f.explanation());
}

#[test]
fn a_nearness_match_is_never_an_alarm() {
    // "soldati" and "nordcoreani" are in the sentence but not in the
    // figure's clause: the link is by nearness only.
    let text = "I soldati nordcoreani sono arrivati in treno; il viaggio è durato 20 giorni, con 3.000 chilometri percorsi.";
    let all = findings(text, Lang::It, date(2024, 12, 20), DEPLOYMENT);
    assert!(all.iter().all(|f| !is_alarm(f)), "{all:?}");
}

#[test]
fn a_date_fact_judges_only_the_date_of_its_event() {
    let on = date(2024, 6, 20);
    let text = "The ministry said on Tuesday that the runoff is set for June 23.";
    let tuesday = finding(text, Lang::En, on, VOTE, "Tuesday");
    assert!(!is_alarm(&tuesday), "{tuesday:?}");
    let june = finding(text, Lang::En, on, VOTE, "June 23");
    assert_eq!(
        (june.verdict, fact(&june)),
        (Verdict::Consistent, Some("runoff-date"))
    );
    let text =
        "Al primo turno, domenica 9 giugno, l'affluenza era stata alta, in vista del ballottaggio.";
    let first = finding(text, Lang::It, on, VOTE, "9 giugno");
    assert!(!is_alarm(&first), "{first:?}");
    let text = "The agency said on Friday that the floods had killed 40 people.";
    let refs = "\
facts:
  - id: flood-date
    kind: date
    match: [[flood*]]
    values:
      - date: 2024-05-02
        source: Flood Agency
";
    let friday = finding(text, Lang::En, on, refs, "Friday");
    assert!(!is_alarm(&friday), "{friday:?}");
}

#[test]
fn the_title_chooses_between_facts_the_sentence_supports() {
    let on = date(2024, 6, 25);
    let text = "# Runoff: the mayor wins\n\nTurnout reached 48.7 percent.\n";
    let f = finding(text, Lang::En, on, VOTE, "48.7");
    assert_eq!(
        (f.verdict, fact(&f)),
        (Verdict::Consistent, Some("turnout-runoff"))
    );
    // Without the title the first round's fact is the only one: 48.7 is
    // not its figure, but nothing else supports the link to a round.
    let f = finding(
        "Turnout reached 48.7 percent.\n",
        Lang::En,
        on,
        VOTE,
        "48.7",
    );
    assert_eq!(fact(&f), Some("turnout-first"));
}

#[test]
fn a_stale_lower_bound_is_outdated() {
    let refs = "\
facts:
  - id: toll
    kind: count
    match: [[dead, killed, died]]
    values:
      - value: 3100
        source: Health Ministry
        as_of: 2025-01-10
      - value: 6400
        source: Health Ministry
        as_of: 2025-01-20
";
    let f = finding(
        "At least 3,100 people are dead.",
        Lang::En,
        date(2025, 2, 1),
        refs,
        "3,100",
    );
    assert_eq!(f.verdict, Verdict::Outdated, "{f:?}");
    // Before the new count the bound was the news.
    let f = finding(
        "At least 3,100 people are dead.",
        Lang::En,
        date(2025, 1, 12),
        refs,
        "3,100",
    );
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
}

#[test]
fn a_replaced_figure_to_the_digit_is_outdated_though_the_new_one_rounds_to_it() {
    let refs = "\
facts:
  - id: toll
    kind: count
    match: [[dead, killed, died]]
    values:
      - value: 265
        source: Police
        as_of: 2025-06-12
      - value: 260
        source: Police
        as_of: 2025-06-28
  - id: hurt
    kind: count
    match: [[injured]]
    values:
      - value: 1000
        source: Ministry
        as_of: 2025-06-12
      - value: 1040
        source: Ministry
        as_of: 2025-06-28
";
    // 260 may be a rounded 265, but 265 is what the police said before.
    let f = finding(
        "The crash left 265 people dead.",
        Lang::En,
        date(2025, 7, 1),
        refs,
        "265",
    );
    assert_eq!(f.verdict, Verdict::Outdated, "{f:?}");
    let f = finding(
        "The crash left 265 people dead.",
        Lang::En,
        date(2025, 6, 20),
        refs,
        "265",
    );
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
    let f = finding(
        "The crash left 260 people dead.",
        Lang::En,
        date(2025, 7, 1),
        refs,
        "260",
    );
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
    // A round figure whose own rounding holds the new one may be it.
    let text = "The crash left 1,000 people injured.";
    let f = finding(text, Lang::En, date(2025, 7, 1), refs, "1,000");
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
}

#[test]
fn a_source_named_by_its_capital_is_an_attribution() {
    let on = date(2024, 12, 20);
    let refs = DEPLOYMENT.replace(
        "        as_of: 2024-11-13\n  - id: casualties",
        "        as_of: 2024-11-13\n      - value: 15000\n        source: hur\n        as_of: 2024-12-01\n  - id: casualties",
    );
    let text = "Secondo Seul, Pyongyang ha inviato 15 mila militari nordcoreani.";
    let f = finding(text, Lang::It, on, &refs, "15 mila");
    assert_eq!(f.verdict, Verdict::Misattributed, "{f:?}");
    let text = "Secondo Kiev, Pyongyang ha inviato 15 mila militari nordcoreani.";
    let f = finding(text, Lang::It, on, &refs, "15 mila");
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
}

#[test]
fn every_finding_says_which_words_tied_it_to_its_fact() {
    let text = "Circa 600 soldati nordcoreani sono morti.";
    let f = finding(text, Lang::It, date(2024, 12, 20), DEPLOYMENT, "600");
    assert_eq!(fact(&f), Some("casualties"));
    let words: Vec<&str> = f.why().iter().map(|s| &text[s.range()]).collect();
    assert_eq!(words, ["nordcoreani", "morti"]);
}

const RATES: &str = "\
facts:
  - id: bank-rate
    kind: percent
    match: [[rate*, tass*]]
    values:
      - {value: 5.25, source: central bank, as_of: 2023-08-03}
      - {value: 5, source: central bank, as_of: 2024-08-01}
  - id: hikes
    kind: count
    match: [[hike*, rialz*]]
    values:
      - {value: 14, source: central bank, as_of: 2023-08-03}
  - id: cpi-nov
    kind: percent
    match: [[\"base annua\", inflazion*], [novembre]]
    values:
      - {value: 0.7, source: Istat, as_of: 2023-12-15}
  - id: magnitude
    kind: count
    match: [[magnitud*]]
    values:
      - {value: 6.8, source: USGS, as_of: 2023-09-08}
";

#[test]
fn a_reference_cut_to_five_percent_does_not_cover_the_figure_it_replaced() {
    // A reference 5 reads as 4.75–5.25 (the 5 % cap), without its edge:
    // the old 5.25 is outdated, not a rounding of 5.
    let on = date(2024, 8, 2);
    let text =
        "The bank cut the rate to 5 percent. Four members wanted to keep the rate at 5.25 percent.";
    let f = finding(text, Lang::En, on, RATES, "5.25");
    assert_eq!(f.verdict, Verdict::Outdated, "{f:?}");
}

#[test]
fn a_date_dates_the_figure_nearest_to_it() {
    // "December 2021" dates the record low, not the 42 hikes: the tripled
    // count is certainly about the fact and contradicted.
    let on = date(2024, 8, 2);
    let text = "The bank carried out 42 consecutive rate hikes from a record low of 0.1 percent in December 2021 to 5.25 percent.";
    let f = finding(text, Lang::En, on, RATES, "42");
    assert_eq!(f.verdict, Verdict::Contradicted, "{f:?}");
    // Alone with the date, the figure is dated to another time.
    let text = "In December 2021 the bank carried out 42 rate hikes.";
    let f = finding(text, Lang::En, on, RATES, "42");
    assert!(!is_alarm(&f), "{f:?}");
}

#[test]
fn the_date_a_sentence_opens_with_dates_all_its_figures() {
    // "novembre" stands three clauses before "0,6%", in the sentence's
    // opening date: the figure is certainly November's, and wrong.
    let on = date(2023, 12, 15);
    let text = "Nel mese di novembre 2023 si stima che l'indice dei prezzi, al lordo dei tabacchi, aumenti dello 0,2% su base mensile e dello 0,6% su base annua.";
    let f = finding(text, Lang::It, on, RATES, "0,6%");
    assert_eq!(fact(&f), Some("cpi-nov"), "{f:?}");
    assert_eq!(f.verdict, Verdict::Contradicted, "{f:?}");
    // Without the opening date, the month two clauses away is no tie.
    let text = "L'indice dei prezzi, al lordo dei tabacchi, sale dello 0,6% su base annua, dice l'Istat di novembre.";
    let f = finding(text, Lang::It, on, RATES, "0,6%");
    assert!(!is_alarm(&f), "{f:?}");
}

#[test]
fn a_magnitude_checks_a_fact_filed_as_a_plain_number() {
    let on = date(2023, 9, 9);
    let f = finding(
        "Una scossa di magnitudo 6,8 ha colpito il Marocco.",
        Lang::It,
        on,
        RATES,
        "6,8",
    );
    assert_eq!(fact(&f), Some("magnitude"), "{f:?}");
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
    let f = finding(
        "Una scossa di magnitudo 7,9 ha colpito il Marocco.",
        Lang::It,
        on,
        RATES,
        "7,9",
    );
    assert_eq!(f.verdict, Verdict::Contradicted, "{f:?}");
}

const QUAKE: &str = "\
facts:
  - id: deaths
    kind: count
    match: [[death*, dead, toll], [quake*]]
    values:
      - {value: 632, source: Interior Ministry, as_of: 2023-09-09}
  - id: injured
    kind: count
    match: [[injured]]
    values:
      - {value: 329, source: Interior Ministry, as_of: 2023-09-09}
  - id: magnitude
    kind: count
    match: [[magnitud*]]
    values:
      - {value: 6.8, source: USGS, as_of: 2023-09-08}
  - id: gold-tokyo
    kind: count
    match: [[ori, gold], [tokyo]]
    values:
      - {value: 10, source: CONI}
";

#[test]
fn a_later_figures_unit_or_noun_says_nothing_of_an_earlier_one() {
    let on = date(2023, 9, 9);
    let text = "Death Toll Rises To 632 & 329 Injured After Quake Of Magnitude 6.8 Hits The Country\n\nRescuers are at work.";
    let toll = finding(text, Lang::En, on, QUAKE, "632");
    assert!(!is_alarm(&toll), "{toll:?}");
    assert_ne!(fact(&toll), Some("magnitude"), "{toll:?}");
    assert_ne!(fact(&toll), Some("injured"), "{toll:?}");
    let injured = finding(text, Lang::En, on, QUAKE, "329");
    assert!(!is_alarm(&injured), "{injured:?}");
    assert_ne!(fact(&injured), Some("magnitude"), "{injured:?}");
}

#[test]
fn a_figure_followed_by_more_or_fewer_is_a_difference() {
    // "(due più di Tokyo)": two more than Tokyo's, not Tokyo's golds.
    let on = date(2024, 8, 12);
    let text = "Il bottino parla di 12 ori (due più di Tokyo) e 13 argenti.";
    let f = finding(text, Lang::It, on, QUAKE, "due");
    assert!(!is_alarm(&f), "{f:?}");
}

const NOTO: &str = "\
facts:
  - id: quake-date
    kind: date
    match: [[quake*, earthquake*, terremot*], [noto, ishikawa, japan, giappone]]
    values:
      - {date: 2024-01-01, source: JMA}
  - id: injured
    kind: count
    match: [[injured]]
    values:
      - {value: 372, source: Yomiuri, as_of: 2024-01-03}
  - id: max-intensity
    kind: count
    match: [[intensity]]
    values:
      - {value: 7, source: JMA, as_of: 2024-01-01}
";

#[test]
fn a_place_name_before_a_date_does_not_make_it_the_events_date() {
    let on = date(2024, 1, 2);
    let text =
        "Il Giappone è impegnato martedì nella ricerca dei sopravvissuti al terremoto di Noto.";
    let f = finding(text, Lang::It, on, NOTO, "martedì");
    assert!(!is_alarm(&f), "{f:?}");
    // The event word governs it: a wrong day is contradicted.
    let text = "Il terremoto di martedì ha colpito la penisola di Noto, in Giappone.";
    let f = finding(text, Lang::It, on, NOTO, "martedì");
    assert_eq!(f.verdict, Verdict::Contradicted, "{f:?}");
}

#[test]
fn a_figure_in_the_scope_of_anothers_count_is_not_the_count() {
    let on = date(2024, 1, 4);
    let text = "A total of 372 people had been injured in seven prefectures, the paper said.";
    let f = finding(text, Lang::En, on, NOTO, "seven");
    assert!(!is_alarm(&f), "{f:?}");
    let f = finding(text, Lang::En, on, NOTO, "372");
    assert_eq!(
        (f.verdict, fact(&f)),
        (Verdict::Consistent, Some("injured"))
    );
}

const BRIDGE: &str = "\
sources:
  reuters: {name: Reuters}
  nyt: {name: The New York Times, aliases: [New York Times]}
facts:
  - id: cost
    kind: money
    currency: USD
    match: [[costat*, cost*]]
    values:
      - {value: 110000000, source: reuters, as_of: 2024-03-26}
      - {value: 141000000, source: nyt, as_of: 2024-03-26}
  - id: distance
    kind: measure
    unit: km
    match: [[epicentr*], [marrakech]]
    values:
      - {value: 71, source: reuters, as_of: 2023-09-09}
  - id: depth
    kind: measure
    unit: km
    match: [[profondit*]]
    values:
      - {value: 18.5, source: reuters, as_of: 2023-09-09}
";

#[test]
fn an_attribution_between_commas_is_an_aside_the_clause_reads_through() {
    let on = date(2024, 3, 27);
    let text = "Il ponte era costato all'epoca, secondo Reuters, 141 milioni di dollari.";
    let f = finding(text, Lang::It, on, BRIDGE, "141");
    assert_eq!(
        (f.verdict, fact(&f)),
        (Verdict::Misattributed, Some("cost")),
        "{f:?}"
    );
    // A conjunction before the aside still parts two figures.
    let text = "Con epicentro a 70 chilometri da Marrakech e, secondo Reuters, ad una profondità di 18 chilometri.";
    let f = finding(text, Lang::It, date(2023, 9, 9), BRIDGE, "18");
    assert_eq!(fact(&f), Some("depth"), "{f:?}");
    assert!(!is_alarm(&f), "{f:?}");
}

const TWO_SOURCES: &str = "\
sources:
  jma: {name: Japan Meteorological Agency, aliases: [JMA]}
  usgs: {name: US Geological Survey, aliases: [USGS]}
facts:
  - id: magnitude
    kind: count
    match: [[magnitud*]]
    values:
      - {value: 7.6, source: jma, as_of: 2024-01-01}
      - {value: 7.5, source: usgs, as_of: 2024-01-01}
";

#[test]
fn two_sources_in_a_sentence_each_name_their_own_figure() {
    let on = date(2024, 1, 2);
    let text = "La scossa ha avuto una magnitudo di 7,6 secondo l'USGS e di 7,5 secondo la JMA.";
    let all = findings(text, Lang::It, on, TWO_SOURCES);
    let verdicts: Vec<Verdict> = all.iter().map(|f| f.verdict).collect();
    assert_eq!(
        verdicts,
        [Verdict::Misattributed, Verdict::Misattributed],
        "{all:?}"
    );
    let text = "La scossa ha avuto una magnitudo di 7,5 secondo l'USGS e di 7,6 secondo la JMA.";
    let all = findings(text, Lang::It, on, TWO_SOURCES);
    assert!(
        all.iter().all(|f| f.verdict == Verdict::Consistent),
        "{all:?}"
    );
    // A source before its figure, after a comma.
    let text = "Secondo l'USGS la magnitudo è stata 7,5, secondo la JMA 7,6.";
    let all = findings(text, Lang::It, on, TWO_SOURCES);
    assert!(
        all.iter().all(|f| f.verdict == Verdict::Consistent),
        "{all:?}"
    );
}

#[test]
fn a_predicate_another_figure_counts_does_not_bar_a_fact() {
    let refs = "\
facts:
  - id: countries
    kind: count
    match: [[countries], [region]]
    values:
      - {value: 53, source: WHO}
";
    let on = date(2025, 3, 13);
    let text = "Last year 38 deaths were registered in the WHO's European region, which counts 53 countries.";
    let f = finding(text, Lang::En, on, refs, "53");
    assert_eq!(
        (f.verdict, fact(&f)),
        (Verdict::Consistent, Some("countries")),
        "{f:?}"
    );
    // A figure in the scope of another count is never accused.
    let text =
        "Data reveal 56,634 cases and four deaths across 45 countries in the European region.";
    let f = finding(text, Lang::En, on, refs, "45");
    assert!(!is_alarm(&f), "{f:?}");
}

#[test]
fn predicates_far_apart_make_no_total() {
    let refs = "\
facts:
  - id: deaths
    kind: count
    match: [[mort*, vittim*], [terremot*]]
    values:
      - {value: 2012, source: Interior Ministry, as_of: 2023-09-09}
";
    let on = date(2023, 9, 9);
    let text = "Nel terremoto i morti hanno superato le mille unità e altrettanto i feriti.";
    let f = finding(text, Lang::It, on, refs, "mille");
    assert_eq!(
        (f.verdict, fact(&f)),
        (Verdict::Consistent, Some("deaths")),
        "{f:?}"
    );
    // A list of predicates next to each other is still a total.
    let text = "Nel terremoto 3000 persone sono state uccise, ferite o disperse.";
    let refs = refs.replace("mort*, vittim*", "uccis*, mort*");
    let f = finding(text, Lang::It, on, &refs, "3000");
    assert!(!is_alarm(&f), "{f:?}");
}

#[test]
fn a_breakdown_after_a_total_does_not_refine_it() {
    let refs = "\
facts:
  - id: deaths
    kind: count
    match: [[killed, dead]]
    values:
      - {value: 92, source: Ishikawa prefecture, as_of: 2024-01-05}
      - {value: 126, source: Ishikawa prefecture, as_of: 2024-01-06}
  - id: wajima-deaths
    kind: count
    match: [[wajima], [killed, dead]]
    values:
      - {value: 69, source: Ishikawa prefecture, as_of: 2024-01-06}
";
    let on = date(2024, 1, 6);
    let text = "The number of people killed has risen to 92. Of these, 69 were in Wajima.";
    let f = finding(text, Lang::En, on, refs, "92");
    assert_eq!(
        (f.verdict, fact(&f)),
        (Verdict::Outdated, Some("deaths")),
        "{f:?}"
    );
}

const TURNOUT: &str = "\
sources:
  viminale:
    name: Ministero dell'Interno
facts:
  - id: turnout-2024
    kind: percent
    match:
      - [affluenz*, \"andat* a votare\"]
    values:
      - {value: 45.96, source: viminale, as_of: 2024-10-28}
  - id: turnout-2020
    kind: percent
    match:
      - [affluenz*, \"andat* a votare\"]
      - [\"2020\", precedent*]
    values:
      - {value: 53.42, source: viminale, as_of: 2020-09-22}
";

#[test]
fn a_figure_left_without_a_fact_takes_its_sentences_spare_one_uncertainly() {
    // The clause holding the turnout words is the 2020 figure's, which
    // takes the 2020 fact: the 2024 fact is left over, and so is the
    // figure of the clause before.
    let text = |figure: &str| {
        format!(
            "Il dato finale si ferma al {figure}, in calo di sette punti \
             rispetto al voto del 2020 quando era andato a votare il 53,42% \
             degli elettori."
        )
    };
    let on = date(2024, 10, 29);
    let f = finding(&text("45,96%"), Lang::It, on, TURNOUT, "45,96");
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
    assert_eq!(fact(&f), Some("turnout-2024"));
    // Uncertain: a figure that disagrees is not accused.
    let f = finding(&text("41,96%"), Lang::It, on, TURNOUT, "41,96");
    assert_eq!(f.verdict, Verdict::Unverified, "{f:?}");
    assert_eq!(candidates(&f), ["turnout-2024"], "{}", f.explanation());
    let f = finding(&text("41,96%"), Lang::It, on, TURNOUT, "53,42");
    assert_eq!(fact(&f), Some("turnout-2020"));
}

const MAGNITUDE: &str = "\
sources:
  usgs:
    name: USGS
facts:
  - id: magnitude
    kind: count
    match:
      - [magnitud*, richter]
    values:
      - {value: 6.8, source: usgs, as_of: 2023-09-08}
";

#[test]
fn predicates_say_nothing_of_a_measure() {
    // "Death" is what happened to the 632, not to the magnitude.
    let text =
        |m: &str| format!("Death toll rises to 632 after a quake of magnitude {m} hit the region.");
    let on = date(2023, 9, 9);
    let f = finding(&text("6.8"), Lang::En, on, MAGNITUDE, "6.8");
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
    let f = finding(&text("7.4"), Lang::En, on, MAGNITUDE, "7.4");
    assert_eq!(f.verdict, Verdict::Contradicted, "{f:?}");
}

const TWO_MAGNITUDES: &str = "\
sources:
  usgs:
    name: USGS
    aliases: [USGS]
  cnrst:
    name: CNRST
    aliases: [Rabat]
facts:
  - id: magnitude
    kind: count
    match:
      - [magnitud*]
    values:
      - {value: 6.8, source: usgs, as_of: 2023-09-08}
      - {value: 7, source: cnrst, as_of: 2023-09-08}
";

#[test]
fn a_bare_figure_a_conjunction_opens_says_the_same_as_the_one_before() {
    let text = |m: &str| {
        format!(
            "La scossa, di magnitudo 6,8 secondo l'USGS, ma {m} per l'istituto di Rabat, ha colpito di notte."
        )
    };
    let on = date(2023, 9, 9);
    let f = finding(&text("7,0"), Lang::It, on, TWO_MAGNITUDES, "7,0");
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
    // Uncertain: the ellipsis may be read wrong, so no alarm.
    let f = finding(&text("7,9"), Lang::It, on, TWO_MAGNITUDES, "7,9");
    assert_eq!(f.verdict, Verdict::Unverified, "{f:?}");
    assert_eq!(candidates(&f), ["magnitude"]);
}

const PRICES: &str = "\
sources:
  bls:
    name: BLS
facts:
  - id: cpi-mom
    kind: percent
    match:
      - [prices, prezzi]
    values:
      - {value: -0.1, source: bls, as_of: 2024-07-11}
";

#[test]
fn a_fall_is_read_with_the_sign_its_words_give() {
    let on = date(2024, 7, 12);
    let verdict = |text: &str, lang: Lang| finding(text, lang, on, PRICES, "%").verdict;
    assert_eq!(
        verdict("Consumer prices fell 0.1% in June.", Lang::En),
        Verdict::Consistent
    );
    assert_eq!(
        verdict("Consumer prices posted a 0.1% decline in June.", Lang::En),
        Verdict::Consistent
    );
    assert_eq!(
        verdict("I prezzi sono in calo dello 0,1% a giugno.", Lang::It),
        Verdict::Consistent
    );
    // The words say the figure is wrong.
    assert_eq!(
        verdict("Consumer prices fell 0.4% in June.", Lang::En),
        Verdict::Contradicted
    );
    assert_eq!(
        verdict("Consumer prices rose 0.1% in June.", Lang::En),
        Verdict::Contradicted
    );
    // No word gives the sign: no alarm, the fact a candidate.
    let f = finding("Consumer prices: 0.1% in June.", Lang::En, on, PRICES, "%");
    assert_eq!(f.verdict, Verdict::Unverified, "{f:?}");
    assert_eq!(candidates(&f), ["cpi-mom"]);
}

const SEATS: &str = "\
sources:
  sgmai:
    name: SGMAI
facts:
  - id: chega-seats
    kind: count
    match:
      - [chega]
      - [seats, seggi]
    values:
      - {value: 50, source: sgmai, as_of: 2024-03-20}
";

#[test]
fn a_gain_is_not_a_total() {
    let on = date(2024, 3, 21);
    let f = finding("Chega gained two seats abroad.", Lang::En, on, SEATS, "two");
    assert_eq!(f.verdict, Verdict::Unverified, "{f:?}");
    let f = finding(
        "Chega ha guadagnato due seggi all'estero.",
        Lang::It,
        on,
        SEATS,
        "due",
    );
    assert_eq!(f.verdict, Verdict::Unverified, "{f:?}");
    let f = finding("Chega won 50 seats.", Lang::En, on, SEATS, "50");
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
}

const FLOODS: &str = "\
sources:
  defesa:
    name: Defesa Civil
facts:
  - id: municipalities
    kind: count
    match:
      - [municip*]
      - [suffer*, damage*]
    values:
      - {value: 147, source: defesa, as_of: 2024-05-02}
      - {value: 265, source: defesa, as_of: 2024-05-03}
      - {value: 317, source: defesa, as_of: 2024-05-04}
  - id: displaced
    kind: count
    match:
      - [displac*]
    values:
      - {value: 24080, source: defesa, as_of: 2024-05-03}
";

#[test]
fn a_bound_far_below_another_facts_figure_is_not_rescued_by_it() {
    // "At least 265" agrees with 24,080 displaced only as a bound does
    // with anything larger: the stale count stays outdated.
    let text = "At least 265 municipalities have suffered damage since Monday, \
                displacing more than 24,000 people.";
    let f = finding(text, Lang::En, date(2024, 5, 4), FLOODS, "265");
    assert_eq!(f.verdict, Verdict::Outdated, "{f:?}");
    assert_eq!(fact(&f), Some("municipalities"));
}

const ANNUAL: &str = "\
sources:
  bls:
    name: BLS
facts:
  - id: cpi-yoy
    kind: percent
    match:
      - [prices]
      - [annual, 12 months]
    values:
      - {value: 3.0, source: bls, as_of: 2024-07-11}
      - {value: 2.9, source: bls, as_of: 2024-08-14}
";

#[test]
fn a_figure_is_as_precise_as_its_written_digits() {
    let on = date(2024, 8, 15);
    let verdict = |figure: &str| {
        let text = format!("Annual prices rose {figure} in July.");
        finding(&text, Lang::En, on, ANNUAL, "%").verdict
    };
    // "3.0%" is 2.95–3.05: last month's figure, not this month's 2.9.
    assert_eq!(verdict("3.0%"), Verdict::Outdated);
    assert_eq!(verdict("2.90%"), Verdict::Consistent);
    // "3%" is read as rounded, and 2.9 rounds to it.
    assert_eq!(verdict("3%"), Verdict::Consistent);
    // A term may hold another figure: "12 months" names the period.
    let text = "Prices rose 3.0% over the last 12 months.";
    assert_eq!(
        finding(text, Lang::En, on, ANNUAL, "3.0").verdict,
        Verdict::Outdated
    );
}

const GOLDS: &str = "\
sources:
  coni:
    name: CONI
facts:
  - id: paris-gold
    kind: count
    match:
      - [gold, golds]
      - [italy, paris]
    values:
      - {value: 12, source: coni, as_of: 2024-08-11}
";

#[test]
fn the_lede_says_whose_figures_follow_weakly() {
    let text = |n: &str| {
        format!(
            "Aug 12, 2024\n\nThe Paris Olympic Games were a great success for Italy, \
             despite bad luck and a few injuries.\n\nIt was a long summer.\n\n\
             We won {n} gold medals and many fourth places."
        )
    };
    let on = date(2024, 8, 12);
    let f = finding(&text("12"), Lang::En, on, GOLDS, "gold");
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
    // Only the lede ties it: a wrong figure is not accused.
    let f = finding(&text("14"), Lang::En, on, GOLDS, "gold");
    assert_eq!(f.verdict, Verdict::Unverified, "{f:?}");
    assert_eq!(candidates(&f), ["paris-gold"]);
}

const SHOCK: &str = "\
sources:
  jma:
    name: JMA
facts:
  - id: max-intensity
    kind: count
    match:
      - [intensity]
    values:
      - {value: 7, source: jma, as_of: 2024-01-01}
";

#[test]
fn a_figure_dated_after_every_reference_figure_is_not_judged() {
    // Saturday's aftershock is not the main shock the reference measured
    // on Monday; nor can a file that stops on Monday speak for Saturday.
    let text = "A powerful quake occurred at 5:26 a.m. on Saturday, registering \
                5 on the seismic intensity scale.";
    let five = |text: &str| {
        findings(text, Lang::En, date(2024, 1, 6), SHOCK)
            .into_iter()
            .find(|f| &text[f.claim.span.range()] == "5")
            .unwrap()
    };
    let f = five(text);
    assert_eq!(f.verdict, Verdict::Unverified, "{f:?}");
    assert_eq!(candidates(&f), ["max-intensity"]);
    // Undated, the same figure is judged.
    let text = "The quake registered 5 on the seismic intensity scale.";
    let f = five(text);
    assert_eq!(f.verdict, Verdict::Contradicted, "{f:?}");
}

const LOWEST: &str = "\
sources:
  bls:
    name: BLS
facts:
  - id: lowest-since
    kind: date
    match:
      - [all-items]
      - [smallest]
    values:
      - {date: 2021-03, source: bls, as_of: 2024-08-14}
";

#[test]
fn an_apposition_describes_the_clause_before_it() {
    // ", the smallest … since" goes on with the all-items index; the
    // hyphened "12-month" is no figure between "smallest" and the date.
    let text = |month: &str| {
        format!(
            "The all-items index rose 2.9% over the 12 months ending July, the \
             smallest 12-month increase since {month} 2021."
        )
    };
    let on = date(2024, 8, 14);
    let f = finding(&text("March"), Lang::En, on, LOWEST, "since");
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
    let f = finding(&text("May"), Lang::En, on, LOWEST, "since");
    assert_eq!(f.verdict, Verdict::Contradicted, "{f:?}");
}

const RESULTS: &str = "\
sources:
  nvidia:
    name: Nvidia
facts:
  - id: revenue
    kind: money
    currency: USD
    match:
      - [revenue, fatturato]
    values:
      - {value: 30040000000, source: nvidia, as_of: 2024-08-28}
  - id: outlook
    kind: money
    currency: USD
    match:
      - [revenue]
      - [expect*, outlook]
    values:
      - {value: 32500000000, source: nvidia, as_of: 2024-08-28}
  - id: eps
    kind: money
    currency: USD
    match:
      - [per share]
    values:
      - {value: 0.68, source: nvidia, as_of: 2024-08-28}
";

#[test]
fn forecasts_estimates_and_other_quantities_are_not_accused() {
    let on = date(2024, 8, 29);
    let verdict =
        |text: &str, lang: Lang, needle: &str| finding(text, lang, on, RESULTS, needle).verdict;
    // Someone's estimate, not the figure reported.
    assert_eq!(
        verdict(
            "Revenue beat the analysts' estimates of $28.73 billion.",
            Lang::En,
            "28.73"
        ),
        Verdict::Unverified
    );
    assert_eq!(
        verdict(
            "Meglio delle attese degli analisti, che avevano messo in conto un fatturato di 31,77 miliardi di dollari.",
            Lang::It,
            "31,77"
        ),
        Verdict::Unverified
    );
    // A bracket a baseline word opens holds the comparison's other side,
    // even for the outlook fact, whose words name the expectation.
    let text = "Revenue: $30.04 billion (versus Wall Street expectations of $28.73 billion)";
    assert_eq!(verdict(text, Lang::En, "28.73"), Verdict::Unverified);
    // The reported figure beside that bracket is still judged.
    let text = "Revenue: $26.04 billion (versus Wall Street expectations of $28.73 billion)";
    assert_eq!(verdict(text, Lang::En, "26.04"), Verdict::Contradicted);
    // A line ending in a colon leads the next.
    let text = "Outlook for the next quarter is:\n\nRevenue of $32.5 billion\n";
    assert_eq!(verdict(text, Lang::En, "32.5"), Verdict::Unverified);
    // A vague figure says too little to be wrong.
    assert_eq!(
        verdict(
            "Revenue reached several billion dollars.",
            Lang::En,
            "several"
        ),
        Verdict::Unverified
    );
    // Billions against a per-share figure: another quantity.
    assert_eq!(
        verdict(
            "Earnings per share came to $30.04 billion.",
            Lang::En,
            "30.04"
        ),
        Verdict::Unverified
    );
}

const ROUNDS: &str = "\
sources:
  board:
    name: Election board
facts:
  - id: turnout-first
    kind: percent
    match:
      - [turnout]
    values:
      - {value: 87.0, source: board, as_of: 2023-05-15}
  - id: turnout-runoff
    kind: percent
    match:
      - [turnout]
      - [runoff]
    values:
      - {value: 84.2, source: board, as_of: 2023-05-29}
";

#[test]
fn the_front_matter_title_chooses_between_facts_and_makes_no_claim() {
    let text =
        "---\ntitle: \"Runoff: the incumbent wins with 52%\"\n---\nTurnout reached 84.2 percent.\n";
    let all = findings(text, Lang::En, date(2023, 5, 29), ROUNDS);
    assert_eq!(all.len(), 1, "the title's 52% is no claim: {all:?}");
    assert_eq!(all[0].verdict, Verdict::Consistent, "{:?}", all[0]);
    assert_eq!(fact(&all[0]), Some("turnout-runoff"));
}

const EPS: &str = "\
sources:
  nvidia:
    name: Nvidia
facts:
  - id: eps
    kind: money
    currency: USD
    match:
      - [per azione]
    values:
      - {value: 0.25, source: nvidia, as_of: 2023-08-23}
      - {value: 0.67, source: nvidia, as_of: 2024-08-28}
";

#[test]
fn cents_take_the_articles_currency_and_an_or_keeps_the_comparison() {
    let text = "L'utile netto è di 16,6 miliardi di dollari, o 67 centesimi per azione, \
                più che doppio rispetto ai 6,19 miliardi di dollari, o 25 centesimi per azione, \
                di un anno prima.";
    let on = date(2024, 8, 29);
    let f = finding(text, Lang::It, on, EPS, "67 centesimi");
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
    // The comparison's other side agrees with the figure the file has
    // since replaced: the history, `outdated`, never accused of more.
    let f = finding(text, Lang::It, on, EPS, "25 centesimi");
    assert_eq!(f.verdict, Verdict::Outdated, "{f:?}");
    let f = finding(
        &text.replace("25 centesimi", "35 centesimi"),
        Lang::It,
        on,
        EPS,
        "35 centesimi",
    );
    assert_eq!(f.verdict, Verdict::Unverified, "{f:?}");
}

const ELECTION: &str = "\
sources:
  count:
    name: Official count
  congress:
    name: Congress
facts:
  - id: pp-seats
    kind: count
    match:
      - [PP]
      - [seats, seggi]
    values:
      - {value: 136, source: count, as_of: 2023-07-23}
  - id: pp-share
    kind: percent
    tolerance: 0.05
    match:
      - [PP]
      - [vote, voti]
    values:
      - {value: 33.05, source: count, as_of: 2023-07-23}
  - id: bloc-seats
    kind: count
    match:
      - [PP and Vox, together]
      - [seats]
    values:
      - {value: 170, source: count, as_of: 2023-07-28}
  - id: majority
    kind: count
    match:
      - [majority, maggioranza]
    values:
      - {value: 176, source: congress}
  - id: missing
    kind: count
    match:
      - [missing, dispersi]
    values:
      - {value: 850, source: count, as_of: 2023-08-22}
  - id: over65
    kind: percent
    match:
      - [65 or older, over-65]
    values:
      - {value: 24, source: count, as_of: 2023-04-07}
      - {value: 24.3, source: count, as_of: 2024-03-29}
";

#[test]
fn a_tolerance_reaches_its_edge_in_decimal() {
    // 33.05 ± 0.05 reaches 33.1, although 33.05 + 0.05 falls short of
    // 33.1 in binary.
    let on = date(2023, 7, 24);
    let f = finding(
        "The PP won 33.1% of the vote.",
        Lang::En,
        on,
        ELECTION,
        "33.1",
    );
    assert_eq!(f.verdict, Verdict::Consistent);
}

#[test]
fn figures_far_from_every_reference_figure_count_something_else() {
    let on = date(2023, 7, 24);
    // Seven (short of a majority) and two blocs are not 176 seats.
    let f = finding(
        "The PP and Vox have 169 seats, seven short of a majority.",
        Lang::En,
        on,
        ELECTION,
        "seven",
    );
    assert!(!is_alarm(&f), "{f:?}");
    let f = finding(
        "Le urne non hanno dato a nessuno dei due blocchi la maggioranza assoluta.",
        Lang::It,
        on,
        ELECTION,
        "due",
    );
    assert!(!is_alarm(&f), "{f:?}");
    // A slipped power of ten is still a wrong figure: 1,760 is 176 with a
    // digit added.
    let f = finding(
        "The absolute majority is 1,760.",
        Lang::En,
        on,
        ELECTION,
        "1,760",
    );
    assert_eq!(f.verdict, Verdict::Contradicted);
}

#[test]
fn a_figure_after_one_that_agrees_with_the_fact_is_another_quantity() {
    let on = date(2023, 7, 29);
    // The 170 agrees with the bloc; the 350 after it is the whole house.
    let text = "Together the PP and Vox hold 170 of the Congress's 350 seats.";
    assert_eq!(
        finding(text, Lang::En, on, ELECTION, "170").verdict,
        Verdict::Consistent
    );
    assert!(!is_alarm(&finding(text, Lang::En, on, ELECTION, "350")));
    // A figure before the agreeing one is still judged: the article is at
    // odds with itself.
    let text = "Together the PP and Vox hold 190 seats (170 after the recount).";
    assert_eq!(
        finding(text, Lang::En, on, ELECTION, "190").verdict,
        Verdict::Contradicted
    );
}

#[test]
fn undone_states_polls_and_exceptions_are_not_the_fact() {
    let on = date(2023, 8, 23);
    // Found safe: no longer missing.
    let f = finding(
        "The count fell because 1,285 people who had been reported missing were found safe.",
        Lang::En,
        on,
        ELECTION,
        "1,285",
    );
    assert!(!is_alarm(&f), "{f:?}");
    // The missing themselves are still judged.
    let f = finding(
        "1,285 people are still missing.",
        Lang::En,
        on,
        ELECTION,
        "1,285",
    );
    assert_eq!(f.verdict, Verdict::Contradicted);
    // An exit poll is a forecast.
    let f = finding(
        "An exit poll put the PP on 150 seats.",
        Lang::En,
        date(2023, 7, 23),
        ELECTION,
        "150",
    );
    assert!(!is_alarm(&f), "{f:?}");
    // "All but two": the ones left out.
    let f = finding(
        "All but two of the missing were found.",
        Lang::En,
        on,
        ELECTION,
        "two",
    );
    assert!(!is_alarm(&f), "{f:?}");
}

#[test]
fn a_bound_that_rounds_the_current_figure_down_is_not_stale() {
    // 24 became 24.3: "more than 24%" is true and current.
    let on = date(2024, 4, 2);
    let f = finding(
        "More than 24% of residents were 65 or older.",
        Lang::En,
        on,
        ELECTION,
        "24%",
    );
    assert_eq!(f.verdict, Verdict::Consistent);
}

const EMERGENCY: &str = "\
sources:
  who:
    name: WHO
facts:
  - id: pheic-2024
    kind: date
    match:
      - [emergency]
    values:
      - {date: 2024-08-14, source: who}
  - id: pheic-2022
    kind: date
    match:
      - [emergency]
      - [first, last]
    values:
      - {date: 2022-07-23, source: who}
";

#[test]
fn relative_dates_are_not_the_event_by_their_own_words() {
    let on = date(2024, 8, 20);
    // "last" is the date's word, not the fact's.
    let f = finding(
        "Africa was put on an emergency footing last week.",
        Lang::En,
        on,
        EMERGENCY,
        "last week",
    );
    assert!(!is_alarm(&f), "{f:?}");
    // "in two years" read forward from publication may be a span.
    let f = finding(
        "It is the second emergency in two years.",
        Lang::En,
        on,
        EMERGENCY,
        "two years",
    );
    assert!(!is_alarm(&f), "{f:?}");
}

const BIRTHS: &str = "\
sources:
  istat:
    name: ISTAT
facts:
  - id: births
    kind: count
    match:
      - [nati, nascite, births]
    values:
      - {value: 379000, source: istat, as_of: 2024-03-29}
";

#[test]
fn a_loss_right_before_the_figure_is_its_size() {
    let on = date(2024, 4, 2);
    // A fall word before the figure: the size of the loss.
    let f = finding(
        "In quindici anni il Paese ha perso quasi 200 mila nati l'anno.",
        Lang::It,
        on,
        BIRTHS,
        "200 mila",
    );
    assert!(!is_alarm(&f), "{f:?}");
    // The count itself is still judged.
    let f = finding(
        "Nel 2023 i nati sono stati 200 mila.",
        Lang::It,
        on,
        BIRTHS,
        "200 mila",
    );
    assert_eq!(f.verdict, Verdict::Contradicted);
}

const OUTBREAK: &str = "\
sources:
  who:
    name: WHO
    aliases: [Oms, WHO]
facts:
  - id: drc-deaths
    kind: count
    match:
      - [Congo, RDC]
      - [decess*, deaths]
    values:
      - {value: 537, source: who, as_of: 2024-08-14}
  - id: start-2022
    kind: date
    match:
      - [emergency]
      - [last, previous]
    values:
      - {date: 2022-07-23, source: who}
  - id: end-2022
    kind: date
    match:
      - [emergency]
      - [lifted, ended]
    values:
      - {date: 2023-05-11, source: who}
";

#[test]
fn a_coordinated_figure_shares_the_words_before_a_date_too() {
    let on = date(2024, 8, 15);
    // The date opening the clause is no figure the deaths are coordinated
    // with: "Congo" is shared by both counts.
    let f = finding(
        "Secondo l'Oms, dall'inizio dell'anno la Repubblica democratica del Congo ha segnalato oltre 15.600 casi e 1.611 decessi.",
        Lang::It,
        on,
        OUTBREAK,
        "1.611",
    );
    assert_eq!(f.verdict, Verdict::Contradicted);
}

#[test]
fn of_dates_that_fit_equally_the_governed_one_wins() {
    let on = date(2024, 8, 15);
    let text = "The last emergency was declared in July 2022 and lifted in March 2023.";
    let f = finding(text, Lang::En, on, OUTBREAK, "March 2023");
    assert_eq!(fact(&f), Some("end-2022"));
    assert_eq!(f.verdict, Verdict::Contradicted);
    let text = "The last emergency was declared in July 2022 and lifted in May 2023.";
    let f = finding(text, Lang::En, on, OUTBREAK, "May 2023");
    assert_eq!(f.verdict, Verdict::Consistent);
}

const SEASON: &str = "\
sources:
  mef:
    name: Ministry of Economy
    aliases: [governo, government]
  board:
    name: Election board
facts:
  - id: gdp-2024-forecast
    kind: percent
    match:
      - [crescita, growth, Pil, GDP]
      - [prevede, forecast*]
    values:
      - {value: 1.0, source: mef, as_of: 2024-09-27}
  - id: finish-date
    kind: date
    match:
      - [race, Tour]
      - [finish*, ends]
    values:
      - {date: 2024-07-21, source: board}
  - id: election-date
    kind: date
    match:
      - [vote, votes, election]
    values:
      - {date: 2024-09-29, source: board}
";

#[test]
fn a_year_of_the_clause_other_than_the_facts_own_dates_the_figure_elsewhere() {
    // The fact's id names 2024; "quest'anno" in 2025 is another forecast.
    let f = finding(
        "Per quest'anno il governo prevede una crescita dell'1,2%.",
        Lang::It,
        date(2025, 3, 3),
        SEASON,
        "1,2%",
    );
    assert!(!is_alarm(&f), "{f:?}");
    // The year the fact names is its own.
    let f = finding(
        "Per il 2024 il governo prevede una crescita dell'1,2%.",
        Lang::It,
        date(2024, 10, 3),
        SEASON,
        "1,2%",
    );
    assert_eq!(f.verdict, Verdict::Contradicted);
}

#[test]
fn dates_years_apart_and_days_to_come_are_other_events() {
    let on = date(2024, 7, 20);
    // The first Tour is not this one's finish.
    let f = finding(
        "For the first time since 1903 the race finishes outside the capital.",
        Lang::En,
        on,
        SEASON,
        "1903",
    );
    assert!(!is_alarm(&f), "{f:?}");
    // A month slipped is still accused.
    let f = finding(
        "The race finishes in Nice on August 21.",
        Lang::En,
        on,
        SEASON,
        "August 21",
    );
    assert_eq!(f.verdict, Verdict::Contradicted);
    // On election night, "on Monday" is a step to come.
    let f = finding(
        "Postal votes will be counted on Monday.",
        Lang::En,
        date(2024, 9, 29),
        SEASON,
        "Monday",
    );
    assert!(!is_alarm(&f), "{f:?}");
}

const TITLES: &str = "\
sources:
  lega:
    name: Lega Serie A
facts:
  - id: inter-titles
    kind: count
    match:
      - [Inter]
      - [scudett*, titol*]
    values:
      - {value: 20, source: lega, as_of: 2024-04-22}
";

#[test]
fn a_figure_counting_a_noun_the_fact_does_not_name_counts_something_else() {
    let on = date(2024, 4, 22);
    let f = finding(
        "All'Inter serve una vittoria per chiudere il discorso scudetto con cinque turni d'anticipo.",
        Lang::It,
        on,
        TITLES,
        "cinque",
    );
    assert!(!is_alarm(&f), "{f:?}");
    // Its own noun is still judged.
    let f = finding("L'Inter ha vinto 25 scudetti.", Lang::It, on, TITLES, "25");
    assert_eq!(f.verdict, Verdict::Contradicted);
}

const FIRE: &str = "\
sources:
  calfire:
    name: CAL FIRE
facts:
  - id: palisades-start
    kind: date
    match:
      - [Palisades]
      - [broke out, started, ignited]
    values:
      - {date: 2025-01-07, source: calfire}
";

#[test]
fn a_time_with_its_day_is_judged_by_that_day() {
    let on = date(2025, 1, 12);
    let text = "The Palisades fire broke out at about 10:30 a.m. on Tuesday, Dec. 7.";
    let f = finding(text, Lang::En, on, FIRE, "10:30");
    assert_eq!(f.verdict, Verdict::Contradicted);
    let text = "The Palisades fire broke out at about 10:30 a.m. on Tuesday, Jan. 7.";
    let f = finding(text, Lang::En, on, FIRE, "10:30");
    assert_eq!(f.verdict, Verdict::Consistent);
}

const CROWD: &str = "\
sources:
  uefa:
    name: UEFA
facts:
  - id: final-attendance
    kind: count
    match:
      - [crowd, spettatori, attendance]
    values:
      - {value: 65600, source: uefa, as_of: 2024-07-14}
";

#[test]
fn a_verb_after_the_figure_is_no_noun_it_counts() {
    let on = date(2024, 7, 15);
    let text = "A crowd of 56,600 packed into the Berlin stadium.";
    let f = finding(text, Lang::En, on, CROWD, "56,600");
    assert_eq!(f.verdict, Verdict::Contradicted);
}

const MANDATE: &str = "\
sources:
  president:
    name: Office of the Federal President
facts:
  - id: mandate
    kind: date
    match:
      - [Nehammer]
      - [asked, tasked, incaric*, \"form a government\"]
    values:
      - {date: 2024-10-22, source: president}
";

#[test]
fn a_name_between_commas_is_read_through() {
    // "the outgoing chancellor, Karl Nehammer, …": the name apposes the
    // noun before it; the date's clause keeps it.
    let on = date(2025, 3, 3);
    let text = "Van der Bellen asked the outgoing chancellor, Karl Nehammer, to form a \
                government on November 22, bypassing the winner.";
    let f = finding(text, Lang::En, on, MANDATE, "November");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let text = "Van der Bellen asked the outgoing chancellor, Karl Nehammer, to form a \
                government on October 22, bypassing the winner.";
    let f = finding(text, Lang::En, on, MANDATE, "October");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    // A list of names is no apposition: "Nehammer" stays in its clause.
    let text = "Leaders met in Vienna, Graz, Linz and Salzburg, and Nehammer was asked on \
                November 22 to form a government.";
    let f = finding(text, Lang::En, on, MANDATE, "November");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

const YEAR_RESULTS: &str = "\
sources:
  race:
    name: Ferrari N.V.
    aliases: [Ferrari]
facts:
  - id: revenues
    kind: money
    currency: EUR
    match:
      - [ricavi, revenue*]
    values:
      - {value: 6677000000, source: race, as_of: 2025-02-11}
  - id: revenues-growth
    kind: percent
    match:
      - [ricavi, revenue*]
      - [crescit*, aument*, up, rose, growth]
    values:
      - {value: 11.8, source: race, as_of: 2025-02-11}
  - id: profit-growth
    kind: percent
    match:
      - [\"utile netto\", \"net profit\"]
      - [crescit*, aument*, up, rose, growth]
    values:
      - {value: 21.3, source: race, as_of: 2025-02-11}
";

#[test]
fn a_change_after_a_comma_reads_the_subject_before_it() {
    // "ricavi per 6.677 milioni, in crescita del 17,8%": the change is the
    // revenue's, and "crescita", a word of the fact, makes it what the
    // fact measures rather than a comparison.
    let on = date(2025, 2, 11);
    let text = |growth: &str| {
        format!(
            "Ferrari chiude il 2024 con ricavi netti per 6.677 milioni di euro, in crescita \
             del {growth} rispetto ai 5.970 milioni del 2023, e un utile netto di 1.526 \
             milioni, in aumento del 21,3%."
        )
    };
    let f = finding(&text("11,8%"), Lang::It, on, YEAR_RESULTS, "11,8");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    assert_eq!(fact(&f), Some("revenues-growth"));
    let f = finding(&text("17,8%"), Lang::It, on, YEAR_RESULTS, "17,8");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let f = finding(&text("11,8%"), Lang::It, on, YEAR_RESULTS, "21,3");
    assert_eq!(fact(&f), Some("profit-growth"));
}

const CRASH: &str = "\
sources:
  police:
    name: Hellenic Police
facts:
  - id: crash-date
    kind: date
    match:
      - [collided, collision, crash*]
      - [train*, Tempi]
    values:
      - {date: 2023-02-28, source: police}
";

#[test]
fn a_date_opening_the_sentence_dates_its_main_clause() {
    let on = date(2024, 2, 28);
    let text = |day: &str| {
        format!(
            "Just before midnight on {day}, a passenger train and a freight train were sent \
             down the same track and collided head-on in the Tempi valley, near Larissa."
        )
    };
    let f = finding(&text("March 28, 2023"), Lang::En, on, CRASH, "March");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let f = finding(&text("February 28, 2023"), Lang::En, on, CRASH, "February");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    // The main clause has a date of its own for the event: the opening
    // date is not the event's.
    let text = "In early 2024, rail unions still marched for the trains that collided at \
                Tempi on 28 February 2023.";
    let f = finding(text, Lang::En, on, CRASH, "2024");
    assert!(!is_alarm(&f), "{}", f.explanation());
}

const DELIVERIES: &str = "\
sources:
  boeing:
    name: The Boeing Company
    aliases: [Boeing]
facts:
  - id: deliveries
    kind: count
    match:
      - [deliver*, consegn*]
    values:
      - {value: 348, source: boeing, as_of: 2025-01-14}
";

#[test]
fn the_facts_verb_right_before_a_figure_governs_what_it_counts() {
    // "jets" is no term of the fact, but "delivered" governs the figure:
    // the jets are what was delivered.
    let on = date(2025, 1, 28);
    let f = finding(
        "Boeing delivered 528 commercial jets last year, less than Airbus.",
        Lang::En,
        on,
        DELIVERIES,
        "528",
    );
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    // A noun of its own after a preposition still counts something else.
    let f = finding(
        "Deliveries resumed with 12 weeks of delay.",
        Lang::En,
        on,
        DELIVERIES,
        "12",
    );
    assert!(!is_alarm(&f), "{}", f.explanation());
}

const YEARLY_LOSS: &str = "\
sources:
  boeing:
    name: The Boeing Company
    aliases: [Boeing]
facts:
  - id: net-loss
    about: Boeing's net loss for the year
    kind: money
    currency: USD
    tolerance: 0.5%
    match:
      - [perdit*, loss*, lost]
    values:
      - {value: 2242000000, source: boeing, as_of: 2024-01-31}
      - {value: 11829000000, source: boeing, as_of: 2025-01-28}
";

#[test]
fn history_that_agrees_with_a_replaced_figure_is_outdated_never_contradicted() {
    // "compared with a loss of $2.24 billion in 2023": the comparison's
    // other side agrees with the figure the file has since replaced.
    let on = date(2025, 1, 28);
    let text = |before: &str| {
        format!(
            "The planemaker lost $11.83 billion in 2024, compared with a loss of {before} in 2023."
        )
    };
    let f = finding(&text("$2.24 billion"), Lang::En, on, YEARLY_LOSS, "2.24");
    assert_eq!(f.verdict, Verdict::Outdated, "{}", f.explanation());
    // A history figure that agrees with nothing is still not accused.
    let f = finding(&text("$3.24 billion"), Lang::En, on, YEARLY_LOSS, "3.24");
    assert_eq!(f.verdict, Verdict::Unverified, "{}", f.explanation());
}

const SHARE: &str = "\
sources:
  who:
    name: World Health Organization
    aliases: [Oms, WHO]
facts:
  - id: india-share
    kind: percent
    match:
      - [India]
      - [casi, cases]
    values:
      - {value: 26, source: who, as_of: 2024-10-29}
";

#[test]
fn a_fraction_in_words_rounds_the_share_it_stands_for() {
    let on = date(2024, 10, 30);
    let f = finding(
        "L'India da sola ha un quarto dei casi.",
        Lang::It,
        on,
        SHARE,
        "quarto",
    );
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    // A tenth of its value, no more: a third is not 26%.
    let f = finding(
        "L'India da sola ha un terzo dei casi.",
        Lang::It,
        on,
        SHARE,
        "terzo",
    );
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    // Digits keep their own rounding.
    let f = finding(
        "L'India da sola ha il 25% dei casi.",
        Lang::It,
        on,
        SHARE,
        "25",
    );
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

const DIAGNOSED: &str = "\
sources:
  who:
    name: World Health Organization
    aliases: [Oms, WHO]
facts:
  - id: diagnosed
    about: People newly diagnosed with TB in 2023
    kind: count
    match:
      - [diagnos*]
    values:
      - {value: 8200000, source: who, as_of: 2024-10-29}
";

#[test]
fn a_year_long_before_in_a_later_clause_dates_a_baseline_not_the_figure() {
    let on = date(2024, 10, 30);
    let text = "Nel 2023 le persone con una nuova diagnosi di tubercolosi sono state 9,2 \
                milioni, il numero più alto da quando l'Oms ha avviato il monitoraggio, nel 1995.";
    let f = finding(text, Lang::It, on, DIAGNOSED, "9,2");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    // A year long before in the figure's own clause still dates it.
    let text = "Nel 1995 le persone con una nuova diagnosi di tubercolosi furono 9,2 milioni.";
    let f = finding(text, Lang::It, on, DIAGNOSED, "9,2");
    assert!(!is_alarm(&f), "{}", f.explanation());
}

const FERTILITY: &str = "\
sources:
  istat:
    name: ISTAT
    aliases: [Istat]
facts:
  - id: fertility
    about: Total fertility rate, children per woman
    kind: count
    match:
      - [fecondit*, \"figli per donna\"]
    values:
      - {value: 1.2, source: istat, as_of: 2024-03-29}
";

#[test]
fn a_clause_that_names_another_place_is_not_the_facts() {
    let on = date(2024, 3, 30);
    let f = finding(
        "Un demografo ricorda come in Francia la fecondità resti vicina a 1,7.",
        Lang::It,
        on,
        FERTILITY,
        "1,7",
    );
    assert!(!is_alarm(&f), "{}", f.explanation());
    assert_eq!(candidates(&f), ["fertility"]);
    // A place the title names is the article's own.
    let f = finding(
        "# Italia, nascite al minimo\n\nIn Italia la fecondità scende a 1,7 figli per donna.",
        Lang::It,
        on,
        FERTILITY,
        "1,7",
    );
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    // No place named: judged.
    let f = finding(
        "La fecondità scende a 1,7 figli per donna.",
        Lang::It,
        on,
        FERTILITY,
        "1,7",
    );
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

const ABOARD: &str = "\
sources:
  molit:
    name: Ministry of Land, Infrastructure and Transport
facts:
  - id: aboard
    kind: count
    match:
      - [\"a bordo\", aboard, persone, people]
    values:
      - {value: 181, source: molit, as_of: 2024-12-29}
";

#[test]
fn a_word_for_people_alone_ties_no_figure_to_a_fact() {
    let on = date(2024, 12, 30);
    let f = finding(
        "Il disastro, costato la vita a 179 persone, scuote il Paese.",
        Lang::It,
        on,
        ABOARD,
        "179",
    );
    assert!(!is_alarm(&f), "{}", f.explanation());
    let f = finding(
        "L'aereo aveva a bordo 175 persone.",
        Lang::It,
        on,
        ABOARD,
        "175",
    );
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

const OUTAGES: &str = "\
sources:
  pous:
    name: poweroutage.us
    aliases: [poweroutage.us]
facts:
  - id: outages
    kind: count
    match:
      - [outage*, power]
    values:
      - {value: 3400000, source: pous, as_of: 2024-10-10}
";

#[test]
fn a_heading_the_text_below_restates_is_judged_there() {
    let on = date(2024, 10, 10);
    let text = "Live updates\n\nOutages top 3 million\n\nMore than 3 million homes and \
                businesses in Florida have no power, according to poweroutage.us.\n";
    let f = finding(text, Lang::En, on, OUTAGES, "3 million");
    assert!(!is_alarm(&f), "{}", f.explanation());
    assert_eq!(candidates(&f), ["outages"]);
    // Without the restatement below, the heading's figure is judged.
    let text = "Live updates\n\nOutages reach 3 million\n\nCrews are at work across the state.\n";
    let f = finding(text, Lang::En, on, OUTAGES, "3 million");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

const FINAL: &str = "\
sources:
  ao:
    name: Tennis Australia
facts:
  - id: final-length
    kind: measure
    unit: min
    match:
      - [final*, finale]
      - [lasted, durat*]
    values:
      - {value: 224, source: ao}
  - id: final-date
    kind: date
    match:
      - [final*, finale]
    values:
      - {date: 2024-01-28, source: ao}
";

#[test]
fn a_part_of_a_duration_in_two_units_is_not_the_whole() {
    let on = date(2024, 1, 29);
    let f = finding(
        "La finale è durata 3 ore e 44 minuti.",
        Lang::It,
        on,
        FINAL,
        "44",
    );
    assert!(!is_alarm(&f), "{}", f.explanation());
    let f = finding("The final lasted 224 minutes.", Lang::En, on, FINAL, "224");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    let f = finding("The final lasted 184 minutes.", Lang::En, on, FINAL, "184");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn a_term_after_a_lower_case_prefix_and_a_hyphen_is_another_word() {
    // "semi-final" is not the final.
    let on = date(2024, 1, 29);
    let f = finding(
        "In Friday's semi-final he beat Djokovic.",
        Lang::En,
        on,
        FINAL,
        "Friday",
    );
    assert!(!is_alarm(&f), "{}", f.explanation());
    let f = finding(
        "In Friday's final he beat Djokovic.",
        Lang::En,
        on,
        FINAL,
        "Friday",
    );
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

const FINISH: &str = "\
sources:
  aso:
    name: Amaury Sport Organisation
    aliases: [ASO]
facts:
  - id: finish-date
    kind: date
    match:
      - [Tour, corsa, race]
      - [Nizza, Nice, conclus*, finish*]
    values:
      - {date: 2024-07-21, source: aso}
";

#[test]
fn an_aside_between_subject_and_verb_is_read_around() {
    let on = date(2024, 7, 10);
    let text = |day: &str| {
        format!(
            "Oggi si arriva a Digione. La corsa, lunga 3.492 chilometri in 21 tappe, si \
             concluderà per la prima volta non a Parigi ma a Nizza, il {day}."
        )
    };
    let f = finding(&text("21 agosto"), Lang::It, on, FINISH, "agosto");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let f = finding(&text("21 luglio"), Lang::It, on, FINISH, "luglio");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    // A date opening the sentence, before the subject and its aside,
    // dates the verb after the aside.
    let text = |day: &str| {
        format!(
            "{day} la corsa, la più lunga degli ultimi anni, si è conclusa a Nizza con la \
             cronometro."
        )
    };
    let f = finding(&text("Domenica 21 agosto"), Lang::It, on, FINISH, "agosto");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let f = finding(&text("Domenica 21 luglio"), Lang::It, on, FINISH, "luglio");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    // A list is no aside: "la salita" is the list's, not the race's.
    let text = "La corsa, la salita, la discesa finale a Nizza: tutto il 21 agosto.";
    let f = finding(text, Lang::It, on, FINISH, "agosto");
    assert!(!is_alarm(&f), "{}", f.explanation());
    // Nor is an opening adverb a subject.
    let text = "Annually, the race grew by 3%, also finishing in Nice on 21 August.";
    let f = finding(text, Lang::En, on, FINISH, "August");
    assert!(!is_alarm(&f), "{}", f.explanation());
}

const CLOSURE: &str = "\
sources:
  dfpi:
    name: California DFPI
facts:
  - id: closure
    kind: date
    match:
      - [SVB]
      - [clos*, seiz*]
    values:
      - {date: 2023-03-10, source: dfpi}
  - id: approval
    kind: date
    match:
      - [ETF, Etf]
      - [approv*]
    values:
      - {date: 2024-01-10, source: dfpi}
  - id: margin
    kind: count
    match:
      - [Europe]
      - [points]
    values:
      - {value: 16.5, source: dfpi}
";

#[test]
fn a_term_that_governs_a_later_figure_is_not_the_dates() {
    // "close" is the share price's ("to close at $106.04"), not the day's.
    let on = date(2023, 3, 11);
    let text = "Shares of SVB fell 60% on Thursday to close at $106.04.";
    let f = finding(text, Lang::En, on, CLOSURE, "Thursday");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let text = "Regulators seized SVB on Thursday.";
    let f = finding(text, Lang::En, on, CLOSURE, "Thursday");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn a_date_without_its_year_on_the_references_day_is_no_alarm() {
    // Under "Il 2024 in cifre", in an article of 2 January 2025.
    let on = date(2025, 1, 2);
    let text = "Approvazione degli Etf: 10 gennaio";
    let f = finding(text, Lang::It, on, CLOSURE, "gennaio");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let text = "Approvazione degli Etf: 10 gennaio 2025";
    let f = finding(text, Lang::It, on, CLOSURE, "gennaio");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn a_margin_is_no_total() {
    let on = date(2023, 10, 2);
    let text = "Europe finished five points clear of the holders.";
    let f = finding(text, Lang::En, on, CLOSURE, "five");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let text = "Europe finished with 15 points.";
    let f = finding(text, Lang::En, on, CLOSURE, "15");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

const CONCERTS: &str = "\
sources:
  promoter:
    name: Barley Arts
facts:
  - id: milan-attendance
    kind: count
    about: Spectators at the two San Siro concerts together
    match:
      - [San Siro, Milano]
      - [persone, spettatori, people]
    values:
      - {value: 130000, source: promoter, as_of: 2024-07-15}
  - id: usa-points
    kind: count
    about: Points of the United States team
    match:
      - [americani, Americans]
      - [punti, points]
    values:
      - {value: 11.5, source: promoter, as_of: 2023-10-01}
  - id: tour-end
    kind: date
    about: Last concert of the Eras Tour
    match:
      - [Eras, tour]
      - [ended, concluded]
    values:
      - {date: 2024-12-08, source: promoter}
";

#[test]
fn a_figure_per_night_is_no_total() {
    let on = date(2024, 7, 15);
    let text = "Circa 65mila persone per sera hanno riempito San Siro.";
    let f = finding(text, Lang::It, on, CONCERTS, "65mila");
    assert!(!is_alarm(&f), "{}", f.explanation());
    assert_eq!(candidates(&f), ["milan-attendance"]);
    let text = "Circa 65mila persone hanno riempito San Siro.";
    let f = finding(text, Lang::It, on, CONCERTS, "65mila");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn a_figure_after_a_group_the_sentence_opens_with_is_one_members() {
    let on = date(2023, 10, 2);
    let text = "Tra gli americani, Max Homa ha chiuso con 3,5 punti.";
    let f = finding(text, Lang::It, on, CONCERTS, "3,5");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let text = "Gli americani hanno chiuso con 3,5 punti.";
    let f = finding(text, Lang::It, on, CONCERTS, "3,5");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn a_name_before_the_facts_noun_makes_it_another_one() {
    let on = date(2024, 12, 9);
    // (A name the title or lede gives is the article's subject: the
    // sentence comes after a lede.)
    let text = "The Eras Tour by the numbers.\n\nIt was the biggest tour ever, with 149 shows on five continents over almost two years and more than two billion dollars in tickets sold.\n\nThe record belonged to Elton John's Farewell \
                Yellow Brick Road tour, which ended in July 2023.";
    let f = finding(text, Lang::En, on, CONCERTS, "July");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let text = "The Eras Tour by the numbers.\n\nIt was the biggest tour ever, with 149 shows on five continents over almost two years and more than two billion dollars in tickets sold.\n\nThe record belongs to the Eras tour, which \
                ended in July 2023.";
    let f = finding(text, Lang::En, on, CONCERTS, "July");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

const SEIZURE: &str = "\
sources:
  houthis:
    name: Houthi statements
facts:
  - id: crew
    kind: count
    match:
      - [Galaxy Leader]
      - [marittimi, crew]
    values:
      - {value: 25, source: houthis, as_of: 2023-11-19}
  - id: concerts
    kind: date
    match:
      - [suonato, played]
      - [Milano, Milan]
    values:
      - {date: 2024-07, source: houthis}
";

#[test]
fn a_whose_clause_reads_the_noun_before_its_comma() {
    let on = date(2024, 1, 10);
    let text = |n: &str| {
        format!(
            "Tutto è cominciato con il sequestro della Galaxy Leader, i cui {n} marittimi sono ancora a Hodeidah."
        )
    };
    let f = finding(&text("52"), Lang::It, on, SEIZURE, "52");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let f = finding(&text("25"), Lang::It, on, SEIZURE, "25");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
}

#[test]
fn a_date_opening_the_sentence_before_its_subject_dates_the_verb() {
    let on = date(2024, 7, 15);
    let text = |month: &str| {
        format!("Sabato 13 e domenica 14 {month} Taylor Swift ha suonato due volte a Milano.")
    };
    let f = finding(&text("giugno"), Lang::It, on, SEIZURE, "giugno");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let f = finding(&text("luglio"), Lang::It, on, SEIZURE, "luglio");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
}

const PRIZE: &str = "\
sources:
  aso:
    name: Amaury Sport Organisation
facts:
  - id: winner-prize
    kind: money
    currency: EUR
    about: Prize money for the overall winner of the Tour
    match:
      - [prize, premio]
    values:
      - {value: 500000, source: aso, as_of: 2024-06-20}
";

#[test]
fn a_total_is_not_a_parts_fact() {
    let on = date(2024, 7, 1);
    let text = "The winner takes home €500,000; the total prize fund is about €2.3 million.";
    let f = finding(text, Lang::En, on, PRIZE, "2.3");
    assert!(!is_alarm(&f), "{}", f.explanation());
    assert_eq!(candidates(&f), ["winner-prize"]);
    let text = "The winner takes home €500,000; the prize is about €2.3 million.";
    let f = finding(text, Lang::En, on, PRIZE, "2.3");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

const PILGRIMS: &str = "\
sources:
  gastat:
    name: General Authority for Statistics
facts:
  - id: pilgrims
    kind: count
    about: Pilgrims who performed the 2024 Hajj
    tolerance: 1%
    match:
      - [pellegrin*, pilgrim*]
    values:
      - {value: 1833164, source: gastat, as_of: 2024-06-15}
";

#[test]
fn a_subsets_figure_is_not_the_wholes() {
    let on = date(2024, 6, 24);
    let text = "Il bilancio in cifre.\n\nPellegrini dall'estero: 1.611.310\n";
    let f = finding(text, Lang::It, on, PILGRIMS, "1.611.310");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let text = "Il bilancio in cifre.\n\nPellegrini: 1.611.310\n";
    let f = finding(text, Lang::It, on, PILGRIMS, "1.611.310");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn a_date_restating_an_opening_phrase_dates_the_main_clause() {
    let on = date(2023, 3, 20);
    let text = |day: &str| {
        format!("Il giorno seguente, venerdì {day}, le autorità californiane hanno chiuso Svb.")
    };
    let f = finding(&text("10 febbraio"), Lang::It, on, CLOSURE_IT, "febbraio");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let f = finding(&text("10 marzo"), Lang::It, on, CLOSURE_IT, "marzo");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
}

const CLOSURE_IT: &str = "\
sources:
  dfpi:
    name: California DFPI
facts:
  - id: closure
    kind: date
    match:
      - [Svb]
      - [chius*]
    values:
      - {date: 2023-03-10, source: dfpi}
";

const YEARLY_FINAL: &str = "\
sources:
  aeltc:
    name: All England Club
facts:
  - id: final-date
    kind: date
    match:
      - [Alcaraz]
      - [final, beat]
    values:
      - {date: 2024-07-14, source: aeltc}
";

#[test]
fn last_year_against_a_yearly_events_day_is_another_edition() {
    let on = date(2024, 7, 15);
    let text = "Last year Alcaraz beat Djokovic in a final that ran to four hours.";
    let f = finding(text, Lang::En, on, YEARLY_FINAL, "Last year");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let text = "Alcaraz beat Djokovic in the final on 14 June 2024.";
    let f = finding(text, Lang::En, on, YEARLY_FINAL, "June");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

const WHEN_SEIZED: &str = "\
sources:
  houthis:
    name: The Houthis
facts:
  - id: seizure
    kind: date
    match:
      - [seiz*, sequestr*]
      - [Galaxy Leader]
    values:
      - {date: 2023-11-19, source: houthis}
  - id: rate
    kind: percent
    match:
      - [unemployment, disoccupazione]
    values:
      - {value: 6.9, source: houthis, as_of: 2024-05-30}
";

#[test]
fn a_when_clause_after_a_date_tells_that_days_event() {
    let on = date(2024, 1, 20);
    let text = |day: &str| {
        format!(
            "The group began its campaign on {day}, when its fighters seized the Galaxy Leader \
             from a helicopter."
        )
    };
    let f = finding(&text("Oct. 19"), Lang::En, on, WHEN_SEIZED, "Oct. 19");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let f = finding(&text("Nov. 19"), Lang::En, on, WHEN_SEIZED, "Nov. 19");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    let text = "La campagna è iniziata il 19 ottobre, quando i miliziani hanno sequestrato la \
                Galaxy Leader.";
    let f = finding(text, Lang::It, on, WHEN_SEIZED, "ottobre");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    // A figure in the when-clause is that day's, not the fact's.
    let text = "The unemployment rate is the lowest since December 2008, when it was also 6.5%.";
    let f = finding(text, Lang::En, date(2024, 5, 30), WHEN_SEIZED, "6.5%");
    assert!(!is_alarm(&f), "{}", f.explanation());
}

const MATCH_LENGTH: &str = "\
sources:
  club:
    name: The Club
facts:
  - id: final-length
    kind: measure
    unit: min
    match:
      - [final*, finale]
      - [lasted, ran, durat*, hours, ore]
    values:
      - {value: 147, source: club}
";

#[test]
fn a_duration_in_two_units_is_judged_whole() {
    let on = date(2024, 7, 14);
    for (text, lang, needle, verdict) in [
        (
            "The final lasted two hours and 27 minutes.",
            Lang::En,
            "two hours and 27 minutes",
            Verdict::Consistent,
        ),
        (
            "The final lasted three hours and 27 minutes.",
            Lang::En,
            "three hours and 27 minutes",
            Verdict::Contradicted,
        ),
        (
            "La finale è durata 2 ore e 27 minuti.",
            Lang::It,
            "2 ore e 27 minuti",
            Verdict::Consistent,
        ),
    ] {
        let f = finding(text, lang, on, MATCH_LENGTH, needle);
        assert_eq!(f.verdict, verdict, "{text}: {}", f.explanation());
        assert_eq!(&text[f.claim.span.range()], needle);
        assert_eq!(
            f.claim.quantity().and_then(|q| q.value),
            Some(if verdict == Verdict::Consistent {
                147.0
            } else {
                207.0
            })
        );
    }
    // Minutes past an hour's worth are no part of a two-unit duration.
    let f = finding(
        "The final lasted two hours and 90 minutes.",
        Lang::En,
        on,
        MATCH_LENGTH,
        "two hours",
    );
    assert_eq!(
        &"The final lasted two hours and 90 minutes."[f.claim.span.range()],
        "two hours"
    );
}

#[test]
fn last_year_dates_a_figure_away_from_an_undated_fact() {
    let on = date(2024, 7, 14);
    let text =
        "Last year Alcaraz won in five sets in a final that ran to four hours and 42 minutes.";
    let f = finding(text, Lang::En, on, MATCH_LENGTH, "four hours");
    assert!(!is_alarm(&f), "{}", f.explanation());
    assert_eq!(candidates(&f), ["final-length"]);
    // The same figure said of this year's final is judged.
    let text = "This year Alcaraz won a final that ran to four hours and 42 minutes.";
    let f = finding(text, Lang::En, on, MATCH_LENGTH, "four hours");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn an_opening_date_dates_the_move_when_the_moved_dates_follow_its_clause() {
    let refs = "\
sources:
  microsoft:
    name: Microsoft
facts:
  - id: deadline
    kind: date
    match:
      - [deadline, date limite]
    values:
      - {date: 2023-07-18, source: microsoft, as_of: 2022-01-18}
      - {date: 2023-10-18, source: microsoft, as_of: 2023-07-19}
";
    let on = date(2023, 10, 14);
    let text = "En juillet, les deux groupes avaient repoussé la date limite de l'accord, du 18 \
                juillet au 18 octobre, faute de feu vert britannique.";
    let f = finding(text, Lang::Fr, on, refs, "En juillet");
    assert!(!is_alarm(&f), "{}", f.explanation());
    assert_eq!(candidates(&f), ["deadline"]);
    let f = finding(text, Lang::Fr, on, refs, "18 octobre");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    // Alone in its sentence the opening date dates the main clause.
    let text = "En octobre, les deux groupes ont atteint la date limite de l'accord.";
    let f = finding(text, Lang::Fr, on, refs, "En octobre");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
}

const CASH_RATE: &str = "\
sources:
  rba:
    name: Reserve Bank of Australia
    aliases: [RBA]
facts:
  - id: cash-rate
    about: The Reserve Bank of Australia's cash rate target
    kind: percent
    tolerance: 0
    match:
      - [cash rate, policy rate, Leitzins*, Zentralbank]
    values:
      - {value: 4.10, source: rba, as_of: 2025-02-18}
  - id: cut-date
    kind: date
    match:
      - [cut*, gesenkt]
      - [Reserve Bank, Zentralbank, cash rate]
    values:
      - {date: 2025-02-18, source: rba, as_of: 2025-02-18}
";

#[test]
fn another_owner_of_the_facts_word_is_another_one_of_its_kind() {
    let on = date(2025, 2, 19);
    // The title and the lede (the first paragraph) may name the owner:
    // here they do not.
    let text = "The Reserve Bank of Australia cut its cash rate to 4.1% on Tuesday, its first \
                cut in more than four years, as inflation eased faster than expected.\n\nThe Bank \
                of Canada has \
                already brought its policy rate down to 3% and the European Central Bank its \
                deposit rate to 2.75%.";
    for needle in ["3%", "2.75%"] {
        let f = finding(text, Lang::En, on, CASH_RATE, needle);
        assert!(!is_alarm(&f), "{needle}: {}", f.explanation());
    }
    let f = finding(text, Lang::En, on, CASH_RATE, "4.1%");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    // The fact's own body, named in its description, still owns the word.
    let text = "The Reserve Bank of Australia brought its cash rate down to 3.9%.";
    let f = finding(text, Lang::En, on, CASH_RATE, "3.9%");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    // A capitalized adjective of a German name is another bank.
    let text =
        "Die Europäische Zentralbank hat ihren Einlagensatz seit Juni 2024 siebenmal gesenkt.";
    let f = finding(text, Lang::De, on, CASH_RATE, "Juni 2024");
    assert!(!is_alarm(&f), "{}", f.explanation());
}

#[test]
fn a_conditional_makes_the_figure_a_forecast() {
    let on = date(2025, 2, 19);
    for (text, lang, needle) in [
        (
            "Der Leitzins könnte dann bei rund 3,35 Prozent liegen.",
            Lang::De,
            "3,35",
        ),
        ("The cash rate could then fall to 3.35%.", Lang::En, "3.35%"),
        ("Il tasso potrebbe scendere al 3,35%.", Lang::It, "3,35%"),
    ] {
        let refs = CASH_RATE.replace("Zentralbank]", "Zentralbank, tasso]");
        let f = finding(text, lang, on, &refs, needle);
        assert!(!is_alarm(&f), "{text}: {}", f.explanation());
        assert_eq!(candidates(&f), ["cash-rate"], "{text}");
    }
}

#[test]
fn a_quoted_title_before_an_aside_is_the_subject() {
    let refs = "\
facts:
  - id: wins
    kind: count
    match:
      - [Pobres criaturas, Povere creature]
      - [Oscar*, ganó, vinto]
    values:
      - {value: 4, source: Academy, as_of: 2024-03-10}
";
    let on = date(2024, 3, 11);
    let text = "«Pobres criaturas», de Yorgos Lanthimos, ganó seis Oscar.";
    let f = finding(text, Lang::Es, on, refs, "seis");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let text = "«Povere creature», di Yorgos Lanthimos, ha vinto 4 Oscar.";
    let f = finding(text, Lang::It, on, refs, "4 Oscar");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
}

#[test]
fn a_date_in_an_aside_after_the_subject_dates_it_away_from_an_undated_fact() {
    let refs = "\
facts:
  - id: strike-days
    kind: measure
    unit: day
    tolerance: 0
    match:
      - [writers, WGA]
      - [strike]
    values:
      - {value: 148, source: WGA}
";
    let on = date(2023, 11, 10);
    let text = "The last writers' strike, in 2007-08, lasted 100 days and won far less.";
    let f = finding(text, Lang::En, on, refs, "100 days");
    assert!(!is_alarm(&f), "{}", f.explanation());
    assert_eq!(candidates(&f), ["strike-days"]);
    let text = "The writers' strike, which ended in September, lasted 100 days.";
    let f = finding(text, Lang::En, on, refs, "100 days");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn another_season_than_the_facts_own_is_no_alarm() {
    let refs = "\
facts:
  - id: f1-2023-races
    kind: count
    tolerance: 0
    match:
      - [races, carreras, gare]
      - [season, temporada, stagione]
    values:
      - {value: 22, source: FIA}
";
    let on = date(2023, 11, 27);
    for (text, lang, needle) in [
        (
            "La temporada 2024, que arranca el 2 de marzo en Baréin, tendrá 24 carreras.",
            Lang::Es,
            "24 carreras",
        ),
        (
            "La prossima stagione avrà 24 gare, un record.",
            Lang::It,
            "24 gare",
        ),
    ] {
        let f = finding(text, lang, on, refs, needle);
        assert!(!is_alarm(&f), "{text}: {}", f.explanation());
    }
    let f = finding(
        "La stagione 2023 ha avuto 24 gare.",
        Lang::It,
        on,
        refs,
        "24 gare",
    );
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn a_capitalized_noun_the_fact_does_not_know_is_another_kind() {
    let refs = "\
facts:
  - id: wins
    about: Grands Prix won by Max Verstappen in 2023
    kind: count
    tolerance: 0
    match:
      - [Verstappen]
      - [wins, ganado, victorias]
    values:
      - {value: 19, source: FIA}
";
    let on = date(2023, 11, 27);
    let text = "Max Verstappen tiene 26 años y ya ha ganado tres Mundiales.";
    let f = finding(text, Lang::Es, on, refs, "tres");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let text = "Max Verstappen ya ha ganado 17 carreras este año.";
    let f = finding(text, Lang::Es, on, refs, "17");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn a_signed_share_in_a_bracket_after_a_figure_is_its_change() {
    let refs = "\
facts:
  - id: margin
    kind: percent
    tolerance: 0
    match:
      - [margine, margin]
    values:
      - {value: 23.1, source: LVMH, as_of: 2025-01-28}
";
    let on = date(2025, 1, 29);
    let text = "L'utile si è fermato a 12,6 miliardi di euro (-17%) e il margine operativo è \
                sceso al 23,1%.";
    let f = finding(text, Lang::It, on, refs, "-17%");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let f = finding(text, Lang::It, on, refs, "23,1%");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
}

#[test]
fn a_possessive_opening_a_sentence_belongs_to_the_sentence_before() {
    let refs = "\
facts:
  - id: net-profit
    about: LVMH net profit, group share, latest published year
    kind: money
    currency: EUR
    match:
      - [net profit]
    values:
      - {value: 12550000000, source: LVMH, as_of: 2025-01-28}
";
    let on = date(2025, 2, 17);
    let text = "LVMH, Kering and Hermès have all reported their 2024 figures, and the three differ \
                more than the market thinks.\n\nAnd then there is Hermès, which said it had grown \
                revenue by 15 per cent. Its net profit rose to €4.6bn.";
    let f = finding(text, Lang::En, on, refs, "4.6bn");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let text = "LVMH, Kering and Hermès have all reported their 2024 figures, and the three differ \
                more than the market thinks.\n\nAnd then there is LVMH, which said revenue was \
                flat. Its net profit fell to €4.6bn.";
    let f = finding(text, Lang::En, on, refs, "4.6bn");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn a_facts_common_noun_in_apposition_to_another_name_is_that_names() {
    let refs = "\
facts:
  - id: results-date
    about: Day LVMH published its 2024 annual results
    kind: date
    match:
      - [LVMH, groupe]
      - [publi*, résultats]
    values:
      - {date: 2025-01-28, source: LVMH}
";
    let on = date(2025, 1, 29);
    let text = "Chez Kering, groupe rival qui publiera ses comptes le 11 février, les analystes \
                attendent une baisse.";
    let f = finding(text, Lang::Fr, on, refs, "11 février");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let text = "Chez LVMH, groupe qui a publié ses résultats le 11 février, les analystes \
                attendent une baisse.";
    let f = finding(text, Lang::Fr, on, refs, "11 février");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn a_lead_over_a_rival_is_a_margin() {
    let refs = "\
facts:
  - id: revenue
    kind: money
    currency: EUR
    match:
      - [Lufthansa]
      - [revenue]
    values:
      - {value: 37581000000, source: Lufthansa, as_of: 2025-03-06}
";
    let on = date(2025, 3, 10);
    let text = "So Lufthansa's revenue lead of some €5bn over its nearest rival buys it nothing.";
    let f = finding(text, Lang::En, on, refs, "5bn");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let text = "Lufthansa's revenue rose to €47.6bn last year.";
    let f = finding(text, Lang::En, on, refs, "47.6bn");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

#[test]
fn a_figure_in_a_relative_clause_is_its_antecedents() {
    let refs = "\
facts:
  - id: deaths
    about: People killed by Cyclone Gabrielle in New Zealand
    kind: count
    tolerance: 0
    match:
      - [Gabrielle]
      - [killed, toll]
    values:
      - {value: 11, source: Police, as_of: 2023-02-24}
";
    let on = date(2023, 3, 1);
    // The owner's possessive still names the fact ("Gabrielle's toll").
    let text = "Gabrielle's toll rose to 12 on Friday.";
    let f = finding(text, Lang::En, on, refs, "12");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let text = "Gabrielle's toll was almost three times that of the Auckland Anniversary floods, \
                which killed four people on 27 January.";
    let f = finding(text, Lang::En, on, refs, "four");
    assert!(!is_alarm(&f), "{}", f.explanation());
}

#[test]
fn an_accented_verb_is_no_conjunction() {
    let refs = "\
facts:
  - id: core
    kind: percent
    match:
      - [\"di fondo\", underlying]
      - [inflazione, inflation]
    values:
      - {value: 3.2, source: ABS, as_of: 2025-01-29}
";
    let on = date(2025, 2, 18);
    // "è" folds to "e" but is the verb: the subject stays in the clause.
    let text = "Nel quarto trimestre l'inflazione di fondo è scesa al 3,8% su base annua.";
    let f = finding(text, Lang::It, on, refs, "3,8");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    // "e" (and) before a new figure still ends the clause.
    let text = "L'inflazione di fondo è al 3,2% e il cambio vale 0,63 dollari.";
    let f = finding(text, Lang::It, on, refs, "3,2");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
}

#[test]
fn a_spaced_hyphen_ends_a_dateline() {
    let refs = "\
facts:
  - id: crash
    kind: date
    match:
      - [schianto, incidente]
    values:
      - {date: 2024-12-29, source: MOLIT}
";
    let on = date(2024, 12, 30);
    let text = "SEUL, 28 DIC - È salito a 179 morti il bilancio dello schianto di Muan.";
    let f = finding(text, Lang::It, on, refs, "28 DIC");
    assert!(!is_alarm(&f), "{}", f.explanation());
}

#[test]
fn an_open_bound_counting_another_noun_confirms_nothing_by_nearness() {
    let refs = "\
facts:
  - id: march
    kind: count
    match:
      - [Madrid]
      - [manifestantes, personas, marcha]
    values:
      - {value: 22000, source: Delegación, as_of: 2024-10-13}
";
    let on = date(2024, 10, 14);
    let text = "El sindicato, que convocó la marcha junto a más de 40 colectivos, \
                contó 150.000 manifestantes en Madrid.";
    let f = finding(text, Lang::Es, on, refs, "más de 40");
    assert_eq!(f.verdict, Verdict::Unverified, "{f:?}");
}

#[test]
fn a_verbless_phrase_after_a_comma_lets_a_closing_date_read_the_clause() {
    let refs = "\
facts:
  - id: effective
    kind: date
    match:
      - [Riksbank, svedese]
      - [\"con effetto\", \"in vigore\"]
    values:
      - {date: 2024-05-15, source: Riksbank}
";
    let on = date(2024, 5, 9);
    // A wrong day is an alarm only on a certain link.
    let text = "Il tasso di riferimento svedese passa dal 4 al 3,75%, con effetto dal 15 giugno.";
    let f = finding(text, Lang::It, on, refs, "15 giugno");
    assert_eq!(fact(&f), Some("effective"), "{f:?}");
    assert_eq!(f.verdict, Verdict::Contradicted, "{f:?}");
}

#[test]
fn an_attribution_opening_its_sentence_names_the_source_past_its_comma() {
    let refs = "\
sources:
  police:
    name: Guardia Urbana
    aliases: [\"Guardia Urbana\"]
  organisers:
    name: Sindicat de Llogateres
    aliases: [organizzatori]
facts:
  - id: crowd
    kind: count
    match:
      - [Barcellona]
      - [corteo, persone]
    values:
      - {value: 22000, source: police, as_of: 2024-11-23}
      - {value: 170000, source: organisers, as_of: 2024-11-23}
";
    let on = date(2024, 11, 24);
    let text = "Secondo la Guardia Urbana, al corteo di Barcellona hanno partecipato 22mila persone; \
                gli organizzatori ne hanno contate 170mila.";
    let f = finding(text, Lang::It, on, refs, "22mila");
    assert_eq!(f.verdict, Verdict::Consistent, "{f:?}");
}

#[test]
fn a_subject_after_an_opening_attribution_reads_around_its_aside() {
    let refs = "\
facts:
  - id: cpif
    kind: percent
    match:
      - [svedese, Svezia]
      - [inflazione]
    values:
      - {value: 2.2, source: SCB, as_of: 2024-04-12}
";
    let on = date(2024, 5, 9);
    let text = "Secondo l'istituto di statistica, l'inflazione svedese, quella a cui guarda \
                la banca centrale, è scesa al 2,9% a marzo.";
    let f = finding(text, Lang::It, on, refs, "2,9%");
    assert_eq!(fact(&f), Some("cpif"), "{f:?}");
    assert_eq!(f.verdict, Verdict::Contradicted, "{f:?}");
}

const CABLE_CAR_DEATHS: &str = "\
sources:
  procura:
    name: Procura di Verbania
facts:
  - id: deaths
    kind: count
    match:
      - [funivia, cabina, cable]
      - [mort*, vittime, died, dead, killed]
    values:
      - {value: 14, source: procura, as_of: 2021-05-23}
";

#[test]
fn the_dead_at_the_scene_are_part_of_the_toll() {
    let on = date(2021, 5, 24);
    let text = "Nella cabina della funivia tredici sono morti sul colpo.\n";
    let f = finding(text, Lang::It, on, CABLE_CAR_DEATHS, "tredici");
    assert!(!is_alarm(&f), "{}", f.explanation());
    assert!(f.explanation().contains("a part's"), "{}", f.explanation());
    let text = "In the cable car cabin thirteen people were killed instantly.\n";
    let f = finding(text, Lang::En, on, CABLE_CAR_DEATHS, "thirteen");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let text = "Nella cabina della funivia tredici sono morti.\n";
    let f = finding(text, Lang::It, on, CABLE_CAR_DEATHS, "tredici");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

const YEARLY_SHARE: &str = "\
sources:
  ofv:
    name: OFV
facts:
  - id: ev-share
    kind: percent
    match:
      - [Norwegen]
      - [E-Autos, Elektroauto*]
      - [Anteil]
    values:
      - {value: 82.4, source: ofv, as_of: 2024-01-02}
      - {value: 88.9, source: ofv, as_of: 2025-01-02}
";

#[test]
fn a_month_between_two_yearly_figures_is_another_period() {
    let on = date(2025, 1, 3);
    let text = "Im September lag der Anteil der E-Autos in Norwegen sogar bei 96,4 Prozent.\n";
    let f = finding(text, Lang::De, on, YEARLY_SHARE, "96,4");
    assert!(!is_alarm(&f), "{}", f.explanation());
    assert!(f.explanation().contains("ev-share"), "{}", f.explanation());
    let text = "Im Jahr 2024 lag der Anteil der E-Autos in Norwegen bei 86,4 Prozent.\n";
    let f = finding(text, Lang::De, on, YEARLY_SHARE, "86,4");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

/// A desk's file (one of the held-out corpus's): the dateline's date
/// agrees with the refloating day's fact, and its other facts make the
/// dateline's sentence theirs.
const REFLOATED: &str = include_str!("../../eval/heldout26/ever-given-suez-2021/refs.yaml");

#[test]
fn a_datelines_date_is_when_the_story_was_filed() {
    let on = date(2021, 3, 29);
    let text = |day: &str| {
        format!(
            "Ever Given refloated\n\nISMAILIA, Egypt, March 29 (wire) - Salvage teams refloated \
             the giant container ship Ever Given on {day}, ending a blockage of the Suez Canal \
             that had left hundreds of vessels stranded.\n"
        )
    };
    let f = finding(&text("Monday"), Lang::En, on, REFLOATED, "March 29");
    assert_eq!(f.verdict, Verdict::Unverified, "{}", f.explanation());
    assert_eq!(candidates(&f), Vec::<&str>::new(), "{}", f.explanation());
    // The dateline agrees with the fact; the wrong day is still accused.
    let f = finding(&text("Sunday"), Lang::En, on, REFLOATED, "Sunday");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let f = finding(&text("Monday"), Lang::En, on, REFLOATED, "Monday");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
}

const EV_SHARE_EN: &str = "\
sources:
  ofv:
    name: OFV
facts:
  - id: ev-share
    kind: percent
    match:
      - [Norway]
      - [electric]
      - [share]
    values:
      - {value: 88.9, source: ofv, as_of: 2025-01-02}
";

#[test]
fn a_casualty_word_is_a_whole_word_not_a_prefix() {
    let on = date(2025, 1, 4);
    // "diesel" starts like "die", "deadline" like "dead": neither is a
    // death that the fact's words would have to cover.
    let text =
        "Norway's electric car share hits almost 89% as petrol and diesel fade\n\nMore below.\n";
    let f = finding(text, Lang::En, on, EV_SHARE_EN, "89%");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    let text = "Norway's electric car share hit 80% before the deadline.\n";
    let f = finding(text, Lang::En, on, EV_SHARE_EN, "80%");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    // A death still is one.
    let text = "Norway's electric car share hit 80% as 12 people died.\n";
    let f = finding(text, Lang::En, on, EV_SHARE_EN, "12");
    assert_ne!(fact(&f), Some("ev-share"), "{}", f.explanation());
}

const RUNOFF_SHARE: &str = "\
sources:
  cec:
    name: CEC
facts:
  - id: runoff-share
    kind: percent
    match:
      - [Sandu]
      - [ballottaggio]
    values:
      - {value: 55.35, source: cec, as_of: 2024-11-04}
";

#[test]
fn a_subsets_word_in_the_title_makes_no_fact_the_subsets() {
    let on = date(2024, 11, 4);
    let text = |share: &str| {
        format!(
            "Sandu resta presidente: il voto della diaspora ribalta il ballottaggio\n\n\
             Nei seggi della diaspora {share} hanno scelto Sandu al ballottaggio.\n"
        )
    };
    let f = finding(
        &text("quasi otto elettori su dieci"),
        Lang::It,
        on,
        RUNOFF_SHARE,
        "otto",
    );
    assert!(!is_alarm(&f), "{}", f.explanation());
    assert_eq!(candidates(&f), ["runoff-share"]);
}

const RECORD_RAIN: &str = "\
sources:
  ncm:
    name: NCM
facts:
  - id: record-rain
    kind: measure
    unit: mm
    match:
      - [pluie, pluies, précipitations]
    values:
      - {value: 254.8, source: ncm, as_of: 2024-04-17}
";

#[test]
fn an_average_is_not_a_records_figure() {
    let on = date(2024, 4, 20);
    let text = "À Dubaï, il tombe en moyenne un peu moins de 100 millimètres de pluie par an.\n";
    let f = finding(text, Lang::Fr, on, RECORD_RAIN, "100");
    assert!(!is_alarm(&f), "{}", f.explanation());
    assert_eq!(candidates(&f), ["record-rain"]);
    let text = "À Dubaï, il est tombé 150 millimètres de pluie en une journée.\n";
    let f = finding(text, Lang::Fr, on, RECORD_RAIN, "150");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
}

const RALLIES: &str = "\
sources:
  police:
    name: Polizei
    aliases: [Polizei]
  organizers:
    name: Veranstalter
    aliases: [Veranstalter]
facts:
  - id: hamburg
    kind: count
    match:
      - [Hamburg]
      - [Menschen]
    values:
      - {value: 50000, source: police, as_of: 2024-01-19}
      - {value: 130000, source: organizers, as_of: 2024-01-19}
  - id: munich
    kind: count
    match:
      - [München]
      - [Menschen]
    values:
      - {value: 100000, source: police, as_of: 2024-01-21}
      - {value: 250000, source: organizers, as_of: 2024-01-21}
";

#[test]
fn a_bare_figure_naming_another_source_counts_the_same_thing() {
    let on = date(2024, 1, 22);
    let text = "In Hamburg kamen nach Schätzung der Polizei 50.000 Menschen; \
                die Veranstalter sprachen von 130.000.\n";
    let f = finding(text, Lang::De, on, RALLIES, "130.000");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    // Uncertain: a wrong second figure is not accused.
    let text = "In Hamburg kamen nach Schätzung der Polizei 50.000 Menschen; \
                die Veranstalter sprachen von 180.000.\n";
    let f = finding(text, Lang::De, on, RALLIES, "180.000");
    assert!(!is_alarm(&f), "{}", f.explanation());
    assert_eq!(candidates(&f), ["hamburg"]);
}

const PROFIT_OUTLOOK: &str = "\
sources:
  novo:
    name: Novo Nordisk
facts:
  - id: profit-outlook
    kind: percent
    match:
      - [Novo]
      - [profit]
      - [outlook, expects]
    values:
      - {range: [19, 27], source: novo, as_of: 2025-02-05}
";

#[test]
fn two_ranges_agree_end_by_end_or_one_within_the_other() {
    let on = date(2025, 2, 6);
    let text =
        |range: &str| format!("Novo's outlook puts operating profit at {range} this year.\n");
    let f = finding(&text("16% to 24%"), Lang::En, on, PROFIT_OUTLOOK, "16%");
    assert_eq!(f.verdict, Verdict::Contradicted, "{}", f.explanation());
    let f = finding(&text("19% to 27%"), Lang::En, on, PROFIT_OUTLOOK, "19%");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
    let f = finding(&text("15% to 30%"), Lang::En, on, PROFIT_OUTLOOK, "15%");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
}

#[test]
fn a_german_article_after_a_comma_opens_a_new_clause() {
    let on = date(2025, 2, 6);
    let refs = PROFIT_OUTLOOK
        .replace("[profit]", "[Gewinn]")
        .replace("[outlook, expects]", "[erwartet, soll]");
    let text = "Novo erwartet ein Umsatzwachstum von 16 bis 24 Prozent, der operative Gewinn \
                soll um 19 bis 27 Prozent steigen.\n";
    let f = finding(text, Lang::De, on, &refs, "16");
    assert!(!is_alarm(&f), "{}", f.explanation());
    let f = finding(text, Lang::De, on, &refs, "19");
    assert_eq!(f.verdict, Verdict::Consistent, "{}", f.explanation());
}
