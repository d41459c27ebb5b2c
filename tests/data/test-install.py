#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `meson install` puts everything in its place, and the installed app starts from its
# desktop file, in English and in every language of po/LINGUAS.
#
# Installs the build into a temporary DESTDIR, then checks the binary (with its
# GResource compiled in and LOCALEDIR under the prefix), the desktop file (valid, and
# translated into every language), the metainfo (valid, translated), both icons, the
# schema (compiles with --strict) and a .mo per language. Then it starts the binary that
# the installed desktop file's Exec line names, with the schema and data folders in
# the DESTDIR, and finds its first window through AT-SPI (dogtail): the window title
# and the "Create Journal" button, in each language as the installed .mo translates
# them. It runs itself again inside dbus-run-session and xvfb-run; when those or
# dogtail are missing, the file checks still run and the test is reported as skipped.
#
#   test-install.py BUILD_ROOT SOURCE_ROOT
# with RJ_PREFIX, RJ_BINDIR, RJ_DATADIR, RJ_LOCALEDIR_INSTALLED (absolute paths of the
# build's configuration), RJ_APP_ID and RJ_GETTEXT_PACKAGE in the environment.

import configparser
import gettext
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

build_root, source_root = sys.argv[1], sys.argv[2]

# The app is started on a private session bus under Xvfb, with a private
# XDG_RUNTIME_DIR: the accessibility bus's socket goes there, and not to ~/.cache/at-spi,
# which every other session of the same user (another test run at the same time)
# shares and removes when it ends.
if os.environ.get("RJ_INSTALL_SESSION") is None:
    session_tools = [shutil.which(tool) for tool in ("dbus-run-session", "xvfb-run")]
    if all(session_tools):
        runtime_dir = tempfile.mkdtemp(prefix="rj-install-runtime-")
        os.chmod(runtime_dir, 0o700)
        session_env = dict(os.environ, XDG_RUNTIME_DIR=runtime_dir, RJ_INSTALL_SESSION="1")
        try:
            status = subprocess.run([session_tools[0], "--", session_tools[1], "-a",
                                     "-s", "-screen 0 1280x1024x24", sys.executable]
                                    + sys.argv, env=session_env).returncode
        finally:
            shutil.rmtree(runtime_dir, ignore_errors=True)
        sys.exit(status)
app_id = os.environ["RJ_APP_ID"]
package = os.environ["RJ_GETTEXT_PACKAGE"]
prefix = os.environ["RJ_PREFIX"]
bindir = os.environ["RJ_BINDIR"]
datadir = os.environ["RJ_DATADIR"]
localedir = os.environ["RJ_LOCALEDIR_INSTALLED"]

failures = []


