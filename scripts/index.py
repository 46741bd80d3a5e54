"""Derived views of the content for one build date: upcoming and past, by theme, by organisation…

Everything here is computed once per build; pages only look things up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from scripts.model.items import Article, Meeting, Organisation, Site
from scripts.model.occurrences import Occurrence, occurrences
from scripts.model.slugs import slugify


MeetingTest = Callable[[Meeting], bool]
ArticleTest = Callable[[Article], bool]

TAKING_PART_ROLES = ("deelnemer", "kernteam")
SUPPORTING_ROLES = ("partner", "ondersteuner")


@dataclass(frozen=True)
class OrganisationCounts:
    """The one set of organisation numbers that every page shows (home, directory, movements).

    taking_part: current organisations that take part (deelnemer, kernteam);
    supporting: current partners and supporters (partner, ondersteuner);
    former: organisations that took part before (a 'tot' date in the past)."""

    taking_part: int
    core_team: int  # of taking_part, the ones in the kernteam
    supporting: int
    former: int

    @property
    def current(self) -> int:
        return self.taking_part + self.supporting

    @property
    def listed(self) -> int:
        return self.current + self.former


def organisation_counts(organisations: Iterable[Organisation]) -> OrganisationCounts:
    items = list(organisations)
    current = [o for o in items if not o.is_former]
    return OrganisationCounts(
        taking_part=sum(o.role in TAKING_PART_ROLES for o in current),
        core_team=sum(o.role == "kernteam" for o in current),
        supporting=sum(o.role in SUPPORTING_ROLES for o in current),
        former=len(items) - len(current))


@dataclass(frozen=True)
class Keyword:
    slug: str
    label: str
    articles: tuple[Article, ...]


@dataclass
class SiteIndex:
    site: Site
    build_date: date
    everything: list[Occurrence] = field(default_factory=list)  # every occurrence, soonest first
    upcoming: list[Occurrence] = field(default_factory=list)  # soonest first
    past: list[Occurrence] = field(default_factory=list)  # most recent first
    articles: list[Article] = field(default_factory=list)  # newest first
    keywords: dict[str, Keyword] = field(default_factory=dict)  # slug → keyword, by slug
    theme_children: dict[str, list[str]] = field(default_factory=dict)
    # Lookups made once, on first use (never a scan of all items per item).
    _occurrences: dict[str, list[Occurrence]] = field(default_factory=dict, repr=False)  # by slug
    _organisation_views: tuple | None = field(default=None, repr=False)
    _organisation_themes: dict[str, set[str]] | None = field(default=None, repr=False)
    _articles_by_themes: dict[frozenset[str], list[Article]] | None = field(default=None, repr=False)

    def occurrences_of(self, meeting: Meeting) -> list[Occurrence]:
        """The meeting's occurrences in date order, expanded once per build. A meeting that is
        not the site's own (a preview, a test) is expanded on the spot."""
        if self.site.meetings.get(meeting.slug) is not meeting:
            return occurrences(meeting)
        return self._occurrences[meeting.slug]

    @property
    def organisation_counts(self) -> OrganisationCounts:
        return organisation_counts(self.site.organisations.values())

    def movement_counts(self, slug: str) -> OrganisationCounts:
        return organisation_counts(o for o in self.site.organisations.values() if slug in o.movements)

    def theme_and_descendants(self, slug: str) -> set[str]:
        found, todo = set(), [slug]
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo.extend(self.theme_children.get(current, ()))
        return found

    # Selections used by theme, movement and organisation pages and their feeds.
    def meetings_where(self, keep: MeetingTest) -> tuple[list[Occurrence], list[Occurrence]]:
        # Looked up, not a scan per organisation.
        if isinstance(keep, _OfOrganisation) and keep.attribute == "organisers":
            upcoming, past = self._by_organisation()[0].get(keep.slug, ([], []))
            return list(upcoming), list(past)
        return ([o for o in self.upcoming if keep(o.meeting)], [o for o in self.past if keep(o.meeting)])

    def articles_where(self, keep: ArticleTest) -> list[Article]:
        if isinstance(keep, _OfOrganisation) and keep.attribute == "organisations":
            return list(self._by_organisation()[1].get(keep.slug, []))
        return [a for a in self.articles if keep(a)]

    def _by_organisation(self) -> tuple[dict[str, tuple[list[Occurrence], list[Occurrence]]],
                                        dict[str, list[Article]]]:
        """Occurrences (upcoming, past) and articles per organisation, in the index's order;
        made once, on first use."""
        if self._organisation_views is None:
            meetings: dict[str, tuple[list[Occurrence], list[Occurrence]]] = defaultdict(lambda: ([], []))
            for position, occurrence_list in enumerate((self.upcoming, self.past)):
                for occurrence in occurrence_list:
                    for slug in dict.fromkeys(occurrence.meeting.organisers):
                        meetings[slug][position].append(occurrence)
            articles: dict[str, list[Article]] = defaultdict(list)
            for article in self.articles:
                for slug in dict.fromkeys(article.organisations):
                    articles[slug].append(article)
            self._organisation_views = (dict(meetings), dict(articles))
        return self._organisation_views

    def for_theme(self, slug: str) -> tuple[MeetingTest, ArticleTest]:
        themes = self.theme_and_descendants(slug)
        return (lambda m: bool(themes & set(m.themes)), lambda a: bool(themes & set(a.themes)))

    def for_movement(self, slug: str) -> tuple[MeetingTest, ArticleTest]:
        return (lambda m: m.movement == slug, lambda a: slug in a.movements)

    def for_organisation(self, slug: str) -> tuple[MeetingTest, ArticleTest]:
        return (_OfOrganisation(slug, "organisers"), _OfOrganisation(slug, "organisations"))

    def organisations_in_theme(self, slug: str) -> list[Organisation]:
        keep_meeting, keep_article = self.for_theme(slug)
        slugs = {o for m in self.site.meetings.values() if keep_meeting(m) for o in m.organisers}
        slugs |= {o for a in self.site.articles.values() if keep_article(a) for o in a.organisations}
        return [self.site.organisations[s] for s in sorted(slugs) if s in self.site.organisations]

    def themes_of_organisation(self, slug: str) -> list[str]:
        if self._organisation_themes is None:  # every organisation's themes, in one pass
            themes: dict[str, set[str]] = defaultdict(set)
            for meeting in self.site.meetings.values():
                for organiser in meeting.organisers:
                    themes[organiser].update(meeting.themes)
            for article in self.site.articles.values():
                for organisation in article.organisations:
                    themes[organisation].update(article.themes)
            self._organisation_themes = dict(themes)
        return sorted(t for t in self._organisation_themes.get(slug, ()) if t in self.site.themes)

    def related_articles(self, article: Article, limit: int = 3) -> list[Article]:
        """The articles sharing most themes with `article`, then the newest. Articles with the
        same set of themes are grouped once per build, so this looks at groups, not articles."""
        if self._articles_by_themes is None:
            groups: dict[frozenset[str], list[Article]] = defaultdict(list)
            for other in self.articles:
                groups[frozenset(other.themes)].append(other)
            self._articles_by_themes = {
                themes: sorted(group, key=lambda a: (-a.date.toordinal(), a.slug))
                for themes, group in groups.items()}
        mine = set(article.themes)
        shared = []
        for themes, group in self._articles_by_themes.items():
            common = len(themes & mine)
            if common:
                # The first `limit` others of a group are all it can contribute.
                shared += [(common, a) for a in group[:limit + 1] if a.slug != article.slug][:limit]
        shared.sort(key=lambda pair: (-pair[0], -pair[1].date.toordinal(), pair[1].slug))
        return [a for _, a in shared[:limit]]


