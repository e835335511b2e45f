"""Przemyśl articles of the mirror (2010–2018), with their ground truth."""

from __future__ import annotations

from scraper.mirror.factory import przemysl_article
from scraper.mirror.spec import Attachment

ROAD_REPAIR = przemysl_article(
    article_id="40112",
    slug="remont-ulicy-slowackiego",
    title="Remont ulicy Słowackiego – utrudnienia w ruchu",
    published_at="2010-02-15T10:20:00+01:00",
    author="Grzegorz Łącki",
    revitalisation=False,
    # Legacy page: windows-1250 bytes, no charset in the header or the markup.
    encoding="cp1250",
    content_type="text/html",
    meta_charset=False,
    body=(
        "Od poniedziałku 22 lutego rozpoczyna się remont nawierzchni ulicy Słowackiego na odcinku od skrzyżowania z ulicą Mickiewicza do placu Konstytucji.",
        "Prace potrwają około sześciu tygodni. W tym czasie ruch odbywać się będzie wahadłowo, a przystanek autobusowy „Słowackiego – Szkoła” zostanie przeniesiony o około 150 metrów w stronę śródmieścia.",
        "Wykonawca wymieni również krawężniki, odnowi chodniki po obu stronach jezdni i wyreguluje studzienki kanalizacyjne. Zarząd Dróg Miejskich prosi kierowców o zachowanie szczególnej ostrożności i stosowanie się do oznakowania tymczasowego.",
        "Za utrudnienia przepraszamy.",
    ),
    attachments=(
        Attachment("/uploads/files/2010/objazd_slowackiego.pdf", "PDF", "Schemat objazdu", "old", "245,7KB", 251597),
    ),
    body_contains=(
        "Prace potrwają około sześciu tygodni.",
        "Wykonawca wymieni również krawężniki, odnowi chodniki po obu stronach jezdni",
        "Za utrudnienia przepraszamy.",
    ),
)

LPR_CONSULTATIONS = przemysl_article(
    article_id="40587",
    slug="konsultacje-lokalnego-programu-rewitalizacji",
    title="Konsultacje społeczne Lokalnego Programu Rewitalizacji",
    published_at="2010-11-03T12:05:00+01:00",
    author="Małgorzata Żółkiewska",
    revitalisation=True,
    # ISO-8859-2 bytes served as ISO-8859-1: only characters ISO-8859-2 can hold.
    encoding="iso-8859-2",
    content_type="text/html; charset=ISO-8859-1",
    meta_charset=False,
    body=(
        "Prezydent Miasta Przemyśla zaprasza mieszkańców do udziału w konsultacjach społecznych projektu Lokalnego Programu Rewitalizacji Miasta Przemyśla na lata 2010-2015.",
        "Program obejmuje obszar Starego Miasta, Zasania oraz terenów poprzemysłowych wzdłuż Sanu. Jego celem jest ożywienie gospodarcze i społeczne zdegradowanych dzielnic, poprawa stanu zabytkowych kamienic i zagospodarowanie przestrzeni publicznych.",
        "Uwagi można składać do 30 listopada w Kancelarii Urzędu Miejskiego, przy ul. Rynek 1, lub drogą elektroniczną. Spotkanie otwarte z mieszkańcami odbędzie się 16 listopada o godz. 17:00 w sali nr 8 Urzędu Miejskiego.",
        "Zachęcamy wszystkich zainteresowanych przyszłością śródmieścia do zgłaszania własnych pomysłów i przedsięwzięć.",
    ),
    attachments=(
        Attachment("/uploads/files/2010/lpr_projekt.pdf", "PDF", "Projekt LPR 2010-2015", "old", "2,31MB", 2422211),
        Attachment("/uploads/files/2010/mapa_obszaru.jpg", "JPG", "NULL", "glued", "164,18KB", 168120),
        Attachment(
            "/uploads/files/2010/formularz_uwag.doc", "DOC", "Formularz zgłaszania uwag", "glued", "87,4KB", 89498
        ),
    ),
    body_contains=(
        "Program obejmuje obszar Starego Miasta, Zasania oraz terenów poprzemysłowych wzdłuż Sanu.",
        "Spotkanie otwarte z mieszkańcami odbędzie się 16 listopada o godz. 17:00",
        "Zachęcamy wszystkich zainteresowanych przyszłością śródmieścia",
    ),
)

