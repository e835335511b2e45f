"""Gdynia /rewitalizacja articles of the mirror (2017–2021), with their ground truth."""

from __future__ import annotations

from scraper.mirror.factory import gdynia_article
from scraper.mirror.spec import Photo, StoragePath

ROAD_NOTICE = (
    "Od 12 lipca do odwołania ul. Morska na odcinku od ul. Kieleckiej do ul. Grabowo "
    "będzie zamknięta dla ruchu. Szczegóły w komunikacie."
)
OFFICE_NOTICE = (
    "W piątek 4 maja Urząd Miasta Gdyni będzie nieczynny. Sprawy pilne załatwisz "
    "przez internet. Szczegóły w komunikacie."
)

GPR_ADOPTED = gdynia_article(
    article_id="541200",
    slug="gminny-program-rewitalizacji-przyjety",
    title="Gminny Program Rewitalizacji przyjęty przez Radę Miasta",
    published_at="2017-02-14T11:00:00+01:00",
    author="Michał Kowalewski",
    tags=("#rewitalizacja", "#GPR"),
    photo=Photo("/g2/2017_02/sesja_rady_miasta.jpg", "Sesja Rady Miasta Gdyni", "arch. UM Gdynia"),
    body=(
        "Rada Miasta Gdyni przyjęła Gminny Program Rewitalizacji na lata 2017–2026. Dokument obejmuje sześć podobszarów: Chylonię (ZOH i Meksyk), Oksywie, Babie Doły, Witomino-Radiostację oraz Leszczynki z Pekinem.",
        "Program zakłada nie tylko remonty budynków i przestrzeni publicznych, ale przede wszystkim działania społeczne: wsparcie rodzin, aktywizację zawodową i rozwój sąsiedzkich centrów aktywności.",
        "Prace nad dokumentem trwały ponad rok, a w konsultacjach wzięło udział blisko 2 tys. mieszkańców.",
    ),
    body_contains=(
        "Dokument obejmuje sześć podobszarów: Chylonię (ZOH i Meksyk), Oksywie, Babie Doły",
        "przede wszystkim działania społeczne: wsparcie rodzin, aktywizację zawodową",
        "w konsultacjach wzięło udział blisko 2 tys. mieszkańców.",
    ),
)

OKSYWIE_YARDS = gdynia_article(
    article_id="542315",
    slug="konsultacje-podworek-na-oksywiu",
    title="Konsultacje w sprawie podwórek na Oksywiu",
    published_at="2017-06-05T09:30:00+02:00",
    author="Agnieszka Zielińska",
    modified_at="2017-06-06T14:10:00+02:00",
    modified_by="Michał Kowalewski",
    notice=ROAD_NOTICE,
    tags=("#konsultacje", "#Oksywie"),
    body=(
        "Zapraszamy mieszkańców Oksywia do wspólnego projektowania podwórek przy ul. Dickmana i ul. Bosmańskiej.",
        "Warsztaty odbędą się 13 i 20 czerwca o godz. 17:30 w Szkole Podstawowej nr 25. Porozmawiamy o zieleni, miejscach do zabawy, parkowaniu i oświetleniu.",
        "Ankietę można pobrać i oddać w Przystani Oksywie lub w Radzie Dzielnicy.",
        StoragePath("/storage/uzytkownicy/rewitalizacja/konsultacje/ankieta_podworka_oksywie.pdf", linked=True),
    ),
    body_contains=(
        "Zapraszamy mieszkańców Oksywia do wspólnego projektowania podwórek",
        "Warsztaty odbędą się 13 i 20 czerwca o godz. 17:30 w Szkole Podstawowej nr 25.",
        "Ankietę można pobrać i oddać w Przystani Oksywie lub w Radzie Dzielnicy.",
    ),
)

