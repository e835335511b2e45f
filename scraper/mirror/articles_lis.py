"""Posts of the Laboratorium Innowacji Społecznych (lis.gdynia.pl) WordPress mirror, with their ground truth."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Post:
    """One WordPress post as its author wrote it; `title` is `title.rendered` (entities included)."""

    id: int
    slug: str
    title: str
    date: str  # ISO with the Warsaw offset; the API shows it as local `date` and UTC `date_gmt`
    author: str
    paragraphs: tuple[str, ...]
    revitalisation: bool  # ground truth: judged by topics in the text
    title_text: str  # the title as text (entities decoded)
    modified: str | None = None
    categories: tuple[str, ...] = ("Aktualności",)
    tags: tuple[str, ...] = ()
    documents: tuple[tuple[str, str], ...] = ()  # (file under /wp-content/uploads/, link text) linked in content
    attached: tuple[tuple[str, str, int], ...] = ()  # wp:attachment files: (file, title, filesize)
    featured: tuple[str, str] | None = None  # (image file, caption)
    figure: tuple[str, str] | None = None  # (image file, figcaption) inside the content
    excerpt: str | None = None  # hand-written excerpt (the lead); None = WordPress's automatic one
    same_story_as: str | None = None  # the Gdynia article this post reposts (near-identical title and body)
    near_miss_of: str | None = None  # a Gdynia article on the same topic but another story

    @property
    def key(self) -> str:
        return f"lis:{self.id}"

    @property
    def link(self) -> str:
        return f"https://lis.gdynia.pl/{self.date[:4]}/{self.date[5:7]}/{self.slug}/"


def post(id, slug, title, date, author, paragraphs, revitalisation, title_text=None, **extra) -> Post:
    return Post(
        id=id,
        slug=slug,
        title=title,
        date=date,
        author=author,
        paragraphs=tuple(paragraphs),
        revitalisation=revitalisation,
        title_text=title_text or title,
        **extra,
    )


POSTS = (
    post(
        1012,
        "gpr-przyjety-przez-rade-miasta",
        "Gminny Program Rewitalizacji przyjęty przez Radę Miasta",
        "2017-02-14T12:30:00+01:00",
        "Katarzyna Nowicka",
        (
            "Rada Miasta Gdyni przyjęła Gminny Program Rewitalizacji na lata 2017–2026. Dokument obejmuje sześć podobszarów: Chylonię (ZOH i Meksyk), Oksywie, Babie Doły, Witomino-Radiostację oraz Leszczynki z Pekinem.",
            "Program zakłada nie tylko remonty budynków i przestrzeni publicznych, ale przede wszystkim działania społeczne: wsparcie rodzin, aktywizację zawodową i rozwój sąsiedzkich centrów aktywności.",
            "Prace nad dokumentem trwały ponad rok, a w konsultacjach wzięło udział blisko 2 tys. mieszkańców.",
        ),
        True,
        tags=("GPR", "rewitalizacja"),
        categories=("Rewitalizacja",),
        documents=(("2017/02/gpr-2017-2026.pdf", "Gminny Program Rewitalizacji 2017–2026 (PDF)"),),
        same_story_as="gdynia:541200",
    ),
    post(
        1020,
        "konsultacje-gpr-zaproszenie",
        "Konsultacje GPR &#8211; zapraszamy na spotkania",
        "2017-01-09T10:00:00+01:00",
        "Katarzyna Nowicka",
        (
            "Zapraszamy na spotkania konsultacyjne projektu Gminnego Programu Rewitalizacji. Spotkania odbędą się w każdej z dzielnic objętych programem.",
            "Uwagi można zgłaszać także na formularzu dostępnym w siedzibie Laboratorium.",
        ),
        True,
        title_text="Konsultacje GPR – zapraszamy na spotkania",
        tags=("konsultacje", "GPR"),
        documents=(("2017/01/formularz-uwag-gpr.docx", "Formularz uwag"),),
    ),
    post(
        1035,
        "przystan-babie-doly-otwarta",
        "Przystań Babie Doły otwarta",
        "2017-11-20T14:00:00+01:00",
        "Marta Wiśniewska",
        (
            "Na Babich Dołach rozpoczęła działalność Przystań – sąsiedzkie centrum, w którym mieszkańcy mogą spotykać się, uczyć i realizować własne pomysły.",
            "W programie są zajęcia dla dzieci po szkole, kawiarenka sąsiedzka, porady prawne i spotkania klubu seniora. Przystań prowadzi Laboratorium Innowacji Społecznych.",
            "Przystań jest czynna od poniedziałku do piątku w godz. 12:00–20:00 oraz w soboty od 10:00 do 14:00.",
        ),
        True,
        tags=("Przystań", "Babie Doły"),
        categories=("Przystanie",),
        featured=("2017/11/przystan-babie-doly.jpg", "Otwarcie Przystani na Babich Dołach"),
        same_story_as="gdynia:543780",
    ),
    post(
        1041,
        "przystan-babie-doly-rok-pozniej",
        "Rok Przystani na Babich Dołach",
        "2018-11-22T11:00:00+01:00",
        "Marta Wiśniewska",
        (
            "Minął rok od otwarcia Przystani na Babich Dołach. W tym czasie odbyło się ponad 300 spotkań, a z zajęć skorzystało 1200 osób.",
            "Mieszkańcy sami poprowadzili warsztaty kulinarne, kurs szycia i klub gier planszowych. Dziękujemy wszystkim sąsiadom za wspólny rok!",
        ),
        True,
        tags=("Przystań", "Babie Doły"),
        categories=("Przystanie",),
        near_miss_of="gdynia:543780",
    ),
    post(
        1056,
        "park-kieszonkowy-na-witominie",
        "Park kieszonkowy na Witominie",
        "2018-08-17T13:10:00+02:00",
        "Joanna Główczewska",
        (
            "Na Witominie-Radiostacji powstał park kieszonkowy zaprojektowany podczas warsztatów z mieszkańcami.",
            "Na skwerze posadzono 15 drzew, łąkę kwietną i żywopłot oddzielający teren od ulicy. Stanęły też hamaki, ławki i stół do ping-ponga.",
            "Projekt powstał w ramach inicjatywy lokalnej, a mieszkańcy przepracowali przy nim łącznie ponad 200 godzin.",
            "Skwer będzie miejscem sąsiedzkich spotkań i pikników organizowanych przez Przystań Witomino.",
        ),
        True,
        tags=("Witomino", "zieleń"),
        figure=("2018/08/park-kieszonkowy.jpg", "Skwer przy ul. Nałkowskiej"),
        same_story_as="gdynia:546990",
    ),
    post(
        1063,
        "warsztaty-zieleni-witomino",
        "Warsztaty ogrodnicze na Witominie",
        "2018-05-12T09:00:00+02:00",
        "Joanna Główczewska",
        (
            "Przystań Witomino zaprasza na warsztaty ogrodnicze. Nauczymy się sadzić byliny i zakładać łąki kwietne na przydomowych skwerach.",
            "Zajęcia są bezpłatne, obowiązują zapisy w Przystani.",
        ),
        True,
        tags=("Witomino", "zieleń"),
        near_miss_of="gdynia:546990",
    ),
    post(
        1077,
        "skwer-w-chyloni-otwarty",
        "Nowy skwer w Chyloni oddany mieszkańcom",
        "2021-09-06T10:00:00+02:00",
        "Aleksandra Dylejko",
        (
            "Przy ul. Chylońskiej powstał nowy skwer z placem zabaw, ogrodem deszczowym i miejscem na sąsiedzkie spotkania.",
            "Ogród deszczowy zatrzymuje wodę opadową z dachów pobliskich budynków, a rośliny zostały dobrane tak, by znosiły zarówno suszę, jak i zalanie.",
            "Skwer jest jednym z przedsięwzięć Gminnego Programu Rewitalizacji na obszarze Chylonia. Zapraszamy!",
        ),
        True,
        tags=("Chylonia",),
        same_story_as="gdynia:559812",
        featured=("2021/09/skwer-chylonia.jpg", "Skwer przy ul. Chylońskiej"),
    ),
    post(
        1080,
        "chylonia-nowy-plac-zabaw-konsultacje",
        "Chylonia: jaki plac zabaw przy ul. Kartuskiej?",
        "2021-04-14T12:00:00+02:00",
        "Aleksandra Dylejko",
        (
            "Pytamy mieszkańców Chyloni, jaki plac zabaw ma powstać przy ul. Kartuskiej. Ankieta jest dostępna w Przystani Chylonia do końca kwietnia.",
            "Wyniki konsultacji trafią do projektantów, a budowa ma ruszyć jesienią w ramach programu rewitalizacji.",
        ),
        True,
        tags=("Chylonia", "konsultacje"),
        near_miss_of="gdynia:559812",
        documents=(("2021/04/ankieta-plac-zabaw.pdf", "Ankieta (PDF, 120 KB)"),),
    ),
    post(
        1094,
        "przystan-chylonia-zaprasza",
        "Przystań Chylonia zaprasza na ferie",
        "2022-01-24T08:30:00+01:00",
        "Piotr Zawadzki",
        (
            "W czasie ferii zimowych Przystań Chylonia przygotowała zajęcia dla dzieci: warsztaty robotyki, kino sąsiedzkie i wyjścia na lodowisko.",
            "Zapisy przyjmujemy telefonicznie i na miejscu, liczba miejsc jest ograniczona.",
        ),
        True,
        tags=("Przystań", "Chylonia", "ferie"),
        categories=("Przystanie",),
        featured=("2022/01/ferie-chylonia.jpg", "Ferie w Przystani Chylonia"),
    ),
    post(
        1102,
        "oksywie-podworka-po-remoncie",
        "Podwórka na Oksywiu po remoncie",
        "2019-10-03T11:20:00+02:00",
        "Marta Wiśniewska",
        (
            "Zakończył się remont podwórek przy ul. Dickmana i ul. Bosmańskiej na Oksywiu. Powstały nowe nawierzchnie, ławki, stojaki na rowery i rabaty.",
            "Projekt podwórek przygotowano razem z mieszkańcami podczas konsultacji w 2017 roku. To jedno z przedsięwzięć obszaru rewitalizacji Oksywie.",
        ),
        True,
        tags=("Oksywie",),
        near_miss_of="gdynia:542315",
        documents=(("2019/10/podworka-oksywie-projekt.pdf", "Projekt zagospodarowania podwórek"),),
    ),
    post(
        1110,
        "festyn-na-oksywiu-2019",
        "Festyn sąsiedzki na Oksywiu &#8222;Razem na podwórku&#8221;",
        "2019-05-20T16:00:00+02:00",
        "Marta Wiśniewska",
        (
            "Ponad pięciuset mieszkańców bawiło się na festynie zorganizowanym przez Przystań Oksywie. Były warsztaty, koncert i wspólne gotowanie.",
            "Festyn przygotowali wolontariusze z Rady Dzielnicy i lokalne stowarzyszenia.",
        ),
        True,
        title_text="Festyn sąsiedzki na Oksywiu „Razem na podwórku”",
        tags=("Oksywie", "Przystań"),
        near_miss_of="gdynia:549870",
    ),
    post(
        1125,
        "leszczynki-inicjatywa-lokalna",
        "Inicjatywa lokalna na Leszczynkach &#8211; zgłoś swój pomysł",
        "2019-01-22T16:00:00+01:00",
        "Joanna Główczewska",
        (
            "Mieszkańcy Leszczynek mogą zgłaszać pomysły na wspólne działania w ramach inicjatywy lokalnej. Miasto wesprze je materiałami i wiedzą ekspertów.",
            "Wnioski przyjmuje Przystań Leszczynki do 28 lutego.",
        ),
        True,
        title_text="Inicjatywa lokalna na Leszczynkach – zgłoś swój pomysł",
        tags=("Leszczynki",),
        attached=(("2019/01/wniosek-inicjatywa-lokalna.pdf", "Wniosek o inicjatywę lokalną", 182044),),
    ),
    post(
        1131,
        "pekin-schody-remont",
        "Schody na Pekinie po remoncie",
        "2021-05-18T15:00:00+02:00",
        "Joanna Główczewska",
        (
            "Zakończył się remont schodów łączących Pekin z ul. Morską.",
            "Schody zyskały nową nawierzchnię, poręcze z obu stron i energooszczędne oświetlenie. Wzdłuż biegu schodów posadzono byliny i krzewy.",
            "O zakresie remontu zdecydowali mieszkańcy podczas spaceru badawczego zorganizowanego przez Przystań Leszczynki. Remont był jednym z działań programu rewitalizacji.",
        ),
        True,
        tags=("Leszczynki", "Pekin"),
        same_story_as="gdynia:557930",
    ),
    post(
        1140,
        "fundusz-sasiedzki-nabor",
        "Rusza nabór do Funduszu Sąsiedzkiego",
        "2021-03-29T09:00:00+02:00",
        "Piotr Zawadzki",
        (
            "Do 30 kwietnia można zgłaszać projekty do Funduszu Sąsiedzkiego. Na jeden projekt można otrzymać do 5 tys. zł.",
            "Fundusz wspiera działania mieszkańców obszarów rewitalizacji: podwórkowe festyny, warsztaty i remonty wspólnych przestrzeni.",
        ),
        True,
        tags=("Fundusz Sąsiedzki",),
        near_miss_of="gdynia:556745",
        documents=(
            ("2021/03/regulamin-funduszu-sasiedzkiego.pdf", "Regulamin Funduszu Sąsiedzkiego"),
            ("2021/03/karta-projektu.docx", "Karta projektu"),
        ),
    ),
    post(
        1152,
        "raport-monitoring-gpr-2019",
        "Raport z monitoringu Gminnego Programu Rewitalizacji",
        "2019-09-30T14:30:00+02:00",
        "Katarzyna Nowicka",
        (
            "Opublikowaliśmy raport z monitoringu Gminnego Programu Rewitalizacji za lata 2017–2018. Zrealizowano 64 z 92 zaplanowanych przedsięwzięć.",
            "Najwięcej działań dotyczyło wsparcia rodzin i aktywizacji zawodowej, a najmniej remontów mieszkań komunalnych.",
        ),
        True,
        tags=("GPR", "monitoring"),
        near_miss_of="gdynia:551204",
        attached=(("2019/09/raport-monitoring-gpr-2017-2018.pdf", "Raport z monitoringu 2017–2018", 2411724),),
    ),
    post(
        1160,
        "komitet-rewitalizacji-wybory",
        "Wybory do Komitetu Rewitalizacji",
        "2020-06-02T10:00:00+02:00",
        "Katarzyna Nowicka",
        (
            "Trwa nabór kandydatów do Komitetu Rewitalizacji nowej kadencji. Komitet opiniuje działania programu i reprezentuje mieszkańców podobszarów.",
            "Zgłoszenia przyjmujemy do 20 czerwca.",
        ),
        True,
        tags=("Komitet Rewitalizacji",),
        excerpt="<p>Nabór kandydatów do Komitetu Rewitalizacji trwa do 20 czerwca.</p>\n",
    ),
    post(
        1173,
        "organizowanie-spolecznosci-szkolenie",
        "Szkolenie z organizowania społeczności lokalnej",
        "2020-09-15T09:30:00+02:00",
        "Piotr Zawadzki",
        (
            "Zapraszamy animatorów i liderów osiedlowych na szkolenie z organizowania społeczności lokalnej według metody CAL.",
            "Szkolenie odbędzie się w trzech częściach w Przystani Witomino.",
        ),
        True,
        tags=("szkolenia",),
    ),
    post(
        1181,
        "dom-sasiedzki-meksyk",
        "Dom sąsiedzki na Meksyku gotowy",
        "2020-12-04T12:00:00+01:00",
        "Marta Wiśniewska",
        (
            "Na osiedlu Meksyk w Chyloni zakończyła się budowa domu sąsiedzkiego. Na parterze działa świetlica, a na piętrze mieszkania treningowe.",
            "Budynek powstał w ramach programu rewitalizacji ZOH i Meksyku.",
        ),
        True,
        tags=("Chylonia", "Meksyk"),
    ),
    post(
        1199,
        "gpr-aktualizacja-2023",
        "Aktualizacja GPR: zmiany w&nbsp;programie do 2026 roku",
        "2023-03-08T13:00:00+01:00",
        "Katarzyna Nowicka",
        (
            "Rada Miasta przyjęła aktualizację Gminnego Programu Rewitalizacji Gdyni na lata 2017–2026. Do listy przedsięwzięć dopisano modernizację Przystani Oksywie.",
            "Zmiany wynikają z raportu ewaluacyjnego i uwag zgłoszonych w konsultacjach.",
        ),
        True,
        title_text="Aktualizacja GPR: zmiany w programie do 2026 roku",
        tags=("GPR",),
        documents=(("2023/03/uchwala-aktualizacja-gpr.pdf", "Uchwała w sprawie aktualizacji GPR"),),
    ),
    post(
        1204,
        "przystan-oksywie-modernizacja",
        "Modernizacja Przystani Oksywie",
        "2023-10-10T08:00:00+02:00",
        "Marta Wiśniewska",
        (
            "Przystań Oksywie przenosi się na czas remontu do budynku szkoły przy ul. Dickmana. Modernizacja potrwa do wiosny.",
            "Po remoncie centrum sąsiedzkie zyska salę warsztatową, kuchnię i windę.",
        ),
        True,
        tags=("Przystań", "Oksywie"),
        modified="2023-10-12T17:45:00+02:00",
        featured=("2023/10/przystan-oksywie.jpg", "Budynek Przystani Oksywie przed remontem"),
    ),
    post(
        1215,
        "ewaluacja-gpr-ankieta",
        "Ankieta ewaluacyjna GPR &#8211; Twoja opinia się liczy",
        "2024-02-05T10:00:00+01:00",
        "Katarzyna Nowicka",
        (
            "Rozpoczynamy ewaluację Gminnego Programu Rewitalizacji. Prosimy mieszkańców podobszarów o wypełnienie ankiety o zmianach w ich okolicy.",
            "Ankieta jest anonimowa i zajmuje około 10 minut.",
        ),
        True,
        title_text="Ankieta ewaluacyjna GPR – Twoja opinia się liczy",
        tags=("GPR", "ewaluacja"),
        modified="2024-02-19T09:15:00+01:00",
    ),
    post(
        1222,
        "babie-doly-nowa-sciezka",
        "Nowa ścieżka nad morzem na Babich Dołach",
        "2024-05-17T12:00:00+02:00",
        "Piotr Zawadzki",
        (
            "Na Babich Dołach otwarto ścieżkę pieszo-rowerową wzdłuż klifu. Trasę zaprojektowano z udziałem mieszkańców Przystani Babie Doły.",
            "Ścieżka łączy osiedle z plażą i przystankiem autobusowym.",
        ),
        True,
        tags=("Babie Doły",),
        featured=("2024/05/sciezka-babie-doly.jpg", "Ścieżka wzdłuż klifu"),
    ),
    post(
        1230,
        "witomino-przystan-5-lat",
        "Pięć lat Przystani Witomino",
        "2024-09-21T15:00:00+02:00",
        "Joanna Główczewska",
        (
            "Przystań Witomino świętuje piąte urodziny. Zapraszamy na piknik sąsiedzki, wystawę zdjęć i koncert mieszkańców.",
            "Dziękujemy wolontariuszom, bez których Przystań nie mogłaby działać.",
        ),
        True,
        tags=("Przystań", "Witomino"),
    ),
    post(
        1238,
        "leszczynki-mural",
        "Mural na Leszczynkach namalowany przez mieszkańców",
        "2025-06-11T11:00:00+02:00",
        "Piotr Zawadzki",
        (
            "Mieszkańcy Leszczynek wspólnie z artystami namalowali mural na ścianie budynku przy ul. Morskiej. Projekt wybrano w głosowaniu w Przystani.",
            "Mural przedstawia historię dzielnicy i jej mieszkańców.",
        ),
        True,
        tags=("Leszczynki", "Przystań"),
        figure=("2025/06/mural-leszczynki.jpg", "Mural przy ul. Morskiej. Fot. LIS"),
    ),
    # Not revitalisation: LIS also runs city-wide social programmes.
    post(
        1245,
        "gdynski-budzet-senioralny",
        "Gdyński Budżet Senioralny &#8211; wyniki głosowania",
        "2022-11-30T10:00:00+01:00",
        "Anna Lewandowska",
        (
            "Znamy wyniki głosowania w Gdyńskim Budżecie Senioralnym. Seniorzy wybrali zajęcia taneczne, wycieczki i kursy komputerowe.",
            "Zwycięskie projekty będą realizowane w przyszłym roku w klubach seniora w całym mieście.",
        ),
        False,
        title_text="Gdyński Budżet Senioralny – wyniki głosowania",
        tags=("seniorzy",),
        categories=("Seniorzy",),
    ),
    post(
        1251,
        "karta-duzej-rodziny",
        "Gdyńska Karta Dużej Rodziny: nowe zniżki",
        "2023-01-16T09:00:00+01:00",
        "Anna Lewandowska",
        (
            "Do programu Gdyńskiej Karty Dużej Rodziny dołączyło dwunastu nowych partnerów. Rodziny wielodzietne otrzymają zniżki na basen, kino i zajęcia sportowe.",
            "Listę partnerów publikujemy w załączniku.",
        ),
        False,
        tags=("rodzina",),
        categories=("Rodzina",),
        documents=(("2023/01/partnerzy-karty.pdf", "Lista partnerów"),),
    ),
    post(
        1266,
        "wolontariat-zima",
        "Zostań wolontariuszem zimowej zbiórki",
        "2023-12-01T08:00:00+01:00",
        "Anna Lewandowska",
        (
            "Szukamy wolontariuszy do zimowej zbiórki żywności i odzieży. Zbiórka potrwa od 8 do 17 grudnia w sklepach na terenie całej Gdyni.",
            "Każdy wolontariusz otrzyma zaświadczenie i ubezpieczenie.",
        ),
        False,
        tags=("wolontariat",),
    ),
    post(
        1274,
        "sport-dla-mlodziezy",
        "Bezpłatne zajęcia sportowe dla młodzieży w Gdyni",
        "2024-03-04T12:00:00+01:00",
        "Anna Lewandowska",
        (
            "W gdyńskich szkołach ruszają bezpłatne popołudniowe zajęcia sportowe dla młodzieży: koszykówka, siatkówka i pływanie.",
            "Zapisy przez stronę internetową do końca marca.",
        ),
        False,
        tags=("młodzież", "sport"),
    ),
    post(
        1283,
        "przystan-jachtowa-regaty",
        "Regaty w przystani jachtowej &#8211; utrudnienia",
        "2024-07-05T07:30:00+02:00",
        "Anna Lewandowska",
        (
            "W sobotę w gdyńskiej przystani jachtowej odbędą się regaty. Od rana do wieczora wystąpią utrudnienia w ruchu na Bulwarze Nadmorskim.",
            "Organizatorzy zapraszają kibiców na falochron.",
        ),
        False,
        title_text="Regaty w przystani jachtowej – utrudnienia",
        tags=("sport",),
    ),
    post(
        1290,
        "dzien-otwarty-lis",
        "Dzień otwarty w Laboratorium Innowacji Społecznych",
        "2025-01-20T10:00:00+01:00",
        "Anna Lewandowska",
        (
            "Zapraszamy na dzień otwarty do siedziby Laboratorium Innowacji Społecznych przy ul. Bema. Opowiemy o naszych programach i naborze do pracy.",
            "Na gości czekają kawa, ciasto i rozmowy z zespołem.",
        ),
        False,
        tags=("LIS",),
    ),
    post(
        1302,
        "cyfrowi-seniorzy",
        "Kursy &#8222;Cyfrowy senior&#8221; w klubach seniora",
        "2025-10-06T09:00:00+02:00",
        "Anna Lewandowska",
        (
            "Od października w klubach seniora ruszają kursy obsługi smartfonów i bankowości internetowej. Zajęcia prowadzą wolontariusze z gdyńskich szkół.",
            "Zapisy telefonicznie w klubach.",
        ),
        False,
        title_text="Kursy „Cyfrowy senior” w klubach seniora",
        tags=("seniorzy",),
    ),
    post(
        1311,
        "przystan-chylonia-remont-2025",
        "Przystań Chylonia po remoncie",
        "2025-11-14T12:00:00+01:00",
        "Piotr Zawadzki",
        (
            "Przystań Chylonia wraca do odnowionej siedziby przy ul. Kartuskiej. Mieszkańcy zyskali większą salę spotkań i ogród sąsiedzki.",
            "Remont sfinansowano ze środków programu rewitalizacji.",
        ),
        True,
        tags=("Przystań", "Chylonia"),
        featured=("2025/11/przystan-chylonia.jpg", "Nowa sala spotkań"),
    ),
)
