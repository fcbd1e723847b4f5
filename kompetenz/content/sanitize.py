"""Untrusted HTML cut down to a small, safe subset with the standard library's parser.

Lessons arrive in content packs, that is from strangers. Whatever HTML a lesson holds, it is
written anew from what the parser saw: only allowed tags with checked attributes come out,
every text is escaped, and everything else is dropped — together with its content for
elements whose content is not text to read (scripts, styles, embedded documents, forms).
Because the output is re-serialised, differences between this parser and Qt's do not matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

AttributeCheck = Callable[[str], bool]
Policy = Mapping[str, Mapping[str, AttributeCheck]]

LINK_SCHEMES = frozenset({"http", "https", "mailto", "lesson"})
VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# Dropped with everything inside them; void ones (embed, input …) are simply dropped.
DROP_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "form",
        "button",
        "svg",
        "math",
        "template",
        "noscript",
        "textarea",
        "select",
        "title",
        "head",
        "frame",
        "frameset",
        "noframes",
        "applet",
        "canvas",
        "audio",
        "video",
        "xmp",
        "noembed",
        "plaintext",
        "portal",
    }
)
_CLASS_NAMES = frozenset(
    {
        "box",
        "box-title",
        "note",
        "tip",
        "warning",
        "danger",
        "example",
        "footnote",
        "footnote-ref",
        "footnote-backref",
        "toc",
    }
)
_LANGUAGE_CLASS = re.compile(r"^language-[a-z0-9_+#-]{1,30}$")
_ID = re.compile(r"^\w[\w:.-]{0,99}$")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})?$")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def is_safe_link(href: str) -> bool:
    """A link target the lesson view may offer: another lesson, a web page, mail, an anchor.

    Control characters and blanks are removed first, as browsers ignore them in a scheme
    (`java\\tscript:`); entities were already decoded by the parser (`&#106;avascript:`).
    """
    compact = _IGNORED_IN_URLS.sub("", href).lower()
    if compact.startswith("#"):
        return len(compact) > 1
    match = _SCHEME.match(compact)
    return match is not None and match.group(1) in LINK_SCHEMES


def _any_text(value: str) -> bool:
    return len(value) <= 1000


def _classes(value: str) -> bool:
    tokens = value.split()
    return bool(tokens) and all(t in _CLASS_NAMES or _LANGUAGE_CLASS.match(t) for t in tokens)


def _code_class(value: str) -> bool:
    return bool(_LANGUAGE_CLASS.match(value))


def _number(value: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}%?", value))


def _align(value: str) -> bool:
    return value in ("left", "right", "center")


def _identifier(value: str) -> bool:
    return bool(_ID.match(value))


def _language(value: str) -> bool:
    return bool(_LANG.match(value))


_NONE: Mapping[str, AttributeCheck] = {}
_LINK: Mapping[str, AttributeCheck] = {"href": is_safe_link, "title": _any_text}

# What a trainer may write as raw HTML in a lesson (and what Markdown stashes: code blocks).
RAW_POLICY: Policy = {
    **{
        tag: _NONE
        for tag in (
            "b",
            "i",
            "em",
            "strong",
            "u",
            "s",
            "sub",
            "sup",
            "br",
            "kbd",
            "mark",
            "small",
            "p",
            "pre",
            "q",
            "cite",
        )
    },
    "abbr": {"title": _any_text},
    "span": {"lang": _language},
    "code": {"class": _code_class},
    "a": _LINK,
}


def document_policy(image_sources: Collection[str]) -> Policy:
    """Everything the Markdown renderer produces; images only from `image_sources`."""
    return {
        **RAW_POLICY,
        **{f"h{level}": {"id": _identifier} for level in range(1, 7)},
        **{
            tag: _NONE
            for tag in ("hr", "blockquote", "ul", "dl", "dt", "dd", "thead", "tbody", "tr")
        },
        "p": {"class": _classes},
        "div": {"class": _classes},
        "ol": {"start": _number},
        "li": {"id": _identifier},
        "sup": {"id": _identifier},
        "a": {**_LINK, "class": _classes},
        "table": {"class": _classes, "width": _number, "cellpadding": _number},
        "th": {"align": _align},
        "td": {"align": _align},
        "img": {"src": lambda src: src in image_sources, "alt": _any_text, "title": _any_text},
    }


@dataclass
class SanitizedHtml:
    html: str
    removed: list[str] = field(default_factory=list)  # what was dropped, for the checker


class _Sanitizer(HTMLParser):
    """Writes back only what the policy allows; `balance` closes what the input left open."""

    def __init__(self, policy: Policy, balance: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.balance = balance
        self.out: list[str] = []
        self.open: list[str] = []
        self.removed: list[str] = []
        self._skip_tag: str | None = None
        self._skip_depth = 0

    def _drop(self, what: str) -> None:
        if what not in self.removed and len(self.removed) < 100:
            self.removed.append(what)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth += 1
            return
        if tag in DROP_WITH_CONTENT:
            self._skip_tag, self._skip_depth = tag, 1
            self._drop(f"<{tag}>")
            return
        allowed = self.policy.get(tag)
        if allowed is None:
            self._drop(f"<{tag}>")
            return
        kept: list[str] = []
        for name, value in attrs:
            check = allowed.get(name)
            if check is not None and value is not None and check(value):
                kept.append(f' {name}="{escape(value, quote=True)}"')
            else:
                self._drop(f"<{tag} {name}>")
        if tag == "img" and not any(k.startswith(" src=") for k in kept):
            return
        self.out.append(f"<{tag}{''.join(kept)}>")
        if self.balance and tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip_tag = None
            return
        if tag not in self.policy or tag in VOID_ELEMENTS:
            return
        if not self.balance:
            self.out.append(f"</{tag}>")
        elif tag in self.open:
            while self.open:
                inner = self.open.pop()
                self.out.append(f"</{inner}>")
                if inner == tag:
                    break

    def handle_data(self, data: str) -> None:
        if self._skip_tag is None:
            self.out.append(escape(data, quote=False))

    def handle_comment(self, data: str) -> None:
        self._drop("<!-- -->")

    def handle_decl(self, decl: str) -> None:
        self._drop("<!…>")

    def unknown_decl(self, data: str) -> None:
        self._drop("<![…]>")  # CDATA and marked sections

    def handle_pi(self, data: str) -> None:
        self._drop("<?…>")

    def finish(self) -> SanitizedHtml:
        self.close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")
        return SanitizedHtml("".join(self.out), self.removed)


def sanitize_fragment(html: str) -> SanitizedHtml:
    """One piece of raw HTML from a lesson, cut down to RAW_POLICY.

    Tags are not balanced here: Markdown hands over `<b>` and `</b>` as separate pieces.
    """
    sanitizer = _Sanitizer(RAW_POLICY, balance=False)
    sanitizer.feed(html)
    return sanitizer.finish()


def sanitize_document(html: str, image_sources: Collection[str] = ()) -> SanitizedHtml:
    """A whole rendered lesson: the last line of defence before Qt sees it."""
    sanitizer = _Sanitizer(document_policy(frozenset(image_sources)), balance=True)
    sanitizer.feed(html)
    return sanitizer.finish()
