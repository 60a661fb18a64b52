"""Texts of the Methodology page: the pictured statuses and the names of a worked example's fields."""

TEXTS = {
    "statuses_pictured": {"fr": "Ce que chaque statut veut dire, en image",
                          "nl": "Wat elke status betekent, in beeld", "en": "What each status means, in pictures"},
    "statuses_pictured_help": {
        "fr": "Cinq séries fictives, toutes parties de 100 en 2015 avec la même cible de 130 en 2025 (tirets). "
              "Le statut de chacune est calculé par le tableau de bord, comme pour un vrai indicateur.",
        "nl": "Vijf fictieve reeksen, allemaal vertrokken van 100 in 2015 met dezelfde streefwaarde 130 in 2025 "
              "(streepjes). De status van elke reeks berekent het dashboard, zoals voor een echte indicator.",
        "en": "Five made-up series, all starting at 100 in 2015 with the same target of 130 in 2025 (dashed). "
              "The dashboard computes each one's status, as for a real indicator."},
    "pictured_axis": {"fr": "Valeur (base 100)", "nl": "Waarde (basis 100)", "en": "Value (base 100)"},
    "field_direction": {"fr": "sens souhaité", "nl": "gewenste richting", "en": "desired direction"},
    "field_series": {"fr": "série", "nl": "reeks", "en": "series"},
    "field_target": {"fr": "cible", "nl": "streefwaarde", "en": "target"},
    "field_method": {"fr": "méthode", "nl": "methode", "en": "method"},
    "field_indicators": {"fr": "indicateurs", "nl": "indicatoren", "en": "indicators"},
    "field_status": {"fr": "statut", "nl": "status", "en": "status"},
    "field_reason": {"fr": "raison", "nl": "reden", "en": "reason"},
    "field_milestone_status": {"fr": "statut au jalon", "nl": "status bij mijlpaal", "en": "milestone status"},
    "field_base_period": {"fr": "période de base", "nl": "basisperiode", "en": "base period"},
    "field_latest_period": {"fr": "dernière période", "nl": "laatste periode", "en": "latest period"},
    "field_target_period": {"fr": "période de la cible", "nl": "periode van de streefwaarde", "en": "target period"},
    "field_score": {"fr": "score", "nl": "score", "en": "score"},
    "field_ratio": {"fr": "ratio R", "nl": "verhouding R", "en": "ratio R"},
    "field_cagr": {"fr": "taux de croissance annuel (TCAM)", "nl": "jaarlijkse groei (CAGR)",
                   "en": "annual growth rate (CAGR)"},
    "field_required_cagr": {"fr": "TCAM nécessaire", "nl": "vereiste CAGR", "en": "required CAGR"},
    "field_growth": {"fr": "g (croissance dans le bon sens)", "nl": "g (groei in de goede richting)",
                     "en": "g (growth in the desired direction)"},
    "field_base_value": {"fr": "valeur de base", "nl": "basiswaarde", "en": "base value"},
    "field_latest_value": {"fr": "dernière valeur", "nl": "laatste waarde", "en": "latest value"},
    "field_target_value": {"fr": "valeur cible", "nl": "streefwaarde", "en": "target value"},
    "field_projected_value": {"fr": "valeur projetée", "nl": "geprojecteerde waarde", "en": "projected value"},
    "field_expected_value": {"fr": "valeur attendue", "nl": "verwachte waarde", "en": "expected value"},
    "example_number": {"fr": "exemple {n}", "nl": "voorbeeld {n}", "en": "example {n}"},
}
