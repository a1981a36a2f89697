"""The analyse part of the pipeline (normalize → match → enrich), buildable anywhere.

It needs the workspace's configuration and nothing else (no database), so the same
stage code runs in this process, in a worker process, or later on another machine.
Worker processes hold one task each: :func:`start_worker` installs it,
:func:`run_in_worker` runs it on an item.
"""

from __future__ import annotations

import functools
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ascua.config import Workspace, load_workspace
from ascua.model import MentionBatch, SourceBatch
from ascua.nlp.enrich import Enricher
from ascua.normalize import Normalizer
from ascua.query import BrandMatcher


@dataclass(frozen=True)
class AnalysisSetup:
    """What normalize → match → enrich needs, and nothing else (no database): picklable, so
    worker processes can build the same stages from it."""

    workspace_root: str
    raw: bool = False
    brand: str | None = None
    keep_unmatched: bool = False
    default_source: str | None = None

    def stages(self) -> tuple[Normalizer, BrandMatcher | None, Enricher | None]:
        return analysis_stages(load_workspace(self.workspace_root), self)


def analysis_stages(
    workspace: Workspace, setup: AnalysisSetup
) -> tuple[Normalizer, BrandMatcher | None, Enricher | None]:
    config = workspace.config
    normalizer = Normalizer(
        default_source=setup.default_source, zone=workspace.zone, max_text_length=config.pipeline.max_text_length
    )
    if setup.raw:
        return normalizer, None, None
    if setup.brand is not None:
        config.brand(setup.brand)  # raises KeyError naming the known brands
    brands = config.brands
    matcher = BrandMatcher.for_brands(brands, forced_brand=setup.brand, keep_unmatched=setup.keep_unmatched)
    loader = None
    if config.analysis.deep_model == "transformers":
        from ascua.nlp.transformers_model import load_configured_model

        loader = functools.partial(load_configured_model, workspace)
    enricher = Enricher(own_accounts=[handle for b in brands for handle in b.own_accounts], sentiment_loader=loader)
    return normalizer, matcher, enricher


def analyse(stages: tuple[Normalizer, BrandMatcher | None, Enricher | None], batch: SourceBatch) -> MentionBatch:
    """normalize → match → enrich one batch."""
    normalizer, matcher, enricher = stages
    mentions = normalizer.process(batch)
    if matcher is not None:
        mentions = matcher.process(mentions)
    if enricher is not None and mentions.mentions:
        mentions = enricher.process(mentions)
    return mentions


_TASK: Callable[[Any], MentionBatch] | None = None


def start_worker(task: Callable[[Any], MentionBatch]) -> None:
    """Initializer of a worker process: keep ``task``; Ctrl-C is for the parent, which flushes and stops us.

    A worker whose parent dies (even by ``kill -9``) exits within a second instead of lingering.
    """
    global _TASK
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True, name="parent-watch").start()
    _TASK = task
    prepare = getattr(task, "prepare", None)
    if prepare is not None:
        prepare()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def run_in_worker(item: Any) -> MentionBatch:
    assert _TASK is not None, "start_worker() was not called in this process"
    return _TASK(item)
