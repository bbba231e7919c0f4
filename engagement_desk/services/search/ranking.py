"""Order candidates best first and share the result list fairly between kinds.

Score (higher is better):

* 2 when every typed word starts a word of the title (name of the person,
  organization, opportunity or event), else 1 (the words were found in the
  place, e-mail, phone numbers, description, organization or event kind);
* plus up to 0.5 for typed words that are whole title words ("weber" ranks
  Weber before Weberbauer);
* minus 0.25 for archived people and organizations: they stay findable but
  come after current records of the same quality.

Equal scores are ordered by title. The per-kind cap: no kind gets more than
an equal share of ``limit`` while other kinds still have hits; a share a kind
cannot fill goes to the others. So 30 matching people and 2 matching
organizations with limit 20 give 18 people and 2 organizations, and the
list itself is then ordered by score across kinds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from engagement_desk.models.search_index import KINDS, SearchKind
from engagement_desk.services.search.backends import Candidate
from engagement_desk.services.search.terms import Terms, fold_words

TITLE_MATCH = 2.0
OTHER_MATCH = 1.0
WHOLE_WORD_BONUS = 0.5
ARCHIVED_PENALTY = 0.25


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    score: float
    sort_title: str


def score(candidate: Candidate, terms: Terms) -> Ranked:
    title_words = fold_words(candidate.title)
    typed = fold_words(" ".join(terms.words)) or list(terms.words)
    in_title = all(any(word.startswith(t) for word in title_words) for t in typed)
    whole = sum(1 for t in typed if t in title_words) / len(typed)
    value = (TITLE_MATCH if in_title else OTHER_MATCH) + WHOLE_WORD_BONUS * whole
    if candidate.archived:
        value -= ARCHIVED_PENALTY
    return Ranked(candidate, round(value, 4), " ".join(title_words))


def rank(candidates: Iterable[Candidate], terms: Terms) -> dict[SearchKind, list[Ranked]]:
    """Per kind, each record once, best first."""
    seen: set[tuple[str, int]] = set()
    by_kind: dict[SearchKind, list[Ranked]] = {kind: [] for kind in KINDS}
    for candidate in candidates:
        key = (candidate.kind, candidate.record_id)
        if key not in seen:
            seen.add(key)
            by_kind[candidate.kind].append(score(candidate, terms))
    for ranked in by_kind.values():
        ranked.sort(key=_order)
    return {kind: ranked for kind, ranked in by_kind.items() if ranked}


def shares(available: Mapping[SearchKind, int], limit: int) -> dict[SearchKind, int]:
    """How many hits each kind may show: equal shares, unused shares passed on.

    ``available`` must be ordered best kind first: when ``limit`` is smaller
    than the number of kinds, the first kinds get the places.
    """
    given = dict.fromkeys(available, 0)
    open_kinds = [kind for kind, count in available.items() if count > 0]
    left = limit
    while left > 0 and open_kinds:
        share = max(1, left // len(open_kinds))
        for kind in list(open_kinds):
            take = min(share, available[kind] - given[kind], left)
            given[kind] += take
            left -= take
            if given[kind] == available[kind]:
                open_kinds.remove(kind)
            if left == 0:
                break
    return given


def choose(by_kind: Mapping[SearchKind, Sequence[Ranked]], limit: int) -> list[Ranked]:
    """At most ``limit`` hits, each kind capped by its share, best first."""
    best_first = sorted(by_kind, key=lambda kind: _order(by_kind[kind][0]))
    given = shares({kind: len(by_kind[kind]) for kind in best_first}, limit)
    chosen = [hit for kind in best_first for hit in by_kind[kind][: given[kind]]]
    return sorted(chosen, key=_order)


def _order(ranked: Ranked) -> tuple[float, str, int, int]:
    candidate = ranked.candidate
    return (-ranked.score, ranked.sort_title, KINDS.index(candidate.kind), candidate.record_id)
