//! Dates and times in German, Spanish and French, one row per expression
//! written as a sentence, in the format of `tests.rs`: the span the first
//! date or time claim covers and its value. Publication: Friday
//! 2025-08-15 (ISO week 33), no offset.

use super::tests::{Row, check};
use crate::lang::Lang;

#[test]
fn german_expressions_resolve() {
    check(GERMAN, Lang::De);
}

#[rustfmt::skip]
const GERMAN: &[Row] = &[
    // Days from publication.
    ("Gestern kam es zu langen Staus.", "Gestern", "2025-08-14"),
    ("Vorgestern wurde im Landtag abgestimmt.", "Vorgestern", "2025-08-13"),
    ("Heute tagt der Stadtrat.", "Heute", "2025-08-15"),
    ("Übermorgen beginnt die Messe.", "Übermorgen", "2025-08-17"),
    ("Die Polizei meldete gestern Abend einen Unfall.", "gestern Abend", "2025-08-14"),
    // Weekdays and relative units.
    ("Letzten Dienstag brannte eine Scheune.", "Letzten Dienstag", "2025-08-12"),
    ("Am Dienstag brannte eine Scheune.", "Am Dienstag", "2025-08-12"),
    ("Die Bauern protestierten am vergangenen Montag.", "am vergangenen Montag", "2025-08-11"),
    ("Im vergangenen Jahr gab es weniger Brände.", "Im vergangenen Jahr", "2024"),
    ("Im letzten Monat sanken die Preise.", "Im letzten Monat", "2025-07"),
    ("Die Zahlen für das nächste Jahr sind offen.", "für das nächste Jahr", "2026"),
    ("Anfang dieser Woche begann der Streik.", "Anfang dieser Woche", "early 2025-W33"),
    ("Der Tarifvertrag endet Ende des Jahres.", "Ende des Jahres", "late 2025"),
    ("Die Brücke wurde vor zwei Jahren gesperrt.", "vor zwei Jahren", "2023"),
    ("Das Werk schloss vor drei Tagen.", "vor drei Tagen", "2025-08-12"),
    ("Am Wochenende blieb es ruhig.", "Am Wochenende", "2025-W32"),
    ("Im Frühjahr stiegen die Mieten.", "Im Frühjahr", "early 2025"),
    // Absolute dates.
    ("Die Wahl findet am 15. März 2026 statt.", "am 15. März 2026", "2026-03-15"),
    ("Der Vertrag wurde am 3. Juli unterzeichnet.", "am 3. Juli", "2025-07-03"),
    ("Das Gesetz gilt seit dem 1. Januar 2024.", "seit dem 1. Januar 2024", "2024-01-01"),
    ("Die Messe öffnet am 12.09.2025 ihre Tore.", "am 12.09.2025", "2025-09-12"),
    ("Im Mai 2023 wurde der Tunnel eröffnet.", "Im Mai 2023", "2023-05"),
    ("Die Arbeiten sollen bis Ende 2026 dauern.", "bis Ende 2026", "late 2026"),
    ("Mitte Juni kam der Regen.", "Mitte Juni", "mid 2025-06"),
    ("Der Betrieb wurde 2019 gegründet.", "2019", "-"),
    ("Der Betrieb wurde im Jahr 2019 gegründet.", "im Jahr 2019", "2019"),
    ("Die Preise stiegen in den 1990er Jahren stark.", "in den 1990er", "199X"),
    // Times with zones.
    ("Die Sitzung beginnt um 18 Uhr.", "18 Uhr", "2025-08-15T18:00:00+00:00"),
    ("Der Zug fährt um 18 Uhr MEZ ab.", "18 Uhr MEZ", "2025-08-15T18:00:00+01:00"),
    ("Gestern um 20.30 Uhr brach das Feuer aus.", "Gestern um 20.30 Uhr", "2025-08-14T20:30:00+00:00"),
    ("Der Start ist um 9 Uhr deutscher Zeit.", "9 Uhr deutscher Zeit", "2025-08-15T09:00:00+02:00"),
    // No dates.
    ("Bis heute fehlt eine Erklärung.", "", "-"),
];
