#!/usr/bin/env python3
"""Generate the demo framework and data of the Cross-Border Cooperation Monitor.

Run from anywhere:  python data/demo/generate.py

Writes, next to this file, the eight tables of indicators/schema.py as CSV (UTF-8 without
BOM, comma separator, "." decimal, canonical header in the schema's order, codes as strings):
levels, themes, actions, indicators, territories, targets, observations, flows.

Deterministic: one seeded numpy generator, consumed in a fixed order; two runs give
byte-identical files. The script ends with a self-check (counts, keys, references, allowed
values, ranges, target sides, progress statuses) and exits non-zero if anything is broken.

The figures are ILLUSTRATIVE demo figures, except the anchors on published figures listed in
README.md (INSEE commuter counts, Eurostat GDP per inhabitant, ARCEP broadband coverage,
INSEE and Statbel populations). Territory codes, names, coordinates and populations are real.
"""
from __future__ import annotations

import csv
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import zlib

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED = 20250611


def rng_for(label: str) -> np.random.Generator:
    """A generator per indicator or block, so that editing one leaves the others' figures unchanged."""
    return np.random.default_rng([SEED, zlib.crc32(label.encode("utf-8"))])

YEARS = list(range(2014, 2026))          # observation span
TARGET_PERIOD, MILESTONE_PERIOD = 2030, 2027

# Canonical columns, in the order of indicators/schema.py (checked against it at the end).
COLUMNS: dict[str, list[str]] = {
    "levels": ["level_id", "name_fr", "name_nl", "name_en", "order"],
    "themes": ["theme_id", "name_fr", "name_nl", "name_en", "color", "order"],
    "partners": ["partner_id", "name_fr", "name_nl", "name_en", "country", "kind"],
    "actions": ["action_id", "level_id", "theme_id", "title_fr", "title_nl", "title_en", "description_fr",
                "description_nl", "description_en", "lead", "status", "start_year", "end_year"],
    "indicators": ["indicator_id", "action_id", "name_fr", "name_nl", "name_en", "unit", "unit_fr", "unit_nl",
                   "unit_en", "direction", "type",
                   "code", "aggregation", "decimals", "source", "definition_fr", "definition_nl",
                   "definition_en", "comparability", "owner", "periodicity"],
    "territories": ["territory_id", "name_fr", "name_nl", "name_en", "country", "kind", "parent_id", "levels",
                    "lat", "lon", "population", "replaced_by", "valid_to"],
    "targets": ["indicator_id", "territory_id", "baseline_period", "baseline_value", "target_period",
                "target_value", "milestone_period", "milestone_value", "note", "decided_on", "reason"],
    "observations": ["indicator_id", "territory_id", "period", "value", "flag", "note", "source"],
    "flows": ["indicator_id", "origin_id", "destination_id", "period", "value", "flag", "note"],
    "action_updates": ["action_id", "period", "implementation", "text", "lang", "next_steps", "risks", "author",
                       "partner_id"],
}

# =============================================================================== levels, themes

LEVELS = [
    ("border", "Communes frontalières (des deux côtés de la frontière)",
     "Grensgemeenten (aan beide kanten van de grens)", "Border municipalities (both sides of the border)", 1),
    ("metropolis", "Métropole lilloise et Eurométropole Lille-Kortrijk-Tournai",
     "Metropool Rijsel en Eurometropool Lille-Kortrijk-Tournai",
     "Lille Metropolis and the Eurometropolis Lille-Kortrijk-Tournai", 2),
    ("euroregion", "Eurorégion et littoral (Flandre-Occidentale, Dunkerque, Westhoek)",
     "Euregio en kust (West-Vlaanderen, Duinkerke, Westhoek)",
     "Euroregion including the coast (West Flanders, Dunkirk, Westhoek)", 3),
    ("brussels", "Relation intermétropolitaine Lille–Bruxelles", "Intermetropolitane relatie Rijsel–Brussel",
     "Lille–Brussels inter-metropolitan relationship", 4),
]

# Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
THEMES = [
    ("mobility", "Mobilité", "Mobiliteit", "Mobility", "#0072B2", 1),
    ("citizenship", "Citoyenneté et langues", "Burgerschap en talen", "Citizenship and languages", "#CC79A7", 2),
    ("economy", "Économie et emploi", "Economie en werk", "Economy and jobs", "#E69F00", 3),
    ("climate", "Climat et environnement", "Klimaat en milieu", "Climate and environment", "#009E73", 4),
    ("quality_of_life", "Qualité de vie et santé", "Levenskwaliteit en gezondheid", "Quality of life and health",
     "#D55E00", 5),
]

# =============================================================================== partners
# The real institutions behind the demo's actions, both sides of the border:
# (id, name fr, name nl, name en, country, kind, names used in the action and indicator texts)
PARTNERS = [
    ("MEL", "Métropole Européenne de Lille", "Europese Metropool Rijsel", "European Metropolis of Lille", "FR",
     "metropolis", ("MEL",)),
    ("EUROMETROPOLE", "Eurométropole Lille-Kortrijk-Tournai (GECT)", "Eurometropool Lille-Kortrijk-Tournai (EGTS)",
     "Eurometropolis Lille-Kortrijk-Tournai (EGTC)", "EU", "egtc", ("Eurometropolis",)),
    ("ADULM", "Agence de développement et d'urbanisme de Lille Métropole", "Ontwikkelings- en stedenbouwagentschap "
     "Rijsel Metropool", "Lille Metropolis development and planning agency", "FR", "agency", ("ADULM",)),
    ("MOT", "Mission Opérationnelle Transfrontalière", "Mission Opérationnelle Transfrontalière",
     "Transfrontier Operational Mission", "FR", "agency", ("MOT",)),
    ("REGION_HDF", "Région Hauts-de-France", "Regio Hauts-de-France", "Hauts-de-France Region", "FR", "region",
     ("Région Hauts-de-France",)),
    ("DEPT_NORD", "Département du Nord", "Departement Nord", "Nord Department", "FR", "department", ()),
    ("CUD", "Communauté urbaine de Dunkerque", "Stedelijke gemeenschap Duinkerke", "Dunkirk Urban Community", "FR",
     "metropolis", ("CU de Dunkerque",)),
    ("CCFI", "Cœur de Flandre agglo", "Cœur de Flandre agglo", "Cœur de Flandre agglomeration", "FR",
     "municipality", ("Cœur de Flandre agglo",)),
    ("RECTORAT_LILLE", "Rectorat de l'académie de Lille", "Rectoraat van de academie Rijsel",
     "Lille education authority", "FR", "state", ("Rectorat de Lille",)),
    ("FRANCE_TRAVAIL", "France Travail", "France Travail", "France Travail", "FR", "state", ("France Travail",)),
    ("ARS_HDF", "Agence régionale de santé Hauts-de-France", "Regionaal gezondheidsagentschap Hauts-de-France",
     "Hauts-de-France regional health agency", "FR", "state", ("ARS Hauts-de-France",)),
    ("CPAM", "Caisse primaire d'assurance maladie", "Primaire ziekteverzekeringskas", "Primary health insurance fund",
     "FR", "agency", ("CPAM",)),
    ("SNCF", "SNCF Voyageurs", "SNCF Voyageurs", "SNCF Voyageurs", "FR", "agency", ("SNCF",)),
    ("ATMO_HDF", "Atmo Hauts-de-France", "Atmo Hauts-de-France", "Atmo Hauts-de-France", "FR", "agency",
     ("Atmo Hauts-de-France",)),
    ("AEAP", "Agence de l'eau Artois-Picardie", "Waterbeheeragentschap Artois-Picardie",
     "Artois-Picardie water agency", "FR", "state", ("Agence de l'eau Artois-Picardie",)),
    ("ULILLE", "Université de Lille", "Universiteit van Rijsel", "University of Lille", "FR", "agency",
     ("Université de Lille",)),
    ("HELLO_LILLE", "Hello Lille", "Hello Lille", "Hello Lille", "FR", "agency", ("Hello Lille",)),
    ("PROV_WVL", "Province de Flandre-Occidentale", "Provincie West-Vlaanderen", "Province of West Flanders", "BE",
     "province", ("Provincie West-Vlaanderen",)),
    ("PROV_HAINAUT", "Province de Hainaut", "Provincie Henegouwen", "Province of Hainaut", "BE", "province", ()),
    ("LEIEDAL", "Intercommunale Leiedal", "Intercommunale Leiedal", "Leiedal intermunicipal company", "BE",
     "agency", ("Intercommunale Leiedal",)),
    ("IDETA", "IDETA (agence de développement territorial)", "IDETA (agentschap voor territoriale ontwikkeling)",
     "IDETA (territorial development agency)", "BE", "agency", ("IDETA",)),
    ("WAPI", "Wallonie Picarde (Conférence des bourgmestres)", "Wallonie Picarde (Conferentie van burgemeesters)",
     "Wallonie Picarde (conference of mayors)", "BE", "municipality", ("Wallonie Picarde",)),
    ("SNCB", "SNCB", "NMBS", "SNCB/NMBS (Belgian railways)", "BE", "agency", ("SNCB",)),
    ("DE_LIJN", "De Lijn", "De Lijn", "De Lijn", "BE", "agency", ("De Lijn",)),
    ("TEC", "TEC", "TEC", "TEC", "BE", "agency", ("TEC",)),
    ("ONDERWIJS_VL", "Enseignement flamand", "Onderwijs Vlaanderen", "Flemish education department", "BE", "state",
     ("Onderwijs Vlaanderen",)),
    ("VDAB", "VDAB", "VDAB", "VDAB (Flemish employment service)", "BE", "agency", ("VDAB",)),
    ("FOREM", "Le Forem", "Le Forem", "Le Forem (Walloon employment service)", "BE", "agency", ("Le Forem",)),
    ("INAMI", "INAMI", "RIZIV", "INAMI-RIZIV (health insurance institute)", "BE", "state", ("INAMI-RIZIV",)),
    ("IRCEL", "CELINE (Cellule interrégionale de l'environnement)",
     "IRCEL (Intergewestelijke Cel voor het Leefmilieu)", "IRCEL-CELINE (interregional environment unit)", "BE", "agency",
     ("IRCEL-CELINE",)),
    ("VMM", "Société flamande de l'environnement (VMM)", "Vlaamse Milieumaatschappij", "Flanders Environment Agency",
     "BE", "agency", ("VMM",)),
    ("WESTTOER", "Westtoer", "Westtoer", "Westtoer (West Flanders tourism)", "BE", "agency", ("Westtoer",)),
    ("HUB_BRUSSELS", "hub.brussels", "hub.brussels", "hub.brussels", "BE", "agency", ("hub.brussels",)),
    ("REGION_BXL", "Région de Bruxelles-Capitale", "Brussels Hoofdstedelijk Gewest", "Brussels-Capital Region", "BE",
     "region", ("Région de Bruxelles-Capitale",)),
    ("BXL_ENV", "Bruxelles Environnement", "Leefmilieu Brussel", "Brussels Environment", "BE", "agency",
     ("Bruxelles Environnement",)),
    ("VISIT_BRUSSELS", "visit.brussels", "visit.brussels", "visit.brussels", "BE", "agency", ("visit.brussels",)),
    ("MENEN", "Ville de Menin", "Stad Menen", "City of Menen", "BE", "municipality", ("Stad Menen",)),
]
PARTNER_OF = {name: pid for pid, *_rest, names in PARTNERS for name in names}
# Co-leads the action texts do not name: the department and the Belgian province on border actions.
EXTRA_LEADS = {"A05": ("DEPT_NORD", "PROV_HAINAUT"), "A09": ("PROV_HAINAUT",), "A07": ("DEPT_NORD",)}


# Partners that write in Dutch; the others write in French.
DUTCH_WRITERS = {"PROV_WVL", "LEIEDAL", "DE_LIJN", "ONDERWIJS_VL", "VDAB", "VMM", "WESTTOER", "MENEN"}
# A year of progress updates (two semesters), by state, in the writer's language: (text, next steps, risks).
UPDATE_TEXTS = {
    ("fr", "planned"): ("Cahier des charges en préparation avec les partenaires belges.",
                        "Valider le calendrier en comité technique.", "Financement Interreg à confirmer."),
    # About carrying the action out, not its results: the indicators beside it may well deteriorate.
    ("fr", "ongoing"): ("Mise en œuvre conforme au calendrier du semestre ; les effets sur les indicateurs sont "
                        "suivis au bilan annuel.",
                        "Poursuivre la phase en cours et préparer le bilan annuel.", ""),
    ("fr", "done"): ("Action achevée ; bilan présenté au comité de pilotage.",
                     "Suivre les indicateurs de résultat.", ""),
    ("fr", "delayed"): ("Retard pris sur le calendrier : procédures administratives plus longues que prévu.",
                        "Recaler le planning avec les partenaires.", "Disponibilité des crédits en 2026."),
    ("fr", "cancelled"): ("Action abandonnée par décision du comité de pilotage.", "", ""),
    ("nl", "planned"): ("Bestek in voorbereiding met de Franse partners.",
                        "Planning valideren in het technisch comité.", "Interreg-financiering nog te bevestigen."),
    ("nl", "ongoing"): ("Uitvoering volgens de planning van dit semester; de effecten op de indicatoren worden "
                        "bij de jaarbalans opgevolgd.",
                        "Lopende fase voortzetten en de jaarbalans voorbereiden.", ""),
    ("nl", "done"): ("Actie afgerond; balans voorgesteld aan het stuurcomité.", "Resultaatindicatoren opvolgen.", ""),
    ("nl", "delayed"): ("Vertraging op de planning: administratieve procedures duren langer dan verwacht.",
                        "Planning bijsturen met de partners.", "Beschikbaarheid van de middelen in 2026."),
    ("nl", "cancelled"): ("Actie stopgezet bij beslissing van het stuurcomité.", "", ""),
}


LATE_UPDATES = {"A17", "A24"}   # their second semester's update has not come in: the due lists show it


def action_updates(actions: list[dict]) -> list[dict]:
    """2025-S1 and 2025-S2 for every action, written by its first lead partner in its own language."""
    rows = []
    for a in actions:
        writer = a["lead"].split("|")[0]
        lang = "nl" if writer in DUTCH_WRITERS else "fr"
        first = "planned" if a["status"] == "planned" else "cancelled" if a["status"] == "cancelled" else "ongoing"
        for period, state in (("2025-S1", first), ("2025-S2", a["status"]))[:1 if a["action_id"] in LATE_UPDATES else 2]:
            text, steps, risks = UPDATE_TEXTS[(lang, state)]
            rows.append(dict(action_id=a["action_id"], period=period, implementation=state, text=text, lang=lang,
                             next_steps=steps, risks=risks, author=writer, partner_id=writer))
    return rows


def partner_ids(names: str, extra=()) -> str:
    """'MEL, De Lijn' -> 'MEL|DE_LIJN': the partner codes the lead and owner columns hold."""
    ids = [PARTNER_OF[n.strip()] for n in names.split(",") if n.strip()]
    return "|".join(dict.fromkeys([*ids, *extra]))


