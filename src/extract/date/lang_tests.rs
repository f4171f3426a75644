//! Dates and times in German, Spanish and French, one row per expression
//! written as a sentence, in the format of `tests.rs`: the span the first
//! date or time claim covers and its value. Publication: Friday
//! 2025-08-15 (ISO week 33), no offset.

use super::tests::{Row, check, check_at};
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
    ("Der Betrieb wurde 2019 gegründet.", "2019", "2019"),
    ("Der Betrieb wurde im Jahr 2019 gegründet.", "im Jahr 2019", "2019"),
    ("Die Preise stiegen in den 1990er Jahren stark.", "in den 1990er", "199X"),
    // Times with zones.
    ("Die Sitzung beginnt um 18 Uhr.", "18 Uhr", "2025-08-15T18:00:00+00:00"),
    ("Der Zug fährt um 18 Uhr MEZ ab.", "18 Uhr MEZ", "2025-08-15T18:00:00+01:00"),
    ("Gestern um 20.30 Uhr brach das Feuer aus.", "Gestern um 20.30 Uhr", "2025-08-14T20:30:00+00:00"),
    ("Der Start ist um 9 Uhr deutscher Zeit.", "9 Uhr deutscher Zeit", "2025-08-15T09:00:00+02:00"),
    // Real reporting (eval/news3, eval/news5).
    ("Das neue Jahr bringt mehr Feiertage.", "Das neue Jahr", "2026"),
    ("Die Exporte lagen 0,8 Prozent höher als 2023.", "2023", "2023"),
    ("Europas größte Volkswirtschaft 2026 wächst kaum.", "2026", "2026"),
    ("Bereits 2023 hatte es einen Rückgang gegeben.", "2023", "2023"),
    ("267 Millionen Liter wurden 2023 in Deutschland abgesetzt.", "2023", "2023"),
    ("Die Zahlen kamen am 23.06.17 heraus.", "am 23.06.17", "2017-06-23"),
    ("Im Vorjahr gab es weniger Brände.", "Im Vorjahr", "2024"),
    ("Anfang März stiegen die Preise.", "Anfang März", "early 2025-03"),
    ("Die Sitzung endet um 18.30 Uhr MESZ.", "18.30 Uhr MESZ", "2025-08-15T18:30:00+02:00"),
    // eval/news11: years and a half ago, a hedge before the count, "bis
    // heute Abend" (not "bis heute"), the dative "seit vergangenem Jahr".
    ("Vor dreieinhalb Jahren hatte ein Gutachten die Brücke bewertet.", "Vor dreieinhalb Jahren", "2022"),
    ("Bund und Land hatten vor gut eineinhalb Jahren Mittel zugesagt.", "vor gut eineinhalb Jahren", "2024"),
    ("Bis heute Abend um 20 Uhr sollen Bagger den Beton holen.", "Bis heute Abend um 20 Uhr", "2025-08-15T20:00:00+00:00"),
    ("Seit vergangenem Jahr verhandelt der Konzern.", "Seit vergangenem Jahr", "2024"),
    ("Seit mindestens 2019 gibt es das Problem.", "Seit mindestens 2019", "2019"),
    ("Die 2. Bundesliga spielt am Wochenende.", "am Wochenende", "2025-W32"),
    ("Am 9. August wurden 38,7 Grad gemessen.", "Am 9. August", "2025-08-09"),
    ("Im Sommer 2019 fiel kaum Regen.", "Im Sommer 2019", "mid 2019"),
    ("Das Spiel beginnt um Viertel nach acht.", "Viertel nach acht", "2025-08-15T08:15:00+00:00"),
    ("Am Samstag um 15.30 Uhr beginnt das Spiel.", "Am Samstag um 15.30 Uhr", "2025-08-09T15:30:00+00:00"),
    ("Am Montagabend brannte eine Scheune.", "Am Montagabend", "2025-08-11"),
    ("Die Messe dauerte vom 3. bis 5. März.", "vom 3. bis 5. März", "2025-03-03/2025-03-05"),
    ("Zwischen 2019 und 2023 stieg die Zahl.", "Zwischen 2019", "2019"),
    ("Im Jahr zuvor waren es 12 Prozent.", "Jahr zuvor", "2024"),
    ("Ein Jahr zuvor waren es 12 Prozent.", "Ein Jahr zuvor", "2024"),
    // No dates.
    ("Zwischen 2000 und 3000 Menschen kamen.", "", "-"),
    ("Bis heute fehlt eine Erklärung.", "", "-"),
    ("Mehr als 2000 kamen zum Fest.", "", "-"),
    ("Nach Artikel 2001 waren es weniger.", "", "-"),
    ("Rund 2000 kamen zum Fest.", "", "-"),
    ("Insgesamt 2000 wurden evakuiert.", "", "-"),
    ("Knapp 1900 haben unterschrieben.", "", "-"),
    // eval/news6: "wird" looks ahead; a year after a preterite or "wie".
    ("Die Strecke wird vom 1. September an gesperrt.", "vom 1. September", "2025-09-01"),
    ("Rund 1,9 Milliarden Reisende nutzten 2024 die Züge.", "2024", "2024"),
    ("Der Anteil lag wie 2023 bei vier Prozent.", "2023", "2023"),
    // "heuer": this year (a row of `this_units`).
    ("Eine Maß kostete heuer 15 Euro.", "heuer", "2025"),
    // A year opening its sentence before a comma; a year after a hedge
    // that compares the figure before it, not after a bare hedge.
    ("2022, beim ersten Fest nach der Pause, kamen 5,7 Millionen Gäste.", "2022", "2022"),
    ("Die Sanitäter versorgten knapp 30 Prozent weniger als 2023.", "2023", "2023"),
    ("Es kamen 7 Millionen weniger als 2023.", "2023", "2023"),
    ("Es kamen weniger als 2023.", "", "-"),
    // eval/news8: an article after the weekday's comma.
    ("Am Montag, dem 11. August, tagte der Rat.", "Am Montag, dem 11. August", "2025-08-11"),
];

