"""Polish search benchmark: short articles and inflected queries with the articles they must find."""

# id -> (title, lead, body). Written to exercise Polish inflection: cases,
# plurals, ł/ó/ś folding, place names; distractors share prefixes or letters
# with the queries ("Przemyślenia", "parking", "Łódka", "Gdyński").
ARTICLES = {
    "a01": (
        "Rewitalizacja Chylonii: nowe podwórka",
        "Mieszkańcy Chylonii wybrali projekty podwórek.",
        "Prace w ramach Gminnego Programu Rewitalizacji potrwają do jesieni.",
    ),
    "a02": (
        "Konsultacje społeczne na Oksywiu",
        "Zapraszamy mieszkańców Oksywia na spotkanie.",
        "Rozmawiać będziemy o placu zabaw przy ulicy Dickmana.",
    ),
    "a03": (
        "Przemyśl odnawia Plac na Bramie",
        "Remont placu w centrum Przemyśla rozpocznie się w maju.",
        "Miasto otrzymało dofinansowanie z funduszy europejskich.",
    ),
    "a04": (
        "Kamienice w Przemyślu odzyskują blask",
        "Elewacje pięciu kamienic przy ulicy Franciszkańskiej zostały odnowione.",
        "Prace konserwatorskie trwały dwa lata.",
    ),
    "a05": (
        "Delegacja z Łodzi w Gdyni",
        "Przedstawiciele Łodzi poznali doświadczenia Gdyni.",
        "Rozmawiano o rewitalizacji dzielnic i o centrach sąsiedzkich.",
    ),
    "a06": (
        "Łódź i Przemyśl wymieniają się doświadczeniami",
        "Urzędnicy z Łodzi odwiedzili Przemyśl.",
        "Wizyta dotyczyła programów mieszkaniowych.",
    ),
    "a07": (
        "Centrum sąsiedzkie Przystań w Babich Dołach",
        "Nowa Przystań zaprasza dzieci i seniorów na warsztaty.",
        "Zajęcia odbywają się od poniedziałku do piątku.",
    ),
    "a08": (
        "Witomino-Radiostacja: park dla mieszkańców",
        "W parku na Witominie posadzono sto drzew.",
        "Nasadzenia sfinansowano z budżetu miasta.",
    ),
    "a09": (
        "Szkoła w Chylonii z nowym boiskiem",
        "Uczniowie szkoły podstawowej mają nowe boisko.",
        "Boisko ma sztuczną nawierzchnię i oświetlenie.",
    ),
    "a10": (
        "Gdynia OdNowa – podsumowanie roku",
        "Program rewitalizacji Gdyni objął sześć obszarów.",
        "W każdym z nich działały centra sąsiedzkie.",
    ),
    "a11": (
        "Zieleń na Plantach w Przemyślu",
        "Na Plantach Mikołaja posadzono krzewy i byliny.",
        "Ogrodnicy wymienili też ławki.",
    ),
    "a12": (
        "Ścieżka rowerowa wzdłuż Sanu",
        "W Przemyślu powstaje ścieżka rowerowa nad Sanem.",
        "Trasa połączy dwa mosty.",
    ),
    "a13": (
        "Ulica Świętojańska zamknięta",
        "Z powodu remontu ulica Świętojańska w Gdyni będzie zamknięta.",
        "Objazd poprowadzono ulicą Władysława IV.",
    ),
    "a14": (
        "Mieszkańcy Leszczynek wybrali mural",
        "Na ścianie budynku przy ulicy Morskiej powstanie mural.",
        "Projekt wybrano w głosowaniu.",
    ),
    "a15": (
        "Warsztaty dla seniorów",
        "Seniorzy z Pekinu uczyli się obsługi smartfonów.",
        "Kolejne zajęcia w przyszłym miesiącu.",
    ),
    "a16": (
        "Nabór wniosków do budżetu obywatelskiego",
        "Wnioski można składać do końca marca.",
        "Formularz jest dostępny w urzędzie.",
    ),
    "a17": (
        "Biblioteka w Przemyślu wydłuża godziny otwarcia",
        "Czytelnia będzie czynna do godziny 20.",
        "Zmiana obowiązuje od lipca.",
    ),
    "a18": ("Łódka dla ratowników", "Ratownicy wodni dostali nową łódkę.", "Sprzęt przekazał sponsor."),
    "a19": ("Przemyślenia po sesji rady", "Radni podsumowali obrady.", "Kolejna sesja odbędzie się w czerwcu."),
    "a20": ("Gdyński festiwal filmowy", "Festiwal odbędzie się we wrześniu.", "Bilety są już w sprzedaży."),
    "a21": ("Nowy parking przy dworcu", "Parking pomieści sto samochodów.", "Opłaty obowiązują w dni robocze."),
    "a22": ("Babie lato w ogrodzie", "Jesienny piknik w ogrodzie botanicznym.", "Zapraszamy rodziny z dziećmi."),
    # Issue 12's hard cases: districts and streets in oblique cases, plurals
    # and locatives, suppletive and alternating stems, and near-words.
    "a23": ("Festyn na Leszczynkach", "Sąsiedzi zapraszają na festyn.", "W Leszczynkach zagra orkiestra dęta."),
    "a24": ("Nowe ławki na Grabówku", "Na skwerze przy Grabówku stanęły ławki.", "Zieleń pielęgnuje spółdzielnia."),
    "a25": (
        "Molo w Orłowie po remoncie",
        "Spacerowicze wrócili na molo w Orłowie.",
        "Widok z Orłowa na Zatokę Gdańską zachwyca turystów.",
    ),
    "a26": ("Świetlica w Babich Dołach", "W Babich Dołach otwarto świetlicę.", "Osiedle czekało na nią dziesięć lat."),
    "a27": (
        "Przystanie w dzielnicach",
        "W Przystaniach odbywają się spotkania sąsiadów.",
        "Zajęcia w centrach sąsiedzkich są bezpłatne.",
    ),
    "a28": (
        "Nowy przystanek autobusowy",
        "Przystanek przy Morskiej zyskał wiatę.",
        "Autobusy zatrzymują się na przystankach co dziesięć minut.",
    ),
    "a29": ("Ludzie z pasją", "Poznaj ludzi, którzy zmieniają Obłuże.", "Każdy człowiek może zostać wolontariuszem."),
    "a30": (
        "Skąd pieniądze na odnowę?",
        "Miasto pozyskało pieniądze z funduszy unijnych.",
        "Bez tych pieniędzy prace nie byłyby możliwe.",
    ),
    "a31": (
        "Projekt trafi do rady dzielnicy",
        "O budowie skweru zdecyduje rada.",
        "Na radzie omówiono też harmonogram.",
    ),
    "a32": (
        "Tereny po przemyśle odzyskają życie",
        "Zakłady przemysłu stoczniowego zamknięto dawno temu.",
        "Teraz powstaną tu mieszkania i biura.",
    ),
    "a33": (
        "Park Kościuszki z nowymi alejkami",
        "W parkach miejskich wymieniono oświetlenie.",
        "Parki są otwarte całą dobę.",
    ),
    "a34": (
        "Parkingi przy stadionie",
        "Nowe parkingi pomieszczą kibiców.",
        "Na parkingu obowiązuje strefa płatnego parkowania.",
    ),
    "a35": (
        "Nowa placówka opiekuńcza",
        "Placówki wsparcia dziennego przyjmą podopiecznych.",
        "Wychowawcy prowadzą zajęcia popołudniowe.",
    ),
}

