#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every control a person can reach has a name a screen reader can say. The real app,
# read through its accessibility tree (AT-SPI, with dogtail), on each of its main
# screens: create a journal, the recovery code, unlock, the daily check-in of the demo
# journal (every kind of row there, the Use rows open), the craving dialog, every
# page of Preferences, the session summary, Trends, search, "Need Help Now?" and
# About. Fails listing each focusable control that has no name, or whose name is
# mangled: a mnemonic underscore read aloud ("_Unlock Unlock") or the visible label
# said twice. Run by meson inside dbus-run-session and xvfb-run; exits 77 (skipped)
# when dogtail or an accessibility bus is missing.

import os
import re
import sys
import tempfile
import time

import rj_dogtail
from rj_dogtail import ancestors, app_node

rj_dogtail.private_a11y_bus("rj-a11y-run-")
_, _, rawinput, pyatspi = rj_dogtail.import_dogtail()
from gi.repository import GLib  # noqa: E402 - gi is there once dogtail is

PASSPHRASE = "quiet river morning"

# The roles a person acts on. A list item counts when it takes the focus itself.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "switch", "combo box",
    "text", "password text", "entry", "slider", "spin button", "menu button", "link",
    "menu item", "check menu item", "radio menu item", "list item", "page tab",
}

# GTK 4.8 names a node that has no name after its type ("GtkButton", "AdwGizmo").
TYPE_NAME = re.compile(r"^(Gtk|Adw|Rj)[A-Za-z]+$")
# A mnemonic underscore that reached the name: "_Unlock", "Save as P_DF…".
MNEMONIC = re.compile(r"(?<![_\w])_(?=\w)|(?<=\w)_(?=\w)")

app_path = os.environ["RJ_APP"]
offenders = {}  # path -> problem, in the order found
known = {}  # the same, for what GTK 4.8 and libadwaita 1.2 leave unnamed
screens = []


def wait_for(predicate, what, timeout=30):
    """rj_dogtail.wait_for(), which on failure lists what the app shows."""
    try:
        return rj_dogtail.wait_for(predicate, what, timeout)
    except AssertionError as not_found:
        failure = str(not_found)
    try:
        shown = sorted({f"[{n.roleName}] {n.name}" for n in app_node().findChildren(
            lambda n: n.roleName in CONTROL_ROLES)})
        shown.insert(0, "windows: " + ", ".join(f"[{w.roleName}] {w.name}"
                                                for w in app_node().children))
    except Exception as error:  # noqa: BLE001 - the tree changes under us
        shown = [str(error)]
    raise AssertionError(f"{failure}; the app shows: " + "; ".join(shown))