# =============================================================================== actions
# (id, level, theme, (title fr, nl, en), (description fr, nl, en), lead, status, start, end)
ACTIONS = [
    ("A01", "border", "mobility",
     ("Relier les itinéraires cyclables transfrontaliers", "Grensoverschrijdende fietsroutes verbinden",
      "Connect cross-border cycle routes"),
     ("Combler les chaînons manquants entre réseaux cyclables français et belges : vallée de la Lys, canal de "
      "Roubaix–Espierre, EuroVelo 5.",
      "De ontbrekende schakels tussen de Franse en Belgische fietsnetwerken wegwerken: Leievallei, kanaal "
      "Roubaix–Spiere, EuroVelo 5.",
      "Close the missing links between the French and Belgian cycle networks: Lys valley, Roubaix–Espierre "
      "canal, EuroVelo 5."),
     "MEL, Intercommunale Leiedal, Wallonie Picarde", "ongoing", 2019, 2028),
    ("A02", "border", "mobility",
     ("Renforcer les lignes de bus transfrontalières", "Grensoverschrijdende buslijnen versterken",
      "Strengthen cross-border bus lines"),
     ("Cadencer les lignes Wattrelos–Mouscron, Halluin–Menin et Tourcoing–Mouscron et harmoniser les titres de "
      "transport Ilévia, De Lijn et TEC.",
      "De lijnen Wattrelos–Moeskroen, Halewijn–Menen en Toerkonje–Moeskroen in een vaste dienstregeling rijden en "
      "de vervoerbewijzen van Ilévia, De Lijn en TEC op elkaar afstemmen.",
      "Run the Wattrelos–Mouscron, Halluin–Menen and Tourcoing–Mouscron lines at regular intervals and align "
      "Ilévia, De Lijn and TEC tickets."),
     "MEL, De Lijn, TEC", "delayed", 2018, 2027),
    ("A03", "border", "citizenship",
     ("Échanges scolaires bilingues", "Tweetalige schooluitwisselingen", "Bilingual school exchanges"),
     ("Jumeler des écoles de part et d'autre de la frontière et développer l'immersion précoce en néerlandais "
      "et en français.",
      "Scholen aan beide kanten van de grens verbinden en vroege onderdompeling in het Nederlands en het Frans "
      "uitbouwen.",
      "Pair schools on both sides of the border and develop early immersion in Dutch and French."),
     "Eurometropolis, Rectorat de Lille, Onderwijs Vlaanderen", "ongoing", 2016, 2027),
    ("A04", "border", "citizenship",
     ("Points d'information pour les frontaliers", "Infopunten voor grensarbeiders",
      "Information points for cross-border workers"),
     ("Guichets communs d'information sur le travail, la fiscalité, la sécurité sociale et la santé pour les "
      "habitants qui vivent d'un côté et travaillent de l'autre.",
      "Gemeenschappelijke infopunten over werk, belastingen, sociale zekerheid en gezondheid voor wie aan de ene "
      "kant woont en aan de andere kant werkt.",
      "Joint desks informing residents who live on one side and work on the other about jobs, taxes, social "
      "security and health care."),
     "Eurometropolis, MOT", "ongoing", 2015, 2026),
    ("A05", "border", "economy",
     ("Maison de l'emploi transfrontalière", "Grensoverschrijdend jobcentrum", "Cross-border job centre"),
     ("Guichet commun France Travail (ex-Pôle emploi), VDAB et Le Forem pour placer des demandeurs d'emploi de "
      "l'autre côté de la frontière.",
      "Gezamenlijk loket van France Travail (ex-Pôle emploi), VDAB en Le Forem om werkzoekenden aan de andere "
      "kant van de grens aan een baan te helpen.",
      "Joint desk of France Travail (formerly Pôle emploi), VDAB and Le Forem placing job seekers on the other "
      "side of the border."),
     "France Travail, VDAB, Le Forem", "ongoing", 2017, 2027),
    ("A06", "border", "climate",
     ("Corridor bleu-vert Deûle–Lys", "Blauwgroene corridor Deûle–Leie", "Deûle–Lys blue-green corridor"),
     ("Restaurer berges, zones humides et continuités écologiques le long de la Deûle et de la Lys mitoyenne, "
      "de Lille à Courtrai.",
      "Oevers, waterrijke gebieden en ecologische verbindingen herstellen langs de Deûle en de grens-Leie, van "
      "Rijsel tot Kortrijk.",
      "Restore riverbanks, wetlands and ecological continuity along the Deûle and the border Lys, from Lille to "
      "Kortrijk."),
     "MEL, Intercommunale Leiedal", "ongoing", 2019, 2030),
    ("A07", "border", "quality_of_life",
     ("Zones organisées d'accès aux soins transfrontaliers (ZOAST)",
      "Georganiseerde zones voor grensoverschrijdende zorg (ZOAST)", "Cross-border health access zones (ZOAST)"),
     ("Permettre aux habitants des zones frontalières de se soigner de l'autre côté sans autorisation préalable "
      "(ZOAST Mouscron–Tournai–Roubaix–Tourcoing et Littoral).",
      "Inwoners van de grensstreek laten zorg krijgen aan de andere kant zonder voorafgaande toestemming (ZOAST "
      "Moeskroen–Doornik–Roubaix–Toerkonje en Kust).",
      "Let border residents get care on the other side without prior authorisation (ZOAST Mouscron–Tournai–"
      "Roubaix–Tourcoing and Coast)."),
     "ARS Hauts-de-France, INAMI-RIZIV, CPAM", "ongoing", 2008, 2027),
    ("A08", "metropolis", "mobility",
     ("Train Lille–Courtrai cadencé", "Frequente trein Rijsel–Kortrijk", "Regular Lille–Kortrijk train"),
     ("Augmenter la fréquence et la fiabilité des trains directs Lille-Flandres – Roubaix – Tourcoing – "
      "Mouscron – Courtrai.",
      "Meer en betrouwbaardere rechtstreekse treinen Rijsel-Vlaanderen – Roubaix – Toerkonje – Moeskroen – "
      "Kortrijk.",
      "More frequent and reliable direct trains Lille-Flandres – Roubaix – Tourcoing – Mouscron – Kortrijk."),
     "Région Hauts-de-France, SNCF, SNCB", "ongoing", 2019, 2030),
    ("A09", "metropolis", "mobility",
     ("Réseau eurométropolitain de vélo-routes express", "Eurometropolitaans netwerk van fietssnelwegen",
      "Eurometropolitan cycle highway network"),
     ("Aménager des axes cyclables rapides continus entre Lille, Roubaix, Tourcoing, Courtrai et Tournai.",
      "Doorlopende fietssnelwegen aanleggen tussen Rijsel, Roubaix, Toerkonje, Kortrijk en Doornik.",
      "Build continuous fast cycle routes between Lille, Roubaix, Tourcoing, Kortrijk and Tournai."),
     "MEL, Provincie West-Vlaanderen, Wallonie Picarde", "ongoing", 2020, 2030),
    ("A10", "metropolis", "citizenship",
     ("Événements citoyens et culturels eurométropolitains", "Eurometropolitane burger- en cultuurevenementen",
      "Eurometropolitan citizen and cultural events"),
     ("Forum citoyen, Journées de l'Eurométropole et programmation culturelle commune pour faire vivre "
      "l'appartenance transfrontalière.",
      "Burgerforum, Eurometropooldagen en een gezamenlijk cultuuraanbod om het grensoverschrijdende "
      "samenhorigheidsgevoel te versterken.",
      "Citizens' forum, Eurometropolis Days and a joint cultural programme to build a cross-border sense of "
      "belonging."),
     "Eurometropolis", "ongoing", 2016, 2027),
    ("A11", "metropolis", "economy",
     ("Promotion économique commune de l'Eurométropole", "Gezamenlijke economische promotie van de Eurometropool",
      "Joint economic promotion of the Eurometropolis"),
     ("Accompagner les entreprises qui se développent de l'autre côté et attirer des investissements sous une "
      "bannière commune.",
      "Bedrijven begeleiden die aan de andere kant van de grens uitbreiden en investeringen aantrekken onder "
      "één vlag.",
      "Support companies expanding across the border and attract investment under a common banner."),
     "ADULM, Eurometropolis, Intercommunale Leiedal, IDETA", "ongoing", 2016, 2027),
    ("A12", "metropolis", "economy",
     ("Partenariats Interreg France-Wallonie-Vlaanderen", "Interreg Frankrijk-Wallonië-Vlaanderen partnerschappen",
      "Interreg France-Wallonia-Flanders partnerships"),
     ("Monter et suivre les projets du programme Interreg VI France-Wallonie-Vlaanderen 2021-2027 portés sur le "
      "territoire eurométropolitain.",
      "Projecten van het programma Interreg VI Frankrijk-Wallonië-Vlaanderen 2021-2027 op het grondgebied van "
      "de Eurometropool opzetten en opvolgen.",
      "Set up and monitor the projects of the Interreg VI France-Wallonia-Flanders 2021-2027 programme in the "
      "Eurometropolis."),
     "Eurometropolis, MEL", "ongoing", 2021, 2029),
    ("A13", "metropolis", "climate",
     ("Surveillance partagée de la qualité de l'air", "Gedeelde luchtkwaliteitsmeting",
      "Shared air-quality monitoring"),
     ("Mettre en commun les mesures d'Atmo Hauts-de-France, de la VMM et de l'AwAC (IRCEL-CELINE) et publier "
      "un indice commun.",
      "De metingen van Atmo Hauts-de-France, VMM en AwAC (IRCEL-CELINE) bundelen en een gemeenschappelijke "
      "index publiceren.",
      "Pool the measurements of Atmo Hauts-de-France, VMM and AwAC (IRCEL-CELINE) and publish a common index."),
     "Atmo Hauts-de-France, IRCEL-CELINE", "ongoing", 2018, 2030),
    ("A14", "metropolis", "climate",
     ("Plan climat eurométropolitain", "Eurometropolitaan klimaatplan", "Eurometropolitan climate plan"),
     ("Aligner les plans climat de la MEL, de Leiedal et de Wallonie picarde : sobriété, rénovation, énergies "
      "renouvelables.",
      "De klimaatplannen van MEL, Leiedal en Wallonie picarde op elkaar afstemmen: energiebesparing, renovatie, "
      "hernieuwbare energie.",
      "Align the climate plans of MEL, Leiedal and Wallonie picarde: energy savings, renovation, renewables."),
     "MEL, Intercommunale Leiedal, Wallonie Picarde", "ongoing", 2019, 2030),
    ("A15", "metropolis", "quality_of_life",
     ("Parc bleu de l'Eurométropole", "Blauwe Park van de Eurometropool", "Eurometropolis Blue Park"),
     ("Valoriser les voies d'eau (Lys, Escaut, Deûle, canaux) comme espaces de nature et de loisirs partagés.",
      "De waterwegen (Leie, Schelde, Deûle, kanalen) opwaarderen tot gedeelde natuur- en recreatieruimte.",
      "Turn the waterways (Lys, Scheldt, Deûle, canals) into shared nature and leisure spaces."),
     "Eurometropolis", "ongoing", 2014, 2027),
    ("A16", "metropolis", "economy",
     ("Très haut débit pour tous", "Supersnel internet voor iedereen", "Very-high-speed broadband for all"),
     ("Achever le déploiement de la fibre côté français pour rejoindre le niveau de couverture du câble côté "
      "belge.",
      "De uitrol van glasvezel aan Franse kant afronden om het dekkingsniveau van de kabel aan Belgische kant "
      "te halen.",
      "Complete the fibre roll-out on the French side to match the coverage of cable networks on the Belgian "
      "side."),
     "Région Hauts-de-France, MEL", "done", 2015, 2025),
    ("A17", "euroregion", "mobility",
     ("Liaison côtière Dunkerque–La Panne", "Kustverbinding Duinkerke–De Panne", "Dunkirk–De Panne coastal link"),
     ("Bus transfrontalier DK'Bus–De Lijn jusqu'à La Panne et étude de la réouverture ferroviaire "
      "Dunkerque–Adinkerke.",
      "Grensoverschrijdende bus DK'Bus–De Lijn tot De Panne en studie naar de heropening van de spoorlijn "
      "Duinkerke–Adinkerke.",
      "Cross-border DK'Bus–De Lijn bus to De Panne and study of reopening the Dunkirk–Adinkerke railway."),
     "CU de Dunkerque, De Lijn", "ongoing", 2016, 2028),
    ("A18", "euroregion", "economy",
     ("Marché du travail transfrontalier du littoral et du Westhoek",
      "Grensoverschrijdende arbeidsmarkt aan de kust en in de Westhoek",
      "Cross-border labour market of the coast and the Westhoek"),
     ("Apprentissage et stages transfrontaliers, reconnaissance des qualifications, bourse commune des métiers "
      "en tension.",
      "Grensoverschrijdend leren en stages, erkenning van kwalificaties, gezamenlijke beurs voor "
      "knelpuntberoepen.",
      "Cross-border apprenticeships and traineeships, recognition of qualifications, a joint exchange for jobs "
      "in short supply."),
     "Provincie West-Vlaanderen, Région Hauts-de-France, VDAB", "ongoing", 2016, 2027),
    ("A19", "euroregion", "climate",
     ("Adaptation du littoral au changement climatique", "Klimaatadaptatie van de kust",
      "Coastal climate adaptation"),
     ("Plan commun contre la submersion marine et gestion partagée des wateringues entre Dunkerque et la côte "
      "belge.",
      "Gemeenschappelijk plan tegen overstromingen vanuit zee en gedeeld beheer van de wateringen tussen "
      "Duinkerke en de Belgische kust.",
      "Joint plan against coastal flooding and shared management of the polder drainage (wateringues) between "
      "Dunkirk and the Belgian coast."),
     "CU de Dunkerque, Provincie West-Vlaanderen", "ongoing", 2019, 2030),
    ("A20", "euroregion", "quality_of_life",
     ("Tourisme transfrontalier dans le Westhoek", "Grensoverschrijdend toerisme in de Westhoek",
      "Cross-border tourism in the Westhoek"),
     ("Randonnées des Monts de Flandre au Kemmelberg, offre commune de mémoire 14-18 et promotion croisée.",
      "Wandelroutes van de Franse heuvels tot de Kemmelberg, gezamenlijk herinneringsaanbod 14-18 en "
      "kruispromotie.",
      "Hiking from the Monts de Flandre to the Kemmelberg, a joint WWI remembrance offer and cross-promotion."),
     "Westtoer, Cœur de Flandre agglo", "ongoing", 2016, 2026),
    ("A21", "euroregion", "citizenship",
     ("Apprendre la langue du voisin dans l'Eurorégion", "De taal van de buren leren in de Euregio",
      "Learning the neighbour's language across the Euroregion"),
     ("Développer l'enseignement du néerlandais dans le Nord et du français en Flandre-Occidentale, de l'école "
      "au lycée.",
      "Het onderwijs van het Nederlands in het Noorderdepartement en van het Frans in West-Vlaanderen "
      "uitbouwen, van basisschool tot secundair.",
      "Develop the teaching of Dutch in the Nord and of French in West Flanders, from primary to secondary "
      "school."),
     "Région Hauts-de-France, Provincie West-Vlaanderen", "ongoing", 2018, 2030),
    ("A22", "euroregion", "climate",
     ("Gestion partagée des eaux de l'Yser et de la Lys", "Gedeeld beheer van IJzer en Leie",
      "Shared management of the Yser and Lys waters"),
     ("Programme de mesures commun de la directive-cadre sur l'eau pour les bassins transfrontaliers de "
      "l'Yser et de la Lys.",
      "Gemeenschappelijk maatregelenprogramma van de Kaderrichtlijn Water voor de grensoverschrijdende "
      "stroomgebieden van IJzer en Leie.",
      "Joint Water Framework Directive programme of measures for the cross-border Yser and Lys basins."),
     "Agence de l'eau Artois-Picardie, VMM", "ongoing", 2016, 2027),
    ("A23", "brussels", "mobility",
     ("Liaison ferroviaire rapide Lille–Bruxelles", "Snelle spoorverbinding Rijsel–Brussel",
      "Lille–Brussels fast rail link"),
     ("Plus de trains à grande vitesse directs et un train intercité cadencé via Tournai entre les deux "
      "métropoles.",
      "Meer rechtstreekse hogesnelheidstreinen en een IC-trein in vaste dienstregeling via Doornik tussen de "
      "twee metropolen.",
      "More direct high-speed trains and a regular intercity train via Tournai between the two metropolises."),
     "SNCF, SNCB, Région Hauts-de-France", "delayed", 2019, 2030),
    ("A24", "brussels", "economy",
     ("Corridor d'affaires Lille–Bruxelles", "Zakencorridor Rijsel–Brussel", "Lille–Brussels business corridor"),
     ("Missions économiques croisées et incubation croisée de start-ups entre EuraTechnologies et "
      "hub.brussels.",
      "Wederzijdse handelsmissies en kruisincubatie van start-ups tussen EuraTechnologies en hub.brussels.",
      "Reciprocal trade missions and cross-incubation of start-ups between EuraTechnologies and hub.brussels."),
     "MEL, hub.brussels", "ongoing", 2018, 2027),
    ("A25", "brussels", "citizenship",
     ("Échanges étudiants et culturels Lille–Bruxelles", "Studenten- en cultuuruitwisseling Rijsel–Brussel",
      "Lille–Brussels student and cultural exchanges"),
     ("Programmes d'échange entre universités et écoles, saison culturelle croisée entre Lille et Bruxelles.",
      "Uitwisselingsprogramma's tussen universiteiten en hogescholen, gekruist cultuurseizoen tussen Rijsel en "
      "Brussel.",
      "Exchange programmes between universities and colleges, a joint cultural season between Lille and "
      "Brussels."),
     "Université de Lille, MEL, Région de Bruxelles-Capitale", "ongoing", 2016, 2028),
    ("A26", "brussels", "climate",
     ("Zones à faibles émissions coordonnées Lille–Bruxelles", "Gecoördineerde lage-emissiezones Rijsel–Brussel",
      "Coordinated low-emission zones Lille–Brussels"),
     ("Reconnaissance mutuelle des vignettes et calendrier commun de la ZFE de la MEL et de la LEZ de "
      "Bruxelles.",
      "Wederzijdse erkenning van vignetten en een gemeenschappelijke kalender voor de ZFE van MEL en de LEZ van "
      "Brussel.",
      "Mutual recognition of stickers and a common timetable for the MEL low-emission zone and the Brussels "
      "LEZ."),
     "MEL, Bruxelles Environnement", "planned", 2026, 2030),
    ("A27", "metropolis", "citizenship",
     ("Lever les obstacles juridiques et administratifs", "Juridische en administratieve obstakels wegwerken",
      "Remove legal and administrative obstacles"),
     ("Recenser les obstacles à la vie transfrontalière (fiscalité, diplômes, soins, transport) et porter des "
      "solutions auprès des États.",
      "Obstakels voor het grensoverschrijdende leven (belastingen, diploma's, zorg, vervoer) in kaart brengen "
      "en oplossingen aanreiken bij de nationale overheden.",
      "Identify obstacles to cross-border life (taxes, diplomas, care, transport) and bring solutions to the "
      "national governments."),
     "MOT, Eurometropolis", "ongoing", 2021, 2029),
    ("A28", "metropolis", "mobility",
     ("Observatoire transfrontalier des mobilités et du travail", "Grensoverschrijdend observatorium van "
      "mobiliteit en werk", "Cross-border observatory of mobility and work"),
     ("Suivre les navettes domicile-travail, la population et les flux transfrontaliers de l'Eurométropole et "
      "de l'Eurorégion.",
      "Het woon-werkverkeer, de bevolking en de grensoverschrijdende stromen van de Eurometropool en de Euregio "
      "opvolgen.",
      "Monitor commuting, population and cross-border flows in the Eurometropolis and the Euroregion."),
     "ADULM, Intercommunale Leiedal, IDETA", "ongoing", 2015, 2030),
    ("A29", "border", "mobility",
     ("Vélos en libre-service transfrontaliers", "Grensoverschrijdende deelfietsen", "Cross-border bike sharing"),
     ("Stations de vélos partagés interopérables à Halluin, Menin, Tourcoing et Mouscron (abandonné faute "
      "d'opérateur commun).",
      "Interoperabele deelfietsstations in Halewijn, Menen, Toerkonje en Moeskroen (stopgezet bij gebrek aan "
      "een gemeenschappelijke operator).",
      "Interoperable bike-share stations in Halluin, Menen, Tourcoing and Mouscron (dropped for want of a "
      "common operator)."),
     "MEL, Stad Menen", "cancelled", 2019, 2021),
    ("A30", "brussels", "quality_of_life",
     ("Tourisme urbain croisé Lille–Bruxelles", "Gekruist stedentoerisme Rijsel–Brussel",
      "Lille–Brussels city tourism cross-promotion"),
     ("Promotion touristique croisée, pass culture commun et offres week-end entre Lille et Bruxelles.",
      "Wederzijdse toeristische promotie, gemeenschappelijke cultuurpas en weekendaanbod tussen Rijsel en "
      "Brussel.",
      "Reciprocal tourism promotion, a joint culture pass and weekend offers between Lille and Brussels."),
     "Hello Lille, visit.brussels", "ongoing", 2019, 2027),
]

# =============================================================================== territories
# Codes checked against /work/shared/fixtures (INSEE populations légales, Statbel 2020, Belgian
# municipal boundaries, NUTS 2021 level 3); EPCI SIREN codes from INSEE/BANATIC as published.
# Populations: French communes = INSEE population municipale 2017 (légale 2020); Belgian
# municipalities, arrondissements, provinces = Statbel 1 January 2020; EPCI = INSEE as reported
# (MEL 2018, CUD 2018, CCFI 2016); Eurometropolis = its own rounded figure.
# Coordinates: GeoNames points (fixtures/coords/main_municipalities.csv) where listed, otherwise
# area centroids of the official boundaries (fixtures/boundaries: communes, municipalities, NUTS 3),
# rounded to 4-5 decimals; MEL, Cœur de Flandre and the Eurometropolis have a rough representative
# point (2 decimals) as their member lists are not in the fixtures.
MEL, CUD, CCFI = "200093201", "245900428", "200040947"

