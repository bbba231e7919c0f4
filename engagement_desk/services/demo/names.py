"""Hand-picked names and streets Faker does not give: by birth cohort, region and origin.

Kept as whitespace- or line-separated text so the lists stay readable.
"""

from __future__ import annotations


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


# Given names by the last birth year of a cohort: an 88-year-old is a Gertrud, not a Mia.
FEMALE_BY_COHORT: dict[int, tuple[str, ...]] = {
    1945: words("""
        Gertrud Hildegard Maria Elisabeth Margarete Anna Katharina Gerda Irmgard Helga Ursula
        Ilse Erika Hannelore Liselotte Anneliese Edith Waltraud Christa Inge Marianne Elfriede
        Johanna Theresia Agnes Hedwig Rosemarie Gisela Klara Mathilde Luise Magdalena Adelheid
        Josefine Paula Berta
    """),
    1965: words("""
        Monika Petra Sabine Gabriele Brigitte Renate Karin Barbara Christine Elke Birgit Heike
        Andrea Angelika Ingrid Doris Marion Ute Beate Susanne Martina Rita Annette Gudrun Margret
        Roswitha Jutta Edeltraud Helene Dagmar Cornelia Bärbel Irene Marlies
    """),
    1985: words("""
        Claudia Stefanie Nicole Sandra Anja Tanja Katja Silke Daniela Kerstin Melanie Julia
        Simone Nadine Christina Bianca Manuela Jessica Sonja Yvonne Anke Alexandra Nina Kathrin
        Eva Miriam Verena Judith Carina Sarah
    """),
    2000: words("""
        Laura Lisa Anna Katharina Jana Vanessa Lena Sophie Theresa Franziska Johanna Carolin
        Marie Jennifer Sabrina Jasmin Svenja Melina Annika Leonie Hannah Nele Elena Lea Pia
        Larissa Celina Alina
    """),
    9999: words("""
        Emma Mia Hannah Lea Lina Emilia Marie Sophia Clara Lena Leonie Amelie Maja Johanna Luisa
        Charlotte Ella Greta Ida Paula Frieda Mila Nora Lotta Romy Jule Finja Merle Marlene
    """),
}
MALE_BY_COHORT: dict[int, tuple[str, ...]] = {
    1945: words("""
        Josef Johann Peter Heinrich Wilhelm Karl Hans Franz Hermann Günter Werner Gerhard Walter
        Helmut Kurt Heinz Alfons Matthias Nikolaus Theo Alois Rudolf Willi Ernst Otto Bernhard
        Anton Hubert Erich Manfred Paul Ludwig Alfred Engelbert Leo Konrad Edmund Jakob Aloys
    """),
    1965: words("""
        Michael Thomas Peter Klaus Jürgen Wolfgang Uwe Rainer Bernd Dieter Hans-Peter Karl-Heinz
        Norbert Reinhard Ulrich Frank Joachim Rolf Georg Horst Harald Gerd Hubert Manfred
        Winfried Lothar Herbert Detlef Hans-Josef Edgar
    """),
    1985: words("""
        Andreas Stefan Markus Christian Thorsten Frank Dirk Oliver Jörg Sven Carsten Matthias
        Ralf Holger Jens Marco Daniel Tobias Sebastian Patrick Alexander Marcel Florian Heiko
        Volker Björn Kai Martin Guido
    """),
    2000: words("""
        Jan Philipp Lukas Kevin Dennis Niklas Tim David Maximilian Felix Jonas Fabian Marvin
        Dominik Simon Julian Nico Pascal Benedikt Moritz Johannes Robin Kilian Marc Christoph
        Yannick Hendrik
    """),
    9999: words("""
        Leon Paul Ben Luca Finn Elias Noah Jonas Luis Felix Max Henry Emil Anton Jakob Moritz
        Theo Matteo Liam Milan Jannik Tom Nils Mats Leo Linus Ole Fynn
    """),
}

# Family names frequent in the Eifel; drawn more often than Faker's long tail.
REGIONAL_LAST_NAMES = words("""
    Müller Schmitz Schmitt Thelen Weber Wagner Becker Hoffmann Meyer Schneider Schäfer Koch
    Bauer Klein Wolf Krämer Theis Hansen Jakobs Pauly Reuter Roth Scholtes Schares Thommes
    Wagener Willems Zimmer Weires Lamberty Steffes Kootz Gansen Kaufmann Mayer Fischer
    Schumacher Jung Hahn Lenz Kirsch Mertes Feltes Linden Michels Hermes Berens Bales Arens Esch
    Fuchs Kremer Lorig Neises Pütz Rauen Simon Thiel Hoffmann Schmitz Müller Weber
""")