def toplevel(title, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            for window in app_node().children:
                if window.name == title:
                    return window
        except Exception:  # noqa: BLE001 - the tree changes under us; look again
            pass
        time.sleep(0.3)
    return wait_for(lambda n: False, f"the window “{title}”", 0)


def button(label, within=None):
    def matches(n):
        if n.roleName not in ("push button", "toggle button", "menu item"):
            return False
        if within is not None and not any(a.name == within for a in ancestors(n)):
            return False
        return label == clean(n.name) or clean(n.name).startswith(label + " ")
    return wait_for(matches, f"button “{label}”" + (f" in {within}" if within else ""))


def click(label, within=None):
    node = button(label, within)
    node.doActionNamed("click")
    return node


def clean(name):
    return (name or "").replace("_", "")


def is_focusable(node):
    try:
        return node.getState().contains(pyatspi.STATE_FOCUSABLE)
    except Exception:  # noqa: BLE001 - gone while we looked
        return False


def descendant_texts(node):
    texts = set()
    for child in node.findChildren(lambda n: n.roleName == "label"):
        if child.name and not TYPE_NAME.match(child.name):
            texts.add(child.name)
    return texts


def problem_of(node):
    """What is wrong with the name of @node, or None."""
    name = node.name or ""
    if name.strip() == "" or TYPE_NAME.match(name):
        return "has no accessible name"
    if MNEMONIC.search(name):
        return f"name has a mnemonic underscore: “{name}”"
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
        return f"name says the label twice: “{name}”"
    # The label of the control, or of the row it sits in (libadwaita labels a row's
    # field by the row's title, after any label of its own), said again after its name.
    scope = node
    if node.roleName in ("spin button", "slider", "check box", "switch", "combo box", "text"):
        for a in ancestors(node)[:3]:
            if a.roleName == "list item":
                scope = a
                break
    for text in descendant_texts(node) | descendant_texts(scope) | {scope.name or ""}:
        # "How it went: <task>" names a field after its row on purpose.
        if text and name != text and name.endswith(" " + text) and \
                not name.endswith(": " + text):
            return f"name has the visible label appended: “{name}”"
    return None


def describe(node):
    """Where @node is, for a person who has to find it in the .ui files."""
    parts = []
    for a in reversed(ancestors(node)):
        name = a.name or ""
        if a.roleName in ("frame", "dialog", "alert", "window"):
            parts.append(f"“{name}”")
        elif name.startswith("Rj") and TYPE_NAME.match(name):
            parts.append(name)
        elif name and not TYPE_NAME.match(name) and a.roleName in CONTROL_ROLES | {"panel", "list"}:
            parts.append(f"{a.roleName} “{name}”")
    own = node.name if node.name and not TYPE_NAME.match(node.name) else ""
    widget = node.name if TYPE_NAME.match(node.name or "") else ""
    where = " › ".join(parts)
    label = f"[{node.roleName}{' ' + widget if widget else ''}]{' “' + own + '”' if own else ''}"
    # The nearest words on screen: the row or group the control sits in.
    near = ""
    for a in [node] + ancestors(node)[:4]:
        texts = sorted(t for t in descendant_texts(a) if len(t) < 60)
        if texts:
            near = " near " + ", ".join(f"“{t}”" for t in texts[:3])
            break
    return f"{where} › {label}{near}"


def toolkit_internal(node, problem):
    """Whether @node is a part of GTK 4.8 or libadwaita 1.2 that the app cannot name."""
    if problem != "has no accessible name":
        return False
    chain = ancestors(node)
    # The items of an AdwComboRow's pop-up list: GTK 4.8 names a list item after
    # nothing; the words in it are read as its contents.
    if node.roleName == "list item" and any(a.roleName == "combo box" for a in chain):
        return True
    # The insides of AdwAboutWindow: its subpage rows and text views.
    if chain and chain[-1].name == "About":
        return True
    return False


def audit(screen):
    """Looks at every control the application shows now, in every window."""
    screens.append(screen)
    app = app_node()
    for node in app.findChildren(lambda n: n.roleName in CONTROL_ROLES):
        if not is_focusable(node):
            continue
        problem = problem_of(node)
        if problem is None:
            continue
        if node.roleName == "list item" and problem == "has no accessible name":
            # A row that only holds other controls is a container, not a control,
            # when GTK lets it take the focus on its way to them.
            inner = node.findChildren(lambda n: n.roleName in CONTROL_ROLES - {"list item"}
                                      and is_focusable(n))
            if inner:
                continue
        path = describe(node)
        if toolkit_internal(node, problem):
            known.setdefault(path, (problem, screen))
        else:
            offenders.setdefault(f"{path} (child {node.indexInParent})", (problem, screen))
    print(f"looked at: {screen}")


def close_window(title):
    window = toplevel(title)
    closers = window.findChildren(lambda n: n.roleName == "push button" and n.name == "Close"
                                  and "click" in n.actions)
    if closers:
        closers[0].doActionNamed("click")
    else:
        window.doActionNamed("window.close")
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            if not [w for w in app_node().children if w.name == title]:
                return
        except GLib.Error:
            # A window going away while it is asked for its name; app_node() still
            # fails at the next look if the app itself has gone.
            pass
        time.sleep(0.2)
    raise AssertionError(f"the window “{title}” did not close")


def menu(item):
    main_menu = wait_for(lambda n: n.roleName == "push button" and n.name == "Main menu"
                         and "click" in n.actions, "the main menu button")
    main_menu.doActionNamed("click")
    click(item)


def stop(proc):
    rj_dogtail.assert_clean_exit(rj_dogtail.stop(proc))


rj_dogtail.print_tracebacks()

# A new journal: the first screens.
home = tempfile.mkdtemp(prefix="rj-a11y-")
journal = os.path.join(home, "journal.db")
proc = rj_dogtail.launch([app_path, "--journal", journal],
                         rj_dogtail.app_env(home, private_runtime_dir=True))
try:
    wait_for(lambda n: n.name == "RjCreatePage", "the create page")
    audit("create journal")
    fields = app_node().findChildren(lambda n: n.roleName == "password text"
                                     and any(a.name == "RjCreatePage" for a in ancestors(n)))
    for field in fields:
        field.text = PASSPHRASE
    click("Create Journal", "RjCreatePage")
    button("I Have Kept It Safe", "RjRecoveryCodePage")
    time.sleep(0.5)
    audit("recovery code")
    click("I Have Kept It Safe", "RjRecoveryCodePage")
    button("Add craving", "RjCheckinPage")
finally:
    stop(proc)

# The same journal again: it opens locked.
proc = rj_dogtail.launch([app_path, "--journal", journal],
                         rj_dogtail.app_env(home, private_runtime_dir=True))
try:
    wait_for(lambda n: n.name == "RjUnlockPage", "the unlock page")
    time.sleep(0.5)
    audit("unlock")
finally:
    stop(proc)

# The demo journal: three weeks of days, so that every kind of row is there.
home = tempfile.mkdtemp(prefix="rj-a11y-demo-")
proc = rj_dogtail.launch([app_path, "--demo"],
                         rj_dogtail.app_env(home, private_runtime_dir=True))
try:
    button("Add craving", "RjCheckinPage")
    used = wait_for(lambda n: n.roleName in ("check box", "switch", "toggle button")
                    and n.name == "I used today", "the switch of “I used today”")
    if not used.getState().contains(pyatspi.STATE_CHECKED):
        used.doActionNamed(list(used.actions.keys())[0])
    time.sleep(0.5)
    audit("daily check-in (demo journal, Use rows open)")

    # A session day shows "After the Session"; a day with use, the lapse review's row.
    session = wait_for(lambda n: n.roleName in ("check box", "switch", "toggle button")
                       and (n.name or "").startswith("I was at"), "the session switch")
    if not session.getState().contains(pyatspi.STATE_CHECKED):
        session.doActionNamed(list(session.actions.keys())[0])
    time.sleep(0.5)
    audit("daily check-in, after the session")

    review = wait_for(lambda n: n.roleName == "list item"
                      and (n.name or "").startswith("Look back at this day"),
                      "the lapse review's row")
    # GTK 4.8 gives a row no AT-SPI action, takes no grabFocus and knows no screen
    # coordinates: scroll the row into view and click it, as a person would. Without a
    # window manager the window sits at the top left of the screen.
    window = toplevel("Recovery Journal")
    _, _, ww, wh = window.queryComponent().getExtents(pyatspi.WINDOW_COORDS)

    def row_in_view():
        _, y, _, h = review.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return 80 < y + h // 2 < wh - 20, y

    for _ in range(60):
        seen, y = row_in_view()
        if seen:
            break
        rawinput.click(ww // 2, wh // 2, button=5 if y > wh // 2 else 4)
        time.sleep(0.15)
    x, y, w, h = review.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    assert row_in_view()[0], f"the lapse review's row never came into view (at {x}, {y})"
    rawinput.click(x + w // 2, y + h // 2)
    toplevel("Look Back at This Day")
    audit("lapse review")
    close_window("Look Back at This Day")

    click("Start", "RjCheckinPage")
    toplevel("Weekly Craving Check")
    audit("weekly craving check")
    close_window("Weekly Craving Check")

    click("My Plan")
    toplevel("My Plan")
    time.sleep(0.5)
    audit("relapse-prevention plan")
    close_window("My Plan")

    click("Add craving", "RjCheckinPage")
    toplevel("New Craving")
    audit("craving dialog")
    click("Cancel", "New Craving")

    menu("Preferences")
    toplevel("Preferences")
    audit("preferences (every page)")
    close_window("Preferences")

    menu("Session Summary")
    summary = toplevel("Session Summary")
    time.sleep(1)
    audit("session summary")
    close_window(summary.name)

    menu("Trends")
    trends = toplevel("Trends")
    time.sleep(1)
    audit("trends")
    close_window(trends.name)

    click("Search the journal")
    time.sleep(0.5)
    audit("search")
    click("Search the journal")

    menu("Need Help Now?")
    toplevel("Need Help Now?")
    audit("need help now")
    click("Close", "Need Help Now?")

    menu("About Recovery Journal")
    toplevel("About")
    audit("about")
finally:
    stop(proc)

print(f"looked at {len(screens)} screens: " + "; ".join(screens))
if known:
    print(f"\n{len(known)} unnamed parts of GTK 4.8 and libadwaita 1.2, not counted:")
    for path, (problem, screen) in known.items():
        print(f"- [{screen}] {path}")
if offenders:
    print(f"\n{len(offenders)} controls without a good accessible name:", file=sys.stderr)
    for path, (problem, screen) in offenders.items():
        print(f"- [{screen}] {path}\n    {problem}", file=sys.stderr)
    print("\nGive each one an accessible name: <accessibility><property name=\"label\" "
          "translatable=\"yes\">…</property></accessibility> in its .ui file, or "
          "gtk_accessible_update_property() in C. A button whose label has a mnemonic "
          "(use-underline) gets its name from rj_accessible_fix_names() in app/rj-utils.c, "
          "which each window calls once its widgets are made: call it on widgets made later.",
          file=sys.stderr)
    sys.exit(1)

print("every control has a name")
sys.exit(0)
