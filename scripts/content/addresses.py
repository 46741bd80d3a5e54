"""One register of the site's addresses: what the site itself writes and every name a
contributor claims (file names, `eerdere_namen`, keywords, series, old addresses in
content/_oude-adressen.yml) go through here, so two of them never silently share an address.

An address is what a visitor types: a page is '/bijeenkomsten/agenda/' (whether the build
writes it as 'bijeenkomsten/agenda.md', '…/agenda/index.md' or '…/agenda/index.html'), a file
is '/data/deelnemers.json'. Two claims collide when they name the same address, or when one
needs a folder where the other is a file ('/data/deelnemers.json/' beside the file
'/data/deelnemers.json'), or when a claim falls in a folder the site or the engine fills
itself ('/assets/…', '/search/…').

A collision is always a Dutch problem on the newcomer: the contributed claim (never the
site's own page), and between two contributed claims the one in a file the change adds
(`ProblemList.new_files`), else the later one. The problem names the newcomer's file, line
and field; the message says which address is taken and by what.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.content.problems import ProblemList


def address_of(path: str) -> str:
    """The address of a file the build writes: 'deelnemers/x.md', 'deelnemers/x/index.md' and
    'deelnemers/x/index.html' are all '/deelnemers/x/'; 'index.md' is '/'; any other file is
    itself ('/data/deelnemers.json')."""
    path = path.strip("/")
    for suffix in ("/index.md", "/index.html"):
        if path.endswith(suffix):
            return "/" + path[: -len(suffix)] + "/"
    if path in ("index.md", "index.html", ""):
        return "/"
    if path.endswith(".md"):
        return "/" + path[: -len(".md")] + "/"
    return "/" + path


@dataclass(frozen=True)
class Claim:
    address: str  # '/bijeenkomsten/agenda/' (a page) or '/data/deelnemers.json' (a file)
    what: str  # Dutch, after 'daar staat al': 'een pagina van de site', 'de bijeenkomst …'
    path: str = ""  # the contributed file that claims it; '' for the site itself
    line: int = 0
    field: str = ""
    value: str = ""  # a shared name (a keyword, a series): the same value shares the address
    hint: str = ""  # how the newcomer can choose another address

    @property
    def contributed(self) -> bool:
        return bool(self.path)


@dataclass
class Register:
    problems: ProblemList
    claims: dict[str, Claim] = field(default_factory=dict)
    trees: list[Claim] = field(default_factory=list)  # folders filled by the site or engine

    def reserve(self, address: str, what: str = "een pagina van de site") -> None:
        """The site's own address (it never loses it to a contributor)."""
        self.claims.setdefault(address, Claim(address, what))

    def reserve_tree(self, folder: str, what: str) -> None:
        """'/assets/': everything under it belongs to the site or the engine."""
        self.trees.append(Claim(folder, what))

    def taken(self, claim: Claim) -> Claim | None:
        """The claim already on this address (or on a file where this needs a folder, or the
        folder the site fills), else None."""
        existing = self.claims.get(claim.address)
        if existing is not None:
            return existing
        parts = claim.address.strip("/").split("/")
        for end in range(1, len(parts) + (0 if not claim.address.endswith("/") else 1)):
            above = self.claims.get("/" + "/".join(parts[:end]))  # a file where a folder must be
            if above is not None:
                return above
        if not claim.address.endswith("/"):  # a file where a folder of pages is
            below = next((c for a, c in self.claims.items() if a.startswith(claim.address + "/")), None)
            if below is not None:
                return below
        return next((tree for tree in self.trees if claim.address.startswith(tree.address)), None)

    def claim(self, claim: Claim) -> bool:
        """Register a contributed claim; False (and a Dutch problem on the newcomer) when the
        address is taken."""
        existing = self.taken(claim)
        if existing is None:
            self.claims[claim.address] = claim
            return True
        if existing.contributed and existing.value and existing.value == claim.value \
                and existing.field.split("[")[0] == claim.field.split("[")[0]:
            return True  # one keyword or series, named in several files
        newcomer, other = claim, existing
        new = self.problems.new_files
        if existing.contributed and new is not None and existing.path in new and claim.path not in new:
            newcomer, other = existing, claim  # the file the change adds is the newcomer
            self.claims[claim.address] = claim
        self.refuse(newcomer, other)
        return newcomer is not claim

    def refuse(self, newcomer: Claim, other: Claim) -> None:
        where = other.what + (f" ({other.path})" if other.contributed and other.path != newcomer.path else "")
        if other.address == newcomer.address:
            message = f"Het adres {newcomer.address} is al in gebruik: daar staat {where}."
        elif newcomer.address.startswith(other.address) and other.address.endswith("/"):
            message = (f"Het adres {newcomer.address} ligt in {other.address}, en die map vult de "
                       f"site zelf ({where}).")
        else:
            message = f"Het adres {newcomer.address} botst met {other.address}: daar staat {where}."
        self.problems.add(newcomer.path, newcomer.line, newcomer.field, message,
                          newcomer.hint or "Kies een ander adres; elk adres kan maar één ding zijn.")

    def owner(self, address: str) -> Claim | None:
        """The contributed claim on an address (for a collision found in the build's output)."""
        found = self.claims.get(address)
        return found if found is not None and found.contributed else None


