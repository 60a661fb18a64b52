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
    # the end of a Partners table cell that holds a few of a partner's indicators or actions
    "partner_more": {"fr": "et {n} de plus", "nl": "en {n} meer", "en": "and {n} more"},
    "partner_late": {"fr": "Indicateurs à mettre à jour", "nl": "Bij te werken indicatoren",
                     "en": "Indicators to update"},
    "partner_late_key": {"fr": "{signs}. La page « {page} » relance les indicateurs en retard ou sans valeur.",
                         "nl": "{signs}. De pagina '{page}' vraagt de achterstallige indicatoren en die zonder waarde "
                               "op.",
                         "en": "{signs}. The '{page}' page chases the overdue indicators and those with no value."},
    "partners_none": {"fr": "Aucun partenaire n'est encore déclaré : importez une table « partners ».",
                      "nl": "Er zijn nog geen partners: importeer een tabel 'partners'.",
                      "en": "No partner is declared yet: import a 'partners' table."},
    "partner_due_title": {"fr": "À envoyer : {partner}", "nl": "Aan te leveren: {partner}",
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
    "partner_download_due_xlsx": {"fr": "Télécharger la liste (XLSX)", "nl": "Lijst downloaden (XLSX)",
                                  "en": "Download the list (XLSX)"},
    # The list sent to the partner (partners.due_download): observations to fill in (import format), then its
    # titles, words and file name in the page's language.
    "partner_due_unit": {"fr": "Unité de la valeur", "nl": "Eenheid van de waarde", "en": "Unit of the value"},
    "partner_due_file_help": {
        "fr": "Le fichier est au format d'import : une ligne par indicateur, territoire et période attendus (les "
              "territoires où l'indicateur a déjà des valeurs ou une cible), la colonne value vide. Le partenaire "
              "la remplit et envoie le fichier tel quel sur la page « {page} » ; les lignes laissées vides et les "
              "colonnes de noms sont ignorées.",
        "nl": "Het bestand is in het importformaat: een rij per indicator, gebied en verwachte periode (de gebieden "
              "waarvoor de indicator al waarden of een streefwaarde heeft), met een lege kolom value. De partner "
              "vult ze in en stuurt het bestand zo in op de pagina '{page}'; leeg gelaten rijen en de kolommen "
              "met namen worden overgeslagen.",
        "en": "The file is in the import format: one row per indicator, territory and period due (the territories "
              "the indicator already has values or a target for), the value column empty. The partner fills it in "
              "and sends the file as it is on the '{page}' page; rows left empty and the name columns are skipped."},
    "partner_due_apart": {
        "fr": "Pas dans le fichier, qui ne contient que des valeurs : {ids}. Les points d'avancement s'envoient "
              "sur la page « {page} » (table action_updates).",
        "nl": "Niet in het bestand, dat alleen waarden bevat: {ids}. Voortgangsrapporten worden ingestuurd op de "
              "pagina '{page}' (tabel action_updates).",
        "en": "Not in the file, which holds values only: {ids}. Progress updates are sent on the '{page}' page "
              "(an action_updates table)."},
    # The flow indicators due (origin → destination, templates.due_flows): a flows table, sent like the rest.
    "partner_due_flows_help": {
        "fr": "Les flux origine → destination ({ids}) sont dans la feuille flows du fichier XLSX, ou dans le CSV "
              "des flux : une ligne par origine, destination et période attendues, la colonne value vide. Le "
              "partenaire les remplit et les envoie sur la page « {page} », avec ses observations ou à part.",
        "nl": "De stromen herkomst → bestemming ({ids}) staan in het blad flows van het XLSX-bestand, of in de "
              "CSV met de stromen: een rij per herkomst, bestemming en verwachte periode, met een lege kolom "
              "value. De partner vult ze in en stuurt ze in op de pagina '{page}', samen met zijn waarnemingen "
              "of apart.",
        "en": "The origin → destination flows ({ids}) are in the XLSX file's flows sheet, or in the flows CSV: "
              "one row per origin, destination and period due, the value column empty. The partner fills them "
              "in and sends them on the '{page}' page, with its observations or on their own."},
    "partner_download_due_flows": {"fr": "Télécharger les flux (CSV)", "nl": "Stromen downloaden (CSV)",
                                   "en": "Download the flows (CSV)"},
    "partner_due_flows_file": {"fr": "flux", "nl": "stromen", "en": "flows"},
    "partner_periods_behind": {"fr": "Retard (périodes)", "nl": "Achterstand (periodes)", "en": "Behind (periods)"},
    "partner_due_file": {"fr": "a_envoyer", "nl": "aan_te_leveren", "en": "due"},
    "periodicity_semester": {"fr": "semestrielle", "nl": "halfjaarlijks", "en": "half-yearly"},
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

# The Contributions page (pages/review.py).
TEXTS.update({
    "page_review": {"fr": "Contributions", "nl": "Bijdragen", "en": "Contributions"},
    "review_intro": {
        "fr": "Les partenaires envoient leurs données ; un éditeur les relit avant qu'elles n'apparaissent au "
              "tableau de bord.",
        "nl": "De partners sturen hun gegevens in; een redacteur beoordeelt ze voordat ze op het dashboard "
              "verschijnen.",
        "en": "Partners send their data; an editor reviews it before it reaches the dashboard."},
    "review_sign_in_hint": {"fr": "Connectez-vous avec votre compte.", "nl": "Meld u aan met uw account.",
                            "en": "Sign in with your account."},
    "account_email": {"fr": "Adresse e-mail", "nl": "E-mailadres", "en": "E-mail address"},
    "account_password": {"fr": "Mot de passe", "nl": "Wachtwoord", "en": "Password"},
    "account_wrong": {"fr": "Adresse ou mot de passe incorrect.", "nl": "Onjuist adres of wachtwoord.",
                      "en": "Wrong address or password."},
    "account_signed_in": {"fr": "Connecté : {who} ({role})", "nl": "Aangemeld: {who} ({role})",
                          "en": "Signed in: {who} ({role})"},
    "account_sign_in_by": {"fr": "Connexion", "nl": "Aanmelding", "en": "Sign-in"},
    "account_local": {"fr": "mot de passe", "nl": "wachtwoord", "en": "password"},
    "account_sso": {"fr": "authentification unique", "nl": "single sign-on", "en": "single sign-on"},
    "account_role": {"fr": "Rôle", "nl": "Rol", "en": "Role"},
    "account_save": {"fr": "Enregistrer le compte", "nl": "Account opslaan", "en": "Save the account"},
    "accounts_title": {"fr": "Comptes", "nl": "Accounts", "en": "Accounts"},
    "submit_title": {"fr": "Envoyer des données", "nl": "Gegevens insturen", "en": "Send data"},
    "submit_help": {
        "fr": "Les observations des indicateurs dont {partner} est référent, en fichier ou saisies dans le "
              "formulaire, leurs flux origine → destination (table flows, en fichier) et l'avancement des "
              "actions qu'il pilote. Elles sont vérifiées tout de suite, puis relues par un éditeur.",
        "nl": "De waarnemingen van de indicatoren die {partner} aanlevert, als bestand of ingevuld in het "
              "formulier, hun stromen herkomst → bestemming (tabel flows, als bestand) en de voortgang van de "
              "acties die het trekt. Ze worden meteen gecontroleerd en daarna door een redacteur beoordeeld.",
        "en": "Observations of the indicators {partner} owns, as a file or typed in the form, their origin → "
              "destination flows (a flows table, as a file) and the progress of the actions it leads. They are "
              "checked at once, then reviewed by an editor."},
    "submit_replaces": {"fr": "Corrige la soumission renvoyée", "nl": "Verbetert de teruggestuurde inzending",
                        "en": "Corrects the returned submission"},
    "submit_send": {"fr": "Envoyer pour relecture", "nl": "Insturen ter beoordeling", "en": "Send for review"},
    "submissions_none": {"fr": "Aucune soumission.", "nl": "Geen inzendingen.", "en": "No submission."},
    "submission_state": {"fr": "État", "nl": "Toestand", "en": "State"},
    "submission_by": {"fr": "Envoyé par", "nl": "Ingestuurd door", "en": "Sent by"},
    "submission_comment": {"fr": "Commentaire de relecture", "nl": "Opmerking bij de beoordeling",
                           "en": "Review comment"},
    "submission_reviewer": {"fr": "Relu par", "nl": "Beoordeeld door", "en": "Reviewed by"},
    "submission_pending": {"fr": "en attente de relecture", "nl": "wacht op beoordeling", "en": "waiting for review"},
    "submission_returned": {"fr": "renvoyée pour correction", "nl": "teruggestuurd ter verbetering",
                            "en": "returned for correction"},
    "submission_approved": {"fr": "approuvée et importée", "nl": "goedgekeurd en geïmporteerd",
                            "en": "approved and imported"},
    "submission_superseded": {"fr": "remplacée par une correction", "nl": "vervangen door een verbetering",
                              "en": "replaced by a correction"},
    "submission_too_large": {"fr": "Fichier trop volumineux : au plus {limit} Mo par soumission.",
                             "nl": "Bestand te groot: hoogstens {limit} MB per inzending.",
                             "en": "File too large: at most {limit} MB per submission."},
    "review_title": {"fr": "À relire", "nl": "Te beoordelen", "en": "To review"},
    "review_none": {"fr": "Aucune soumission en attente.", "nl": "Geen inzendingen in afwachting.",
                    "en": "No submission waiting."},
    "review_pick": {"fr": "Soumission", "nl": "Inzending", "en": "Submission"},
    "review_approve": {"fr": "Approuver et importer", "nl": "Goedkeuren en importeren", "en": "Approve and import"},
    "review_return": {"fr": "Renvoyer avec le commentaire", "nl": "Terugsturen met de opmerking",
                      "en": "Return with the comment"},
    "submission_returned_note": {
        "fr": "Soumission {id} ({file}) renvoyée par {reviewer} : « {comment} ». Corrigez-la et envoyez-la à "
              "nouveau, en fichier ou par le formulaire, en choisissant #{id} ci-dessous.",
        "nl": "Inzending {id} ({file}) teruggestuurd door {reviewer}: '{comment}'. Verbeter ze en stuur ze "
              "opnieuw in, als bestand of via het formulier, en kies hieronder #{id}.",
        "en": "Submission {id} ({file}) returned by {reviewer}: \"{comment}\". Correct it and send it again, as a "
              "file or through the form, choosing #{id} below."},
    "review_all": {"fr": "Toutes les soumissions", "nl": "Alle inzendingen", "en": "All submissions"},
    # A contributor's file with blocking problems: nothing was kept, and there is no "import without the
    # rows in error" here (the Data page's fix_then_retry offers that choice to editors).
    "submit_fix_then_retry": {"fr": "Rien n'a été envoyé : corrigez le fichier puis envoyez-le à nouveau.",
                              "nl": "Er is niets ingestuurd: verbeter het bestand en stuur het opnieuw in.",
                              "en": "Nothing was sent: fix the file and send it again."},
    # A correction carries the rows of the returned submission it does not hold (submissions.carried_rows).
    "correction_carried": {
        "fr": {"one": "{n} ligne de la soumission {id} n'est pas dans cette correction : elle l'accompagne telle "
                      "qu'elle a été envoyée et sera importée avec elle à l'approbation : {rows}.",
               "other": "{n} lignes de la soumission {id} ne sont pas dans cette correction : elles l'accompagnent "
                        "telles qu'elles ont été envoyées et seront importées avec elle à l'approbation : {rows}."},
        "nl": {"one": "{n} rij van inzending {id} staat niet in deze verbetering: ze gaat mee zoals ze werd "
                      "ingestuurd en wordt bij de goedkeuring mee geïmporteerd: {rows}.",
               "other": "{n} rijen van inzending {id} staan niet in deze verbetering: ze gaan mee zoals ze werden "
                        "ingestuurd en worden bij de goedkeuring mee geïmporteerd: {rows}."},
        "en": {"one": "{n} row of submission {id} is not in this correction: it goes with it as it was sent and is "
                      "imported with it on approval: {rows}.",
               "other": "{n} rows of submission {id} are not in this correction: they go with it as they were sent "
                        "and are imported with it on approval: {rows}."}},
    "correction_carried_more": {"fr": "… et {more} autres", "nl": "… en {more} andere", "en": "… and {more} more"},
    # Signed in by single sign-on with an e-mail that has no account in the store: told who to ask, with a way out
    # (it used to get the sign-in button again, as if nothing had happened).
    "account_sso_unknown": {
        "fr": "{email} n'a pas de compte dans ce tableau de bord : demandez à son administrateur de vous en créer "
              "un (rôle et partenaire).",
        "nl": "{email} heeft geen account in dit dashboard: vraag de beheerder er een voor u aan te maken (rol en "
              "partner).",
        "en": "{email} has no account in this dashboard: ask its administrator to create one for you (role and "
              "partner)."},
    # A viewer's account signed in on Contributions: it may read, not send (accounts.require "submit").
    "account_may_not_send": {
        "fr": "Ce compte ({role}) peut consulter le tableau de bord mais pas envoyer de données : connectez-vous "
              "avec le compte d'un partenaire.",
        "nl": "Dit account ({role}) mag het dashboard bekijken maar geen gegevens insturen: meld u aan met een "
              "partneraccount.",
        "en": "This account ({role}) may view the dashboard but not send data: sign in with a partner's account."},
})

# Action progress updates (pages/updates.py, the Overview's counts, the partners' due list).
TEXTS.update({
    "updates_title": {"fr": "Points d'avancement", "nl": "Voortgangsrapporten", "en": "Progress updates"},
    "updates_none": {"fr": "Aucun point d'avancement pour cette action.", "nl": "Geen voortgangsrapport voor deze actie.",
                     "en": "No progress update for this action."},
    "updates_in_fr": {"fr": "rédigé en français", "nl": "in het Frans geschreven", "en": "written in French"},
    "updates_in_nl": {"fr": "rédigé en néerlandais", "nl": "in het Nederlands geschreven", "en": "written in Dutch"},
    "updates_in_en": {"fr": "rédigé en anglais", "nl": "in het Engels geschreven", "en": "written in English"},
    # any other language a partner may write in (languages.py), named in the reader's words (i18n.written_in)
    "updates_in_other": {"fr": "rédigé en {language}", "nl": "in het {language} geschreven",
                         "en": "written in {language}"},
    "updates_next": {"fr": "Prochaines étapes", "nl": "Volgende stappen", "en": "Next steps"},
    "updates_risks": {"fr": "Risques", "nl": "Risico's", "en": "Risks"},
    "updates_latest": {"fr": "Dernier point d'avancement", "nl": "Laatste voortgangsrapport",
                       "en": "Latest progress update"},
    "updates_counts": {"fr": "Mise en œuvre des actions (dernier point d'avancement)",
                       "nl": "Uitvoering van de acties (laatste voortgangsrapport)",
                       "en": "Implementation of the actions (latest progress update)"},
    "partner_due_what": {"fr": "Indicateur ou action", "nl": "Indicator of actie", "en": "Indicator or action"},
    "partner_no_update_state": {"fr": "point d'avancement attendu", "nl": "voortgangsrapport verwacht",
                                "en": "progress update expected"},
    "partner_no_update": {"fr": "Actions sans point d'avancement pour {period}",
                          "nl": "Acties zonder voortgangsrapport voor {period}",
                          "en": "Actions with no progress update for {period}"},
})
