"""Texts of the Map page (pages/map.py): values and flows, legends, boundary uploads and their notices,
the shipped boundaries, and the committee report's map."""

TEXTS = {
    "map_intro": {"fr": "Valeurs de l'indicateur choisi par territoire, ou ses flux transfrontaliers. Cliquez sur un "
                        "territoire pour le choisir dans les filtres et voir sa fiche.",
                  "nl": "Waarden van de gekozen indicator per gebied, of de grensoverschrijdende stromen ervan. Klik op "
                        "een gebied om het in de filters te kiezen en de fiche te zien.",
                  "en": "Values of the chosen indicator by territory, or its cross-border flows. Click a territory to "
                        "select it in the filters and see its card."},
    "map_colour_by": {"fr": "Couleur selon", "nl": "Kleur volgens", "en": "Colour by"},
    "map_colour_value": {"fr": "Valeur", "nl": "Waarde", "en": "Value"},
    "map_colour_status": {"fr": "Statut de progrès", "nl": "Voortgangsstatus", "en": "Progress status"},
    "map_kind": {"fr": "Territoires montrés", "nl": "Getoonde gebieden", "en": "Territories shown"},
    "map_kind_commune": {"fr": "Communes", "nl": "Gemeenten", "en": "Municipalities"},
    "map_kind_epci": {"fr": "Intercommunalités (EPCI)", "nl": "Intercommunales (EPCI)", "en": "Inter-municipal bodies (EPCI)"},
    "map_kind_arrondissement": {"fr": "Arrondissements", "nl": "Arrondissementen", "en": "Arrondissements"},
    # Short: the choice list is a quarter of the page wide (the long form is in map_kind_help).
    "map_kind_nuts3": {"fr": "NUTS 3", "nl": "NUTS 3", "en": "NUTS 3"},
    "map_kind_help": {"fr": "NUTS 3 : départements français et arrondissements belges (nomenclature européenne).",
                      "nl": "NUTS 3: Franse departementen en Belgische arrondissementen (Europese nomenclatuur).",
                      "en": "NUTS 3: French departments and Belgian arrondissements (the European nomenclature)."},
    "map_kind_department": {"fr": "Départements", "nl": "Departementen", "en": "Departments"},
    "map_kind_province": {"fr": "Provinces", "nl": "Provincies", "en": "Provinces"},
    "map_kind_region": {"fr": "Régions", "nl": "Gewesten en regio's", "en": "Regions"},
    "map_kind_custom": {"fr": "Autres territoires", "nl": "Andere gebieden", "en": "Other territories"},
    "map_period": {"fr": "Période affichée", "nl": "Getoonde periode", "en": "Period shown"},
    "map_latest_option": {"fr": "La plus récente", "nl": "Meest recente", "en": "Most recent"},
    "map_classes": {"fr": "Classes", "nl": "Klassen", "en": "Classes"},
    "map_method_quantiles": {"fr": "Quantiles", "nl": "Kwantielen", "en": "Quantiles"},
    "map_method_equal_interval": {"fr": "Intervalles égaux", "nl": "Gelijke intervallen", "en": "Equal intervals"},
    "map_method_natural_breaks": {"fr": "Seuils de Jenks", "nl": "Jenks-grenzen", "en": "Jenks breaks"},
    "map_k": {"fr": "Nombre de classes", "nl": "Aantal klassen", "en": "Number of classes"},
    "map_palette": {"fr": "Couleurs", "nl": "Kleuren", "en": "Colours"},
    "map_palette_help": {"fr": "Palettes lisibles par les daltoniens (Paul Tol). Les palettes divergentes sont centrées "
                               "sur la médiane ; le bleu (ou le vert) va du côté souhaité par l'indicateur.",
                         "nl": "Kleurenblindveilige paletten (Paul Tol). Divergerende paletten zijn gecentreerd op de "
                               "mediaan; blauw (of groen) ligt aan de gewenste kant van de indicator.",
                         "en": "Colour-blind-safe palettes (Paul Tol). Diverging palettes are centred on the median; "
                               "blue (or green) lies on the indicator's desired side."},
    "map_palette_ylorbr": {"fr": "Séquentielle · jaune → brun", "nl": "Sequentieel · geel → bruin",
                           "en": "Sequential · yellow → brown"},
    "map_palette_iridescent": {"fr": "Séquentielle · irisée", "nl": "Sequentieel · iriserend",
                               "en": "Sequential · iridescent"},
    "map_palette_sunset": {"fr": "Divergente · rouge (moins bien) → bleu (mieux)",
                           "nl": "Divergerend · rood (slechter) → blauw (beter)",
                           "en": "Diverging · red (worse) → blue (better)"},
    "map_palette_prgn": {"fr": "Divergente · violet (moins bien) → vert (mieux)",
                         "nl": "Divergerend · paars (slechter) → groen (beter)",
                         "en": "Diverging · purple (worse) → green (better)"},
    "map_symbol": {"fr": "Sans contour, montrer", "nl": "Zonder grenzen, tonen als", "en": "Without a shape, show"},
    "map_symbol_circles": {"fr": "Cercles proportionnels", "nl": "Evenredige cirkels", "en": "Proportional circles"},
    "map_symbol_columns": {"fr": "Colonnes", "nl": "Kolommen", "en": "Columns"},
    "map_online": {"fr": "Fond de carte web", "nl": "Online basiskaart", "en": "Online basemap"},
    "map_online_help": {"fr": "Ajoute sous les territoires un fond de carte téléchargé sur Internet (Carto). Désactivé "
                              "par défaut : la carte fonctionne sans Internet.",
                        "nl": "Voegt onder de gebieden een achtergrondkaart van het internet toe (Carto). Standaard "
                              "uit: de kaart werkt zonder internet.",
                        "en": "Adds a basemap downloaded from the internet (Carto) under the territories. Off by "
                              "default: the map works without internet."},
    "map_no_data": {"fr": "Pas de donnée", "nl": "Geen gegevens", "en": "No data"},
    "map_flow_direction": {"fr": "de l'origine (foncé) à la destination (orange)",
                           "nl": "van herkomst (donker) naar bestemming (oranje)",
                           "en": "from origin (dark) to destination (orange)"},
    "map_flows_caption": {"fr": "{n} en {period} ; la largeur d'un arc est proportionnelle à sa valeur.",
                          "nl": "{n} in {period}; de breedte van een boog is evenredig met de waarde.",
                          "en": "{n} in {period}; the width of an arc is proportional to its value."},
    "map_flow_one": {"fr": "flux", "nl": "stroom", "en": "flow"},
    "map_flows_tag": {"fr": "flux", "nl": "stromen", "en": "flows"},
    "map_no_flows": {"fr": "Pas de flux pour cet indicateur avec ces filtres : élargissez la période.",
                     "nl": "Geen stromen voor deze indicator met deze filters: verruim de periode.",
                     "en": "No flows for this indicator with these filters: widen the period."},
    # {classes}: i18n.count's "1 classe", "4 classes"
    "map_fewer_classes": {"fr": "{classes} au lieu de {k} : trop peu de valeurs différentes pour en faire plus.",
                          "nl": "{classes} in plaats van {k}: te weinig verschillende waarden om er meer te maken.",
                          "en": "{classes} instead of {k}: too few different values to make more."},
    "class_one": {"fr": "Classe", "nl": "Klasse", "en": "Class"},
    "class_other": {"fr": "Classes", "nl": "Klassen", "en": "Classes"},
    "map_mixed_periods": {"fr": "Dernière valeur de chaque territoire : périodes de {first} à {last}.",
                          "nl": "Laatste waarde van elk gebied: periodes van {first} tot {last}.",
                          "en": "Latest value of each territory: periods from {first} to {last}."},
    "map_no_boundaries": {"fr": "Aucun contour chargé : les territoires sont des cercles à leurs coordonnées, sans "
                                "tracé de la frontière. Un éditeur peut charger des contours (GeoJSON ou TopoJSON) "
                                "ci-dessous pour obtenir une carte choroplèthe et la frontière.",
                          "nl": "Geen grenzen geladen: de gebieden zijn cirkels op hun coördinaten, zonder de "
                                "landsgrens. Een redacteur kan hieronder grenzen (GeoJSON of TopoJSON) laden voor een "
                                "choropletenkaart en de landsgrens.",
                          "en": "No boundaries uploaded: territories are circles at their coordinates, and the border "
                                "is not drawn. An editor can upload boundaries (GeoJSON or TopoJSON) below to get a "
                                "choropleth map and the border."},
    # statuses judged from a break in series (DESIGN "Break in series"), under the map coloured by status
    "map_status_breaks": {"fr": {"one": "Statut jugé depuis une rupture de série ({periods}) pour {n} territoire : "
                                        "{names}.",
                                 "other": "Statuts jugés depuis une rupture de série ({periods}) pour {n} "
                                          "territoires : {names}."},
                          "nl": {"one": "Status beoordeeld sinds een breuk in de reeks ({periods}) voor {n} gebied: "
                                        "{names}.",
                                 "other": "Statussen beoordeeld sinds een breuk in de reeks ({periods}) voor {n} "
                                          "gebieden: {names}."},
                          "en": {"one": "Status judged since a break in series ({periods}) for {n} territory: "
                                        "{names}.",
                                 "other": "Statuses judged since a break in series ({periods}) for {n} "
                                          "territories: {names}."}},
    "map_without_shape": {"fr": {"one": "{n} territoire avec une valeur mais sans contour, montré en cercle : {names}.",
                                 "other": "{n} territoires avec une valeur mais sans contour, montrés en cercles : "
                                          "{names}."},
                          "nl": {"one": "{n} gebied met een waarde maar zonder grens, getoond als cirkel: {names}.",
                                 "other": "{n} gebieden met een waarde maar zonder grens, getoond als cirkels: {names}."},
                          "en": {"one": "{n} territory with a value but no shape, shown as a circle: {names}.",
                                 "other": "{n} territories with a value but no shape, shown as circles: {names}."}},
    "map_no_values": {"fr": "Aucun indicateur de ces filtres n'a de valeur à cartographier : élargissez les filtres.",
                      "nl": "Geen indicator van deze filters heeft waarden om in kaart te brengen: verruim de filters.",
                      "en": "No indicator of these filters has values to map: widen the filters."},
    "map_panel_empty": {"fr": "Cliquez sur un territoire de la carte pour voir sa fiche ici.",
                        "nl": "Klik op een gebied op de kaart om hier de fiche te zien.",
                        "en": "Click a territory on the map to see its card here."},
    "map_open_explorer": {"fr": "Voir dans l'explorateur", "nl": "Openen in de indicatorverkenner",
                          "en": "Open in the indicator explorer"},
    "map_latest_values": {"fr": "Dernières valeurs des indicateurs filtrés", "nl": "Laatste waarden van de gefilterde "
                          "indicatoren", "en": "Latest values of the filtered indicators"},
    "map_legend_status": {"fr": "Statut de progrès", "nl": "Voortgangsstatus", "en": "Progress status"},
    "map_boundaries": {"fr": "Contours des territoires (GeoJSON, TopoJSON)", "nl": "Grenzen van de gebieden (GeoJSON, "
                       "TopoJSON)", "en": "Territory boundaries (GeoJSON, TopoJSON)"},
    "map_sets_none": {"fr": "Aucun jeu de contours enregistré.", "nl": "Geen set grenzen opgeslagen.",
                      "en": "No boundary set saved."},
    "map_col_set": {"fr": "Jeu de contours", "nl": "Set grenzen", "en": "Boundary set"},
    "map_col_property": {"fr": "Propriété du code", "nl": "Eigenschap met de code", "en": "Code property"},
    "map_col_features": {"fr": "Contours", "nl": "Vormen", "en": "Shapes"},
    "map_col_matched": {"fr": "Territoires reconnus", "nl": "Herkende gebieden", "en": "Territories matched"},
    "map_col_saved": {"fr": "Enregistré le", "nl": "Opgeslagen op", "en": "Saved on"},
    "map_missing_all": {"fr": "Territoires sans contour dans aucun jeu ({n})", "nl": "Gebieden zonder grens in geen "
                        "enkele set ({n})", "en": "Territories without a shape in any set ({n})"},
    "map_upload": {"fr": "Fichier de contours (GeoJSON ou TopoJSON, WGS84 ou projeté, {limit} Mo au plus)",
                   "nl": "Grenzenbestand (GeoJSON of TopoJSON, WGS84 of geprojecteerd, hoogstens {limit} MB)",
                   "en": "Boundary file (GeoJSON or TopoJSON, WGS84 or projected, {limit} MB at most)"},
    "map_code_property": {"fr": "Propriété qui porte le code du territoire", "nl": "Eigenschap met de gebiedscode",
                          "en": "Property holding the territory code"},
    "map_code_option": {"fr": {"one": "{prop} — {n} code reconnu, ex. {example}",
                               "other": "{prop} — {n} codes reconnus, ex. {example}"},
                        "nl": {"one": "{prop} — {n} herkende code, bv. {example}",
                               "other": "{prop} — {n} herkende codes, bv. {example}"},
                        "en": {"one": "{prop} — {n} code matched, e.g. {example}",
                               "other": "{prop} — {n} codes matched, e.g. {example}"}},
    "map_preview": {"fr": "« {file} » : {matched} parmi {features} ; {unknown} ; simplifié de {before} à {after} "
                          "points ({size} Ko).",
                    "nl": "„{file}”: {matched} op {features}; {unknown}; vereenvoudigd van {before} tot {after} punten "
                          "({size} kB).",
                    "en": "“{file}”: {matched} out of {features}; {unknown}; simplified from {before} to {after} "
                          "points ({size} KB)."},
    # the counts of `map_preview`, each in its plural (i18n.py's module docstring)
    "map_preview_matched": {"fr": {"one": "{n} territoire reconnu", "other": "{n} territoires reconnus"},
                            "nl": {"one": "{n} herkend gebied", "other": "{n} herkende gebieden"},
                            "en": {"one": "{n} territory matched", "other": "{n} territories matched"}},
    "map_preview_features": {"fr": {"one": "{n} contour", "other": "{n} contours"},
                             "nl": {"one": "{n} vorm", "other": "{n} vormen"},
                             "en": {"one": "{n} shape", "other": "{n} shapes"}},
    "map_preview_unknown": {"fr": {"one": "{n} contour au code inconnu (gardé en fond de carte s'il est proche)",
                                   "other": "{n} contours au code inconnu (gardés en fond de carte s'ils sont proches)"},
                            "nl": {"one": "{n} vorm met een onbekende code (als achtergrond bewaard als hij dichtbij "
                                          "ligt)",
                                   "other": "{n} vormen met een onbekende code (als achtergrond bewaard als ze dichtbij "
                                            "liggen)"},
                            "en": {"one": "{n} shape with an unknown code (kept as background when nearby)",
                                   "other": "{n} shapes with an unknown code (kept as background when nearby)"}},
    "map_unknown_title": {"fr": "Contours dont le code ne correspond à aucun territoire ({n})",
                          "nl": "Vormen waarvan de code bij geen enkel gebied hoort ({n})",
                          "en": "Shapes whose code matches no territory ({n})"},
    "map_missing_title": {"fr": "Territoires du même type sans contour dans ce fichier ({n})",
                          "nl": "Gebieden van hetzelfde type zonder vorm in dit bestand ({n})",
                          "en": "Territories of the same kind without a shape in this file ({n})"},
    "map_set_name": {"fr": "Nom du jeu de contours", "nl": "Naam van de set grenzen", "en": "Name of the boundary set"},
    "map_save": {"fr": "Enregistrer les contours", "nl": "Grenzen opslaan", "en": "Save the boundaries"},
    "map_saved": {"fr": {"one": "Contours « {name} » enregistrés : {n} territoire a un contour.",
                         "other": "Contours « {name} » enregistrés : {n} territoires ont un contour."},
                  "nl": {"one": "Grenzen „{name}” opgeslagen: {n} gebied heeft een vorm.",
                         "other": "Grenzen „{name}” opgeslagen: {n} gebieden hebben een vorm."},
                  "en": {"one": "Boundaries “{name}” saved: {n} territory has a shape.",
                         "other": "Boundaries “{name}” saved: {n} territories have a shape."}},
    "map_delete_set": {"fr": "Jeu de contours à supprimer", "nl": "Te verwijderen set grenzen",
                       "en": "Boundary set to delete"},
    "map_delete": {"fr": "Supprimer", "nl": "Verwijderen", "en": "Delete"},
    "map_deleted": {"fr": "Contours « {name} » supprimés.", "nl": "Grenzen „{name}” verwijderd.",
                    "en": "Boundaries “{name}” deleted."},
    "map_err_too_big": {"fr": "« {file} » pèse {size} Mo : les fichiers de contours sont limités à {limit} Mo. "
                              "Simplifiez-le d'abord (par exemple avec mapshaper) ou gardez seulement votre territoire.",
                        "nl": "„{file}” is {size} MB: grenzenbestanden zijn beperkt tot {limit} MB. Vereenvoudig het "
                              "eerst (bijvoorbeeld met mapshaper) of houd alleen uw gebied over.",
                        "en": "“{file}” is {size} MB: boundary files are limited to {limit} MB. Simplify it first "
                              "(for instance with mapshaper) or keep only your area."},
    "map_err_empty": {"fr": "« {file} » est vide.", "nl": "„{file}” is leeg.", "en": "“{file}” is empty."},
    "map_err_json": {"fr": "« {file} » n'est pas un JSON valide : il s'interrompt ou s'écarte de JSON à la ligne "
                           "{line}, colonne {column}. Exportez-le de nouveau en GeoJSON.",
                     "nl": "„{file}” is geen geldige JSON: het breekt af of wijkt af van JSON op regel {line}, "
                           "kolom {column}. Exporteer het opnieuw als GeoJSON.",
                     "en": "“{file}” is not valid JSON: it stops or departs from JSON at line {line}, column "
                           "{column}. Export it again as GeoJSON."},
    "map_err_not_geojson": {"fr": "« {file} » n'est ni du GeoJSON (FeatureCollection ou Feature) ni du TopoJSON.",
                            "nl": "„{file}” is geen GeoJSON (FeatureCollection of Feature) en geen TopoJSON.",
                            "en": "“{file}” is neither GeoJSON (a FeatureCollection or a Feature) nor TopoJSON."},
    "map_err_bare_geometry": {"fr": "« {file} » contient une géométrie {type} seule, sans propriétés : il faut des "
                                    "« Feature » dont une propriété porte le code du territoire.",
                              "nl": "„{file}” bevat alleen een {type}-geometrie zonder eigenschappen: er zijn "
                                    "„Features” nodig waarvan een eigenschap de gebiedscode bevat.",
                              "en": "“{file}” holds a bare {type} geometry without properties: it needs Features "
                                    "with a property holding the territory code."},
    "map_err_too_many": {"fr": "« {file} » compte {n} contours ; la limite est {limit}. Gardez seulement votre "
                               "territoire.",
                         "nl": "„{file}” telt {n} vormen; de limiet is {limit}. Houd alleen uw gebied over.",
                         "en": "“{file}” has {n} shapes; the limit is {limit}. Keep only your area."},
    "map_err_no_polygons": {"fr": "« {file} » ne contient aucun polygone (des points ou des lignes ne délimitent pas "
                                  "un territoire).",
                            "nl": "„{file}” bevat geen enkele polygoon (punten of lijnen bakenen geen gebied af).",
                            "en": "“{file}” holds no polygon (points or lines do not outline a territory)."},
    "map_err_topojson": {"fr": "« {file} » est un TopoJSON mal formé (arcs ou objets illisibles).",
                         "nl": "„{file}” is een foutief TopoJSON-bestand (onleesbare bogen of objecten).",
                         "en": "“{file}” is a malformed TopoJSON (unreadable arcs or objects)."},
    "map_err_crs_unknown": {"fr": "« {file} » déclare un système de coordonnées inconnu ({crs}). Exportez-le en WGS84 "
                                  "(EPSG:4326), Lambert 93 (EPSG:2154), Lambert belge 2008 (EPSG:3812) ou "
                                  "EPSG:3035.",
                            "nl": "„{file}” vermeldt een onbekend coördinatenstelsel ({crs}). Exporteer het in WGS84 "
                                  "(EPSG:4326), Lambert 93 (EPSG:2154), Belgische Lambert 2008 (EPSG:3812) of "
                                  "EPSG:3035.",
                            "en": "“{file}” declares an unknown coordinate system ({crs}). Export it in WGS84 "
                                  "(EPSG:4326), Lambert 93 (EPSG:2154), Belgian Lambert 2008 (EPSG:3812) or "
                                  "EPSG:3035."},
    "map_err_crs_missing": {"fr": "« {file} » a des coordonnées projetées ({bounds}) sans dire dans quel système. "
                                  "Exportez-le en WGS84 (EPSG:4326) ou ajoutez le membre « crs ».",
                            "nl": "„{file}” heeft geprojecteerde coördinaten ({bounds}) zonder het stelsel te "
                                  "vermelden. Exporteer het in WGS84 (EPSG:4326) of voeg het lid „crs” toe.",
                            "en": "“{file}” has projected coordinates ({bounds}) without saying in which system. "
                                  "Export it in WGS84 (EPSG:4326) or add the “crs” member."},
    "map_err_coordinates": {"fr": "« {file} » : les coordonnées ne sont pas des longitudes et latitudes valides, même "
                                  "après reprojection.",
                            "nl": "„{file}”: de coördinaten zijn geen geldige lengte- en breedtegraden, ook niet na "
                                  "herprojectie.",
                            "en": "“{file}”: the coordinates are not valid longitudes and latitudes, even after "
                                  "reprojection."},
    "map_err_no_match": {"fr": "« {file} » : aucun code de la propriété « {prop} » ne correspond à un territoire "
                               "(codes du fichier : {examples} ; codes connus : {known}…). Choisissez une autre "
                               "propriété ou importez d'abord ces territoires.",
                         "nl": "„{file}”: geen enkele code van de eigenschap „{prop}” hoort bij een gebied (codes in "
                               "het bestand: {examples}; gekende codes: {known}…). Kies een andere eigenschap of "
                               "importeer eerst die gebieden.",
                         "en": "“{file}”: no code of the property “{prop}” matches a territory (codes in the file: "
                               "{examples}; known codes: {known}…). Choose another property or import those "
                               "territories first."},
    "map_err_no_properties": {"fr": "« {file} » : les contours n'ont aucune propriété qui puisse porter un code.",
                              "nl": "„{file}”: de vormen hebben geen eigenschap die een code kan bevatten.",
                              "en": "“{file}”: the shapes have no property that could hold a code."},
    "map_err_read": {"fr": "« {file} » n'a pas pu être lu : son contenu n'est pas celui d'un fichier de contours "
                           "que ce serveur sait lire. Exportez-le de nouveau en GeoJSON (WGS84). Le fichier n'est "
                           "pas enregistré.",
                     "nl": "„{file}” kon niet worden gelezen: de inhoud is niet die van een grenzenbestand dat deze "
                           "server kan lezen. Exporteer het opnieuw als GeoJSON (WGS84). Het bestand is niet "
                           "opgeslagen.",
                     "en": "“{file}” could not be read: its content is not that of a boundary file this server "
                           "reads. Export it again as GeoJSON (WGS84). The file was not saved."},
    "map_note_encoding": {"fr": "« {file} » n'est pas en UTF-8 : lu en Windows-1252.",
                          "nl": "„{file}” is niet in UTF-8: gelezen als Windows-1252.",
                          "en": "“{file}” is not UTF-8: read as Windows-1252."},
    "map_note_topo_object": {"fr": "« {file} » : objet TopoJSON « {name} » utilisé ; autres objets ignorés : {others}.",
                             "nl": "„{file}”: TopoJSON-object „{name}” gebruikt; andere objecten genegeerd: {others}.",
                             "en": "“{file}”: TopoJSON object “{name}” used; other objects ignored: {others}."},
    "map_note_single_feature": {"fr": "« {file} » contient une seule Feature (et non une FeatureCollection) : elle est "
                                      "acceptée comme un jeu d'un seul contour.",
                                "nl": "„{file}” bevat één Feature (geen FeatureCollection): die wordt aanvaard als "
                                      "een set van één vorm.",
                                "en": "“{file}” holds a single Feature (not a FeatureCollection): it is accepted as a "
                                      "set of one shape."},
    "map_note_skipped": {"fr": {"one": "« {file} » : {n} élément sans polygone (vide, point ou ligne) ignoré.",
                                "other": "« {file} » : {n} éléments sans polygone (vides, points ou lignes) ignorés."},
                         "nl": {"one": "„{file}”: {n} element zonder polygoon (leeg, punt of lijn) genegeerd.",
                                "other": "„{file}”: {n} elementen zonder polygoon (leeg, punten of lijnen) genegeerd."},
                         "en": {"one": "“{file}”: {n} item without a polygon (empty, a point or a line) ignored.",
                                "other": "“{file}”: {n} items without a polygon (empty, points or lines) ignored."}},
    "map_note_crs_guessed": {"fr": "« {file} » ne déclare pas son système de coordonnées ; ses coordonnées sont "
                                   "celles de {crs}.",
                             "nl": "„{file}” vermeldt zijn coördinatenstelsel niet; de coördinaten zijn die van {crs}.",
                             "en": "“{file}” does not declare its coordinate system; its coordinates are those of "
                                   "{crs}."},
    "map_note_reprojected": {"fr": "« {file} » était en {crs} : reprojeté en WGS84 (longitude, latitude).",
                             "nl": "„{file}” stond in {crs}: geherprojecteerd naar WGS84 (lengte, breedte).",
                             "en": "“{file}” was in {crs}: reprojected to WGS84 (longitude, latitude)."},
    # the shipped boundaries and the report's map
    "map_attribution": {
        "fr": "Contours : {sources}.",
        "nl": "Grenzen: {sources}.",
        "en": "Boundaries: {sources}.",
    },
    "map_gisco_copyright": {"fr": "© EuroGeographics pour les limites administratives (Eurostat GISCO)",
                            "nl": "© EuroGeographics voor de administratieve grenzen (Eurostat GISCO)",
                            "en": "© EuroGeographics for the administrative boundaries (Eurostat GISCO)"},
    "report_map_title": {"fr": "Carte : {name}", "nl": "Kaart: {name}", "en": "Map: {name}"},
    "report_map_note": {
        "fr": "Dernière valeur connue de chaque territoire ({period}). Territoires représentés ({kind}) : {n}. "
              "Classes en quantiles (effectifs égaux).",
        "nl": "Laatst gekende waarde van elk gebied ({period}). Getoonde gebieden ({kind}): {n}. "
              "Klassen in kwantielen (gelijke aantallen).",
        "en": "Latest known value of each territory ({period}). Territories shown ({kind}): {n}. "
              "Classes are quantiles (equal counts).",
    },
}
