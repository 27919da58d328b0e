"""Importing an old portal into a province: runs, the crawl, and writing pages, questions and files.

`request_run()` creates a run (or hands back the unfinished one for the same source, to resume it);
`run_import()` carries it out in the province's schema. The work is split by what it touches:

- `runs`: starting, resuming and finishing a run (`ImportRun` in the public schema);
- `crawl`: the queue of URLs in the database, reading and extracting each page, the report;
- `writing`: what an extracted page becomes (news, legal document, question, plain page);
- `links`: old files brought in, old URLs redirected, links between imported pages pointed at them.
"""

from .crawl import PortalImporter
from .runs import ImportRefused, attach_old_domain, request_run, run_import

__all__ = ["ImportRefused", "PortalImporter", "attach_old_domain", "request_run", "run_import"]