BABIE_DOLY_HARBOUR = gdynia_article(
    article_id="543780",
    slug="przystan-babie-doly-otwarta",
    title="Przystań Babie Doły otwarta",
    published_at="2017-11-20T13:15:00+01:00",
    author="Agnieszka Zielińska",
    modified_at="2017-11-21T08:02:00+01:00",
    modified_by="Agnieszka Zielińska",
    tags=("#Przystań", "#BabieDoły"),
    photo=Photo(
        "/g2/2017_11/przystan_babie_doly.jpg", "Otwarcie Przystani na Babich Dołach", "fot. Przemysław Kozłowski"
    ),
    body=(
        "Na Babich Dołach rozpoczęła działalność Przystań – sąsiedzkie centrum, w którym mieszkańcy mogą spotykać się, uczyć i realizować własne pomysły.",
        "W programie są zajęcia dla dzieci po szkole, kawiarenka sąsiedzka, porady prawne i spotkania klubu seniora. Przystań prowadzi Laboratorium Innowacji Społecznych.",
        "Przystań jest czynna od poniedziałku do piątku w godz. 12:00–20:00 oraz w soboty od 10:00 do 14:00.",
    ),
    body_contains=(
        "sąsiedzkie centrum, w którym mieszkańcy mogą spotykać się, uczyć i realizować własne pomysły.",
        "Przystań prowadzi Laboratorium Innowacji Społecznych.",
        "Przystań jest czynna od poniedziałku do piątku",
    ),
)

MEKSYK_HOUSING = gdynia_article(
    article_id="545102",
    slug="nowe-mieszkania-na-meksyku",
    title="Nowe mieszkania dla mieszkańców Meksyku",
    subtitle="PIERWSI LOKATORZY ODEBRALI KLUCZE",
    published_at="2018-04-09T10:45:00+02:00",
    author="Michał Kowalewski",
    tags=("#Chylonia", "#Meksyk", "#mieszkania"),
    photo=Photo(
        "/g2/2018_04/meksyk_klucze.jpg",
        "Przekazanie kluczy do nowych mieszkań",
        "mat. Gdyńskie Centrum Wspierania Rodzin",
    ),
    body=(
        "Pierwsze rodziny z zespołu budynków przy ul. Kartuskiej, nazywanego Meksykiem, wprowadziły się do nowych mieszkań przy ul. Chylońskiej.",
        "Przeprowadzki są częścią procesu rewitalizacji obszaru Chylonia. Każda rodzina była wcześniej objęta wsparciem asystenta i doradcy zawodowego.",
        "Do końca roku nowe mieszkania otrzyma 40 rodzin. Zwolnione budynki zostaną rozebrane, a na ich miejscu powstanie park.",
    ),
    body_contains=(
        "wprowadziły się do nowych mieszkań przy ul. Chylońskiej.",
        "Każda rodzina była wcześniej objęta wsparciem asystenta i doradcy zawodowego.",
        "Do końca roku nowe mieszkania otrzyma 40 rodzin.",
    ),
)

POCKET_PARK = gdynia_article(
    article_id="546990",
    slug="park-kieszonkowy-witomino",
    title="Park kieszonkowy na Witominie",
    subtitle="MIESZKAŃCY ZAPROJEKTOWALI SKWER PRZY UL. NAŁKOWSKIEJ",
    published_at="2018-08-17T12:00:00+02:00",
    author="Joanna Główczewska",
    jsonld=True,
    tags=("#WitominoRadiostacja", "#zieleń"),
    photo=Photo("/g2/2018_08/park_kieszonkowy.jpg", "Skwer przy ul. Nałkowskiej", "fot. Karolina Szczęch"),
    lead="Na Witominie-Radiostacji powstał park kieszonkowy zaprojektowany podczas warsztatów z mieszkańcami.",
    body=(
        "Na skwerze posadzono 15 drzew, łąkę kwietną i żywopłot oddzielający teren od ulicy. Stanęły też hamaki, ławki i stół do ping-ponga.",
        "Projekt powstał w ramach inicjatywy lokalnej, a mieszkańcy przepracowali przy nim łącznie ponad 200 godzin.",
        "Skwer będzie miejscem sąsiedzkich spotkań i pikników organizowanych przez Przystań Witomino.",
    ),
    body_contains=(
        "Na skwerze posadzono 15 drzew, łąkę kwietną i żywopłot",
        "mieszkańcy przepracowali przy nim łącznie ponad 200 godzin.",
        "organizowanych przez Przystań Witomino.",
    ),
)

