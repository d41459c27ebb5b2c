#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, as a person would: the real app, driven through its accessibility tree
# (AT-SPI, with dogtail). Create a journal, keep the recovery code, log a craving,
# lock, unlock, and see the craving again. Run by meson inside dbus-run-session and
# xvfb-run; exits 77 (skipped) when dogtail or an accessibility bus is missing.

import os
import sys
import tempfile
import time

import rj_dogtail
from rj_dogtail import app_node, wait_for

rj_dogtail.import_dogtail()

PASSPHRASE = "quiet river morning"
CANARY = "E2E canary: my brother called"

app_path = os.environ["RJ_APP"]
home = tempfile.mkdtemp(prefix="rj-e2e-")
env = rj_dogtail.app_env(home)
journal = os.path.join(home, "journal.db")


def field(name, within):
    return wait_for(lambda n: n.roleName in ("text", "password text") and n.name == name,
                    f"field “{name}”", within=within)


def button(label, within=None):
    return wait_for(lambda n: n.roleName in ("push button", "toggle button")
                    and label in (n.name or "").replace("_", ""),
                    f"button “{label}”", within=within)


def type_into(node, text):
    node.text = text  # through AT-SPI's EditableText, as an on-screen keyboard would


def count_canaries():
    return len(app_node().findChildren(lambda n: CANARY in (n.name or "")))


proc = rj_dogtail.launch([app_path, "--journal", journal], env)
try:
    # First start: create the journal.
    type_into(field("Passphrase", "RjCreatePage"), PASSPHRASE)
    type_into(field("Passphrase Again", "RjCreatePage"), PASSPHRASE)
    button("Create Journal", "RjCreatePage").doActionNamed("click")
    button("I Have Kept It Safe", "RjRecoveryCodePage").doActionNamed("click")
    print("created the journal and kept the recovery code")

    # Log a craving on today's check-in.
    button("Add craving", within="RjCheckinPage").doActionNamed("click")
    type_into(field("In a few words", "New Craving"), CANARY)
    button("Add", "New Craving").doActionNamed("click")
    wait_for(lambda n: CANARY in (n.name or ""), "the craving on the page",
             within="RjCheckinPage")
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
    wait_for(lambda n: CANARY in (n.name or ""), "the craving after unlocking",
             within="RjCheckinPage")
    print("unlocked; the craving is there again")

    with open(journal, "rb") as f:
        assert CANARY.encode() not in f.read(), "the craving's words are in the file in plaintext"
finally:
    code = rj_dogtail.stop(proc)

rj_dogtail.assert_clean_exit(code)
print("the app quit cleanly")
sys.exit(0)
