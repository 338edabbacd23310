"""What each launcher command does: prepare .venv with the lock files it needs, then run one tool in it."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from launcher import venv
from launcher.lock import RUNTIME_LOCK, TEST_LOCK, write_locks
from launcher.publish import SITE_FOLDER, build_environment, publish_site, sigterm_as_exit
from launcher.system import ensure_system_packages
from launcher.terminal import Terminal, banner_environment, is_verbose
from launcher.tool import environment_set, run_tool, tool_runner

# Each command looks up venv.ensure_venv when it runs, so the launcher's tests can hand it an interpreter.


def terminal_for(args: argparse.Namespace) -> Terminal:
    """Return how a command shows its tools' output: quiet and German, or unchanged with --verbose."""
    return Terminal(verbose=is_verbose(args.verbose, os.environ))


SERVE_MODES = frozenset({"--clean", "--dirty", "--dirtyreload"})
"""MkDocs' own choices of what a rebuild redoes; whoever passes one gets it unchanged."""


def serve_arguments(args: argparse.Namespace) -> list[str]:
    """Return mkdocs' arguments for the preview: rebuild only changed pages (--dirty) unless told otherwise."""
    mode = [] if args.full or SERVE_MODES & set(args.extra) else ["--dirty"]
    return ["-m", "mkdocs", "serve", *mode, *args.extra]


def command_serve(args: argparse.Namespace, root: Path) -> int:
    """Start MkDocs' live preview; SIGTERM stops MkDocs too."""
    python = venv.ensure_venv(root, [RUNTIME_LOCK])
    with sigterm_as_exit(), environment_set(banner_environment(os.environ)):
        return run_tool(python, serve_arguments(args), root, terminal_for(args))


def command_build(args: argparse.Namespace, root: Path) -> int:
    """Build the site with MkDocs, audit it, and publish it atomically."""
    python = venv.ensure_venv(root, [RUNTIME_LOCK])
    target = Path(args.site_dir).resolve() if args.site_dir else root / SITE_FOLDER
    terminal = terminal_for(args)
    with environment_set(build_environment(root)):
        return publish_site(tool_runner(python, root, terminal), target, args.extra, terminal)


def command_check(args: argparse.Namespace, root: Path) -> int:
    """Check the guideline data with the core's CLI."""
    python = venv.ensure_venv(root, [RUNTIME_LOCK])
    options = ["--strict"] if args.strict else []
    if args.codequality:
        options += ["--codequality", str(Path(args.codequality).resolve())]
    return run_tool(python, ["-m", "guideline.cli", "check", *options], root, terminal_for(args))


def command_export(args: argparse.Namespace, root: Path) -> int:
    """Export the site as a Markdown project that builds without the hook, dated like `build` (deterministic)."""
    python = venv.ensure_venv(root, [RUNTIME_LOCK])
    with environment_set(build_environment(root)):
        return run_tool(python, ["-m", "guideline.cli", "export", Path(args.directory).resolve()], root)


def command_csp(args: argparse.Namespace, root: Path) -> int:
    """Give each page of a site built by any engine its Content-Security-Policy (or nginx its header)."""
    python = venv.ensure_venv(root, [RUNTIME_LOCK])
    options = ["--site-dir", Path(args.site_dir).resolve(), "--display-path", args.site_dir]
    if args.nginx:
        options += ["--nginx", Path(args.nginx).resolve()]
    return run_tool(python, ["-m", "guideline.cli", "csp", *options, *(["--check"] if args.check else [])], root)


def command_test(args: argparse.Namespace, root: Path) -> int:
    """Install what the test gates need, then run pytest."""
    ensure_system_packages()
    python = venv.ensure_venv(root, [RUNTIME_LOCK, TEST_LOCK])
    return run_tool(python, ["-m", "pytest", *args.extra], root)


def command_schema(args: argparse.Namespace, root: Path) -> int:
    """Regenerate or check the JSON Schemas with the core's CLI."""
    python = venv.ensure_venv(root, [RUNTIME_LOCK])
    return run_tool(python, ["-m", "guideline.cli", "schema", *(["--check"] if args.check else [])], root)


def command_urls(args: argparse.Namespace, root: Path) -> int:
    """Record every page's address in urls.yml with the core's CLI."""
    python = venv.ensure_venv(root, [RUNTIME_LOCK])
    return run_tool(python, ["-m", "guideline.cli", "urls"], root)


def command_new(args: argparse.Namespace, root: Path) -> int:
    """Scaffold a new data file with the core's CLI."""
    python = venv.ensure_venv(root, [RUNTIME_LOCK])
    return run_tool(python, ["-m", "guideline.cli", "new", args.kind, *([args.id] if args.id else [])], root)


def command_init(args: argparse.Namespace, root: Path) -> int:
    """Start the organisation's own guideline (or copy the example) with the core's CLI."""
    python = venv.ensure_venv(root, [RUNTIME_LOCK])
    options = ["--example"] if args.example else []
    for option in ("name", "address", "repository", "edit_base"):
        if getattr(args, option) is not None:
            options += [f"--{option.replace('_', '-')}", getattr(args, option)]
    return run_tool(python, ["-m", "guideline.cli", "init", *options], root)


def command_bench(args: argparse.Namespace, root: Path) -> int:
    """Measure the build against plain tools with the core's benchmark."""
    python = venv.ensure_venv(root, [RUNTIME_LOCK])
    options = [f"--scenarios={size}" for size in args.scenarios or ()] + [f"--rounds={args.rounds}"]
    if args.keep:
        options.append(f"--keep={Path(args.keep).resolve()}")
    return run_tool(python, ["-m", "guideline.bench", *options], root)


def command_lock(args: argparse.Namespace, root: Path) -> int:
    """Regenerate both lock files with the uv pinned in the test lock."""
    python = venv.ensure_venv(root, [RUNTIME_LOCK, TEST_LOCK])
    return write_locks(tool_runner(python, root), args.upgrade)
