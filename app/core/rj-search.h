/* rj-search.h: finding days again by what was written on them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rj-store.h"

G_BEGIN_DECLS

/* Where on the day a piece of text was written. */
typedef enum {
  RJ_SEARCH_FIELD_NOTES,
  RJ_SEARCH_FIELD_CRAVING,        /* a craving's own words about what set it off */
  RJ_SEARCH_FIELD_WIN,
  RJ_SEARCH_FIELD_TOPIC,          /* what I want to talk about in group */
  RJ_SEARCH_FIELD_USE_AMOUNT,
  RJ_SEARCH_FIELD_USE_WHAT_HAPPENED,
  RJ_SEARCH_FIELD_USE_NEXT_TIME,
  RJ_SEARCH_FIELD_TRIGGER,        /* the name of a craving's trigger, from the client's
                                   * list of triggers */
  RJ_SEARCH_FIELD_SESSION_KEEP,   /* after the session: what I want to keep */
  RJ_SEARCH_FIELD_HOMEWORK,       /* a homework task, as it was set */
  RJ_SEARCH_FIELD_HOMEWORK_HOW_IT_WENT, /* the client's word on how a task went */
  RJ_SEARCH_FIELD_REVIEW_VULNERABLE, /* looking back at a lapse: what made me vulnerable */
  RJ_SEARCH_FIELD_REVIEW_SET_OFF, /* looking back at a lapse: what set it off */
  RJ_SEARCH_FIELD_REVIEW_THOUGHTS,/* looking back at a lapse: thoughts and feelings */
} RjSearchField;

/* A matched word in a snippet, as byte offsets into it: [start, end). */
typedef struct {
  guint start;
  guint end;
} RjSearchRange;

/* One field of a day where a searched word was found. */
typedef struct {
  RjSearchField field;
  gboolean is_private;
  char *snippet;            /* the original text around the first match, cut at word
                             * boundaries, with "…" where it was cut */
  GArray *ranges;           /* of RjSearchRange, in order, never overlapping */
} RjSearchMatch;

void        rj_search_match_free          (RjSearchMatch *match);

/* The days that a query found, newest first. Their matches are worked out only when
 * asked for, so that a query that finds thousands of days stays quick. Holds decrypted
 * text: wiped when the last reference goes. */
typedef struct _RjSearchResults RjSearchResults;

#define RJ_TYPE_SEARCH_RESULTS (rj_search_results_get_type ())

GType            rj_search_results_get_type     (void) G_GNUC_CONST;
RjSearchResults *rj_search_results_ref          (RjSearchResults *self);
void             rj_search_results_unref        (RjSearchResults *self);
guint            rj_search_results_get_n_days   (RjSearchResults *self);
void             rj_search_results_get_date     (RjSearchResults *self,
                                                 guint index,
                                                 GDate *date_out);
/* The fields of day @index where a word was found, in the order the check-in shows
 * them: of RjSearchMatch. */
GPtrArray       *rj_search_results_dup_matches  (RjSearchResults *self,
                                                 guint index) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjSearchResults, rj_search_results_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjSearchMatch, rj_search_match_free)

/* Folded text of every entry of an unlocked store, kept in memory only (never on disk),
 * built on the first query, kept up to date as entries are saved, and wiped when the
 * journal locks. Use it from one thread: the one that saves entries. */
#define RJ_TYPE_SEARCH_INDEX (rj_search_index_get_type ())

G_DECLARE_FINAL_TYPE (RjSearchIndex, rj_search_index, RJ, SEARCH_INDEX, GObject)

RjSearchIndex   *rj_search_index_new            (RjStore *store) G_GNUC_WARN_UNUSED_RESULT;
/* Builds the index now if it is not built yet; the first query would otherwise. */
void             rj_search_index_build          (RjSearchIndex *self);
/* Wipes and frees what the index holds; the next query builds it again. */
void             rj_search_index_clear          (RjSearchIndex *self);
/* How many days the index holds; 0 before it is built. */
guint            rj_search_index_get_n_days     (RjSearchIndex *self);

/* The days on which every word of @query appears, in any of the day's texts. Case and
 * accents are ignored both ways ("cafe" finds "Café", "café" finds "cafe"), and each
 * word is matched anywhere within a word, so that a word half typed already finds.
 * Never NULL: an empty query, or a locked journal, finds nothing. */
RjSearchResults *rj_search_index_query          (RjSearchIndex *self,
                                                 const char *query) G_GNUC_WARN_UNUSED_RESULT;

/* The text folded as the index folds it: lower case, without accents, compatibility
 * forms (ligatures, full-width letters) to their plain letters, "ß" as "ss". */
char            *rj_search_fold                 (const char *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
