#!/usr/bin/env python3
"""Generate a benchmark corpus from factcheck's own example sentences.

Usage: gen_corpus.py OUT_DIR --mb 100 --files 10000 [--facts 10000] [--density D]

Writes OUT_DIR/articles/NNNNN.md (Italian and English articles made of the
sentences below, figures varied) and, with --facts, OUT_DIR/refs/synthetic.yaml
with that many facts (synthetic ones whose terms rarely occur in the text;
the script adds the example facts). Deterministic (seeded).

--density is the share of sentences that carry figures. The default, 0.25,
gives about 7 claims per KB: twice the density of the seed article (3.6 per
KB), about that of our own examples/. --density 1 makes every sentence carry
two or three figures (about 27 claims per KB): a stress case.
"""
import argparse
import os
import random

IT = [
    "Secondo l'intelligence sudcoreana, Pyongyang ha inviato più di {n1} mila soldati nella regione di Kursk.",
    "Circa {n2} soldati nordcoreani sarebbero stati uccisi e migliaia feriti nei combattimenti.",
    "Il governo ha stanziato {d1},{d2} miliardi di euro per la ricostruzione nel {y}.",
    "Dall'inizio dell'anno sono arrivate {n3}.{n4:03d} persone, quasi il {p} per cento in meno.",
    "La colonna si è fermata a circa {n2} chilometri dal confine, dopo tre giorni di marcia.",
    "Tra {a} e {b} mila lavoratori sono stati mandati a riparare i danni, ha detto ieri il ministero.",
    "Il vertice è previsto per martedì prossimo, mentre lo scorso aprile c'era stato un incontro a Mosca.",
    "Oltre {n2} famiglie sono rimaste senza corrente per fino a sei ore.",
]
EN = [
    "According to Seoul's spy agency, Pyongyang sent more than {n1},000 troops to the Kursk region.",
    "About {n2} North Korean soldiers have been killed and thousands wounded, officials said on Tuesday.",
    "The ministry has spent nearly ${d1}.{d2}bn on air defence in the past 12 months.",
    "Between {a},000 and {b},000 sailors were stranded for up to four days last month.",
    "Traffic fell by {p}% in February compared with the same month of {y}.",
    "Some {d1}.{d2} million people lost water, and power was cut to roughly {n3},{n4:03d} homes.",
    "The new breakwater, {d1}.{d2} km long, is due in {y}, the port authority said.",
    "Hundreds of trucks queued on the access road, which reopened at 6 a.m. on Monday.",
]

# Sentences without figures, written for this corpus: the prose around the
# numbers that a news article is mostly made of.
IT_PROSE = [
    "Il ministero non ha voluto commentare le indiscrezioni pubblicate dalla stampa locale.",
    "Secondo gli analisti, la decisione riflette un cambiamento di strategia ormai evidente.",
    "Nei villaggi vicini al confine molti abitanti hanno lasciato le loro case per precauzione.",
    "L'opposizione ha chiesto al governo di riferire in Parlamento sulla vicenda.",
    "Fonti diplomatiche parlano di una trattativa difficile, ma non ancora compromessa.",
    "La notizia è stata accolta con prudenza dalle cancellerie europee.",
    "I sindacati hanno annunciato nuove iniziative se le richieste resteranno senza risposta.",
    "Le immagini diffuse sui social mostrano colonne di mezzi militari lungo la strada principale.",
    "Il portavoce ha ribadito che ogni decisione sarà presa in accordo con gli alleati.",
    "Restano da chiarire le responsabilità di chi ha autorizzato l'operazione.",
    "Gli esperti invitano a leggere con cautela i dati diffusi dalle parti in conflitto.",
    "La procura ha aperto un fascicolo e ascolterà presto i primi testimoni.",
]
EN_PROSE = [
    "The ministry declined to comment on the reports published by local media.",
    "Analysts said the decision reflected a shift in strategy that had been visible for some time.",
    "In villages near the border, many residents have left their homes as a precaution.",
    "Opposition lawmakers asked the government to explain the matter before parliament.",
    "Diplomats described the talks as difficult but not yet broken.",
    "European capitals received the news with caution.",
    "Union leaders warned of further action if their demands went unanswered.",
    "Footage shared on social media showed military vehicles moving along the main road.",
    "A spokesperson repeated that any decision would be taken together with the allies.",
    "It remains unclear who authorised the operation.",
    "Experts urged readers to treat figures released by either side with care.",
    "Prosecutors have opened an investigation and will soon hear the first witnesses.",
]


def fill(template, rng):
    a = rng.randint(2, 30)
    return template.format(
        n1=rng.randint(5, 20), n2=rng.randint(100, 900), n3=rng.randint(1, 99),
        n4=rng.randint(0, 999), d1=rng.randint(1, 9), d2=rng.randint(1, 9),
        y=rng.randint(2015, 2026), p=rng.randint(2, 80), a=a, b=a + rng.randint(1, 5))


def article(rng, index, size, density):
    lang = "it" if index % 2 == 0 else "en"
    pool = IT if lang == "it" else EN
    prose = IT_PROSE if lang == "it" else EN_PROSE
    day = 1 + index % 28
    out = [f"---\ntitle: Article {index}\ndate: 2025-{1 + index % 12:02d}-{day:02d}\nlang: {lang}\n---\n"]
    length = 0

    def sentence():
        if rng.random() < density:
            return fill(rng.choice(pool), rng)
        return rng.choice(prose)

    while length < size:
        paragraph = " ".join(sentence() for _ in range(4))
        out.append(paragraph + "\n\n")
        length += len(paragraph) + 2
    return "".join(out)


def facts(rng, count, out):
    out.write("topic: synthetic facts for benchmarks\nfacts:\n")
    for i in range(count):
        kind = ("count", "money", "date")[i % 3]
        out.write(f"  - id: synthetic-{i}\n    kind: {kind}\n")
        if kind == "money":
            out.write("    currency: EUR\n")
        out.write(f"    match:\n      - [zorblat{i}, quen{i}*]\n      - [soldat*, troops, euro, marcia]\n    values:\n")
        if kind == "date":
            out.write(f"      - date: 2024-{1 + i % 12:02d}\n        source: Synthetic source {i % 50}\n")
        else:
            out.write(f"      - value: {rng.randint(1, 10**6)}\n        source: Synthetic source {i % 50}\n        as_of: 2024-06-01\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--facts", type=int, default=0)
    ap.add_argument("--density", type=float, default=0.25)
    args = ap.parse_args()
    rng = random.Random(42)
    articles = os.path.join(args.out, "articles")
    os.makedirs(articles, exist_ok=True)
    size = int(args.mb * 1024 * 1024 / args.files)
    for i in range(args.files):
        with open(os.path.join(articles, f"{i:05d}.md"), "w", encoding="utf-8") as fh:
            fh.write(article(rng, i, size, args.density))
    if args.facts:
        os.makedirs(os.path.join(args.out, "refs"), exist_ok=True)
        with open(os.path.join(args.out, "refs", "synthetic.yaml"), "w", encoding="utf-8") as fh:
            facts(rng, args.facts, fh)


if __name__ == "__main__":
    main()
