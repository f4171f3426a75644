//! Units of measure and currencies: closed sets, parsed from text and
//! reference files at the boundary, compared by dimension.

use std::fmt;

/// What a measure measures; units of one dimension convert into each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Length,
    Area,
    Mass,
    Volume,
    Duration,
    /// Percentage points: a difference of two percentages.
    Points,
    /// An earthquake's magnitude: a scale of its own, never a count.
    Magnitude,
    /// Temperatures: Celsius and Fahrenheit convert with an offset;
    /// degrees of no named scale only equal themselves.
    Temperature,
    Speed,
    /// Electric power (a grid's load, a plant's capacity).
    Power,
    /// Energy (a year's consumption, a battery's capacity).
    Energy,
    /// A mass in a volume of air or water (fine dust, a pollutant).
    Concentration,
}

/// The canonical units of DESIGN.md, plus percentage points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Km,
    M,
    Cm,
    Mm,
    Mi,
    In,
    /// Feet ("525 feet", "a 16-foot-wide rock").
    Ft,
    Km2,
    /// Square metres ("una casa di 70 metri quadrati", "70 m²").
    M2,
    Mi2,
    Ha,
    /// Acres ("40 acres of terrain").
    Acre,
    T,
    Kg,
    /// Grams, written as a word ("1.731 grammi", "25 Gramm"; a bare "g"
    /// is too often "5G").
    G,
    /// Pounds of weight ("1,344 pounds" after "weighs"; `lb`, `lbs`).
    Lb,
    L,
    Hl,
    M3,
    Gal,
    /// Seconds ("14 secondi", "34 seconds", a race time `2:00:35`).
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    /// A century: extraction counts it in years ("a quarter of a century"
    /// is 25 years).
    Century,
    /// Percentage points (`pp`): 50 basis points are 0.5 pp.
    Pp,
    /// An earthquake's magnitude ("magnitudo 3,9", "a 6.1-magnitude quake").
    Magnitude,
    /// Degrees Celsius ("meno 12 gradi", "19C").
    Celsius,
    /// Degrees Fahrenheit ("40 degrees Fahrenheit").
    Fahrenheit,
    /// Degrees of a scale the text does not name ("minus 12 degrees").
    Degree,
    /// Kilometres an hour ("70 km/h", "chilometri orari").
    Kmh,
    /// Miles an hour ("15,000 mph").
    Mph,
    /// Power: kilowatts, megawatts, gigawatts ("15 gigawatts", "25.000 MW").
    Kw,
    Mw,
    Gw,
    /// Energy: kilowatt, megawatt, gigawatt and terawatt hours.
    Kwh,
    Mwh,
    Gwh,
    Twh,
    /// Micrograms per cubic metre ("50 µg/m³", "microgrammi per metro cubo").
    UgM3,
}

/// Symbol, dimension and size in the dimension's base unit, one row a unit.
const UNITS: &[(Unit, &str, Dimension, f64)] = &[
    (Unit::Km, "km", Dimension::Length, 1000.0),
    (Unit::M, "m", Dimension::Length, 1.0),
    (Unit::Cm, "cm", Dimension::Length, 0.01),
    (Unit::Mm, "mm", Dimension::Length, 0.001),
    (Unit::Mi, "mi", Dimension::Length, 1609.344),
    (Unit::In, "in", Dimension::Length, 0.0254),
    (Unit::Ft, "ft", Dimension::Length, 0.3048),
    (Unit::Km2, "km2", Dimension::Area, 1_000_000.0),
    (Unit::M2, "m2", Dimension::Area, 1.0),
    (Unit::Mi2, "mi2", Dimension::Area, 2_589_988.110_336),
    (Unit::Ha, "ha", Dimension::Area, 10_000.0),
    (Unit::Acre, "acre", Dimension::Area, 4_046.856_422_4),
    (Unit::T, "t", Dimension::Mass, 1000.0),
    (Unit::Kg, "kg", Dimension::Mass, 1.0),
    (Unit::G, "g", Dimension::Mass, 0.001),
    (Unit::Lb, "lb", Dimension::Mass, 0.453_592_37),
    (Unit::L, "l", Dimension::Volume, 0.001),
    (Unit::Hl, "hl", Dimension::Volume, 0.1),
    (Unit::M3, "m3", Dimension::Volume, 1.0),
    (Unit::Gal, "gal", Dimension::Volume, 0.003_785_411_784),
    (Unit::Second, "s", Dimension::Duration, 1.0 / 3600.0),
    (Unit::Minute, "min", Dimension::Duration, 1.0 / 60.0),
    (Unit::Hour, "hour", Dimension::Duration, 1.0),
    (Unit::Day, "day", Dimension::Duration, 24.0),
    (Unit::Week, "week", Dimension::Duration, 168.0),
    (Unit::Month, "month", Dimension::Duration, 730.485),
    (Unit::Year, "year", Dimension::Duration, 8765.82),
    (Unit::Century, "century", Dimension::Duration, 876_582.0),
    (Unit::Pp, "pp", Dimension::Points, 1.0),
    (Unit::Magnitude, "magnitude", Dimension::Magnitude, 1.0),
    (Unit::Celsius, "degC", Dimension::Temperature, 1.0),
    (Unit::Fahrenheit, "degF", Dimension::Temperature, 1.0),
    (Unit::Degree, "deg", Dimension::Temperature, 1.0),
    (Unit::Kmh, "km/h", Dimension::Speed, 1.0),
    (Unit::Mph, "mph", Dimension::Speed, 1.609_344),
    (Unit::Kw, "kW", Dimension::Power, 1.0),
    (Unit::Mw, "MW", Dimension::Power, 1000.0),
    (Unit::Gw, "GW", Dimension::Power, 1_000_000.0),
    (Unit::Kwh, "kWh", Dimension::Energy, 1.0),
    (Unit::Mwh, "MWh", Dimension::Energy, 1000.0),
    (Unit::Gwh, "GWh", Dimension::Energy, 1_000_000.0),
    (Unit::Twh, "TWh", Dimension::Energy, 1_000_000_000.0),
    (Unit::UgM3, "ug/m3", Dimension::Concentration, 1.0),
];

