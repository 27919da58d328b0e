"""The Vietnamese catalogues under locale/: compile, check and measure them.

    python platform/catalogues.py compile    .po -> .mo where the .po is newer (the launcher does this)
    python platform/catalogues.py check      untranslated, fuzzy, placeholder or consistency problems
    python platform/catalogues.py coverage   docs/translation-coverage.md: Vietnamese messages per
                                             package and domain, the package's own catalogue vs ours

locale/ mirrors the packages' own paths, one folder per package whose catalogue we complete:
locale/wagtail/admin/vi/LC_MESSAGES/django.po stands beside wagtail/admin/locale/vi/LC_MESSAGES/
django.po, so a catalogue can be handed upstream as it is. Settings put every such folder in
LOCALE_PATHS (`locale_paths()`), which Django merges after the installed apps' catalogues: ours win.
The .mo files are build output (.gitignore); only polib is needed, not GNU gettext.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT_DIR / "locale"
LANGUAGE = "vi"
PLURAL_FORMS = "nplurals=1; plural=0;"

# %(name)s, %s, %d, %.1f … (not %%), {name}, {0}, {}, and HTML tags must survive translation.
_PERCENT = re.compile(r"%(?:\([^)]+\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdifFeEgGxXrc]")
_BRACE = re.compile(r"(?<!\{)\{[A-Za-z0-9_.]*\}(?!\})")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def locale_paths(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Every folder of locale/ that holds a <language>/LC_MESSAGES/ folder, for LOCALE_PATHS."""
    return sorted({messages.parent.parent for messages in locale_dir.glob("**/LC_MESSAGES")})


def po_files(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    return sorted(locale_dir.glob(f"**/{LANGUAGE}/LC_MESSAGES/*.po"))


def compile_catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Write each .mo whose .po is newer (or that is missing); return the .mo files written."""
    written = []
    for po_path in po_files(locale_dir):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        import polib  # only when there is something to compile

        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


def placeholders(text: str) -> list[str]:
    text = text.replace("%%", "")
    return sorted(_PERCENT.findall(text) + _BRACE.findall(text) + _TAG.findall(text))


def _translations(entry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural.get(index, "") for index in sorted(entry.msgstr_plural)] or [""]
    return [entry.msgstr]


def entry_problems(entry) -> list[str]:
    """What is wrong with one entry of a Vietnamese catalogue (empty list: nothing)."""
    problems = []
    if "fuzzy" in entry.flags:
        problems.append("fuzzy")
    translations = _translations(entry)
    if entry.msgid_plural and len(translations) != 1:
        problems.append(f"{len(translations)} plural forms, Vietnamese has one")
    for text in translations:
        if not text:
            problems.append("untranslated")
            continue
        if unicodedata.normalize("NFC", text) != text:
            problems.append("not NFC")
        # One form serves every count: it carries the plural's placeholders (a singular
        # "One page" has none, its plural "%(count)s pages" has the count).
        source = entry.msgid_plural or entry.msgid
        expected, found = placeholders(source), placeholders(text)
        if entry.msgid_plural:
            expected, found = sorted(set(expected)), sorted(set(found))
        if expected != found:
            problems.append(f"placeholders {expected} became {found}")
    return problems


@dataclass(frozen=True)
class Problem:
    path: Path
    msgid: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT_DIR)}: {self.msgid!r}: {self.problem}"


def catalogue_problems(locale_dir: Path = LOCALE_DIR) -> Iterator[Problem]:
    """Every untranslated, fuzzy or broken entry, bad headers, and one message translated two ways.

    Django merges all catalogues of a domain into one, so the same message must read the same in
    every package's catalogue, or which one wins would depend on LOCALE_PATHS' order.
    """
    import polib

    seen: dict[tuple[str, str | None, str], tuple[str, Path]] = {}
    for po_path in po_files(locale_dir):
        catalogue = polib.pofile(str(po_path))
        if catalogue.metadata.get("Language") != LANGUAGE:
            yield Problem(po_path, "", f"header Language is {catalogue.metadata.get('Language')!r}")
        if catalogue.metadata.get("Plural-Forms") != PLURAL_FORMS:
            yield Problem(po_path, "", f"header Plural-Forms is {catalogue.metadata.get('Plural-Forms')!r}")
        if "charset=UTF-8" not in catalogue.metadata.get("Content-Type", ""):
            yield Problem(po_path, "", "header Content-Type is not UTF-8")
        for entry in catalogue:
            if entry.obsolete:
                continue
            for problem in entry_problems(entry):
                yield Problem(po_path, entry.msgid, problem)
            key = (po_path.name, entry.msgctxt, entry.msgid)
            text = _translations(entry)[0]
            if key in seen and text and seen[key][0] != text:
                other = seen[key][1].relative_to(ROOT_DIR)
                yield Problem(po_path, entry.msgid, f"{text!r} here but {seen[key][0]!r} in {other}")
            seen.setdefault(key, (text, po_path))


# --- Coverage ----------------------------------------------------------------------------


def package_locale_dir(folder: Path, locale_dir: Path = LOCALE_DIR) -> Path | None:
    """The package's own locale folder for one of ours: locale/wagtail/admin -> wagtail/admin/locale."""
    module = ".".join(folder.relative_to(locale_dir).parts)
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "locale"


def _translation_texts(path: Path) -> dict[tuple[str | None, str], str]:
    import polib

    if not path.exists():
        return {}
    return {
        (entry.msgctxt, entry.msgid): _translations(entry)[0]
        for entry in polib.pofile(str(path))
        if not entry.obsolete and "fuzzy" not in entry.flags and all(_translations(entry))
    }


def _all_ids(path: Path) -> set[tuple[str | None, str]]:
    import polib

    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete}