# id, fr, nl, en, country, kind, parent, levels, lat, lon, population, replaced_by, valid_to
TERRITORIES = [
    # --- France: region, departments (NUTS 3), EPCI
    ("FRE", "Hauts-de-France", "Hauts-de-France", "Hauts-de-France", "FR", "region", "", "euroregion",
     49.9698, 2.7645, 6003815),
    ("FRE11", "Nord", "Nord (Noorderdepartement)", "Nord (department)", "FR", "nuts3", "FRE", "euroregion",
     50.4476, 3.2155, 2604361),
    ("FRE12", "Pas-de-Calais", "Pas-de-Calais", "Pas-de-Calais", "FR", "nuts3", "FRE", "euroregion",
     50.51603, 2.28392, 1468018),
    (MEL, "Métropole Européenne de Lille", "Europese Metropool Rijsel", "European Metropolis of Lille", "FR",
     "epci", "FRE11", "border|metropolis|brussels", 50.64, 3.07, 1174273),
    (CUD, "Communauté urbaine de Dunkerque", "Stedelijke Gemeenschap Duinkerke", "Dunkirk Urban Community",
     "FR", "epci", "FRE11", "border|euroregion", 51.0044, 2.3259, 195917),
    (CCFI, "Cœur de Flandre agglo (ex-CC de Flandre Intérieure)", "Cœur de Flandre agglo (vroeger CC Flandre "
     "Intérieure)", "Cœur de Flandre agglo (former CC Flandre Intérieure)", "FR", "epci", "FRE11",
     "border|euroregion", 50.75, 2.60, 102169),
    # --- France: communes of the MEL
    ("59350", "Lille", "Rijsel", "Lille", "FR", "commune", MEL, "metropolis|brussels", 50.63297, 3.05858, 232787),
    ("59512", "Roubaix", "Robaais", "Roubaix", "FR", "commune", MEL, "metropolis", 50.69421, 3.17456, 96990),
    ("59599", "Tourcoing", "Toerkonje", "Tourcoing", "FR", "commune", MEL, "border|metropolis", 50.72391, 3.16117,
     97368),
    ("59009", "Villeneuve-d'Ascq", "Villeneuve-d'Ascq", "Villeneuve-d'Ascq", "FR", "commune", MEL, "metropolis",
     50.61669, 3.16664, 63408),
    ("59650", "Wattrelos", "Waterlo", "Wattrelos", "FR", "commune", MEL, "border|metropolis", 50.70118, 3.21812,
     40958),
    ("59279", "Halluin", "Halewijn", "Halluin", "FR", "commune", MEL, "border|metropolis", 50.78628, 3.12611,
     20800),
    ("59017", "Armentières", "Armentiers", "Armentières", "FR", "commune", MEL, "border|metropolis", 50.68568,
     2.88214, 24882),
    ("59152", "Comines (France)", "Komen (Frankrijk)", "Comines (France)", "FR", "commune", MEL,
     "border|metropolis", 50.7615, 3.01063, 12358),
    ("59656", "Wervicq-Sud", "Zuid-Wervik", "Wervicq-Sud", "FR", "commune", MEL, "border|metropolis", 50.76176,
     3.05105, 5413),
    ("59163", "Croix", "Croix", "Croix", "FR", "commune", MEL, "metropolis", 50.67393, 3.15516, 21041),
    ("59378", "Marcq-en-Barœul", "Marcq-en-Barœul", "Marcq-en-Barœul", "FR", "commune", MEL, "metropolis",
     50.67558, 3.10117, 38617),
    ("59421", "Mouvaux", "Mouvaux", "Mouvaux", "FR", "commune", MEL, "metropolis", 50.70394, 3.13666, 13151),
    ("59426", "Neuville-en-Ferrain", "Neuville-en-Ferrain", "Neuville-en-Ferrain", "FR", "commune", MEL,
     "border|metropolis", 50.75277, 3.15927, 10284),
    ("59352", "Linselles", "Linzele", "Linselles", "FR", "commune", MEL, "metropolis", 50.73577, 3.07415, 8371),
    ("59098", "Bousbecque", "Busbeke", "Bousbecque", "FR", "commune", MEL, "border|metropolis", 50.76367,
     3.07471, 4831),
    ("59636", "Wambrechies", "Wambrechies", "Wambrechies", "FR", "commune", MEL, "metropolis", 50.69576, 3.04713,
     10948),
    ("59299", "Hem", "Hem", "Hem", "FR", "commune", MEL, "metropolis", 50.65511, 3.19278, 18617),
    ("59339", "Leers", "Leers", "Leers", "FR", "commune", MEL, "border|metropolis", 50.68139, 3.24009, 9473),
    ("59598", "Toufflers", "Toufflers", "Toufflers", "FR", "commune", MEL, "border|metropolis", 50.66083, 3.23251,
     3905),
    ("59044", "Baisieux", "Baisieux", "Baisieux", "FR", "commune", MEL, "border|metropolis", 50.61084, 3.24145,
     4765),
    # --- France: Dunkirk and French Flanders
    ("59183", "Dunkerque", "Duinkerke", "Dunkirk", "FR", "commune", CUD, "euroregion", 51.03297, 2.377, 87353),
    ("59271", "Grande-Synthe", "Groot-Sinten", "Grande-Synthe", "FR", "commune", CUD, "euroregion", 51.01675,
     2.29068, 22966),
    ("59155", "Coudekerque-Branche", "Koudekerke-Brugge", "Coudekerque-Branche", "FR", "commune", CUD,
     "euroregion", 51.01789, 2.3951, 21134),
    ("59107", "Bray-Dunes", "Bray-Duinen", "Bray-Dunes", "FR", "commune", CUD, "border|euroregion", 51.0729,
     2.5274, 4483),
    ("59295", "Hazebrouck", "Hazebroek", "Hazebrouck", "FR", "commune", CCFI, "euroregion", 50.72607, 2.53861,
     21441),
    ("59043", "Bailleul", "Belle", "Bailleul", "FR", "commune", CCFI, "border|euroregion", 50.72733, 2.73763,
     14769),
    # --- Belgium: provinces, arrondissements (NUTS 3), Brussels
    ("BE25", "Province de Flandre-Occidentale", "Provincie West-Vlaanderen", "Province of West Flanders", "BE",
     "province", "", "euroregion", 51.0102, 3.0621, 1200945),
    ("BE32", "Province de Hainaut", "Provincie Henegouwen", "Province of Hainaut", "BE", "province", "",
     "euroregion", 50.4639, 3.9681, 1346840),
    ("BE251", "Arrondissement de Bruges", "Arrondissement Brugge", "Arrondissement of Bruges", "BE", "nuts3",
     "BE25", "euroregion", 51.19949, 3.22704, 282745),
    ("BE253", "Arrondissement d'Ypres", "Arrondissement Ieper", "Arrondissement of Ypres", "BE", "nuts3", "BE25",
     "border|euroregion", 50.85516, 2.86967, 106570),
    ("BE254", "Arrondissement de Courtrai", "Arrondissement Kortrijk", "Arrondissement of Kortrijk", "BE", "nuts3",
     "BE25", "border|metropolis", 50.8163, 3.29672, 292493),
    ("BE255", "Arrondissement d'Ostende", "Arrondissement Oostende", "Arrondissement of Ostend", "BE", "nuts3",
     "BE25", "euroregion", 51.17057, 2.95723, 157780),
    ("BE256", "Arrondissement de Roulers", "Arrondissement Roeselare", "Arrondissement of Roeselare", "BE", "nuts3",
     "BE25", "euroregion|metropolis", 50.94418, 3.12809, 154494),
    ("BE258", "Arrondissement de Furnes", "Arrondissement Veurne", "Arrondissement of Veurne", "BE", "nuts3",
     "BE25", "border|euroregion", 51.04489, 2.67816, 61739),
    ("BE328", "Arrondissement de Tournai-Mouscron", "Arrondissement Doornik-Moeskroen",
     "Arrondissement of Tournai-Mouscron", "BE", "nuts3", "BE32", "border|metropolis", 50.63825, 3.44889, 223799),
    ("BE100", "Région de Bruxelles-Capitale", "Brussels Hoofdstedelijk Gewest", "Brussels-Capital Region", "BE",
     "nuts3", "", "brussels", 50.8389, 4.34456, 1218255),
    # --- Belgium: municipalities
    ("34022", "Courtrai", "Kortrijk", "Kortrijk", "BE", "commune", "BE254", "metropolis", 50.82803, 3.26487, 77109),
    ("34027", "Menin", "Menen", "Menen", "BE", "commune", "BE254", "border|metropolis", 50.79722, 3.12245, 33540),
    ("34041", "Wevelgem", "Wevelgem", "Wevelgem", "BE", "commune", "BE254", "metropolis", 50.8331, 3.17614, 31579),
    ("34040", "Waregem", "Waregem", "Waregem", "BE", "commune", "BE254", "metropolis", 50.88013, 3.41037, 38350),
    ("34013", "Harelbeke", "Harelbeke", "Harelbeke", "BE", "commune", "BE254", "metropolis", 50.86605, 3.31224,
     28502),
    ("34042", "Zwevegem", "Zwevegem", "Zwevegem", "BE", "commune", "BE254", "metropolis", 50.78675, 3.37264,
     24814),
    ("34043", "Espierres-Helchin", "Spiere-Helkijn", "Spiere-Helkijn", "BE", "commune", "BE254", "metropolis",
     50.72939, 3.3603, 2071),
    ("33029", "Wervik", "Wervik", "Wervik", "BE", "commune", "BE253", "border|metropolis|euroregion", 50.78069,
     3.03854, 18909),
    ("33011", "Ypres", "Ieper", "Ypres", "BE", "commune", "BE253", "euroregion", 50.85114, 2.88569, 34995),
    ("33021", "Poperinge", "Poperinge", "Poperinge", "BE", "commune", "BE253", "border|euroregion", 50.86212,
     2.69323, 19717),
    ("33039", "Heuvelland", "Heuvelland", "Heuvelland", "BE", "commune", "BE253", "border|euroregion", 50.77422,
     2.8321, 7926),
    ("33016", "Messines", "Mesen", "Mesen", "BE", "commune", "BE253", "euroregion", 50.76012, 2.89648, 1047),
    ("31005", "Bruges", "Brugge", "Bruges", "BE", "commune", "BE251", "euroregion", 51.20892, 3.22424, 118656),
    ("35013", "Ostende", "Oostende", "Ostend", "BE", "commune", "BE255", "euroregion", 51.21551, 2.927, 71647),
    ("36015", "Roulers", "Roeselare", "Roeselare", "BE", "commune", "BE256", "euroregion|metropolis", 50.94653,
     3.12269, 63478),
    ("38025", "Furnes", "Veurne", "Veurne", "BE", "commune", "BE258", "border|euroregion", 51.07316, 2.66803,
     12094),
    ("38008", "La Panne", "De Panne", "De Panne", "BE", "commune", "BE258", "border|euroregion", 51.09793,
     2.59368, 11147),
    ("38014", "Coxyde", "Koksijde", "Koksijde", "BE", "commune", "BE258", "euroregion", 51.1118, 2.69196, 21869),
    ("57096", "Mouscron", "Moeskroen", "Mouscron", "BE", "commune", "BE328", "border|metropolis", 50.74497,
     3.20639, 58767),
    ("57097", "Comines-Warneton", "Komen-Waasten", "Comines-Warneton", "BE", "commune", "BE328",
     "border|metropolis", 50.7712, 3.00191, 18058),
    ("57081", "Tournai", "Doornik", "Tournai", "BE", "commune", "BE328", "border|metropolis", 50.60715, 3.38932,
     69083),
    ("57027", "Estaimpuis", "Steenput", "Estaimpuis", "BE", "commune", "BE328", "border|metropolis", 50.70485,
     3.26785, 10566),
    ("57062", "Pecq", "Pecq", "Pecq", "BE", "commune", "BE328", "metropolis", 50.68203, 3.35606, 5761),
    ("57093", "Brunehaut", "Brunehaut", "Brunehaut", "BE", "commune", "BE328", "border|metropolis", 50.52554,
     3.39511, 8089),
    ("21004", "Bruxelles", "Brussel", "City of Brussels", "BE", "commune", "BE100", "brussels", 50.85045, 4.34878,
     185103),
    # --- Belgium: codes that changed on 1 January 2019 (arrondissement Mouscron merged into Tournai)
    ("54007", "Mouscron (code INS 54007, jusqu'en 2018)", "Moeskroen (NIS-code 54007, tot 2018)",
     "Mouscron (NIS code 54007, until 2018)", "BE", "commune", "", "border|metropolis", 50.74497, 3.20639, None,
     "57096", 2018),
    ("54010", "Comines-Warneton (code INS 54010, jusqu'en 2018)", "Komen-Waasten (NIS-code 54010, tot 2018)",
     "Comines-Warneton (NIS code 54010, until 2018)", "BE", "commune", "", "border|metropolis", 50.7712, 3.00191,
     None, "57097", 2018),
    # --- the cross-border Eurometropolis (EGTC): neither French nor Belgian, hence country EU
    ("EMLKT", "Eurométropole Lille-Kortrijk-Tournai", "Eurometropool Lille-Kortrijk-Tournai",
     "Eurometropolis Lille-Kortrijk-Tournai", "EU", "custom", "", "border|metropolis", 50.72, 3.20, 2100000),
]
OLD_CODE = {"57096": "54007", "57097": "54010"}   # successor -> code valid until 2018

# =============================================================================== helpers

ILLUSTRATIVE = ("Données illustratives de démonstration.", "Illustratieve demogegevens.",
                "Illustrative demo figures.")


def anchored(fr: str, nl: str, en: str) -> tuple[str, str, str]:
    return (f"Ancré sur un chiffre publié : {fr} ; les autres valeurs sont des données illustratives de "
            f"démonstration.",
            f"Verankerd op een gepubliceerd cijfer: {nl}; de overige waarden zijn illustratieve demogegevens.",
            f"Anchored on a published figure: {en}; other values are illustrative demo figures.")


def S(terr: str, start: float | None = None, g: float = 0.0, **kw) -> dict:
    """One observed series: territory, level in its first year, growth (relative, or absolute in
    'lin'/'cum' mode), and overrides (years, mode, noise, shocks, explicit, flags, notes)."""
    return dict(t=terr, start=start, g=g, **kw)


def T(territory: str, status: str, baseline: int = 2019, value: float | None = None,
      milestone: float | None = None, note: str = "") -> dict:
    """A target on the headline territory; without `value` it is derived from the data so that
    the intended status comes out (then rounded to a plausible policy figure)."""
    return dict(territory=territory, status=status, baseline=baseline, value=value, milestone=milestone,
                note=note)


COVID = {2020: 0.55, 2021: 0.8, 2022: 0.95}      # shocks on attendance, ridership, tourism
COVID_SOFT = {2020: 0.8, 2021: 0.92}

INDICATORS: list[dict] = []


def I(iid, action, unit, direction, type_, agg, dec, source, owner, comp, names, defs, *, series,
      tail=ILLUSTRATIVE, code="", years=YEARS, mode="mult", noise=0.03, shocks=None, target=None,
      prov=None, old_codes=False, head=None):
    INDICATORS.append(dict(head=head,
        indicator_id=iid, action_id=action, unit=unit, direction=direction, type=type_, aggregation=agg,
        decimals=dec, source=source, owner=owner, comparability=comp, code=code,
        names=names, defs=defs, tail=tail, series=series, years=list(years), mode=mode, noise=noise,
        shocks=shocks or {}, target=target, prov=prov, old_codes=old_codes))


# =============================================================================== flows (first:
# the commuter observations of MOB01/MOB02 are derived from them)

# Hauts-de-France residents working in Belgium. 2015-2020: employee counts on the basis of
# INSEE Analyses Hauts-de-France n°94 (23,700 at the end of 2017); from 2021: census basis
# (INSEE census 2021: ~36,000), hence the break flag "b" in 2021.
FR_TO_BE = {2014: 22300, 2015: 22700, 2016: 23200, 2017: 23700, 2018: 24200, 2019: 24800, 2020: 24300,
            2021: 36000, 2022: 36500, 2023: 37100}
# Residents of Belgium working in Hauts-de-France: "about 10,000 a day" (INSEE n°94, 2017).
BE_TO_FR = {2014: 10600, 2015: 10400, 2016: 10200, 2017: 10000, 2018: 9900, 2019: 9800, 2020: 9300,
            2021: 9500, 2022: 9600, 2023: 9700}
FLOW_YEARS = list(range(2015, 2024))

FLOWS: list[dict] = []


def add_flow(iid, o, d, year, value, flag="", note=""):
    FLOWS.append(dict(indicator_id=iid, origin_id=o, destination_id=d, period=str(year), value=int(value),
                      flag=flag, note=note))


def r10(x: float) -> int:
    return int(round(x / 10.0)) * 10


# MOB10: regional commuter flows, shares drifting slowly; ~8 % of FR->BE and ~5 % of BE->FR go to or
# come from other Belgian provinces and are not shown.
for i, y in enumerate(FLOW_YEARS):
    shares_fb = {"BE25": 0.420 + 0.002 * i, "BE32": 0.385 - 0.002 * i, "BE100": 0.115}
    shares_bf = {"BE25": 0.375, "BE32": 0.505 - 0.001 * i, "BE100": 0.070 + 0.001 * i}
    flag_fb = "b" if y == 2021 else ("p" if y == 2023 else "")
    note_fb = ""
    if y == 2017:
        note_fb = "Total FR→BE 23 700 (INSEE Analyses Hauts-de-France n°94, 2019) ; répartition par province illustrative"
    elif y == 2021:
        note_fb = "Base recensement dès 2021 : total FR→BE environ 36 000 (recensement INSEE 2021) ; répartition illustrative"
    for dest, share in shares_fb.items():
        add_flow("MOB10", "FRE", dest, y, r10(FR_TO_BE[y] * share), flag_fb, note_fb)
    note_bf = ("Total BE→FR environ 10 000 (INSEE Analyses Hauts-de-France n°94, 2019) ; répartition illustrative"
               if y == 2017 else "")
    for orig, share in shares_bf.items():
        add_flow("MOB10", orig, "FRE", y, r10(BE_TO_FR[y] * share), "p" if y == 2023 else "", note_bf)

# MOB11: commuter flows between the Eurometropolis and coastal areas (illustrative), with the
# same 2021 break as the regional totals for French residents.
LOCAL_FLOWS = {  # (origin, destination): (2015 level, yearly growth)
    (MEL, "BE254"): (4600, 0.022), (MEL, "BE328"): (3300, 0.020), (MEL, "BE100"): (900, 0.030),
    (MEL, "BE253"): (700, 0.015), (CUD, "BE258"): (620, 0.030), (CUD, "BE255"): (240, 0.020),
    (CCFI, "BE253"): (880, 0.025), ("BE254", MEL): (2600, -0.008), ("BE328", MEL): (3700, -0.010),
    ("BE100", MEL): (340, 0.010), ("BE258", CUD): (210, 0.000), ("BE253", CCFI): (180, -0.005),
}
MEL_OUT: dict[int, int] = defaultdict(int)
rng = rng_for("MOB11")
for (o, d), (lvl, g) in LOCAL_FLOWS.items():
    for i, y in enumerate(FLOW_YEARS):
        v = lvl * (1 + g) ** i * (1 + 0.02 * rng.standard_normal())
        fr_origin = o in (MEL, CUD, CCFI)
        if fr_origin and y >= 2021:
            v *= 1.42                                   # census basis (break in series)
        if y == 2020:
            v *= 0.97
        v = r10(v)
        flag = "b" if (fr_origin and y == 2021) else ("p" if y == 2023 else "")
        add_flow("MOB11", o, d, y, v, flag, "Base recensement dès 2021" if flag == "b" else "")
        if o == MEL:
            MEL_OUT[y] += v

# CIT08: students enrolled in higher education on the other side (academic year starting in period).
STUDENT_FLOWS = {("FRE", "BE328"): (2900, 0.020), ("FRE", "BE100"): (2100, 0.030), ("FRE", "BE254"): (180, 0.060),
                 ("BE25", "FRE"): (260, 0.010), ("BE32", "FRE"): (420, 0.012), ("BE100", "FRE"): (350, 0.020)}
rng = rng_for("CIT08")
for (o, d), (lvl, g) in STUDENT_FLOWS.items():
    for i, y in enumerate(FLOW_YEARS):
        v = lvl * (1 + g) ** i * (1 + 0.03 * rng.standard_normal())
        add_flow("CIT08", o, d, y, r10(v), "p" if y == 2023 else "")

# =============================================================================== indicators
# --------------------------------------------------------------------------- mobility

I("MOB01", "A28", "persons", "increase", "context", "sum", 0,
  "INSEE (Flores/DADS, recensement), INSEE Analyses Hauts-de-France n°94", "ADULM", "partial",
  ("Travailleurs frontaliers France → Belgique", "Grensarbeiders Frankrijk → België",
   "Cross-border commuters France → Belgium"),
  ("Actifs résidant sur le territoire (côté français) et travaillant en Belgique, au lieu de résidence. "
   "Rupture de série en 2021 : passage des effectifs salariés au recensement.",
   "Werkenden die op het grondgebied (Franse kant) wonen en in België werken, volgens woonplaats. Breuk in de "
   "reeks in 2021: overgang van werknemerstellingen naar de volkstelling.",
   "Workers living in the territory (French side) and working in Belgium, by place of residence. Break in "
   "series in 2021: from employee counts to the census."),
  tail=anchored("INSEE Analyses Hauts-de-France n°94 (mars 2019), 23 700 fin 2017 ; recensement INSEE 2021, "
                "environ 36 000 (dont 10 500 dans la zone d'emploi de Roubaix-Tourcoing)",
                "INSEE Analyses Hauts-de-France nr. 94 (maart 2019), 23.700 eind 2017; INSEE-volkstelling 2021, "
                "ongeveer 36.000 (waarvan 10.500 in de werkgelegenheidszone Roubaix-Tourcoing)",
                "INSEE Analyses Hauts-de-France no. 94 (March 2019), 23,700 at the end of 2017; INSEE census "
                "2021, about 36,000 (10,500 of them in the Roubaix-Tourcoing employment zone)"),
  years=range(2014, 2024), series=[
      S("FRE", explicit=FR_TO_BE,
        flags={2021: "b", 2023: "p"},
        notes={2017: "INSEE Analyses Hauts-de-France n°94 (2019) : 23 700 fin 2017",
               2021: "Recensement INSEE 2021 : environ 36 000 (+30 % depuis 2010) ; rupture de série"},
        sources={2017: "INSEE Analyses Hauts-de-France n°94, mars 2019", 2021: "INSEE, recensement 2021"}),
      S(MEL, explicit={y: r10(MEL_OUT[y] / 0.92) for y in FLOW_YEARS}, flags={2021: "b", 2023: "p"}),
      S(CUD, 1650, 0.03, years=range(2015, 2024), flags={2021: "b"}, jump={2021: 1.42}),
      S(CCFI, 2100, 0.03, years=range(2015, 2024), flags={2021: "b"}, jump={2021: 1.42}),
      S("FRE12", 1250, 0.02, years=range(2016, 2024), flags={2021: "b"}, jump={2021: 1.42}),
  ])