SUMMER_CONCERT = przemysl_article(
    article_id="41203",
    slug="koncert-na-rynku-powitanie-lata",
    title="Koncert „Powitanie lata” na przemyskim Rynku",
    published_at="2011-06-20T14:45:00+02:00",
    author="Katarzyna Wróbel",
    revitalisation=False,
    body=(
        "W sobotę 25 czerwca o godz. 19:00 na płycie Rynku odbędzie się plenerowy koncert „Powitanie lata” w wykonaniu Orkiestry Symfonicznej Zespołu Szkół Muzycznych w Przemyślu.",
        "W programie znajdą się utwory Moniuszki, Chopina i Straussa, a także przeboje muzyki filmowej. Solistką wieczoru będzie sopranistka Joanna Dębicka.",
        "Po koncercie, około godz. 21:30, nad Sanem zaplanowano pokaz sztucznych ogni. Wstęp wolny.",
    ),
    gallery=("Plakat_Powitanie_lata_2011.jpeg",),
    body_contains=(
        "W programie znajdą się utwory Moniuszki, Chopina i Straussa",
        "Solistką wieczoru będzie sopranistka Joanna Dębicka.",
        "nad Sanem zaplanowano pokaz sztucznych ogni. Wstęp wolny.",
    ),
)

BRUSSELS_EN = przemysl_article(
    article_id="41876",
    slug="przemysl-revitalisation-presented-in-brussels",
    title="Przemyśl presents its revitalisation programme in Brussels",
    published_at="2012-09-14T09:10:00+02:00",
    author="Paweł Szczęsny",
    revitalisation=True,
    language="en",
    jsonld=True,
    body=(
        "The Mayor of Przemyśl presented the city's revitalisation programme at the Open Days of European Regions and Cities in Brussels.",
        "The presentation focused on the renewal of the Old Town, the riverside boulevards along the San and the conversion of former military barracks into social and cultural spaces.",
        "Delegates from partner cities in Slovakia and Ukraine discussed how European funds can support the regeneration of historic centres while keeping their residents in place.",
        "The full presentation is available for download below.",
    ),
    attachments=(
        Attachment(
            "/uploads/files/2012/przemysl_open_days.pdf", "PDF", "Presentation Open Days 2012", "old", "3,48MB", 3649044
        ),
    ),
    body_contains=(
        "The presentation focused on the renewal of the Old Town",
        "conversion of former military barracks into social and cultural spaces",
        "The full presentation is available for download below.",
    ),
)

ZASANIE_SQUARE = przemysl_article(
    article_id="42350",
    slug="rewitalizacja-placu-na-zasaniu",
    title="Rewitalizacja placu przy ul. Mickiewicza na Zasaniu",
    published_at="2013-05-08T13:00:00+02:00",
    author="Rafał Porada",
    modified_at="2013-05-09T08:15:00+02:00",
    modified_by="Anna Kędzierska",
    revitalisation=True,
    body=(
        "Zakończył się pierwszy etap rewitalizacji placu przy ul. Mickiewicza na Zasaniu, realizowanej w ramach Lokalnego Programu Rewitalizacji.",
        "Wymieniono nawierzchnię, posadzono 24 drzewa i ponad 300 krzewów, a wzdłuż alejek stanęły nowe ławki i oświetlenie. Plac zyskał także plac zabaw dla najmłodszych oraz stoliki do gry w szachy.",
        "Drugi etap, obejmujący fontannę i zadaszoną scenę, ruszy jesienią. Projekt jest współfinansowany ze środków Regionalnego Programu Operacyjnego Województwa Podkarpackiego.",
        "Dziękujemy mieszkańcom za cierpliwość w czasie prac.",
    ),
    signature=("Robert Choma", "Prezydent Miasta Przemyśla"),
    body_contains=(
        "posadzono 24 drzewa i ponad 300 krzewów",
        "Drugi etap, obejmujący fontannę i zadaszoną scenę, ruszy jesienią.",
        "Dziękujemy mieszkańcom za cierpliwość w czasie prac.",
    ),
)

