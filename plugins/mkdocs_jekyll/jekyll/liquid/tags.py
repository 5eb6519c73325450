"""Jekyll's Liquid tags (lib/jekyll/tags/*.rb): include, include_relative, highlight, post_url,
link. Each reads only plain data from the environment's LiquidSite; files are read through
`sandbox.read_inside`, never outside `_includes/` (or the post's own folder)."""

from __future__ import annotations

import re
from io import StringIO
from typing import TYPE_CHECKING, Any, TextIO

from liquid import BlockNode, Node, RenderContext
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG, Token

from . import links, sandbox

if TYPE_CHECKING:
    from liquid.stream import TokenStream

    from .environment import JekyllEnvironment

# include.rb
PARAM = re.compile(
    r"""([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))""")
ALL_PARAMS = re.compile(rf"\A\s*(?:{PARAM.pattern}(?=\s|\Z)\s*)*\Z")
VARIABLE_FILE = re.compile(r"(?P<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)",
                           re.S)
# highlight.rb
HIGHLIGHT = re.compile(r"""\A([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)\Z""")


def _markup(stream: TokenStream) -> tuple[Token, str]:
    """The tag token and the raw text after the tag's name (Jekyll tags parse it themselves).

    The stream is left on the tag's last token, as python-liquid's parser expects."""
    token = stream.expect(TOKEN_TAG)
    if stream.peek.kind == TOKEN_EXPRESSION:
        next(stream)
        return token, stream.current.value.strip()
    return token, ""


def _env(context: RenderContext) -> JekyllEnvironment:
    return context.env  # type: ignore[return-value]


def _lookup(context: RenderContext, name: str, token: Token) -> object:
    path: list[object] = [int(p) if p.isdigit() else p for p in name.split(".")]
    value = context.get(path, token=token, default=None)
    return value


def _render_markup(context: RenderContext, markup: str) -> str:
    """Markup such as `{{ page.include }}.html`, rendered in the tag's context."""
    env = _env(context)
    key = ("markup", markup)
    template = env.parsed.get(key)
    if template is None:
        template = env.parsed[key] = env.from_string(markup)
    buffer = StringIO()
    template.render_with_context(context, buffer, partial=True)
    return buffer.getvalue().strip()


# -- include ----------------------------------------------------------------------------------


class IncludeNode(Node):
    __slots__ = ("file", "params", "relative")

    def __init__(self, token: Token, file: str, params: str, relative: bool) -> None:
        super().__init__(token)
        self.file, self.params, self.relative = file, params, relative
        self.blank = False

    def __str__(self) -> str:
        return f"{{% {self.token.value} {self.file} {self.params} %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        env = _env(context)
        name = _render_markup(context, self.file) if "{{" in self.file else self.file
        caller = str(context.template.name)
        try:
            context.raise_for_loop_limit(1)
            template = sandbox.load_include(env, name, self.relative, self.token)
            namespace: dict[str, object] = {}
            if self.params:
                namespace["include"] = self.parse_params(context)
            with context.extend(namespace, template=template):
                template.render_with_context(context, buffer, partial=True)
        except LiquidError as error:
            chain = error.__dict__.setdefault("include_chain", [])
            root = sandbox.includes_root(env, self.relative)
            chain.append((caller, self.token, f"{root}/{name}" if root not in ("", ".") else name))
            raise
        return True

    def parse_params(self, context: RenderContext) -> dict[str, object]:
        params: dict[str, object] = {}
        for match in PARAM.finditer(self.params):
            key, double, single, variable = match.groups()
            if double is not None:
                params[key] = double.replace('\\"', '"')
            elif single is not None:
                params[key] = single.replace("\\'", "'")
            else:
                params[key] = _lookup(context, variable, self.token)
        return params


class IncludeTag(Tag):
    name = "include"
    block = False
    relative = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        if not markup:
            raise LiquidSyntaxError(f"'{self.name}' needs a file name", token=token)
        matched = VARIABLE_FILE.fullmatch(markup)
        if matched:
            file, params = matched["variable"].strip(), matched["params"].strip()
        else:
            file, _, params = markup.partition(" ")
            params = params.strip()
        if params and not ALL_PARAMS.match(params):
            raise LiquidSyntaxError(
                f"invalid parameters for '{self.name}' in '{markup}': write "
                f"{{% {self.name} file.html param=\"value\" param2=page.title %}}", token=token)
        return IncludeNode(token, file, params, self.relative)


