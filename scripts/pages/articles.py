"""News ("actueel"): the paginated index and a page per article."""

from __future__ import annotations

from markupsafe import Markup

from ..slugs import slugify
from .common import Context, paginate, pagination_paths


def build(ctx: Context) -> None:
    pages = paginate(ctx.index.articles)
    paths = pagination_paths("actueel", len(pages))
    for number, (items, path) in enumerate(zip(pages, paths), start=1):
        title = "Actueel" if number == 1 else f"Actueel, pagina {number}"
        ctx.page(path, "listing.html", title=title, kind="actueel",
                 description="Nieuws van de bewegingen voor radicale vernieuwing in de zorg.",
                 body_template="articles.md.j2", items=items, current=number, paths=paths,
                 intro=Markup("Het nieuws van de bewegingen, het nieuwste bovenaan. Zoek je een "
                              "onderwerp? Kijk bij de [thema's](/themas/index.md) of de "
                              "[trefwoorden](/trefwoord/index.md).") if number == 1 else Markup(""))
    for article in ctx.index.articles:
        keywords = [ctx.index.keywords[s] for s in dict.fromkeys(slugify(k) for k in article.keywords)
                    if s in ctx.index.keywords]
        ctx.page(f"actueel/{article.slug}.md", "article.html", title=article.title,
                 kind="artikel", description=article.summary, source=article.source,
                 body_template="article.md.j2", a=article, keywords=keywords,
                 related=ctx.index.related_articles(article),
                 extra={"date": article.date.isoformat()})
