//! Table-driven tests of quantity normalization in German, Spanish and
//! French, one row per expression, in the format of `tests.rs`: every
//! quantity claim of the sentence as `kind value qualifier low..high
//! [unit|currency] [counted]`.

use super::tests::check;
use crate::lang::Lang;

#[test]
fn german_quantities_normalize() {
    check(DE, Lang::De);
}

#[rustfmt::skip]
const DE: &[(&str, &str)] = &[
    // Digits: `.` groups thousands, `,` marks decimals.
    ("Nach Angaben der Polizei kamen 56.421 Besucher.", "count 56421 exact 56421..56421 [Besucher]"),
    ("Die Firma beschäftigt 4.000 Mitarbeiter.", "count 4000 exact 4000..4000 [Mitarbeiter]"),
    ("Im Landkreis leben 1.234.567 Einwohner.", "count 1234567 exact 1234567..1234567 [Einwohner]"),
    ("Der Pegel stieg auf 2,5 Meter.", "measure 2.5 exact 2.5..2.5 m"),
    ("Die Inflation lag bei 2,2 Prozent.", "percent 2.2 exact 2.2..2.2"),
    ("Die Strecke ist 12,5 Kilometer lang.", "measure 12.5 exact 12.5..12.5 km"),
    // German nouns are capitalized: no name after a figure.
    ("Die Armee schickte 600 Soldaten an die Grenze.", "count 600 exact 600..600 [Soldaten]"),
    ("Es meldeten sich 35 Freiwillige.", "count 35 exact 35..35 [Freiwillige]"),
    ("In Bayern wurden 120 Schulen geschlossen.", "count 120 exact 120..120 [Schulen]"),
    // Number words, compounds written as one word.
    ("Zwölftausend Menschen demonstrierten.", "count 12000 exact 12000..12000 [Menschen]"),
    ("Die Stadt pflanzte dreihundertfünfzig Bäume.", "count 350 exact 350..350 [Bäume]"),
    ("Einundzwanzig Häuser brannten nieder.", "count 21 exact 21..21 [Häuser]"),
    ("Es wurden zweitausendvierhundert Fahrgäste gezählt.", "count 2400 exact 2400..2400 [Fahrgäste]"),
    ("Rund zweihunderttausend Zuschauer sahen zu.", "count 200000 approx 180000..220000 [Zuschauer]"),
    ("Sechsundzwanzig Abgeordnete stimmten dagegen.", "count 26 exact 26..26 [Abgeordnete]"),
    ("Der Verein hat dreißig Mitglieder.", "count 30 exact 30..30 [Mitglieder]"),
    ("Die Firma zahlte zwei Millionen Euro.", "money 2000000 exact 2000000..2000000 EUR"),
    ("Das Land erhielt eine Million Impfdosen.", "count 1000000 exact 1000000..1000000 [Impfdosen]"),
    ("Elf Bergleute wurden gerettet.", "count 11 exact 11..11 [Bergleute]"),
    ("Siebzehn Flüge fielen aus.", "count 17 exact 17..17 [Flüge]"),
    // Scale words and abbreviations; "Billion" is 10¹².
    ("Die Stadt erwartet 10 Tausend Gäste.", "count 10000 exact 10000..10000 [Gäste]"),
    ("Das Projekt kostet 3,5 Mio. Euro.", "money 3500000 exact 3500000..3500000 EUR"),
    ("Der Bund gibt 1,2 Mrd. Euro aus.", "money 1200000000 exact 1200000000..1200000000 EUR"),
    ("Das Werk kostet 4 Milliarden Euro.", "money 4000000000 exact 4000000000..4000000000 EUR"),
    ("In der Region leben 2,3 Millionen Menschen.", "count 2300000 exact 2300000..2300000 [Menschen]"),
    ("Die Schulden liegen bei 2,5 Billionen Euro.", "money 2500000000000 exact 2500000000000..2500000000000 EUR"),
    ("Der Konzern machte 800 Mio. Dollar Verlust.", "money 800000000 exact 800000000..800000000 USD"),
    ("Die Anleihe hat ein Volumen von 12 Mio. Franken.", "money 12000000 exact 12000000..12000000 CHF"),
    ("Die Rechnung beläuft sich auf 50 Euro.", "money 50 exact 50..50 EUR"),
    ("Der Preis liegt bei 1.200 €.", "money 1200 exact 1200..1200 EUR"),
    ("Der Kredit beträgt 300 Millionen US-Dollar.", "money 300000000 exact 300000000..300000000 USD"),
    // Qualifiers.
    ("Mehr als 1.200 Feuerwehrleute waren im Einsatz.", "count 1200 more_than 1200.. [Feuerwehrleute]"),
    ("Über 500 Menschen wurden evakuiert.", "count 500 more_than 500.. [Menschen]"),
    ("Rund 180 Hektar Wald sind verbrannt.", "measure 180 approx 162..198 ha"),
    ("Etwa 500 Urlauber mussten das Hotel verlassen.", "count 500 approx 450..550 [Urlauber]"),
    ("Die Polizei zählte knapp 600 Demonstranten.", "count 600 approx 540..600 [Demonstranten]"),
    ("Mindestens 18 Menschen wurden getötet.", "count 18 at_least 18.. [Menschen]"),
    ("Bis zu 600 Stellen fallen weg.", "count 600 at_most 0..600 [Stellen]"),
    ("Weniger als 100 Plätze sind frei.", "count 100 less_than 0..100 [Plätze]"),
    ("Fast 40 Prozent der Wähler blieben zu Hause.", "percent 40 approx 36..40"),
    ("Ungefähr 70 Busse fahren täglich.", "count 70 approx 63..77 [Busse]"),
    ("Höchstens 30 Personen dürfen hinein.", "count 30 at_most 0..30 [Personen]"),
    ("Es kamen lediglich 45 Zuschauer.", "count 45 exact 45..45 [Zuschauer]"),
    ("Zwischen 300 und 400 Menschen nahmen teil.", "count - range 300..400 [Menschen]"),
    ("Die Preise steigen um 3 bis 5 Prozent.", "percent - range 3..5"),
    // Vague quantities.
    ("Tausende Menschen gingen auf die Straße.", "count - vague 2000..9999 [Menschen]"),
    ("Hunderte Autos standen im Stau.", "count - vague 200..999 [Autos]"),
    ("Zehntausende Haushalte waren ohne Strom.", "count - vague 20000..99999 [Haushalte]"),
    ("Dutzende Flüge wurden gestrichen.", "count - vague 24..199 [Flüge]"),
    ("Ein Dutzend Boote lagen im Hafen.", "count 12 approx 10.8..13.2 [Boote]"),
    // Real reporting (eval/news5 forms).
    ("Im Schnitt fielen 230 Liter pro Quadratmeter.", "measure 230 exact 230..230 mm"),
    ("Es fielen 70 bis 100 Liter pro Quadratmeter.", "measure - range 70..100 mm"),
    ("In den drei letzten Monaten sank der Umsatz.", "measure 3 exact 3..3 month"),
    ("Eine 40-köpfige Gruppe kam an.", "count 40 exact 40..40 [Gruppe]"),
    ("Es gab Böen mit 100 km/h und 80 Stundenkilometern.", "measure 100 exact 100..100 km/h | measure 80 exact 80..80 km/h"),
    ("In Trier wurden 38,7 Grad Celsius gemessen.", "measure 38.7 exact 38.7..38.7 degC"),
    ("Der Verwaltungshaushalt umfasst 14,5 Millionen Euro.", "money 14500000 exact 14500000..14500000 EUR"),
    ("Der Haushalt umfasst mehr als 24 Millionen Euro.", "money 24000000 more_than 24000000.. EUR"),
    ("Es kamen etwa 19,05 Millionen Zuschauer.", "count 19050000 approx 17145000..20955000 [Zuschauer]"),
    ("Die Exporte erreichten 1.327,6 Milliarden Euro.", "money 1327600000000 exact 1327600000000..1327600000000 EUR"),
    ("Der Schnitt sank um rund 2000 Besucher.", "count 2000 approx 1800..2200 [Besucher]"),
    ("Die Auslastung lag bei über 91 Prozent.", "percent 91 more_than 91.."),
    ("Die Kosten liegen bei etwa 4,7 Mrd. Euro.", "money 4700000000 approx 4230000000..5170000000 EUR"),
    ("Die Halle hat zweihundertfünfzig Plätze.", "count 250 exact 250..250 [Plätze]"),
    ("Es kamen neunzehntausend Gäste.", "count 19000 exact 19000..19000 [Gäste]"),
    ("Ein Ticket kostet 5 Euro. Der Gewinn lag bei 250 Millionen.", "money 5 exact 5..5 EUR | money 250000000 exact 250000000..250000000 EUR"),
    ("Die Sitzung dauerte zweieinhalb Stunden.", "measure 2.5 exact 2.5..2.5 hour"),
    ("Die Sanierung dauert anderthalb Jahre.", "measure 1.5 exact 1.5..1.5 year"),
    ("Zwischen 2000 und 3000 Menschen kamen.", "count - range 2000..3000 [Menschen]"),
    ("Die Schulden übersteigen 2 Billionen Euro.", "money 2000000000000 more_than 2000000000000.. EUR"),
    ("Die 2. Bundesliga verzeichnete 21.560 Zuschauer.", "count 21560 exact 21560..21560 [Zuschauer]"),
    ("Zum 5. Mal gewann der Verein.", ""),
    ("Es waren 300. Die Polizei zählte nach.", "count 300 exact 300..300"),
    ("Ein Beben der Stärke 5,2 erschütterte die Region.", "measure 5.2 exact 5.2..5.2 magnitude"),
    ("Der Anteil stieg um 1,5 Prozentpunkte.", "percent 1.5 exact 1.5..1.5 pp"),
    // Percentages, points, units.
    ("Die Arbeitslosenquote sank um 0,3 Prozentpunkte.", "percent 0.3 exact 0.3..0.3 pp"),
    ("Die Zinsen stiegen um 25 Basispunkte.", "percent 0.25 exact 0.25..0.25 pp"),
    ("Der Anteil liegt bei 12 %.", "percent 12 exact 12..12"),
    ("Die Fläche umfasst 40 Quadratkilometer.", "measure 40 exact 40..40 km2"),
    ("Der See ist 3 km² groß.", "measure 3 exact 3..3 km2"),
    ("Es fielen 18 Millimeter Regen.", "measure 18 exact 18..18 mm"),
    ("Der Transport wog 25 Tonnen.", "measure 25 exact 25..25 t"),
    ("Die Reparatur dauert drei Wochen.", "measure 3 exact 3..3 week"),
    ("Die Sitzung dauerte sieben Stunden.", "measure 7 exact 7..7 hour"),
    ("Die Flut hielt fünf Tage an.", "measure 5 exact 5..5 day"),
    ("Das Becken fasst 60.000 Kubikmeter.", "measure 60000 exact 60000..60000 m3"),
    ("Der Tank fasst 500 Liter.", "measure 500 exact 500..500 l"),
    // Not figures.
    ("Die Linie 11 fährt wieder.", ""),
    ("Siehe Artikel 5 des Gesetzes.", ""),
    // eval/news6: seconds.
    ("Die Ampel schaltet nach 30 Sekunden um.", "measure 30 exact 30..30 s"),
    // Five digits without a separator are a code, not a figure.
    ("Die Gewinnzahl war die 72480.", ""),
    // eval/news8: vague hundreds of millions, dative forms.
    ("Es fehlen mehrere hundert Millionen Euro.", "money - vague 200000000..999999999 EUR"),
    ("Sie erwarten eine Lücke von mehreren hundert Millionen Euro.", "money - vague 200000000..999999999 EUR"),
    ("Mit Tausenden Besuchern war der Platz voll.", "count - vague 2000..9999 [Besuchern]"),
    // Power and energy.
    ("Das Kraftwerk hat 1.400 Megawatt Leistung.", "measure 1400 exact 1400..1400 MW"),
    ("Der Park erzeugt 10 Terawattstunden.", "measure 10 exact 10..10 TWh"),
];

