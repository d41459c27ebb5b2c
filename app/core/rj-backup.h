/* rj-backup.h: encrypted backups of the journal, and restoring them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A backup is one file: a header that holds the journal's key slots, then a libsodium
 * secretstream under a subkey of the journal's master key. Only the passphrase or the
 * recovery code the journal had when the backup was made opens it.
 *
 * Restoring goes in steps, each of which may fail without changing anything:
 *   rj_backup_open()    reads and checks the header; needs no secret;
 *   rj_backup_unlock()  opens a key slot with the passphrase or the recovery code;
 *   rj_backup_verify()  decrypts the whole backup into a new file beside the journal
 *                       and checks that database (nothing is replaced yet);
 *   rj_backup_install() keeps the current journal as a dated copy and puts the
 *                       verified one in its place.
 *
 * Errors: what is wrong with a backup or the secret given is RJ_BACKUP_ERROR. A full
 * disk is RJ_STORE_ERROR_DISK_FULL, whether writing a backup or the checked copy; a
 * locked store or a backup not yet unlocked is RJ_STORE_ERROR_LOCKED; a journal still
 * open when installing is RJ_STORE_ERROR_BUSY; install before verify is
 * RJ_STORE_ERROR_INVALID. Other errors reading or writing files are G_IO_ERROR. Every
 * message can be shown as it is.
 */

#pragma once

#include <gio/gio.h>

#include "rj-store.h"

G_BEGIN_DECLS

#define RJ_BACKUP_ERROR (rj_backup_error_quark ())

typedef enum {
  RJ_BACKUP_ERROR_NOT_A_BACKUP,
  RJ_BACKUP_ERROR_NEWER_FORMAT,
  RJ_BACKUP_ERROR_DAMAGED,
  RJ_BACKUP_ERROR_WRONG_PASSPHRASE,
  RJ_BACKUP_ERROR_WRONG_RECOVERY_CODE,
} RjBackupError;

/* The file name extension of backups, without the dot. */
#define RJ_BACKUP_EXTENSION "rjbackup"

GQuark      rj_backup_error_quark            (void);

/* Writing. The store must be unlocked; every write asked for before is included. The
 * file is written beside @path under a temporary name, synced, then renamed, so that
 * @path holds either its old content or a whole backup. Mode 0600. */
gboolean    rj_store_write_backup            (RjStore *store,
                                              const char *path,
                                              GError **error);
void        rj_store_write_backup_async      (RjStore *store,
                                              const char *path,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer user_data);
gboolean    rj_store_write_backup_finish     (RjStore *store,
                                              GAsyncResult *result,
                                              GError **error);

/* Writes "Recovery Journal backup YYYY-MM-DD HHMMSS.rjbackup" into @folder, which must
 * exist (a missing folder may be a drive not plugged in: G_IO_ERROR_NOT_FOUND), then
 * deletes the oldest of the backups there that this function named, so that @keep of
 * them are left. Other files in @folder are never touched. Returns the new backup's
 * path. It runs on the calling thread, before the journal locks: a thread of its own
 * could find the keys already wiped. */
char       *rj_backup_write_to_folder        (RjStore *store,
                                              const char *folder,
                                              guint keep,
                                              GError **error) G_GNUC_WARN_UNUSED_RESULT;

/* Reading and restoring. An RjBackup is used from one thread at a time, and is not
 * freed while one of its _async calls runs. Freeing it deletes a checked copy that
 * was not installed, and wipes its keys. Cancellables are accepted for the usual
 * shape of the API; a call that has started runs to its end. */
typedef struct _RjBackup RjBackup;

RjBackup   *rj_backup_open                   (const char *path,
                                              GError **error) G_GNUC_WARN_UNUSED_RESULT;
void        rj_backup_free                   (RjBackup *backup);
const char *rj_backup_get_path               (RjBackup *backup);

/* Derives the key from the header's slot: slow for a passphrase (Argon2id with the
 * journal's parameters), so use the async form from the UI. */
gboolean    rj_backup_unlock                 (RjBackup *backup,
                                              const char *secret,
                                              gboolean is_recovery_code,
                                              GError **error);
void        rj_backup_unlock_async           (RjBackup *backup,
                                              const char *secret,
                                              gboolean is_recovery_code,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer user_data);
gboolean    rj_backup_unlock_finish          (RjBackup *backup,
                                              GAsyncResult *result,
                                              GError **error);
gboolean    rj_backup_is_unlocked            (RjBackup *backup);

/* Decrypts the whole backup into a new private file in the folder of @journal_path
 * and checks it as a journal: SQLite's integrity check, the format, and that every
 * record opens. Needs rj_backup_unlock(). Replaces nothing. */
gboolean    rj_backup_verify                 (RjBackup *backup,
                                              const char *journal_path,
                                              GError **error);
void        rj_backup_verify_async           (RjBackup *backup,
                                              const char *journal_path,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer user_data);
gboolean    rj_backup_verify_finish          (RjBackup *backup,
                                              GAsyncResult *result,
                                              GError **error);
gboolean    rj_backup_is_verified            (RjBackup *backup);

/* What the backup holds; known after rj_backup_unlock() (from the backup's own
 * description) and confirmed by rj_backup_verify(). */
GDateTime  *rj_backup_get_created            (RjBackup *backup);
guint       rj_backup_get_n_entries          (RjBackup *backup);
const char *rj_backup_get_app_version        (RjBackup *backup);

/* Puts the verified journal at @journal_path (the same path given to verify). A
 * journal already there is first renamed to "<name> before restore YYYY-MM-DD
 * HHMMSS.<ext>" beside it, with its -wal file, and that path is returned in
 * @previous_copy_out (NULL when there was none). Nothing is deleted.
 *
 * No RjStore may have @journal_path unlocked: lock it first (rj_store_lock()), and
 * unlock it again afterwards with the backup's passphrase. A journal that is still
 * open (here or in another process) gives RJ_STORE_ERROR_BUSY and nothing changes. */
gboolean    rj_backup_install                (RjBackup *backup,
                                              const char *journal_path,
                                              char **previous_copy_out,
                                              GError **error);

/* Deletes what a verify that never finished (the app crashed or was killed) left
 * beside @journal_path: the hidden files ".<journal> restoring.XXXXXX" and SQLite's
 * -wal, -shm and -journal files beside them. Nothing else is touched, nor the copy of
 * a verify of this process that is running or not yet installed. Called by
 * rj_backup_verify() and when a journal is unlocked. Returns how many were deleted. */
guint       rj_backup_remove_leftovers       (const char *journal_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjBackup, rj_backup_free)

G_END_DECLS
