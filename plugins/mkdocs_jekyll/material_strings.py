"""Material's interface strings (`lang.t("action.edit")`), each looked up once per build.

Every page imports Material's partials/language.html with its context, which imports the
partial of the site's language and the English one again, and each of the forty or so strings a
page shows is then a macro call into them. This package's partials/language.html asks
`jekyll_material_t(key)` instead, which calls the same macros once per language and key and
keeps the answer for the build; the language is the page's `config.theme.language`, read in
Python. A site's own partials/language.html in its custom_dir replaces this package's; a site's
own partials/languages/<language>.html is what the macros come from, as with Material's.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context


class MaterialStrings:
    """The `jekyll_material_t(key)` template global, for one build."""

    def __init__(self, env: Environment, keep: bool) -> None:
        self.env = env
        self.keep = keep  # False (speed-ups off): asked every time, as Material does
        self.found: dict[tuple[str, str], Any] = {}

    @pass_context
    def __call__(self, context: Context, key: str) -> Any:
        language = context["config"].theme["language"]
        answer = self.found.get((language, key))
        if answer is None:
            # Material's expression: `lang.t(key) or fallback.t(key) or key`, the modules imported
            # without context as its language.html imports them
            own = self.env.get_template(f"partials/languages/{language}.html").module
            answer = own.t(key) or self.env.get_template(  # type: ignore[attr-defined]
                "partials/languages/en.html").module.t(key) or key  # type: ignore[attr-defined]
            if self.keep:
                self.found[language, key] = answer
        return answer