#[test]
fn spanish_quantities_normalize() {
    check(ES, Lang::Es);
}

#[rustfmt::skip]
const ES: &[(&str, &str)] = &[
    // Digits: `.` groups thousands, `,` marks decimals.
    ("Llegaron 56.421 visitantes al festival.", "count 56421 exact 56421..56421 [visitantes]"),
    ("La empresa emplea a 4.000 trabajadores.", "count 4000 exact 4000..4000 [trabajadores]"),
    ("El río subió 2,5 metros.", "measure 2.5 exact 2.5..2.5 m"),
    ("La inflación se situó en el 2,2 %.", "percent 2.2 exact 2.2..2.2"),
    ("La provincia tiene 1.234.567 habitantes.", "count 1234567 exact 1234567..1234567 [habitantes]"),
    ("El ejército envió 600 soldados a la frontera.", "count 600 exact 600..600 [soldados]"),
    // Number words.
    ("Veintitrés municipios siguen en alerta.", "count 23 exact 23..23 [municipios]"),
    ("El abono lo usan doscientos mil jóvenes.", "count 200000 exact 200000..200000 [jóvenes]"),
    ("Hubo treinta y cinco heridos.", "count 35 exact 35..35 [heridos]"),
    ("Se contrataron doscientos cincuenta médicos.", "count 250 exact 250..250 [médicos]"),
    ("La ciudad plantó quinientos árboles.", "count 500 exact 500..500 [árboles]"),
    ("Ciento veinte familias fueron realojadas.", "count 120 exact 120..120 [familias]"),
    ("Acudieron cien mil personas.", "count 100000 exact 100000..100000 [personas]"),
    ("Se vendieron dos millones de entradas.", "count 2000000 exact 2000000..2000000 [entradas]"),
    ("El país recibió un millón y medio de turistas.", "count 1500000 exact 1500000..1500000 [turistas]"),
    ("Veintiún equipos participan en la liga.", "count 21 exact 21..21 [equipos]"),
    ("Mil personas se manifestaron.", "count 1000 exact 1000..1000 [personas]"),
    ("Doce mineros quedaron atrapados.", "count 12 exact 12..12 [mineros]"),
    // Scale words and their traps.
    ("El plan cuesta 3.000 millones de euros.", "money 3000000000 exact 3000000000..3000000000 EUR"),
    ("El Estado invertirá 3 mil millones de euros.", "money 3000000000 exact 3000000000..3000000000 EUR"),
    ("La deuda pública asciende a 1,6 billones de euros.", "money 1600000000000 exact 1600000000000..1600000000000 EUR"),
    ("El alquiler subió 50 euros hasta 900 euros.", "money 50 exact 50..50 EUR | money 900 exact 900..900 EUR"),
    ("La retribución aumentó un 25% hasta los 34.655 millones de euros.", "percent 25 exact 25..25 | money 34655000000 exact 34655000000..34655000000 EUR"),
    ("Las multas pueden llegar hasta 900 euros.", "money 900 at_most 0..900 EUR"),
    ("El terremoto de magnitud 5,2 sacudió la región.", "measure 5.2 exact 5.2..5.2 magnitude"),
    ("La entrada ronda los 40 euros.", "money 40 approx 36..44 EUR"),
    ("La ciudad tiene 3,3 millones de habitantes.", "count 3300000 exact 3300000..3300000 [habitantes]"),
    ("El club pagó 80 millones de euros.", "money 80000000 exact 80000000..80000000 EUR"),
    ("El equipo ganó 12 mil euros.", "money 12000 exact 12000..12000 EUR"),
    ("La obra costará 438 millones de dólares.", "money 438000000 exact 438000000..438000000 USD"),
    ("La entrada cuesta 20 €.", "money 20 exact 20..20 EUR"),
    ("El abono cuesta 1.200 € al año.", "money 1200 exact 1200..1200 EUR"),
    ("Se recaudaron 5 millones de libras.", "money 5000000 exact 5000000..5000000 GBP"),
    // Qualifiers.
    ("Más de 1.200 bomberos trabajan en el incendio.", "count 1200 more_than 1200.. [bomberos]"),
    ("Unos 500 vecinos fueron evacuados.", "count 500 approx 450..550 [vecinos]"),
    ("Alrededor de 1.500 trabajadores secundaron la huelga.", "count 1500 approx 1350..1650 [trabajadores]"),
    ("Casi 6 millones de personas viven allí.", "count 6000000 approx 5400000..6000000 [personas]"),
    ("Al menos 18 personas murieron.", "count 18 at_least 18.. [personas]"),
    ("Hasta 600 empleos están en riesgo.", "count 600 at_most 0..600 [empleos]"),
    ("Menos de 100 plazas siguen libres.", "count 100 less_than 0..100 [plazas]"),
    ("Cerca de 40 camiones bloquearon la autopista.", "count 40 approx 36..40 [camiones]"),
    ("Solo 45 espectadores acudieron.", "count 45 exact 45..45 [espectadores]"),
    ("Entre 300 y 400 personas participaron.", "count - range 300..400 [personas]"),
    ("Casi el 60 % de los votos fue para el alcalde.", "percent 60 approx 54..60"),
    ("Las reservas siguen por debajo del 30 %.", "percent 30 less_than 0..30"),
    // Vague quantities.
    ("Miles de personas salieron a la calle.", "count - vague 2000..9999 [personas]"),
    ("Cientos de coches quedaron atrapados.", "count - vague 200..999 [coches]"),
    ("Decenas de miles de hogares se quedaron sin luz.", "count - vague 20000..99999 [hogares]"),
    ("Una docena de barcos esperaba en el puerto.", "count 12 approx 10.8..13.2 [barcos]"),
    ("Un centenar de vecinos protestó.", "count 100 approx 90..110 [vecinos]"),
    // Real reporting (eval/news3, eval/news5 forms).
    ("Las temperaturas pueden superar los 36 grados.", "measure 36 more_than 36.. degC"),
    ("Asistieron 48.466 espectadores.", "count 48466 exact 48466..48466 [espectadores]"),
    ("El presupuesto asciende a 35.940.000 euros.", "money 35940000 exact 35940000..35940000 EUR"),
    ("Las ventas crecieron un 4,17%.", "percent 4.17 exact 4.17..4.17"),
    ("En la cancha entran 82.000 personas.", "count 82000 exact 82000..82000 [personas]"),
    ("Se esperan entre 41 y 43 grados.", "measure - range 41..43 degC"),
    ("Hubo rachas de 80 km/h en el litoral.", "measure 80 exact 80..80 km/h"),
    // An elliptic range: the frame's opening word left out, the unit once.
    ("Hay alerta por valores de hasta 44 y 45 grados.", "measure - range 44..45 degC"),
    ("Se alcanzarán valores ente los 38 y los 42 grados.", "measure - range 38..42 degC"),
    ("Detuvieron a dos jóvenes de 14 y 16 años.", "count 2 exact 2..2 [jóvenes] | count 14 exact 14..14 | measure 16 exact 16..16 year"),
    ("Se perdieron entre 2 y 3 millones de metros cúbicos.", "measure - range 2000000..3000000 m3"),
    ("Los precios subieron en los tres últimos meses.", "measure 3 exact 3..3 month"),
    ("Subirán entre dos y cinco grados, donde más, casi cinco, en el sur.", "measure - range 2..5 degC | measure 5 approx 4.5..5 degC"),
    // A known quantity compared with: no bound.
    ("La cifra apenas superó las 44.270 personas que habían asistido.", "count 44270 exact 44270..44270 [personas]"),
    ("La cifra superó los 300 asistentes.", "count 300 more_than 300.. [asistentes]"),
    ("Las rachas pueden alcanzar o superar los 90 km/h.", "measure 90 at_least 90.. km/h"),
    ("Una entrada cuesta 5 euros. El resultado subió un 6%, totalizando 10.180 millones.", "money 5 exact 5..5 EUR | percent 6 exact 6..6 | money 10180000000 exact 10180000000..10180000000 EUR"),
    ("Una entrada cuesta 5 euros. La cifra de negocio llegó a 666.628 millones.", "money 5 exact 5..5 EUR | money 666628000000 exact 666628000000..666628000000 EUR"),
    ("La retribución alcanzó 34.655 millones de euros.", "money 34655000000 exact 34655000000..34655000000 EUR"),
    // Percentages, points, units.
    ("El paro bajó 0,3 puntos porcentuales.", "percent 0.3 exact 0.3..0.3 pp"),
    ("El BCE subió los tipos 25 puntos básicos.", "percent 0.25 exact 0.25..0.25 pp"),
    ("El 12 por ciento de los hogares no tiene coche.", "percent 12 exact 12..12"),
    ("El incendio arrasó 40 kilómetros cuadrados.", "measure 40 exact 40..40 km2"),
    ("Se quemaron 3.000 hectáreas.", "measure 3000 exact 3000..3000 ha"),
    ("Cayeron 120 milímetros de lluvia.", "measure 120 exact 120..120 mm"),
    ("La planta produce 60.000 metros cúbicos.", "measure 60000 exact 60000..60000 m3"),
    ("El camión llevaba 25 toneladas.", "measure 25 exact 25..25 t"),
    ("Los paros duraron dos horas.", "measure 2 exact 2..2 hour"),
    ("La obra durará tres años.", "measure 3 exact 3..3 year"),
    // Not figures.
    ("La línea 11 del metro reabre.", ""),
    ("Según el artículo 5 de la ley.", ""),
    // eval/news6: seconds, "del" after a hedge, a level is a label, what
    // is left of a sum in euros is euros.
    ("En apenas cinco segundos cayó la red.", "measure 5 exact 5..5 s"),
    ("Se recuperó algo más del 50 % del suministro.", "percent 50 more_than 50.."),
    ("Votó menos del 40 % del censo.", "percent 40 less_than 0..40"),
    ("Ocho comunidades pidieron el nivel 3 de emergencia.", "count 8 exact 8..8 [comunidades]"),
    ("La obra costó 700 millones de euros. Quedan 140 millones.", "money 700000000 exact 700000000..700000000 EUR | money 140000000 exact 140000000..140000000 EUR"),
    // Five digits without a separator are a number's name, not a figure.
    ("El primer premio fue para el 72480, vendido en Logroño.", ""),
    ("Cada décimo del 72480 cobra 400.000 euros.", "money 400000 exact 400000..400000 EUR"),
    // A hedge after the currency.
    ("Quienes hayan ganado 2.000 euros o más cobran en el banco.", "money 2000 at_least 2000.. EUR"),
    // eval/news8: "y media" after a duration; vague hundreds of millions.
    ("La reunión duró dos horas y media.", "measure 2.5 exact 2.5..2.5 hour"),
    ("Costó varios cientos de millones de euros.", "money - vague 200000000..999999999 EUR"),
    // Power and energy.
    ("Desaparecieron 15 gigavatios de generación.", "measure 15 exact 15..15 GW"),
    ("La planta produjo 3,2 teravatios hora.", "measure 3.2 exact 3.2..3.2 TWh"),
];