LESZCZYNKI_INITIATIVE = gdynia_article(
    article_id="548321",
    slug="inicjatywa-lokalna-leszczynki",
    title="Inicjatywa lokalna na Leszczynkach – zgłoś swój pomysł",
    published_at="2019-01-22T15:30:00+01:00",
    author="Joanna Główczewska",
    tags=("#inicjatywalokalna", "#Leszczynki"),
    body=(
        "Mieszkańcy Leszczynek i Pekinu mogą zgłaszać pomysły na wspólne działania w ramach inicjatywy lokalnej. Miasto wspiera je materiałami, sprzętem lub usługami.",
        "Wniosek może złożyć grupa co najmniej trzech osób. Pomysły można konsultować z animatorami Przystani Leszczynki.",
        "Wzór wniosku i regulamin:",
        StoragePath("/storage/uzytkownicy/rewitalizacja/inicjatywa/wniosek_inicjatywa_lokalna.docx", linked=False),
        StoragePath("/storage/uzytkownicy/rewitalizacja/inicjatywa/regulamin_inicjatywy.pdf", linked=True),
    ),
    body_contains=(
        "Miasto wspiera je materiałami, sprzętem lub usługami.",
        "Wniosek może złożyć grupa co najmniej trzech osób.",
        "Pomysły można konsultować z animatorami Przystani Leszczynki.",
    ),
)

OKSYWIE_FESTIVAL = gdynia_article(
    article_id="549870",
    slug="festyn-sasiedzki-na-oksywiu",
    title="Festyn sąsiedzki na Oksywiu",
    published_at="2019-05-14T10:10:00+02:00",
    author="Agnieszka Zielińska",
    modified_at="2019-05-15T09:00:00+02:00",
    modified_by="Joanna Główczewska",
    notice=OFFICE_NOTICE,
    tags=("#Oksywie", "#Przystań"),
    photo=Photo(
        "/g2/2019_05/festyn_oksywie.jpg", "Plakat festynu sąsiedzkiego", "mat. Laboratorium Innowacji Społecznych"
    ),
    body=(
        "W sobotę 25 maja na boisku przy ul. Godebskiego odbędzie się festyn sąsiedzki przygotowany przez mieszkańców Oksywia i Przystań Oksywie.",
        "Czekają gry podwórkowe, warsztaty kulinarne, wymiana książek i koncert lokalnych zespołów. Kulminacją będzie wspólne sadzenie drzew na skwerze obok boiska.",
        "Festyn rozpocznie się o godz. 14:00. Wstęp wolny.",
    ),
    body_contains=(
        "festyn sąsiedzki przygotowany przez mieszkańców Oksywia i Przystań Oksywie.",
        "Kulminacją będzie wspólne sadzenie drzew na skwerze obok boiska.",
        "Festyn rozpocznie się o godz. 14:00. Wstęp wolny.",
    ),
)

MONITORING_REPORT = gdynia_article(
    article_id="551204",
    slug="raport-z-monitoringu-rewitalizacji",
    title="Raport z monitoringu Gminnego Programu Rewitalizacji",
    published_at="2019-09-30T13:20:00+02:00",
    author="Michał Kowalewski",
    tags=("#GPR", "#raport"),
    photo=Photo("/g2/2019_09/raport_monitoring.jpg", "Okładka raportu", "arch. Laboratorium Innowacji Społecznych"),
    body=(
        "Opublikowaliśmy raport z monitoringu realizacji Gminnego Programu Rewitalizacji za lata 2017–2018.",
        "Raport pokazuje, że na wszystkich podobszarach spadła liczba osób korzystających z pomocy społecznej, a wzrosła liczba inicjatyw sąsiedzkich.",
        "Najwięcej przedsięwzięć zrealizowano na Chyloni i Oksywiu. Pełny raport:",
        StoragePath("/storage/uzytkownicy/lis/raporty/raport_monitoring_gpr_2017_2018.pdf", linked=True),
    ),
    body_contains=(
        "Opublikowaliśmy raport z monitoringu realizacji Gminnego Programu Rewitalizacji",
        "spadła liczba osób korzystających z pomocy społecznej, a wzrosła liczba inicjatyw sąsiedzkich.",
        "Najwięcej przedsięwzięć zrealizowano na Chyloni i Oksywiu.",
    ),
)

CIVIC_BUDGET = gdynia_article(
    article_id="552640",
    slug="budzet-obywatelski-na-obszarach-rewitalizacji",
    title="Budżet obywatelski na obszarach rewitalizacji",
    published_at="2020-02-11T11:55:00+01:00",
    author="Joanna Główczewska",
    planted_xss=True,
    tags=("#budżetobywatelski",),
    body=(
        "W tegorocznym budżecie obywatelskim aż 11 projektów dotyczy obszarów rewitalizacji. To rekord od początku realizacji programu.",
        "Wśród propozycji są m.in. ogród społeczny na Babich Dołach, siłownia plenerowa na Meksyku i remont schodów łączących Oksywie Dolne z Górnym.",
        "Głosowanie potrwa od 2 do 16 marca. Każdy mieszkaniec Gdyni może oddać głos na trzy projekty.",
    ),
    body_contains=(
        "aż 11 projektów dotyczy obszarów rewitalizacji.",
        "ogród społeczny na Babich Dołach, siłownia plenerowa na Meksyku",
        "Głosowanie potrwa od 2 do 16 marca.",
    ),
)

