# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the tests that drive the real app through AT-SPI (dogtail) share: a private
# accessibility bus, dogtail itself (exit 77, skipped, when it cannot run here), its
# settings, a traceback for a failure, the environment the app runs in, and finding the
# app and its nodes. The scripts are run as `python3 tests/ui/NAME.py`, so this module
# beside them is on sys.path.
#
#     import rj_dogtail
#     rj_dogtail.private_a11y_bus("rj-NAME-run-")   # before dogtail is imported
#     tree, config, rawinput, pyatspi = rj_dogtail.import_dogtail()
#     rj_dogtail.print_tracebacks()
#     proc = rj_dogtail.launch([app_path, ...], rj_dogtail.app_env(home))
#     rj_dogtail.wait_for(lambda n: ..., "what a person would look for")

import os
import subprocess
import sys
import tempfile
import time

# The app being driven, a subprocess.Popen: app_node() and wait_for() look for it.
proc = None
tree = None


def private_a11y_bus(prefix):
    """Gives this run its own accessibility bus. The bus puts its socket in
    XDG_RUNTIME_DIR, or else in ~/.cache, where another test run on the same machine
    would share it and remove it when it ends. This run's bus starts when dogtail first
    asks for it, with the session bus's environment; the registry daemon, which makes
    the key and pointer events, needs the display too."""
    runtime_dir = tempfile.mkdtemp(prefix=prefix)
    os.environ["XDG_RUNTIME_DIR"] = runtime_dir
    activation_env = {"XDG_RUNTIME_DIR": runtime_dir}
    for variable in ("DISPLAY", "XAUTHORITY"):
        if variable in os.environ:
            activation_env[variable] = os.environ[variable]
    subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                    "--object-path", "/org/freedesktop/DBus",
                    "--method", "org.freedesktop.DBus.UpdateActivationEnvironment",
                    "{" + ", ".join(f"'{k}': '{v}'" for k, v in activation_env.items()) + "}"],
                   check=False, stdout=subprocess.DEVNULL)
    return runtime_dir


def import_dogtail():
    """Returns dogtail's tree, config and rawinput modules and pyatspi, set up for GTK
    4.8; exits 77 (skipped) when they cannot be imported."""
    global tree
    try:
        import dogtail.utils
        # dogtail asks GSettings whether accessibility is on; the tests' settings live in
        # memory, and GTK 4 talks to AT-SPI whenever a bus is there.
        dogtail.utils.isA11yEnabled = lambda: True
        dogtail.utils.checkForA11y = lambda: None
        from dogtail import tree, config, rawinput
        import pyatspi
    except Exception as error:  # noqa: BLE001 - any import failure means "cannot run here"
        print(f"dogtail is not available ({error}); skipping", file=sys.stderr)
        sys.exit(77)

    # GTK 4.8 does not report "showing" for most nodes; every page of a stack is in the
    # tree whether it is on screen or not, so pages are found by name.
    config.config.searchShowingOnly = False
    config.config.defaultDelay = 0.1
    config.config.actionDelay = 0.1
    config.config.logDebugToStdOut = False
    config.config.logDebugToFile = False
    return tree, config, rawinput, pyatspi


def _excepthook(kind, value, trace):
    # dogtail's own hook swallows the traceback; a failing test must say where.
    import traceback
    traceback.print_exception(kind, value, trace)
    sys.exit(1)


def print_tracebacks():
    """A failure prints its traceback and exits 1, in place of dogtail's hook."""
    sys.excepthook = _excepthook


def app_env(home, private_runtime_dir=False):
    """The environment the app runs in: its own folders below @home, fatal warnings,
    the accessibility bridge on; with @private_runtime_dir, its own XDG_RUNTIME_DIR."""
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env["G_DEBUG"] = "gc-friendly,fatal-warnings"
    env.update(HOME=home, XDG_DATA_HOME=home + "/data", XDG_CONFIG_HOME=home + "/config",
               XDG_CACHE_HOME=home + "/cache")
    if private_runtime_dir:
        env["XDG_RUNTIME_DIR"] = home + "/run"
        os.makedirs(home + "/run", mode=0o700, exist_ok=True)
    return env


def launch(args, env):
    """Starts the app with @args and @env, as the app that app_node() finds; returns
    its subprocess.Popen."""
    global proc
    proc = subprocess.Popen(args, env=env)
    return proc


def app_node():
    """The node of the running app, proc: one that has ended may linger in the registry
    a while."""
    # The registry answers a question now and then with an error while it is busy
    # (seen under AddressSanitizer's slowness): ask a few times before giving up.
    for _ in range(5):
        for app in tree.root.children:
            try:
                if app.name == "recovery-journal" and app.get_process_id() == proc.pid:
                    return app
            except Exception:  # noqa: BLE001 - gone while we looked
                pass
        time.sleep(0.2)
    raise LookupError("the app is not on the accessibility bus yet: "
                      + repr([(a.name, a.get_process_id()) for a in tree.root.children])
                      + f" want {proc.pid} poll {proc.poll()}")


def wait_for(predicate, what, timeout=30, within=None):
    """The first node of the app that matches @predicate, below the node named @within
    if given, within @timeout seconds; raises AssertionError naming @what when there is
    none."""
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


def ancestors(node):
    """The nodes above @node, up to its window."""
    chain = []
    parent = node.parent
    while parent is not None and parent.roleName != "application":
        chain.append(parent)
        parent = parent.parent
    return chain


def stop(proc):
    """Ends the app and returns its exit status."""
    proc.terminate()
    return proc.wait(timeout=30)


def assert_clean_exit(code):
    assert code == 0, f"the app ended with {code}"
