"""Pages for the online check, parsed in a forked child process while the parent already fetches.

Parsing Markdown is the validator's main CPU cost (a real parser, by design), and the online check is
mostly waiting on the network. Run in the same thread, every page parsed holds up the responses that
arrive meanwhile. So the parent forks as soon as it has its options, before it imports asyncio; the
child reads mkdocs.yml, lists and parses the files in order, runs the offline checks, and streams each
result back through a pipe as a length-prefixed pickle, while the parent's fetch workers send requests
for the pages already received. Where fork is not available, the same feed parses in-process between
fetches.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import UsageError

if TYPE_CHECKING:
    from pathlib import Path

    from .config import SiteConfig
    from .model import Finding, Page

# Reads the config and lists the Markdown files; called where the parsing happens, so in the child the
# parent's first requests do not wait for YAML and the file walk.
ReadSite = Callable[[], "tuple[SiteConfig, list[Path]]"]
FRAME = struct.Struct("<Q")


def parsed_pages(files: list[Path], config: SiteConfig, cache_dir: str | Path | None) -> Iterator[Page]:
    """Each file's page: from the page cache when its bytes are unchanged, else parsed (and cached)."""
    from .urls import external_targets

    cache = None
    if cache_dir is not None:
        from pathlib import Path

        from .pagecache import PageCache

        cache = PageCache(Path(cache_dir), config)
    parser = None
    for file in files:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise UsageError(f"{file}: cannot read: {exc.strerror or exc}") from None
        digest = cache.digest(data) if cache is not None else ""
        page = cache.get(file, digest) if cache is not None else None
        if page is None:
            try:
                source = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise UsageError(f"{file}: not UTF-8 (byte {exc.start})") from None
            from .collect import collect_page, make_parser  # only a page that changed needs the parser

            parser = parser or make_parser()
            page = collect_page(file, config, parser, source)
            page.external = external_targets([link.url for link in page.links])
            if cache is not None:
                cache.put(file, digest, page)
        yield page
    if cache is not None:
        cache.save()


def _records(read_site: ReadSite, cache_dir: str | Path | None) -> Iterator[tuple[str, Any]]:
    """("page", Page) for each file, then ("offline", findings); ("usage", message) stops it."""
    pages = []
    try:
        config, files = read_site()
        for page in parsed_pages(files, config, cache_dir):
            pages.append(page)
            yield "page", page
    except UsageError as exc:
        yield "usage", str(exc)
        return
    from .offline import PageStore, check_page

    store = PageStore(config, pages)
    yield "offline", ([finding for page in pages for finding in check_page(page, store)], page_stats(pages))


def page_stats(pages: list[Page]) -> dict[str, object]:
    """The report's counts of what was read (computed where the pages are, off the fetching process)."""
    from .urls import kind_of

    links = [link for page in pages for link in page.links]
    return {
        "files": len(pages),
        "links": len(links),
        "external_links": sum(1 for link in links if kind_of(link.url) == "external"),
        "quotes": sum(len(page.quotes) for page in pages),
    }


class _Pipe:
    """An asyncio read-pipe protocol collecting length-prefixed pickles from the child.

    (No asyncio.Protocol base class: this module is imported, and the child forked, before asyncio is.)
    """

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.records: deque[tuple[str, Any]] = deque()
        self.closed = False
        self.waiter: Any = None

    def connection_made(self, transport: object) -> None:
        pass

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) >= FRAME.size:
            (size,) = FRAME.unpack_from(self.buffer)
            if len(self.buffer) < FRAME.size + size:
                break
            self.records.append(pickle.loads(self.buffer[FRAME.size : FRAME.size + size]))
            del self.buffer[: FRAME.size + size]
        self._wake()

    def eof_received(self) -> bool:
        self.closed = True
        self._wake()
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self._wake()

    def _wake(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)

    async def next(self) -> tuple[str, Any] | None:
        import asyncio

        while not self.records:
            if self.closed:
                return None
            self.waiter = asyncio.get_running_loop().create_future()
            await self.waiter
        return self.records.popleft()


class PageFeed:
    """`async for page in feed` yields parsed pages; afterwards `pages`, `offline_findings`, `stats` hold all."""

    def __init__(self, read_site: ReadSite, cache_dir: str | Path | None = None, *, fork: bool | None = None) -> None:
        self.read_site = read_site
        self.cache_dir = cache_dir
        self.pages: list[Page] = []
        self.offline_findings: list[Finding] = []
        self.stats: dict[str, object] = {}
        self.child: tuple[int, int] | None = None  # (pid, read end of the pipe)
        if fork is None:  # forking a process that runs other threads could copy a lock held by one of them
            threading = sys.modules.get("threading")  # not imported: no other thread can be running
            fork = hasattr(os, "fork") and (threading is None or threading.active_count() == 1)
        if fork:
            self._fork()

    def _fork(self) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid:
            os.close(write_end)
            self.child = (pid, read_end)
            return
        os.close(read_end)  # the child: parse, send, and leave without running the parent's cleanup
        status = 0
        try:
            with open(write_end, "wb", buffering=0) as out:
                for record in self._child_records():
                    data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
                    out.write(FRAME.pack(len(data)) + data)
        except BaseException:
            status = 1
        finally:
            os._exit(status)

    def _child_records(self):  # type: ignore[no-untyped-def]
        try:
            yield from _records(self.read_site, self.cache_dir)
        except Exception:  # a bug: the parent shows it as it would its own
            import traceback

            yield "crash", traceback.format_exc()

    def __aiter__(self) -> AsyncIterator[Page]:
        return self._from_child() if self.child else self._in_process()

    async def _in_process(self) -> AsyncIterator[Page]:
        import asyncio

        for kind, value in _records(self.read_site, self.cache_dir):
            if not self._take(kind, value):
                return
            if kind == "page":
                yield value
            await asyncio.sleep(0)  # let the fetch workers handle what arrived

    async def _from_child(self) -> AsyncIterator[Page]:
        assert self.child is not None
        import asyncio

        pid, read_end = self.child
        loop = asyncio.get_running_loop()
        transport, pipe = await loop.connect_read_pipe(_Pipe, os.fdopen(read_end, "rb", buffering=0))
        finished = False
        try:
            while (record := await pipe.next()) is not None:
                kind, value = record
                finished = not self._take(kind, value)
                if kind == "page":
                    yield value
        finally:
            transport.close()
            os.waitpid(pid, 0)
            self.child = None
        if not finished:
            raise RuntimeError("the page parser process stopped before sending every page")

    def _take(self, kind: str, value: Any) -> bool:
        """Record one result; False when it is the last one."""
        if kind == "page":
            self.pages.append(value)
            return True
        if kind == "offline":
            self.offline_findings, self.stats = value
            return False
        if kind == "usage":
            raise UsageError(value)
        raise RuntimeError(f"page parser failed:\n{value}")