I("MOB02", "A28", "persons", "increase", "context", "sum", 0, "INSEE, INAMI-RIZIV, Statbel", "ADULM", "partial",
  ("Travailleurs frontaliers Belgique → France", "Grensarbeiders België → Frankrijk",
   "Cross-border commuters Belgium → France"),
  ("Actifs résidant en Belgique et travaillant en France : comptés au lieu de travail côté français, au lieu "
   "de résidence côté belge.",
   "Werkenden die in België wonen en in Frankrijk werken: geteld volgens werkplaats aan Franse kant, volgens "
   "woonplaats aan Belgische kant.",
   "Residents of Belgium working in France: counted at the place of work on the French side, at the place of "
   "residence on the Belgian side."),
  tail=anchored("INSEE Analyses Hauts-de-France n°94 (mars 2019), environ 10 000 entrants par jour (2017)",
                "INSEE Analyses Hauts-de-France nr. 94 (maart 2019), ongeveer 10.000 inkomende pendelaars per "
                "dag (2017)",
                "INSEE Analyses Hauts-de-France no. 94 (March 2019), about 10,000 coming in each day (2017)"),
  years=range(2014, 2024), series=[
      S("FRE", explicit=BE_TO_FR, flags={2017: "e", 2023: "p"},
        notes={2017: "Publié comme « environ 10 000 » (INSEE Analyses Hauts-de-France n°94, 2019)"},
        sources={2017: "INSEE Analyses Hauts-de-France n°94, mars 2019"}),
      S(MEL, 6900, -0.008), S("BE254", 2900, -0.008), S("BE328", 3700, -0.010),
      S("BE253", 460, -0.004), S("BE258", 300, 0.005),
  ])

I("MOB03", "A09", "%", "increase", "result", "mean", 1,
  "Enquêtes ménages déplacements (MEL), Onderzoek Verplaatsingsgedrag Vlaanderen, MOBWAL", "MEL", "partial",
  ("Part modale du vélo", "Modaal aandeel van de fiets", "Cycling modal share"),
  ("Part des déplacements des habitants effectués principalement à vélo, tous motifs, jours ouvrables.",
   "Aandeel van de verplaatsingen van de inwoners met de fiets als hoofdvervoerwijze, alle motieven, werkdagen.",
   "Share of residents' trips made mainly by bicycle, all purposes, working days."),
  mode="mult", noise=0.03, series=[
      S(MEL, 1.6, 0.055), S("59350", 2.8, 0.065), S("BE254", 14.0, 0.010), S("34022", 17.5, 0.012),
      S("BE328", 3.4, 0.030), S("57081", 3.0, 0.030),
  ], target=T(MEL, "acceleration_needed"))

I("MOB04", "A01", "km", "increase", "output", "sum", 1, "MEL, Intercommunale Leiedal, Wallonie Picarde",
  "Eurometropolis", "harmonised",
  ("Itinéraires cyclables transfrontaliers aménagés", "Aangelegde grensoverschrijdende fietsroutes",
   "Cross-border cycle routes completed"),
  ("Longueur cumulée d'itinéraires cyclables continus franchissant la frontière ou y menant, aménagés depuis "
   "2014.",
   "Gecumuleerde lengte van doorlopende fietsroutes die de grens oversteken of ernaartoe leiden, aangelegd "
   "sinds 2014.",
   "Cumulative length of continuous cycle routes crossing or leading to the border, built since 2014."),
  mode="cum", noise=0.35, series=[
      S("EMLKT", 42.0, 6.5), S(MEL, 20.0, 3.2), S("BE254", 13.5, 2.0), S("BE328", 8.5, 1.4),
  ], target=T("EMLKT", "on_track"))

I("MOB05", "A01", "cyclists/day", "increase", "result", "sum", 0, "Compteurs vélo MEL, Leiedal, SPW",
  "Eurometropolis", "partial",
  ("Cyclistes franchissant la frontière", "Fietsers die de grens oversteken", "Cyclists crossing the border"),
  ("Nombre moyen journalier de cyclistes enregistrés par les compteurs aux points de passage frontaliers "
   "(les deux sens), par commune du compteur.",
   "Gemiddeld aantal fietsers per dag op de tellers aan de grensovergangen (beide richtingen), per gemeente "
   "van de teller.",
   "Average daily number of cyclists recorded by counters at border crossings (both directions), by "
   "municipality of the counter."),
  old_codes=True, noise=0.04, shocks={2020: 1.08}, series=[
      S("EMLKT", 1900, 0.055), S("59279", 420, 0.05), S("34027", 380, 0.05), S("59152", 260, 0.06),
      S("57097", 240, 0.06), S("59650", 180, 0.05), S("57096", 200, 0.05),
  ], target=T("EMLKT", "on_track"))

I("MOB06", "A02", "departures/day", "increase", "output", "sum", 0, "Ilévia, De Lijn, TEC (horaires)",
  "MEL", "harmonised",
  ("Départs de bus transfrontaliers", "Grensoverschrijdende busvertrekken", "Cross-border bus departures"),
  ("Nombre de départs de bus franchissant la frontière un jour ouvrable type, par commune desservie.",
   "Aantal busvertrekken dat de grens oversteekt op een gemiddelde werkdag, per bediende gemeente.",
   "Number of bus departures crossing the border on a typical working day, by municipality served."),
  noise=0.02, series=[
      S("EMLKT", 262, -0.012), S("59650", 48, -0.015), S("57096", 52, -0.012), S("59279", 40, -0.01),
      S("34027", 38, -0.01), S("59599", 60, -0.015), S("57081", 24, 0.0),
  ], target=T("EMLKT", "deterioration", note="Le retour à la grille horaire d'avant 2020 conditionne le jalon "
                                             "de 2027."))

I("MOB07", "A08", "passengers/day", "increase", "result", "sum", 0,
  "SNCF Voyageurs (TER Hauts-de-France), SNCB (comptages)", "Région Hauts-de-France", "partial",
  ("Fréquentation du train Lille–Courtrai", "Reizigers op de trein Rijsel–Kortrijk", "Lille–Kortrijk train ridership"),
  ("Voyageurs par jour ouvrable sur les trains directs Lille–Courtrai ; par gare : montées vers l'autre pays.",
   "Reizigers per werkdag op de rechtstreekse treinen Rijsel–Kortrijk; per station: instappers richting het "
   "andere land.",
   "Passengers per working day on direct Lille–Kortrijk trains; by station: boardings towards the other "
   "country."),
  old_codes=True, shocks=COVID, noise=0.025, series=[
      S("EMLKT", 3100, 0.035), S("59350", 1300, 0.035), S("59512", 300, 0.03), S("59599", 380, 0.03),
      S("57096", 420, 0.03), S("34022", 900, 0.04),
  ], target=T("EMLKT", "acceleration_needed"))

I("MOB08", "A08", "trains/day", "increase", "output", "sum", 0, "SNCF, SNCB (horaires de service)",
  "Région Hauts-de-France", "harmonised",
  ("Trains directs Lille–Courtrai par jour", "Rechtstreekse treinen Rijsel–Kortrijk per dag",
   "Direct Lille–Kortrijk trains per day"),
  ("Nombre de trains directs par jour ouvrable (les deux sens) desservant la gare ou la ligne.",
   "Aantal rechtstreekse treinen per werkdag (beide richtingen) die het station of de lijn bedienen.",
   "Number of direct trains per working day (both directions) serving the station or the line."),
  series=[
      S("EMLKT", explicit=dict(zip(YEARS, [16, 16, 16, 17, 17, 17, 14, 16, 17, 18, 18, 18]))),
      S("59350", explicit=dict(zip(YEARS, [16, 16, 16, 17, 17, 17, 14, 16, 17, 18, 18, 18]))),
      S("57096", explicit=dict(zip(YEARS, [20, 20, 20, 21, 21, 21, 18, 20, 21, 22, 22, 22]))),
      S("34022", explicit=dict(zip(YEARS, [14, 14, 14, 15, 15, 15, 12, 14, None, 16, 16, 16]))),
  ], target=T("EMLKT", "limited_progress"))

I("MOB09", "A08", "minutes", "decrease", "result", "none", 0, "SNCF, SNCB (horaires de service)",
  "Région Hauts-de-France", "harmonised",
  ("Temps de trajet ferroviaire Lille–Courtrai", "Reistijd per trein Rijsel–Kortrijk",
   "Rail travel time Lille–Kortrijk"),
  ("Durée du trajet direct le plus rapide entre Lille-Flandres et Courtrai au service annuel, en minutes.",
   "Duur van de snelste rechtstreekse rit tussen Rijsel-Vlaanderen en Kortrijk in de jaardienstregeling, in "
   "minuten.",
   "Duration of the fastest direct journey between Lille-Flandres and Kortrijk in the annual timetable, in "
   "minutes."),
  series=[
      S("EMLKT", explicit=dict(zip(YEARS, [33, 33, 33, 32, 32, 32, 32, 33, 34, 35, 36, 36]))),
      S("59350", explicit=dict(zip(YEARS, [33, 33, 33, 32, 32, 32, 32, 33, 34, 35, 36, 36]))),
      S("34022", explicit=dict(zip(YEARS, [33, 33, None, 32, 32, 32, 32, 33, 34, 35, 36, 36]))),
  ], target=T("EMLKT", "not_assessed", value=34, milestone=34,
              note="Erreur volontaire de la démo : 34 min, reprise du plan de 2015, est du mauvais côté de la "
                   "référence 2019 (32 min) pour un indicateur à faire baisser : avancement non évalué."))

I("MOB10", "A28", "persons", "increase", "context", "sum", 0, "INSEE, INAMI-RIZIV (flux origine-destination)",
  "ADULM", "partial",
  ("Travailleurs frontaliers : flux entre régions et provinces", "Grensarbeiders: stromen tussen regio's en "
   "provincies", "Cross-border commuters: flows between regions and provinces"),
  ("Navetteurs domicile-travail entre les Hauts-de-France et les provinces belges (flux origine → "
   "destination). Environ 8 % des sorties vers la Belgique vont vers d'autres provinces, non représentées.",
   "Woon-werkpendelaars tussen Hauts-de-France en de Belgische provincies (stromen herkomst → bestemming). "
   "Ongeveer 8 % van de uitgaande pendel gaat naar andere provincies, niet weergegeven.",
   "Commuters between Hauts-de-France and the Belgian provinces (origin → destination flows). About 8 % of "
   "French residents working in Belgium go to other provinces, not shown."),
  tail=anchored("totaux INSEE Analyses Hauts-de-France n°94 (23 700 FR→BE fin 2017, environ 10 000 BE→FR) et "
                "recensement INSEE 2021 (environ 36 000 FR→BE) ; la répartition par province est illustrative",
                "totalen INSEE Analyses Hauts-de-France nr. 94 (23.700 FR→BE eind 2017, ongeveer 10.000 "
                "BE→FR) en INSEE-volkstelling 2021 (ongeveer 36.000 FR→BE); de verdeling per provincie is "
                "illustratief",
                "totals from INSEE Analyses Hauts-de-France no. 94 (23,700 FR→BE at the end of 2017, about "
                "10,000 BE→FR) and the INSEE census 2021 (about 36,000 FR→BE); the split by province is "
                "illustrative"),
  series=[])

I("MOB11", "A28", "persons", "increase", "context", "sum", 0, "ADULM, Intercommunale Leiedal (estimations)",
  "ADULM", "partial",
  ("Navettes transfrontalières dans l'Eurométropole et sur le littoral",
   "Grensoverschrijdende pendel in de Eurometropool en aan de kust",
   "Cross-border commuting within the Eurometropolis and on the coast"),
  ("Navetteurs domicile-travail entre intercommunalités françaises et arrondissements belges (flux origine → "
   "destination).",
   "Woon-werkpendelaars tussen Franse intercommunales en Belgische arrondissementen (stromen herkomst → "
   "bestemming).",
   "Commuters between French inter-municipal bodies and Belgian arrondissements (origin → destination flows)."),
  series=[])

I("MOB12", "A23", "thousand passengers", "increase", "result", "sum", 0, "SNCF Voyageurs, SNCB, Eurostar",
  "MEL", "partial",
  ("Voyageurs ferroviaires Lille–Bruxelles", "Treinreizigers Rijsel–Brussel", "Lille–Brussels rail passengers"),
  ("Voyageurs annuels entre les gares de la métropole lilloise et de Bruxelles, tous trains directs, comptés "
   "au départ.",
   "Jaarlijkse reizigers tussen de stations van de Rijselse metropool en Brussel, alle rechtstreekse treinen, "
   "geteld bij vertrek.",
   "Annual passengers between the stations of the Lille metropolis and Brussels, all direct trains, counted "
   "at departure."),
  shocks={2020: 0.4, 2021: 0.65, 2022: 0.92}, noise=0.02, series=[
      S(MEL, 1650, 0.032), S("BE100", 1580, 0.03), S("59350", 1520, 0.032), S("21004", 1400, 0.03),
  ], target=T(MEL, "on_track"))

I("MOB13", "A23", "minutes", "decrease", "result", "none", 0, "SNCF, SNCB (horaires de service)", "MEL",
  "harmonised",
  ("Temps de trajet ferroviaire Lille–Bruxelles", "Reistijd per trein Rijsel–Brussel",
   "Rail travel time Lille–Brussels"),
  ("Durée du trajet direct le plus rapide entre Lille (Europe ou Flandres) et Bruxelles-Midi, en minutes.",
   "Duur van de snelste rechtstreekse rit tussen Rijsel (Europe of Vlaanderen) en Brussel-Zuid, in minuten.",
   "Duration of the fastest direct journey between Lille (Europe or Flandres) and Brussels-Midi, in minutes."),
  series=[
      S(MEL, explicit=dict(zip(YEARS, [35, 35, 35, 35, 35, 35, 35, 35, 35, 34, 34, 34]))),
      S("BE100", explicit=dict(zip(YEARS, [35, 35, 35, 35, 35, 35, 35, None, 35, 34, 34, 34]))),
      S("59350", explicit=dict(zip(YEARS, [35, 35, 35, 35, 35, 35, 35, 35, 35, 34, 34, 34]))),
  ], target=T(MEL, "limited_progress"))

I("MOB14", "A23", "trains/day", "increase", "output", "sum", 0, "SNCF, SNCB, Eurostar (horaires)", "MEL",
  "harmonised",
  ("Trains directs Lille–Bruxelles par jour", "Rechtstreekse treinen Rijsel–Brussel per dag",
   "Direct Lille–Brussels trains per day"),
  ("Nombre de trains directs par jour ouvrable entre Lille et Bruxelles (les deux sens), grande vitesse et "
   "intercités.",
   "Aantal rechtstreekse treinen per werkdag tussen Rijsel en Brussel (beide richtingen), hogesnelheid en IC.",
   "Number of direct trains per working day between Lille and Brussels (both directions), high-speed and "
   "intercity."),
  series=[
      S(MEL, explicit=dict(zip(YEARS, [26, 26, 25, 25, 24, 24, 12, 16, 20, 21, 22, 22]))),
      S("BE100", explicit=dict(zip(YEARS, [26, 26, 25, None, 24, 24, 12, 16, 20, 21, 22, 22]))),
  ], target=T(MEL, "deterioration"))

I("MOB15", "A17", "passengers", "increase", "result", "sum", 0, "DK'Bus, De Lijn", "CU de Dunkerque", "partial",
  ("Voyageurs du bus côtier Dunkerque–La Panne", "Reizigers van de kustbus Duinkerke–De Panne",
   "Dunkirk–De Panne coastal bus passengers"),
  ("Voyageurs annuels de la ligne de bus transfrontalière du littoral, par commune de montée.",
   "Jaarlijkse reizigers op de grensoverschrijdende kustbuslijn, per gemeente van instap.",
   "Annual passengers on the cross-border coastal bus line, by municipality of boarding."),
  years=range(2016, 2026), shocks={2020: 0.6, 2021: 0.85}, series=[
      S(CUD, 48000, 0.075), S("59183", 30000, 0.07), S("59107", 6000, 0.08), S("38008", 14000, 0.07),
  ], target=T(CUD, "achieved"))

I("MOB16", "A09", "km", "increase", "output", "sum", 1, "MEL, Provincie West-Vlaanderen", "MEL", "harmonised",
  ("Vélo-routes express aménagées", "Aangelegde fietssnelwegen", "Cycle highways completed"),
  ("Longueur cumulée de vélo-routes express (standard commun : largeur, continuité, priorité) mises en "
   "service.",
   "Gecumuleerde lengte van in gebruik genomen fietssnelwegen (gemeenschappelijke norm: breedte, "
   "doorlopendheid, voorrang).",
   "Cumulative length of cycle highways (common standard: width, continuity, priority) opened."),
  years=range(2016, 2026), mode="cum", noise=0.35, series=[
      S("EMLKT", 12.0, 8.0), S(MEL, 5.0, 4.0), S("BE254", 7.0, 3.5), S("BE328", 2.0, 1.0),
  ], target=T("EMLKT", "on_track"))

I("MOB17", "A29", "stations", "increase", "output", "sum", 0, "MEL, Stad Menen", "MEL", "harmonised",
  ("Stations de vélos partagés transfrontalières", "Grensoverschrijdende deelfietsstations",
   "Cross-border bike-share stations"),
  ("Stations de vélos en libre-service interopérables des deux côtés de la frontière (action abandonnée en "
   "2021).",
   "Interoperabele deelfietsstations aan beide kanten van de grens (actie stopgezet in 2021).",
   "Interoperable bike-share stations on both sides of the border (action dropped in 2021)."),
  series=[
      S("EMLKT", explicit={2019: 4, 2020: 6, 2021: 6}), S("59279", explicit={2019: 2, 2020: 3}),
      S("34027", explicit={2019: 2, 2020: 3}),
  ])

I("MOB18", "A02", "%", "increase", "result", "mean", 1, "Enquêtes frontaliers ADULM–Leiedal", "ADULM",
  "partial",
  ("Part des frontaliers en transport collectif", "Aandeel grensarbeiders met het openbaar vervoer",
   "Share of cross-border commuters using public transport"),
  ("Part des navetteurs transfrontaliers utilisant principalement le train ou le bus, au lieu de résidence.",
   "Aandeel van de grensoverschrijdende pendelaars dat hoofdzakelijk trein of bus gebruikt, volgens woonplaats.",
   "Share of cross-border commuters mainly using train or bus, by place of residence."),
  mode="lin", noise=0.02, series=[
      S("EMLKT", 9.0, 0.10), S(MEL, 9.6, 0.12), S("BE254", 6.0, 0.05), S("BE328", 7.4, 0.08),
  ], target=T("EMLKT", "limited_progress"))

# --------------------------------------------------------------------------- citizenship

I("CIT01", "A03", "pupils", "increase", "result", "sum", 0, "Rectorat de Lille, Onderwijs Vlaanderen, FWB",
  "Eurometropolis", "not_comparable",
  ("Élèves en classes bilingues ou d'immersion", "Leerlingen in tweetalige of immersieklassen",
   "Pupils in bilingual or immersion classes"),
  ("Élèves suivant une partie de l'enseignement dans la langue du voisin (néerlandais côté français et "
   "wallon, français côté flamand).",
   "Leerlingen die een deel van het onderwijs in de taal van de buren volgen (Nederlands aan Franse en Waalse "
   "kant, Frans aan Vlaamse kant).",
   "Pupils taught part of the curriculum in the neighbour's language (Dutch on the French and Walloon sides, "
   "French on the Flemish side)."),
  years=range(2014, 2025), series=[
      S("EMLKT", 3800, 0.06), S(MEL, 1200, 0.09), S("BE328", 2300, 0.04), S("BE254", 300, 0.05),
  ], target=T("EMLKT", "on_track"))

I("CIT02", "A03", "partnerships", "increase", "output", "sum", 0, "Eurometropolis", "Eurometropolis",
  "harmonised",
  ("Partenariats scolaires transfrontaliers", "Grensoverschrijdende schoolpartnerschappen",
   "Cross-border school partnerships"),
  ("Partenariats actifs entre écoles des deux côtés de la frontière (échanges de classes, projets communs), "
   "par localisation de l'école.",
   "Actieve partnerschappen tussen scholen aan beide kanten van de grens (klasuitwisselingen, gezamenlijke "
   "projecten), volgens ligging van de school.",
   "Active partnerships between schools on both sides of the border (class exchanges, joint projects), by "
   "location of the school."),
  shocks={2020: 0.6, 2021: 0.85}, noise=0.04, series=[
      S("EMLKT", 35, 0.09), S(MEL, 18, 0.09), S("BE254", 10, 0.08), S("BE328", 9, 0.09),
  ], target=T("EMLKT", "achieved"))

