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
    "refused_rollback": _refusal("seul un éditeur peut annuler un lot (votre rôle : {role})",
                                 "alleen een redacteur mag een batch terugdraaien (uw rol: {role})",
                                 "only an editor may roll back a batch (your role: {role})"),
    "refused_revise_targets": _refusal("seul un éditeur peut réviser les cibles (votre rôle : {role})",
                                       "alleen een redacteur mag streefwaarden herzien (uw rol: {role})",
                                       "only an editor may revise targets (your role: {role})"),
    "refused_manage_accounts": _refusal("seul un administrateur gère les comptes (votre rôle : {role})",
                                        "alleen een beheerder beheert accounts (uw rol: {role})",
                                        "only an admin manages accounts (your role: {role})"),
    "refused_submit_tables": _refusal("un contributeur soumet uniquement des observations et des points "
                                      "d'avancement, pas : {tables}",
                                      "een bijdrager dient alleen waarnemingen en voortgangsrapporten in, niet: "
                                      "{tables}",
                                      "a contributor submits observations and action updates only, not: {tables}"),
    "refused_submit_foreign": _refusal("ces indicateurs ou actions ne relèvent pas de votre partenaire ({partner}) : "
                                       "{ids}. Retirez ces lignes ou demandez à leur référent",
                                       "deze indicatoren of acties horen niet bij uw partner ({partner}): {ids}. "
                                       "Verwijder die rijen of vraag het aan hun eigenaar",
                                       "these indicators or actions are not your partner's ({partner}): {ids}. "
                                       "Remove those rows or ask their owner"),
    "refused_submit_signed": _refusal("un point d'avancement porte le partenaire qui l'écrit ; votre compte "
                                      "signe pour {partner}, pas pour : {ids}. Videz la colonne partner_id ou "
                                      "mettez-y {partner}",
                                      "een voortgangsrapport draagt de partner die het schrijft; uw account "
                                      "tekent voor {partner}, niet voor: {ids}. Maak de kolom partner_id leeg of "
                                      "vul {partner} in",
                                      "an action update names the partner that writes it; your account signs for "
                                      "{partner}, not for: {ids}. Empty the partner_id column or write {partner}"),
    "refused_submission": _refusal("la soumission {id} n'est pas visible pour votre compte",
                                   "inzending {id} is niet zichtbaar voor uw account",
                                   "submission {id} is not visible to your account"),
    "submission_not_pending": {"fr": "La soumission {id} a déjà été traitée ; rien n'a été modifié.",
                               "nl": "Inzending {id} is al behandeld; er is niets gewijzigd.",
                               "en": "Submission {id} was already dealt with; nothing was changed."},
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
    "account_needs_partner": {"fr": "Un contributeur appartient à un partenaire : indiquez --partner.",
                              "nl": "Een bijdrager hoort bij een partner: geef --partner op.",
                              "en": "A contributor belongs to a partner: give --partner."},
    "account_unknown_partner": {"fr": "Partenaire inconnu « {partner} » : importez-le d'abord dans la table "
                                      "partners.",
                                "nl": "Onbekende partner '{partner}': importeer die eerst in de tabel partners.",
                                "en": "Unknown partner '{partner}': import it into the partners table first."},
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
