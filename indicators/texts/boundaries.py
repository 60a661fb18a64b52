"""Texts of boundary files' refusals and notices beyond map_page.py's map_ keys."""

TEXTS = {
    "map_err_too_complex": {
        "fr": "« {file} » a trop de points ({limit} au plus, arcs TopoJSON comptés à chaque usage). "
              "Simplifiez-le (par exemple sur mapshaper.org) puis réessayez.",
        "nl": "„{file}” heeft te veel punten (hoogstens {limit}, TopoJSON-bogen geteld bij elk gebruik). "
              "Vereenvoudig het (bijvoorbeeld op mapshaper.org) en probeer opnieuw.",
        "en": "“{file}” has too many points (at most {limit}, TopoJSON arcs counted each time they are used). "
              "Simplify it (for example on mapshaper.org) and try again."},
    "map_duplicate_codes": {
        "fr": "Le même code est donné à plusieurs contours, qui seraient dessinés sous une seule valeur : {list}.",
        "nl": "Dezelfde code staat op meerdere vormen, die onder één waarde getekend zouden worden: {list}.",
        "en": "The same code is given to several shapes, which would be drawn under one value: {list}."},
    # boundary_reading: JSON nested past limits.MAX_JSON_DEPTH, and a `crs` member in a form not read.
    "map_err_json_deep": {
        "fr": "« {file} » imbrique ses crochets et accolades sur plus de {limit} niveaux : ce n'est pas un "
              "fichier de contours. Exportez-le de nouveau en GeoJSON.",
        "nl": "„{file}” nest zijn haken en accolades dieper dan {limit} niveaus: dat is geen grenzenbestand. "
              "Exporteer het opnieuw als GeoJSON.",
        "en": "“{file}” nests its brackets and braces deeper than {limit} levels: that is no boundary file. "
              "Export it again as GeoJSON."},
    "map_err_crs_form": {
        "fr": "« {file} » : son membre « crs » ne nomme pas un système de coordonnées sous une forme lisible (par "
              "exemple {{\"type\": \"name\", \"properties\": {{\"name\": \"EPSG:2154\"}}}}). Exportez-le en WGS84 "
              "(EPSG:4326), sans membre « crs ».",
        "nl": "„{file}”: het lid „crs” noemt geen coördinatenstelsel in een leesbare vorm (bijvoorbeeld "
              "{{\"type\": \"name\", \"properties\": {{\"name\": \"EPSG:2154\"}}}}). Exporteer het in WGS84 "
              "(EPSG:4326), zonder lid „crs”.",
        "en": "“{file}”: its “crs” member names no coordinate system in a form this reads (for example "
              "{{\"type\": \"name\", \"properties\": {{\"name\": \"EPSG:2154\"}}}}). Export it in WGS84 "
              "(EPSG:4326), without a “crs” member."},
    # boundary_placement: shapes far from their territory's point (lat/lon swapped, a wrong `crs`).
    "map_misplaced": {
        "fr": "Ces contours sont loin du point de leur territoire (latitude et longitude enregistrées) : {list}. "
              "Vérifiez le fichier avant d'enregistrer : coordonnées inversées, ou système de coordonnées mal "
              "déclaré ?",
        "nl": "Deze vormen liggen ver van het punt van hun gebied (opgeslagen breedte- en lengtegraad): {list}. "
              "Controleer het bestand voor u opslaat: coördinaten omgewisseld, of coördinatenstelsel verkeerd "
              "vermeld?",
        "en": "These shapes lie far from their territory's point (its stored latitude and longitude): {list}. "
              "Check the file before saving: coordinates swapped, or coordinate system wrongly declared?"},
    "map_misplaced_swapped": {
        "fr": "Avec longitude et latitude inversées, ces contours entoureraient leur point : le fichier écrit "
              "sans doute « latitude, longitude » là où GeoJSON attend « longitude, latitude ». Exportez-le de "
              "nouveau.",
        "nl": "Met lengte- en breedtegraad omgewisseld zouden deze vormen hun punt omsluiten: het bestand schrijft "
              "wellicht „breedte, lengte” waar GeoJSON „lengte, breedte” verwacht. Exporteer het opnieuw.",
        "en": "With longitude and latitude swapped, these shapes would surround their point: the file probably "
              "writes “latitude, longitude” where GeoJSON expects “longitude, latitude”. Export it again."},
    "map_misplaced_item": {"fr": "{code} ({name}) à {km} km", "nl": "{code} ({name}) op {km} km",
                           "en": "{code} ({name}) {km} km away"},
}