impl Unit {
    fn row(self) -> &'static (Unit, &'static str, Dimension, f64) {
        UNITS.iter().find(|row| row.0 == self).unwrap_or(&UNITS[0])
    }

    pub(crate) fn symbol(self) -> &'static str {
        self.row().1
    }

    pub(crate) fn dimension(self) -> Dimension {
        self.row().2
    }

    /// Parses a canonical symbol (`km2`, also `km²`).
    pub(crate) fn from_symbol(symbol: &str) -> Option<Unit> {
        let symbol = symbol
            .trim()
            .replace('²', "2")
            .replace('³', "3")
            .replace(['µ', 'μ'], "u");
        UNITS
            .iter()
            .find(|row| row.1.eq_ignore_ascii_case(&symbol))
            .map(|row| row.0)
    }

    /// Converts `value` from this unit into `to`; `None` across dimensions.
    pub(crate) fn convert(self, value: f64, to: Unit) -> Option<f64> {
        match (self, to) {
            _ if self == to => return Some(value),
            (Unit::Celsius, Unit::Fahrenheit) => return Some(value * 9.0 / 5.0 + 32.0),
            (Unit::Fahrenheit, Unit::Celsius) => return Some((value - 32.0) * 5.0 / 9.0),
            // Degrees of no named scale convert to nothing else.
            (Unit::Degree, _) | (_, Unit::Degree) => return None,
            _ => {}
        }
        let (from, to) = (self.row(), to.row());
        (from.2 == to.2).then(|| value * from.3 / to.3)
    }

    pub(crate) fn all_symbols() -> impl Iterator<Item = &'static str> {
        UNITS.iter().map(|row| row.1)
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// An ISO 4217 currency factcheck knows how to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Currency {
    Eur,
    Usd,
    Gbp,
    Chf,
    Jpy,
    Cny,
    Rub,
    Uah,
    Krw,
    Inr,
    Sek,
    Nok,
    Dkk,
    Isk,
    Pln,
    Czk,
    Huf,
    Cad,
    Aud,
    Nzd,
    Hkd,
    Brl,
    Mxn,
    Try,
    Sgd,
}

const CURRENCIES: &[(Currency, &str)] = &[
    (Currency::Eur, "EUR"),
    (Currency::Usd, "USD"),
    (Currency::Gbp, "GBP"),
    (Currency::Chf, "CHF"),
    (Currency::Jpy, "JPY"),
    (Currency::Cny, "CNY"),
    (Currency::Rub, "RUB"),
    (Currency::Uah, "UAH"),
    (Currency::Krw, "KRW"),
    (Currency::Inr, "INR"),
    (Currency::Sek, "SEK"),
    (Currency::Nok, "NOK"),
    (Currency::Dkk, "DKK"),
    (Currency::Isk, "ISK"),
    (Currency::Pln, "PLN"),
    (Currency::Czk, "CZK"),
    (Currency::Huf, "HUF"),
    (Currency::Cad, "CAD"),
    (Currency::Aud, "AUD"),
    (Currency::Nzd, "NZD"),
    (Currency::Hkd, "HKD"),
    (Currency::Brl, "BRL"),
    (Currency::Mxn, "MXN"),
    (Currency::Try, "TRY"),
    (Currency::Sgd, "SGD"),
];

impl Currency {
    pub fn code(self) -> &'static str {
        CURRENCIES
            .iter()
            .find(|row| row.0 == self)
            .map_or("EUR", |row| row.1)
    }

    pub(crate) fn from_code(code: &str) -> Option<Currency> {
        CURRENCIES
            .iter()
            .find(|row| row.1.eq_ignore_ascii_case(code.trim()))
            .map(|row| row.0)
    }

    pub(crate) fn all_codes() -> impl Iterator<Item = &'static str> {
        CURRENCIES.iter().map(|row| row.1)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_miles_convert_to_square_kilometres() {
        let km2 = Unit::Mi2.convert(1.0, Unit::Km2).unwrap();
        assert!((km2 - 2.589_988).abs() < 1e-6);
    }

    #[test]
    fn feet_pounds_seconds_and_speeds_convert() {
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-6);
        assert!(close(Unit::Ft.convert(525.0, Unit::M), 160.02));
        assert!(close(Unit::Lb.convert(1344.0, Unit::Kg), 609.628_145_28));
        assert!(close(Unit::Second.convert(90.0, Unit::Minute), 1.5));
        assert!(close(Unit::Mph.convert(10.0, Unit::Kmh), 16.093_44));
        assert_eq!(Unit::from_symbol("km/h"), Some(Unit::Kmh));
        assert_eq!(Unit::Kmh.convert(1.0, Unit::Km), None);
    }

    #[test]
    fn no_conversion_across_dimensions() {
        assert_eq!(Unit::Km.convert(1.0, Unit::Kg), None);
    }

    #[test]
    fn symbols_and_codes_round_trip() {
        assert_eq!(Unit::from_symbol("km²"), Some(Unit::Km2));
        assert_eq!(Currency::from_code("usd"), Some(Currency::Usd));
        assert_eq!(Currency::Gbp.code(), "GBP");
    }
}
