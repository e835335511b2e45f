"""Polish news text assembled from inflected phrase pools: titles, paragraphs, names."""

from __future__ import annotations

import logging
import random

from scraper.serve.polish_dates import MONTHS_GENITIVE

logger = logging.getLogger(__name__)

# Phrases are stored already inflected for the slot they fill, so sentences
# stay grammatical without a morphology engine.
SUBJECTS = (
    "Urząd Miejski",
    "Prezydent Miasta",
    "Rada Miasta",
    "Zarząd Dróg Miejskich",
    "Miejski Konserwator Zabytków",
    "Miejski Ośrodek Pomocy Rodzinie",
    "Laboratorium Innowacji Społecznych",
    "Rada Dzielnicy",
    "Zarząd Budynków Komunalnych",
    "Wydział Rozwoju Miasta",
    "Komitet Rewitalizacji",
    "Spółdzielnia mieszkaniowa",
    "Centrum Kultury",
    "Miejska Biblioteka Publiczna",
    "Powiatowy Urząd Pracy",
)
VERBS = (
    "rozpoczyna",
    "ogłasza",
    "przygotowuje",
    "planuje",
    "finansuje",
    "kończy",
    "współorganizuje",
    "zapowiada",
    "podsumowuje",
    "przedłuża",
    "odbiera",
    "wspiera",
)
REVITALISATION_OBJECTS = (
    "rewitalizację podwórek",
    "remont zabytkowej kamienicy",
    "przebudowę placu targowego",
    "konsultacje Gminnego Programu Rewitalizacji",
    "termomodernizację budynków komunalnych",
    "renowację elewacji",
    "program aktywizacji zawodowej",
    "warsztaty dla mieszkańców obszaru rewitalizacji",
    "budowę centrum sąsiedzkiego",
    "zagospodarowanie nabrzeża",
    "modernizację domu sąsiedzkiego",
    "odnowę zieleni miejskiej",
    "organizowanie społeczności lokalnej",
    "adaptację dawnych koszar",
)
CITY_OBJECTS = (
    "remont nawierzchni jezdni",
    "modernizację oświetlenia ulicznego",
    "budowę ścieżki rowerowej",
    "przetarg na wywóz odpadów",
    "nasadzenia drzew",
    "naprawę chodników",
    "koncert plenerowy",
    "zbiórkę elektrośmieci",
    "festyn rodzinny",
    "dyżur radnych",
    "zapisy do przedszkoli",
    "wymianę wodociągu",
    "przebudowę skrzyżowania",
    "budowę parkingu",
)
STREETS = (
    "ul. Grodzkiej",
    "ul. Franciszkańskiej",
    "ul. Mickiewicza",
    "ul. Słowackiego",
    "ul. Kościuszki",
    "ul. Jagiellońskiej",
    "ul. Kazimierza Wielkiego",
    "ul. Dworskiego",
    "ul. Sanockiej",
    "ul. Basztowej",
    "ul. Morskiej",
    "ul. Chylońskiej",
    "ul. Bosmańskiej",
    "ul. Wójta Radtkego",
    "ul. Kieleckiej",
    "ul. Unruga",
    "ul. Śląskiej",
    "ul. Witomińskiej",
    "ul. Rybaków",
    "al. Zwycięstwa",
    "ul. Żeromskiego",
    "ul. Łowickiej",
    "ul. Źródlanej",
    "placu Konstytucji",
    "Rynku",
    "Bulwarów nad Sanem",
)
DISTRICTS = (
    "na Zasaniu",
    "na Starym Mieście",
    "na Lipowicy",
    "na Kmieciach",
    "na Wilczu",
    "w Śródmieściu",
    "w Chyloni",
    "na Oksywiu",
    "na Babich Dołach",
    "na Witominie",
    "na Radiostacji",
    "w Leszczynkach",
    "na Pekinie",
    "na Meksyku",
    "na Obłużu",
    "w Grabówku",
)
DISTRICTS_GENITIVE = (
    "Zasania",
    "Starego Miasta",
    "Lipowicy",
    "Kmieci",
    "Chyloni",
    "Oksywia",
    "Babich Dołów",
    "Witomina",
    "Leszczynek",
    "Obłuża",
    "Grabówka",
    "Śródmieścia",
)
VENUES = (
    "sali nr 8 Urzędu Miejskiego",
    "Przystani Chylonia",
    "Przystani Oksywie",
    "Szkole Podstawowej nr 25",
    "Domu Sąsiedzkim",
    "Centrum Kultury Zamek",
    "Bibliotece Pedagogicznej",
    "Klubie Seniora „Jesień”",
    "świetlicy Rady Dzielnicy",
    "Muzeum Narodowym Ziemi Przemyskiej",
)
FUNDING = (
    "w ramach Gminnego Programu Rewitalizacji",
    "dzięki środkom z Unii Europejskiej",
    "ze środków budżetu obywatelskiego",
    "z Regionalnego Programu Operacyjnego",
    "przy wsparciu Narodowego Funduszu Ochrony Środowiska",
    "z budżetu miasta",
)
FIRST_NAMES = (
    "Anna",
    "Małgorzata",
    "Katarzyna",
    "Agnieszka",
    "Joanna",
    "Żaneta",
    "Elżbieta",
    "Jolanta",
    "Michał",
    "Paweł",
    "Grzegorz",
    "Rafał",
    "Łukasz",
    "Piotr",
    "Tomasz",
    "Krzysztof",
    "Wojciech",
    "Jarosław",
)
LAST_NAMES = (
    "Nowak",
    "Kowalska",
    "Wiśniewski",
    "Wójcik",
    "Kowalczyk",
    "Kamińska",
    "Lewandowski",
    "Zielińska",
    "Szymański",
    "Woźniak",
    "Dąbrowski",
    "Kozłowska",
    "Jankowski",
    "Mazur",
    "Kwiatkowska",
    "Łącki",
    "Żółkiewska",
    "Porada",
    "Dylejko",
    "Szczęsny",
    "Wróbel",
    "Ślusarczyk",
)
CREDITS = ("fot.", "mat.", "arch.")
GDYNIA_TAGS = (
    "#rewitalizacja",
    "#Chylonia",
    "#Oksywie",
    "#BabieDoły",
    "#Witomino",
    "#Przystań",
    "#konsultacje",
    "#mieszkania",
    "#zieleń",
    "#GPR",
    "#projekt",
    "FFW",
    "#sąsiedzi",
    "#seniorzy",
)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def topic_object(rng: random.Random, revitalisation: bool) -> str:
    return rng.choice(REVITALISATION_OBJECTS if revitalisation else CITY_OBJECTS)