BUS_TIMETABLE = przemysl_article(
    article_id="42911",
    slug="nowy-rozklad-jazdy-mzk",
    title="Nowy rozkład jazdy autobusów MZK od 1 kwietnia",
    published_at="2014-04-02T11:25:00+02:00",
    author="",  # the CMS left the name empty
    revitalisation=False,
    body=(
        "Miejska Komunikacja Samochodowa informuje, że od 1 kwietnia obowiązuje nowy rozkład jazdy na liniach nr 4, 12 i 28.",
        "Zmiany wynikają z wniosków pasażerów zgłaszanych podczas zimowych konsultacji. Autobusy linii nr 12 będą kursowały co 20 minut w godzinach szczytu, a linia nr 28 zostanie wydłużona do pętli na Lipowicy.",
        "Aktualne rozkłady są dostępne na przystankach oraz w punkcie obsługi pasażerów przy ul. Ślusarskiej.",
    ),
    attachments=(
        Attachment(
            "/uploads/files/2014/rozklad_linie_4_12_28.pdf",
            "PDF",
            "Rozkład jazdy linii 4, 12 i 28",
            "old",
            "512,06KB",
            524349,
        ),
    ),
    body_contains=(
        "Autobusy linii nr 12 będą kursowały co 20 minut w godzinach szczytu",
        "linia nr 28 zostanie wydłużona do pętli na Lipowicy",
        "w punkcie obsługi pasażerów przy ul. Ślusarskiej.",
    ),
)

SAN_BOULEVARDS = przemysl_article(
    article_id="43455",
    slug="bulwary-nad-sanem-po-rewitalizacji",
    title="Bulwary nad Sanem po rewitalizacji otwarte dla mieszkańców",
    published_at="2015-07-10T16:40:00+02:00",
    author="Rafał Porada",
    revitalisation=True,
    body=(
        "Po dwóch latach prac mieszkańcy mogą znów korzystać z bulwarów nad Sanem. Rewitalizacja objęła ponad dwa kilometry nabrzeża między mostem Orląt Przemyskich a mostem kolejowym.",
        "<p>Na bulwarach powstały:</p><ul><li>ścieżka rowerowa i ciąg pieszy z nowym oświetleniem,</li><li>siłownia plenerowa i boisko do siatkówki plażowej,</li><li>przystań kajakowa z pomostem.</li></ul>",
        "Inwestycja kosztowała 14,2 mln zł, z czego 85 proc. pokryły środki Unii Europejskiej.",
        "Zapraszamy na uroczyste otwarcie w niedzielę 12 lipca o godz. 12:00.",
    ),
    attachments=(
        Attachment("/uploads/files/2015/bulwary_mapa.pdf", "PDF", "Mapa bulwarów", "old", "1,02MB", 1069548),
        Attachment(
            "/uploads/files/2015/regulamin_bulwarow.docx",
            "DOCX",
            "Regulamin korzystania z bulwarów",
            "glued",
            "58,33KB",
            59730,
        ),
    ),
    body_contains=(
        "Rewitalizacja objęła ponad dwa kilometry nabrzeża",
        "siłownia plenerowa i boisko do siatkówki plażowej",
        "Inwestycja kosztowała 14,2 mln zł, z czego 85 proc. pokryły środki Unii Europejskiej.",
    ),
)

