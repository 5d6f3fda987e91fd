"""Refresh the vendored KERN UX design system (static/kern/) from the npm registry.

Run through `make kern` (needs npm); the site itself serves the committed files, so
`make run` needs no Node and no CDN. Usage: python scripts/update_kern.py [VERSION]
"""

import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@kern-ux/native"
ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "static" / "kern"

README = """# KERN UX (vendored)

The KERN UX design system, the open UX standard for the German administration
(<https://www.kern-ux.de>), as published on the npm registry:

- package: `{package}`
- version: `{version}` (pinned; `make kern KERN_VERSION=x.y.z` refreshes these files)
- source: <{tarball}>
- integrity: `{integrity}`
- licence: EUPL-1.2 (`LICENSE.md`); the Fira Sans fonts it ships are under the SIL Open Font
  Licence 1.1 (Carrois Apostrophe, Mozilla).

Files: `kern.min.css` (components and tokens), `fonts/fira-sans.css` with the `.woff2` files it
references. Nothing here is edited by hand: the site's own rules live in `static/css/site.css`.
"""


def pack(version, workdir):
    """`npm pack` the release into workdir; returns (tarball path, npm's metadata)."""
    out = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{version}", "--json", "--pack-destination", str(workdir)],
        check=True, capture_output=True, text=True,
    ).stdout
    meta = json.loads(out)[0]
    return workdir / meta["filename"], meta


def font_files(css):
    return re.findall(r'url\("?\./([^")]+)"?\)', css)


def main(version):
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        tarball, meta = pack(version, workdir)
        with tarfile.open(tarball) as archive:
            archive.extractall(workdir, filter="data")
        package = workdir / "package"
        dist = package / "dist"
        if TARGET.exists():
            shutil.rmtree(TARGET)
        (TARGET / "fonts").mkdir(parents=True)
        shutil.copy2(dist / "kern.min.css", TARGET / "kern.min.css")
        shutil.copy2(package / "LICENSE.md", TARGET / "LICENSE.md")
        fonts_css = (dist / "fonts" / "fira-sans.css").read_text()
        # Fonts load fast and text stays visible while they do.
        fonts_css = fonts_css.replace("font-style:", "font-display: swap;\n    font-style:")
        (TARGET / "fonts" / "fira-sans.css").write_text(fonts_css)
        for name in font_files(fonts_css):
            destination = TARGET / "fonts" / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(dist / "fonts" / name, destination)
        (TARGET / "README.md").write_text(README.format(
            package=PACKAGE, version=meta["version"],
            tarball=f"https://registry.npmjs.org/{PACKAGE}/-/{meta['filename'].replace('kern-ux-', '')}",
            integrity=meta["integrity"],
        ))
    print(f"static/kern/ now holds {PACKAGE}@{meta['version']}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "latest")