#[test]
fn german_years_before_follow_the_text() {
    check_at(GERMAN_IN_CONTEXT, Lang::De);
}

/// "im Vorjahr" is the year before the one its paragraph is about.
#[rustfmt::skip]
const GERMAN_IN_CONTEXT: &[Row] = &[
    ("2018 stiegen die Exporte um 3,0 Prozent gegenüber dem Vorjahr.", "dem Vorjahr", "2017"),
    ("Der Haushalt 2019 war gegenüber dem Vorjahr kaum verändert.", "dem Vorjahr", "2018"),
    ("Im Jahr 2019 lagen die Importe höher als im Vorjahr.", "im Vorjahr", "2018"),
    ("Die Bilanz 2019 war gut.\n\nIm Vorjahr war sie schlechter.", "Im Vorjahr", "2024"),
    ("Das Defizit der Sozialversicherung 2024 lag wie im Vorjahr bei 2,6 Prozent. Im Vergleich zum Vorjahr fiel das BIP.", "zum Vorjahr", "2023"),
    ("Die Umsätze des Vorjahres lagen 2021 niedriger.", "des Vorjahres", "2024"),
    ("Die Exporte lagen 0,8 Prozent höher als 2018.", "2018", "2018"),
    ("Im März stiegen die Preise, im Vormonat waren sie gesunken.", "im Vormonat", "2025-02"),
    ("Seit 2015 stiegen die Mieten. Im Vorjahr waren es 5 Prozent.", "Im Vorjahr", "2024"),
    ("Bis 2030 soll die Quote steigen; im Vorjahr lag sie bei 5 Prozent.", "im Vorjahr", "2024"),
];

#[test]
fn spanish_expressions_resolve() {
    check(SPANISH, Lang::Es);
}