GPR_CALL = przemysl_article(
    article_id="43980",
    slug="nabor-projektow-do-gminnego-programu-rewitalizacji",
    title="Nabór projektów do Gminnego Programu Rewitalizacji",
    published_at="2016-03-11T10:00:00+01:00",
    author="Joanna Świątek",
    revitalisation=True,
    # Also linked from listing page 1 under an older slug: same id, one article.
    alt_slug="nabor-projektow-gpr",
    body=(
        "Urząd Miejski w Przemyślu ogłasza nabór propozycji przedsięwzięć do Gminnego Programu Rewitalizacji Miasta Przemyśla na lata 2016–2023.",
        "Propozycje mogą zgłaszać mieszkańcy, organizacje pozarządowe, wspólnoty mieszkaniowe, przedsiębiorcy oraz instytucje publiczne. Przedsięwzięcia powinny dotyczyć wyznaczonego obszaru rewitalizacji i odpowiadać na zdiagnozowane problemy społeczne.",
        "Karty projektów przyjmujemy do 15 kwietnia w Wydziale Rozwoju Miasta, pok. 204.",
    ),
    attachments=(
        Attachment("/uploads/files/2016/karta_projektu_gpr.docx", "DOCX", "Karta projektu", "old", "96,12KB", 98427),
    ),
    body_contains=(
        "ogłasza nabór propozycji przedsięwzięć do Gminnego Programu Rewitalizacji",
        "Przedsięwzięcia powinny dotyczyć wyznaczonego obszaru rewitalizacji",
        "Karty projektów przyjmujemy do 15 kwietnia w Wydziale Rozwoju Miasta, pok. 204.",
    ),
)

NIGHT_BUSES = przemysl_article(
    article_id="44502",
    slug="zmiana-czasu-nocne-kursy",
    title="Zmiana czasu na letni – nocne kursy autobusów",
    # 01:30 on the night the clocks go forward: still winter time.
    published_at="2017-03-26T01:30:00+01:00",
    author="Dyżurny MKS",
    revitalisation=False,
    body=(
        "W nocy z soboty na niedzielę zmieniamy czas z zimowego na letni: o godz. 2:00 przestawiamy zegarki na godz. 3:00.",
        "Nocne kursy linii N1 odjadą zgodnie z rozkładem według czasu obowiązującego w chwili odjazdu. Kurs o godz. 2:15 nie zostanie wykonany.",
        "Prosimy pasażerów o sprawdzenie godzin odjazdów przed podróżą.",
    ),
    body_contains=(
        "o godz. 2:00 przestawiamy zegarki na godz. 3:00.",
        "Kurs o godz. 2:15 nie zostanie wykonany.",
        "Prosimy pasażerów o sprawdzenie godzin odjazdów przed podróżą.",
    ),
)

RESEARCH_WALK = przemysl_article(
    article_id="44503",
    slug="spacer-badawczy-stare-miasto",
    title="Spacer badawczy po Starym Mieście",
    # 03:30 the same night, after the clocks went forward: summer time.
    published_at="2017-03-26T03:30:00+02:00",
    author="Rafał Porada",
    revitalisation=True,
    body=(
        "Zapraszamy na spacer badawczy po Starym Mieście, który odbędzie się w sobotę 1 kwietnia. Zbiórka o godz. 10:00 przy fontannie na Rynku.",
        "Spacer jest częścią diagnozy obszaru rewitalizacji[1]. Razem z mieszkańcami przyjrzymy się podwórkom, skwerom i ciągom pieszym, zastanowimy się, co działa, a co wymaga zmiany.",
        "Uwagi zebrane podczas spaceru trafią do raportu z konsultacji[2] i posłużą do przygotowania projektów zagospodarowania przestrzeni publicznych.",
    ),
    footnotes=(
        "[1] Obszar wyznaczony uchwałą Rady Miejskiej w Przemyślu z dnia 26 stycznia 2017 r.",
        "[2] Raport zostanie opublikowany w Biuletynie Informacji Publicznej.",
    ),
    body_contains=(
        "Zbiórka o godz. 10:00 przy fontannie na Rynku.",
        "przyjrzymy się podwórkom, skwerom i ciągom pieszym",
        "Obszar wyznaczony uchwałą Rady Miejskiej w Przemyślu z dnia 26 stycznia 2017 r.",
    ),
)