@dataclass(frozen=True)
class _OfOrganisation:
    """The test "does this meeting or article belong to organisation `slug`", which the index
    also recognises, so that selecting by organisation is a look-up, not a scan."""
    slug: str
    attribute: str  # "organisers" of a meeting, "organisations" of an article

    def __call__(self, item: Meeting | Article) -> bool:
        return self.slug in getattr(item, self.attribute)


def build_index(site: Site, build_date: date) -> SiteIndex:
    index = SiteIndex(site, build_date)
    index._occurrences = {slug: occurrences(m) for slug, m in site.meetings.items()}
    index.everything = sorted((o for found in index._occurrences.values() for o in found),
                              key=lambda o: o.sort_key)
    index.upcoming = [o for o in index.everything if o.last_day >= build_date]
    index.past = [o for o in reversed(index.everything) if o.last_day < build_date]
    index.articles = sorted(site.articles.values(), key=lambda a: (a.date, a.slug), reverse=True)

    by_keyword: dict[str, list[Article]] = defaultdict(list)
    labels: dict[str, str] = {}
    for article in index.articles:
        for label in article.keywords:
            slug = slugify(label)
            if not slug:
                continue
            by_keyword[slug].append(article)
            labels[slug] = min(labels.get(slug, label), label)  # one stable spelling
    index.keywords = {slug: Keyword(slug, labels[slug], tuple(by_keyword[slug]))
                      for slug in sorted(by_keyword)}

    children: dict[str, list[str]] = defaultdict(list)
    for theme in site.themes.values():
        if theme.parent:
            children[theme.parent].append(theme.slug)
    index.theme_children = {k: sorted(v) for k, v in children.items()}
    return index


def meetings_of(occurrence_list: list[Occurrence]) -> list[Meeting]:
    """Each meeting once, in the order of its first occurrence in the list."""
    seen, result = set(), []
    for occurrence in occurrence_list:
        if occurrence.meeting.slug not in seen:
            seen.add(occurrence.meeting.slug)
            result.append(occurrence.meeting)
    return result


def themes_with_parents(site: Site, slugs: tuple[str, ...]) -> list[str]:
    """Themes and their parents, each once, in the order met: a parent theme's page and feed
    hold its sub-themes' items too (index.theme_children), so its filter value must match them."""
    found: list[str] = []
    for slug in slugs:
        current: str | None = slug
        while current and current in site.themes and current not in found:
            found.append(current)
            current = site.themes[current].parent or None
    return found
