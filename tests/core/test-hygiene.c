/* test-hygiene.c: no core dumps, and temporary files only in a private folder.
 *
 * Each case runs in a fresh child process (the settings are for the whole process, and
 * GLib reads TMPDIR once); the parent gives it a runtime folder of its own and checks
 * what is left on disk afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "rj-hygiene.h"
#include "rj-test-util.h"

/* How the parent hands the child its folders. */
#define RUNTIME_VARIABLE "RJ_TEST_RUNTIME_DIR"

typedef struct
{
  char *dir;
  char *runtime_dir;
  char *cache_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* The child makes nothing: it works in the parent's folders, and must not ask GLib
   * for the temporary folder before the hygiene sets it. */
  if (g_test_subprocess ())
    return;

  fixture->dir = rj_test_make_tmp_dir ("rj-test-hygiene-XXXXXX");
  fixture->runtime_dir = g_build_filename (fixture->dir, "runtime", NULL);
  fixture->cache_dir = g_build_filename (fixture->dir, "cache", NULL);
  g_assert_cmpint (g_mkdir (fixture->runtime_dir, 0700), ==, 0);

  g_setenv (RUNTIME_VARIABLE, fixture->runtime_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", fixture->cache_dir, TRUE);
  g_unsetenv ("GDK_DEBUG");
  g_unsetenv ("SNAP");
  g_unsetenv ("RJ_ALLOW_CORE_DUMPS");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (g_test_subprocess ())
    return;

  g_unsetenv (RUNTIME_VARIABLE);
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->cache_dir);
  g_free (fixture->runtime_dir);
  g_free (fixture->dir);
}

static rlim_t
get_core_limit (void)
{
  struct rlimit limit;

  g_assert_cmpint (getrlimit (RLIMIT_CORE, &limit), ==, 0);
  /* The hard limit goes down with the soft one: the process cannot raise it again. */
  if (limit.rlim_cur == 0)
    g_assert_cmpuint (limit.rlim_max, ==, 0);
  return limit.rlim_cur;
}

/* The number of tmp-* folders in <base>/recovery-journal. */
static guint
count_tmp_dirs (const char *base)
{
  g_autofree char *folder = g_build_filename (base, "recovery-journal", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "tmp-"))
      n++;
  return n;
}

/* In the child: the temporary folder is ours alone, under @base, and is where GLib
 * and SQLite put temporary files; the clean-up removes it with what is in it. */
