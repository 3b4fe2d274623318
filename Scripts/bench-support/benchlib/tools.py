"""The measured commands: poolreview, git diff, staticcheck and semgrep, and their set-up."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from typing import Callable, Optional

from .measure import Command
from .repos import EMPTY_TREE, GO_TOOLCHAIN, Repository, checkout, git

SEMGREP_VERSION = "1.187.0"  # pinned so that reruns compare against the same peer
STATICCHECK = "/usr/bin/go-staticcheck"  # Debian's go-staticcheck
SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


@dataclass
class Tools:
    """Paths and settings every scenario shares."""

    poolreview: str
    scratch: str
    semgrep: Optional[str]  # the semgrep executable, or None when it cannot be used
    semgrep_problem: Optional[str]
    semgrep_rules: str
    isolate_network: bool  # run semgrep in a network namespace with only a loopback device

    @property
    def home(self) -> str:
        """An empty home folder, so no user or global configuration changes a result."""
        path = os.path.join(self.scratch, "home")
        os.makedirs(path, exist_ok=True)
        return path

    def base_env(self) -> dict[str, str]:
        return {"PATH": SYSTEM_PATH, "HOME": self.home, "LANG": "C.UTF-8", "TZ": "UTC",
                "GIT_CONFIG_NOSYSTEM": "1"}


# MARK: - poolreview and git diff

def poolreview_command(tools: Tools, repo: Repository, base: str, head: str, whole_tree: bool) -> Command:
    range_arguments = ["--all", "--head", head] if whole_tree else [f"{base}..{head}"]
    return Command(
        key="poolreview", label="poolreview",
        argv=[tools.poolreview, "review", *range_arguments, "--repo", repo.path, "--format", "text"],
        cwd=tools.scratch, env=tools.base_env(), ok_exit_codes=frozenset({0, 1}),
    )


def git_diff_command(tools: Tools, repo: Repository, base: str, head: str, whole_tree: bool) -> Command:
    # --all reviews every file as new, which for git is a diff from the empty tree.
    old = EMPTY_TREE if whole_tree else base
    return Command(
        key="git-diff", label="git diff",
        argv=["git", "--no-pager", "diff", "--no-color", "--no-ext-diff", "--no-textconv", old, head, "--", "*.go"],
        cwd=repo.path, env=tools.base_env(),
    )


# MARK: - staticcheck

def staticcheck_env(tools: Tools, repo: Repository, cache: str) -> dict[str, str]:
    env = tools.base_env()
    env.update(repo.go_env)
    env.update({
        "PATH": f"{repo.go_env['GOROOT']}/bin:{SYSTEM_PATH}",
        "GOCACHE": os.path.join(cache, "go-build"), "STATICCHECK_CACHE": os.path.join(cache, "staticcheck"),
        "GOFLAGS": "", "GOPROXY": "off", "GOSUMDB": "off",
    })
    if not env["GO111MODULE"]:
        del env["GO111MODULE"]
    return env


class CacheSnapshot:
    """The caches of one staticcheck run over a whole repository at base, and fresh copies of
    them that the measured runs start from."""

    def __init__(self, root: str):
        self.primed = os.path.join(root, "primed")
        self.run_copy = os.path.join(root, "run")

    def restore(self, keep_analysis: bool) -> None:
        """Replace the run copy with hard links to the primed caches.

        Links are safe because the Go build cache, and staticcheck's copy of it, name each
        entry by a hash of its content and write new entries rather than change old ones.
        Without keep_analysis only the Go build cache is copied.
        """
        shutil.rmtree(self.run_copy, ignore_errors=True)
        os.makedirs(self.run_copy)
        for name in ("go-build", "staticcheck") if keep_analysis else ("go-build",):
            source = os.path.join(self.primed, name)
            if os.path.isdir(source):
                subprocess.run(["cp", "-al", source, os.path.join(self.run_copy, name)], check=True)


def staticcheck_command(tools: Tools, repo: Repository, packages: list[str], snapshot: CacheSnapshot,
                        keep_analysis: bool) -> Command:
    return Command(
        key="staticcheck", label="staticcheck",
        argv=[STATICCHECK, *packages], cwd=repo.path,
        env=staticcheck_env(tools, repo, snapshot.run_copy), ok_exit_codes=frozenset({0, 1}),
        prepare=lambda: snapshot.restore(keep_analysis),
    )


def staticcheck_patterns(repo: Repository) -> list[str]:
    """Return the staticcheck patterns for every package of the repository."""
    return [f"{repo.import_prefix}/..."] if repo.import_prefix else ["std", "cmd"]


def prime_staticcheck(tools: Tools, repo: Repository, snapshot: CacheSnapshot, log: Callable[[str], None]) -> float:
    """Fill the snapshot with the caches of a staticcheck run over the whole repository at base.

    The snapshot is reused while the base commit, the patterns and staticcheck's version stay
    the same. Returns the seconds the run took, or 0 for a reused snapshot.
    """
    patterns = staticcheck_patterns(repo)
    stamp = {"base": git(repo.path, "rev-parse", "base", capture=True).strip(), "patterns": patterns,
             "staticcheck": version_of([STATICCHECK, "-version"])}
    stamp_path = snapshot.primed + ".json"
    if os.path.isdir(snapshot.primed) and _read(stamp_path) == stamp:
        log(f"Reusing the staticcheck caches primed on {repo.name} at base")
        return 0.0
    shutil.rmtree(snapshot.primed, ignore_errors=True)
    os.makedirs(snapshot.primed)
    log(f"Priming the staticcheck caches: staticcheck {' '.join(patterns)} on {repo.name} at base, not measured "
        "(the first time only; it can take many minutes)")
    checkout(repo.path, "base")
    start = time.monotonic()
    subprocess.run([STATICCHECK, *patterns], cwd=repo.path, env=staticcheck_env(tools, repo, snapshot.primed),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(stamp_path, "w") as handle:
        json.dump(stamp, handle)
    return time.monotonic() - start


def staticcheck_findings(output: str) -> dict[str, int]:
    """Count staticcheck's diagnostics by check, from its text output."""
    counts: dict[str, int] = {}
    for line in output.splitlines():
        found = re.search(r"\(([A-Z]+[0-9]+|compile)\)$", line.strip())
        if found:
            counts[found.group(1)] = counts.get(found.group(1), 0) + 1
    return counts