# query -> ids of the articles it must find (and nothing else).
QUERIES = {
    "rewitalizacja": {"a01", "a05", "a10"},
    "rewitalizacji": {"a01", "a05", "a10"},
    "rewitalizację": {"a01", "a05", "a10"},
    "Chylonia": {"a01", "a09"},
    "chylonii": {"a01", "a09"},
    "Oksywie": {"a02"},
    "oksywiu": {"a02"},
    "Przemyśl": {"a03", "a04", "a06", "a11", "a12", "a17"},
    "Przemyśla": {"a03", "a04", "a06", "a11", "a12", "a17"},
    "przemysla": {"a03", "a04", "a06", "a11", "a12", "a17"},
    "Przemyślu": {"a03", "a04", "a06", "a11", "a12", "a17"},
    "Gdynia": {"a05", "a10", "a13"},
    "Gdyni": {"a05", "a10", "a13"},
    "gdynie": {"a05", "a10", "a13"},
    "lodz": {"a05", "a06"},
    "Łódź": {"a05", "a06"},
    "Łodzi": {"a05", "a06"},
    "plac": {"a02", "a03"},
    "placu": {"a02", "a03"},
    "kamienica": {"a04"},
    "kamienic": {"a04"},
    "mieszkańcy": {"a01", "a02", "a08", "a14"},
    "mieszkancow": {"a01", "a02", "a08", "a14"},
    "Babie Doły": {"a07", "a26"},
    "park": {"a08", "a33"},
    "drzewa": {"a08"},
    "ścieżka rowerowa": {"a12"},
    "sciezki rowerowe": {"a12"},
    "ulica Świętojańska": {"a13"},
    "Świętojańskiej": {"a13"},
    "murale": {"a14"},
    "Leszczynki": {"a14", "a23"},
    "seniorzy": {"a07", "a15"},
    "dziecko": {"a07", "a22"},
    "Planty": {"a11"},
    "Sanu": {"a12"},
    "budynek": {"a14"},
    "szkoły": {"a09"},
    "boisko": {"a09"},
    "konsultacja": {"a02"},
    "Witomino": {"a08"},
    "witominie": {"a08"},
    "podwórko": {"a01"},
    "remont placu": {"a03"},
    "centrum sąsiedzkie": {"a05", "a07", "a10", "a27"},
    "sesja": {"a19"},
    "łódka": {"a18"},
    "festiwalu": {"a20"},
    "wnioski": {"a16"},
    "ulicy": {"a02", "a04", "a13", "a14"},
}