I("CIT03", "A04", "requests", "increase", "output", "sum", 0, "Eurometropolis (Infopoint frontaliers)",
  "Eurometropolis", "harmonised",
  ("Demandes traitées par les points d'information frontaliers", "Vragen behandeld door de infopunten voor "
   "grensarbeiders", "Requests handled by cross-border information points"),
  ("Demandes d'information individuelles traitées dans l'année, par lieu du point d'information.",
   "In de loop van het jaar behandelde individuele informatievragen, volgens ligging van het infopunt.",
   "Individual information requests handled in the year, by location of the information point."),
  noise=0.04, series=[
      S("EMLKT", 2400, 0.04), S(MEL, 1100, 0.045), S("BE254", 700, 0.035), S("BE328", 600, 0.04),
  ], target=T("EMLKT", "acceleration_needed"))

I("CIT04", "A10", "participants", "increase", "output", "sum", 0, "Eurometropolis", "Eurometropolis",
  "harmonised",
  ("Participants aux événements citoyens eurométropolitains", "Deelnemers aan Eurometropolitane "
   "burgerevenementen", "Participants in Eurometropolitan citizen events"),
  ("Participants aux événements ouverts au public organisés par l'Eurométropole et ses partenaires, par lieu "
   "de l'événement.",
   "Deelnemers aan publieksevenementen van de Eurometropool en haar partners, volgens plaats van het "
   "evenement.",
   "Participants in public events organised by the Eurometropolis and its partners, by place of the event."),
  shocks={2020: 0.25, 2021: 0.5, 2022: 0.72, 2023: 0.78, 2024: 0.8, 2025: 0.8}, noise=0.03, series=[
      S("EMLKT", 18000, 0.03), S(MEL, 8000, 0.03), S("BE254", 5000, 0.03), S("BE328", 4000, 0.03),
  ], target=T("EMLKT", "deterioration"))

I("CIT05", "A21", "%", "increase", "result", "mean", 1, "Rectorat de Lille, Onderwijs Vlaanderen, FWB",
  "Région Hauts-de-France", "partial",
  ("Élèves apprenant la langue du voisin", "Leerlingen die de taal van de buren leren",
   "Pupils learning the neighbour's language"),
  ("Part des élèves du secondaire apprenant le néerlandais (côtés français et wallon) ou le français (côté "
   "flamand).",
   "Aandeel leerlingen secundair onderwijs dat Nederlands (Franse en Waalse kant) of Frans (Vlaamse kant) "
   "leert.",
   "Share of secondary pupils learning Dutch (French and Walloon sides) or French (Flemish side)."),
  mode="lin", noise=0.015, years=range(2014, 2025), series=[
      S("FRE11", 3.1, 0.05), S("FRE12", 0.8, 0.01), S("BE25", 95.5, -0.15), S("BE32", 53.0, -0.6),
  ], target=T("FRE11", "limited_progress"))

I("CIT06", "A21", "%", "increase", "context", "mean", 1, "Baromètre de l'Eurométropole (enquête)",
  "Eurometropolis", "harmonised",
  ("Habitants parlant la langue du voisin", "Inwoners die de taal van de buren spreken",
   "Residents speaking the neighbour's language"),
  ("Part des adultes déclarant pouvoir tenir une conversation dans la langue de l'autre côté de la frontière "
   "(enquête biennale).",
   "Aandeel volwassenen dat zegt een gesprek te kunnen voeren in de taal van de andere kant van de grens "
   "(tweejaarlijkse enquête).",
   "Share of adults saying they can hold a conversation in the language of the other side of the border "
   "(survey every two years)."),
  mode="lin", noise=0.01, series=[
      S("EMLKT", 24.5, -0.25, years=[2015, 2017, 2019, 2021, 2023, 2025]),
      S(MEL, 9.0, 0.08, years=[2015, 2017, 2019, 2021, 2023]),
      S("BE254", 58.0, -0.45, years=[2015, 2017, 2019, 2021, 2023]),
      S("BE328", 24.0, -0.2, years=[2015, 2017, 2019, 2021, 2023]),
  ])

I("CIT07", "A25", "students", "increase", "output", "sum", 0, "Université de Lille, ULB, VUB",
  "Université de Lille", "partial",
  ("Étudiants en échange Lille–Bruxelles", "Uitwisselingsstudenten Rijsel–Brussel",
   "Students in Lille–Brussels exchanges"),
  ("Étudiants inscrits dans un programme d'échange ou un double diplôme entre établissements lillois et "
   "bruxellois, par établissement d'origine.",
   "Studenten in een uitwisselingsprogramma of dubbel diploma tussen Rijselse en Brusselse instellingen, "
   "volgens instelling van herkomst.",
   "Students enrolled in an exchange or double-degree programme between Lille and Brussels institutions, by "
   "home institution."),
  shocks={2020: 0.6, 2021: 0.8}, noise=0.03, series=[S(MEL, 420, 0.055), S("BE100", 380, 0.045)],
  target=T(MEL, "on_track"))

I("CIT08", "A25", "students", "increase", "context", "sum", 0, "Campus France, ARES, Onderwijs Vlaanderen",
  "Université de Lille", "partial",
  ("Étudiants inscrits de l'autre côté de la frontière", "Studenten ingeschreven aan de andere kant van de grens",
   "Students enrolled across the border"),
  ("Étudiants de l'enseignement supérieur inscrits dans un établissement de l'autre pays (flux résidence → "
   "établissement), année universitaire commençant dans la période.",
   "Studenten hoger onderwijs ingeschreven in een instelling in het andere land (stromen woonplaats → "
   "instelling), academiejaar dat in de periode begint.",
   "Higher-education students enrolled in the other country (flows residence → institution), academic year "
   "starting in the period."),
  series=[])

I("CIT09", "A27", "obstacles", "increase", "result", "sum", 0, "MOT, Eurometropolis", "MOT", "harmonised",
  ("Obstacles transfrontaliers levés", "Weggewerkte grensoverschrijdende obstakels",
   "Cross-border obstacles removed"),
  ("Nombre cumulé d'obstacles juridiques ou administratifs levés depuis 2014 (accord, circulaire, changement "
   "de pratique), par administration compétente.",
   "Gecumuleerd aantal juridische of administratieve obstakels weggewerkt sinds 2014 (akkoord, omzendbrief, "
   "gewijzigde praktijk), volgens bevoegde overheid.",
   "Cumulative number of legal or administrative obstacles removed since 2014 (agreement, circular, change of "
   "practice), by competent administration."),
  mode="cum", noise=0.4, series=[
      S("EMLKT", 2, 2.0), S(MEL, 1, 1.0), S("BE254", 1, 0.6), S("BE328", 0, 0.5),
  ], target=T("EMLKT", "acceleration_needed"))

I("CIT10", "A25", "events", "increase", "output", "sum", 0, "MEL, visit.brussels", "MEL", "harmonised",
  ("Événements culturels coorganisés Lille–Bruxelles", "Samen georganiseerde culturele evenementen "
   "Rijsel–Brussel", "Cultural events co-organised by Lille and Brussels"),
  ("Événements culturels coorganisés par des institutions lilloises et bruxelloises, par lieu de "
   "l'événement.",
   "Culturele evenementen die Rijselse en Brusselse instellingen samen organiseren, volgens plaats van het "
   "evenement.",
   "Cultural events co-organised by Lille and Brussels institutions, by place of the event."),
  years=range(2016, 2026), shocks={2020: 0.3, 2021: 0.6}, noise=0.08, series=[
      S(MEL, 6, 0.08), S("BE100", 5, 0.08),
  ])

# --------------------------------------------------------------------------- economy

I("ECO01", "A05", "%", "decrease", "context", "none", 1,
  "INSEE (taux de chômage localisés), Steunpunt Werk, IWEPS, view.brussels", "ADULM", "partial",
  ("Taux de chômage", "Werkloosheidsgraad", "Unemployment rate"),
  ("Chômeurs au sens du BIT en pourcentage de la population active, moyenne annuelle ; estimations "
   "localisées nationales.",
   "Werklozen volgens de IAO-definitie in procent van de beroepsbevolking, jaargemiddelde; nationale lokale "
   "ramingen.",
   "ILO unemployed as a percentage of the labour force, annual average; national local estimates."),
  years=range(2014, 2025), mode="lin", noise=0.015, shocks={2020: 0.97, 2021: 1.02}, series=[
      S("FRE11", 12.9, -0.33), S("FRE12", 12.3, -0.33), S(MEL, 11.8, -0.28), S(CUD, 13.6, -0.36),
      S("BE254", 5.0, -0.15), S("BE328", 10.6, -0.3), S("BE25", 5.3, -0.17), S("BE100", 17.5, -0.6),
  ])

I("ECO02", "A05", "placements", "increase", "result", "sum", 0, "France Travail, VDAB, Le Forem",
  "France Travail", "harmonised",
  ("Demandeurs d'emploi placés de l'autre côté", "Werkzoekenden aan de andere kant aan het werk",
   "Job seekers placed across the border"),
  ("Demandeurs d'emploi ayant trouvé un emploi de l'autre côté de la frontière avec l'appui du guichet "
   "commun, par lieu de résidence.",
   "Werkzoekenden die met steun van het gezamenlijke loket aan de andere kant van de grens werk vonden, "
   "volgens woonplaats.",
   "Job seekers who found a job across the border with the joint desk's support, by place of residence."),
  shocks={2020: 0.6, 2021: 0.85}, noise=0.03, series=[
      S("EMLKT", 650, 0.075), S(MEL, 520, 0.075), S("BE328", 85, 0.06), S("BE254", 30, 0.07),
  ], target=T("EMLKT", "on_track"))

I("ECO03", "A05", "job offers", "increase", "output", "sum", 0, "France Travail, VDAB, Le Forem",
  "France Travail", "harmonised",
  ("Offres d'emploi diffusées de l'autre côté", "Vacatures verspreid aan de andere kant",
   "Job offers published across the border"),
  ("Offres d'emploi diffusées aux demandeurs d'emploi de l'autre pays, par lieu de l'employeur.",
   "Vacatures verspreid onder werkzoekenden van het andere land, volgens vestigingsplaats van de werkgever.",
   "Job offers published to job seekers of the other country, by location of the employer."),
  noise=0.03, shocks={2020: 0.7}, series=[
      S("EMLKT", 4200, 0.035), S("BE254", 2600, 0.04), S("BE328", 900, 0.03), S(MEL, 700, 0.03),
  ], target=T("EMLKT", "acceleration_needed"))

I("ECO04", "A11", "companies", "increase", "output", "sum", 0, "ADULM, Eurometropolis, Leiedal, IDETA",
  "ADULM", "partial",
  ("Entreprises accompagnées dans leur développement transfrontalier", "Bedrijven begeleid bij "
   "grensoverschrijdende uitbreiding", "Companies supported in cross-border development"),
  ("Entreprises ayant bénéficié d'un accompagnement pour s'implanter ou vendre de l'autre côté, par siège "
   "de l'entreprise.",
   "Bedrijven die begeleiding kregen om zich aan de andere kant te vestigen of er te verkopen, volgens "
   "zetel.",
   "Companies supported to set up or sell on the other side, by company head office."),
  years=range(2016, 2026), noise=0.05, series=[
      S("EMLKT", 45, 0.08), S(MEL, 20, 0.08), S("BE254", 14, 0.08), S("BE328", 11, 0.07),
  ], target=T("EMLKT", "on_track"))

I("ECO05", "A11", "projects", "increase", "result", "sum", 0,
  "Business France, Flanders Investment & Trade, AWEX, ADULM", "ADULM", "partial",
  ("Projets d'investissement étranger", "Buitenlandse investeringsprojecten", "Foreign direct investment "
   "projects"),
  ("Projets d'investissement direct étranger créateurs d'emplois annoncés dans l'année, par territoire "
   "d'implantation.",
   "Buitenlandse investeringsprojecten met nieuwe banen aangekondigd in het jaar, volgens vestigingsplaats.",
   "Job-creating foreign direct investment projects announced in the year, by location."),
  noise=0.06, shocks={2020: 0.75}, series=[
      S(MEL, 38, 0.02), S("BE254", 12, 0.02), S("BE328", 6, 0.03), S("EMLKT", 58, 0.02),
  ], target=T(MEL, "acceleration_needed"))

EUROSTAT_GDP = {  # nama_10r_3gdp, EUR_HAB, as published (value, flag)
    "FRE11": {2014: 28500, 2015: 29200, 2016: 29500, 2017: 30400, 2018: 31200, 2019: 31600, 2020: (30400, "e"),
              2021: (32800, "e")},
    "FRE12": {2015: 22300, 2016: 22700, 2017: 23200, 2018: 23600, 2019: 24300, 2020: (23500, "e"),
              2021: (24900, "e")},
    "BE251": {2015: 36600, 2016: 37800, 2017: 39000, 2018: 40400, 2019: 42000, 2020: (39400, "p"),
              2021: (43300, "p")},
    "BE253": {2015: 32800, 2016: 34000, 2017: 34700, 2018: 35500, 2019: 35900, 2020: (34800, "p"),
              2021: (37900, "p")},
    "BE254": {2015: 39500, 2016: 41300, 2017: 42800, 2018: 43500, 2019: 44900, 2020: (43700, "p"),
              2021: (48600, "p")},
    "BE255": {2015: 28500, 2016: 29400, 2017: 30100, 2018: 31300, 2019: 33200, 2020: (32900, "p"),
              2021: (36100, "p")},
    "BE258": {2015: 34000, 2016: 35500, 2017: 36300, 2018: 37400, 2019: 38000, 2020: (36100, "p"),
              2021: (39700, "p")},
    "BE328": {2017: 29800, 2018: 30700, 2019: 31600, 2020: (30600, "p"), 2021: (33700, "p")},
    "BE100": {2015: 66200, 2016: 66700, 2017: 68400, 2018: 69600, 2019: 71700, 2020: (67900, "p"),
              2021: (73600, "p")},
}


def _eurostat(terr: str) -> dict:
    vals, flags = {}, {}
    for y, v in EUROSTAT_GDP[terr].items():
        if isinstance(v, tuple):
            vals[y], flags[y] = v
        else:
            vals[y] = v
    return S(terr, explicit=vals, flags=flags, source_all="Eurostat, nama_10r_3gdp (EUR_HAB)")


I("ECO06", "A11", "EUR/inhabitant", "increase", "context", "none", 0, "Eurostat, nama_10r_3gdp", "ADULM",
  "harmonised",
  ("PIB par habitant", "Bbp per inwoner", "GDP per inhabitant"),
  ("Produit intérieur brut aux prix courants du marché par habitant, régions NUTS 3, en euros (Eurostat). "
   "Le Nord remonte à 2014, les autres territoires à 2015 (2017 pour Tournai-Mouscron, créé en 2019).",
   "Bruto binnenlands product tegen lopende marktprijzen per inwoner, NUTS 3-regio's, in euro (Eurostat). "
   "Nord vanaf 2014, de andere gebieden vanaf 2015 (2017 voor Doornik-Moeskroen, opgericht in 2019).",
   "Gross domestic product at current market prices per inhabitant, NUTS 3 regions, in euros (Eurostat). "
   "Nord from 2014, the other territories from 2015 (2017 for Tournai-Mouscron, created in 2019)."),
  tail=("Chiffres publiés : Eurostat, nama_10r_3gdp (EUR_HAB), avec les indicateurs p et e d'Eurostat ; "
        "aucune valeur illustrative.",
        "Gepubliceerde cijfers: Eurostat, nama_10r_3gdp (EUR_HAB), met de vlaggen p en e van Eurostat; geen "
        "illustratieve waarden.",
        "Published figures: Eurostat, nama_10r_3gdp (EUR_HAB), with Eurostat's p and e flags; no illustrative "
        "values."),
  years=range(2014, 2022), prov=False, series=[_eurostat(t) for t in EUROSTAT_GDP])

ARCEP_2019 = {  # ARCEP, logements et locaux éligibles >= 100 Mbit/s au 30/09/2019 (thd100 + thd1g) / total
    "FRE11": 58.6, "59350": 91.8, "59512": 78.8, "59599": 83.5, "59650": 79.8, "59279": 44.6, "59152": 45.0,
    "59017": 19.4, "59656": 24.9, "59098": 0.0, "59044": 62.8, "59183": 89.2, "59295": 4.7, "59043": 5.8,
}


def _broadband_fr(terr: str) -> dict:
    v19 = ARCEP_2019[terr]
    vals = {}
    for y in range(2016, 2026):
        if y < 2019:
            v = v19 * 0.82 ** (2019 - y)
        elif y == 2019:
            v = v19
        else:
            v = 100 - (100 - v19) * math.exp(-0.48 * (y - 2019)) - 2.5 * (1 - math.exp(-0.5 * (y - 2019)))
        vals[y] = round(min(99.5, max(0.0, v)), 1)
    return S(terr, explicit=vals, notes={2019: "ARCEP, situation au 30/09/2019"},
             sources={2019: "ARCEP, éligibilité THD par commune (T3 2019)"})


I("ECO07", "A16", "%", "increase", "result", "mean", 1, "ARCEP (Ma connexion internet), IBPT-BIPT",
  "Région Hauts-de-France", "partial",
  ("Couverture en très haut débit (≥ 100 Mbit/s)", "Dekking met supersnel internet (≥ 100 Mbit/s)",
   "Very-high-speed broadband coverage (≥ 100 Mbit/s)"),
  ("Part des logements et locaux professionnels éligibles à un débit descendant d'au moins 100 Mbit/s, "
   "toutes technologies filaires.",
   "Aandeel woningen en bedrijfspanden dat in aanmerking komt voor een downloadsnelheid van minstens "
   "100 Mbit/s, alle vaste technologieën.",
   "Share of dwellings and business premises eligible for at least 100 Mbit/s download, all fixed "
   "technologies."),
  tail=anchored("ARCEP, éligibilité par commune au 30 septembre 2019 (valeurs 2019 côté français ; Nord 58,6 %)",
                "ARCEP, geschiktheid per gemeente op 30 september 2019 (waarden 2019 aan Franse kant; Nord 58,6 %)",
                "ARCEP, eligibility by commune at 30 September 2019 (2019 values on the French side; Nord "
                "58.6 %)"),
  series=[
      S("FRE11", explicit={2014: 31.0, 2015: 37.5, 2016: 43.0, 2017: 48.6, 2018: 53.9, 2019: 58.6, 2020: 67.4,
                           2021: 76.8, 2022: 84.9, 2023: 90.2, 2024: 93.8, 2025: 96.1},
        notes={2019: "ARCEP, situation au 30/09/2019 (848 763 locaux sur 1 447 824)"},
        sources={2019: "ARCEP, éligibilité THD par commune (T3 2019)"}),
      *[_broadband_fr(t) for t in ("59350", "59512", "59599", "59279", "59152", "59017", "59098", "59183",
                                   "59295")],
      S("34022", 95.5, 0.006, years=range(2016, 2026), noise=0.004, hi=99.6),
      S("34027", 94.0, 0.007, years=range(2016, 2026), noise=0.004, hi=99.6),
      S("57096", 93.0, 0.008, years=range(2016, 2026), noise=0.004, hi=99.6),
      S("57097", 86.0, 0.012, years=range(2016, 2026), noise=0.004, hi=99.6),
      S("33011", 92.0, 0.009, years=range(2016, 2026), noise=0.004, hi=99.6),
  ], target=T("FRE11", "achieved", value=95.0, milestone=85.0,
              note="Objectif national « fibre pour tous » ; atteint dans le Nord en 2025 (provisoire)."))

