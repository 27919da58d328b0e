"""Reading the site-search index: ranked results, counts by kind, pinned results, suggestions."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from wagtail.models import Page, PageViewRestriction

from shared_apps.synonyms.models import NationalSynonymGroup

from .choices import KIND_WEIGHTS, TASK_KIND_WEIGHTS, Kind
from .models import BestBet, SearchEntry, SynonymGroup
from .query import ParsedQuery, SynonymBank, bank_of, parse_query
from .text import query_words

# Relevance = (share of the query's concepts matched × COVERAGE + share matched in the title × TITLE)
# × the weight of the kind; concepts are weighted by rarity; ties go to the newest. A document whose
# number the query names comes first. PostgreSQL's ts_rank changed no task of the benchmark
# (bench/README.md) and cost up to a fifth of a broad query's time at 15,000 entries.
COVERAGE, TITLE = 0.6, 0.4
VOCABULARY_SECONDS = 600
POPULAR_PROCEDURES = 5


@dataclass
class Result:
    title: str
    url: str
    kind: str
    summary: str
    published_at: object = None

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label


@dataclass
class SearchOutcome:
    query: ParsedQuery
    results: list[Result]
    total: int  # within the chosen kind
    counts: dict[str, int] = field(default_factory=dict)  # by kind, before the kind filter
    pinned: list[Result] = field(default_factory=list)


def synonym_bank() -> SynonymBank:
    """The national bank and the province's own groups (one query; parsed once per change)."""
    rows = NationalSynonymGroup.objects.values_list("terms", flat=True).union(
        SynonymGroup.objects.values_list("terms", flat=True), all=True
    )
    return bank_of(tuple(sorted(rows)))


def restricted_paths() -> list[str]:
    """Tree paths under a view restriction (password, login, groups): never in the results."""
    return [f"{path}%" for path in PageViewRestriction.objects.values_list("page__path", flat=True)]


def search_site(
    text: str, *, kind: str = "", limit: int = 10, offset: int = 0, request=None, bank: SynonymBank | None = None
) -> SearchOutcome:
    query = parse_query(text, bank or synonym_bank())
    if query.is_empty:
        return SearchOutcome(query, [], 0)
    hidden = restricted_paths()
    counts, ids = _ranked_ids(query, hidden, kind, limit, offset)
    results = _results(ids, request)
    pinned = pinned_results(query, hidden, request) if offset == 0 and not kind else []
    pinned_urls = {result.url for result in pinned}
    return SearchOutcome(
        query,
        [result for result in results if result.url not in pinned_urls],
        counts.get(kind, 0) if kind else sum(counts.values()),
        counts,
        pinned,
    )


def _ranked_ids(
    query: ParsedQuery, hidden: list[str], kind: str, limit: int, offset: int
) -> tuple[dict[str, int], list[int]]:
    """One statement: the matching entries, their counts by kind, and the ids of the page asked for.

    Each concept weighs by its rarity among the candidates (√ln(1 + candidates / its matches)), so
    "Kim Liên" in "nộp hồ sơ ở đâu phường Kim Liên" counts for more than "hồ sơ", yet one rare word
    does not outweigh two common ones in a title.
    """
    concepts = range(len(query.concepts))
    weights = TASK_KIND_WEIGHTS if query.is_task else KIND_WEIGHTS
    tsqueries = [f"to_tsquery('simple', %s) AS c{i}, to_tsquery('simple', %s) AS t{i}" for i in concepts]
    params: list = [value for concept in query.concepts for value in (concept.tsquery(), concept.tsquery("A"))]
    params.append(query.candidates_tsquery() or "nothing_at_all")
    # f = 0: concept absent, 1: present, 2: present in the title (only looked for when present).
    # When every concept is needed (one or two), every candidate has them all and weighs the same.
    every_one = query.needed == len(query.concepts) and not query.doc_keys
    if every_one:
        flags = "".join(f", 1 + (e.vector @@ q.t{i})::int AS f{i}" for i in concepts)
        rarity = "".join(f", 1 AS m{i}, (f{i} = 2)::int AS t{i}, 1.0 AS w{i}" for i in concepts)
    else:
        flags = "".join(
            f", CASE WHEN e.vector @@ q.c{i} THEN 1 + (e.vector @@ q.t{i})::int ELSE 0 END AS f{i}" for i in concepts
        )
        rarity = "".join(
            f", (f{i} > 0)::int AS m{i}, (f{i} = 2)::int AS t{i},"
            f" sqrt(ln(1 + count(*) OVER () / greatest(count(*) FILTER (WHERE f{i} > 0) OVER (), 1)::float)) AS w{i}"
            for i in concepts
        )
    if query.concepts:
        total = " + ".join(f"w{i}" for i in concepts)
        coverage = f"({' + '.join(f'm{i} * w{i}' for i in concepts)}) / ({total})"
        in_title = f"({' + '.join(f't{i} * w{i}' for i in concepts)}) / ({total})"
        hits = " + ".join(f"m{i}" for i in concepts)
    else:
        coverage = in_title = hits = "0"
    kind_weight = "CASE e.kind " + " ".join("WHEN %s THEN %s" for _ in weights) + " ELSE 1 END"
    weight_params = [value for item in weights.items() for value in (item[0].value, item[1])]
    sql = f"""
        WITH q AS (SELECT {", ".join([*tsqueries, "to_tsquery('simple', %s) AS candidates"])}),
        matched AS MATERIALIZED (
            SELECT e.id, e.kind, e.published_at, e.doc_keys && %s::varchar[] AS number_hit {flags},
                   {kind_weight} AS kind_weight
            FROM {SearchEntry._meta.db_table} e
            JOIN {Page._meta.db_table} p ON p.id = e.page_id
            CROSS JOIN q
            WHERE p.live AND NOT (p.path LIKE ANY (%s::text[]))
              AND (e.vector @@ q.candidates OR e.doc_keys && %s::varchar[])
        ),
        weighted AS (SELECT * {rarity} FROM matched),
        scored AS (
            SELECT id, kind, published_at, number_hit,
                   ({coverage} * {COVERAGE} + {in_title} * {TITLE}) * kind_weight AS score
            FROM weighted WHERE number_hit OR {hits} >= %s
        )
        SELECT (SELECT coalesce(json_object_agg(kind, n), '{{}}') FROM
                    (SELECT kind, count(*) AS n FROM scored GROUP BY kind) AS by_kind) AS counts,
               page.id
        FROM (SELECT 1) AS one LEFT JOIN LATERAL (
            SELECT id FROM scored WHERE %s = '' OR kind = %s
            ORDER BY number_hit DESC, score DESC, published_at DESC NULLS LAST, id
            LIMIT %s OFFSET %s
        ) AS page ON true
    """
    keys = list(query.doc_keys)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, keys, *weight_params, hidden, keys, query.needed, kind, kind, limit, offset])
        rows = cursor.fetchall()
    counts = rows[0][0] if rows else {}
    if isinstance(counts, str):
        counts = json.loads(counts)
    return counts, [row[1] for row in rows if row[1] is not None]