# Issue 12's hard pairs by kind: query -> the articles it must find.
NAMES_IN_OBLIQUE_CASES = {
    "Leszczynkach": {"a14", "a23"},
    "Grabówku": {"a24"},
    "Grabówek": {"a24"},
    "Orłowie": {"a25"},
    "Orłowo": {"a25"},
    "Babich Dołach": {"a07", "a26"},
    "Babich Dołów": {"a07", "a26"},
    "Obłużu": {"a29"},
    "Morskiej": {"a14", "a28"},
    "ulica Morska": {"a14"},
    "Franciszkańska": {"a04"},
    "Oksywiem": {"a02"},
    "Witominem": {"a08"},
    "Chylonią": {"a01", "a09"},
    "Gdynią": {"a05", "a10", "a13"},
    "Łodzią": {"a05", "a06"},
    "Zatoki Gdańskiej": {"a25"},
}
PLURALS_AND_LOCATIVES = {
    "Przystaniach": {"a07", "a27"},
    "Przystań": {"a07", "a27"},
    "centrach sąsiedzkich": {"a05", "a07", "a10", "a27"},
    "parkach": {"a08", "a33"},
    "parki": {"a08", "a33"},
    "przystankach": {"a28"},
    "parkingach": {"a21", "a34"},
    "ławkach": {"a11", "a24"},
    "skwerach": {"a24", "a31"},
    "funduszach": {"a03", "a30"},
    "placówki": {"a35"},
}
SUPPLETIVE_AND_ALTERNATING = {
    "człowiek": {"a29"},
    "ludzi": {"a29"},
    "pieniędzy": {"a30"},
    "pieniądze": {"a30"},
    "radzie": {"a19", "a31"},
    "rada": {"a19", "a31"},
    "orkiestrze": {"a23"},
    "świetlicy": {"a26"},
    "sąsiad": {"a23", "a27"},
    "sąsiedzi": {"a23", "a27"},
}
# Words that share letters or a prefix with other words and must find only their own.
NEAR_WORDS = {
    "przemysł": {"a32"},
    "przemysłu": {"a32"},
    "Przemyślenia": {"a19"},
    "parking": {"a21", "a34"},
    "parku": {"a08", "a33"},
    "przystanek": {"a28"},
    "placówka": {"a35"},
}
WITHOUT_DIACRITICS = {
    "leszczynkach": {"a14", "a23"},
    "grabowku": {"a24"},
    "orlowie": {"a25"},
    "babich dolach": {"a07", "a26"},
    "obluze": {"a29"},
    "franciszkanskiej": {"a04"},
    "przystaniach": {"a07", "a27"},
    "centrach sasiedzkich": {"a05", "a07", "a10", "a27"},
    "lawkach": {"a11", "a24"},
    "czlowieka": {"a29"},
    "pieniadze": {"a30"},
    "swietlice": {"a26"},
    "sasiedzi": {"a23", "a27"},
    "przemysle": {"a32"},
    "lodzia": {"a05", "a06"},
}
HARD_PAIRS = {
    "names in oblique cases": NAMES_IN_OBLIQUE_CASES,
    "plurals and locatives": PLURALS_AND_LOCATIVES,
    "suppletive and alternating forms": SUPPLETIVE_AND_ALTERNATING,
    "near-words": NEAR_WORDS,
    "no diacritics": WITHOUT_DIACRITICS,
}
for pairs in HARD_PAIRS.values():
    QUERIES.update(pairs)

# query -> articles it must not find, though they share its first letters
# or fold to the same letters: a whole word is never a prefix of another.
MUST_NOT_MATCH = {
    "park": {"a21", "a34"},
    "parki": {"a21", "a34"},
    "parking": {"a08", "a33"},
    "Przemyśl": {"a19", "a32"},
    "przemysla": {"a19", "a32"},
    "przemysł": {"a03", "a04", "a06", "a11", "a12", "a17", "a19"},
    "przemysłu": {"a03", "a04", "a06", "a11", "a12", "a17", "a19"},
    "przystanek": {"a07", "a27"},
    "Przystań": {"a28"},
    "plac": {"a35"},
    "placówka": {"a02", "a03"},
    "Gdynia": {"a20"},
    "Łódź": {"a18"},
    "łódka": {"a05", "a06"},
    "Babie Doły": {"a22"},
}
