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

gboolean
rj_file_write_private (const char *path,
                       const guint8 *data,
                       gsize len,
                       GError **error)
{
  gsize written = 0;
  gboolean ok;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  /* An existing file keeps its mode through O_TRUNC: make it private too. */
  ok = fd >= 0 && fchmod (fd, 0600) == 0;
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
    saved_errno = errno;
  if (fd >= 0 && close (fd) != 0 && ok)
    {
      ok = FALSE;
      saved_errno = errno;
    }

  if (!ok)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("The file could not be saved: %s"), g_strerror (saved_errno));
  return ok;
}