class IncludeRelativeTag(IncludeTag):
    name = "include_relative"
    relative = True


# -- highlight --------------------------------------------------------------------------------


class HighlightNode(Node):
    __slots__ = ("body", "language", "options")

    def __init__(self, token: Token, language: str, options: dict[str, str], body: BlockNode):
        super().__init__(token)
        self.language, self.options, self.body = language, options, body
        self.blank = False

    def __str__(self) -> str:
        return f"{{% highlight {self.language} %}}{self.body}{{% endhighlight %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        inner = StringIO()
        self.body.render(context, inner)
        code = re.sub(r"\A(\r?\n)+|(\r?\n)+\Z", "", inner.getvalue())
        buffer.write(code_block(code, self.language, "linenos" in self.options,
                                _env(context).site.fence))
        return True

    def children(self, static_context: RenderContext, *,
                 include_partials: bool = True) -> Any:
        yield self.body


def code_block(code: str, language: str, linenos: bool, fence: str) -> str:
    """The code as Markdown the site's extensions turn into highlighted code."""
    if fence == "html":
        from html import escape

        return (f'<figure class="highlight"><pre><code class="language-{escape(language)}" '
                f'data-lang="{escape(language)}">{escape(code)}</code></pre></figure>')
    longest = max((len(run) for run in re.findall(r"^[ \t]*(`{3,}|~{3,})", code, re.M)),
                  default=0)
    marks = "`" * max(3, longest + 1)
    info = language
    if linenos and fence == "superfences":
        info += ' linenums="1"'
    return f"{marks} {info}\n{code}\n{marks}"


class HighlightTag(Tag):
    name = "highlight"
    end = "endhighlight"
    block = True

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        matched = HIGHLIGHT.match(markup)
        if not matched:
            raise LiquidSyntaxError(
                f"invalid syntax for 'highlight': '{markup}' (write "
                "{% highlight ruby %} or {% highlight ruby linenos %})", token=token)
        options = {part.partition("=")[0]: part.partition("=")[2]
                   for part in matched.group(2).split()}
        next(stream)
        body = get_parser(self.env).parse_block(stream, frozenset((self.end, TOKEN_EOF)))
        stream.expect(TOKEN_TAG, value=self.end)
        return HighlightNode(token, matched.group(1), options, body)


# -- post_url and link ------------------------------------------------------------------------


class PostUrlNode(Node):
    __slots__ = ("name",)

    def __init__(self, token: Token, name: str) -> None:
        super().__init__(token)
        self.name = name
        self.blank = False

    def __str__(self) -> str:
        return f"{{% post_url {self.name} %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        env = _env(context)
        url = links.post_url(env, self.name, self.token)
        buffer.write(links.relative(env, url))
        return True


class PostUrlTag(Tag):
    name = "post_url"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        if not links.POST_NAME.match(markup.lstrip("/")):
            raise LiquidSyntaxError(
                f"could not parse the name of the post '{markup}' in tag 'post_url' (write "
                "{% post_url 2025-08-28-slug %}, the post's file name without '.md')",
                token=token)
        return PostUrlNode(token, markup)


class LinkNode(PostUrlNode):
    def __str__(self) -> str:
        return f"{{% link {self.name} %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        env = _env(context)
        name = _render_markup(context, self.name) if "{{" in self.name else self.name
        buffer.write(links.relative(env, links.file_url(env, name, self.token)))
        return True


class LinkTag(Tag):
    name = "link"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        if not markup:
            raise LiquidSyntaxError("'link' needs a file path ({% link _posts/2025-08-28-x.md %})",
                                    token=token)
        return LinkNode(token, markup)


TAGS: tuple[type[Tag], ...] = (IncludeTag, IncludeRelativeTag, HighlightTag, PostUrlTag, LinkTag)