#[rustfmt::skip]
const SPANISH: &[Row] = &[
    // eval/news11: a whole year after "todo".
    ("Se espera algo menos del 30 % para todo 2026.", "para todo 2026", "2026"),
    // Days from publication.
    ("Ayer se registraron largas colas.", "Ayer", "2025-08-14"),
    ("Anteayer votó el Parlamento.", "Anteayer", "2025-08-13"),
    ("Hoy se reúne el consejo.", "Hoy", "2025-08-15"),
    ("Anoche ardió un almacén.", "Anoche", "2025-08-14"),
    ("Pasado mañana empieza la feria.", "Pasado mañana", "2025-08-17"),
    // Weekdays and relative units.
    ("El martes pasado ardió un granero.", "El martes pasado", "2025-08-12"),
    ("El lunes ardió un granero.", "El lunes", "2025-08-11"),
    ("El año pasado hubo menos incendios.", "El año pasado", "2024"),
    ("El mes pasado bajaron los precios.", "El mes pasado", "2025-07"),
    ("La semana pasada hubo 12 incidencias.", "La semana pasada", "2025-W32"),
    ("El próximo año habrá elecciones.", "El próximo año", "2026"),
    ("A principios de mes empezó la huelga.", "A principios de mes", "early 2025-08"),
    ("La obra terminará a finales de año.", "a finales de año", "late 2025"),
    ("El puente se cerró hace dos años.", "hace dos años", "2023"),
    ("La fábrica cerró hace tres días.", "hace tres días", "2025-08-12"),
    ("Ocurrió hace un año.", "hace un año", "2024"),
    ("Este fin de semana habrá tormentas.", "Este fin de semana", "2025-W33"),
    ("El pasado verano subieron los alquileres.", "El pasado verano", "mid 2024"),
    // Absolute dates.
    ("Las elecciones serán el 15 de marzo de 2026.", "el 15 de marzo de 2026", "2026-03-15"),
    ("El contrato se firmó el 3 de julio.", "el 3 de julio", "2025-07-03"),
    ("La ley rige desde el 1 de enero de 2024.", "desde el 1 de enero de 2024", "2024-01-01"),
    ("En mayo de 2023 se inauguró el túnel.", "En mayo de 2023", "2023-05"),
    ("Las obras durarán hasta finales de 2026.", "hasta finales de 2026", "late 2026"),
    ("A mediados de junio llegó la lluvia.", "A mediados de junio", "mid 2025-06"),
    ("En 2019 se fundó la empresa.", "En 2019", "2019"),
    ("En los años noventa la ciudad creció.", "En los años noventa", "199X"),
    ("La feria abre el 12/09/2025.", "el 12/09/2025", "2025-09-12"),
    // Times with zones.
    ("La sesión empieza a las 18.00.", "a las 18.00", "2025-08-15T18:00:00+00:00"),
    ("El tren sale a las 18.00 hora peninsular.", "a las 18.00 hora peninsular", "2025-08-15T18:00:00+02:00"),
    ("El partido empezó tarde (22.15) y con frío.", "22.15", "2025-08-15T22:15:00+00:00"),
    ("Ayer a las 20.30 se declaró el fuego.", "Ayer a las 20.30", "2025-08-14T20:30:00+00:00"),
    ("El vuelo aterriza a las 9 hora canaria.", "a las 9 hora canaria", "2025-08-15T09:00:00+01:00"),
    // Real reporting (eval/news3, eval/news5).
    ("El Ayuntamiento aprobó el presupuesto para el presente ejercicio.", "para el presente ejercicio", "2025"),
    ("El ejercicio anterior cerró con superávit.", "El ejercicio anterior", "2024"),
    ("Las temperaturas empezaron a subir el sábado.", "el sábado", "2025-08-09"),
    ("Las ventas mejoraron un 4,17% sobre 2023.", "2023", "2023"),
    ("El mes anterior los precios bajaron.", "El mes anterior", "2025-07"),
    ("Este martes saltaron los avisos por calor.", "Este martes", "2025-08-12"),
    ("El Ayuntamiento aprobó este lunes el presupuesto.", "este lunes", "2025-08-11"),
    ("La reunión será a las 12 del mediodía.", "a las 12 del mediodía", "2025-08-15T12:00:00+00:00"),
    ("En el periodo enero-marzo creció el PIB.", "enero-marzo", "2025-01/2025-03-31"),
    ("Entre 2019 y 2023 creció la cifra.", "Entre 2019", "2019"),
    ("Un año antes, la tasa era del 12 %.", "Un año antes", "2024"),
    ("La feria se celebró del 3 al 5 de marzo.", "del 3 al 5 de marzo", "2025-03-03/2025-03-05"),
    // No dates.
    ("Hoy en día nadie lo recuerda.", "", "-"),
    // eval/news6: a zone after a comma; the Christmas lottery's name.
    ("El corte se produjo a las 12.33, hora peninsular.", "a las 12.33, hora peninsular", "2025-08-15T12:33:00+02:00"),
    ("El Sorteo Extraordinario de Navidad reparte premios.", "", "-"),
    // eval/news8: "mañana" is tomorrow, "la mañana" a morning; "dentro
    // de" before a count of units; a year named "el último año antes";
    // "en la Península" is peninsular time.
    ("La ley entra en vigor mañana.", "mañana", "2025-08-16"),
    ("La mañana del lunes llovió.", "del lunes", "2025-08-11"),
    ("La revisión está prevista dentro de un año.", "de un año", "2026"),
    ("Volverá dentro de tres meses.", "de tres meses", "2025-11"),
    ("Fueron 83 millones en 2019, el último año antes de la pandemia.", "en 2019", "2019"),
    ("Empezó a las 15.10 hora canaria (las 16.10 en la Península).", "a las 15.10 hora canaria", "2025-08-15T15:10:00+01:00"),
];