static void
check_tmp_dir_under (const char *base)
{
  g_autofree char *prefix = g_build_filename (base, "recovery-journal", "tmp-", NULL);
  g_autofree char *tmp_dir = g_strdup (rj_hygiene_get_tmp_dir ());
  g_autofree char *parent = NULL;
  g_autofree char *tmp_file = NULL;
  g_autofree char *sub_dir = NULL;
  g_autofree char *sub_file = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;
  int fd;

  g_assert_nonnull (tmp_dir);
  g_assert_true (g_str_has_prefix (tmp_dir, prefix));
  g_assert_cmpstr (g_getenv ("TMPDIR"), ==, tmp_dir);
  g_assert_cmpstr (g_getenv ("SQLITE_TMPDIR"), ==, tmp_dir);
  g_assert_cmpstr (g_get_tmp_dir (), ==, tmp_dir);

  g_assert_cmpint (lstat (tmp_dir, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
  g_assert_cmpint (st.st_uid, ==, getuid ());

  /* Its parent too: nobody else may list it or swap a folder in it. */
  parent = g_path_get_dirname (tmp_dir);
  g_assert_cmpint (lstat (parent, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);

  /* What a library writes there through GLib lands in it. */
  fd = g_file_open_tmp ("rj-test-XXXXXX", &tmp_file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "a canary", 8), ==, 8);
  close (fd);
  g_assert_true (g_str_has_prefix (tmp_file, tmp_dir));

  sub_dir = g_build_filename (tmp_dir, "spool", NULL);
  g_assert_cmpint (g_mkdir (sub_dir, 0700), ==, 0);
  sub_file = g_build_filename (sub_dir, "job", NULL);
  g_assert_true (g_file_set_contents (sub_file, "another canary", -1, NULL));

  rj_hygiene_cleanup ();
  g_assert_null (rj_hygiene_get_tmp_dir ());
  g_assert_false (g_file_test (tmp_file, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (sub_file, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (tmp_dir, G_FILE_TEST_EXISTS));
}

static void
test_applied (Fixture       *fixture,
              gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      const char *runtime_dir = g_getenv (RUNTIME_VARIABLE);
      g_autoptr(GError) error = NULL;

      g_assert_false (rj_hygiene_core_dumps_allowed ());
      g_assert_true (rj_hygiene_apply (runtime_dir, &error));
      g_assert_no_error (error);

      g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 0);
      g_assert_cmpuint (get_core_limit (), ==, 0);
      check_tmp_dir_under (runtime_dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_cmpuint (count_tmp_dirs (fixture->runtime_dir), ==, 0);
  g_assert_false (g_file_test (fixture->cache_dir, G_FILE_TEST_EXISTS));
}

/* With RJ_ALLOW_CORE_DUMPS=1 the process may dump core as before, for debugging; the
 * temporary folder is private all the same. */
static void
test_core_dumps_allowed (Fixture       *fixture,
                         gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      const char *runtime_dir = g_getenv (RUNTIME_VARIABLE);
      g_autoptr(GError) error = NULL;
      int dumpable = prctl (PR_GET_DUMPABLE, 0, 0, 0, 0);
      rlim_t limit = get_core_limit ();

      g_assert_cmpint (dumpable, ==, 1);
      g_assert_true (rj_hygiene_core_dumps_allowed ());
      g_assert_true (rj_hygiene_apply (runtime_dir, &error));
      g_assert_no_error (error);

      g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 1);
      g_assert_cmpuint (get_core_limit (), ==, limit);
      check_tmp_dir_under (runtime_dir);
      return;
    }

  /* Anything but 1 does not count. */
  g_setenv ("RJ_ALLOW_CORE_DUMPS", "yes", TRUE);
  g_assert_false (rj_hygiene_core_dumps_allowed ());

  g_setenv ("RJ_ALLOW_CORE_DUMPS", "1", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("RJ_ALLOW_CORE_DUMPS");
  g_test_trap_assert_passed ();
  g_assert_cmpuint (count_tmp_dirs (fixture->runtime_dir), ==, 0);
}

/* In a sandbox (here, Snap's variable) the file chooser must go through the desktop
 * portal, which must be able to read /proc/PID: the process stays dumpable, but the core
 * size limit is still 0. GDK_DEBUG=portals alone does not count: outside a sandbox GTK
 * falls back to its own dialog when the portal refuses. */
static void
test_sandbox_keeps_dumpable (Fixture       *fixture,
                             gconstpointer  data)
{
  gboolean in_snap = GPOINTER_TO_INT (data);

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rj_hygiene_portals_needed () == in_snap);
      g_assert_true (rj_hygiene_apply (g_getenv (RUNTIME_VARIABLE), &error));
      g_assert_no_error (error);

      g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, in_snap ? 1 : 0);
      g_assert_cmpuint (get_core_limit (), ==, 0);
      rj_hygiene_cleanup ();
      return;
    }

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) || g_getenv ("SNAP") != NULL)
    {
      g_test_skip ("Running in a sandbox, where the portal is always used");
      return;
    }

  g_assert_false (rj_hygiene_portals_needed ());
  g_setenv ("GDK_DEBUG", "portals", TRUE);
  if (in_snap)
    g_setenv ("SNAP", "/snap/recovery-journal/1", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("GDK_DEBUG");
  g_unsetenv ("SNAP");
  g_test_trap_assert_passed ();
}

/* A recovery-journal folder that is a link elsewhere, or open to others, is not used:
 * the temporary folder goes under the cache folder, and nothing is made in the other. */