def check(condition, what):
    if condition:
        print(f"ok: {what}")
    else:
        print(f"FAILED: {what}")
        failures.append(what)
    return condition


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def read_linguas():
    langs = []
    with open(os.path.join(source_root, "po", "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                langs += line.split()
    return langs


def installed_locales():
    result = run(["locale", "-a"])
    return result.stdout.split() if result.returncode == 0 else []


def pick_locale(lang, available):
    """Environment variables that make the app speak @lang: its locale as spoken in
    the US when installed (es_US.UTF-8), another one of that language, else LANGUAGE
    with a UTF-8 C locale, which gettext honours unless the locale is plain C."""
    lower = {name.lower(): name for name in available}
    for wanted in (f"{lang}_us.utf8", f"{lang}.utf8"):
        if wanted in lower:
            return {"LANG": lower[wanted], "LC_ALL": lower[wanted]}
    for name in available:
        if name.lower().startswith(lang + "_") and name.lower().endswith(".utf8"):
            return {"LANG": name, "LC_ALL": name}
    return {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LANGUAGE": lang}


langs = read_linguas()
destdir = tempfile.mkdtemp(prefix="rj-install-")
root = lambda path: destdir + path  # noqa: E731 - an installed path inside DESTDIR

# 1. Install.
started = time.monotonic()
result = run(["meson", "install", "-C", build_root, "--no-rebuild", "--destdir", destdir])
if not check(result.returncode == 0, f"meson install --destdir {destdir}"):
    print(result.stdout[-3000:], result.stderr[-3000:])
    sys.exit(1)
print(f"   installed in {time.monotonic() - started:.1f} s")

# 2. Every file in its place.
binary = root(os.path.join(bindir, "recovery-journal"))
desktop = root(os.path.join(datadir, "applications", app_id + ".desktop"))
metainfo = root(os.path.join(datadir, "metainfo", app_id + ".metainfo.xml"))
icon = root(os.path.join(datadir, "icons/hicolor/scalable/apps", app_id + ".svg"))
symbolic = root(os.path.join(datadir, "icons/hicolor/symbolic/apps", app_id + "-symbolic.svg"))
schemas = root(os.path.join(datadir, "glib-2.0", "schemas"))
schema = os.path.join(schemas, app_id + ".gschema.xml")

check(os.path.isfile(binary) and os.access(binary, os.X_OK), f"the binary {binary}")
for path in (desktop, metainfo, icon, symbolic, schema):
    check(os.path.isfile(path) and os.path.getsize(path) > 0, f"installed: {path}")
for path in (icon, symbolic):
    if os.path.isfile(path):
        svg = ET.parse(path).getroot()
        check(svg.tag.endswith("svg"), f"{os.path.basename(path)} is an SVG image")
for lang in langs:
    mo = root(os.path.join(localedir, lang, "LC_MESSAGES", package + ".mo"))
    check(os.path.isfile(mo), f"the {lang} translation: {mo}")
if not langs:
    print("   po/LINGUAS lists no languages: no .mo files to look for")

# The binary looks for its translations under the prefix it was built for.
with open(binary, "rb") as f:
    image = f.read()
check(localedir.encode() + b"\0" in image,
      f"the binary looks for its translations in {localedir} (LOCALEDIR)")

# The templates, the style sheet and the help overlay are compiled into the binary.
gresource = shutil.which("gresource")
if check(gresource is not None, "gresource is installed (Debian: libglib2.0-bin)"):
    inside = set(run([gresource, "list", binary]).stdout.split())
    xml = ET.parse(os.path.join(source_root, "ui", "recovery-journal.gresource.xml"))
    wanted = []
    for bundle in xml.getroot().iter("gresource"):
        for item in bundle.iter("file"):
            wanted.append(bundle.get("prefix").rstrip("/") + "/" + (item.get("alias") or item.text))
    missing = [path for path in wanted if path not in inside]
    check(wanted and not missing,
          f"all {len(wanted)} resources are compiled into the binary"
          + (f"; missing: {', '.join(missing)}" if missing else ""))

# The desktop file and the metainfo: valid, translated, and naming each other.
desktop_file_validate = shutil.which("desktop-file-validate")
if desktop_file_validate:
    result = run([desktop_file_validate, desktop])
    check(result.returncode == 0 and not result.stdout.strip(),
          "desktop-file-validate passes on the installed desktop file "
          + (result.stdout + result.stderr).strip())
appstreamcli = shutil.which("appstreamcli")
if appstreamcli:
    result = run([appstreamcli, "validate", "--no-net", "--explain", metainfo])
    check(result.returncode == 0, "appstreamcli validate --no-net passes on the installed "
          "metainfo " + (result.stdout if result.returncode else "").strip())

entry = configparser.RawConfigParser(strict=False, interpolation=None)
entry.optionxform = str
entry.read(desktop, encoding="utf-8")
entry = entry["Desktop Entry"]
meta = ET.parse(metainfo).getroot()
launchable = meta.find("launchable")
check(launchable is not None and launchable.text == app_id + ".desktop",
      "the metainfo's launchable is the installed desktop file")
check(entry.get("Icon") == app_id, "the desktop file's icon is the installed icon")
for lang in langs:
    for key in ("Name", "Comment"):
        check(entry.get(f"{key}[{lang}]", "") not in ("", entry.get(key)),
              f"the desktop file has {key}[{lang}]: {entry.get(f'{key}[{lang}]')!r}")
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    check(any(n.get(xml_lang) == lang for n in meta.iter("summary")),
          f"the metainfo has a summary in {lang}")

# The schema compiles, into the DESTDIR (as the post-install script does on a system).
result = run(["glib-compile-schemas", "--strict", schemas])
check(result.returncode == 0 and os.path.isfile(os.path.join(schemas, "gschemas.compiled")),
      "glib-compile-schemas --strict on the installed schemas " + result.stderr.strip())

# 3. Start the installed app from its desktop file.
def can_start():
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "no display or no session bus (run under xvfb-run and dbus-run-session)"
    try:
        global tree, config
        import dogtail.utils
        dogtail.utils.isA11yEnabled = lambda: True
        dogtail.utils.checkForA11y = lambda: None
        from dogtail import tree, config  # noqa: F401
    except Exception as error:  # noqa: BLE001 - any import failure means "cannot run here"
        return f"dogtail is not available ({error})"
    return None


def exec_argv():
    """The installed desktop file's Exec line as argv, field codes left out; the
    program is looked up in the DESTDIR's bindir first, as PATH would on a system."""
    argv = [arg for arg in shlex.split(entry["Exec"]) if not re.fullmatch(r"%[fFuUik]", arg)]
    if not os.path.isabs(argv[0]):
        argv[0] = shutil.which(argv[0], path=root(bindir)) or argv[0]
    else:
        argv[0] = root(argv[0])
    return argv


def start_and_look(lang, locale_env, translation):
    home = tempfile.mkdtemp(prefix=f"rj-install-home-{lang}-")
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.pop("LANGUAGE", None)
    env.update(locale_env)
    env.update(
        HOME=home, XDG_DATA_HOME=home + "/data", XDG_CONFIG_HOME=home + "/config",
        XDG_CACHE_HOME=home + "/cache", XDG_STATE_HOME=home + "/state",
        XDG_DATA_DIRS=root(datadir) + ":" + os.environ.get("XDG_DATA_DIRS",
                                                            "/usr/local/share:/usr/share"),
        GSETTINGS_SCHEMA_DIR=schemas, GSETTINGS_BACKEND="memory",
        G_DEBUG="gc-friendly,fatal-warnings",
        # Installed for real, the app finds its .mo in LOCALEDIR (checked above); in the
        # DESTDIR it is told where that folder is now.
        RJ_LOCALEDIR=root(localedir),
    )
    argv = exec_argv()
    check(argv[0].startswith(destdir), f"Exec= runs the installed binary: {' '.join(argv)}")
    title = translation.gettext("Recovery Journal")
    # The button's label has a mnemonic; AT-SPI names it by its label and its text.
    create = translation.gettext("_Create Journal").replace("_", "")
    if lang != "en":
        check(title != "Recovery Journal" and create != "Create Journal",
              f"the {lang} .mo translates the window's title and first button: "
              f"{title!r}, {create!r}")

    started = time.monotonic()
    proc = subprocess.Popen(argv, env=env)
    try:
        found = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None and found is None:
            try:
                app = tree.root.application("recovery-journal")
                frames = app.findChildren(lambda n: n.roleName == "frame" and n.name == title,
                                          recursive=False)
                buttons = app.findChildren(lambda n: n.roleName == "push button" and
                                           create in (n.name or "").replace("_", ""))
                if frames and buttons:
                    found = (frames[0].name, buttons[0].name)
            except Exception:  # noqa: BLE001 - not on the bus yet, or the tree changed
                pass
            if found is None:
                time.sleep(0.3)
        check(found is not None,
              f"{lang} ({' '.join(f'{k}={v}' for k, v in locale_env.items())}): the first "
              f"window, titled {title!r}, with the button {create!r}, shows within "
              f"{time.monotonic() - started:.1f} s")
    finally:
        proc.terminate()
        try:
            code = proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
    check(code == 0, f"{lang}: the installed app quit cleanly on SIGTERM (status {code})")
    shutil.rmtree(home, ignore_errors=True)


why_not = can_start()
if why_not is None:
    config.config.searchShowingOnly = False
    config.config.defaultDelay = 0.1
    config.config.logDebugToStdOut = False
    config.config.logDebugToFile = False
    available = installed_locales()
    english = pick_locale("en", available)
    start_and_look("en", english, gettext.NullTranslations())
    for lang in langs:
        translation = gettext.translation(package, localedir=root(localedir),
                                          languages=[lang])
        start_and_look(lang, pick_locale(lang, available), translation)
else:
    print(f"cannot start the installed app: {why_not}")

shutil.rmtree(destdir, ignore_errors=True)
if failures:
    print(f"{len(failures)} check(s) failed:")
    for failure in failures:
        print("  " + failure)
    sys.exit(1)
sys.exit(0 if why_not is None else 77)