#[test]
fn french_expressions_resolve() {
    check(FRENCH, Lang::Fr);
}

#[rustfmt::skip]
const FRENCH: &[Row] = &[
    // eval/news11: an at-least hedge between a preposition and a year.
    ("C'est le plus grand feu depuis au moins 1949 en France.", "depuis au moins 1949", "1949"),
    ("Les pompiers resteront mobilisés jusqu'à dimanche.", "jusqu'à dimanche", "2025-08-17"),
    ("Mistral a annoncé ce mardi matin, à 8 heures, heure de Paris, une levée.", "ce mardi matin, à 8 heures, heure de Paris", "2025-08-12T08:00:00+02:00"),
    // Days from publication.
    ("Hier, de longs bouchons ont été signalés.", "Hier", "2025-08-14"),
    ("Avant-hier, le Parlement a voté.", "Avant-hier", "2025-08-13"),
    ("Aujourd'hui, le conseil se réunit.", "Aujourd'hui", "2025-08-15"),
    ("Hier soir, un entrepôt a brûlé.", "Hier soir", "2025-08-14"),
    ("Après-demain commence la foire.", "Après-demain", "2025-08-17"),
    // Weekdays and relative units.
    ("Mardi dernier, une grange a brûlé.", "Mardi dernier", "2025-08-12"),
    ("Lundi, une grange a brûlé.", "Lundi", "2025-08-11"),
    ("L'an dernier, les incendies étaient moins nombreux.", "L'an dernier", "2024"),
    ("La semaine dernière, 12 incidents ont eu lieu.", "La semaine dernière", "2025-W32"),
    ("Le mois dernier, les prix ont baissé.", "Le mois dernier", "2025-07"),
    ("L'année prochaine, il y aura des élections.", "L'année prochaine", "2026"),
    ("Début mars, la grève a commencé.", "Début mars", "early 2025-03"),
    ("Les travaux s'achèveront fin 2026.", "fin 2026", "late 2026"),
    ("Le pont a été fermé il y a deux ans.", "il y a deux ans", "2023"),
    ("L'usine a fermé il y a trois jours.", "il y a trois jours", "2025-08-12"),
    ("Ce week-end, des orages sont attendus.", "Ce week-end", "2025-W33"),
    ("Mi-juin, la pluie est arrivée.", "Mi-juin", "mid 2025-06"),
    // Absolute dates.
    ("Les élections auront lieu le 15 mars 2026.", "le 15 mars 2026", "2026-03-15"),
    ("Le contrat a été signé le 3 juillet.", "le 3 juillet", "2025-07-03"),
    ("La loi s'applique depuis le 1er janvier 2024.", "depuis le 1er janvier 2024", "2024-01-01"),
    ("En mai 2023, le tunnel a été inauguré.", "En mai 2023", "2023-05"),
    ("L'entreprise a été fondée en 2019.", "en 2019", "2019"),
    ("Dans les années 90, la ville a grandi.", "les années 90", "199X"),
    ("La foire ouvre le 12/09/2025.", "le 12/09/2025", "2025-09-12"),
    // Times with zones.
    ("La séance commence à 18h30.", "18h30", "2025-08-15T18:30:00+00:00"),
    ("Le train part à 18h30 heure de Paris.", "18h30 heure de Paris", "2025-08-15T18:30:00+02:00"),
    ("Hier à 20 h 30, le feu s'est déclaré.", "Hier à 20 h 30", "2025-08-14T20:30:00+00:00"),
    ("Le vote est prévu à 15h.", "15h", "2025-08-15T15:00:00+00:00"),
    // Real reporting (eval/news3, eval/news5).
    ("L'alerte commence à 22 heures lundi 11 août.", "22 heures lundi 11 août", "2025-08-11T22:00:00+00:00"),
    ("La fin est prévue vendredi 15 août 2025 à 6 heures du matin.", "vendredi 15 août 2025 à 6 heures du matin", "2025-08-15T06:00:00+00:00"),
    ("Le mois précédent, les prix avaient baissé.", "Le mois précédent", "2025-07"),
    ("L'année précédente, le déficit était plus élevé.", "L'année précédente", "2024"),
    ("Des orages sont attendus ce dimanche.", "ce dimanche", "2025-08-17"),
    ("Le record datait de juillet 1949.", "de juillet 1949", "1949-07"),
    ("La journée de lundi a été très chaude.", "de lundi", "2025-08-11"),
    ("En avril-mai, les prix ont baissé.", "En avril-mai", "2025-04/2025-05-31"),
    ("Entre 2019 et 2023, le nombre a augmenté.", "Entre 2019", "2019"),
    ("L'année d'avant, le taux était de 12 %.", "L'année d'avant", "2024"),
    ("Le salon se tient du 3 au 5 mars.", "du 3 au 5 mars", "2025-03-03/2025-03-05"),
    // No dates.
    ("Aujourd'hui encore, personne ne s'en souvient.", "", "-"),
    ("Le vote a eu lieu après sept heures de débat.", "", "-"),
    ("L'après-midi, des averses seront possibles.", "", "-"),
    // eval/news6: the future ("sera", "-ira"), a participle after it, a past
    // participle nearer than a future; a zone after a comma.
    ("La messe sera célébrée dimanche à 10h30.", "dimanche à 10h30", "2025-08-17T10:30:00+00:00"),
    ("Le musée rouvrira mardi.", "mardi", "2025-08-19"),
    ("L'entrée restera gratuite : l'idée avancée en juillet a été écartée.", "en juillet", "2025-07"),
    ("Vers 9h30, heure de Paris, un camion s'est garé.", "9h30, heure de Paris", "2025-08-15T09:30:00+02:00"),
    // eval/news8: "à partir de" opens a time.
    ("Le discours a commencé à partir de 15 heures.", "15 heures", "2025-08-15T15:00:00+00:00"),
    // A year after a comma in a list of years.
    ("Son quatrième titre, après ceux de 2020, 2021 et 2024.", "de 2020", "2020"),
];