# What the engine writes besides the pages it is handed, and the folders of files the
# generator fills: an old address may not lie in them (a redirect page there would sit
# beside or inside a real file, and the build would stop).
ENGINE_TREES = (("/assets/", "de vormgeving en de scripts van de site"),
                ("/search/", "de zoekfunctie van de site"))
FILE_TREES = ("/data/", "/feeds/", "/ical/", "/schemas/", "/_fragmenten/")
ENGINE_FILES = ("/sitemap.xml", "/sitemap.xml.gz", "/404.html", "/robots.txt")
OLD_ADDRESS_HINT = ("Haal deze regel weg of kies het oude adres goed: een oud adres kan geen "
                    "bestand of map zijn die de site zelf maakt.")


def check_output(files: list[str], hand_written: list[str], old_addresses: list[tuple[str, int]],
                 mapping: str, register: Register) -> None:
    """The build's own files (`files`: generated, `hand_written`: under docs/) in one register,
    then every old address of content/_oude-adressen.yml (`mapping`) claimed against them.
    Problems go to `register.problems`, on the claim that came last (the contributed one).
    An old address on a generated page is left to scripts/pages/redirects.py (its message
    says the old address still works)."""
    out = Register(register.problems)
    for folder, what in ENGINE_TREES:
        out.reserve_tree(folder, what)
    for folder in FILE_TREES:
        out.reserve_tree(folder, "bestanden die de site zelf maakt")
    for file in ENGINE_FILES:
        out.reserve(file, "een bestand van de site")
    pages: set[str] = set()
    for path in sorted(files) + sorted(hand_written):
        address = address_of(path)
        if address in out.claims and address not in ENGINE_FILES:
            # Two of the build's own files at one address ('x/index.md' and 'x/index.html'):
            # blame the contributed name that made the second, if any.
            owner = register.owner(address)
            if owner is not None:
                out.refuse(owner, out.claims[address])
            else:
                register.problems.add(mapping.split("/")[0], 0, "",
                                      f"Twee bestanden van de site krijgen het adres {address}.",
                                      "Dit is een fout in de site zelf: meld het aan de beheerders.")
            continue
        out.reserve(address, "een pagina van de site" if address.endswith("/") else "een bestand van de site")
        if path.endswith(".md"):
            pages.add(address)
    for old, line in old_addresses:
        claim = Claim(old, "een andere omleiding", mapping, line, "van", hint=OLD_ADDRESS_HINT)
        if old in pages:
            continue  # redirects.py: 'Op … staat al een pagina van deze site.'
        out.claim(claim)