WITOMINO_NEW_HOME = gdynia_article(
    article_id="554118",
    slug="przystan-witomino-w-nowej-siedzibie",
    title="Przystań Witomino w nowej siedzibie",
    # The last Saturday of summer time 2020.
    published_at="2020-10-24T18:20:00+02:00",
    author="Agnieszka Zielińska",
    tags=("#Przystań", "#WitominoRadiostacja"),
    photo=Photo("/g2/2020_10/przystan_witomino.jpg", "Nowa siedziba Przystani Witomino", "fot. Przemysław Kozłowski"),
    body=(
        "Przystań Witomino przeniosła się do wyremontowanego pawilonu przy ul. Uczniowskiej. Nowa siedziba jest dwa razy większa i w pełni dostępna dla osób z niepełnosprawnościami.",
        "Ze względu na sytuację epidemiczną zajęcia odbywają się w małych grupach, po wcześniejszym zapisie telefonicznym.",
        "Przystań zaprasza także na spotkania online dla seniorów w każdy wtorek.",
    ),
    body_contains=(
        "przeniosła się do wyremontowanego pawilonu przy ul. Uczniowskiej.",
        "zajęcia odbywają się w małych grupach, po wcześniejszym zapisie telefonicznym.",
        "spotkania online dla seniorów w każdy wtorek.",
    ),
)

SUPPORT_TEAM = gdynia_article(
    article_id="554160",
    slug="zespol-wsparcia-lokalnego-babie-doly",
    title="Zespół wsparcia lokalnego na Babich Dołach",
    # The Monday after the clocks went back: winter time.
    published_at="2020-10-26T08:40:00+01:00",
    author="Aleksandra Dylejko",
    modified_at="2020-10-26T12:05:00+01:00",
    modified_by="Aleksandra Dylejko",
    tags=("#projekt", "FFW", "#BabieDoły"),
    body=(
        "Na Babich Dołach zaczął działać zespół wsparcia lokalnego. Tworzą go pracownicy socjalni, animatorzy Przystani, pedagodzy szkolni i przedstawiciele Rady Dzielnicy.",
        "Zespół spotyka się raz w miesiącu, by wspólnie rozwiązywać problemy zgłaszane przez mieszkańców i planować działania sąsiedzkie.",
        "Kontakt z zespołem możliwy jest przez Przystań Babie Doły.",
    ),
    body_contains=(
        "Tworzą go pracownicy socjalni, animatorzy Przystani, pedagodzy szkolni",
        "Zespół spotyka się raz w miesiącu",
        "Kontakt z zespołem możliwy jest przez Przystań Babie Doły.",
    ),
)

SPRING_CLEANING = gdynia_article(
    article_id="556702",
    slug="wiosenne-sprzatanie-chyloni",
    title="Wiosenne sprzątanie Chyloni",
    # 23:30 on the eve of the switch to summer time.
    published_at="2021-03-27T23:30:00+01:00",
    author="Michał Kowalewski",
    date_line="27.03.2021 r.",
    tags=("#Chylonia", "#sąsiedzi"),
    lead="Ponad stu mieszkańców Chyloni wzięło udział we wspólnym sprzątaniu dzielnicy.",
    body=(
        "Wolontariusze zebrali ponad dwie tony odpadów z terenów zielonych wzdłuż ul. Kartuskiej i w okolicach stawu.",
        "Akcję przygotowali mieszkańcy razem z Przystanią Chylonia i Radą Dzielnicy. Worki i rękawice zapewniło Miasto.",
        "Kolejne sprzątanie zaplanowano na wrzesień.",
    ),
    body_contains=(
        "Wolontariusze zebrali ponad dwie tony odpadów",
        "Worki i rękawice zapewniło Miasto.",
        "Kolejne sprzątanie zaplanowano na wrzesień.",
    ),
)

