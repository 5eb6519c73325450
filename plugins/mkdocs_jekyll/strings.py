"""The news layouts' own words, in the site language (`theme.language`).

Material's words (`lang.t("blog.continue")`, ...) come from Material's own translations; these
are the ones it has no key for. A language missing here falls back to English, key by key.
"""

from __future__ import annotations

from collections.abc import Callable

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "by": "By", "and": "and", "updated": "Updated", "latest": "Latest",
        "more_in": "More in {section}", "share": "Share", "share_email": "Email", "tags": "Tags",
        "previous": "Previous", "next": "Next", "top_story": "Top story", "website": "Website",
        "pagination": "Pages",
    },
    "de": {
        "by": "Von", "and": "und", "updated": "Aktualisiert", "latest": "Neueste Meldungen",
        "more_in": "Mehr aus {section}", "share": "Teilen", "share_email": "E-Mail",
        "tags": "Schlagwörter", "previous": "Zurück", "next": "Weiter", "top_story": "Topmeldung",
        "website": "Webseite", "pagination": "Seiten",
    },
    "fr": {
        "by": "Par", "and": "et", "updated": "Mis à jour", "latest": "Dernières nouvelles",
        "more_in": "Plus dans {section}", "share": "Partager", "share_email": "E-mail",
        "tags": "Mots-clés", "previous": "Précédent", "next": "Suivant", "top_story": "À la une",
        "website": "Site web", "pagination": "Pages",
    },
}


def translator(language: str) -> Callable[..., str]:
    """`t(key, **values)` for the site language: `de_CH` uses `de`, unknown keys use English."""
    base = language.replace("_", "-").split("-")[0].lower()
    table = {**STRINGS["en"], **STRINGS.get(base, {})}

    def t(key: str, **values: object) -> str:
        text = table.get(key, key)
        return text.format(**{k: str(v) for k, v in values.items()}) if values else text

    return t
