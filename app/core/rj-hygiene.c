/* rj-hygiene.c: what the process does at start so that nothing of the journal reaches
 * the disk by the side door.
 *
 * A core dump holds everything the journal showed and the master key with it, and
 * crash reporters keep them for days; a temporary file written by a library (a print
 * spool, a PDF before it is copied, SQLite spilling a big sort) lands in /tmp, which
 * may be on disk and is shared with every user. So before GTK starts:
 *
 *  - the core size limit is 0, and the process is not "dumpable" (which also keeps
 *    other programs of the same user from attaching to it or reading its memory through
 *    /proc), unless RJ_ALLOW_CORE_DUMPS=1 is set for debugging;
 *  - TMPDIR, which g_get_tmp_dir() and SQLite (through SQLITE_TMPDIR) read, names a
 *    folder of our own, 0700, under $XDG_RUNTIME_DIR (memory, and removed at logout),
 *    removed with its contents when the app ends.
 *
 * No GTK here: main.c calls this before GTK initialises, and a core test checks it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-hygiene"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rj-hygiene.h"

/* Our folder in the runtime folder; each process has its own tmp-<pid>-XXXXXX in it. */
#define HYGIENE_FOLDER "recovery-journal"
#define TMP_PREFIX "tmp-"

static char *private_tmp_dir;

/* Removes @path and, if it is a folder, everything in it, without following symbolic
 * links: a link inside is removed, not what it points to. */
static void
remove_tree (const char *path)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      if (g_rmdir (path) != 0)
        g_debug ("Could not remove %s: %s", path, g_strerror (errno));
    }
  else if (g_unlink (path) != 0)
    {
      g_debug ("Could not remove %s: %s", path, g_strerror (errno));
    }
}

/* Checks that @path is a real folder (not a link to one), owned by us and closed to
 * everyone else. */
static gboolean
check_private_dir (const char  *path,
                   GError     **error)
{
  struct stat st;
  int fd;
  int saved_errno;

  fd = open (path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == ELOOP || saved_errno == ENOTDIR)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                     _("“%s” is not a folder of its own (it may be a link to another "
                       "place), so temporary files are not kept there."), path);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("The folder “%s” for temporary files could not be opened: %s"),
                     path, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder “%s” for temporary files could not be checked: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (st.st_uid != getuid ())
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The folder “%s” belongs to another user, so temporary files are not "
                     "kept there."), path);
      return FALSE;
    }

  if ((st.st_mode & 0077) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The folder “%s” is open to other users, so temporary files are not "
                     "kept there. Make it private (chmod 700) or remove it."), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
ensure_private_dir (const char  *path,
                    GError     **error)
{
  if (g_mkdir (path, 0700) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder “%s” for temporary files could not be made: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return check_private_dir (path, error);
}

/* A process killed outright leaves its temporary folder behind; the next start removes
 * the folders of processes that are gone. */
static void
remove_stale_tmp_dirs (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      const char *digits;
      char *end = NULL;
      guint64 pid;
      struct stat st;

      if (!g_str_has_prefix (name, TMP_PREFIX))
        continue;

      digits = name + strlen (TMP_PREFIX);
      pid = g_ascii_strtoull (digits, &end, 10);
      if (end == digits || *end != '-' || pid == 0 || pid > G_MAXINT)
        continue;
      if ((pid_t) pid == getpid () || kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;

      path = g_build_filename (folder, name, NULL);
      if (lstat (path, &st) != 0 || !S_ISDIR (st.st_mode) || st.st_uid != getuid ())
        continue;

      g_debug ("Removing the temporary folder of a process that is gone: %s", path);
      remove_tree (path);
    }
}

/* Makes <base>/recovery-journal/tmp-<pid>-XXXXXX, private, and returns its path. */
static char *
make_private_tmp_dir (const char  *base,
                      GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *template = NULL;
  g_autofree char *name = NULL;

  if (g_mkdir_with_parents (base, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder “%s” for temporary files could not be made: %s"),
                   base, g_strerror (saved_errno));
      return NULL;
    }

  folder = g_build_filename (base, HYGIENE_FOLDER, NULL);
  if (!ensure_private_dir (folder, error))
    return NULL;

  remove_stale_tmp_dirs (folder);

  name = g_strdup_printf (TMP_PREFIX "%ld-XXXXXX", (long) getpid ());
  template = g_build_filename (folder, name, NULL);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder “%s” for temporary files could not be made: %s"),
                   template, g_strerror (saved_errno));
      return NULL;
    }

  /* The umask could have taken bits away, never added them; check all the same. */
  if (!check_private_dir (template, error))
    {
      remove_tree (template);
      return NULL;
    }

  return g_steal_pointer (&template);
}

/**
 * rj_hygiene_core_dumps_allowed:
 *
 * Returns: %TRUE if RJ_ALLOW_CORE_DUMPS=1 asks for core dumps, for debugging
 */
gboolean
rj_hygiene_core_dumps_allowed (void)
{
  return g_strcmp0 (g_getenv (RJ_HYGIENE_ALLOW_CORE_DUMPS_VARIABLE), "1") == 0;
}

