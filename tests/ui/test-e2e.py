#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, as a person would: the real app, driven through its accessibility tree
# (AT-SPI, with dogtail). Create a journal, keep the recovery code, log a craving,
# lock, unlock, and see the craving again. Run by meson inside dbus-run-session and
# xvfb-run; exits 77 (skipped) when dogtail or an accessibility bus is missing.

import os
import subprocess
import sys
import tempfile
import time

try:
    import dogtail.utils
    # dogtail asks GSettings whether accessibility is on; the tests' settings live in
    # memory, and GTK 4 talks to AT-SPI whenever a bus is there.
    dogtail.utils.isA11yEnabled = lambda: True
    dogtail.utils.checkForA11y = lambda: None
    from dogtail import tree, config
except Exception as error:  # noqa: BLE001 - any import failure means "cannot run here"
    print(f"dogtail is not available ({error}); skipping", file=sys.stderr)
    sys.exit(77)

# GTK 4.8 does not report "showing" for most nodes, so pages are found by name.
config.config.searchShowingOnly = False
config.config.defaultDelay = 0.1
config.config.actionDelay = 0.1
config.config.logDebugToStdOut = False
config.config.logDebugToFile = False

PASSPHRASE = "quiet river morning"
CANARY = "E2E canary: my brother called"

app_path = os.environ["RJ_APP"]
home = tempfile.mkdtemp(prefix="rj-e2e-")
env = dict(os.environ)
env.pop("GTK_A11Y", None)
env["G_DEBUG"] = "gc-friendly,fatal-warnings"
env.update(HOME=home, XDG_DATA_HOME=home + "/data", XDG_CONFIG_HOME=home + "/config",
           XDG_CACHE_HOME=home + "/cache")
journal = os.path.join(home, "journal.db")


def app_node():
    return tree.root.application("recovery-journal")


def wait_for(predicate, what, within=None, timeout=30):
    """The first node that matches, below the node named @within if given."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            scope = app_node()
            if within is not None:
                scope = scope.findChildren(lambda n: n.name == within)[0]
            found = scope.findChildren(predicate)
            if found:
                return found[0]
        except Exception:  # noqa: BLE001 - the tree changes under us; look again
            pass
        time.sleep(0.3)
    raise AssertionError(f"not found: {what}")


def field(name, within):
    return wait_for(lambda n: n.roleName in ("text", "password text") and n.name == name,
                    f"field “{name}”", within)


def button(label, within=None):
    return wait_for(lambda n: n.roleName in ("push button", "toggle button")
                    and label in (n.name or "").replace("_", ""),
                    f"button “{label}”", within)


def type_into(node, text):
    node.text = text  # through AT-SPI's EditableText, as an on-screen keyboard would


def count_canaries():
    return len(app_node().findChildren(lambda n: CANARY in (n.name or "")))


proc = subprocess.Popen([app_path, "--journal", journal], env=env)
try:
    # First start: create the journal.
    type_into(field("Passphrase", "RjCreatePage"), PASSPHRASE)
    type_into(field("Passphrase Again", "RjCreatePage"), PASSPHRASE)
    button("Create Journal", "RjCreatePage").doActionNamed("click")
    button("I Have Kept It Safe", "RjRecoveryCodePage").doActionNamed("click")
    print("created the journal and kept the recovery code")

    # Log a craving on today's check-in.
    button("Add craving", "RjCheckinPage").doActionNamed("click")
    type_into(field("In a few words", "New Craving"), CANARY)
    button("Add", "New Craving").doActionNamed("click")
    wait_for(lambda n: CANARY in (n.name or ""), "the craving on the page", "RjCheckinPage")
    print("the craving shows on today's check-in")

    # Lock: nothing of the entry stays on screen.
    button("Lock journal").doActionNamed("click")
    unlock_field = field("Passphrase", "RjUnlockPage")
    time.sleep(0.5)
    assert count_canaries() == 0, "the craving's words are still on screen after locking"
    print("locked; the craving's words are gone from the screen")

    # Unlock: the craving comes back from the encrypted file.
    type_into(unlock_field, PASSPHRASE)
    button("Unlock", "RjUnlockPage").doActionNamed("click")
    wait_for(lambda n: CANARY in (n.name or ""), "the craving after unlocking", "RjCheckinPage")
    print("unlocked; the craving is there again")

    with open(journal, "rb") as f:
        assert CANARY.encode() not in f.read(), "the craving's words are in the file in plaintext"
finally:
    proc.terminate()
    code = proc.wait(timeout=30)

assert code == 0, f"the app ended with {code}"
print("the app quit cleanly")
sys.exit(0)
