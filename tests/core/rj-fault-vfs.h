/* rj-fault-vfs.h: a SQLite VFS over the default one that fails writes on demand, to
 * show what a full disk or a failing drive does to the journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which calls of a file fail once the VFS is armed. */
typedef enum {
  RJ_FAULT_WRITE    = 1 << 0,
  RJ_FAULT_SYNC     = 1 << 1,
  RJ_FAULT_TRUNCATE = 1 << 2,
} RjFaultOps;

#define RJ_FAULT_ALL (RJ_FAULT_WRITE | RJ_FAULT_SYNC | RJ_FAULT_TRUNCATE)

/* Registers the VFS as SQLite's default; files opened before keep the old one. */
void  rj_fault_vfs_register     (void);

/* From now on, the calls in @ops succeed @n_ok more times, then every one of them fails
 * with @sqlite_code (SQLITE_FULL, SQLITE_IOERR_WRITE, ...) until disarmed: a disk that
 * is full stays full. */
void  rj_fault_vfs_arm          (RjFaultOps ops,
                                 int sqlite_code,
                                 guint n_ok);
void  rj_fault_vfs_disarm       (void);

/* Calls in the armed @ops seen since arming, failed or not; and those that failed. */
guint rj_fault_vfs_get_n_calls  (void);
guint rj_fault_vfs_get_n_failed (void);

G_END_DECLS