I("ECO08", "A18", "persons", "increase", "output", "sum", 0, "Région Hauts-de-France, VDAB, Provincie "
  "West-Vlaanderen", "Provincie West-Vlaanderen", "partial",
  ("Apprentis et stagiaires transfrontaliers", "Grensoverschrijdende leerlingen en stagiairs",
   "Cross-border apprentices and trainees"),
  ("Apprentis et stagiaires en formation chez un employeur de l'autre côté de la frontière, par lieu de "
   "l'employeur.",
   "Leerlingen en stagiairs in opleiding bij een werkgever aan de andere kant van de grens, volgens plaats "
   "van de werkgever.",
   "Apprentices and trainees trained by an employer on the other side of the border, by location of the "
   "employer."),
  years=range(2016, 2026), noise=0.04, shocks={2020: 0.75}, series=[
      S("BE25", 120, 0.045), S("BE253", 32, 0.05), S("BE258", 22, 0.05), S(CUD, 58, 0.04), S(CCFI, 35, 0.04),
  ], target=T("BE25", "acceleration_needed"))

I("ECO09", "A18", "%", "increase", "context", "none", 1, "INSEE, Statbel (enquête forces de travail)",
  "Provincie West-Vlaanderen", "partial",
  ("Taux d'emploi des 20-64 ans", "Werkzaamheidsgraad 20-64 jaar", "Employment rate, age 20-64"),
  ("Personnes de 20 à 64 ans en emploi en pourcentage de la population du même âge.",
   "Werkende personen van 20 tot 64 jaar in procent van de bevolking van die leeftijd.",
   "Employed persons aged 20-64 as a percentage of the population of the same age."),
  years=range(2014, 2025), mode="lin", noise=0.006, series=[
      S("FRE11", 63.0, 0.36), S("FRE12", 61.4, 0.3), S("BE25", 73.6, 0.3), S("BE32", 60.8, 0.32),
      S("BE100", 60.5, 0.42),
  ])

I("ECO10", "A24", "missions", "increase", "output", "sum", 0, "MEL, hub.brussels", "MEL", "harmonised",
  ("Missions économiques croisées Lille–Bruxelles", "Wederzijdse handelsmissies Rijsel–Brussel",
   "Lille–Brussels reciprocal trade missions"),
  ("Missions d'entreprises organisées dans l'autre métropole, par organisateur.",
   "Bedrijfsmissies naar de andere metropool, volgens organisator.",
   "Business missions organised to the other metropolis, by organiser."),
  years=range(2016, 2026), mode="lin", noise=0.08, shocks={2020: 0.25, 2021: 0.6}, series=[
      S(MEL, 4, 0.65), S("BE100", 3, 0.5),
  ], target=T(MEL, "on_track"))

I("ECO11", "A24", "start-ups", "increase", "result", "sum", 0, "EuraTechnologies, hub.brussels", "MEL",
  "harmonised",
  ("Start-ups en incubation croisée", "Start-ups in kruisincubatie", "Start-ups in cross-incubation"),
  ("Start-ups accueillies dans l'incubateur partenaire de l'autre métropole au cours de l'année, par "
   "incubateur d'origine.",
   "Start-ups die in de loop van het jaar in de partnerincubator van de andere metropool terechtkonden, "
   "volgens incubator van herkomst.",
   "Start-ups hosted by the partner incubator of the other metropolis during the year, by home incubator."),
  years=range(2018, 2026), noise=0.04, series=[S(MEL, 14, 0.03), S("BE100", 11, 0.035)],
  target=T(MEL, "acceleration_needed"))

# --------------------------------------------------------------------------- climate

I("CLI01", "A13", "µg/m³", "decrease", "result", "mean", 1, "Atmo Hauts-de-France, IRCEL-CELINE",
  "Atmo Hauts-de-France", "harmonised",
  ("Particules fines PM2,5 (moyenne annuelle)", "Fijn stof PM2,5 (jaargemiddelde)", "PM2.5 annual mean"),
  ("Concentration moyenne annuelle de PM2,5 aux stations de fond urbain, méthode de référence de la "
   "directive 2008/50/CE.",
   "Jaargemiddelde concentratie PM2,5 op de stedelijke achtergrondstations, referentiemethode van richtlijn "
   "2008/50/EG.",
   "Annual mean PM2.5 concentration at urban background stations, reference method of Directive 2008/50/EC."),
  years=range(2014, 2025), old_codes=True, noise=0.035, series=[
      S(MEL, 14.5, -0.04), S("59350", 14.8, -0.04), S("59512", 14.2, -0.038), S("59183", 15.5, -0.03),
      S("34022", 15.0, -0.04), S("57096", 14.0, -0.038), S("57081", 13.2, -0.035), S("21004", 14.3, -0.045),
      S("31005", 12.0, -0.035),
  ], target=T(MEL, "on_track", note="Ambition au-delà de la valeur limite européenne 2030 de 10 µg/m³."))

I("CLI02", "A13", "µg/m³", "decrease", "result", "mean", 1, "Atmo Hauts-de-France, IRCEL-CELINE",
  "Atmo Hauts-de-France", "harmonised",
  ("Dioxyde d'azote NO2 (moyenne annuelle)", "Stikstofdioxide NO2 (jaargemiddelde)", "NO2 annual mean"),
  ("Concentration moyenne annuelle de NO2 aux stations urbaines, méthode de référence de la directive "
   "2008/50/CE.",
   "Jaargemiddelde concentratie NO2 op de stedelijke stations, referentiemethode van richtlijn 2008/50/EG.",
   "Annual mean NO2 concentration at urban stations, reference method of Directive 2008/50/EC."),
  years=range(2014, 2025), noise=0.03, shocks={2020: 0.85}, series=[
      S(MEL, 27.0, -0.028), S("59350", 31.0, -0.03), S("59512", 28.0, -0.03), S("59599", 26.0, -0.028),
      S("59183", 21.0, -0.02), S("34022", 27.0, -0.03), S("57081", 22.0, -0.025), S("21004", 36.0, -0.04),
  ], target=T(MEL, "acceleration_needed"))

I("CLI03", "A13", "stations", "increase", "output", "sum", 0, "Atmo Hauts-de-France, IRCEL-CELINE",
  "Atmo Hauts-de-France", "harmonised",
  ("Stations de mesure sur la plateforme commune", "Meetstations op het gemeenschappelijke platform",
   "Monitoring stations on the common platform"),
  ("Stations de mesure de la qualité de l'air dont les données sont publiées sur la plateforme "
   "transfrontalière commune, par localisation.",
   "Luchtmeetstations waarvan de gegevens op het gemeenschappelijke grensoverschrijdende platform "
   "verschijnen, volgens ligging.",
   "Air-quality stations whose data are published on the common cross-border platform, by location."),
  years=range(2018, 2026), series=[
      S("EMLKT", explicit=dict(zip(range(2018, 2026), [12, 15, 18, 21, 24, 26, 28, 30]))),
      S(MEL, explicit=dict(zip(range(2018, 2026), [6, 7, 9, 10, 12, 13, 14, 15]))),
      S("BE254", explicit=dict(zip(range(2018, 2026), [3, 4, 5, 6, 6, 7, 7, 8]))),
      S("BE328", explicit=dict(zip(range(2018, 2026), [3, 4, 4, 5, 6, 6, 7, 7]))),
  ], target=T("EMLKT", "on_track"))

I("CLI04", "A14", "t CO2e/inhabitant", "decrease", "result", "none", 1,
  "Observatoire climat Hauts-de-France, VMM, AwAC", "MEL", "not_comparable",
  ("Émissions de gaz à effet de serre par habitant", "Broeikasgasuitstoot per inwoner",
   "Greenhouse gas emissions per inhabitant"),
  ("Émissions territoriales directes de gaz à effet de serre (scope 1) divisées par la population ; "
   "inventaires régionaux aux méthodes différentes.",
   "Directe territoriale broeikasgasuitstoot (scope 1) gedeeld door de bevolking; regionale inventarissen "
   "met verschillende methoden.",
   "Direct territorial greenhouse gas emissions (scope 1) divided by population; regional inventories with "
   "different methods."),
  years=range(2014, 2024), noise=0.01, shocks={2020: 0.93}, series=[
      S(MEL, 6.6, -0.014), S(CUD, 62.0, -0.015), S("BE254", 9.5, -0.015), S("BE328", 8.0, -0.012),
  ], target=T(MEL, "limited_progress", baseline=2018))

I("CLI05", "A14", "%", "increase", "result", "mean", 1, "Observatoire climat Hauts-de-France, VEA, SPW Énergie",
  "MEL", "partial",
  ("Part des énergies renouvelables", "Aandeel hernieuwbare energie", "Renewable energy share"),
  ("Part de la consommation finale d'énergie couverte par une production renouvelable locale.",
   "Aandeel van het finale energieverbruik gedekt door lokale hernieuwbare productie.",
   "Share of final energy consumption covered by local renewable production."),
  years=range(2014, 2024), mode="lin", noise=0.02, series=[
      S(MEL, 4.2, 0.3), S("BE254", 7.5, 0.6), S("BE328", 9.0, 0.5),
  ], target=T(MEL, "acceleration_needed", baseline=2018))

I("CLI06", "A06", "ha", "increase", "output", "sum", 0, "MEL, Intercommunale Leiedal", "MEL", "harmonised",
  ("Surfaces restaurées du corridor Deûle–Lys", "Herstelde oppervlakte van de corridor Deûle–Leie",
   "Deûle–Lys corridor area restored"),
  ("Surface cumulée de berges, zones humides et prairies restaurées le long du corridor depuis 2015.",
   "Gecumuleerde oppervlakte herstelde oevers, waterrijke gebieden en graslanden langs de corridor sinds 2015.",
   "Cumulative area of riverbanks, wetlands and grassland restored along the corridor since 2015."),
  years=range(2015, 2026), mode="cum", noise=0.3, series=[
      S("EMLKT", 40, 25), S(MEL, 25, 14), S("BE254", 15, 11), S("59152", 4, 2), S("33029", 3, 1.5),
  ], target=T("EMLKT", "on_track"))

I("CLI07", "A06", "%", "increase", "result", "mean", 1, "MEL, Intercommunale Leiedal (cartographie)", "MEL",
  "partial",
  ("Berges naturelles de la Deûle et de la Lys", "Natuurlijke oevers van Deûle en Leie",
   "Natural riverbanks of the Deûle and the Lys"),
  ("Part du linéaire de berges à végétation naturelle (hors quais et palplanches).",
   "Aandeel van de oeverlengte met natuurlijke begroeiing (zonder kaaimuren en damwanden).",
   "Share of riverbank length with natural vegetation (excluding quays and sheet piling)."),
  mode="lin", noise=0.01, series=[
      S("EMLKT", 22.0, 0.3), S(MEL, 18.0, 0.28), S("BE254", 27.0, 0.45), S("59152", 31.0, 0.4),
      S("33029", 35.0, 0.5),
  ], target=T("EMLKT", "limited_progress"))

I("CLI08", "A19", "km", "increase", "output", "sum", 1, "CU de Dunkerque, Provincie West-Vlaanderen",
  "CU de Dunkerque", "harmonised",
  ("Littoral couvert par le plan commun d'adaptation", "Kustlijn onder het gemeenschappelijke adaptatieplan",
   "Coastline covered by the joint adaptation plan"),
  ("Longueur de trait de côte couverte par des mesures communes contre la submersion marine.",
   "Lengte kustlijn waarvoor gemeenschappelijke maatregelen tegen overstroming vanuit zee gelden.",
   "Length of coastline covered by joint measures against coastal flooding."),
  years=range(2019, 2026), mode="cum", noise=0.3, series=[
      S(CUD, 3.0, 2.5), S("BE258", 2.0, 2.0), S("BE255", 0.0, 1.5, years=range(2021, 2026)),
  ], target=T(CUD, "on_track", value=38.0, milestone=28.0,
              note="Tout le littoral de la communauté urbaine, de Gravelines à Bray-Dunes."))

I("CLI09", "A22", "%", "increase", "result", "mean", 0, "Agence de l'eau Artois-Picardie, VMM, SPW",
  "Agence de l'eau Artois-Picardie", "partial",
  ("Masses d'eau en bon état écologique", "Waterlichamen in goede ecologische toestand",
   "Water bodies in good ecological status"),
  ("Part des masses d'eau de surface en bon ou très bon état écologique au sens de la directive-cadre sur "
   "l'eau.",
   "Aandeel oppervlaktewaterlichamen in goede of zeer goede ecologische toestand volgens de Kaderrichtlijn "
   "Water.",
   "Share of surface water bodies in good or high ecological status under the Water Framework Directive."),
  mode="lin", noise=0.0, series=[
      S("BE25", explicit={2014: 12, 2016: 11, 2019: 10, 2022: 9, 2024: 8}),
      S("FRE11", explicit={2014: 22, 2016: 21, 2019: 20, 2022: 20, 2024: 19}),
      S("BE32", explicit={2014: 25, 2016: 25, 2019: 24, 2022: 24}),
  ], target=T("BE25", "deterioration"))

I("CLI10", "A26", "%", "increase", "result", "mean", 1, "MEL, Bruxelles Environnement (caméras ANPR)", "MEL",
  "partial",
  ("Véhicules conformes à la zone à faibles émissions", "Voertuigen conform de lage-emissiezone",
   "Vehicles compliant with the low-emission zone"),
  ("Part des véhicules en circulation conformes aux critères communs de la ZFE/LEZ (Crit'Air 2 ou "
   "équivalent).",
   "Aandeel van de rijdende voertuigen dat aan de gemeenschappelijke ZFE/LEZ-criteria voldoet (Crit'Air 2 of "
   "gelijkwaardig).",
   "Share of vehicles on the road meeting the common ZFE/LEZ criteria (Crit'Air 2 or equivalent)."),
  mode="lin", noise=0.005, series=[
      S(MEL, explicit={2019: 54.0}),
      S("21004", 82.0, 2.1, years=range(2018, 2025)),
  ], target=T(MEL, "not_assessed", value=90.0, milestone=75.0,
              note="Seule l'enquête de 2019 existe pour la MEL ; la prochaine viendra avec la ZFE."))

# --------------------------------------------------------------------------- quality of life

I("QOL01", "A07", "patients", "increase", "result", "sum", 0, "CPAM Roubaix-Tourcoing, INAMI-RIZIV, "
  "mutualités", "ARS Hauts-de-France", "partial",
  ("Patients soignés dans le cadre des ZOAST", "Patiënten verzorgd binnen de ZOAST",
   "Patients treated under the ZOAST"),
  ("Patients ayant reçu des soins de l'autre côté de la frontière dans le cadre d'une ZOAST, par lieu de "
   "résidence.",
   "Patiënten die binnen een ZOAST zorg kregen aan de andere kant van de grens, volgens woonplaats.",
   "Patients who received care across the border under a ZOAST, by place of residence."),
  noise=0.03, shocks={2020: 0.7, 2021: 0.9}, series=[
      S("EMLKT", 9500, 0.06), S(MEL, 5000, 0.06), S("BE328", 3200, 0.055), S("BE254", 700, 0.05),
      S(CUD, 600, 0.05), S("BE258", 400, 0.05),
  ], target=T("EMLKT", "on_track"))

I("QOL02", "A07", "interventions", "increase", "output", "sum", 0, "SAMU 59, SPF Santé publique (112)",
  "ARS Hauts-de-France", "partial",
  ("Interventions d'urgence transfrontalières", "Grensoverschrijdende spoedinterventies",
   "Cross-border emergency interventions"),
  ("Interventions de SMUR ou d'ambulances de l'autre pays dans le cadre des conventions d'aide médicale "
   "urgente, par lieu d'intervention.",
   "Interventies van MUG's of ambulances uit het andere land binnen de akkoorden voor dringende medische "
   "hulp, volgens plaats van interventie.",
   "Interventions by mobile emergency units or ambulances from the other country under the emergency-care "
   "agreements, by place of intervention."),
  noise=0.04, series=[
      S("EMLKT", 310, 0.04), S(MEL, 180, 0.04), S("BE328", 90, 0.04), S("BE254", 40, 0.04),
  ], target=T("EMLKT", "acceleration_needed"))

I("QOL03", "A15", "m²/inhabitant", "increase", "result", "none", 1, "MEL, Leiedal, Bruxelles Environnement",
  "Eurometropolis", "not_comparable",
  ("Espaces verts publics par habitant", "Publiek groen per inwoner", "Public green space per inhabitant"),
  ("Surface d'espaces verts publics accessibles divisée par la population ; définitions locales des espaces "
   "verts.",
   "Oppervlakte toegankelijk publiek groen gedeeld door de bevolking; lokale definities van groen.",
   "Area of accessible public green space divided by population; local definitions of green space."),
  mode="mult", noise=0.004, years=[2014, 2016, 2018, 2020, 2022, 2024], series=[
      S(MEL, 11.2, 0.012), S("59350", 12.5, 0.006), S("59512", 8.3, 0.01), S("59599", 10.4, 0.004),
      S("34022", 22.0, 0.008), S("57081", 35.0, 0.002), S("21004", 28.0, 0.004),
  ], target=T(MEL, "limited_progress", baseline=2018))

I("QOL04", "A15", "%", "increase", "result", "mean", 1, "Copernicus Urban Atlas, ADULM, Leiedal",
  "Eurometropolis", "harmonised",
  ("Population à moins de 300 m d'un espace vert", "Bevolking binnen 300 m van een groene ruimte",
   "Population within 300 m of a green space"),
  ("Part des habitants résidant à moins de 300 m à pied d'un espace vert public d'au moins 0,5 ha.",
   "Aandeel inwoners dat op minder dan 300 m wandelen van een publieke groene ruimte van minstens 0,5 ha woont.",
   "Share of residents living within a 300 m walk of a public green space of at least 0.5 ha."),
  mode="lin", noise=0.005, series=[
      S(MEL, 68.0, 0.55), S("59350", 74.0, 0.5), S("59512", 63.0, 0.6), S("34022", 71.0, 0.45),
      S("57096", 66.0, 0.4), S("57081", 69.0, 0.3),
  ], target=T(MEL, "acceleration_needed"))

# population: INSEE 2017 (FR communes, departments, region), Statbel 1.1.2020 (BE), INSEE (EPCI)
POP_GROWTH = {"59350": 0.003, "59512": 0.002, "59599": 0.002, "59009": 0.004, "59183": -0.004, "59271": -0.006,
              "59155": -0.003, "59107": -0.005, "34022": 0.004, "31005": 0.003, "35013": 0.002, "21004": 0.006,
              "57081": 0.002, "57096": 0.003, "BE100": 0.007, "FRE": 0.0, "FRE11": 0.0005, "FRE12": -0.001,
              MEL: 0.004, CUD: -0.003, CCFI: 0.001, "EMLKT": 0.003}
POP_ANCHOR_YEAR = {MEL: 2018, CUD: 2018, CCFI: 2016}


def _population_series() -> list[dict]:
    rng = rng_for("QOL05-population")
    out = []
    for row in TERRITORIES:
        tid, country, pop = row[0], row[4], row[10]
        if pop is None:
            continue
        anchor_year = POP_ANCHOR_YEAR.get(tid, 2017 if country == "FR" else 2020)
        g = POP_GROWTH.get(tid, float(rng.uniform(-0.003, 0.006)))
        last = 2025 if tid == "EMLKT" else 2024
        vals = {y: int(round(pop * (1 + g) ** (y - anchor_year) * (1 + 0.0008 * rng.standard_normal())))
                for y in range(2014, last + 1)}
        vals[anchor_year] = pop
        if tid == "EMLKT":
            out.append(S(tid, explicit=vals, flags={2025: "e"}))
            continue
        src = ("INSEE, populations légales 2017" if country == "FR" and tid not in POP_ANCHOR_YEAR else
               f"INSEE, population municipale {anchor_year}" if country == "FR" else
               "Statbel, population au 1er janvier 2020")
        out.append(S(tid, explicit=vals, notes={anchor_year: "Chiffre publié"}, sources={anchor_year: src}))
    return out


