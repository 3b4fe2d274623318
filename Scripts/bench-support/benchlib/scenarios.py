"""The measured scenarios: which repository, which range, which commands."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional

from .measure import Command, Summary, summarize
from .repos import Change, Repository, changed_folders, changed_go_files

# The changes each repository gets. A smaller change with the same profile is a subset of a
# larger one (gochange picks files and edits from one seeded order).
FASTHTTP_CHANGES = [Change("push-1", "push", 1), Change("push-10", "push", 10), Change("push-50", "push", 50)]
GO_CHANGES = [Change("change-10", "large", 10), Change("change-100", "large", 100),
              Change("change-1000", "large", 1000)]


@dataclass
class Scenario:
    """One range, measured with every tool."""

    key: str
    title: str
    group: str  # "push", "lines" (the growing changes) or "all"
    repo: Repository
    base: str
    head: str
    whole_tree: bool = False
    files: int = 0
    added: int = 0
    deleted: int = 0
    packages: list[str] = field(default_factory=list)  # import paths staticcheck is given
    commands: list[Command] = field(default_factory=list)
    other_cpu_share: Optional[float] = None  # the machine's CPU other processes took meanwhile
    seconds: float = 0.0  # how long the scenario took, preparation included

    @property
    def changed_lines(self) -> int:
        return self.added + self.deleted

    def command(self, key: str) -> Optional[Command]:
        return next((command for command in self.commands if command.key == key), None)

    def summary(self, key: str) -> Optional[Summary]:
        command = self.command(key)
        return summarize(command) if command else None

    def count_changes(self) -> None:
        if self.whole_tree:
            self.files, self.added, self.deleted = changed_go_files(self.repo.path, _EMPTY, self.head)
            return
        self.files, self.added, self.deleted = changed_go_files(self.repo.path, self.base, self.head)


_EMPTY = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


def define(fasthttp: Repository, go: Repository, selected: Optional[set[str]]) -> list[Scenario]:
    scenarios = [
        Scenario("push-1", "Typical push, 1 Go file", "push", fasthttp, "base", "push-1"),
        Scenario("push-10", "Typical push, 10 Go files", "push", fasthttp, "base", "push-10"),
        Scenario("push-50", "Typical push, 50 Go files", "push", fasthttp, "base", "push-50"),
        Scenario("change-10", "Go 1.19 library, 10 files edited", "lines", go, "base", "change-10"),
        Scenario("change-100", "Go 1.19 library, 100 files edited", "lines", go, "base", "change-100"),
        Scenario("change-1000", "Large change: Go 1.19 library, 1,000 files edited", "lines", go, "base",
                 "change-1000"),
        Scenario("all", "--all over the Go 1.19 library", "all", go, "base", "base", whole_tree=True),
    ]
    return [scenario for scenario in scenarios if not selected or scenario.key in selected]


def staticcheck_packages(scenario: Scenario) -> list[str]:
    """List the packages a change touches as import paths, or `std cmd` for the whole library."""
    if scenario.whole_tree:
        return ["std", "cmd"]
    repo = scenario.repo
    folders = changed_folders(repo.path, scenario.base, scenario.head)
    return [repo.import_path(folder) for folder in folders if _is_package_folder(repo.path, folder)]


def _is_package_folder(root: str, folder: str) -> bool:
    """Tell whether staticcheck can be given the folder: the go command ignores folders named
    testdata or starting with . or _, and reaches vendor trees through their importers."""
    parts = folder.split("/") if folder else []
    return not any(part == "testdata" or part.startswith((".", "_")) or part == "vendor" for part in parts) \
        and os.path.isdir(os.path.join(root, folder))