TENEMENT_FACADES = przemysl_article(
    article_id="44870",
    slug="odnowione-elewacje-kamienic-franciszkanska",
    title="Odnowione elewacje kamienic przy ul. Franciszkańskiej",
    # Published on the last evening of summer time, modified after the clocks went back.
    published_at="2017-10-28T22:15:00+02:00",
    author="Anna Kędzierska",
    modified_at="2017-10-30T08:05:00+01:00",
    modified_by="Rafał Porada",
    revitalisation=True,
    body=(
        "Cztery kamienice przy ul. Franciszkańskiej odzyskały dawny blask. Remont elewacji sfinansowano z programu grantów dla wspólnot mieszkaniowych z obszaru rewitalizacji.",
        "Odtworzono sztukaterie, wymieniono stolarkę okienną i odnowiono bramy wejściowe. Prace prowadzono pod nadzorem Miejskiego Konserwatora Zabytków.",
        "Kolejny nabór wniosków o granty ruszy w styczniu. Wspólnoty mogą uzyskać dofinansowanie do 70 proc. kosztów.",
    ),
    body_contains=(
        "Cztery kamienice przy ul. Franciszkańskiej odzyskały dawny blask.",
        "Odtworzono sztukaterie, wymieniono stolarkę okienną i odnowiono bramy wejściowe.",
        "Wspólnoty mogą uzyskać dofinansowanie do 70 proc. kosztów.",
    ),
)

LEGIONS_SQUARE = przemysl_article(
    article_id="45011",
    slug="przebudowa-placu-legionow",
    title="Przebudowa Placu Legionów – wybrano koncepcję",
    published_at="2017-12-12T15:20:00+01:00",
    author="Joanna Świątek",
    revitalisation=True,
    jsonld=True,
    planted_xss=True,
    body=(
        "Komisja konkursowa wybrała koncepcję przebudowy Placu Legionów. Zwyciężyła praca krakowskiej pracowni, która zaproponowała zieleń, wodę i miejsca do odpoczynku w cieniu drzew.",
        "Plac ma stać się salonem śródmieścia i łącznikiem między dworcem kolejowym a Starym Miastem. Przebudowa jest jednym z kluczowych przedsięwzięć Gminnego Programu Rewitalizacji.",
        "Wystawę wszystkich prac konkursowych można oglądać do 22 grudnia w holu Urzędu Miejskiego.",
    ),
    attachments=(
        Attachment(
            "/uploads/files/2017/plac_legionow_koncepcja.pdf", "PDF", "Koncepcja zwycięska", "old", "4,7MB", 4928307
        ),
    ),
    body_contains=(
        "Zwyciężyła praca krakowskiej pracowni",
        "Plac ma stać się salonem śródmieścia i łącznikiem między dworcem kolejowym a Starym Miastem.",
        "można oglądać do 22 grudnia w holu Urzędu Miejskiego.",
    ),
)

CITY_DAYS = przemysl_article(
    article_id="45390",
    slug="dni-przemysla-2018-program",
    title="Dni Przemyśla 2018 – program koncertów",
    published_at="2018-05-21T12:30:00+02:00",
    author="Katarzyna Wróbel",
    revitalisation=False,
    body=(
        "Przed nami Dni Przemyśla 2018. Od 8 do 10 czerwca na scenie przy Bulwarach wystąpią m.in. zespoły Kwiat Jabłoni i Dżem.",
        "W sobotę odbędzie się Jarmark Przemyski z rękodziełem i regionalnymi przysmakami, a w niedzielę rodzinny piknik w Parku Miejskim.",
        "Szczegółowy program imprez znajduje się w załączniku.",
    ),
    attachments=(
        Attachment("/uploads/files/2018/dni_przemysla_program.pdf", "PDF", "Program Dni Przemyśla 2018", "new"),
    ),
    gallery=("Plakat_Dni_Przemysla_2018.jpeg",),
    body_contains=(
        "Od 8 do 10 czerwca na scenie przy Bulwarach wystąpią m.in. zespoły Kwiat Jabłoni i Dżem.",
        "W sobotę odbędzie się Jarmark Przemyski z rękodziełem i regionalnymi przysmakami",
        "Szczegółowy program imprez znajduje się w załączniku.",
    ),
)