NEIGHBOURHOOD_FUND = gdynia_article(
    article_id="556745",
    slug="nabor-do-funduszu-sasiedzkiego",
    title="Rusza nabór do Funduszu Sąsiedzkiego",
    # No footer on this page: the in-body date line is all there is (date only).
    published_at="2021-03-29T00:00:00+02:00",
    show_footer=False,
    date_line="29.03.2021 r.",
    tags=("#FunduszSąsiedzki",),
    lead="Do 30 kwietnia mieszkańcy obszarów rewitalizacji mogą składać wnioski do Funduszu Sąsiedzkiego.",
    body=(
        "Fundusz wspiera małe projekty sąsiedzkie kwotą do 5 tys. zł. Mogą to być warsztaty, wydarzenia kulturalne, upiększanie podwórek czy wspólne wyjścia.",
        "Wnioski można składać w każdej Przystani lub elektronicznie. Animatorzy pomogą w ich przygotowaniu.",
        StoragePath("/storage/uzytkownicy/rewitalizacja/fundusz/wniosek_fundusz_sasiedzki_2021.pdf", linked=False),
    ),
    body_contains=(
        "Fundusz wspiera małe projekty sąsiedzkie kwotą do 5 tys. zł.",
        "upiększanie podwórek czy wspólne wyjścia.",
        "Animatorzy pomogą w ich przygotowaniu.",
    ),
)

PEKIN_STAIRS = gdynia_article(
    article_id="557930",
    slug="schody-na-pekinie-po-remoncie",
    title="Schody na Pekinie po remoncie",
    subtitle="NOWE OŚWIETLENIE, PORĘCZE I ZIELEŃ",
    published_at="2021-05-18T14:25:00+02:00",
    author="Joanna Główczewska",
    modified_at="2021-05-19T10:30:00+02:00",
    modified_by="Michał Kowalewski",
    date_line="18.05.2021 r.",
    tags=("#Leszczynki", "#Pekin"),
    photo=Photo("/g2/2021_05/schody_pekin.jpg", "Wyremontowane schody na Pekinie", "fot. Karolina Szczęch"),
    lead="Zakończył się remont schodów łączących Pekin z ul. Morską.",
    body=(
        "Schody zyskały nową nawierzchnię, poręcze z obu stron i energooszczędne oświetlenie. Wzdłuż biegu schodów posadzono byliny i krzewy.",
        "O zakresie remontu zdecydowali mieszkańcy podczas spaceru badawczego zorganizowanego przez Przystań Leszczynki.",
        StoragePath("/storage/uzytkownicy/rewitalizacja/pekin/dokumentacja_schody_pekin.pdf", linked=True),
    ),
    body_contains=(
        "Schody zyskały nową nawierzchnię, poręcze z obu stron i energooszczędne oświetlenie.",
        "Wzdłuż biegu schodów posadzono byliny i krzewy.",
        "podczas spaceru badawczego zorganizowanego przez Przystań Leszczynki.",
    ),
)

CHYLONIA_SQUARE = gdynia_article(
    article_id="559812",
    slug="nowy-skwer-w-chyloni",
    title="Nowy skwer w Chyloni oddany mieszkańcom",
    published_at="2021-09-06T09:05:00+02:00",
    author="Aleksandra Dylejko",
    modified_at="2021-09-06T09:40:00+02:00",
    modified_by="Aleksandra Dylejko",
    notice=ROAD_NOTICE,
    jsonld=True,
    tags=("#Chylonia", "#zieleń"),
    photo=Photo("/g2/2021_09/skwer_chylonia.jpg", "Skwer przy ul. Chylońskiej", "fot. Przemysław Kozłowski"),
    body=(
        "Przy ul. Chylońskiej powstał nowy skwer z placem zabaw, ogrodem deszczowym i miejscem na sąsiedzkie spotkania.",
        "Ogród deszczowy zatrzymuje wodę opadową z dachów pobliskich budynków, a rośliny zostały dobrane tak, by znosiły zarówno suszę, jak i zalanie.",
        "Skwer jest jednym z przedsięwzięć Gminnego Programu Rewitalizacji na obszarze Chylonia.",
    ),
    body_contains=(
        "powstał nowy skwer z placem zabaw, ogrodem deszczowym i miejscem na sąsiedzkie spotkania.",
        "by znosiły zarówno suszę, jak i zalanie.",
        "Skwer jest jednym z przedsięwzięć Gminnego Programu Rewitalizacji",
    ),
)