static void
test_refuses_unsafe_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *kind = data;
  g_autofree char *folder = NULL;
  g_autofree char *elsewhere = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rj_hygiene_apply (g_getenv (RUNTIME_VARIABLE), &error));
      g_assert_no_error (error);
      g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 0);
      check_tmp_dir_under (g_getenv ("XDG_CACHE_HOME"));
      return;
    }

  folder = g_build_filename (fixture->runtime_dir, "recovery-journal", NULL);
  elsewhere = g_build_filename (fixture->dir, "elsewhere", NULL);
  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  if (g_strcmp0 (kind, "link") == 0)
    g_assert_cmpint (symlink (elsewhere, folder), ==, 0);
  else
    g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_cmpuint (count_tmp_dirs (fixture->runtime_dir), ==, 0);
  g_assert_cmpuint (count_tmp_dirs (fixture->dir), ==, 0);
  g_assert_true (g_file_test (fixture->cache_dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_tmp_dirs (fixture->cache_dir), ==, 0);
  {
    g_autoptr(GDir) dir = g_dir_open (elsewhere, 0, NULL);
    g_assert_null (g_dir_read_name (dir));
  }
}

/* Without XDG_RUNTIME_DIR the folder goes under the cache folder, made 0700. */
static void
test_no_runtime_dir (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *saved = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (g_getenv ("XDG_RUNTIME_DIR"));
      g_assert_true (rj_hygiene_apply (NULL, &error));
      g_assert_no_error (error);
      check_tmp_dir_under (g_getenv ("XDG_CACHE_HOME"));
      return;
    }

  saved = g_strdup (g_getenv ("XDG_RUNTIME_DIR"));

  g_unsetenv ("XDG_RUNTIME_DIR");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (saved != NULL)
    g_setenv ("XDG_RUNTIME_DIR", saved, TRUE);
  g_test_trap_assert_passed ();
  g_assert_cmpuint (count_tmp_dirs (fixture->cache_dir), ==, 0);
}

/* The folder of a process that was killed outright is removed at the next start; the
 * folder of a process still running is left alone. */
static void
test_removes_stale (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *stale_file = NULL;
  g_autofree char *live = NULL;
  pid_t gone;
  int status;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rj_hygiene_apply (g_getenv (RUNTIME_VARIABLE), &error));
      g_assert_no_error (error);
      rj_hygiene_cleanup ();
      return;
    }

  /* A process id that is free: a child that has ended and been reaped. */
  gone = fork ();
  g_assert_cmpint (gone, >=, 0);
  if (gone == 0)
    _exit (0);
  g_assert_cmpint (waitpid (gone, &status, 0), ==, gone);

  folder = g_build_filename (fixture->runtime_dir, "recovery-journal", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  stale = g_strdup_printf ("%s/tmp-%ld-AbCdEf", folder, (long) gone);
  g_assert_cmpint (g_mkdir (stale, 0700), ==, 0);
  stale_file = g_build_filename (stale, "print-spool", NULL);
  g_assert_true (g_file_set_contents (stale_file, "a canary", -1, NULL));
  live = g_strdup_printf ("%s/tmp-%ld-GhIjKl", folder, (long) getpid ());
  g_assert_cmpint (g_mkdir (live, 0700), ==, 0);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_tmp_dirs (fixture->runtime_dir), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hygiene/applied", Fixture, NULL,
              fixture_set_up, test_applied, fixture_tear_down);
  g_test_add ("/hygiene/core-dumps-allowed", Fixture, NULL,
              fixture_set_up, test_core_dumps_allowed, fixture_tear_down);
  g_test_add ("/hygiene/sandbox-keeps-dumpable", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_sandbox_keeps_dumpable, fixture_tear_down);
  g_test_add ("/hygiene/portal-debug-not-dumpable", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_sandbox_keeps_dumpable, fixture_tear_down);
  g_test_add ("/hygiene/refuses-link", Fixture, "link",
              fixture_set_up, test_refuses_unsafe_folder, fixture_tear_down);
  g_test_add ("/hygiene/refuses-open-folder", Fixture, "open",
              fixture_set_up, test_refuses_unsafe_folder, fixture_tear_down);
  g_test_add ("/hygiene/no-runtime-dir", Fixture, NULL,
              fixture_set_up, test_no_runtime_dir, fixture_tear_down);
  g_test_add ("/hygiene/removes-stale", Fixture, NULL,
              fixture_set_up, test_removes_stale, fixture_tear_down);

  return g_test_run ();
}
