"""Compiled Jinja templates kept in the user's cache folder between builds.

Jinja compiles every template from source in each new process: at 10x that was about a twentieth
of a build, for the generator's templates and the theme's alike. Jinja's own bytecode cache keeps
the compiled code per template file; it checks each template's source against a checksum, so an
edited template is compiled anew, and its header names the Jinja and Python versions, so another
version never reads it. The output is the same either way. A cache that cannot be read or written
only costs time, as with the share cards (scripts/render/share_image.py)."""

from __future__ import annotations

import hashlib

from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from scripts.render.cache_folder import cache_folder


class _QuietCache(FileSystemBytecodeCache):
    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def compile_settings(env: Environment) -> str:
    """A digest of the environment's settings that shape the compiled code (syntax, whitespace,
    autoescaping, finalize, extensions): Jinja's cache keys a template by its name and source
    only, so environments that compile the same file differently keep separate folders."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else getattr(env.autoescape, "__qualname__", "?")
    settings = (env.block_start_string, env.block_end_string, env.variable_start_string,
                env.variable_end_string, env.comment_start_string, env.comment_end_string,
                env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
                env.newline_sequence, env.keep_trailing_newline, env.optimized, env.is_async,
                env.finalize is not None, autoescape, sorted(env.extensions))
    return hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()[:16]


def template_cache(env: Environment) -> FileSystemBytecodeCache | None:
    """The bytecode cache for `env` in the cache folder, or None when there is no folder."""
    folder = cache_folder("jinja", compile_settings(env))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _QuietCache(str(folder))
