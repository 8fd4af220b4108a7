"""The house: imports go down the layers only, and no module imports itself round a circle.

Read from the source, every import the code makes when it runs (those inside functions too;
those for type checking only are left out, as they never run):

    cli/                      the commands; builds and runs the app
    ui/                       Textual: app, screens, widgets, scene
    quiz/                     attempts, grading, slips (reads progress's record of an attempt)
    progress/                 the learner's saved state
    lessons/                  the lesson format: model, folder, loader, checks
    engine/, controls.py, regular_files.py, atomic_write.py    NumPy maths; text and file safety
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "tutor"
LAYERS = {
    "engine": 0,
    "controls": 0,
    "regular_files": 0,
    "atomic_write": 0,
    "settings": 0,
    "lessons": 1,
    "progress": 2,
    "quiz": 3,
    "report": 3,
    "ui": 4,
    "cli": 5,
    "__main__": 6,
}


def module_name(path: Path) -> str:
    parts = ["tutor", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(path: Path) -> set[str]:
    """The tutor modules `path` imports when it runs."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(node)
        for branch in ast.walk(tree)
        if isinstance(branch, ast.If) and "TYPE_CHECKING" in ast.unparse(branch.test)
        for node in ast.walk(branch)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom):
            base = (
                package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            )
            target = ".".join([*base, node.module] if node.module else base)
            found.add(target)
            folder = PACKAGE.parent / target.replace(".", "/")
            found.update(
                f"{target}.{alias.name}"
                for alias in node.names
                if (folder / f"{alias.name}.py").exists() or (folder / alias.name).is_dir()
            )
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    # A module's own packages are imported before it anyway: they are not its choice.
    return {t for t in found if t.startswith("tutor.") and not name.startswith(f"{t}.")}


def graph() -> dict[str, set[str]]:
    return {module_name(path): runtime_imports(path) for path in PACKAGE.rglob("*.py")}


def layer(module: str) -> int:
    return LAYERS[module.split(".")[1]]


def test_every_import_goes_down_or_across_its_own_layer() -> None:
    upward = [
        f"{m} -> {t}"
        for m, targets in graph().items()
        for t in targets
        if t != "tutor" and layer(t) > layer(m)
    ]
    assert upward == []


def test_the_engine_needs_nothing_but_numpy() -> None:
    for path in (PACKAGE / "engine").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            for imported in names:
                assert not imported.startswith(("textual", "rich", "tutor")), (path, imported)


def test_no_module_imports_itself_round_a_circle() -> None:
    edges = graph()
    circles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges.get(module, ())):
            if target not in edges:
                continue
            if state.get(target) == 1:
                circles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_only_textual_gaps_reaches_into_textual_private_parts() -> None:
    """Private modules imported, or the private names tutor/ui/textual_gaps.py wraps, called
    anywhere else would be a break hidden from tests/test_textual_gaps.py."""
    wrapped = ("_push_result_callback", "_index_to_line", "_move_page", "_action_command_list")
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "textual_gaps.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual._"):
                found.append(f"{path.name}: {node.module}")
            elif isinstance(node, ast.Attribute) and node.attr in wrapped:
                found.append(f"{path.name}: {node.attr}")
    assert found == []
