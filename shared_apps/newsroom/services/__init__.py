"""State changes of the national newsroom (founding letter §8.2), one module per concern:

- `snapshots`: portable snapshots of national pages and articles; the `SyndicatedItem` of a national page;
- `fanout`: a national item (or a province's backlog) marked pending for delivery; retrying failures;
- `delivery`: a province's copy made to match the item, in its schema; its receiving policy;
- `exchange`: nominations of provinces' articles, accepted or declined by the centre;
- `local_stream`: the central "Tin từ các địa phương" stream;
- `sections`: the central site's national sections.
"""