I("QOL05", "A28", "inhabitants", "increase", "context", "sum", 0, "INSEE (populations légales), Statbel",
  "ADULM", "harmonised",
  ("Population", "Bevolking", "Population"),
  ("Population résidente au 1er janvier (population municipale côté français).",
   "Inwoners op 1 januari (population municipale aan Franse kant).",
   "Resident population on 1 January (population municipale on the French side)."),
  tail=anchored("INSEE populations légales 2017 pour les communes, le Nord, le Pas-de-Calais et les "
                "Hauts-de-France, INSEE pour les EPCI (MEL 2018, CU de Dunkerque 2018, CCFI 2016), Statbel au "
                "1er janvier 2020 côté belge",
                "INSEE populations légales 2017 voor de Franse gemeenten, Nord, Pas-de-Calais en "
                "Hauts-de-France, INSEE voor de EPCI (MEL 2018, CU Duinkerke 2018, CCFI 2016), Statbel op "
                "1 januari 2020 aan Belgische kant",
                "INSEE populations légales 2017 for the French communes, Nord, Pas-de-Calais and "
                "Hauts-de-France, INSEE for the EPCI (MEL 2018, Dunkirk 2018, CCFI 2016), Statbel at 1 "
                "January 2020 on the Belgian side"),
  old_codes=True, prov=False, head="EMLKT", series=_population_series())

I("QOL06", "A20", "thousand nights", "increase", "result", "sum", 0,
  "INSEE-CRT Hauts-de-France, Statbel, Toerisme Vlaanderen", "Westtoer", "partial",
  ("Nuitées touristiques dans le Westhoek et en Flandre intérieure", "Toeristische overnachtingen in de "
   "Westhoek en Binnen-Vlaanderen", "Tourist nights in the Westhoek and French Flanders"),
  ("Nuitées dans les hébergements collectifs touristiques (hôtels, campings, autres), en milliers.",
   "Overnachtingen in collectieve toeristische logies (hotels, campings, andere), in duizenden.",
   "Nights spent in collective tourist accommodation (hotels, campsites, other), in thousands."),
  noise=0.025, shocks={2014: 1.08, 2015: 1.06, 2016: 1.04, 2017: 1.06, 2018: 1.1, 2020: 0.5, 2021: 0.72,
                       2022: 0.95},
  series=[S("BE253", 520, 0.035), S("BE258", 2400, 0.012), S(CCFI, 210, 0.03), S(CUD, 680, 0.015)],
  target=T("BE253", "on_track", note="Le pic du centenaire 14-18 (2014-2018) n'est pas la référence."))

I("QOL07", "A20", "km", "increase", "output", "sum", 0, "Cœur de Flandre agglo, Westtoer",
  "Cœur de Flandre agglo", "harmonised",
  ("Sentiers de randonnée transfrontaliers balisés", "Bewegwijzerde grensoverschrijdende wandelroutes",
   "Signposted cross-border hiking trails"),
  ("Longueur cumulée de sentiers balisés franchissant la frontière entre les Monts de Flandre et le "
   "Heuvelland.",
   "Gecumuleerde lengte van bewegwijzerde wandelroutes over de grens tussen de Franse heuvels en het "
   "Heuvelland.",
   "Cumulative length of signposted trails crossing the border between the Monts de Flandre and the "
   "Heuvelland."),
  years=range(2016, 2026), mode="cum", noise=0.3, series=[
      S(CCFI, 40, 12), S("BE253", 35, 10), S("33039", 18, 5),
  ], target=T(CCFI, "achieved"))

I("QOL08", "A07", "GPs per 10,000 inhabitants", "increase", "context", "none", 1, "DREES (RPPS), INAMI-RIZIV",
  "ARS Hauts-de-France", "partial",
  ("Densité de médecins généralistes", "Dichtheid van huisartsen", "General practitioner density"),
  ("Médecins généralistes en activité pour 10 000 habitants.", "Actieve huisartsen per 10.000 inwoners.",
   "Practising general practitioners per 10,000 inhabitants."),
  years=range(2014, 2025), noise=0.008, series=[
      S("FRE11", 9.3, -0.012), S("FRE12", 8.5, -0.015), S(MEL, 9.8, -0.008), S("BE25", 10.5, 0.003),
      S("BE32", 9.8, -0.005), S("BE100", 8.9, 0.004),
  ])

I("QOL09", "A07", "years", "increase", "context", "none", 1, "INSEE, Statbel", "ARS Hauts-de-France",
  "partial",
  ("Espérance de vie à la naissance", "Levensverwachting bij de geboorte", "Life expectancy at birth"),
  ("Espérance de vie à la naissance, femmes et hommes ensemble, en années.",
   "Levensverwachting bij de geboorte, vrouwen en mannen samen, in jaren.",
   "Life expectancy at birth, women and men together, in years."),
  years=range(2014, 2024), mode="lin", noise=0.001, shocks={2020: 0.988, 2021: 0.996}, series=[
      S("FRE11", 78.6, 0.12), S("FRE12", 78.1, 0.1), S("BE25", 81.9, 0.1), S("BE32", 78.8, 0.1),
      S("BE100", 81.0, 0.12),
  ])

I("QOL10", "A30", "thousand nights", "increase", "result", "sum", 0, "INSEE, Hello Lille, visit.brussels",
  "MEL", "partial",
  ("Nuitées de visiteurs de l'autre métropole", "Overnachtingen van bezoekers uit de andere metropool",
   "Nights spent by visitors from the other metropolis"),
  ("Nuitées hôtelières de résidents belges dans la métropole lilloise et de résidents français à Bruxelles, "
   "en milliers.",
   "Hotelovernachtingen van Belgische ingezetenen in de Rijselse metropool en van Franse ingezetenen in "
   "Brussel, in duizenden.",
   "Hotel nights of Belgian residents in the Lille metropolis and of French residents in Brussels, in "
   "thousands."),
  noise=0.025, shocks={2020: 0.45, 2021: 0.7, 2022: 0.93}, series=[S(MEL, 180, 0.03), S("BE100", 620, 0.02)],
  target=T(MEL, "acceleration_needed"))

I("QOL11", "A15", "visitors", "increase", "output", "sum", 0, "Eurometropolis", "Eurometropolis", "harmonised",
  ("Visiteurs des événements du Parc bleu", "Bezoekers van de evenementen van het Blauwe Park",
   "Visitors of Blue Park events"),
  ("Visiteurs des événements organisés le long des voies d'eau du Parc bleu, par lieu de l'événement.",
   "Bezoekers van evenementen langs de waterwegen van het Blauwe Park, volgens plaats van het evenement.",
   "Visitors of events along the Blue Park waterways, by place of the event."),
  years=range(2015, 2026), noise=0.03, shocks={2020: 0.3, 2021: 0.6, 2022: 0.9, 2023: 0.94, 2024: 0.95,
                                                2025: 0.96},
  series=[S("EMLKT", 25000, 0.025), S(MEL, 11000, 0.025), S("BE254", 8000, 0.025), S("BE328", 6000, 0.02)],
  target=T("EMLKT", "limited_progress"))

# --------------------------------------------------------------------------- Interreg common indicators
INTERREG_SRC = "Interreg France-Wallonie-Vlaanderen (suivi du programme, Jems)"
INTERREG_YEARS = range(2021, 2026)


def _int(iid, action, code, unit, names, defs, head, parts, target):
    I(iid, action, unit, "increase", "output" if code.startswith("RCO") else "result", "sum", 0, INTERREG_SRC,
      "Eurometropolis", "harmonised", names, defs, code=code, years=INTERREG_YEARS, mode="cum", noise=0.12,
      series=[S("EMLKT", head[0], head[1])] + [S(t, a, b) for t, a, b in parts], target=target)


_CUM_FR = ("Valeur cumulée depuis le début du programme Interreg VI 2021-2027, par localisation des "
           "organisations.")
_CUM_NL = "Gecumuleerde waarde sinds de start van het programma Interreg VI 2021-2027, volgens ligging van de organisaties."
_CUM_EN = "Cumulative value since the start of the Interreg VI 2021-2027 programme, by location of the organisations."

_int("INT01", "A12", "RCO87", "organisations",
     ("Organisations coopérant par-delà les frontières", "Organisaties die grensoverschrijdend samenwerken",
      "Organisations cooperating across borders"),
     (f"Indicateur commun RCO87 : organisations partenaires de projets transfrontaliers. {_CUM_FR}",
      f"Gemeenschappelijke indicator RCO87: partnerorganisaties in grensoverschrijdende projecten. {_CUM_NL}",
      f"Common indicator RCO87: partner organisations in cross-border projects. {_CUM_EN}"),
     (14, 58), [(MEL, 6, 25), ("BE254", 4, 17), ("BE328", 4, 16)],
     T("EMLKT", "on_track", baseline=2021, value=420, milestone=300))
_int("INT02", "A10", "RCO115", "events",
     ("Manifestations publiques transfrontalières organisées conjointement",
      "Gezamenlijk georganiseerde grensoverschrijdende openbare evenementen",
      "Jointly organised public events across borders"),
     (f"Indicateur commun RCO115 : événements publics organisés conjointement par des partenaires des deux "
      f"côtés. {_CUM_FR}",
      f"Gemeenschappelijke indicator RCO115: openbare evenementen die partners van beide kanten samen "
      f"organiseren. {_CUM_NL}",
      f"Common indicator RCO115: public events organised jointly by partners from both sides. {_CUM_EN}"),
     (3, 14), [(MEL, 1, 7), ("BE254", 1, 4), ("BE328", 1, 3)],
     T("EMLKT", "achieved", baseline=2021, value=50, milestone=35,
       note="Cible déjà dépassée ; à relever à la revue de mi-parcours."))
_int("INT03", "A06", "RCO116", "solutions",
     ("Solutions élaborées conjointement", "Gezamenlijk ontwikkelde oplossingen", "Jointly developed solutions"),
     (f"Indicateur commun RCO116 : solutions (outils, services, méthodes) élaborées conjointement et testées. "
      f"{_CUM_FR}",
      f"Gemeenschappelijke indicator RCO116: gezamenlijk ontwikkelde en geteste oplossingen (instrumenten, "
      f"diensten, methoden). {_CUM_NL}",
      f"Common indicator RCO116: solutions (tools, services, methods) developed jointly and piloted. {_CUM_EN}"),
     (2, 4.5), [(MEL, 1, 2), ("BE254", 1, 1.5), ("BE328", 0, 1)],
     T("EMLKT", "on_track", baseline=2021, value=40, milestone=25))
_int("INT04", "A27", "RCO117", "solutions",
     ("Solutions aux obstacles juridiques ou administratifs transfrontaliers recensés",
      "Oplossingen voor vastgestelde grensoverschrijdende juridische of administratieve obstakels",
      "Solutions for legal or administrative obstacles across border identified"),
     (f"Indicateur commun RCO117 : solutions proposées à des obstacles juridiques ou administratifs "
      f"transfrontaliers recensés. {_CUM_FR}",
      f"Gemeenschappelijke indicator RCO117: voorgestelde oplossingen voor vastgestelde grensoverschrijdende "
      f"juridische of administratieve obstakels. {_CUM_NL}",
      f"Common indicator RCO117: solutions proposed for identified cross-border legal or administrative "
      f"obstacles. {_CUM_EN}"),
     (2, 3), [(MEL, 1, 1.5), ("BE254", 1, 0.8), ("BE328", 0, 0.7)],
     T("EMLKT", "on_track", baseline=2021, value=25, milestone=16))
_int("INT05", "A14", "RCR79", "joint strategies/action plans",
     ("Stratégies et plans d'action communs adoptés par des organisations",
      "Door organisaties opgepakte gezamenlijke strategieën en actieplannen",
      "Joint strategies and action plans taken up by organisations"),
     (f"Indicateur commun RCR79 : stratégies et plans d'action communs effectivement adoptés par au moins une "
      f"organisation. {_CUM_FR}",
      f"Gemeenschappelijke indicator RCR79: gezamenlijke strategieën en actieplannen die door minstens één "
      f"organisatie effectief zijn opgepakt. {_CUM_NL}",
      f"Common indicator RCR79: joint strategies and action plans actually taken up by at least one "
      f"organisation. {_CUM_EN}"),
     (6, 0.8), [(MEL, 3, 0.4), ("BE254", 2, 0.3), ("BE328", 1, 0.2)],
     T("EMLKT", "acceleration_needed", baseline=2021, value=24, milestone=15))
_int("INT06", "A12", "RCR84", "organisations",
     ("Organisations coopérant par-delà les frontières après la fin d'un projet",
      "Organisaties die na voltooiing van het project grensoverschrijdend samenwerken",
      "Organisations cooperating across borders after project completion"),
     (f"Indicateur commun RCR84 : organisations qui coopèrent encore un an après la fin du projet (y compris "
      f"les projets Interreg V clôturés). {_CUM_FR}",
      f"Gemeenschappelijke indicator RCR84: organisaties die een jaar na het einde van het project nog "
      f"samenwerken (inclusief afgesloten Interreg V-projecten). {_CUM_NL}",
      f"Common indicator RCR84: organisations still cooperating one year after the project ended (including "
      f"closed Interreg V projects). {_CUM_EN}"),
     (40, 1.2), [(MEL, 18, 0.6), ("BE254", 12, 0.4), ("BE328", 10, 0.3)],
     T("EMLKT", "limited_progress", baseline=2021, value=80, milestone=62))
_int("INT07", "A10", "RCR85", "participations",
     ("Participations à des actions conjointes transfrontalières après la fin d'un projet",
      "Deelnames aan gezamenlijke grensoverschrijdende acties na voltooiing van het project",
      "Participations in joint actions across borders after project completion"),
     (f"Indicateur commun RCR85 : participations à des actions conjointes qui se poursuivent après la fin du "
      f"projet. {_CUM_FR}",
      f"Gemeenschappelijke indicator RCR85: deelnames aan gezamenlijke acties die na het einde van het project "
      f"doorlopen. {_CUM_NL}",
      f"Common indicator RCR85: participations in joint actions that continue after the project ended. "
      f"{_CUM_EN}"),
     (800, 150), [(MEL, 380, 70), ("BE254", 230, 45), ("BE328", 190, 35)],
     T("EMLKT", "on_track", baseline=2021, value=2200, milestone=1600))

# =============================================================================== progress (Open SDG)

STATUSES = ("achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration", "not_assessed")


def assess(direction: str, series: dict[int, float], target: dict | None) -> tuple[str, str]:
    """Status of one annual series per DESIGN.md (Open SDG cuts); returns (status, reason)."""
    d = 1 if direction == "increase" else -1
    t1 = max(series)
    c = series[t1]
    if target:
        t0, b = int(target["baseline_period"]), float(target["baseline_value"])
        tv = float(target["target_value"])
        if d * (c - tv) >= 0:
            return "achieved", ""
    else:
        t0 = min(series)
        b = series[t0]
    if t1 <= t0:
        return "not_assessed", "fewer than two years"
    if b * c < 0:
        return "not_assessed", "base and current of opposite sign"
    b = b or 0.001
    cagr = (c / b) ** (1 / (t1 - t0)) - 1
    if target:
        tv = tv or 0.001
        if d * (tv - b) <= 0:
            return "not_assessed", "target on the wrong side of the baseline"
        req = (tv / b) ** (1 / (int(target["target_period"]) - t0)) - 1
        r = d * cagr / abs(req)
        cuts = (0.95, 0.60, 0.0)
        x = r
    else:
        cuts = (0.015, 0.005, 0.0)
        x = d * cagr
    eps = 1e-9
    if x >= cuts[0] - eps:
        return "on_track", ""
    if x >= cuts[1] - eps:
        return "acceleration_needed", ""
    if x >= cuts[2] - eps:
        return "limited_progress", ""
    return "deterioration", ""


def sig_round(x: float, sig: int) -> float:
    if x == 0:
        return 0.0
    return round(x, sig - 1 - int(math.floor(math.log10(abs(x)))))


# =============================================================================== build

def fmt(v: float | int | None, dec: int) -> str:
    if v is None:
        return ""
    if dec == 0:
        return str(int(round(v)))
    return f"{v:.{dec}f}"


def generate_series(ind: dict, spec: dict, rng: np.random.Generator) -> dict[int, float]:
    dec = ind["decimals"]
    pct = ind["unit"] == "%"
    lo = spec.get("lo", 0.0)
    hi = spec.get("hi", 100.0 if pct else None)
    if "explicit" in spec:
        return {int(y): float(v) for y, v in spec["explicit"].items() if v is not None}
    years = list(spec.get("years", ind["years"]))
    mode = spec.get("mode", ind["mode"])
    noise = spec.get("noise", ind["noise"])
    shocks = spec.get("shocks", ind["shocks"])
    jump = spec.get("jump", {})
    out: dict[int, float] = {}
    level = float(spec["start"])
    factor = 1.0
    for i, y in enumerate(years):
        if mode == "cum":
            if i:
                step = spec["g"] * shocks.get(y, 1.0) * (1 + noise * rng.standard_normal())
                level += max(0.0, step)
            v = level
        else:
            v = spec["start"] * (1 + spec["g"]) ** i if mode == "mult" else spec["start"] + spec["g"] * i
            v *= shocks.get(y, 1.0)
            if y in jump:
                factor = jump[y]
            v *= factor
            v *= 1 + noise * rng.standard_normal()
        v = max(lo, v)
        if hi is not None:
            v = min(hi, v)
        out[y] = round(v, dec)
    if mode == "cum":  # keep cumulative series non-decreasing after rounding
        prev = -math.inf
        for y in years:
            out[y] = max(out[y], prev)
            prev = out[y]
    return out


def build():
    rows_obs: dict[tuple[str, str, str], dict] = {}
    targets: list[dict] = []
    intended: dict[str, str] = {}
    headline_series: dict[str, dict[int, float]] = {}

    for ind in INDICATORS:
        iid, dec = ind["indicator_id"], ind["decimals"]
        rng = rng_for(iid)
        tspec = ind["target"]
        head_terr = (tspec["territory"] if tspec else
                     ind["head"] or (ind["series"][0]["t"] if ind["series"] else None))
        last_year = max(ind["years"])
        prov = ind["prov"] if ind["prov"] is not None else last_year >= 2024
        per_terr: dict[str, dict[int, float]] = {}
        meta: dict[str, dict] = {}
        for spec in ind["series"]:
            vals = generate_series(ind, spec, rng)
            terr = spec["t"]
            if terr != head_terr and "explicit" not in spec and len(vals) >= 5 and rng.random() < 0.55:
                interior = sorted(vals)[1:-1]
                n_gaps = 2 if rng.random() < 0.25 else 1
                for y in rng.choice(interior, size=n_gaps, replace=False):
                    vals.pop(int(y))
            per_terr[terr] = vals
            meta[terr] = spec
        # headline must have strictly the most observations when there is no target
        if not tspec and per_terr:
            n_head = len(per_terr[head_terr])
            for terr, vals in per_terr.items():
                while terr != head_terr and len(vals) >= n_head:
                    interior = sorted(vals)[1:-1]
                    vals.pop(int(rng.choice(interior)))
        if per_terr:
            headline_series[iid] = per_terr[head_terr]

        for terr, vals in per_terr.items():
            spec = meta[terr]
            flags, notes, sources = spec.get("flags", {}), spec.get("notes", {}), spec.get("sources", {})
            last = max(vals)
            for y, v in vals.items():
                code = terr
                if ind["old_codes"] and terr in OLD_CODE and y <= 2018:
                    code = OLD_CODE[terr]
                flag = flags.get(y, "")
                if not flag and prov and y == last and last >= 2024:
                    flag = "p"
                rows_obs[(iid, code, str(y))] = dict(
                    indicator_id=iid, territory_id=code, period=str(y), value=fmt(v, dec), flag=flag,
                    note=notes.get(y, ""), source=sources.get(y, spec.get("source_all", "")))

        if tspec:
            series = per_terr[head_terr]
            t0 = tspec["baseline"]
            assert t0 in series, f"{iid}: no observation for the baseline {t0} on {head_terr}"
            b, t1 = series[t0], max(series)
            c = series[t1]
            d = 1 if ind["direction"] == "increase" else -1
            status = tspec["status"]
            intended[iid] = status
            if tspec["value"] is not None:
                candidates = [tspec["value"]]
            else:
                cagr = (c / b) ** (1 / (t1 - t0)) - 1 if t1 > t0 else 0.0
                if status == "achieved":
                    raw = b + (c - b) * 0.7
                elif status == "deterioration":
                    raw = b * (1 + d * 0.025) ** (TARGET_PERIOD - t0)
                else:
                    r = {"on_track": 1.3, "acceleration_needed": 0.78, "limited_progress": 0.3}[status]
                    raw = b * (1 + d * abs(cagr) / r) ** (TARGET_PERIOD - t0)
                if ind["unit"] == "%":
                    raw = min(raw, 99.0)
                candidates = [sig_round(raw, 2), sig_round(raw, 3), round(raw, dec), round(raw, dec + 1)]
            chosen = None
            for tv in candidates:
                tv = round(float(tv), dec)
                trow = dict(baseline_period=str(t0), baseline_value=b, target_period=str(TARGET_PERIOD),
                            target_value=tv)
                if assess(ind["direction"], series, trow)[0] == status:
                    chosen = tv
                    break
            assert chosen is not None, (f"{iid}: no rounded target gives the intended status {status} "
                                        f"(series {series}, candidates {candidates})")
            if tspec["milestone"] is not None:
                mv = tspec["milestone"]
            else:
                frac = (MILESTONE_PERIOD - t0) / (TARGET_PERIOD - t0)
                mv = b * (chosen / b) ** frac if b > 0 and chosen > 0 else b + (chosen - b) * frac
                mv = sig_round(mv, 3) if dec == 0 else round(mv, dec)
            tdec = max(dec, 0)
            targets.append(dict(indicator_id=iid, territory_id=head_terr, baseline_period=str(t0),
                                baseline_value=fmt(b, tdec), target_period=str(TARGET_PERIOD),
                                target_value=fmt(chosen, tdec), milestone_period=str(MILESTONE_PERIOD),
                                milestone_value=fmt(mv, tdec), note=tspec["note"]))

    # a few estimated values ('e'): one non-headline, non-anchored, interior value in some indicators
    candidates = sorted(k for k, r in rows_obs.items()
                        if not r["flag"] and not r["note"] and not r["source"] and r["period"] in ("2016", "2020"))
    for idx in rng_for("estimated-flags").choice(len(candidates), size=14, replace=False):
        key = candidates[int(idx)]
        ind = next(i for i in INDICATORS if i["indicator_id"] == key[0])
        head = ind["target"]["territory"] if ind["target"] else None
        if key[1] == head:
            continue
        rows_obs[key]["flag"] = "e"
        rows_obs[key]["note"] = "Estimé par le producteur (lacune de l'enquête)"

    return rows_obs, targets, intended, headline_series


