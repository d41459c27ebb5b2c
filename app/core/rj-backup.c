/* rj-backup.c: encrypted backups of the journal, and restoring them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FIRST COMMIT: the API only, so that the UI can be built against it. Every function
 * below fails with G_IO_ERROR_NOT_SUPPORTED until the implementation lands.
 */

#define G_LOG_DOMAIN "rj-backup"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rj-backup.h"

struct _RjBackup
{
  char *path;
};

G_DEFINE_QUARK (rj-backup-error-quark, rj_backup_error)

static gboolean
not_yet (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Backups are not written yet");
  return FALSE;
}

static void
report_not_yet (gpointer source,
                gpointer tag,
                GCancellable *cancellable,
                GAsyncReadyCallback callback,
                gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "Backups are not written yet");
}

gboolean
rj_store_write_backup (RjStore *store, const char *path, GError **error)
{
  return not_yet (error);
}

void
rj_store_write_backup_async (RjStore *store, const char *path, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  report_not_yet (store, rj_store_write_backup_async, cancellable, callback, user_data);
}

gboolean
rj_store_write_backup_finish (RjStore *store, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
rj_backup_write_to_folder (RjStore *store, const char *folder, guint keep, GError **error)
{
  not_yet (error);
  return NULL;
}

void
rj_backup_write_to_folder_async (RjStore *store, const char *folder, guint keep,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  report_not_yet (store, rj_backup_write_to_folder_async, cancellable, callback, user_data);
}

char *
rj_backup_write_to_folder_finish (RjStore *store, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

RjBackup *
rj_backup_open (const char *path, GError **error)
{
  not_yet (error);
  return NULL;
}

void
rj_backup_free (RjBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_free (backup);
}

const char *
rj_backup_get_path (RjBackup *backup)
{
  return backup->path;
}

gboolean
rj_backup_unlock (RjBackup *backup, const char *secret, gboolean is_recovery_code, GError **error)
{
  return not_yet (error);
}

void
rj_backup_unlock_async (RjBackup *backup, const char *secret, gboolean is_recovery_code,
                        GCancellable *cancellable, GAsyncReadyCallback callback,
                        gpointer user_data)
{
  report_not_yet (NULL, rj_backup_unlock_async, cancellable, callback, user_data);
}

gboolean
rj_backup_unlock_finish (RjBackup *backup, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
rj_backup_is_unlocked (RjBackup *backup)
{
  return FALSE;
}

gboolean
rj_backup_verify (RjBackup *backup, const char *journal_path, GError **error)
{
  return not_yet (error);
}

void
rj_backup_verify_async (RjBackup *backup, const char *journal_path, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  report_not_yet (NULL, rj_backup_verify_async, cancellable, callback, user_data);
}

gboolean
rj_backup_verify_finish (RjBackup *backup, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
rj_backup_is_verified (RjBackup *backup)
{
  return FALSE;
}

GDateTime *
rj_backup_get_created (RjBackup *backup)
{
  return NULL;
}

guint
rj_backup_get_n_entries (RjBackup *backup)
{
  return 0;
}

const char *
rj_backup_get_app_version (RjBackup *backup)
{
  return NULL;
}

gboolean
rj_backup_install (RjBackup *backup, const char *journal_path, char **previous_copy_out,
                   GError **error)
{
  return not_yet (error);
}
