/* rj-file.c: writing an export the client chose, and nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rj-file.h"

/* Makes @fd private (an existing file keeps its mode through O_TRUNC), writes all of
 * @data, syncs and closes @fd. On failure, *@saved_errno says why. */
static gboolean
write_sync_close (int fd,
                  const guint8 *data,
                  gsize len,
                  int *saved_errno)
{
  gsize written = 0;
  gboolean ok;

  ok = fchmod (fd, 0600) == 0;
  while (ok && written < len)
    {
      gssize n = write (fd, data + written, len - written);

      if (n < 0 && errno == EINTR)
        continue;
      ok = n > 0;
      if (ok)
        written += n;
    }
  if (ok)
    ok = fsync (fd) == 0;
  if (!ok)
    *saved_errno = errno;
  if (close (fd) != 0 && ok)
    {
      ok = FALSE;
      *saved_errno = errno;
    }
  return ok;
}

gboolean
rj_file_write_private (const char *path,
                       const guint8 *data,
                       gsize len,
                       GError **error)
{
  gboolean ok;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd >= 0)
    ok = write_sync_close (fd, data, len, &saved_errno);
  else
    {
      ok = FALSE;
      saved_errno = errno;
    }

  if (!ok)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("The file could not be saved: %s"), g_strerror (saved_errno));
  return ok;
}

static void
set_errno_error (GError **error,
                 int saved_errno,
                 const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("There is not enough free space on the disk to save “%s”. Free some space "
                   "and try again."), name);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("“%s” could not be saved: %s"), name, g_strerror (saved_errno));
}

char *
rj_file_write_beside (const char *path,
                      const guint8 *data,
                      gsize len,
                      GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  g_autofree char *tmp_path = NULL;
  gboolean ok;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, and in the same folder, so that the rename that follows cannot cross
   * file systems. */
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  tmp_path = g_build_filename (dir, tmp_name, NULL);

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  ok = write_sync_close (fd, data, len, &saved_errno);
  if (!ok)
    {
      g_unlink (tmp_path);
      set_errno_error (error, saved_errno != 0 ? saved_errno : EIO, path);
      return NULL;
    }
  return g_steal_pointer (&tmp_path);
}

gboolean
rj_file_sync_folder (const char *folder,
                     GError **error)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  /* Some file systems cannot sync a folder; the data itself is synced already. */
  if (saved_errno == EINVAL || saved_errno == EROFS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("The folder could not be synced to disk: %s"), g_strerror (saved_errno));
  return FALSE;
}

gboolean
rj_file_replace_private (const char *path,
                         const guint8 *data,
                         gsize len,
                         GError **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  tmp_path = rj_file_write_beside (path, data, len, error);
  if (tmp_path == NULL)
    return FALSE;
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      set_errno_error (error, saved_errno, path);
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  return rj_file_sync_folder (dir, error);
}