def _results(ids: list[int], request) -> list[Result]:
    entries = (
        SearchEntry.objects.filter(pk__in=ids)
        .select_related("page")
        .only("title", "kind", "summary", "published_at", "url_suffix", "page__url_path", "page__id")
    )
    by_id = {entry.pk: entry for entry in entries}
    return [_result(by_id[pk], request) for pk in ids if pk in by_id]


def _result(entry: SearchEntry, request) -> Result:
    url = (entry.page.get_url(request) or "") + entry.url_suffix
    return Result(entry.title, url, entry.kind, entry.summary, entry.published_at)


def pinned_results(query: ParsedQuery, hidden: list[str], request) -> list[Result]:
    """The board's best bets whose phrase the query is or contains, live and public pages only."""
    typed = f" {' '.join(query.words)} "
    bets = [
        bet
        for bet in BestBet.objects.filter(page__live=True)
        .select_related("page")
        .only("queries", "note", "page__path", "page__url_path", "page__title", "page__id")
        if any(f" {phrase} " in typed for phrase in bet.phrases())
        and not any(bet.page.path.startswith(path[:-1]) for path in hidden)
    ]
    if not bets:
        return []
    entries = {
        entry.page_id: entry
        for entry in SearchEntry.objects.filter(key__in=[f"page:{bet.page_id}" for bet in bets]).select_related("page")
    }
    pinned = []
    for bet in bets:
        entry = entries.get(bet.page_id)
        if entry is not None:
            result = _result(entry, request)
        else:
            result = Result(bet.page.title, bet.page.get_url(request) or "", Kind.PAGE, "")
        result.summary = bet.note or result.summary
        pinned.append(result)
    return pinned


def index_vocabulary() -> list[str]:
    """Every word of the province's index (titles, names and bodies), cached for ten minutes."""
    vocabulary = cache.get("site-search-vocabulary")
    if vocabulary is None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word FROM ts_stat('SELECT vector FROM {SearchEntry._meta.db_table}') "
                "WHERE word !~ '^[0-9]+$' ORDER BY ndoc DESC"
            )
            vocabulary = [row[0] for row in cursor.fetchall()]
        cache.set("site-search-vocabulary", vocabulary, VOCABULARY_SECONDS)
    return vocabulary


def suggest_query(text: str) -> str:
    """A spelling of `text` whose every word is in the index vocabulary, or "" when none is closer.

    The vocabulary is ordered by how many entries hold each word, so of equally close words the
    commoner wins.
    """
    vocabulary = index_vocabulary()
    known = set(vocabulary)
    typed = query_words(text)
    corrected = []
    for word in typed:
        if word in known or word.isdigit():
            corrected.append(word)
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        corrected.append(close[0] if close else word)
    return " ".join(corrected) if corrected != typed else ""


def suggestion_with_results(text: str, request, bank: SynonymBank) -> str:
    """ "Có phải bạn muốn tìm …": a respelling of `text` that finds something, or ""."""
    suggestion = suggest_query(text)
    if suggestion and search_site(suggestion, limit=1, request=request, bank=bank).total:
        return suggestion
    return ""


def popular_procedures(request, limit: int = POPULAR_PROCEDURES) -> list[Result]:
    """Procedures and online services to offer when nothing matched: services first, then by title."""
    entries = (
        SearchEntry.objects.filter(kind__in=[Kind.PROCEDURE, Kind.SERVICE], page__live=True)
        .exclude(page__path__regex=_restricted_regex(restricted_paths()))
        .select_related("page")
        .order_by("kind", "title")[:limit]
    )
    return [_result(entry, request) for entry in entries]


def _restricted_regex(hidden: list[str]) -> str:
    return "^(" + "|".join(path[:-1] for path in hidden) + ")" if hidden else "^$"
