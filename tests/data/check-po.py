#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every translation is complete for the sources as they are now.
#
#   check-po.py SOURCE_ROOT GETTEXT_PACKAGE -- XGETTEXT_ARGS...
#
# 1. Every file under app/, ui/ and data/ (and a desktop file at the root) that has
#    translatable strings is listed in po/POTFILES.in, which is sorted (LC_ALL=C), and
#    every file listed there exists. A new file cannot slip past the template.
# 2. The strings of the current sources are extracted into a fresh template in a
#    temporary folder, with the keywords and flags of po/meson.build.
# 3. For every language in po/LINGUAS, its .po is merged with that template (msgmerge,
#    into the temporary folder: po/ is never written) and every message that is
#    untranslated (new, or its source string changed since it was translated) or
#    marked fuzzy is listed, with where it comes from.
# 4. The merged file goes through `msgfmt --check`: the header, plural forms, and the
#    printf conversions of every translation against the original's, on the c-format
#    flags the current template gives (a hand-made .po that lost its flags is still
#    checked).
#
# Exits 1 listing everything wrong, 0 when nothing is, 77 when gettext is missing.

import os
import re
import shutil
import subprocess
import sys
import tempfile

GETTEXT_CALL = re.compile(r"\b(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2|g_dcgettext)\s*\(")
UI_TRANSLATABLE = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')
SKIPPED_DIRS = {".git", "subprojects"}


def needs_listing(path, text):
    """Whether the file at @path (relative to the source root) has strings to translate."""
    name = os.path.basename(path)
    if name.endswith((".c", ".h")):
        return GETTEXT_CALL.search(text) is not None
    if name.endswith(".ui"):
        return UI_TRANSLATABLE.search(text) is not None
    if name.endswith((".desktop", ".desktop.in", ".metainfo.xml.in", ".appdata.xml.in",
                      ".gschema.xml")):
        return True
    return False


def files_with_strings(source_root):
    found = []
    for top in ("app", "ui", "data"):
        for folder, dirs, names in os.walk(os.path.join(source_root, top)):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
            for name in sorted(names):
                full = os.path.join(folder, name)
                rel = os.path.relpath(full, source_root)
                try:
                    with open(full, encoding="utf-8") as f:
                        text = f.read()
                except (UnicodeDecodeError, OSError):
                    continue  # images and other binary files
                if needs_listing(rel, text):
                    found.append(rel)
    for name in sorted(os.listdir(source_root)):
        if name.endswith((".desktop", ".desktop.in")):
            found.append(name)
    return found


def read_potfiles(source_root):
    with open(os.path.join(source_root, "po", "POTFILES.in"), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def read_linguas(source_root):
    langs = []
    with open(os.path.join(source_root, "po", "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                langs += line.split()
    return langs


def unquote(s):
    """A PO string's contents, without its quotes, escapes undone."""
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)),
                  s[1:-1])


def parse_po(path):
    """The messages of a PO file: dicts with msgctxt, msgid, msgid_plural, msgstr
    (a list), flags and references. Obsolete (#~) messages are left out."""
    messages = []
    current = None
    key = None

    def finish():
        if current is not None and "msgid" in current:
            messages.append(current)

    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("#~"):
                continue
            if not line.strip():
                finish()
                current, key = None, None
                continue
            if current is None:
                current = {"flags": set(), "refs": [], "msgstr": {}}
            if line.startswith("#,"):
                current["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#:"):
                current["refs"] += line[2:].split()
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                if key[0] == "msgstr":
                    current["msgstr"][key[1]] += unquote(line)
                else:
                    current[key[0]] += unquote(line)
            else:
                word, _, rest = line.partition(" ")
                m = re.fullmatch(r"msgstr\[(\d+)\]", word)
                if m:
                    key = ("msgstr", int(m.group(1)))
                    current["msgstr"][key[1]] = unquote(rest)
                elif word == "msgstr":
                    key = ("msgstr", 0)
                    current["msgstr"][0] = unquote(rest)
                else:
                    key = (word, None)
                    current[word] = unquote(rest)
    finish()
    return messages


def describe(message):
    text = message["msgid"]
    if message.get("msgctxt"):
        text = f"{message['msgctxt']}|{text}"
    text = text.replace("\n", "\\n")
    if len(text) > 100:
        text = text[:97] + "…"
    where = f" ({message['refs'][0]})" if message["refs"] else ""
    return f"“{text}”{where}"