/**
 * rj_hygiene_portals_needed:
 *
 * Whether the file chooser and the print dialog must go through the desktop portal:
 * inside a Flatpak or Snap sandbox, where GTK's own dialog would see only the
 * sandbox's files, not the client's folders.
 *
 * The portal service finds out which app is calling by opening /proc/PID/root. A
 * process that is not dumpable has its /proc entries owned by root, so that fails and
 * the portal refuses the call ("Portal operation not allowed: Unable to open
 * /proc/PID/root"; xdg-desktop-portal issues 785 and 1490). GTK 4.8 then falls back
 * to its own dialog (tests/ui/test-hygiene-chooser.c checks both), which outside a
 * sandbox is the dialog GTK uses anyway, and works; inside one it could not reach the
 * client's files. So in a sandbox the process stays dumpable, and only the core size
 * limit keeps dumps off the disk; elsewhere, GDK_DEBUG=portals included, it does not.
 *
 * Returns: %TRUE in a sandbox whose dialogs need the portal
 */
gboolean
rj_hygiene_portals_needed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) || g_getenv ("SNAP") != NULL;
}

/**
 * rj_hygiene_forbid_core_dumps:
 * @error: return location for a #GError
 *
 * Sets the core size limit to 0 and makes the process not dumpable, unless
 * RJ_ALLOW_CORE_DUMPS=1; see rj_hygiene_portals_needed() for when it stays dumpable.
 *
 * Returns: %TRUE if no core dump can be written (or dumps were asked for)
 */
gboolean
rj_hygiene_forbid_core_dumps (GError **error)
{
  struct rlimit none = { 0, 0 };

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rj_hygiene_core_dumps_allowed ())
    {
      g_message ("%s=1: this process may dump core, and a core file holds what the "
                 "journal showed.", RJ_HYGIENE_ALLOW_CORE_DUMPS_VARIABLE);
      return TRUE;
    }

  /* Lowering both limits is always allowed, and cannot be undone by the process. */
  if (setrlimit (RLIMIT_CORE, &none) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Core dumps could not be turned off: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  if (rj_hygiene_portals_needed ())
    {
      g_debug ("In a sandbox, dialogs go through the desktop portal, which must be able to "
               "read /proc/%ld; the process stays dumpable, with a core size limit of 0",
               (long) getpid ());
      return TRUE;
    }

  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Core dumps could not be turned off: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * rj_hygiene_apply:
 * @runtime_dir: (nullable): where the private temporary folder goes, or %NULL for
 *   $XDG_RUNTIME_DIR
 * @error: return location for a #GError
 *
 * Turns core dumps off (see rj_hygiene_forbid_core_dumps()), then makes a private
 * temporary folder, 0700, under @runtime_dir, and points TMPDIR and SQLITE_TMPDIR at
 * it. When there is no runtime folder, or it cannot be used, the folder goes under
 * the user's cache folder instead, and a message says so.
 *
 * Call it first thing in main(), before anything calls g_get_tmp_dir() (which reads
 * TMPDIR once) and before SQLite is used; call rj_hygiene_cleanup() at the end.
 *
 * Returns: %TRUE if both are done
 */
gboolean
rj_hygiene_apply (const char  *runtime_dir,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *tmp_dir = NULL;
  const char *cache_dir;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (private_tmp_dir == NULL, FALSE);

  if (!rj_hygiene_forbid_core_dumps (error))
    return FALSE;

  if (runtime_dir == NULL)
    runtime_dir = g_getenv ("XDG_RUNTIME_DIR");

  if (runtime_dir != NULL && g_path_is_absolute (runtime_dir))
    {
      tmp_dir = make_private_tmp_dir (runtime_dir, &local_error);
      if (tmp_dir == NULL)
        g_message ("Temporary files go to the cache folder instead: %s", local_error->message);
    }
  else
    {
      g_message ("XDG_RUNTIME_DIR is not set: temporary files go to a private folder in "
                 "the cache folder, which may be on disk.");
    }

  if (tmp_dir == NULL)
    {
      cache_dir = g_get_user_cache_dir ();
      tmp_dir = make_private_tmp_dir (cache_dir, error);
      if (tmp_dir == NULL)
        return FALSE;
    }

  g_setenv ("TMPDIR", tmp_dir, TRUE);
  g_setenv ("SQLITE_TMPDIR", tmp_dir, TRUE);

  /* GLib reads TMPDIR once, the first time it is asked. */
  if (g_strcmp0 (g_get_tmp_dir (), tmp_dir) != 0)
    g_warning ("The temporary folder was asked for before it was made private: %s",
               g_get_tmp_dir ());

  g_debug ("Temporary files go to %s", tmp_dir);
  private_tmp_dir = g_steal_pointer (&tmp_dir);
  return TRUE;
}

/**
 * rj_hygiene_get_tmp_dir:
 *
 * Returns: (nullable): the private temporary folder, or %NULL before rj_hygiene_apply()
 *   and after rj_hygiene_cleanup()
 */
const char *
rj_hygiene_get_tmp_dir (void)
{
  return private_tmp_dir;
}

/**
 * rj_hygiene_cleanup:
 *
 * Removes the private temporary folder and everything in it. TMPDIR keeps naming it:
 * nothing should write there any more.
 */
void
rj_hygiene_cleanup (void)
{
  if (private_tmp_dir == NULL)
    return;

  remove_tree (private_tmp_dir);
  g_clear_pointer (&private_tmp_dir, g_free);
}