#[test]
fn french_quantities_normalize() {
    check(FR, Lang::Fr);
}

#[rustfmt::skip]
const FR: &[(&str, &str)] = &[
    // Digits: a space, a no-break or a narrow no-break space groups
    // thousands; `,` marks decimals.
    ("Le festival a accueilli 56 421 visiteurs.", "count 56421 exact 56421..56421 [visiteurs]"),
    ("L'usine emploie 4\u{a0}000 salariés.", "count 4000 exact 4000..4000 [salariés]"),
    ("La ville compte 12\u{202f}500 étudiants.", "count 12500 exact 12500..12500 [étudiants]"),
    ("Le département compte 1 234 567 habitants.", "count 1234567 exact 1234567..1234567 [habitants]"),
    ("La Seine est montée de 2,5 mètres.", "measure 2.5 exact 2.5..2.5 m"),
    ("L'inflation a atteint 2,2 %.", "percent 2.2 exact 2.2..2.2"),
    ("L'armée a envoyé 600 soldats à la frontière.", "count 600 exact 600..600 [soldats]"),
    // Number words.
    ("Quatre-vingt-dix contrôleurs seront recrutés.", "count 90 exact 90..90 [contrôleurs]"),
    ("La gratuité concerne deux cent mille jeunes.", "count 200000 exact 200000..200000 [jeunes]"),
    ("Vingt et un villages ont été évacués.", "count 21 exact 21..21 [villages]"),
    ("Dix-sept trains ont été supprimés.", "count 17 exact 17..17 [trains]"),
    ("Soixante-dix familles ont été relogées.", "count 70 exact 70..70 [familles]"),
    ("Quatre-vingts élus ont voté contre.", "count 80 exact 80..80 [élus]"),
    ("Soixante-quinze communes sont concernées.", "count 75 exact 75..75 [communes]"),
    ("Trois cents manifestants se sont rassemblés.", "count 300 exact 300..300 [manifestants]"),
    ("La région a reçu deux millions de touristes.", "count 2000000 exact 2000000..2000000 [touristes]"),
    ("Mille personnes ont défilé.", "count 1000 exact 1000..1000 [personnes]"),
    ("Douze mineurs ont été secourus.", "count 12 exact 12..12 [mineurs]"),
    ("Un million et demi de visiteurs sont attendus.", "count 1500000 exact 1500000..1500000 [visiteurs]"),
    // Scale words; a "billion" is 10¹².
    ("Le plan coûte 1,5 milliard d'euros.", "money 1500000000 exact 1500000000..1500000000 EUR"),
    ("La dette atteint 3 000 milliards d'euros.", "money 3000000000000 exact 3000000000000..3000000000000 EUR"),
    ("La ville compte 1,4 million d'habitants.", "count 1400000 exact 1400000..1400000 [habitants]"),
    ("Le club a payé 80 millions d'euros.", "money 80000000 exact 80000000..80000000 EUR"),
    ("Le billet coûte 48 euros.", "money 48 exact 48..48 EUR"),
    ("Le loyer atteint 1 200 € par mois.", "money 1200 exact 1200..1200 EUR"),
    ("Le contrat vaut 300 millions de dollars.", "money 300000000 exact 300000000..300000000 USD"),
    ("Le prix a atteint 12 000 francs suisses.", "money 12000 exact 12000..12000 CHF"),
    // Qualifiers.
    ("Plus de 12 000 passagers ont été bloqués.", "count 12000 more_than 12000.. [passagers]"),
    ("Environ 500 habitants ont été évacués.", "count 500 approx 450..550 [habitants]"),
    ("Près de 9 500 agents travaillent pour la métropole.", "count 9500 approx 8550..9500 [agents]"),
    ("Au moins 18 personnes ont été tuées.", "count 18 at_least 18.. [personnes]"),
    ("Jusqu'à 600 postes pourraient disparaître.", "count 600 at_most 0..600 [postes]"),
    ("Moins de 100 places restent libres.", "count 100 less_than 0..100 [places]"),
    ("Presque 40 % des électeurs se sont abstenus.", "percent 40 approx 36..40"),
    ("Quelque 70 bus circulent chaque jour.", "count 70 approx 63..77 [bus]"),
    ("Seulement 45 spectateurs sont venus.", "count 45 exact 45..45 [spectateurs]"),
    ("Entre 300 et 400 personnes ont participé.", "count - range 300..400 [personnes]"),
    ("Plus d'un million de foyers sont privés d'électricité.", "count 1000000 more_than 1000000.. [foyers]"),
    ("Près de la moitié des trains ont été annulés.", "percent 50 approx 45..50"),
    // Vague quantities.
    ("Des milliers de personnes sont descendues dans la rue.", "count - vague 2000..9999 [personnes]"),
    ("Des centaines de voitures sont restées bloquées.", "count - vague 200..999 [voitures]"),
    ("Des dizaines de milliers de foyers ont été privés de courant.", "count - vague 20000..99999 [foyers]"),
    ("Une centaine de riverains ont manifesté.", "count 100 approx 90..110 [riverains]"),
    ("Une douzaine de bateaux attendaient au port.", "count 12 approx 10.8..13.2 [bateaux]"),
    // Real reporting (eval/news5 forms).
    ("La croissance a progressé de 0,3 point.", "percent 0.3 exact 0.3..0.3 pp"),
    ("Soit 0,1 point de plus que prévu.", "percent 0.1 exact 0.1..0.1 pp"),
    ("Le secteur a créé +14 900 postes.", "count 14900 exact 14900..14900 [postes]"),
    ("L'industrie a perdu –12 800 emplois.", "count -12800 exact -12800..-12800 [emplois]"),
    ("Il fera entre 10 et 15 degrés.", "measure - range 10..15 degC"),
    ("Des cumuls de 50 à 80 mm sont attendus.", "measure - range 50..80 mm"),
    ("Des rafales entre 100 à 120 km/h sont attendues.", "measure - range 100..120 km/h"),
    ("Le vent souffle à 90 kilomètres par heure.", "measure 90 exact 90..90 km/h"),
    // An elliptic range: the frame's opening word left out, the unit once.
    ("Il fera entre 10 et 15 degrés au nord, 14 et 19 degrés ailleurs.", "measure - range 10..15 degC | measure - range 14..19 degC"),
    ("Il fera 10, 12 et 14 degrés.", "count 10 exact 10..10 | count 12 exact 12..12 | measure 14 exact 14..14 degC"),
    // A range whose scale carries the unit.
    ("Ces fossiles sont vieux de 459 à 470 millions d'années.", "measure - range 459000000..470000000 year"),
    // A word between the figure and its unit.
    ("L'économie stagne sur les trois derniers mois.", "measure 3 exact 3..3 month"),
    ("Les trois premiers candidats sont élus.", ""),
    // The unit of the figure just before, for one written without it.
    ("Il fera 25 degrés, avec une maximale de 32 sur la côte.", "measure 25 exact 25..25 degC | measure 32 exact 32..32 degC"),
    ("Après deux heures de débat, 40 voix.", "measure 2 exact 2..2 hour | count 40 exact 40..40 [voix]"),
    ("Le chiffre dépasse les 300 visiteurs qui étaient venus.", "count 300 exact 300..300 [visiteurs]"),
    ("Des grêlons pouvant atteindre ou dépasser les 5cm.", "measure 5 at_least 5.. cm"),
    ("Les rafales peuvent dépasser 100 km/h.", "measure 100 more_than 100.. km/h"),
    // A change between two figures: the first end takes the second's currency.
    ("Le prix a grimpé de 12 à 15 euros.", "money 12 exact 12..12 EUR | money 15 exact 15..15 EUR"),
    ("Cinq départements sont en vigilance orange.", "count 5 exact 5..5 [départements]"),
    ("Les exportations ont baissé de 0,6 %.", "percent 0.6 exact 0.6..0.6"),
    ("Un billet coûte 5 euros. Le bénéfice net atteint 12 000 millions.", "money 5 exact 5..5 EUR | money 12000000000 exact 12000000000..12000000000 EUR"),
    ("La dette dépasse 3 000 milliards d'euros.", "money 3000000000000 more_than 3000000000000.. EUR"),
    ("Le budget atteint 2,3 M€.", "money 2300000 exact 2300000..2300000 EUR"),
    ("Le plan coûte 1,2 Md€.", "money 1200000000 exact 1200000000..1200000000 EUR"),
    ("La piste mesure 2,3 m.", "measure 2.3 exact 2.3..2.3 m"),
    ("Le séisme de magnitude 5,2 a frappé.", "measure 5.2 exact 5.2..5.2 magnitude"),
    ("Appelez le +33 1 23 45 67 89.", ""),
    // Percentages, points, units.
    ("Le chômage a reculé de 0,3 point de pourcentage.", "percent 0.3 exact 0.3..0.3 pp"),
    ("La BCE a relevé ses taux de 25 points de base.", "percent 0.25 exact 0.25..0.25 pp"),
    ("Le taux atteint 12 pour cent.", "percent 12 exact 12..12"),
    ("Le feu a détruit 40 kilomètres carrés.", "measure 40 exact 40..40 km2"),
    ("Quelque 3 000 hectares ont brûlé.", "measure 3000 approx 2700..3300 ha"),
    ("Il est tombé 120 millimètres de pluie.", "measure 120 exact 120..120 mm"),
    ("Le camion transportait 25 tonnes.", "measure 25 exact 25..25 t"),
    ("La grève a duré six heures.", "measure 6 exact 6..6 hour"),
    ("Les travaux dureront trois ans.", "measure 3 exact 3..3 year"),
    // Not figures.
    ("La ligne 11 du métro rouvre.", ""),
    ("Selon l'article 5 de la loi.", ""),
    // eval/news6: seconds, a level is a label, what is left of a sum in
    // euros is euros.
    ("L'opération a duré 45 secondes.", "measure 45 exact 45..45 s"),
    ("Le plan est passé au niveau 3 dans la nuit.", ""),
    ("Le chantier a coûté 700 millions d'euros. Il reste donc près de 140 millions.", "money 700000000 exact 700000000..700000000 EUR | money 140000000 approx 126000000..140000000 EUR"),
    // eval/news8: decimals in the last group after a space; two counts
    // after a comma, not a ratio; "et demie" after a duration.
    ("Le Tour a couvert 3 338,8 kilomètres.", "measure 3338.8 exact 3338.8..3338.8 km"),
    ("Il reste 12 345,50 euros.", "money 12345.5 exact 12345.5..12345.5 EUR"),
    ("La confiance est refusée par 364 voix contre 194, sur 573 votants.", "count 364 exact 364..364 [voix] | count 194 exact 194..194 | count 573 exact 573..573 [votants]"),
    ("La flèche est tombée environ une heure et demie après.", "measure 1.5 approx 1.35..1.65 hour"),
    ("Le chantier coûtera plusieurs centaines de millions d'euros.", "money - vague 200000000..999999999 EUR"),
    // Power and energy.
    ("Le parc éolien atteint 300 mégawatts.", "measure 300 exact 300..300 MW"),
    ("La centrale a produit 1,2 térawattheure.", "measure 1.2 exact 1.2..1.2 TWh"),
];
