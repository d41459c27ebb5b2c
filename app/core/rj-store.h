/* rj-store.h: the encrypted journal file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rj-crypto.h"
#include "rj-entry.h"
#include "rj-profile.h"

G_BEGIN_DECLS

#define RJ_STORE_ERROR (rj_store_error_quark ())

typedef enum {
  RJ_STORE_ERROR_WRONG_PASSPHRASE,
  RJ_STORE_ERROR_WRONG_RECOVERY_CODE,
  RJ_STORE_ERROR_NOT_A_JOURNAL,
  RJ_STORE_ERROR_NEWER_FORMAT,
  RJ_STORE_ERROR_NOT_FOUND,
  RJ_STORE_ERROR_EXISTS,
  RJ_STORE_ERROR_LOCKED,
  RJ_STORE_ERROR_DAMAGED,
  RJ_STORE_ERROR_DISK_FULL,
  RJ_STORE_ERROR_NO_MEMORY,
  RJ_STORE_ERROR_IO,
  RJ_STORE_ERROR_BUSY,
  RJ_STORE_ERROR_INVALID,
} RjStoreError;

/* The file format, bound into every record; and the schema, which migrates. */
#define RJ_FORMAT_VERSION 1
#define RJ_SCHEMA_VERSION 1

/* Kinds of records. Written into the file beside each record and bound into it. */
typedef enum {
  RJ_RECORD_ENTRY = 1,
  RJ_RECORD_PROFILE = 2,
} RjRecordKind;

#define RJ_TYPE_STORE (rj_store_get_type ())

G_DECLARE_FINAL_TYPE (RjStore, rj_store, RJ, STORE, GObject)

GQuark      rj_store_error_quark              (void);

char       *rj_store_default_path             (void) G_GNUC_WARN_UNUSED_RESULT;
RjStore    *rj_store_new                      (const char *path) G_GNUC_WARN_UNUSED_RESULT;
const char *rj_store_get_path                 (RjStore *self);
gboolean    rj_store_exists                   (RjStore *self);
gboolean    rj_store_is_unlocked              (RjStore *self);

/* Creating and unlocking. On success the store is unlocked. @recovery_code_out
 * receives the formatted code to show the client once. */
gboolean    rj_store_create                   (RjStore *self,
                                               const char *passphrase,
                                               const RjKdfParams *params,
                                               char **recovery_code_out,
                                               GError **error);
gboolean    rj_store_unlock                   (RjStore *self,
                                               const char *passphrase,
                                               gsize passphrase_len,
                                               GError **error);
gboolean    rj_store_unlock_with_recovery_code (RjStore *self,
                                               const char *code,
                                               GError **error);
gboolean    rj_store_lock                     (RjStore *self,
                                               GError **error);

void        rj_store_create_async             (RjStore *self,
                                               const char *passphrase,
                                               const RjKdfParams *params,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data);
gboolean    rj_store_create_finish            (RjStore *self,
                                               GAsyncResult *result,
                                               char **recovery_code_out,
                                               GError **error);
/* Unlocks with a passphrase or, when @is_recovery_code, with the recovery code. */
void        rj_store_unlock_async             (RjStore *self,
                                               const char *secret,
                                               gboolean is_recovery_code,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data);
gboolean    rj_store_unlock_finish            (RjStore *self,
                                               GAsyncResult *result,
                                               GError **error);

/* Re-wraps the master key; both need an unlocked store. */
gboolean    rj_store_change_passphrase        (RjStore *self,
                                               const char *new_passphrase,
                                               const RjKdfParams *params,
                                               GError **error);
void        rj_store_change_passphrase_async  (RjStore *self,
                                               const char *new_passphrase,
                                               const RjKdfParams *params,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data);
gboolean    rj_store_change_passphrase_finish (RjStore *self,
                                               GAsyncResult *result,
                                               GError **error);
char       *rj_store_new_recovery_code        (RjStore *self,
                                               GError **error) G_GNUC_WARN_UNUSED_RESULT;
const RjKdfParams *rj_store_get_kdf_params    (RjStore *self);

/* Reading: the journal is decrypted into memory on unlock; these return copies. */
RjEntry    *rj_store_dup_entry                (RjStore *self,
                                               const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *rj_store_dup_entries              (RjStore *self,
                                               const GDate *first,
                                               const GDate *last) G_GNUC_WARN_UNUSED_RESULT;
GArray     *rj_store_list_days                (RjStore *self) G_GNUC_WARN_UNUSED_RESULT;
/* Calls @func on each entry from @first to @last (either may be NULL: no bound), in
 * date order, without copying. @func must not call back into the store. Returning
 * FALSE from @func stops the walk; @reverse walks from @last back to @first. */
typedef gboolean (*RjEntryFunc) (const RjEntry *entry,
                                 gpointer user_data);
void        rj_store_foreach_entry            (RjStore *self,
                                               const GDate *first,
                                               const GDate *last,
                                               gboolean reverse,
                                               RjEntryFunc func,
                                               gpointer user_data);
guint       rj_store_get_n_entries            (RjStore *self);
RjProfile  *rj_store_dup_profile              (RjStore *self) G_GNUC_WARN_UNUSED_RESULT;
guint       rj_store_get_n_damaged            (RjStore *self);

/* Writing: stored and synced before these return. An empty entry is deleted. Every
 * entry saved or deleted, here or with the async calls below, emits "entry-changed"
 * (a GDate) in the calling thread once the journal in memory holds it; every profile
 * saved, "profile-changed". */
gboolean    rj_store_save_entry               (RjStore *self,
                                               const RjEntry *entry,
                                               GError **error);
gboolean    rj_store_delete_entry             (RjStore *self,
                                               const GDate *date,
                                               GError **error);
gboolean    rj_store_save_profile             (RjStore *self,
                                               const RjProfile *profile,
                                               GError **error);

/* The same off the calling thread. Writes are applied in the order they were asked
 * for; what rj_store_dup_entry() returns reflects a write as soon as it is asked for. */
void        rj_store_save_entry_async         (RjStore *self,
                                               const RjEntry *entry,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data);
gboolean    rj_store_save_entry_finish        (RjStore *self,
                                               GAsyncResult *result,
                                               GError **error);
void        rj_store_save_profile_async       (RjStore *self,
                                               const RjProfile *profile,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data);
gboolean    rj_store_save_profile_finish      (RjStore *self,
                                               GAsyncResult *result,
                                               GError **error);
/* Blocks until every write asked for so far has been stored. */
void        rj_store_flush                    (RjStore *self);

/* For backups (rj-backup.c). A subkey of the master key; the contexts "RJrecord" and
 * "RJdaytag" are the store's own. */
RjKey      *rj_store_derive_subkey            (RjStore *self,
                                               guint64 subkey_id,
                                               const char context[8],
                                               GError **error) G_GNUC_WARN_UNUSED_RESULT;
/* After every queued write is stored, and with no write in between: an image of the
 * database file (records still encrypted), the key slots as stored, and the number of
 * entries. */
gboolean    rj_store_snapshot                 (RjStore *self,
                                               GBytes **image_out,
                                               GBytes **passphrase_slot_out,
                                               GBytes **recovery_slot_out,
                                               guint *n_entries_out,
                                               GError **error);
/* Unlocks with the master key itself, as a restored backup is checked. */
gboolean    rj_store_unlock_with_master_key   (RjStore *self,
                                               const RjKey *master,
                                               GError **error);

G_END_DECLS