def main():
    if len(sys.argv) < 4 or sys.argv[3] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    source_root, package = sys.argv[1], sys.argv[2]
    xgettext_args = sys.argv[4:]

    tools = {name: shutil.which(name) for name in ("xgettext", "msgmerge", "msgattrib", "msgfmt")}
    missing = [name for name, path in tools.items() if path is None]
    if missing:
        print(f"{', '.join(missing)} not installed (Debian: gettext); skipping")
        return 77

    problems = []

    # 1. POTFILES.in against the tree.
    listed = read_potfiles(source_root)
    for path in sorted(set(files_with_strings(source_root)) - set(listed)):
        problems.append(f"po/POTFILES.in: {path} has translatable strings but is not listed")
    for path in listed:
        if not os.path.exists(os.path.join(source_root, path)):
            problems.append(f"po/POTFILES.in: {path} is listed but does not exist")
    in_order = sorted(listed, key=lambda p: p.encode("utf-8"))
    if listed != in_order:
        first = next(i for i, (a, b) in enumerate(zip(listed, in_order)) if a != b)
        problems.append(f"po/POTFILES.in: not sorted (LC_ALL=C sort): {listed[first]} "
                        f"comes where {in_order[first]} should")

    with tempfile.TemporaryDirectory(prefix="rj-check-po-") as tmp:
        # 2. A fresh template, made as `meson compile recovery-journal-pot` makes it.
        pot = os.path.join(tmp, package + ".pot")
        existing = [p for p in listed if os.path.exists(os.path.join(source_root, p))]
        files_from = os.path.join(tmp, "POTFILES")
        with open(files_from, "w", encoding="utf-8") as f:
            f.write("\n".join(existing) + "\n")
        run = subprocess.run([tools["xgettext"], "--package-name=" + package,
                              "-f", files_from, "-D", source_root, "-k_",
                              "-o", pot] + xgettext_args,
                             capture_output=True, text=True)
        if run.returncode != 0:
            problems.append("xgettext could not extract the strings:\n" + run.stderr.strip())
            pot = None
        else:
            template = [m for m in parse_po(pot) if m["msgid"]]
            with_format = sum(1 for m in template if "c-format" in m["flags"])
            print(f"The sources have {len(template)} strings to translate "
                  f"({with_format} with printf conversions).")

        langs = read_linguas(source_root)
        if not langs:
            print("po/LINGUAS lists no languages: no translation to check.")

        for lang in langs if pot else []:
            po = os.path.join(source_root, "po", lang + ".po")
            if not os.path.exists(po):
                problems.append(f"{lang}: po/LINGUAS lists it but po/{lang}.po does not exist")
                continue

            # 3. Merged with the current template.
            merged = os.path.join(tmp, lang + ".po")
            run = subprocess.run([tools["msgmerge"], "--quiet", "--no-wrap",
                                  "--no-fuzzy-matching", "-o", merged,
                                  po, pot], capture_output=True, text=True)
            if run.returncode != 0:
                problems.append(f"{lang}: msgmerge failed:\n{run.stderr.strip()}")
                continue
            messages = [m for m in parse_po(merged) if m["msgid"]]
            untranslated = [m for m in messages
                            if not m["msgstr"] or any(not s for s in m["msgstr"].values())]
            fuzzy = [m for m in messages if "fuzzy" in m["flags"] and m not in untranslated]
            for m in untranslated:
                problems.append(f"{lang}: untranslated: {describe(m)}")
            for m in fuzzy:
                problems.append(f"{lang}: marked fuzzy (a guess or an outdated "
                                f"translation: check it, then remove the flag): {describe(m)}")

            # 4. Compiles, with the current template's c-format flags. msgmerge marks a
            #    translation whose conversions differ from the original's as fuzzy,
            #    which msgfmt then skips; so it checks a copy without the fuzzy flags,
            #    and such a translation is named for what is wrong with it.
            unfuzzied = os.path.join(tmp, lang + "-unfuzzied.po")
            run = subprocess.run([tools["msgattrib"], "--clear-fuzzy", "--no-obsolete",
                                  "--no-wrap", "-o", unfuzzied, merged],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                problems.append(f"{lang}: msgattrib failed:\n{run.stderr.strip()}")
                continue
            run = subprocess.run([tools["msgfmt"], "--check", "--statistics",
                                  "-o", os.devnull, unfuzzied],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                with open(unfuzzied, encoding="utf-8") as f:
                    po_lines = f.read().splitlines()

                def name_message(match):
                    """The msgid above line @match of the merged file."""
                    number = int(match.group(1))
                    for line in reversed(po_lines[:number]):
                        if line.startswith("msgid "):
                            return f"po/{lang}.po, message {line[6:]}:"
                    return f"po/{lang}.po (merged):{number}:"

                errors = re.sub(re.escape(unfuzzied) + r":(\d+):", name_message,
                                run.stderr.strip())
                errors = "\n".join("    " + line for line in errors.splitlines()
                                   if "msgfmt: found" not in line)
                problems.append(f"{lang}: msgfmt --check (with the c-format flags of the "
                                f"current sources) failed:\n{errors}")
            run = subprocess.run([tools["msgfmt"], "--statistics", "-o", os.devnull, merged],
                                 capture_output=True, text=True)
            print(f"{lang}: {len(messages)} messages, {len(untranslated)} untranslated, "
                  f"{len(fuzzy)} fuzzy; msgfmt: {run.stderr.strip().splitlines()[-1]}")

    if problems:
        print(f"{len(problems)} problem(s) with the translations:", file=sys.stderr)
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        return 1
    print("Every translation is complete and keeps the original's printf conversions.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
