"""Views nginx answered from its page cache are counted from its access log, once, in the right province."""

import json

from tenant_apps.analytics.access_log import count_cached_views

from .conftest import BROWSER_UA, counted, flush


def _line(host, uri, cache="HIT", **overrides) -> str:
    entry = {
        "time": "2026-11-20T09:15:00+07:00",
        "host": host,
        "method": "GET",
        "path": uri,
        "uri": uri,
        "status": 200,
        "type": "text/html; charset=utf-8",
        "agent": BROWSER_UA,
        "purpose": "",
        "cache": cache,
        **overrides,
    }
    return json.dumps(entry, ensure_ascii=False) + "\n"


def test_cached_views_are_counted_in_their_own_province_and_the_rest_left_to_the_middleware(tmp_path, hanoi, hcm):
    log = tmp_path / "access.log"
    log.write_text(
        _line("hanoi.localhost", "/tin-tuc/")
        + _line("hanoi.localhost", "/tin-tuc/", cache="STALE")
        + _line("hanoi.localhost", "/tin-tuc/", cache="MISS")  # Django counted it when it rendered it
        + _line("hanoi.localhost", "/tin-tuc/", cache="BYPASS")
        + _line("hcm.localhost", "/hoi-dap/")
        + _line("hanoi.localhost", "/static/site.css", type="text/css")
        + _line("hanoi.localhost", "/van-ban/", agent="Googlebot/2.1")
        + _line("unknown.example", "/")
        + _line("localhost", "/")  # the central site is not counted
        + "not json\n",
        encoding="utf-8",
    )

    assert count_cached_views(log) == 3
    flush(hanoi), flush(hcm)
    assert counted(hanoi) == {"/tin-tuc/": 2}
    assert counted(hcm) == {"/hoi-dap/": 1}


def test_each_line_is_read_once_and_a_rotated_log_from_its_start(tmp_path, hanoi):
    log = tmp_path / "access.log"
    log.write_text(_line("hanoi.localhost", "/") * 3, encoding="utf-8")
    assert count_cached_views(log) == 3
    assert count_cached_views(log) == 0

    with log.open("a", encoding="utf-8") as more:
        more.write(_line("hanoi.localhost", "/") + _line("hanoi.localhost", "/")[:20])  # one line half-written
    assert count_cached_views(log) == 1

    log.write_text(_line("hanoi.localhost", "/lien-he/"), encoding="utf-8")  # rotated: a new, shorter file
    assert count_cached_views(log) == 1
    flush(hanoi)
    assert counted(hanoi) == {"/": 4, "/lien-he/": 1}