def coverage_rows(locale_dir: Path = LOCALE_DIR) -> list[tuple[str, str, int, int, int, int]]:
    """(package, domain, messages, translated by the package's own vi, by ours, of the package's that ours reword)."""
    rows = []
    for po_path in po_files(locale_dir):
        folder = po_path.parent.parent.parent
        domain = po_path.stem
        package_dir = package_locale_dir(folder, locale_dir)
        ours = _all_ids(po_path)
        template = package_dir / "en" / "LC_MESSAGES" / f"{domain}.po" if package_dir else None
        # Packages without an English template (django-otp, django-axes): ours was extracted from the source.
        messages = _all_ids(template) if template and template.exists() else ours
        theirs = _translation_texts(package_dir / LANGUAGE / "LC_MESSAGES" / f"{domain}.po") if package_dir else {}
        before = set(theirs) & messages
        after = _translation_texts(po_path)
        revised = sum(1 for key in before if key in after and after[key] != theirs[key])
        module = ".".join(folder.relative_to(locale_dir).parts)
        rows.append((module, domain, len(messages), len(before), len(set(after) & messages), revised))
    return rows


def coverage_report(locale_dir: Path = LOCALE_DIR) -> str:
    rows = coverage_rows(locale_dir)
    lines = [
        "# Vietnamese translation coverage",
        "",
        "Produced by `python platform/catalogues.py coverage`; do not edit by hand. Messages are the",
        "package's own English template (or, for packages that ship none, the messages extracted from",
        "its source); *before* counts those its own `vi` catalogue translates, *after* those ours",
        "(`locale/`) translates; *reworded* counts the package's own translations that ours replaced\n"
        "(wrong, inconsistent with the glossary, or clumsy).",
        "",
        "| package | version | domain | messages | before | after | reworded |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    totals = [0, 0, 0, 0]
    for module, domain, messages, before, after, revised in rows:
        lines.append(
            f"| {module} | {_version(module)} | {domain} | {messages} | {before} ({_percent(before, messages)}) "
            f"| {after} ({_percent(after, messages)}) | {revised} |"
        )
        totals = [totals[0] + messages, totals[1] + before, totals[2] + after, totals[3] + revised]
    messages, before, after, revised = totals
    lines.append(
        f"| **all** | | | {messages} | {before} ({_percent(before, messages)}) "
        f"| {after} ({_percent(after, messages)}) | {revised} |"
    )
    return "\n".join(lines) + "\n"


def _version(module: str) -> str:
    from importlib.metadata import packages_distributions, version

    distributions = packages_distributions().get(module.split(".")[0], [])
    return version(distributions[0]) if distributions else "?"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "compile"
    if command == "compile":
        written = compile_catalogues()
        print(f"compiled {len(written)} catalogue(s)")
        return 0
    if command == "check":
        problems = [str(problem) for problem in catalogue_problems()]
        print("\n".join(problems) or "every catalogue complete")
        return 1 if problems else 0
    if command == "coverage":
        report = coverage_report()
        (ROOT_DIR / "docs" / "translation-coverage.md").write_text(report, encoding="utf-8")
        print(report)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
