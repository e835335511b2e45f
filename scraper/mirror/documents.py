"""The mirror's attachment files: for each URL, what kind of file it is and the ground-truth text it is made from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MirrorDocument:
    """One served file. `pages` is the ground truth: the text of each page as written into the file.

    A two-column page has its columns blank-line separated; DOCX/ODT/DOC/RTF
    have a single page; spreadsheets one "page" per sheet, cells
    tab-separated. `header`/`footer` are repeated on every page (`{page}` and
    `{pages}` filled in). `expected_error` is the extraction's error code for
    hostile files.
    """

    url: str
    kind: str
    pages: tuple[str, ...] = ()
    header: str | None = None
    footer: str | None = None
    expected_error: str | None = None

    def expected_text(self) -> str:
        """What a perfect extraction yields: header and footer kept once (page 1), pages blank-line separated."""
        pages = list(self.pages)
        if self.header:
            pages[0] = self.header + "\n" + pages[0]
        if self.footer:
            pages[0] = pages[0] + "\n" + self.footer.format(page=1, pages=len(pages))
        return "\n\n".join(pages)


P = "https://przemysl.pl/uploads/files"
G = "https://www.gdynia.pl/storage/uzytkownicy"
# Extra URLs for file kinds no article links (ODT, XLSX, hostile files); same site, own folder.
EXTRA = "https://przemysl.pl/uploads/files/dokumenty-testowe"

DOCUMENTS = (
    MirrorDocument(
        f"{P}/2010/objazd_slowackiego.pdf",
        "pdf",
        (
            "Schemat objazdu ulicy Słowackiego\n\n"
            "W związku z przebudową skrzyżowania ulic Słowackiego i Mickiewicza od poniedziałku obowiązuje "
            "tymczasowa organizacja ruchu. Kierowcy jadący w stronę dworca powinni korzystać z objazdu przez "
            "ulicę Kościuszki. Prosimy o zachowanie szczególnej ostrożności i stosowanie się do znaków.",
        ),
    ),
    MirrorDocument(
        f"{P}/2010/lpr_projekt.pdf",
        "pdf_running_header",
        (
            "Rozdział 1. Diagnoza obszaru\n\n"
            "Obszar rewitalizacji obejmuje Stare Miasto oraz Zasanie, gdzie koncentrują się problemy społeczne: "
            "bezrobocie długotrwałe, ubóstwo i niska aktywność obywatelska. Zdegradowane kamienice wymagają "
            "kompleksowej termomodernizacji, a przestrzenie publiczne uporządkowania.",
            "Rozdział 2. Cele programu\n\n"
            "Głównym celem jest przywrócenie funkcji społecznych i gospodarczych śródmieściu. Programowanie "
            "działań odbywa się we współpracy z mieszkańcami, organizacjami pozarządowymi i przedsiębiorcami, "
            "a harmonogram przewiduje realizację przedsięwzięć do końca dwa tysiące piętnastego roku.",
            "Rozdział 3. Finansowanie\n\n"
            "Przedsięwzięcia finansowane będą ze środków Regionalnego Programu Operacyjnego, budżetu gminy "
            "oraz partnerów prywatnych. Szczegółowe zestawienie kosztów zawiera załącznik do uchwały Rady "
            "Miejskiej, który podlega corocznej aktualizacji.",
        ),
        header="Lokalny Program Rewitalizacji Miasta Przemyśla 2010–2015",
        footer="Strona {page} z {pages}",
    ),
    MirrorDocument(
        f"{P}/2010/mapa_obszaru.jpg",
        "jpg_poster",
        ("MAPA OBSZARU REWITALIZACJI\nStare Miasto i Zasanie\nKonsultacje społeczne\nzapraszamy mieszkańców",),
    ),
    MirrorDocument(
        f"{P}/2010/formularz_uwag.doc",
        "doc",
        (
            "Formularz zgłaszania uwag do projektu programu rewitalizacji\n"
            "Imię i nazwisko zgłaszającego, adres do korespondencji.\n"
            "Treść uwagi wraz z uzasadnieniem: żółta łódź, źródło, gęś, ćma, śnieg.",
        ),
    ),
    MirrorDocument(
        f"{P}/2012/przemysl_open_days.pdf",
        "pdf",
        (
            "Przemyśl Open Days 2012\n\n"
            "The city of Przemyśl invites investors and partners to the open days of the revitalisation "
            "programme. The presentation covers the old town, the river boulevards and the former barracks, "
            "which are ready for new public and private uses.",
        ),
    ),
    MirrorDocument(
        f"{P}/2014/rozklad_linie_4_12_28.pdf",
        "pdf_two_columns",
        (
            "Linia 4 kursuje od dworca głównego przez Rynek do osiedla Kmiecie. W dni robocze autobusy odjeżdżają "
            "co dwadzieścia minut, a w soboty co pół godziny.\n\n"
            "Linia 12 i linia 28 obsługują Zasanie oraz Lipowicę. Zmiana rozkładu wynika z remontu mostu "
            "i obowiązuje aż do odwołania przez zarząd komunikacji.",
        ),
    ),
    MirrorDocument(
        f"{P}/2015/bulwary_mapa.pdf",
        "pdf_scan",
        (
            "Mapa bulwarów nad Sanem\nścieżka rowerowa i plaża miejska\nprzystań kajakowa przy moście\n\n"
            "Załącznik nr 2 do uchwały Rady Miejskiej w Przemyślu z dnia 14 maja 2015 r.\n"
            "Zagospodarowanie terenów zielonych wzdłuż rzeki obejmuje odcinek od mostu\n"
            "Orląt Przemyskich do kładki pieszo-rowerowej. Przewiduje się nasadzenia\n"
            "drzew, budowę pomostów widokowych, oświetlenia i małej architektury.\n"
            "Łączna długość ścieżek wyniesie 2,4 km; koszt szacunkowy: 3 850 000 zł.",
        ),
    ),
    MirrorDocument(
        f"{P}/2015/regulamin_bulwarow.docx",
        "docx",
        (
            "Regulamin korzystania z Bulwarów nad Sanem\n"
            "§ 1. Teren bulwarów jest ogólnodostępny w godzinach podanych w tabeli.\n"
            "Miejsce\tGodziny otwarcia\tUwagi\n"
            "Plaża miejska\t8:00–20:00\tkąpiel zabroniona\n"
            "Przystań kajakowa\t9:00–18:00\twypożyczalnia sprzętu\n"
            "§ 2. Zabrania się zaśmiecania terenu i niszczenia zieleni.",
        ),
    ),
    MirrorDocument(
        f"{P}/2016/karta_projektu_gpr.docx",
        "docx",
        (
            "Karta projektu do Gminnego Programu Rewitalizacji\n"
            "Nazwa projektu\tWnioskodawca\tSzacunkowy koszt\n"
            "Podwórko sąsiedzkie przy ul. Grodzkiej\tStowarzyszenie Mieszkańców\t120 000 zł\n"
            "Opis: zagospodarowanie zieleni, ławki, plac zabaw i oświetlenie.",
        ),
    ),
    MirrorDocument(
        f"{P}/2017/plac_legionow_koncepcja.pdf",
        "pdf_mixed",
        (
            "Koncepcja zwycięska konkursu na zagospodarowanie placu Legionów\n\n"
            "Jury wybrało pracę, która łączy zieleń, wodę i miejsca spotkań. Projekt zakłada usunięcie parkingu "
            "i posadzenie szpaleru lip.",
            "Rysunek koncepcji\nplac Legionów\nfontanna i szpaler lip",
        ),
    ),
    MirrorDocument(
        f"{P}/2018/dni_przemysla_program.pdf",
        "pdf_encrypted_empty",
        (
            "Program Dni Przemyśla 2018\n\n"
            "Piątek: koncert orkiestry dętej na Rynku. Sobota: jarmark rękodzieła, pokazy rycerskie i zabawa "
            "taneczna. Niedziela: msza w katedrze oraz rodzinny piknik nad Sanem.",
        ),
    ),
    MirrorDocument(
        f"{P}/2018/informacja_pes_spolecznie_zorganizowani.pdf",
        "pdf",
        (
            "Informacja o projekcie „Społecznie zorganizowani”\n\n"
            "Ośrodek Wsparcia Ekonomii Społecznej prowadzi bezpłatne doradztwo dla osób zakładających "
            "spółdzielnie socjalne. Zgłoszenia przyjmuje biuro projektu przy ulicy Franciszkańskiej.",
        ),
    ),
    MirrorDocument(
        f"{P}/2018/dom_garnizonowy_wizualizacja.jpg",
        "jpg_poster",
        ("DOM GARNIZONOWY\nwizualizacja po przebudowie\nsala widowiskowa i kawiarnia",),
    ),
    MirrorDocument(
        f"{P}/2018/dom_garnizonowy_opis.pdf",
        "pdf",
        (
            "Opis projektu przebudowy Domu Garnizonowego\n\n"
            "Zabytkowy budynek zostanie dostosowany do potrzeb osób z niepełnosprawnościami. Powstanie sala "
            "widowiskowa na dwieście miejsc, pracownie artystyczne i kawiarnia z widokiem na zamek.",
        ),
    ),
    MirrorDocument(
        f"{G}/rewitalizacja/konsultacje/ankieta_podworka_oksywie.pdf",
        "pdf",
        (
            "Ankieta: podwórka na Oksywiu\n\n"
            "Jak często korzysta Pani lub Pan z podwórka? Czego najbardziej brakuje: zieleni, ławek, placu zabaw "
            "czy miejsca do grillowania? Wypełnioną ankietę można oddać w Przystani Oksywie.",
        ),
    ),
    MirrorDocument(
        f"{G}/rewitalizacja/inicjatywa/wniosek_inicjatywa_lokalna.docx",
        "docx",
        (
            "Wniosek o realizację zadania w ramach inicjatywy lokalnej\n"
            "Nazwa zadania\tTermin\tWkład własny\n"
            "Mural na ścianie szczytowej\tczerwiec–lipiec\tpraca społeczna mieszkańców\n"
            "Oświadczam, że dane podane we wniosku są zgodne z prawdą.",
        ),
    ),
    MirrorDocument(
        f"{G}/rewitalizacja/inicjatywa/regulamin_inicjatywy.pdf",
        "pdf",
        (
            "Regulamin inicjatywy lokalnej\n\n"
            "Z wnioskiem może wystąpić grupa co najmniej pięciu mieszkańców Gdyni. Wniosek ocenia komisja "
            "w ciągu trzydziestu dni, biorąc pod uwagę wkład własny i pożytek dla społeczności.",
        ),
    ),
    MirrorDocument(
        f"{G}/lis/raporty/raport_monitoring_gpr_2017_2018.pdf",
        "pdf_running_header",
        (
            "Wprowadzenie\n\n"
            "Raport przedstawia postęp realizacji Gminnego Programu Rewitalizacji w dzielnicach Chylonia, "
            "Oksywie, Obłuże, Witomino i Śródmieście. Wskaźniki zebrano we współpracy z Laboratorium "
            "Innowacji Społecznych.",
            "Wnioski\n\n"
            "Najwięcej przedsięwzięć ukończono na Zielonym Wzgórzu. Rekomendujemy kontynuację programów "
            "aktywizacji zawodowej oraz dalsze wzmacnianie rad dzielnic i organizacji sąsiedzkich.",
        ),
        header="Raport z monitoringu GPR Gdyni 2017–2018",
        footer="– {page} –",
    ),
    MirrorDocument(
        f"{G}/rewitalizacja/fundusz/wniosek_fundusz_sasiedzki_2021.pdf",
        "pdf",
        (
            "Wniosek do Funduszu Sąsiedzkiego 2021\n\n"
            "Fundusz wspiera małe projekty mieszkańców obszarów rewitalizacji do kwoty pięciu tysięcy złotych. "
            "Do wniosku należy dołączyć listę poparcia podpisaną przez sąsiadów.",
        ),
    ),
    MirrorDocument(
        f"{G}/rewitalizacja/pekin/dokumentacja_schody_pekin.pdf",
        "pdf",
        (
            "Dokumentacja remontu schodów na Pekinie\n\n"
            "Zakres prac obejmował wymianę stopni, montaż poręczy i oświetlenia. Roboty zakończono w maju, "
            "a odbiór techniczny odbył się bez zastrzeżeń.",
        ),
    ),
    # File kinds no article links, and hostile files: served at their own URLs.
    MirrorDocument(
        f"{EXTRA}/harmonogram_konsultacji.odt",
        "odt",
        (
            "Harmonogram konsultacji społecznych\n"
            "Termin\tMiejsce\n"
            "12 marca\tDom Sąsiedzki na Zasaniu\n"
            "Zgłoszenia uwag przyjmujemy także pocztą elektroniczną.",
        ),
    ),
    MirrorDocument(
        f"{EXTRA}/budzet_rewitalizacji.xlsx",
        "xlsx",
        (
            "Zadanie\tKwota\nRemont kamienicy przy ul. Grodzkiej\t450000\nPodwórko sąsiedzkie\t120000",
            "Źródło\tUdział\nBudżet gminy\t0.3\nŚrodki unijne\t0.7",
        ),
    ),
    MirrorDocument(
        f"{EXTRA}/lista_obiektow_zabytkowych.xls",
        "xls",
        ("Obiekt\tUlica\tRok budowy\nKamienica mieszczańska\tFranciszkańska 12\t1896\nDawne koszary\tŚląska 3\t1910",),
    ),
    MirrorDocument(
        f"{EXTRA}/wskazniki_rewitalizacji.ods",
        "ods",
        ("Wskaźnik\tWartość\nLiczba uczestników warsztatów\t240\nOdnowione elewacje\t17",),
    ),
    # Word's "save as RTF" under a .doc name, common on municipal sites: the bytes say RTF.
    MirrorDocument(
        f"{EXTRA}/zarzadzenie_prezydenta.doc",
        "rtf",
        (
            "Zarządzenie Prezydenta Miasta w sprawie powołania Komitetu Rewitalizacji\n"
            "Członkowie komitetu pełnią funkcję społecznie: przedstawiciele mieszkańców, przedsiębiorców "
            "i organizacji.",
        ),
    ),
    MirrorDocument(
        f"{EXTRA}/uchwala_rady_miasta.rtf",
        "rtf",
        (
            "Uchwała Rady Miejskiej w sprawie wyznaczenia obszaru zdegradowanego\n"
            "Na podstawie ustawy o rewitalizacji uchwala się, co następuje: źdźbło, łąka, żółć.",
        ),
    ),
    MirrorDocument(
        f"{EXTRA}/protokol_zaszyfrowany.pdf",
        "pdf_encrypted_password",
        ("Protokół poufny.",),
        expected_error="password_protected",
    ),
    MirrorDocument(f"{EXTRA}/uszkodzony.pdf", "pdf_corrupt", expected_error="corrupt"),
    MirrorDocument(f"{EXTRA}/strona_bledu.pdf", "html_as_pdf", expected_error="wrong_type"),
    MirrorDocument(f"{EXTRA}/skany_archiwum.pdf", "oversized_pdf", expected_error="too_large"),
    MirrorDocument(f"{EXTRA}/usuniety_zalacznik.pdf", "missing"),
    MirrorDocument(f"{EXTRA}/wniosek_bomba.docx", "zip_bomb_docx", expected_error="zip_bomb"),
)
