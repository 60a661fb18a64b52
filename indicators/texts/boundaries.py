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
}