TOWN_STREETS = lines("""
    Hauptstraße
    Bahnhofstraße
    Trierer Straße
    Bitburger Straße
    Prümer Straße
    Kylltalstraße
    Marktplatz
    Kirchgasse
    Schulstraße
    Am Stadtpark
    Mühlenweg
    Lindenstraße
    Goethestraße
    Schillerstraße
    Beethovenstraße
    Mozartstraße
    Bergstraße
    Gartenstraße
    Rosenweg
    Tulpenweg
    Nelkenweg
    Birkenweg
    Eichenweg
    Buchenweg
    Ahornweg
    Am Sportplatz
    Im Wiesengrund
    Auf der Höhe
    Zur Kyll
    Brunnenstraße
    Burgstraße
    Kapellenweg
    Feldstraße
    Waldstraße
    Sonnenhang
    Ringstraße
    Neustraße
    Alte Poststraße
    Klosterstraße
    Am Weiher
    Römerstraße
    Eifelstraße
    Hochstraße
    Talstraße
    Weinbergstraße
    Am Markt
    Schlossberg
    St.-Peter-Straße
    Hubertusstraße
    Matthiasstraße
    Willibrordstraße
""")
VILLAGE_STREETS = lines("""
    Hauptstraße
    Dorfstraße
    Kirchstraße
    Schulstraße
    Am Bach
    Im Winkel
    Auf dem Berg
    Zum Sportplatz
    Brunnenweg
    Wiesenweg
    Feldweg
    Mühlenweg
    In der Au
    Am Kreuz
    Talstraße
    Bergstraße
    Lindenstraße
    Kapellenstraße
    Am Backes
    Hinterdorf
    Oberdorf
    Unterdorf
    Gartenweg
    Zur Mühle
    Hofstraße
""")
STREET_STEMS = words("""
    Linden Birken Eichen Tannen Kastanien Holunder Flieder Rosen Garten Wiesen Sonnen Berg Tal
    Kirch Schul Post Mühlen Brunnen Burg Wald Feld Acker Hecken Kloster Kreuz
""")
STREET_SUFFIXES = words("straße weg gasse pfad ring")

MOBILE_PREFIXES = words("0151 0152 0157 0159 0160 0162 0170 0171 0172 0175 0176 0177 0178")
MAIL_DOMAINS = (
    ("web.de", 22),
    ("gmx.de", 22),
    ("t-online.de", 18),
    ("gmail.com", 15),
    ("outlook.de", 5),
    ("yahoo.de", 4),
    ("freenet.de", 4),
    ("posteo.de", 3),
    ("icloud.com", 3),
    ("aol.com", 2),
)

# Other origins common in Germany, in German transliteration:
# (given names female, male, family names female, male, mother tongue).
_Names = tuple[str, ...]
LATIN_ORIGINS: dict[str, tuple[_Names, _Names, _Names, _Names, str]] = {
    "russian_german": (
        words("Irina Olga Swetlana Tatjana Natalia Jelena Ljudmila Walentina"),
        words("Waldemar Viktor Alexander Eduard Sergej Andreas Juri Wladimir"),
        words("Friesen Janzen Wiebe Penner Klassen Dyck Reimer Schmidt Becker"),
        words("Friesen Janzen Wiebe Penner Klassen Dyck Reimer Schmidt Becker"),
        "Russisch",
    ),
    "ukrainian": (
        words("Oksana Olena Julija Anastasija Kateryna Natalija Iryna Switlana"),
        words("Oleksandr Mykola Andrij Dmytro Serhij Wolodymyr Taras Bohdan"),
        words("Schewtschenko Kowalenko Bondarenko Tkatschenko Krawtschenko Melnyk Boiko Iwanowa"),
        words("Schewtschenko Kowalenko Bondarenko Tkatschenko Krawtschenko Melnyk Boiko Iwanow"),
        "Ukrainisch",
    ),
    "arabic": (
        words("Fatima Amira Layla Rana Nour Hiba Yasmin Samira Mariam Rasha"),
        words("Ahmad Mohammed Omar Khaled Yousef Bashar Tarek Hassan Mahmoud Ali"),
        words("Al-Masri Haddad Hamdan Khalil Nasser Saleh Darwish Othman Ibrahim Mansour"),
        words("Al-Masri Haddad Hamdan Khalil Nasser Saleh Darwish Othman Ibrahim Mansour"),
        "Arabisch",
    ),
    "greek": (
        words("Eleni Maria Georgia Dimitra Sofia Katerina Anastasia Vasiliki"),
        words("Dimitrios Georgios Konstantinos Nikolaos Ioannis Christos Panagiotis Vasilios"),
        words("Papadopoulou Georgiou Nikolaidou Konstantinidou Ioannou Christodoulou Vlachou"),
        words("Papadopoulos Georgiou Nikolaidis Konstantinidis Ioannou Christodoulou Vlachos"),
        "Griechisch",
    ),
}
# Added to Faker's Turkish names so the letters ş, ğ, ı, ç, ö, ü are common.
TURKISH_FEMALE = words("Ayşe Gülşen Çağla Zeynep Hülya Şule Özlem Emine")
TURKISH_MALE = words("Şükrü Mehmet Ömer Ertuğrul Hüseyin İbrahim Murat Çetin")
TURKISH_LAST = words("Yılmaz Öztürk Çelik Şahin Doğan Aydın Kaya Ağaoğlu Yıldız Arslan Koç Kılıç")