COMMUNITY_ORGANISING = przemysl_article(
    # The Przemyśl seed page (a text rendering of one real Przemyśl article).
    article_id="45707",
    slug="spolecznie-zorganizowani",
    title="„Społecznie Zorganizowani – model aktywizacji i rewitalizacji społecznej oparty o ideę Community Organising”",
    published_at="2018-10-05T08:39:00+02:00",
    author="Rafał Porada",
    revitalisation=True,
    body=(
        "Zapraszamy podmioty ekonomii społecznej<sup>[1]</sup> działające na obszarze Miasta Przemyśla do współpracy w projekcie pn. „Społecznie Zorganizowani - model uruchamiania lokalnej aktywności i rewitalizacji społecznej oparty o ideę Community Organising”. Projekt pozwoli zaadaptować brytyjski model aktywizacji lokalnych społeczności (organizowania społecznego), przyczyniając się m.in. do poprawy przepływu informacji na linii mieszkaniec - instytucja - mieszkaniec w zakresie konkretnych potrzeb społecznych i możliwości ich zaspokojenia.",
        "W ramach projektu sześciu mieszkańców Przemyśla ukończy szkolenie z zakresu Community Organising. Tym samym pozna zasady aktywnego słuchania, dowie się, w jaki sposób badać i identyfikować lokalne potrzeby, angażować ludzi do współpracy oraz kreować oddolne inicjatywy bazujące zarówno na kompetencjach, jak i potrzebach mieszkańców.",
        "Już wkrótce Miasto odwiedzi Partner Zagraniczny – Community Organisers Ltd. Celem wizyty będzie poznanie Miasta, ze szczególnym uwzględnieniem obszaru rewitalizacji oraz udział w spotkaniach warsztatowych dotyczących brytyjskich doświadczeń z zakresu organizowania społecznego i sposobu wykorzystania ich w Polsce. Będzie to także przestrzeń dla Państwa do zapoznania się z ideą organizowania społecznego.",
        "W brytyjskiej metodologii kluczowa jest współpraca z lokalnymi organizacjami, dlatego zależy nam na Państwa włączeniu się w wypracowanie modelu adekwatnego do sytuacji Miasta. Dlatego gorąco zapraszamy do współpracy, której celem będzie wspólne stworzenie dla Organizatorów Społecznych przyjaznej przestrzeni do inicjowania trwałej zmiany w lokalnych społecznościach.",
        "Organizacje zainteresowane projektem i/lub gotowe podjąć współpracę zapraszamy do kontaktu na adres e-mail: zorganizowani@cds.krakow.pl. Pozostałych informacji będziemy udzielać na bieżąco, drogą mailową.",
        "Projekt jest współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego z Programu Operacyjnego Wiedza Edukacja Rozwój, Działanie 4.3 „Współpraca ponadnarodowa”.",
        "Zapraszamy!",
    ),
    attachments=(
        Attachment(
            "/uploads/files/2018/informacja_pes_spolecznie_zorganizowani.pdf",
            "PDF",
            "Informacja dla podmiotów ekonomii społecznej zainteresowanych udziałem w projekcie",
            "new",
        ),
    ),
    gallery=("Plakat_Spolecznie_Zorganizowani.jpeg",),
    footnotes=(
        "[1] Organizacje pozarządowe (fundacje i stowarzyszenia), Spółdzielnie, Spółdzielnie socjalne, Centra Integracji Społecznej, Zakłady Aktywności Zawodowej, Towarzystwa Ubezpieczeń Wzajemnych",
    ),
    body_contains=(
        "W ramach projektu sześciu mieszkańców Przemyśla ukończy szkolenie z zakresu Community Organising.",
        "Już wkrótce Miasto odwiedzi Partner Zagraniczny – Community Organisers Ltd.",
        "Działanie 4.3 „Współpraca ponadnarodowa”.",
        "Spółdzielnie socjalne, Centra Integracji Społecznej",
    ),
)

