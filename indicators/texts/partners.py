"""Texts of the partners page and of the partner names shown on actions and indicators."""

TEXTS = {
    "page_partners": {"fr": "Partenaires", "nl": "Partners", "en": "Partners"},
    "partners_intro": {
        "fr": "Les institutions qui pilotent les actions et fournissent les indicateurs, des deux côtés de la "
              "frontière : ce que chacune pilote, ce dont elle est référente et ce qu'elle n'a pas encore mis à jour.",
        "nl": "De instellingen die de acties trekken en de indicatoren aanleveren, aan beide kanten van de grens: "
              "wat elk trekt, waarvoor elk de gegevens levert en wat nog niet is bijgewerkt.",
        "en": "The institutions that lead the actions and supply the indicators, on both sides of the border: "
              "what each leads, which data it owns and what it has not updated yet."},
    "partner": {"fr": "Partenaire", "nl": "Partner", "en": "Partner"},
    "partner_country": {"fr": "Pays", "nl": "Land", "en": "Country"},
    "partner_kind": {"fr": "Nature", "nl": "Soort", "en": "Kind"},
    "partner_leads": {"fr": "Actions pilotées", "nl": "Getrokken acties", "en": "Actions led"},
    "partner_owns": {"fr": "Indicateurs fournis", "nl": "Geleverde indicatoren", "en": "Indicators owned"},
    "partner_late": {"fr": "Indicateurs à mettre à jour", "nl": "Bij te werken indicatoren",
                     "en": "Indicators to update"},
    "partners_none": {"fr": "Aucun partenaire n'est encore déclaré : importez une table « partners ».",
                      "nl": "Er zijn nog geen partners: importeer een tabel 'partners'.",
                      "en": "No partner is declared yet: import a 'partners' table."},
    "partner_due_title": {"fr": "À envoyer par {partner}", "nl": "Aan te leveren door {partner}",
                          "en": "Due from {partner}"},
    "partner_due_help": {
        "fr": "Indicateurs dont la dernière valeur a une période ou plus de retard sur leur périodicité, ou "
              "sans aucune valeur. Téléchargez la liste pour l'envoyer au partenaire.",
        "nl": "Indicatoren waarvan de laatste waarde een periode of meer achterloopt op hun periodiciteit, of "
              "zonder enige waarde. Download de lijst om ze naar de partner te sturen.",
        "en": "Indicators whose latest value is a period or more behind their periodicity, or that have no value "
              "at all. Download the list to send it to the partner."},
    "partner_nothing_due": {"fr": "Rien n'est en retard pour ce partenaire.",
                            "nl": "Niets loopt achter voor deze partner.",
                            "en": "Nothing is late for this partner."},
    "partner_latest_period": {"fr": "Dernière période", "nl": "Laatste periode", "en": "Latest period"},
    "partner_state": {"fr": "État", "nl": "Toestand", "en": "State"},
    "partner_download_due": {"fr": "Télécharger la liste (CSV)", "nl": "Lijst downloaden (CSV)",
                             "en": "Download the list (CSV)"},
    "partner_kind_state": {"fr": "État", "nl": "Staat", "en": "State"},
    "partner_kind_region": {"fr": "Région", "nl": "Gewest / regio", "en": "Region"},
    "partner_kind_department": {"fr": "Département", "nl": "Departement", "en": "Department"},
    "partner_kind_province": {"fr": "Province", "nl": "Provincie", "en": "Province"},
    "partner_kind_metropolis": {"fr": "Métropole / intercommunalité", "nl": "Metropool / intercommunale",
                                "en": "Metropolis / inter-municipal body"},
    "partner_kind_municipality": {"fr": "Commune", "nl": "Gemeente", "en": "Municipality"},
    "partner_kind_agency": {"fr": "Agence / opérateur", "nl": "Agentschap / operator", "en": "Agency / operator"},
    "partner_kind_egtc": {"fr": "GECT", "nl": "EGTS", "en": "EGTC"},
    "partner_kind_other": {"fr": "Autre", "nl": "Andere", "en": "Other"},
}
