/* rj-test-util.h: what the core tests share: temporary journals, full entries, file scans.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "rj-codec.h"
#include "rj-crypto.h"
#include "rj-demo.h"
#include "rj-entry.h"
#include "rj-profile.h"
#include "rj-store.h"

G_BEGIN_DECLS

#define RJ_TEST_PASSPHRASE "correct horse battery staple"

/* A temporary folder, made with g_dir_make_tmp() and removed with everything in it. */
char      *rj_test_make_tmp_dir        (const char *name_template);
void       rj_test_remove_tree         (const char *path);

/* Makes a journal at @path with cheap Argon2 parameters and leaves it unlocked. */
RjStore   *rj_test_create_store        (const char *path,
                                        const char *passphrase,
                                        char **recovery_code_out);
/* A new RjStore on @path, unlocked with @passphrase; fails the test if it does not open. */
RjStore   *rj_test_open_store          (const char *path,
                                        const char *passphrase);

/* The fields that rj_test_entry_full() and rj_test_profile_full() fill: each text holds
 * "<marker>-<field>". NULL-terminated. */
extern const char *const rj_test_entry_fields[];
extern const char *const rj_test_profile_fields[];
/* The texts of the after-session notes, the lapse review and the homework, kept apart
 * from rj_test_entry_fields because the search does not index them yet. */
extern const char *const rj_test_entry_loop_fields[];

/* An entry with every field logged, every text holding @marker (so that a scan can
 * look for it), and edge values: intensity 0 and 10, midnight, a 0-minute craving. */
RjEntry   *rj_test_entry_full          (const GDate *date,
                                        const char *marker);
/* The same, with zeros wherever zero means something different from "not logged". */
RjEntry   *rj_test_entry_zeros         (const GDate *date);
/* A profile with every field set, every text holding @marker. */
RjProfile *rj_test_profile_full        (const char *marker);

/* Asserts that @store holds exactly @expected (a hash of julian day → RjEntry*). */
void       rj_test_assert_entries      (RjStore *store,
                                        GHashTable *expected);

gboolean   rj_test_contains            (const guint8 *haystack,
                                        gsize haystack_len,
                                        const guint8 *needle,
                                        gsize needle_len);

/* Every regular file under @dir, recursively (full paths). */
GPtrArray *rj_test_list_files          (const char *dir);
/* Returns the first file under @dir that contains @needle, or NULL. */
char      *rj_test_find_in_tree        (const char *dir,
                                        const guint8 *needle,
                                        gsize needle_len) G_GNUC_WARN_UNUSED_RESULT;

/* Raw SQLite access, for what an attacker (or a crash) does to the file. */
sqlite3   *rj_test_sqlite_open         (const char *path);
sqlite3   *rj_test_sqlite_open_create  (const char *path);
void       rj_test_sqlite_exec         (sqlite3 *db,
                                        const char *sql);
char      *rj_test_sqlite_integrity    (const char *path) G_GNUC_WARN_UNUSED_RESULT;

void       rj_test_copy_file           (const char *from,
                                        const char *to);

/* For the benchmarks: a journal at @path (cheap Argon2, unlocked) filled by
 * rj_demo_fill() with @n_days days from @seed, ending on @now's day, which is set in
 * @last_day; fails the run if it cannot be made. */
RjStore   *rj_test_create_demo_store   (const char *path,
                                        guint n_days,
                                        guint32 seed,
                                        GDateTime *now,
                                        GDate *last_day);
/* The median of @n timings (sorts @values); seconds since a g_get_monotonic_time(). */
double     rj_test_median              (double *values,
                                        guint n);
double     rj_test_seconds_since       (gint64 start);

void       rj_test_init                (int *argc,
                                        char ***argv);

G_END_DECLS