GARRISON_HOUSE = przemysl_article(
    article_id="45744",
    slug="dom-garnizonowy-centrum-aktywnosci",
    title="Dawny Dom Garnizonowy stanie się Centrum Aktywności Lokalnej",
    # Late October, the last weekend of summer time.
    published_at="2018-10-26T14:00:00+02:00",
    author="Anna Kędzierska",
    revitalisation=True,
    jsonld=True,
    link_host="www.przemysl.pl",  # the listing links it under www.
    body=(
        "Miasto podpisało umowę na dofinansowanie adaptacji dawnego Domu Garnizonowego na Centrum Aktywności Lokalnej. To jedno z najważniejszych przedsięwzięć Gminnego Programu Rewitalizacji.",
        "W odnowionym budynku znajdą się sale warsztatowe, klub seniora, pracownie dla młodzieży oraz siedziby organizacji pozarządowych działających na Zasaniu.",
        "Wartość projektu wynosi 9,8 mln zł. Prace budowlane rozpoczną się wiosną przyszłego roku.",
    ),
    attachments=(
        Attachment("/uploads/files/2018/dom_garnizonowy_wizualizacja.jpg", "JPG", "Wizualizacja", "new"),
        Attachment("/uploads/files/2018/dom_garnizonowy_opis.pdf", "PDF", "Opis projektu", "new"),
    ),
    body_contains=(
        "To jedno z najważniejszych przedsięwzięć Gminnego Programu Rewitalizacji.",
        "klub seniora, pracownie dla młodzieży oraz siedziby organizacji pozarządowych",
        "Prace budowlane rozpoczną się wiosną przyszłego roku.",
    ),
)

OLD_TOWN_COMPLETED = przemysl_article(
    article_id="45800",
    slug="zakonczenie-rewitalizacji-podworek-starego-miasta",
    title="Zakończenie rewitalizacji podwórek Starego Miasta",
    published_at="2018-11-05T11:30:00+01:00",
    author="Rafał Porada",
    modified_at="2018-11-06T09:45:00+01:00",
    modified_by="Joanna Świątek",
    revitalisation=True,
    body=(
        "Zakończyła się rewitalizacja siedmiu podwórek w kwartale ulic Kazimierzowskiej, Grodzkiej i Władycze. Mieszkańcy sami zdecydowali o ich nowym wyglądzie podczas warsztatów projektowych.",
        "Na podwórkach pojawiły się ogródki sąsiedzkie, stojaki na rowery, ławki i nowe oświetlenie. Uporządkowano też miejsca na pojemniki do segregacji odpadów.",
        "Dziękuję wszystkim mieszkańcom, którzy poświęcili swój czas, by wspólnie zmieniać nasze Stare Miasto.",
    ),
    signature=("Wojciech Bakun", "Kancelaria Prezydenta Miasta"),
    body_contains=(
        "Mieszkańcy sami zdecydowali o ich nowym wyglądzie podczas warsztatów projektowych.",
        "Na podwórkach pojawiły się ogródki sąsiedzkie, stojaki na rowery, ławki i nowe oświetlenie.",
        "Kancelaria Prezydenta Miasta",
    ),
)

ARTICLES = (
    ROAD_REPAIR,
    LPR_CONSULTATIONS,
    SUMMER_CONCERT,
    BRUSSELS_EN,
    ZASANIE_SQUARE,
    BUS_TIMETABLE,
    SAN_BOULEVARDS,
    GPR_CALL,
    NIGHT_BUSES,
    RESEARCH_WALK,
    TENEMENT_FACADES,
    LEGIONS_SQUARE,
    CITY_DAYS,
    COMMUNITY_ORGANISING,
    GARRISON_HOUSE,
    OLD_TOWN_COMPLETED,
)
