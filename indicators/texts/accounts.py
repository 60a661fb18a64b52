"""Texts of accounts, rights and submissions (indicators/accounts.py, indicators/submissions.py)."""

_NOTHING = {"fr": "rien n'a été modifié.", "nl": "er is niets gewijzigd.", "en": "nothing was changed."}


def _refusal(fr: str, nl: str, en: str) -> dict:
    return {"fr": f"Refusé : {fr} ; {_NOTHING['fr']}", "nl": f"Geweigerd: {nl}; {_NOTHING['nl']}",
            "en": f"Refused: {en}; {_NOTHING['en']}"}


TEXTS = {
    "role_viewer": {"fr": "lecteur", "nl": "lezer", "en": "viewer"},
    "role_contributor": {"fr": "contributeur", "nl": "bijdrager", "en": "contributor"},
    "role_editor": {"fr": "éditeur", "nl": "redacteur", "en": "editor"},
    "role_admin": {"fr": "administrateur", "nl": "beheerder", "en": "admin"},
    "refused_validate": _refusal("le rôle {role} ne peut pas vérifier de fichier",
                                 "de rol {role} mag geen bestand controleren",
                                 "the {role} role may not check files"),
    "refused_submit": _refusal("le rôle {role} ne peut pas soumettre de données ; connectez-vous avec un compte "
                               "de partenaire", "de rol {role} mag geen gegevens indienen; meld u aan met een "
                               "partneraccount", "the {role} role may not submit data; sign in with a partner's "
                               "account"),
    "refused_review": _refusal("seul un éditeur peut approuver ou renvoyer une soumission (votre rôle : {role})",
                               "alleen een redacteur mag een inzending goedkeuren of terugsturen (uw rol: {role})",
                               "only an editor may approve or return a submission (your role: {role})"),
    "refused_import": _refusal("seul un éditeur peut importer directement (votre rôle : {role}) ; un "
                               "contributeur soumet ses fichiers pour relecture",
                               "alleen een redacteur mag rechtstreeks importeren (uw rol: {role}); een bijdrager "
                               "dient zijn bestanden in ter beoordeling",
                               "only an editor may import directly (your role: {role}); a contributor submits "
                               "files for review"),
    # import --user EMAIL naming an account that may not import: the batch would be recorded in its name
    "refused_import_user": _refusal("{email} est un compte {role}, qui ne peut pas importer directement : aucun "
                                    "import n'est enregistré à son nom (un contributeur soumet ses fichiers pour "
                                    "relecture ; un éditeur importe avec --as et sa propre adresse)",
                                    "{email} is een account met de rol {role}, die niet rechtstreeks mag "
                                    "importeren: geen import wordt op die naam geregistreerd (een bijdrager dient "
                                    "bestanden in ter beoordeling; een redacteur importeert met --as en zijn eigen "
                                    "adres)",
                                    "{email} is a {role} account, which may not import directly: no import is "
                                    "recorded in its name (a contributor submits files for review; an editor "
                                    "imports with --as and their own address)"),
    # rollback --user EMAIL naming an account that may not roll back
    "refused_rollback_user": _refusal("{email} est un compte {role}, qui ne peut pas annuler un lot : aucune "
                                      "annulation n'est enregistrée à son nom (un éditeur annule avec --as et sa "
                                      "propre adresse)",
                                      "{email} is een account met de rol {role}, die geen batch mag terugdraaien: "
                                      "geen terugdraaiing wordt op die naam geregistreerd (een redacteur draait "
                                      "terug met --as en zijn eigen adres)",
                                      "{email} is a {role} account, which may not roll back a batch: no rollback "
                                      "is recorded in its name (an editor rolls back with --as and their own "
                                      "address)"),
    # save-mapping --user EMAIL / --as EMAIL: a mapping is saved by an account that may import (as on the Data page)
    "refused_save_mapping_user": _refusal("{email} est un compte {role}, qui ne peut pas enregistrer de "
                                          "correspondance : aucune n'est enregistrée à son nom (un éditeur "
                                          "l'enregistre avec --as et sa propre adresse)",
                                          "{email} is een account met de rol {role}, die geen koppeling mag "
                                          "opslaan: er wordt er geen op die naam opgeslagen (een redacteur slaat "
                                          "ze op met --as en zijn eigen adres)",
                                          "{email} is a {role} account, which may not save a mapping: none is "
                                          "saved in its name (an editor saves it with --as and their own "
                                          "address)"),
    "refused_save_mapping": _refusal("seul un éditeur peut enregistrer une correspondance (votre rôle : {role})",
                                     "alleen een redacteur mag een koppeling opslaan (uw rol: {role})",
                                     "only an editor may save a mapping (your role: {role})"),
    "refused_rollback": _refusal("seul un éditeur peut annuler un lot (votre rôle : {role})",
                                 "alleen een redacteur mag een batch terugdraaien (uw rol: {role})",
                                 "only an editor may roll back a batch (your role: {role})"),
    "refused_revise_targets": _refusal("seul un éditeur peut réviser les cibles (votre rôle : {role})",
                                       "alleen een redacteur mag streefwaarden herzien (uw rol: {role})",
                                       "only an editor may revise targets (your role: {role})"),
    "refused_manage_accounts": _refusal("seul un administrateur gère les comptes (votre rôle : {role})",
                                        "alleen een beheerder beheert accounts (uw rol: {role})",
                                        "only an admin manages accounts (your role: {role})"),
    "refused_submit_tables": _refusal("un contributeur soumet uniquement des observations, des flux et des points "
                                      "d'avancement, pas : {tables}",
                                      "een bijdrager dient alleen waarnemingen, stromen en voortgangsrapporten in, "
                                      "niet: {tables}",
                                      "a contributor submits observations, flows and action updates only, not: "
                                      "{tables}"),
    # The whole file is refused; the first row of another partner's is named where the contributor finds it.
    "refused_submit_foreign": _refusal("ces indicateurs ou actions ne relèvent pas de votre partenaire ({partner}) : "
                                       "{ids} (première occurrence : fichier {file}, ligne {row}, colonne {column}, "
                                       "valeur {value}). Retirez ces lignes ou demandez à leur référent",
                                       "deze indicatoren of acties horen niet bij uw partner ({partner}): {ids} (eerste "
                                       "geval: bestand {file}, rij {row}, kolom {column}, waarde {value}). "
                                       "Verwijder die rijen of vraag het aan hun eigenaar",
                                       "these indicators or actions are not your partner's ({partner}): {ids} (first "
                                       "found: file {file}, row {row}, column {column}, value {value}). "
                                       "Remove those rows or ask their owner"),
    "refused_submit_signed": _refusal("un point d'avancement porte le partenaire qui l'écrit ; votre compte "
                                      "signe pour {partner}, pas pour : {ids}. Videz la colonne partner_id ou "
                                      "mettez-y {partner}",
                                      "een voortgangsrapport draagt de partner die het schrijft; uw account "
                                      "tekent voor {partner}, niet voor: {ids}. Maak de kolom partner_id leeg of "
                                      "vul {partner} in",
                                      "an action update names the partner that writes it; your account signs for "
                                      "{partner}, not for: {ids}. Empty the partner_id column or write {partner}"),
    "submit_nothing_to_review": {
        "fr": "Rien n'a été envoyé : aucune ligne ne porte de valeur. Remplissez la colonne des valeurs, puis "
              "renvoyez le fichier.",
        "nl": "Er is niets ingestuurd: geen enkele rij heeft een waarde. Vul de kolom met waarden in en stuur het "
              "bestand opnieuw.",
        "en": "Nothing was sent: no row holds a value. Fill in the value column, then send the file again."},
    "refused_submission": _refusal("la soumission {id} n'est pas visible pour votre compte",
                                   "inzending {id} is niet zichtbaar voor uw account",
                                   "submission {id} is not visible to your account"),
    "submission_not_pending": {"fr": "La soumission {id} a déjà été traitée{state} ; rien n'a été modifié.",
                               "nl": "Inzending {id} is al behandeld{state}; er is niets gewijzigd.",
                               "en": "Submission {id} was already dealt with{state}; nothing was changed."},
    # A second correction of the same returned submission (two tabs): refused, naming the first one.
    "submission_already_corrected": {"fr": "La soumission {id} a déjà été corrigée par la soumission {by} ; ce "
                                           "fichier n'a pas été gardé. Attendez la relecture de la soumission {by}.",
                                     "nl": "Inzending {id} is al verbeterd door inzending {by}; dit bestand is niet "
                                           "bewaard. Wacht op de beoordeling van inzending {by}.",
                                     "en": "Submission {id} was already corrected by submission {by}; this file was "
                                           "not kept. Wait for submission {by}'s review."},
    "submission_corrected_meanwhile": {
        "fr": "La soumission {id} a déjà été corrigée par la soumission {by} (depuis un autre onglet ou par un "
              "collègue) : un envoi comme sa correction sera refusé. Choisissez « – » pour envoyer une nouvelle "
              "soumission.",
        "nl": "Inzending {id} is al verbeterd door inzending {by} (vanuit een ander tabblad of door een collega): "
              "een verbetering ervan insturen wordt geweigerd. Kies '–' om een nieuwe inzending in te sturen.",
        "en": "Submission {id} was already corrected by submission {by} (from another tab or by a colleague): "
              "sending a correction of it is refused. Choose '–' to send a new submission."},
    # The submission a review tab shows was approved or returned meanwhile elsewhere (pages/review.py).
    "review_gone": {"fr": "La soumission {id} a été traitée entre-temps ({state}), dans un autre onglet ou par un "
                          "autre éditeur : choisissez-en une autre.",
                    "nl": "Inzending {id} is intussen behandeld ({state}), in een ander tabblad of door een andere "
                          "redacteur: kies een andere.",
                    "en": "Submission {id} was dealt with meanwhile ({state}), in another tab or by another editor: "
                          "choose another one."},
    "submission_approving": {"fr": "en cours d'import par un autre éditeur", "nl": "wordt door een andere "
                             "redacteur geïmporteerd", "en": "being imported by another editor"},
    # An approved submission whose import batch was rolled back (submissions.state): its values are gone.
    "submission_rolled_back": {"fr": "approuvée, import annulé le {when}", "nl": "goedgekeurd, import "
                               "teruggedraaid op {when}", "en": "approved, import rolled back on {when}"},
    "submission_rolled_back_note": {
        "fr": "Soumission {id} ({file}) : son import (lot {batch}) a été annulé le {when} par {who}. Ses valeurs ne "
              "sont plus dans le tableau de bord ; envoyez-la à nouveau si elles doivent y être.",
        "nl": "Inzending {id} ({file}): de import ervan (batch {batch}) is op {when} teruggedraaid door {who}. De "
              "waarden staan niet meer in het dashboard; stuur ze opnieuw in als ze erin moeten staan.",
        "en": "Submission {id} ({file}): its import (batch {batch}) was rolled back on {when} by {who}. Its values "
              "are no longer on the dashboard; send it again if they should be."},
    # The user an approved submission's import batch records (submissions.batch_user), in the reader's words.
    "batch_user_reviewed": {"fr": "{contributor} (relu par {reviewer})", "nl": "{contributor} (beoordeeld door "
                            "{reviewer})", "en": "{contributor} (reviewed by {reviewer})"},
    "submit_file_sent": {"fr": "Ce fichier a été envoyé (soumission {id}) : déposez-en un autre pour un nouvel "
                               "envoi.",
                         "nl": "Dit bestand is ingestuurd (inzending {id}): sleep een ander bestand hierheen om "
                               "opnieuw in te sturen.",
                         "en": "This file was sent (submission {id}): drop another one to send again."},
    "submit_upload_label": {"fr": "Déposez un fichier CSV ou XLSX", "nl": "Sleep een CSV- of XLSX-bestand hierheen",
                            "en": "Drop one CSV or XLSX file"},
    "submission_not_returned": {"fr": "Seule une soumission renvoyée peut être corrigée (soumission {id}).",
                                "nl": "Alleen een teruggestuurde inzending kan verbeterd worden (inzending {id}).",
                                "en": "Only a returned submission can be corrected (submission {id})."},
    "submission_comment_needed": {"fr": "Dites ce qu'il faut corriger : un commentaire est nécessaire.",
                                  "nl": "Zeg wat er verbeterd moet worden: een opmerking is nodig.",
                                  "en": "Say what to correct: a comment is needed."},
    "account_bad_email": {"fr": "« {email} » n'est pas une adresse e-mail.",
                          "nl": "'{email}' is geen e-mailadres.", "en": "'{email}' is not an e-mail address."},
    "account_bad_role": {"fr": "Rôle inconnu « {role} » : {roles}.", "nl": "Onbekende rol '{role}': {roles}.",
                         "en": "Unknown role '{role}': {roles}."},
    "account_needs_partner": {"fr": "Un contributeur appartient à un partenaire : indiquez lequel ; rien n'a été "
                                    "modifié.",
                              "nl": "Een bijdrager hoort bij een partner: geef aan welke; er is niets gewijzigd.",
                              "en": "A contributor belongs to a partner: say which one; nothing was changed."},
    "cli_account_partner_hint": {"fr": "Indiquez-le avec --partner ID (un partner_id).",
                                 "nl": "Geef hem op met --partner ID (een partner_id).",
                                 "en": "Give it with --partner ID (a partner_id)."},
    "account_password_short": {"fr": "Un mot de passe compte au moins {n} caractères ; rien n'a été modifié.",
                               "nl": "Een wachtwoord telt minstens {n} tekens; er is niets gewijzigd.",
                               "en": "A password has at least {n} characters; nothing was changed."},
    # Adding an address that has an account (any letter case): refused unless the change is asked for.
    "account_exists": {"fr": "Un compte existe déjà pour {email} ({role}{partner}) ; rien n'a été modifié.",
                       "nl": "Er bestaat al een account voor {email} ({role}{partner}); er is niets gewijzigd.",
                       "en": "An account exists for {email} ({role}{partner}); nothing was changed."},
    "account_exists_page_hint": {"fr": "Pour le modifier, cochez « {change} » et enregistrez à nouveau.",
                                 "nl": "Vink '{change}' aan en sla opnieuw op om het te wijzigen.",
                                 "en": "To change it, tick '{change}' and save again."},
    "account_exists_cli_hint": {"fr": "Pour le modifier : account add {email} … --change.",
                                "nl": "Om het te wijzigen: account add {email} … --change.",
                                "en": "To change it: account add {email} … --change."},
    "account_exists_cli_remove": {"fr": "Pour le modifier : account remove {email}, puis account add à nouveau.",
                                  "nl": "Om het te wijzigen: account remove {email}, daarna opnieuw account add.",
                                  "en": "To change it: account remove {email}, then account add again."},
    "account_change": {"fr": "Modifier le compte existant de cette adresse",
                       "nl": "Het bestaande account van dit adres wijzigen",
                       "en": "Change the existing account of this address"},
    "account_change_help": {"fr": "Sans cette case, une adresse qui a déjà un compte est refusée. Un mot de passe "
                                  "laissé vide reste celui du compte, son nom aussi.",
                            "nl": "Zonder dit vakje wordt een adres met een account geweigerd. Een leeg gelaten "
                                  "wachtwoord blijft dat van het account, de naam ook.",
                            "en": "Without this box, an address that has an account is refused. A password left "
                                  "empty stays the account's own, and so does its name."},
    "account_password_help": {"fr": "Au moins {n} caractères. Vide : connexion unique (SSO) seulement, ou le mot de "
                                    "passe actuel d'un compte modifié.",
                              "nl": "Minstens {n} tekens. Leeg: alleen eenmalige aanmelding (SSO), of het huidige "
                                    "wachtwoord van een gewijzigd account.",
                              "en": "At least {n} characters. Empty: single sign-on only, or the current password of "
                                    "an account being changed."},
    "account_unknown_partner": {"fr": "Partenaire inconnu « {partner} » : importez-le d'abord dans la table "
                                      "Partenaires (partners).",
                                "nl": "Onbekende partner '{partner}': importeer die eerst in de tabel Partners.",
                                "en": "Unknown partner '{partner}': import it into the Partners table first."},
    "cli_account_saved": {"fr": "Compte {email} : {role}{partner}.", "nl": "Account {email}: {role}{partner}.",
                          "en": "Account {email}: {role}{partner}."},
    "cli_submitted": {"fr": "Soumission {id} en attente de relecture.", "nl": "Inzending {id} wacht op beoordeling.",
                      "en": "Submission {id} waits for review."},
    "cli_no_account": {"fr": "Aucun compte pour « {email} » : demandez-le à un administrateur.",
                       "nl": "Geen account voor '{email}': vraag het aan een beheerder.",
                       "en": "No account for '{email}': ask an admin for one."},
    "cli_returned": {"fr": "Soumission {id} renvoyée avec votre commentaire.",
                     "nl": "Inzending {id} teruggestuurd met uw opmerking.",
                     "en": "Submission {id} returned with your comment."},
    # Four eyes (submissions._not_own): nobody reviews their own submission.
    "refused_review_own": _refusal("la soumission {id} est la vôtre : personne ne relit sa propre soumission, un "
                                   "autre éditeur l'approuve ou la renvoie",
                                   "inzending {id} is van u: niemand beoordeelt zijn eigen inzending, een andere "
                                   "redacteur keurt ze goed of stuurt ze terug",
                                   "submission {id} is yours: nobody reviews their own submission, another editor "
                                   "approves or returns it"),
    # An editor's or an admin's own submission (submit --as EDITOR): it waits for someone else.
    "cli_submitted_other_editor": {"fr": "Soumission {id} en attente de relecture par un autre éditeur (personne ne "
                                         "relit sa propre soumission).",
                                   "nl": "Inzending {id} wacht op beoordeling door een andere redacteur (niemand "
                                         "beoordeelt zijn eigen inzending).",
                                   "en": "Submission {id} waits for review by another editor (nobody reviews their "
                                         "own submission)."},
    "review_own_note": {"fr": "Vous avez envoyé cette soumission : un autre éditeur l'approuve ou la renvoie.",
                        "nl": "U hebt deze inzending ingestuurd: een andere redacteur keurt ze goed of stuurt ze terug.",
                        "en": "You sent this submission: another editor approves or returns it."},
    # The submission's contributor has no account any more (removed since): approving stays possible.
    "review_contributor_gone": {"fr": "{email} n'a plus de compte (supprimé depuis l'envoi) : l'approbation reste "
                                      "possible, le lot le nommera comme expéditeur.",
                                "nl": "{email} heeft geen account meer (verwijderd na het insturen): goedkeuren blijft "
                                      "mogelijk, de batch noemt hem als afzender.",
                                "en": "{email} no longer has an account (removed since sending): approving stays "
                                      "possible, the batch will name them as its sender."},
    "submission_no_account": {"fr": "sans compte", "nl": "zonder account", "en": "no account"},
    # `review` without the submission's number
    "cli_review_needs_id": {"fr": "Indiquez la soumission : review {action} ID (les numéros figurent dans "
                                  "« review list »).",
                            "nl": "Geef de inzending op: review {action} ID (de nummers staan in 'review list').",
                            "en": "Say which submission: review {action} ID (the numbers are in 'review list')."},
    # account remove
    "cli_account_removed": {"fr": "Compte {email} supprimé.", "nl": "Account {email} verwijderd.",
                            "en": "Account {email} removed."},
    "cli_account_remove_unknown": {"fr": "Aucun compte pour « {email} » : rien n'a été supprimé (« account list » "
                                         "montre les comptes).",
                                   "nl": "Geen account voor '{email}': er is niets verwijderd ('account list' toont "
                                         "de accounts).",
                                   "en": "No account for '{email}': nothing was removed ('account list' shows the "
                                         "accounts)."},
    "account_last_admin": {"fr": "{email} est le seul compte administrateur : sans lui, personne ne gérerait les "
                                 "comptes sur la page Contributions. Créez d'abord un autre administrateur ; rien n'a "
                                 "été modifié.",
                           "nl": "{email} is het enige beheerdersaccount: zonder dat account beheert niemand de "
                                 "accounts op de pagina Bijdragen. Maak eerst een andere beheerder aan; er is niets "
                                 "gewijzigd.",
                           "en": "{email} is the only admin account: without it nobody would manage accounts on the "
                                 "Contributions page. Create another admin first; nothing was changed."},
    "account_unknown_partner_near": {"fr": "Partenaire inconnu « {partner} ». Vouliez-vous dire {near} ? Rien n'a été "
                                           "modifié.",
                                     "nl": "Onbekende partner '{partner}'. Bedoelde u {near}? Er is niets gewijzigd.",
                                     "en": "Unknown partner '{partner}'. Did you mean {near}? Nothing was changed."},
    # A signed-in account demoted or removed by an admin meanwhile (pages/editors.py: rights_lost).
    "rights_lost_role": {"fr": "Votre compte {email} n'a plus les droits d'un éditeur (son rôle est maintenant : "
                               "{role})",
                         "nl": "Uw account {email} heeft geen redacteursrechten meer (de rol is nu: {role})",
                         "en": "Your account {email} no longer has the editor's rights (its role is now: {role})"},
    "rights_lost_removed": {"fr": "Le compte {email} n'existe plus (un administrateur l'a supprimé)",
                            "nl": "Het account {email} bestaat niet meer (een beheerder heeft het verwijderd)",
                            "en": "The account {email} no longer exists (an admin removed it)"},
    "rights_lost_approve": {"fr": "{why} : la soumission {id} n'a pas été approuvée ; rien n'a été modifié.",
                            "nl": "{why}: inzending {id} is niet goedgekeurd; er is niets gewijzigd.",
                            "en": "{why}: submission {id} was not approved; nothing was changed."},
    "rights_lost_return": {"fr": "{why} : la soumission {id} n'a pas été renvoyée ; rien n'a été modifié.",
                           "nl": "{why}: inzending {id} is niet teruggestuurd; er is niets gewijzigd.",
                           "en": "{why}: submission {id} was not returned; nothing was changed."},
    "rights_lost_page": {"fr": "{why} : rien n'a été modifié. Connectez-vous avec un compte qui a les droits d'un "
                               "éditeur.",
                         "nl": "{why}: er is niets gewijzigd. Meld u aan met een account met redacteursrechten.",
                         "en": "{why}: nothing was changed. Sign in with an account that holds the editor's rights."},
    # What an editor approves (pages/review.py, submissions.to_approve): the rows, and the file as sent.
    "review_change": {"fr": "Changement", "nl": "Wijziging", "en": "Change"},
    "review_row_added": {"fr": "ajout", "nl": "nieuw", "en": "new"},
    "review_row_updated": {"fr": "modification", "nl": "wijziging", "en": "changed"},
    "review_rows_in": {"fr": "{table} que l'approbation écrira ({n})", "nl": "{table} die de goedkeuring schrijft ({n})",
                       "en": "{table} that approving writes ({n})"},
    "review_rows_more": {"fr": "Les {shown} premières lignes sur {total} : le fichier envoyé les contient toutes.",
                         "nl": "De eerste {shown} van {total} rijen: het ingestuurde bestand bevat ze allemaal.",
                         "en": "The first {shown} of {total} rows: the file sent holds them all."},
    "review_download": {"fr": "Télécharger le fichier envoyé", "nl": "Het ingestuurde bestand downloaden",
                        "en": "Download the file sent"},
    "review_download_help": {"fr": "Le fichier tel que le contributeur l'a envoyé, octet pour octet.",
                             "nl": "Het bestand zoals de bijdrager het instuurde, byte voor byte.",
                             "en": "The file as the contributor sent it, byte for byte."},
    # The Data and Map pages' sign-in (pages/editors.py): an editor's account counts there too.
    "editor_account_hint": {"fr": "Avec un compte d'éditeur, connectez-vous sur la page « {page} » : la connexion "
                                  "vaut aussi ici.",
                            "nl": "Met een redacteursaccount meldt u zich aan op de pagina '{page}': die aanmelding "
                                  "geldt ook hier.",
                            "en": "With an editor's account, sign in on the '{page}' page: the sign-in counts here "
                                  "too."},
}