# MARK: - semgrep

def install_semgrep(scratch: str, log: Callable[[str], None]) -> tuple[Optional[str], Optional[str]]:
    """Install the pinned semgrep into a virtual environment under scratch.

    Returns the executable, or None and the reason it could not be installed.
    """
    venv = os.path.join(scratch, "semgrep-venv")
    executable = os.path.join(venv, "bin", "semgrep")
    if _installed_version(executable) == SEMGREP_VERSION:
        return executable, None
    log(f"Installing semgrep {SEMGREP_VERSION} from PyPI into {venv}")
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run(["python3", "-m", "venv", venv], check=True)
    pip = subprocess.run([os.path.join(venv, "bin", "pip"), "install", "--quiet", f"semgrep=={SEMGREP_VERSION}"],
                         text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if pip.returncode != 0:
        return None, f"pip install semgrep=={SEMGREP_VERSION} failed: {pip.stdout.strip()[-300:]}"
    return executable, None


def _installed_version(executable: str) -> Optional[str]:
    if not os.path.exists(executable):
        return None
    result = subprocess.run([executable, "--version"], text=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env={"PATH": SYSTEM_PATH, "HOME": "/nonexistent", "SEMGREP_SEND_METRICS": "off",
                                 "SEMGREP_ENABLE_VERSION_CHECK": "0"})
    return result.stdout.strip() or None


def semgrep_env(tools: Tools) -> dict[str, str]:
    env = tools.base_env()
    env.update({"SEMGREP_SEND_METRICS": "off", "SEMGREP_ENABLE_VERSION_CHECK": "0",
                "PATH": f"{os.path.dirname(tools.semgrep or '')}:{SYSTEM_PATH}"})
    return env


def semgrep_argv(tools: Tools, base: Optional[str]) -> list[str]:
    argv = [tools.semgrep or "semgrep", "scan", "--config", tools.semgrep_rules, "--metrics=off",
            "--disable-version-check", "--json", "--quiet", "--max-target-bytes", str(4 << 20)]
    if base:
        argv += ["--baseline-commit", base]
    argv.append(".")
    return ["unshare", "--net", *argv] if tools.isolate_network else argv


def semgrep_command(tools: Tools, repo: Repository, base: Optional[str]) -> Command:
    return Command(
        key="semgrep", label="semgrep", argv=semgrep_argv(tools, base), cwd=repo.path, env=semgrep_env(tools),
        unavailable=tools.semgrep_problem,
    )


def semgrep_findings(output: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    try:
        results = json.loads(output).get("results", [])
    except ValueError:
        return counts
    for result in results:
        rule = result.get("check_id", "?").rsplit(".", 1)[-1]
        counts[rule] = counts.get(rule, 0) + 1
    return counts


def check_semgrep_offline(tools: Tools, repo: str, base: str, log: Callable[[str], None]) -> dict:
    """Run semgrep once in a network namespace that has only a loopback device, under strace.

    Returns whether it finished and the internet sockets it tried to connect, which must be
    none. Without unshare or strace, or the right to use them, returns the reason instead.
    """
    if not (shutil.which("unshare") and shutil.which("strace")):
        return {"ran": False, "reason": "unshare or strace is missing"}
    if subprocess.run(["unshare", "--net", "true"], stderr=subprocess.DEVNULL).returncode != 0:
        return {"ran": False, "reason": "this user may not create a network namespace (unshare --net)"}
    trace = os.path.join(tools.scratch, "semgrep-network.trace")
    argv = ["unshare", "--net", "strace", "-f", "-qq", "-e", "trace=connect", "-o", trace,
            *semgrep_argv(Tools(**{**tools.__dict__, "isolate_network": False}), base)]
    log("Checking that semgrep runs without a network (loopback only, connect calls traced)")
    result = subprocess.run(argv, cwd=repo, env=semgrep_env(tools), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    with open(trace) as handle:
        connects = [line.strip() for line in handle if "connect(" in line and "AF_UNIX" not in line]
    return {"ran": True, "exit_code": result.returncode, "internet_connects": connects,
            "stderr": result.stderr.strip()[-300:]}


def _read(path: str):
    try:
        with open(path) as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def version_of(argv: list[str], env: Optional[dict[str, str]] = None) -> str:
    try:
        result = subprocess.run(argv, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    except OSError as error:
        return f"not available ({error.strerror})"
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    return lines[0] if lines else "unknown"


def go_version() -> str:
    return version_of([os.path.join(GO_TOOLCHAIN, "bin", "go"), "version"])
