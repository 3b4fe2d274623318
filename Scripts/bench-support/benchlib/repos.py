"""Build the benchmark's git repositories from Debian's Go sources, and reuse them.

Each repository has a `base` commit, the source tree as Debian ships it, and one tagged
commit on top of it per change, made by gochange with a fixed seed. Commit dates and
authors are fixed too, so the same inputs give the same commit ids on every machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import Callable

GO_TOOLCHAIN = "/usr/lib/go-1.19"  # Debian's golang-1.19-go
GO_SOURCE = "/usr/share/go-1.19/src"  # Debian's golang-1.19-src
DEBIAN_GOPATH = "/usr/share/gocode"  # where Debian's golang-*-dev packages put Go code
FASTHTTP_IMPORT_PATH = "github.com/valyala/fasthttp"
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's id of the empty tree
SEED = 1
LAYOUT_VERSION = 1  # raise when the layout or the way commits are made changes

COMMIT_ENV = {
    "GIT_AUTHOR_NAME": "Benchmark", "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "Benchmark", "GIT_COMMITTER_EMAIL": "bench@example.com",
    "GIT_AUTHOR_DATE": "2024-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2024-01-01T00:00:00Z",
}


@dataclass(frozen=True)
class Change:
    """A tagged head commit: `count` files edited with a gochange profile."""

    tag: str
    profile: str
    count: int


@dataclass
class Repository:
    """A prepared repository and how the Go tools find its packages."""

    name: str
    path: str  # the work tree, which is also the git repository
    go_env: dict[str, str]  # GOROOT, GOPATH and GO111MODULE for go list and staticcheck
    import_prefix: str  # import path of the repository's top folder, "" for the standard library
    changes: list[Change]
    verified: dict[str, dict[str, int]]  # per tag: packages type-checked clean, and skipped

    def import_path(self, folder: str) -> str:
        if not self.import_prefix:
            return folder
        return self.import_prefix if folder in ("", ".") else f"{self.import_prefix}/{folder}"


def git(repo: str, *arguments: str, capture: bool = False) -> str:
    env = {**os.environ, **COMMIT_ENV, "GIT_CONFIG_NOSYSTEM": "1", "HOME": repo}
    result = subprocess.run(["git", "-C", repo, *arguments], env=env, check=True, text=True,
                            stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
    return result.stdout if capture else ""


def checkout(repo: str, revision: str) -> None:
    git(repo, "checkout", "-q", "-f", revision)
    git(repo, "clean", "-fdq")


def changed_go_files(repo: str, base: str, head: str) -> tuple[int, int, int]:
    """Count the Go files that differ and their added and deleted lines, as git diff --numstat does."""
    files = added = deleted = 0
    for line in git(repo, "diff", "--numstat", base, head, "--", "*.go", capture=True).splitlines():
        plus, minus, _ = line.split("\t", 2)
        files += 1
        added += int(plus) if plus != "-" else 0
        deleted += int(minus) if minus != "-" else 0
    return files, added, deleted


def changed_folders(repo: str, base: str, head: str) -> list[str]:
    """List the folders of the Go files that head adds or changes, outside testdata, sorted."""
    names = git(repo, "diff", "--name-only", "--diff-filter=AMR", base, head, "--", "*.go", capture=True)
    folders = set()
    for path in names.splitlines():
        parts = path.split("/")[:-1]
        if "testdata" not in parts:
            folders.add("/".join(parts))
    return sorted(folders)


class Builder:
    """Creates or reuses the repositories under scratch/repos."""

    def __init__(self, scratch: str, gochange: str, gochange_hash: str, log: Callable[[str], None]):
        self.root = os.path.join(scratch, "repos")
        self.gochange = gochange
        self.gochange_hash = gochange_hash
        self.log = log

    def standard_library(self, changes: list[Change]) -> Repository:
        layout = os.path.join(self.root, "go")
        goroot = os.path.join(layout, "goroot")
        repo = Repository(
            name="go", path=os.path.join(goroot, "src"), import_prefix="", changes=changes, verified={},
            go_env={"GOROOT": goroot, "GO111MODULE": "", "GOPATH": os.path.join(layout, "gopath")},
        )
        return self._prepare(repo, layout, GO_SOURCE, self._make_goroot)

    def fasthttp(self, changes: list[Change]) -> Repository:
        layout = os.path.join(self.root, "fasthttp")
        gopath = os.path.join(layout, "gopath")
        repo = Repository(
            name="fasthttp", path=os.path.join(gopath, "src", FASTHTTP_IMPORT_PATH),
            import_prefix=FASTHTTP_IMPORT_PATH, changes=changes, verified={},
            go_env={"GOROOT": GO_TOOLCHAIN, "GO111MODULE": "off", "GOPATH": f"{gopath}:{DEBIAN_GOPATH}"},
        )
        return self._prepare(repo, layout, os.path.join(DEBIAN_GOPATH, "src", FASTHTTP_IMPORT_PATH), None)

    def _prepare(self, repo: Repository, layout: str, source: str, make_layout) -> Repository:
        stamp_path = layout + ".json"
        inputs = {
            "layout": LAYOUT_VERSION, "seed": SEED, "gochange": self.gochange_hash,
            "source": source, "source_package": package_version(source),
            "changes": [change.__dict__ for change in repo.changes],
        }
        stamp = read_json(stamp_path)
        if stamp and stamp.get("inputs") == inputs and os.path.isdir(os.path.join(repo.path, ".git")):
            self.log(f"Reusing {repo.path} (its inputs did not change)")
            repo.verified = stamp["verified"]
            return repo

        self.log(f"Building {repo.path} from {source}")
        if os.path.exists(stamp_path):
            os.remove(stamp_path)
        shutil.rmtree(layout, ignore_errors=True)
        os.makedirs(repo.path)
        if make_layout:
            make_layout(os.path.dirname(repo.path))
        subprocess.run(["cp", "-a", f"{source}/.", repo.path], check=True)
        self._commit_base(repo.path)
        for change in repo.changes:
            self._commit_change(repo, change)
        repo.verified = self._verify(repo)
        checkout(repo.path, "base")
        git(repo.path, "gc", "-q", "--prune=now")
        with open(stamp_path, "w") as handle:
            json.dump({"inputs": inputs, "verified": repo.verified}, handle, indent=2)
        return repo

    @staticmethod
    def _make_goroot(goroot: str) -> None:
        """Make a GOROOT whose src is the repository and whose tools are Debian's Go 1.19."""
        for name in ("bin", "pkg", "api", "misc", "lib", "test"):
            target = os.path.join(GO_TOOLCHAIN, name)
            if os.path.exists(target):
                os.symlink(target, os.path.join(goroot, name))
        shutil.copy(os.path.join(GO_TOOLCHAIN, "VERSION"), goroot)

    def _commit_base(self, path: str) -> None:
        git(path, "init", "-q", "-b", "main")
        for key, value in (("gc.auto", "0"), ("core.autocrlf", "false"), ("commit.gpgSign", "false")):
            git(path, "config", key, value)
        # semgrep's built-in ignore list skips *_test.go, vendor/ and build/ folders, which
        # poolreview reviews. This file, kept out of git, leaves only testdata out, as
        # poolreview and the go command do.
        with open(os.path.join(path, ".semgrepignore"), "w") as handle:
            handle.write("testdata/\n")
        with open(os.path.join(path, ".git", "info", "exclude"), "a") as handle:
            handle.write(".semgrepignore\n")
        git(path, "add", "-A")
        git(path, "commit", "-q", "-m", "Import the source tree as Debian ships it")
        git(path, "tag", "base")

    def _commit_change(self, repo: Repository, change: Change) -> None:
        self.log(f"  editing {change.count} files ({change.profile} profile) for {change.tag}")
        checkout(repo.path, "base")
        no_pool = os.path.join(self.root, f".no-pool-{repo.name}")
        with open(no_pool, "w") as handle:
            handle.write("\n".join(self._no_pool_folders(repo)) + "\n")
        manifest = os.path.join(self.root, f"{repo.name}-{change.tag}.json")
        subprocess.run([self.gochange, "edit", "-root", repo.path, "-seed", str(SEED), "-count", str(change.count),
                        "-profile", change.profile, "-no-pool", no_pool, "-manifest", manifest],
                       env=self._go_env(repo, cgo=False), check=True)
        git(repo.path, "add", "-A")
        git(repo.path, "commit", "-q", "-m",
            f"Edit {change.count} files with gochange, profile {change.profile}, seed {SEED}")
        git(repo.path, "tag", change.tag)

    def _no_pool_folders(self, repo: Repository) -> list[str]:
        """List the standard library folders that sync or bytes import, which cannot import them in turn."""
        if repo.import_prefix:
            return []
        listing = subprocess.run(["go", "list", "-deps", "sync", "bytes"], env=self._go_env(repo, cgo=False),
                                 cwd=repo.path, check=True, text=True, stdout=subprocess.PIPE)
        return listing.stdout.split()

    def _verify(self, repo: Repository) -> dict[str, dict[str, int]]:
        """Type-check the changed packages at base and at each head, as a check of gochange.

        A package with type errors at base is skipped, because it needs a tool or a package
        this machine lacks. A package that type-checks at base must type-check at the head too.
        """
        folders = {change.tag: changed_folders(repo.path, "base", change.tag) for change in repo.changes}
        checkout(repo.path, "base")
        base_errors = self._check(repo, sorted({f for names in folders.values() for f in names}))
        verified = {}
        for change in repo.changes:
            checkout(repo.path, change.tag)
            head_errors = self._check(repo, folders[change.tag])
            broken = {f: errors for f, errors in head_errors.items() if errors and not base_errors.get(f)}
            if broken:
                folder, errors = next(iter(sorted(broken.items())))
                raise SystemExit(f"bench: gochange made {change.tag} of {repo.name} fail to type-check in "
                                 f"{len(broken)} packages, first {folder}: {errors[0]}")
            skipped = sum(1 for f in folders[change.tag] if base_errors.get(f))
            verified[change.tag] = {"packages": len(folders[change.tag]) - skipped, "skipped": skipped}
            self.log(f"  {change.tag}: {verified[change.tag]['packages']} changed packages type-check "
                     f"({skipped} skipped, with errors at base too)")
        return verified

    def _check(self, repo: Repository, folders: list[str]) -> dict[str, list[str]]:
        listing = os.path.join(self.root, f".check-{repo.name}")
        with open(listing, "w") as handle:
            handle.write("\n".join(folders) + "\n")
        result = subprocess.run([self.gochange, "check", "-root", repo.path, "-dirs", listing],
                                env=self._go_env(repo, cgo=False), check=True, text=True, stdout=subprocess.PIPE)
        return json.loads(result.stdout)

    @staticmethod
    def _go_env(repo: Repository, cgo: bool) -> dict[str, str]:
        """Return the environment gochange and go list run in: GOPATH mode, offline, no cgo."""
        env = {**os.environ, **repo.go_env, "GO111MODULE": "off", "GOFLAGS": "", "GOPROXY": "off"}
        env["PATH"] = f"{repo.go_env['GOROOT']}/bin:{env['PATH']}"
        env["CGO_ENABLED"] = "1" if cgo else "0"
        return env


def package_version(path: str) -> str:
    """Name the Debian packages and versions that installed a path, or "" when dpkg does not know it.

    dpkg -S prints "package, package: path" when several packages own a folder.
    """
    found = subprocess.run(["dpkg", "-S", path], text=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if found.returncode != 0:
        return ""
    packages = [name.strip() for name in found.stdout.splitlines()[0].rsplit(":", 1)[0].split(",")]
    versions = []
    for package in packages:
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        versions.append(f"{package} {version.stdout.strip()}")
    return ", ".join(versions)


def read_json(path: str):
    try:
        with open(path) as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def tree_hash(folder: str) -> str:
    """Hash the names and contents of the files in a folder, for reuse stamps."""
    digest = hashlib.sha256()
    for directory, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            path = os.path.join(directory, name)
            digest.update(os.path.relpath(path, folder).encode())
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()[:16]
