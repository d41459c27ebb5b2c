/* rj-heap-scan.h: looks for secrets in the test process's own writable memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A secret to look for, kept only XOR-masked with a random pad, so that the scan never
 * finds the test's own copy; it is compared by unmasking one byte at a time. */
typedef struct _RjNeedle RjNeedle;

RjNeedle   *rj_needle_new        (const char *label,
                                  const void *secret,
                                  gsize len) G_GNUC_WARN_UNUSED_RESULT;
void        rj_needle_free       (RjNeedle *needle);
const char *rj_needle_get_label  (const RjNeedle *needle);

/* Counts the copies of @needle in every readable, writable, private mapping of this
 * process: the heap, anonymous mappings, thread stacks, libraries' data. Each mapping
 * is read through /proc/self/mem, so that one unmapped meanwhile does no harm. When
 * @where is given, a line per copy says where it was found. */
guint       rj_heap_scan_count   (const RjNeedle *needle,
                                  GString *where);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjNeedle, rj_needle_free)

G_END_DECLS