# =============================================================================== write

def coord(x: float) -> str:
    """Up to 5 decimals as given in the source, at least 2."""
    text = f"{x:.5f}".rstrip("0")
    return text + "0" * max(0, 2 - len(text.split(".")[1]))


# Units as each language writes them, for the demo's units outside the product's list (indicators/units.py):
# DESIGN.md's `unit_fr/nl/en`. A unit of the product's list needs none.
UNIT_WORDS = {
    "trains/day": ("trains/jour", "treinen/dag", "trains/day"),
    "cyclists/day": ("cyclistes/jour", "fietsers/dag", "cyclists/day"),
    "departures/day": ("départs/jour", "vertrekken/dag", "departures/day"),
    "passengers/day": ("voyageurs/jour", "reizigers/dag", "passengers/day"),
    "thousand passengers": ("milliers de voyageurs", "duizend reizigers", "thousand passengers"),
    "thousand nights": ("milliers de nuitées", "duizend overnachtingen", "thousand nights"),
    "solutions": ("solutions", "oplossingen", "solutions"),
    "partnerships": ("partenariats", "partnerschappen", "partnerships"),
    "requests": ("demandes", "aanvragen", "requests"),
    "obstacles": ("obstacles", "obstakels", "obstacles"),
    "placements": ("placements", "plaatsingen", "placements"),
    "job offers": ("offres d'emploi", "vacatures", "job offers"),
    "missions": ("missions", "missies", "missions"),
    "start-ups": ("jeunes pousses", "start-ups", "start-ups"),
    "patients": ("patients", "patiënten", "patients"),
    "interventions": ("interventions", "interventies", "interventions"),
    "GPs per 10,000 inhabitants": ("médecins généralistes pour 10 000 habitants",
                                   "huisartsen per 10.000 inwoners", "GPs per 10,000 inhabitants"),
    "joint strategies/action plans": ("stratégies/plans d'action communs", "gezamenlijke strategieën/actieplannen",
                                      "joint strategies/action plans"),
    "participations": ("participations", "deelnames", "participations"),
}


def unit_words(unit: str) -> dict:
    words = UNIT_WORDS.get(unit)
    return dict(zip(("unit_fr", "unit_nl", "unit_en"), words)) if words else {}


STRATEGY_ADOPTED = "2021-06-24"   # the day the demo's targets were first decided
# Targets revised since (DESIGN.md: a later row for the same indicator and territory is a revision;
# the file lists both versions). The current numbers stay those above, so the intended statuses
# hold; the earlier version had these: (target, milestone, decision of the current one, its reason).
REVISIONS = {
    # written in French, the partnership's working language, as a secretariat would write them
    "INT02": ("30", "20", "2023-06-22", "Relevée par l'assemblée de 2023 : 35 événements en 2023 dépassaient déjà "
                                        "la cible de 30 fixée en 2021."),
    "MOB04": ("100.0", "88.0", "2026-03-19", "Relevée quand le plan vélo 2026 de l'Eurométropole a ajouté les "
                                             "itinéraires de la vallée de la Lys."),
}


def with_revisions(targets: list[dict]) -> list[dict]:
    """Every target decided when the strategy was adopted, and the revised ones with the version
    they replaced listed before them."""
    out = []
    for row in targets:
        row = dict(row, decided_on=STRATEGY_ADOPTED, reason="Adoptée avec la stratégie.")
        if row["indicator_id"] in REVISIONS:
            target, milestone, day, reason = REVISIONS[row["indicator_id"]]
            out.append(dict(row, target_value=target, milestone_value=milestone))
            row = dict(row, decided_on=day, reason=reason)
        out.append(row)
    return out


def write(name: str, rows: list[dict]) -> None:
    cols = COLUMNS[name]
    with open(HERE / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow(["" if r.get(c) is None else r.get(c) for c in cols])


def main() -> int:
    rows_obs, targets, intended, headline_series = build()

    levels = [dict(level_id=a, name_fr=b, name_nl=c, name_en=d, order=e) for a, b, c, d, e in LEVELS]
    themes = [dict(theme_id=a, name_fr=b, name_nl=c, name_en=d, color=e, order=f) for a, b, c, d, e, f in THEMES]
    actions = [dict(action_id=a, level_id=lv, theme_id=th, title_fr=t[0], title_nl=t[1], title_en=t[2],
                    description_fr=ds[0], description_nl=ds[1], description_en=ds[2],
                    lead=partner_ids(lead, EXTRA_LEADS.get(a, ())), status=st,
                    start_year=sy, end_year=ey)
               for a, lv, th, t, ds, lead, st, sy, ey in ACTIONS]
    indicators = []
    for ind in INDICATORS:
        nm, df, tl = ind["names"], ind["defs"], ind["tail"]
        indicators.append(dict(
            indicator_id=ind["indicator_id"], action_id=ind["action_id"], name_fr=nm[0], name_nl=nm[1],
            name_en=nm[2], unit=ind["unit"], **unit_words(ind["unit"]), direction=ind["direction"], type=ind["type"],
            code=ind["code"],
            aggregation=ind["aggregation"], decimals=ind["decimals"], source=ind["source"],
            definition_fr=f"{df[0]} {tl[0]}", definition_nl=f"{df[1]} {tl[1]}", definition_en=f"{df[2]} {tl[2]}",
            comparability=ind["comparability"], owner=partner_ids(ind["owner"]), periodicity="annual"))
    territories = []
    for row in TERRITORIES:
        tid, fr, nl, en, country, kind, parent, lv, lat, lon, pop = row[:11]
        replaced_by, valid_to = (row[11], row[12]) if len(row) > 11 else ("", "")
        territories.append(dict(territory_id=tid, name_fr=fr, name_nl=nl, name_en=en, country=country, kind=kind,
                                parent_id=parent, levels=lv, lat=coord(lat), lon=coord(lon),
                                population="" if pop is None else int(pop), replaced_by=replaced_by,
                                valid_to=valid_to))
    order = {ind["indicator_id"]: i for i, ind in enumerate(INDICATORS)}
    terr_order = {t[0]: i for i, t in enumerate(TERRITORIES)}
    observations = sorted(rows_obs.values(), key=lambda r: (order[r["indicator_id"]],
                                                            terr_order[r["territory_id"]], r["period"]))
    flows = sorted(FLOWS, key=lambda r: (order[r["indicator_id"]], terr_order[r["origin_id"]],
                                         terr_order[r["destination_id"]], r["period"]))

    partners = [dict(partner_id=p, name_fr=fr, name_nl=nl, name_en=en, country=c, kind=k)
                for p, fr, nl, en, c, k, _names in PARTNERS]
    targets = with_revisions(targets)
    tables = dict(levels=levels, themes=themes, partners=partners, actions=actions, indicators=indicators, territories=territories,
                  targets=targets, observations=observations, flows=flows, action_updates=action_updates(actions))
    for name, rows in tables.items():
        write(name, rows)
    self_check(tables, intended, headline_series)
    for name, rows in tables.items():
        print(f"{name + '.csv':18s} {len(rows):5d} rows")
    return 0


# =============================================================================== self-check

def self_check(tables: dict[str, list[dict]], intended: dict[str, str],
               headline_series: dict[str, dict[int, float]]) -> None:
    # 0. the files on disk: UTF-8 without BOM, header = canonical columns in schema order
    schema_columns = None
    try:
        sys.path.insert(0, str(ROOT))
        from indicators.schema import TABLES as SCHEMA_TABLES  # noqa: PLC0415

        schema_columns = {name: t.names for name, t in SCHEMA_TABLES.items()}
    except ImportError:
        print("warning: indicators.schema not importable; header order checked against the local copy only")
    for name, cols in COLUMNS.items():
        raw = (HERE / f"{name}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), f"{name}.csv has a BOM"
        with open(HERE / f"{name}.csv", encoding="utf-8", newline="") as fh:
            reread = list(csv.reader(fh))
        assert reread[0] == cols, f"{name}.csv header {reread[0]} != {cols}"
        if schema_columns is not None:
            assert cols == schema_columns[name], f"{name}: columns differ from indicators/schema.py"
        assert len(reread) - 1 == len(tables[name]), f"{name}.csv row count"
        assert all(len(r) == len(cols) for r in reread), f"{name}.csv ragged rows"

    lv, th, pa, ac, ind, te, tg, ob, fl, up = (tables[k] for k in COLUMNS)
    assert {u["action_id"] for u in up} == {a["action_id"] for a in ac}
    PA = {r["partner_id"] for r in pa}
    for a in ac:
        assert set(a["lead"].split("|")) <= PA, a["action_id"]
    for i in ind:
        assert set(i["owner"].split("|")) <= PA, i["indicator_id"]
    assert {r["country"] for r in pa} == {"FR", "BE", "EU"}
    # 1. counts
    assert [r["level_id"] for r in lv] == ["border", "metropolis", "euroregion", "brussels"]
    assert [r["theme_id"] for r in th] == ["mobility", "citizenship", "economy", "climate", "quality_of_life"]
    assert len(ac) >= 24, len(ac)
    assert len({(a["level_id"], a["theme_id"]) for a in ac}) >= 16
    assert len(ind) >= 60, len(ind)
    assert len(te) >= 40, len(te)
    assert 2000 <= len(ob) <= 6000, len(ob)
    assert len(fl) > 0
    # 2. unique keys
    for name, key in (("levels", ("level_id",)), ("themes", ("theme_id",)), ("actions", ("action_id",)),
                      ("indicators", ("indicator_id",)), ("territories", ("territory_id",)),
                      ("targets", ("indicator_id", "territory_id", "decided_on")),
                      ("observations", ("indicator_id", "territory_id", "period")),
                      ("flows", ("indicator_id", "origin_id", "destination_id", "period"))):
        keys = [tuple(r[k] for k in key) for r in tables[name]]
        dup = [k for k, n in Counter(keys).items() if n > 1]
        assert not dup, f"{name}: duplicate keys {dup[:5]}"
    # 3. referential integrity
    L = {r["level_id"] for r in lv}
    TH = {r["theme_id"] for r in th}
    A = {r["action_id"] for r in ac}
    IND = {r["indicator_id"]: r for r in ind}
    TE = {r["territory_id"]: r for r in te}
    for a in ac:
        assert a["level_id"] in L and a["theme_id"] in TH, a["action_id"]
    for i in ind:
        assert i["action_id"] in A, i["indicator_id"]
    for t in te:
        assert not t["parent_id"] or t["parent_id"] in TE, t["territory_id"]
        assert not t["replaced_by"] or t["replaced_by"] in TE, t["territory_id"]
        assert all(x in L for x in t["levels"].split("|")), t["territory_id"]
    for r in tg + ob:
        assert r["indicator_id"] in IND and r["territory_id"] in TE, r
    for r in fl:
        assert r["indicator_id"] in IND and r["origin_id"] in TE and r["destination_id"] in TE, r
    # 4. allowed values and formats
    import re

    for a in ac:
        assert a["status"] in ("planned", "ongoing", "done", "delayed", "cancelled")
        assert 1900 <= a["start_year"] <= a["end_year"] <= 2100
    assert {a["status"] for a in ac} == {"planned", "ongoing", "done", "delayed", "cancelled"}
    for i in ind:
        assert i["direction"] in ("increase", "decrease") and i["type"] in ("context", "output", "result")
        assert i["aggregation"] in ("sum", "mean", "none") and 0 <= i["decimals"] <= 6
        assert i["comparability"] in ("harmonised", "partial", "not_comparable")
        assert i["periodicity"] == "annual"
        for lang, ends in (("fr", ("Données illustratives de démonstration.", "de démonstration.",
                                   "aucune valeur illustrative.")),
                           ("nl", ("Illustratieve demogegevens.", "illustratieve demogegevens.",
                                   "geen illustratieve waarden.")),
                           ("en", ("Illustrative demo figures.", "illustrative demo figures.",
                                   "no illustrative values."))):
            d = i[f"definition_{lang}"]
            assert d.endswith(ends), f"{i['indicator_id']} definition_{lang} must end with the provenance"
    for t in te:
        assert t["country"] in ("FR", "BE", "NL", "LU", "DE", "EU")
        assert t["kind"] in ("commune", "epci", "arrondissement", "province", "department", "region", "nuts3",
                             "custom")
        assert 49.0 < float(t["lat"]) < 51.6 and 1.5 < float(t["lon"]) < 4.6, t["territory_id"]
    for t in ("59350", "59512", "59599", "34022", "57096", "57097", "57081", "21004", "FRE11", "BE254", "BE328",
              "BE100", MEL, CUD, CCFI, "EMLKT"):
        assert t in TE, t
    assert TE["54007"]["replaced_by"] == "57096" and TE["54007"]["valid_to"] == 2018
    assert TE["54010"]["replaced_by"] == "57097" and TE["54010"]["valid_to"] == 2018
    num = re.compile(r"^-?\d+(\.\d+)?$")
    for r in ob:
        assert re.match(r"^\d{4}$", r["period"]) and 2014 <= int(r["period"]) <= 2025
        assert num.match(r["value"]), r
        dec = IND[r["indicator_id"]]["decimals"]
        assert (len(r["value"].split(".")[1]) if "." in r["value"] else 0) == dec, r
        assert r["flag"] in ("", "p", "e", "b", "c", "u")
        if IND[r["indicator_id"]]["unit"] == "%":
            assert 0 <= float(r["value"]) <= 100, r
    for r in tg:
        if IND[r["indicator_id"]]["unit"] == "%":
            for k in ("baseline_value", "target_value", "milestone_value"):
                assert 0 <= float(r[k]) <= 100, r
    # old codes: a few observations before 2019 under 54007/54010, none after
    old = [r for r in ob if r["territory_id"] in ("54007", "54010")]
    assert old and all(int(r["period"]) <= 2018 for r in old)
    assert not any(r["territory_id"] in ("57096", "57097") and int(r["period"]) <= 2018
                   and r["indicator_id"] in ("QOL05", "MOB05") for r in ob)
    # flags present
    flags = Counter(r["flag"] for r in ob)
    assert flags["p"] >= 30 and flags["e"] >= 10 and flags["b"] >= 3, flags
    # 5. observations vs. targets and indicators
    obs_by = defaultdict(dict)
    for r in ob:
        obs_by[(r["indicator_id"], r["territory_id"])][int(r["period"])] = float(r["value"])
    assert set(IND) - {"MOB10", "MOB11", "CIT08"} <= {r["indicator_id"] for r in ob}
    assert {"MOB10", "MOB11", "CIT08"} <= {r["indicator_id"] for r in fl}
    for r in fl:
        assert 2015 <= int(r["period"]) <= 2023
        o, d = TE[r["origin_id"]]["country"], TE[r["destination_id"]]["country"]
        assert {o, d} == {"FR", "BE"}, r
    wrong_side = []
    for r in tg:
        i = IND[r["indicator_id"]]
        assert i["type"] != "context", f"context indicator {r['indicator_id']} has a target"
        base = obs_by[(r["indicator_id"], r["territory_id"])].get(int(r["baseline_period"]))
        assert base is not None and math.isclose(base, float(r["baseline_value"])), r
        assert r["target_period"] == "2030" and r["milestone_period"] == "2027"
        d = 1 if i["direction"] == "increase" else -1
        if d * (float(r["target_value"]) - float(r["baseline_value"])) <= 0:
            wrong_side.append(r["indicator_id"])
    assert wrong_side == ["MOB09"], f"targets on the wrong side of the baseline: {wrong_side}"
    with_target = {r["indicator_id"] for r in tg}
    assert len(with_target) >= 0.7 * len(ind)
    assert {r["indicator_id"] for r in ind if r["type"] == "context"}.isdisjoint(with_target)
    # both sides of the border for most indicators with observations
    sides = defaultdict(set)
    for r in ob:
        sides[r["indicator_id"]].add(TE[r["territory_id"]]["country"])
    both = sum(1 for s in sides.values() if {"FR", "BE"} <= s)
    assert both >= 0.85 * len(sides), (both, len(sides))
    # Interreg common indicators
    codes = {i["code"]: i for i in ind if i["code"]}
    assert set(codes) == {"RCO87", "RCO115", "RCO116", "RCO117", "RCR79", "RCR84", "RCR85"}
    assert codes["RCO87"]["name_en"] == "Organisations cooperating across borders"
    assert codes["RCR79"]["unit"] == "joint strategies/action plans"
    for c, i in codes.items():
        years = sorted({int(r["period"]) for r in ob if r["indicator_id"] == i["indicator_id"]})
        assert years[0] == 2021, (c, years)
    # anchors
    assert obs_by[("MOB01", "FRE")][2017] == 23700 and obs_by[("MOB01", "FRE")][2021] == 36000
    assert obs_by[("MOB02", "FRE")][2017] == 10000
    fb = defaultdict(int)
    for r in fl:
        if r["indicator_id"] == "MOB10" and r["origin_id"] == "FRE":
            fb[int(r["period"])] += r["value"]
    assert 0.9 * 23700 <= fb[2017] <= 23700 and 0.9 * 36000 <= fb[2021] <= 36000, dict(fb)
    assert obs_by[("ECO06", "BE254")][2021] == 48600
    assert obs_by[("QOL05", "59350")][2017] == 232787 and obs_by[("QOL05", "57096")][2020] == 58767
    # 6. progress statuses of the headline entries: intended ones, and all six occur
    head_status = {}
    tg_by = {r["indicator_id"]: r for r in tg}
    for iid, series in headline_series.items():
        st = assess(IND[iid]["direction"], series, tg_by.get(iid))[0]
        head_status[iid] = st
        if iid in intended:
            assert st == intended[iid], f"{iid}: status {st}, intended {intended[iid]}"
    counts = Counter(head_status.values())
    assert set(counts) == set(STATUSES), counts
    assert any(tg_by[i] and head_status[i] == "achieved" for i in tg_by)
    print("self-check passed; headline statuses:", dict(sorted(counts.items())))


if __name__ == "__main__":
    sys.exit(main())
