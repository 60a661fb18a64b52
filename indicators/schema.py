"""The one definition of every table of the framework and its data.

Readers (column recognition, aliases), validators (types, allowed values, keys,
references), storage (SQL tables), export and the downloadable templates all
derive from the `TABLES` below. Change a column here and every layer follows.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

# Value kinds of a column. They drive parsing, validation and the SQL type.
TEXT = "text"        # free text, stored as written
CODE = "code"        # an identifier: kept as a string, stripped, never a number
NUMBER = "number"    # a real number (decimal comma, thousands separators accepted)
INTEGER = "integer"  # a whole number (years, orders, decimals)
PERIOD = "period"    # YYYY, YYYY-Qn or YYYY-MM
CODES = "codes"      # several codes separated by "|"
DATE = "date"        # a day, stored YYYY-MM-DD (31/12/2024 and 31.12.2024 are read too)

CODE_LENGTH = 64     # characters of a code: the SQL column's size, checked before any write
TEXT_LENGTH = 100_000  # characters of one text cell (a note, a definition)

PERIOD_PATTERN = r"^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$"   # ASCII digits only: \d also takes ٢٠٢٤

# Eurostat's flags (DESIGN.md); several letters may combine (`bp`).
FLAGS = {
    "b": {"en": "break in series", "fr": "rupture de série", "nl": "breuk in de reeks"},
    "c": {"en": "confidential", "fr": "confidentiel", "nl": "vertrouwelijk"},
    "d": {"en": "definition differs", "fr": "définition différente", "nl": "definitie wijkt af"},
    "e": {"en": "estimated", "fr": "estimé", "nl": "geschat"},
    "f": {"en": "forecast", "fr": "prévision", "nl": "prognose"},
    "n": {"en": "not significant", "fr": "non significatif", "nl": "niet significant"},
    "p": {"en": "provisional", "fr": "provisoire", "nl": "voorlopig"},
    "r": {"en": "revised", "fr": "révisé", "nl": "herzien"},
    "s": {"en": "Eurostat estimate", "fr": "estimation Eurostat", "nl": "raming van Eurostat"},
    "u": {"en": "low reliability", "fr": "fiabilité faible", "nl": "lage betrouwbaarheid"},
    "z": {"en": "not applicable", "fr": "sans objet", "nl": "niet van toepassing"},
}
FLAG_PATTERN = r"^[" + "".join(FLAGS) + r"]+$"   # one or more known letters


def is_flag(text: str) -> bool:
    """Whether `text` is a flag: known letters only, any case, possibly combined (`bp`)."""
    t = str(text).strip().lower()
    return bool(t) and all(ch in FLAGS for ch in t)
# Cell contents that mean "no value" (never stored as zero), in any case: also those of French and Belgian
# files (`n/d`, `n.c.` non communiqué, INSEE's `s`/`secret` statistical secret; `12 s` stays a flag) and a
# spreadsheet's "not available" (#N/A, and #N/D, #N/B as other languages' spreadsheets write it).
MISSING_MARKERS = ("", ":", "..", "-", "NA", "N/A", "n.d.", "nd", "n/d", "n.a.", "n.c.", "nc", "s", "secret",
                   "#N/A", "#N/D", "#N/B", "NaN")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = TEXT
    required: bool = False
    allowed: tuple[str, ...] | None = None
    aliases: tuple[str, ...] = ()   # French and Dutch names accepted in files
    help_en: str = ""
    help_fr: str = ""
    help_nl: str = ""
    example: str = ""
    references: str | None = None   # table whose key this column holds
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None      # a regular expression every non-empty cell must match (lower-cased)
    pattern_problem: str = "bad_flag"   # the problem a cell not matching `pattern` reports
    upper: bool = False             # the cell is matched and stored upper-cased (2024-S1) instead


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    label_en: str
    label_fr: str
    label_nl: str
    has_history: bool = field(default=True)
    # Columns that tell one version of a row from the next (a target's decision date): rows of one
    # file repeating the key with different values here are successive versions, not duplicates.
    version: tuple[str, ...] = ()
    version_notes: tuple[str, ...] = ()   # belong to one version: a new version does not inherit them

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    def help(self, column: str, lang: str) -> str:
        return getattr(self.column(column), f"help_{lang}", "") or self.column(column).help_en


def _names(prefix: str, required_fr: bool = True, what_en: str = "Name", what_fr: str = "Nom",
           what_nl: str = "Naam", fr_aliases=(), nl_aliases=(), en_aliases=(), example: str = ""):
    """The three language variants of a translated text column."""
    return (
        Column(f"{prefix}_fr", TEXT, required=required_fr, aliases=fr_aliases,
               help_en=f"{what_en} in French", help_fr=f"{what_fr} en français",
               help_nl=f"{what_nl} in het Frans", example=example),
        Column(f"{prefix}_nl", TEXT, aliases=nl_aliases, help_en=f"{what_en} in Dutch",
               help_fr=f"{what_fr} en néerlandais", help_nl=f"{what_nl} in het Nederlands"),
        Column(f"{prefix}_en", TEXT, aliases=en_aliases, help_en=f"{what_en} in English",
               help_fr=f"{what_fr} en anglais", help_nl=f"{what_nl} in het Engels"),
    )


LEVELS = Table(
    "levels",
    (
        Column("level_id", CODE, True, aliases=("niveau", "code_niveau", "niveau_id", "niveau_code"),
               help_en="Code of the priority level", help_fr="Code du niveau prioritaire",
               help_nl="Code van het prioriteitsniveau", example="border"),
        *_names("name", fr_aliases=("nom_fr", "nom", "naam_fr"), nl_aliases=("nom_nl", "naam_nl", "naam"),
                en_aliases=("nom_en", "naam_en"), example="Communes frontalières"),
        Column("order", INTEGER, aliases=("ordre", "volgorde"), help_en="Display order",
               help_fr="Ordre d'affichage", help_nl="Volgorde van weergave", example="1"),
    ),
    key=("level_id",), label_en="Levels", label_fr="Niveaux", label_nl="Niveaus",
)

THEMES = Table(
    "themes",
    (
        Column("theme_id", CODE, True, aliases=("theme", "thème", "code_theme", "thema", "theme_code"),
               help_en="Code of the theme", help_fr="Code de la thématique", help_nl="Code van het thema",
               example="mobility"),
        *_names("name", fr_aliases=("nom_fr", "nom", "naam_fr"), nl_aliases=("nom_nl", "naam_nl", "naam"),
                en_aliases=("nom_en", "naam_en"), example="Mobilité"),
        Column("color", CODE, aliases=("couleur", "kleur"), help_en="Colour as #RRGGBB",
               help_fr="Couleur au format #RRGGBB", help_nl="Kleur als #RRGGBB", example="#1f77b4"),
        Column("order", INTEGER, aliases=("ordre", "volgorde"), help_en="Display order",
               help_fr="Ordre d'affichage", help_nl="Volgorde van weergave", example="1"),
    ),
    key=("theme_id",), label_en="Themes", label_fr="Thématiques", label_nl="Thema's",
)

# Country codes of territories and partners: every ISO 3166-1 alpha-2 code, as babel's territory list
# (CLDR) knows them, and EU for a cross-border body (an EGTC, a Eurometropolis). CLDR's two-letter codes
# that are no ISO 3166-1 country are left out: reserved ones (AC, CP, CQ, DG, EA, IC, TA), groupings (EZ,
# UN, QO) and test codes (XA, XB, ZZ); Kosovo's XK, which Eurostat and Interreg use, is kept. The demo's
# countries first (the order messages and templates list them in), then the others by code.
NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


def _country_codes() -> tuple[str, ...]:
    from babel import Locale

    first = ("FR", "BE", "NL", "LU", "DE", "EU")
    known = {c for c in Locale("en").territories if len(c) == 2 and c.isalpha() and c not in NOT_COUNTRIES}
    return first + tuple(sorted(known - set(first)))


COUNTRIES = _country_codes()

# Kinds of partner institution (DESIGN.md; case-insensitive in files, so `EGTC` reads as `egtc`).
PARTNER_KINDS = ("state", "region", "department", "province", "metropolis", "municipality", "agency", "egtc",
                 "other")

PARTNERS = Table(
    "partners",
    (
        Column("partner_id", CODE, True, aliases=("partenaire", "code_partenaire", "partenaire_id", "partner",
                                                   "partner_code"),
               help_en="Code of the partner institution", help_fr="Code de l'institution partenaire",
               help_nl="Code van de partnerinstelling", example="MEL"),
        *_names("name", fr_aliases=("nom_fr", "nom", "naam_fr"), nl_aliases=("nom_nl", "naam_nl", "naam"),
                en_aliases=("nom_en", "naam_en"), example="Métropole Européenne de Lille"),
        Column("country", CODE, True, allowed=COUNTRIES, aliases=("pays", "land"),
               help_en="Country code, ISO 3166-1 two letters (FR, BE, DE, LU, NL, CH…; EU for a cross-border body)",
               help_fr="Code pays ISO 3166-1 à deux lettres (FR, BE, DE, LU, NL, CH… ; EU pour un organisme "
                       "transfrontalier)",
               help_nl="Landcode, ISO 3166-1 met twee letters (FR, BE, DE, LU, NL, CH…; EU voor een "
                       "grensoverschrijdend orgaan)", example="FR"),
        Column("kind", CODE, allowed=PARTNER_KINDS, aliases=("type_partenaire", "nature", "soort"),
               help_en="state, region, department, province, metropolis, municipality, agency, egtc or other",
               help_fr="state (État), region, department, province, metropolis, municipality (commune), "
                       "agency (agence), egtc (GECT) ou other",
               help_nl="state (Staat), region (gewest), department, province (provincie), metropolis, "
                       "municipality (gemeente), agency (agentschap), egtc (EGTS) of other",
               example="metropolis"),
    ),
    key=("partner_id",), label_en="Partners", label_fr="Partenaires", label_nl="Partners",
)

ACTION_STATUSES = ("planned", "ongoing", "done", "delayed", "cancelled")

ACTIONS = Table(
    "actions",
    (
        Column("action_id", CODE, True, aliases=("action", "code_action", "actie", "actie_id"),
               help_en="Code of the strategic action", help_fr="Code de l'action stratégique",
               help_nl="Code van de strategische actie", example="A01"),
        Column("level_id", CODE, True, aliases=("niveau", "code_niveau", "niveau_id"), references="levels",
               help_en="Priority level of the action", help_fr="Niveau prioritaire de l'action",
               help_nl="Prioriteitsniveau van de actie", example="border"),
        Column("theme_id", CODE, True, aliases=("theme", "thème", "code_theme", "thema"), references="themes",
               help_en="Theme of the action", help_fr="Thématique de l'action",
               help_nl="Thema van de actie", example="mobility"),
        *_names("title", what_en="Title", what_fr="Intitulé", what_nl="Titel",
                fr_aliases=("titre_fr", "intitule_fr", "intitulé_fr", "titre", "titel_fr"),
                nl_aliases=("titre_nl", "titel_nl", "titel"), en_aliases=("titre_en", "titel_en"),
                example="Relier les réseaux cyclables de part et d'autre de la frontière"),
        *_names("description", required_fr=False, what_en="Description", what_fr="Description",
                what_nl="Beschrijving", nl_aliases=("beschrijving_nl", "beschrijving")),
        Column("lead", TEXT, aliases=("pilote", "chef_de_file", "trekker"),
               help_en="Lead partner(s): partner codes separated by |",
               help_fr="Partenaire(s) pilote(s) : codes partenaires séparés par |",
               help_nl="Trekkende partner(s): partnercodes gescheiden door |", example="MEL|LEIEDAL"),
        Column("status", CODE, allowed=ACTION_STATUSES, aliases=("statut", "etat", "état"),
               help_en="planned, ongoing, done, delayed or cancelled",
               help_fr="planned (prévue), ongoing (en cours), done (réalisée), delayed (retardée) ou cancelled (annulée)",
               help_nl="planned (gepland), ongoing (lopend), done (afgerond), delayed (vertraagd) of cancelled (geannuleerd)",
               example="ongoing"),
        Column("start_year", INTEGER, aliases=("annee_debut", "année_début", "debut", "startjaar"),
               help_en="First year", help_fr="Année de début", help_nl="Beginjaar", example="2022",
               minimum=1900, maximum=2100),
        Column("end_year", INTEGER, aliases=("annee_fin", "année_fin", "fin", "eindjaar"),
               help_en="Last year", help_fr="Année de fin", help_nl="Eindjaar", example="2030",
               minimum=1900, maximum=2100),
    ),
    key=("action_id",), label_en="Strategic actions", label_fr="Actions stratégiques",
    label_nl="Strategische acties",
)

INDICATOR_TYPES = ("context", "output", "result")
AGGREGATIONS = ("sum", "mean", "none")
COMPARABILITY = ("harmonised", "partial", "not_comparable")
DIRECTIONS = ("increase", "decrease")
PERIODICITIES = ("annual", "quarterly", "monthly", "multiannual")

INDICATORS = Table(
    "indicators",
    (
        Column("indicator_id", CODE, True, aliases=("indicateur", "code_indicateur", "indicateur_id", "indicator",
                                                     "indicator_code", "indicatorcode"),
               help_en="Code of the indicator", help_fr="Code de l'indicateur", help_nl="Code van de indicator",
               example="MOB01"),
        Column("action_id", CODE, True, aliases=("action", "code_action", "actie", "actie_id"), references="actions",
               help_en="Strategic action the indicator follows", help_fr="Action stratégique suivie",
               help_nl="Gevolgde strategische actie", example="A01"),
        *_names("name", fr_aliases=("nom_fr", "libelle_fr", "libellé_fr", "nom", "libelle", "libellé"),
                nl_aliases=("nom_nl", "naam_nl", "naam"), en_aliases=("nom_en", "naam_en"),
                example="Part modale du vélo"),
        Column("unit", TEXT, True, aliases=("unite", "unité", "eenheid"), help_en="Unit (%, km, persons, EUR…)",
               help_fr="Unité (%, km, personnes, EUR…)", help_nl="Eenheid (%, km, personen, EUR…)", example="%"),
        *(Column(f"unit_{lang}", TEXT, False, aliases=(f"unite_{lang}", f"unité_{lang}", f"eenheid_{lang}"),
                 help_en=f"The unit as {word[0]} writes it (a unit of the product's list needs none)",
                 help_fr=f"L'unité écrite en {word[1]} (inutile pour une unité de la liste du produit)",
                 help_nl=f"De eenheid in het {word[2]} (niet nodig voor een eenheid uit de lijst van het product)",
                 example=example)
          for lang, word, example in (("fr", ("French", "français", "Frans"), "cyclistes/jour"),
                                      ("nl", ("Dutch", "néerlandais", "Nederlands"), "fietsers/dag"),
                                      ("en", ("English", "anglais", "Engels"), "cyclists/day"))),
        Column("direction", CODE, True, allowed=DIRECTIONS, aliases=("sens", "richting"),
               help_en="increase if a higher value is better, decrease if a lower value is better",
               help_fr="increase si une valeur plus haute est meilleure, decrease si plus basse",
               help_nl="increase als een hogere waarde beter is, decrease als een lagere waarde beter is",
               example="increase"),
        Column("type", CODE, allowed=INDICATOR_TYPES, aliases=("type_indicateur", "soort"),
               help_en="context, output or result", help_fr="context (contexte), output (réalisation) ou result (résultat)",
               help_nl="context, output (realisatie) of result (resultaat)", example="result"),
        Column("code", CODE, aliases=("code_commun", "code_interreg"), help_en="Common indicator code (e.g. RCO87)",
               help_fr="Code d'indicateur commun (ex. RCO87)", help_nl="Code gemeenschappelijke indicator (bv. RCO87)",
               example="RCR84"),
        Column("aggregation", CODE, allowed=AGGREGATIONS, aliases=("agregation", "agrégation", "aggregatie"),
               help_en="How territories add up: sum, mean or none", help_fr="Agrégation des territoires : sum, mean ou none",
               help_nl="Aggregatie van gebieden: sum, mean of none", example="sum"),
        Column("decimals", INTEGER, aliases=("decimales", "décimales", "decimalen"), minimum=0, maximum=6,
               help_en="Decimals to display", help_fr="Nombre de décimales affichées", help_nl="Aantal decimalen",
               example="1"),
        Column("source", TEXT, aliases=("bron",), help_en="Data source", help_fr="Source des données",
               help_nl="Gegevensbron", example="INSEE, Statbel"),
        *_names("definition", required_fr=False, what_en="Definition", what_fr="Définition", what_nl="Definitie",
                fr_aliases=("définition_fr",), nl_aliases=("definitie_nl", "definitie")),
        Column("comparability", CODE, allowed=COMPARABILITY, aliases=("comparabilite", "comparabilité",
                                                                       "vergelijkbaarheid"),
               help_en="Comparability across the border: harmonised, partial or not_comparable",
               help_fr="Comparabilité de part et d'autre de la frontière : harmonised, partial ou not_comparable",
               help_nl="Vergelijkbaarheid over de grens: harmonised, partial of not_comparable", example="partial"),
        Column("owner", TEXT, aliases=("referent", "référent", "responsable", "eigenaar"),
               help_en="Partner(s) that supply the data: partner codes separated by |",
               help_fr="Partenaire(s) qui fournissent la donnée : codes partenaires séparés par |",
               help_nl="Partner(s) die de gegevens leveren: partnercodes gescheiden door |", example="ADULM"),
        Column("periodicity", CODE, allowed=PERIODICITIES, aliases=("periodicite", "périodicité", "periodiciteit"),
               help_en="annual, quarterly, monthly or multiannual", help_fr="annual, quarterly, monthly ou multiannual",
               help_nl="annual, quarterly, monthly of multiannual", example="annual"),
    ),
    key=("indicator_id",), label_en="Indicators", label_fr="Indicateurs", label_nl="Indicatoren",
)

TERRITORY_KINDS = ("commune", "epci", "arrondissement", "province", "department", "region", "nuts3", "custom")

TERRITORIES = Table(
    "territories",
    (
        Column("territory_id", CODE, True, aliases=("territoire", "code_territoire", "code_geo", "codgeo",
                                                     "code_insee", "nis", "code_nis", "nis_code", "gebied",
                                                     "gebied_id", "territory"),
               help_en="Code of the territory (INSEE, NIS, NUTS…)", help_fr="Code du territoire (INSEE, INS, NUTS…)",
               help_nl="Code van het gebied (NIS, INSEE, NUTS…)", example="59350"),
        *_names("name", fr_aliases=("nom_fr", "nom", "libelle", "libellé"), nl_aliases=("nom_nl", "naam_nl", "naam"),
                en_aliases=("nom_en", "naam_en"), example="Lille"),
        Column("country", CODE, True, allowed=COUNTRIES, aliases=("pays", "land"),
               help_en="Country code, ISO 3166-1 two letters (FR, BE, DE, LU, NL, CH…; EU for a cross-border "
                       "territory)",
               help_fr="Code pays ISO 3166-1 à deux lettres (FR, BE, DE, LU, NL, CH… ; EU pour un territoire "
                       "transfrontalier)",
               help_nl="Landcode, ISO 3166-1 met twee letters (FR, BE, DE, LU, NL, CH…; EU voor een "
                       "grensoverschrijdend gebied)", example="FR"),
        Column("kind", CODE, allowed=TERRITORY_KINDS, aliases=("type_territoire", "echelon", "échelon", "soort"),
               help_en="commune, epci, arrondissement, province, department, region, nuts3 or custom",
               help_fr="commune, epci, arrondissement, province, department, region, nuts3 ou custom",
               help_nl="commune (gemeente), epci, arrondissement, province, department, region, nuts3 of custom",
               example="commune"),
        Column("parent_id", CODE, aliases=("parent", "code_parent", "ouder"), references="territories",
               help_en="Code of the enclosing territory", help_fr="Code du territoire englobant",
               help_nl="Code van het omvattende gebied", example="200093201"),
        Column("levels", CODES, aliases=("niveaux", "niveaus"), references="levels",
               help_en="Level codes separated by |", help_fr="Codes des niveaux séparés par |",
               help_nl="Niveaucodes gescheiden door |", example="border|metropolis"),
        Column("lat", NUMBER, aliases=("latitude", "breedtegraad"), minimum=-90, maximum=90,
               help_en="Latitude (WGS84)", help_fr="Latitude (WGS84)", help_nl="Breedtegraad (WGS84)", example="50,633"),
        Column("lon", NUMBER, aliases=("longitude", "lengtegraad", "lng"), minimum=-180, maximum=180,
               help_en="Longitude (WGS84)", help_fr="Longitude (WGS84)", help_nl="Lengtegraad (WGS84)", example="3,059"),
        Column("population", NUMBER, aliases=("bevolking", "inwoners"), minimum=0,
               help_en="Population", help_fr="Population", help_nl="Bevolking", example="236710"),
        Column("replaced_by", CODE, aliases=("remplace_par", "remplacé_par", "vervangen_door"),
               references="territories",
               help_en="Code of the successor after a code change", help_fr="Code du successeur après un changement de code",
               help_nl="Code van de opvolger na een codewijziging", example="57096"),
        Column("valid_to", INTEGER, aliases=("valide_jusqu_a", "fin_validite", "geldig_tot"), minimum=1900, maximum=2100,
               help_en="Last year the code was valid", help_fr="Dernière année de validité du code",
               help_nl="Laatste jaar waarin de code geldig was", example="2018"),
    ),
    key=("territory_id",), label_en="Territories", label_fr="Territoires", label_nl="Gebieden",
)

TARGETS = Table(
    "targets",
    (
        Column("indicator_id", CODE, True, aliases=("indicateur", "code_indicateur", "indicator"), references="indicators",
               help_en="Indicator", help_fr="Indicateur", help_nl="Indicator", example="MOB01"),
        Column("territory_id", CODE, True, aliases=("territoire", "code_territoire", "code_geo", "gebied"),
               references="territories", help_en="Territory", help_fr="Territoire", help_nl="Gebied",
               example="200093201"),
        Column("baseline_period", PERIOD, True, aliases=("periode_reference", "période_référence", "annee_reference",
                                                         "referentieperiode"),
               help_en="Period of the baseline", help_fr="Période de la valeur de référence",
               help_nl="Periode van de referentiewaarde", example="2018"),
        Column("baseline_value", NUMBER, True, aliases=("valeur_reference", "valeur_référence", "referentiewaarde"),
               help_en="Baseline value", help_fr="Valeur de référence", help_nl="Referentiewaarde", example="2,1"),
        Column("target_period", PERIOD, True, aliases=("periode_cible", "période_cible", "annee_cible", "doelperiode"),
               help_en="Period of the target", help_fr="Période de la cible", help_nl="Periode van de streefwaarde",
               example="2030"),
        Column("target_value", NUMBER, True, aliases=("valeur_cible", "cible", "streefwaarde"),
               help_en="Target value", help_fr="Valeur cible", help_nl="Streefwaarde", example="8"),
        Column("milestone_period", PERIOD, aliases=("periode_jalon", "période_jalon", "tussenperiode"),
               help_en="Period of the milestone", help_fr="Période du jalon", help_nl="Periode van de mijlpaal",
               example="2027"),
        Column("milestone_value", NUMBER, aliases=("valeur_jalon", "jalon", "mijlpaal"),
               help_en="Milestone value", help_fr="Valeur du jalon", help_nl="Waarde van de mijlpaal", example="5"),
        Column("note", TEXT, aliases=("commentaire", "opmerking"), help_en="Note", help_fr="Commentaire",
               help_nl="Opmerking"),
        Column("decided_on", DATE, aliases=("date_decision", "date_de_decision", "decide_le", "décidé_le",
                                            "decision", "décision", "besloten_op", "beslisdatum", "beslissing"),
               help_en="Date the target was decided (a later row is a revision)",
               help_fr="Date de décision de la cible (une ligne plus récente est une révision)",
               help_nl="Datum van het besluit over de streefwaarde (een latere rij is een herziening)",
               example="2024-03-15"),
        Column("reason", TEXT, aliases=("motif", "raison", "motif_revision", "reden", "motivering"),
               help_en="Why the target was set or revised", help_fr="Motif de la cible ou de sa révision",
               help_nl="Reden van de streefwaarde of de herziening"),
    ),
    key=("indicator_id", "territory_id"), label_en="Targets", label_fr="Cibles", label_nl="Streefwaarden",
    version=("decided_on",), version_notes=("reason",),
)

OBSERVATIONS = Table(
    "observations",
    (
        Column("indicator_id", CODE, True, aliases=("indicateur", "code_indicateur", "indicator"), references="indicators",
               help_en="Indicator", help_fr="Indicateur", help_nl="Indicator", example="MOB01"),
        Column("territory_id", CODE, True, aliases=("territoire", "code_territoire", "code_geo", "codgeo", "gebied"),
               references="territories", help_en="Territory", help_fr="Territoire", help_nl="Gebied",
               example="59350"),
        Column("period", PERIOD, True, aliases=("periode", "période", "annee", "année", "periode_nl", "jaar"),
               help_en="YYYY, YYYY-Qn or YYYY-MM", help_fr="AAAA, AAAA-Tn (écrire AAAA-Qn) ou AAAA-MM",
               help_nl="JJJJ, JJJJ-Qn of JJJJ-MM", example="2023"),
        Column("value", NUMBER, True, aliases=("valeur", "waarde"),
               help_en="The number; empty, ':' or 'NA' for no value; a flag may follow (43300 p)",
               help_fr="Le nombre ; vide, « : » ou « NA » si pas de valeur ; un indicateur peut suivre (43300 p)",
               help_nl="Het getal; leeg, ':' of 'NA' als er geen waarde is; een vlag mag volgen (43300 p)",
               example="12,5"),
        Column("flag", CODE, pattern=FLAG_PATTERN, aliases=("indicateur_qualite", "statut", "vlag"),
               help_en="Eurostat's flags: p provisional, e estimated, b break, c confidential, u low reliability, "
                       "d, f, n, r, s, z; letters may combine (bp)",
               help_fr="Indicateurs d'Eurostat : p provisoire, e estimé, b rupture, c confidentiel, "
                       "u fiabilité faible, d, f, n, r, s, z ; les lettres peuvent se combiner (bp)",
               help_nl="Vlaggen van Eurostat: p voorlopig, e geschat, b breuk, c vertrouwelijk, "
                       "u lage betrouwbaarheid, d, f, n, r, s, z; letters mogen samen staan (bp)", example="p"),
        Column("note", TEXT, aliases=("commentaire", "opmerking"), help_en="Note", help_fr="Commentaire",
               help_nl="Opmerking"),
        Column("source", TEXT, aliases=("bron",), help_en="Source of this value", help_fr="Source de la valeur",
               help_nl="Bron van deze waarde"),
    ),
    key=("indicator_id", "territory_id", "period"), label_en="Observations", label_fr="Observations",
    label_nl="Waarnemingen",
)

FLOWS = Table(
    "flows",
    (
        Column("indicator_id", CODE, True, aliases=("indicateur", "code_indicateur", "indicator"), references="indicators",
               help_en="Indicator", help_fr="Indicateur", help_nl="Indicator", example="MOB10"),
        Column("origin_id", CODE, True, aliases=("origine", "code_origine", "herkomst"), references="territories",
               help_en="Territory of origin", help_fr="Territoire d'origine", help_nl="Gebied van herkomst",
               example="200093201"),
        Column("destination_id", CODE, True, aliases=("destination", "code_destination", "bestemming"),
               references="territories", help_en="Territory of destination", help_fr="Territoire de destination",
               help_nl="Gebied van bestemming", example="BE254"),
        Column("period", PERIOD, True, aliases=("periode", "période", "annee", "année", "jaar"),
               help_en="YYYY, YYYY-Qn or YYYY-MM", help_fr="AAAA, AAAA-Qn ou AAAA-MM", help_nl="JJJJ, JJJJ-Qn of JJJJ-MM",
               example="2021"),
        Column("value", NUMBER, True, aliases=("valeur", "waarde"), help_en="The number", help_fr="Le nombre",
               help_nl="Het getal", example="10500"),
        Column("flag", CODE, pattern=FLAG_PATTERN, aliases=("vlag",), help_en="Quality flag",
               help_fr="Indicateur de qualité", help_nl="Kwaliteitsvlag"),
        Column("note", TEXT, aliases=("commentaire", "opmerking"), help_en="Note", help_fr="Commentaire",
               help_nl="Opmerking"),
    ),
    key=("indicator_id", "origin_id", "destination_id", "period"), label_en="Flows", label_fr="Flux",
    label_nl="Stromen",
)

SEMESTER_PATTERN = r"^[0-9]{4}(-S[12])?$"   # YYYY-S1, YYYY-S2 or YYYY

from .languages import LANGUAGE_PATTERN  # noqa: E402  (the languages an update may be written in)

ACTION_UPDATES = Table(
    "action_updates",
    (
        Column("action_id", CODE, True, aliases=("action", "code_action", "actie", "actie_id"), references="actions",
               help_en="The action the update is about", help_fr="Action concernée", help_nl="Betrokken actie",
               example="A01"),
        Column("period", CODE, True, aliases=("periode", "période", "semestre", "semester"),
               pattern=SEMESTER_PATTERN, pattern_problem="bad_semester", upper=True,
               help_en="YYYY-S1, YYYY-S2 or YYYY", help_fr="AAAA-S1, AAAA-S2 ou AAAA",
               help_nl="JJJJ-S1, JJJJ-S2 of JJJJ", example="2025-S1"),
        Column("implementation", CODE, True, allowed=ACTION_STATUSES,
               aliases=("etat_avancement", "état_avancement", "avancement", "uitvoering"),
               help_en="planned, ongoing, done, delayed or cancelled",
               help_fr="planned (prévue), ongoing (en cours), done (réalisée), delayed (retardée) ou cancelled (annulée)",
               help_nl="planned (gepland), ongoing (lopend), done (afgerond), delayed (vertraagd) of cancelled (geannuleerd)",
               example="ongoing"),
        Column("text", TEXT, True, aliases=("texte", "realisations", "réalisations", "tekst"),
               help_en="What was done this period", help_fr="Ce qui a été réalisé sur la période",
               help_nl="Wat deze periode gedaan is", example="Deux tronçons de la vallée de la Lys ouverts."),
        # Any language a partner writes in (a German-speaking partner's `de`), stored as written.
        Column("lang", CODE, aliases=("langue", "taal"), pattern=LANGUAGE_PATTERN, pattern_problem="bad_lang",
               help_en="Language of the texts: its two-letter ISO 639-1 code (fr, nl, en, de, lb…)",
               help_fr="Langue des textes : son code ISO 639-1 à deux lettres (fr, nl, en, de, lb…)",
               help_nl="Taal van de teksten: de ISO 639-1-code van twee letters (fr, nl, en, de, lb…)",
               example="fr"),
        Column("next_steps", TEXT, aliases=("prochaines_etapes", "prochaines_étapes", "volgende_stappen"),
               help_en="Next steps", help_fr="Prochaines étapes", help_nl="Volgende stappen"),
        Column("risks", TEXT, aliases=("risques", "risico_s", "risico's"), help_en="Risks", help_fr="Risques",
               help_nl="Risico's"),
        Column("author", TEXT, aliases=("auteur", "redacteur", "rédacteur"), help_en="Who wrote it",
               help_fr="Rédigé par", help_nl="Geschreven door"),
        Column("partner_id", CODE, aliases=("partenaire", "code_partenaire"),
               help_en="The partner writing (a partner code)", help_fr="Partenaire rédacteur (code partenaire)",
               help_nl="Schrijvende partner (partnercode)", example="MEL"),
    ),
    key=("action_id", "period"), label_en="Action updates", label_fr="Points d'avancement",
    label_nl="Voortgangsrapporten",
)

# Column names that mean one thing in every table take the same aliases in every table: `naam_fr` names
# `name_fr` in a territories file as in a levels file, `codgeo` the territory in targets as in observations.
# A name meaning different things (a partner's `kind` is not a territory's) keeps each table's own.
_OWN_ALIASES = ("kind",)


def _shared_aliases(tables: tuple[Table, ...]) -> tuple[Table, ...]:
    shared: dict[str, tuple[str, ...]] = {}
    for t in tables:
        for c in t.columns:
            shared[c.name] = tuple(dict.fromkeys(shared.get(c.name, ()) + c.aliases))
    return tuple(replace(t, columns=tuple(c if c.name in _OWN_ALIASES else replace(c, aliases=shared[c.name])
                                          for c in t.columns)) for t in tables)


(LEVELS, THEMES, PARTNERS, ACTIONS, INDICATORS, TERRITORIES, TARGETS, OBSERVATIONS, FLOWS,
 ACTION_UPDATES) = _shared_aliases((LEVELS, THEMES, PARTNERS, ACTIONS, INDICATORS, TERRITORIES, TARGETS, OBSERVATIONS,
                                    FLOWS, ACTION_UPDATES))
# Import order: a table comes after the tables it references.
TABLES: dict[str, Table] = {t.name: t for t in (LEVELS, THEMES, PARTNERS, ACTIONS, INDICATORS, TERRITORIES, TARGETS,
                                                 OBSERVATIONS, FLOWS, ACTION_UPDATES)}
FRAMEWORK_TABLES = ("levels", "themes", "partners", "actions", "indicators", "territories")
DATA_TABLES = ("targets", "observations", "flows", "action_updates")


def normalise_header(name: str) -> str:
    """Case-, accent-insensitive form of a column header, for matching aliases."""
    import unicodedata

    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii")
    text = text.strip().lower().replace("\ufeff", "")
    for ch in " -./'’":
        text = text.replace(ch, "_")
    while "__" in text:
        text = text.replace("__", "_")
    return text.strip("_")


def alias_map(table: Table) -> dict[str, str]:
    """Normalised header → canonical column name, for one table."""
    out: dict[str, str] = {}
    for col in table.columns:
        for alias in col.aliases:
            out.setdefault(normalise_header(alias), col.name)
    for col in table.columns:  # canonical names win over aliases
        out[normalise_header(col.name)] = col.name
    return out


def match_columns(table: Table, headers: list[str]) -> dict[str, str]:
    """Header as written → canonical column, for the headers that name a column of `table`."""
    amap = alias_map(table)
    mapping: dict[str, str] = {}
    for header in headers:
        canonical = amap.get(normalise_header(header))
        if canonical and canonical not in mapping.values():
            mapping[header] = canonical
    return mapping


def recognise(headers: list[str]) -> tuple[str | None, dict[str, str]]:
    """Which table a header row belongs to, and the mapping header → column.

    The table whose required columns are all present wins; among the others,
    the one with the fewest required columns missing, then the most matched.
    """
    best: tuple[tuple[int, int, int], str | None, dict[str, str]] = ((-1, 0, 0), None, {})
    for table in TABLES.values():
        mapping = match_columns(table, headers)
        found = set(mapping.values())
        covered = sum(1 for r in table.required if r in found)
        missing = len(table.required) - covered
        score = (1 if missing == 0 else 0, -missing, len(found))
        if covered and score > best[0]:
            best = (score, table.name, mapping)
    return best[1], best[2]