#[test]
fn french_and_spanish_previous_units_follow_the_text() {
    check_at(FRENCH_IN_CONTEXT, Lang::Fr);
    check_at(SPANISH_IN_CONTEXT, Lang::Es);
}

/// "l'année précédente", "le mois précédent": the unit before the one
/// their paragraph is about.
#[rustfmt::skip]
const FRENCH_IN_CONTEXT: &[Row] = &[
    ("En 2019, la hausse était de 2 %. L'année précédente, elle était de 1 %.", "L'année précédente", "2018"),
    ("En février, les prix ont progressé. Le mois précédent, ils avaient baissé.", "Le mois précédent", "2025-01"),
    ("En février, les prix ont progressé de 0,9% par rapport à janvier, après une baisse le mois précédent.", "le mois précédent", "2025-01"),
    // eval/news8: a time right after the sentence of a day, in the same
    // tense, is on that day; otherwise on the publication day.
    ("Lundi 11 août, l'Assemblée a voté. Le résultat est tombé vers 19 heures.", "19 heures", "2025-08-11T19:00:00+00:00"),
    ("La cérémonie est prévue demain soir. Elle commencera à 19 heures.", "19 heures", "2025-08-16T19:00:00+00:00"),
    ("Lundi 11 août, l'Assemblée a voté. La séance reprendra à 19 heures.", "19 heures", "2025-08-15T19:00:00+00:00"),
    ("Son quatrième titre, après ceux de 2020, 2021 et 2024.", "2021", "2021"),
    ("Son quatrième titre, après ceux de 2020, 2021 et 2024.", "2024", "2024"),
    // eval/news8: a two-word "later" counts from the date before it.
    ("Il a pris le maillot le 9 juillet et l'a cédé cinq jours plus tard à Ben Healy.", "cinq jours plus tard", "2025-07-14"),
];

#[rustfmt::skip]
const SPANISH_IN_CONTEXT: &[Row] = &[
    ("En 2019 las ventas crecieron. El año anterior habían caído.", "El año anterior", "2018"),
    ("En 2024 hubo 1.234 incidencias, frente a 1.100 del año anterior.", "del año anterior", "2023"),
    ("Desde 2019 subieron los precios. El año anterior bajaron.", "El año anterior", "2024"),
    ("El presupuesto de 2023 supera en cinco millones al del ejercicio anterior.", "al del ejercicio anterior", "2022"),
];