MODELOWNIA = gdynia_article(
    # The Gdynia seed page (a text rendering of one real Gdynia article).
    article_id="562076",
    slug="modelownia-dla-mlodziezy",
    title="Modelownia dla młodzieży",
    subtitle=(
        "MODELOWE ROZWIĄZANIA W PRACY Z MŁODZIEŻĄ WYPRACOWANE NA PODSTAWIE DOŚWIADCZEŃ I DOBRZYCH "
        "PRAKTYK POLITISTIKO ERGASTIRI AYION OMOLOYITON, CYPR, ORAZ LABORATORIUM INNOWACJI SPOŁECZNYCH, "
        "POLSKA, W RAMACH PROJEKTU „MODELOWNIA – MIEJSCA OTWARTE PRZESTRZENIAMI MIĘDZYNARODOWEJ "
        "WYMIANY DOBRZYCH PRAKTYK W PRACY ZE SPOŁECZNOŚCIĄ LOKALNĄ”."
    ),
    published_at="2021-12-10T12:50:00+01:00",
    author="Aleksandra Dylejko",
    modified_at="2021-12-10T12:51:00+01:00",
    modified_by="Aleksandra Dylejko",
    tags=("#projekt", "FFW"),
    lead=(
        "Dobre praktyki współpracy z lokalną społecznością - kierunki pracy z i na rzecz młodzieży "
        "mieszkającej na obszarze rewitalizacji"
    ),
    body=(
        "Projekt został finansowany ze środków projektu grantowego „Ścieżki współpracy - wsparcie dla podmiotów wdrażających współpracę międzynarodową” w ramach IV Osi priorytetowej Programu Operacyjnego Wiedza Edukacja Rozwój „Innowacje społeczne i współpraca ponadnarodowa”, Działanie 4.3 Współpraca ponadnarodowa, konkurs nr POWR.04.03.00-IP.07-00-007/17",
        "Na stronie internetowej Laboratorium Innowacji Społecznych, w zakładce „Projekty” dostępna jest publikacja „Dobre praktyki współpracy z lokalną społecznością – kierunki pracy z i na rzecz młodzieży, mieszkającej na obszarze rewitalizacji”.",
        "Publikacja zbiera doświadczenia i dobre praktyki cypryjskiej organizacji Politistiko Ergastiri Ayion Omologyton oraz Laboratorium Innowacji Społecznych, partnerów zakończonego właśnie projektu „Modelownia – miejsca otwarte przestrzeniami międzynarodowej wymiany dobrych praktyk w pracy ze społecznością lokalną”. Całość zamykają przykładowe scenariusze konkretnych działań z Gdyni i z Nikozji. Publikacja została przetłumaczona również na język angielski.",
        "Co więcej, prezydent miasta Gdyni zarządzeniem przyjął do realizacji „Model pracy z lokalnymi społecznościami na obszarach rewitalizacji”. Stanowi wytyczną w planowaniu i wdrażaniu działań społecznych na obszarach rewitalizacji. Wreszcie, zawiera wskazówki do rozwijania usług społecznych w dzielnicach.",
        "W ramach wdrażania modelu powstaje gdyńska sieć wsparcia lokalnego: zespoły wsparcia na obszarach rewitalizacji, działające na rzecz poprawy jakości życia mieszkańców obszarów rewitalizacji dzięki wykorzystaniu wzajemnych doświadczeń, pomysłów i kompetencji.",
    ),
    body_contains=(
        "Całość zamykają przykładowe scenariusze konkretnych działań z Gdyni i z Nikozji.",
        "Publikacja została przetłumaczona również na język angielski.",
        "Stanowi wytyczną w planowaniu i wdrażaniu działań społecznych na obszarach rewitalizacji.",
        "W ramach wdrażania modelu powstaje gdyńska sieć wsparcia lokalnego",
    ),
)

ARTICLES = (
    GPR_ADOPTED,
    OKSYWIE_YARDS,
    BABIE_DOLY_HARBOUR,
    MEKSYK_HOUSING,
    POCKET_PARK,
    LESZCZYNKI_INITIATIVE,
    OKSYWIE_FESTIVAL,
    MONITORING_REPORT,
    CIVIC_BUDGET,
    WITOMINO_NEW_HOME,
    SUPPORT_TEAM,
    SPRING_CLEANING,
    NEIGHBOURHOOD_FUND,
    PEKIN_STAIRS,
    CHYLONIA_SQUARE,
    MODELOWNIA,
)