def title(rng: random.Random, subject: str) -> str:
    place = rng.choice((f"przy {rng.choice(STREETS)}", rng.choice(DISTRICTS)))
    return f"{capitalised(subject)} {place}"


def _sentence(rng: random.Random, subject: str) -> str:
    # Each template stands for one kind of sentence municipal news repeats.
    kind = rng.randrange(7)
    if kind == 0:
        return (
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {subject} przy {rng.choice(STREETS)} {rng.choice(DISTRICTS)}."
        )
    if kind == 1:
        return (
            f"Koszt inwestycji wyniesie {rng.randrange(120, 9800)} tys. zł, z czego "
            f"{rng.randrange(40, 86)} proc. zostanie sfinansowane {rng.choice(FUNDING)}."
        )
    if kind == 2:
        return (
            f"Spotkanie z mieszkańcami odbędzie się {rng.randrange(1, 29)} "
            f"{rng.choice(MONTHS_GENITIVE)} o godz. {rng.randrange(9, 19)}:{rng.choice(('00', '30'))} "
            f"w {rng.choice(VENUES)}."
        )
    if kind == 3:
        return (
            f"Prace potrwają około {rng.randrange(2, 30)} tygodni, a utrudnienia obejmą odcinek "
            f"od {rng.choice(STREETS)} do {rng.choice(STREETS)}."
        )
    if kind == 4:
        return (
            f"Zachęcamy wszystkich mieszkańców {rng.choice(DISTRICTS_GENITIVE)} do zgłaszania uwag "
            f"i pomysłów dotyczących przedsięwzięcia {rng.choice(FUNDING)}."
        )
    if kind == 5:
        return (
            f"Szczegółowe informacje można uzyskać w {rng.choice(VENUES)} lub pod numerem telefonu "
            f"{rng.randrange(16, 59)} {rng.randrange(100, 999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}."
        )
    return (
        f"Jak podkreśla {person(rng)}, {rng.choice(('zadanie', 'projekt', 'program'))} "
        f"{rng.choice(('zmieni', 'ożywi', 'uporządkuje', 'połączy'))} przestrzeń "
        f"{rng.choice(DISTRICTS_GENITIVE)} i {rng.choice(('poprawi bezpieczeństwo', 'przyciągnie nowych mieszkańców', 'wzmocni więzi sąsiedzkie'))}."
    )


def paragraph(rng: random.Random, subject: str) -> str:
    return " ".join(_sentence(rng, subject) for _ in range(rng.randrange(2, 6)))


def paragraphs(rng: random.Random, subject: str) -> tuple[str, ...]:
    return tuple(paragraph(rng, subject) for _ in range(rng.randrange(3, 9)))
