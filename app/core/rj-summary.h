/* rj-summary.h: the one-page session summary, as numbers and lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the printed page shows for a period, computed from the journal: no GTK, no
 * drawing. "Not logged" is kept apart from zero everywhere (RJ_NOT_LOGGED, or a
 * count of the days that had a value). Private items never enter a summary: only
 * their count does.
 *
 * How the numbers are made:
 * - A day is logged when it has an entry. A day of use is one rj_entry_records_use()
 *   says so; a logged day without recorded use counts as sober (as in
 *   RjRecoveryStats), so "used: no" in a column means "none recorded on logged days".
 * - The day grid has one column per day up to 7 days. A longer period is cut into
 *   weeks counted from @first; when that gives more than 7 columns, each column takes
 *   as many whole weeks as keep the grid to 7 (60 days: five columns of 14 days). The
 *   last column ends on @last and may be shorter (a partial week): read first/last.
 *   A column's n_cravings counts the cravings of its logged days (0 on a logged day
 *   without any), peak and minutes only count logged intensities and durations.
 * - Top cravings: by intensity (not logged last), ties by date then time of day.
 * - Triggers and skills: most first, ties by label. A skill is "new since the last
 *   session" when no craving before @first used it.
 * - Lapses: one per day of use in the period, in date order.
 * - n_private_left_out counts each non-empty private text that the summary or its CSV
 *   would otherwise show: a craving's trigger words (every craving of the period), the
 *   amount / what happened / next time of a day of use, the lapse review's words of a
 *   day of use, each homework task from the last session (a private task is counted
 *   once, its note with it) and a public task's private note, wins and topics. The day's
 *   general notes are never on a summary, private or not, so they are not counted:
 *   the count tells the counsellor what the client chose to keep back from this page.
 * - Homework from last session: the tasks set in the entry of the last attended
 *   session before @first (rj_find_last_session(), up to 60 days back), with the
 *   state and note they have now. Private tasks are only counted.
 * - The weekly craving check: the latest check on or before @last (up to 35 days
 *   back), and the latest one of an earlier week (weeks start on Monday; up to 35
 *   days before the latest). Totals are sums of the answered questions. A self-check,
 *   not a diagnosis: the summary holds no cut-off and no verdict.
 */

#pragma once

#include <glib.h>

#include "rj-entry.h"
#include "rj-profile.h"
#include "rj-store.h"

G_BEGIN_DECLS

#define RJ_SUMMARY_MAX_COLUMNS 7    /* a longer period folds into weekly columns */
#define RJ_SUMMARY_TOP_CRAVINGS 5

/* One column of the day grid: a day, or a week of days when the period is long. */
typedef struct {
  GDate first;
  GDate last;                 /* == first for a day column */
  guint n_days_logged;        /* days in the column with an entry */
  int mood;                   /* mean, rounded; RJ_NOT_LOGGED if no day had one */
  int distress;               /* mean, rounded; or RJ_NOT_LOGGED */
  int sleep_minutes;          /* mean; or RJ_NOT_LOGGED */
  int n_cravings;             /* RJ_NOT_LOGGED when no day of the column was logged */
  int peak_intensity;         /* highest logged; RJ_NOT_LOGGED if none logged */
  int craving_minutes;        /* sum of logged durations; RJ_NOT_LOGGED if none */
  guint8 halt_yes;            /* RjHaltFlags answered yes on any day of the column */
  RjAnswer used;              /* YES if any day recorded use; NO if logged days had none */
} RjSummaryColumn;

typedef struct {
  char *skill_id;
  char *label;
  RjHelped helped;
} RjSummarySkillUse;

/* A craving as the page shows it; trigger words are NULL when they were private. */
typedef struct {
  GDate date;
  int time_minutes;
  int intensity;
  int duration_minutes;
  char *trigger_label;        /* NULL when not logged */
  char *trigger_words;        /* NULL when empty or private */
  guint8 halt_yes;
  GArray *skills;             /* of RjSummarySkillUse */
  RjOutcome outcome;
} RjSummaryCraving;

typedef struct {
  char *id;
  char *label;
  guint count;
} RjSummaryTriggerCount;

typedef struct {
  char *id;
  char *label;
  guint times_used;
  guint times_helped;         /* helped: yes */
  guint times_partly;         /* helped: partly */
  gboolean new_since_last_session;
} RjSummarySkillCount;

typedef struct {
  GDate date;
  char *substance_label;      /* NULL when not logged */
  char *amount;               /* NULL when empty or private */
  char *what_happened;        /* NULL when empty or private */
  char *next_time;            /* NULL when empty or private */
  /* The lapse review; sleep and HALT are the day's own, in the grid. */
  int stress;                 /* 0-10, or RJ_NOT_LOGGED */
  char *vulnerable;           /* NULL when empty or private */
  char *set_off;              /* NULL when empty or private */
  char *thoughts;             /* NULL when empty or private */
} RjSummaryLapse;

/* A homework task as the page shows it: never a private one. */
typedef struct {
  char *task;                 /* NULL when nothing was written */
  RjHomeworkState state;
  char *how_it_went;          /* NULL when empty or private */
} RjSummaryHomework;

/* One weekly craving check. */
typedef struct {
  GDate date;                 /* invalid when there was no check */
  int total;                  /* sum of the answered questions; RJ_NOT_LOGGED if none */
  guint n_answered;           /* of RJ_WEEKLY_N_QUESTIONS */
} RjSummaryWeekly;

typedef struct {
  GDate date;
  char *text;
} RjSummaryNote;

typedef struct {
  /* The period and where it came from. */
  GDate first;
  GDate last;
  guint n_days;               /* days in the period */
  guint n_days_logged;        /* "entries on N of M days" */
  gboolean since_last_session;/* the period starts the day after an attended session
                               * (rj_attended_session() on the day before @first) */
  GDate last_session;         /* valid when since_last_session */
  char *client_name;          /* NULL when not set */

  /* Status. */
  guint n_use_days;           /* days in the period with use recorded */
  GDate last_use;             /* latest use in the whole journal up to @last; invalid if none */
  int days_since_last_use;    /* as RjRecoveryStats, up to @last; -1 if unknown */
  int sober_days_total;       /* as RjRecoveryStats; -1 if unknown */
  guint sober_days_in_period; /* logged days without use */
  guint medication_yes;       /* days with medication taken */
  guint medication_logged;    /* days with medication answered */
  int meetings;               /* sum; RJ_NOT_LOGGED if no day logged it */
  int support_calls;          /* sum; RJ_NOT_LOGGED if no day logged it */
  guint n_cravings;

  /* The day grid. */
  GArray *columns;            /* of RjSummaryColumn, at most RJ_SUMMARY_MAX_COLUMNS */
  gboolean columns_are_weeks;
  guint column_days;          /* 1 for day columns; else 7, or a multiple of 7 when the
                               * period is longer than 7 weeks (see below) */

  /* The strongest cravings, by intensity, then the ones not shown. */
  GPtrArray *top_cravings;    /* of RjSummaryCraving*, at most RJ_SUMMARY_TOP_CRAVINGS */
  guint n_more_cravings;

  GPtrArray *triggers;        /* of RjSummaryTriggerCount*, most first */
  GPtrArray *skills;          /* of RjSummarySkillCount*, most used first */
  GPtrArray *lapses;          /* of RjSummaryLapse*, in date order */
  GPtrArray *wins;            /* of RjSummaryNote*, in date order, private ones left out */
  GPtrArray *topics;          /* of RjSummaryNote*, in date order, private ones left out */
  guint n_private_left_out;   /* free-text items left out because they are private */

  /* Homework from the last session. */
  GDate homework_set_on;      /* the session day; invalid when no homework was set */
  GPtrArray *homework;        /* of RjSummaryHomework*, in the order set, not private */
  guint n_homework_private;   /* private tasks, counted only */
  guint n_homework_done;      /* of all tasks, private ones included */
  guint n_homework_total;

  /* The weekly craving check: the latest, and the one of the week before it. */
  RjSummaryWeekly weekly_latest;
  RjSummaryWeekly weekly_previous;

  /*< private >*/
  gatomicrefcount ref_count;
} RjSummary;

#define RJ_TYPE_SUMMARY (rj_summary_get_type ())

GType       rj_summary_get_type            (void) G_GNUC_CONST;
RjSummary  *rj_summary_ref                 (RjSummary *self);
void        rj_summary_unref               (RjSummary *self);

/* The period since the last attended session: from the day after it up to @today (or
 * the last 7 days when there is none in the last 60). A session on @today itself is
 * not the last one: the page is printed for it. */
void        rj_summary_default_period      (RjStore *store,
                                            const RjProfile *profile,
                                            const GDate *today,
                                            GDate *first,
                                            GDate *last,
                                            gboolean *since_last_session);

/* Computes the summary of [@first, @last] from the unlocked @store. */
RjSummary  *rj_summary_compute             (RjStore *store,
                                            const RjProfile *profile,
                                            const GDate *first,
                                            const GDate *last) G_GNUC_WARN_UNUSED_RESULT;

/* The period's data as CSV: one row per day, then one row per craving; private text
 * left out. Written straight to @stream (the file the client chose), never to a
 * temporary file.
 *
 * RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled. A header row, then a row for every day of the period (a day not logged
 * has only its date; every value not logged is an empty cell): date (YYYY-MM-DD),
 * mood, distress, sleep hours (to the tenth), HALT (letters answered yes, "none" when
 * answered without a yes), cravings, peak intensity, craving minutes, used, medication
 * ("yes"/"no"), meetings, support calls. Then an empty line, a second header row and
 * a row for every craving in the order logged: date, time (HH:MM), intensity, minutes,
 * trigger, trigger words (empty when private), HALT, coping skills ("Walk (helped);
 * Call (partly)"), outcome ("rode it out"/"used"). */
gboolean    rj_summary_write_csv           (RjStore *store,
                                            const RjProfile *profile,
                                            const GDate *first,
                                            const GDate *last,
                                            GOutputStream *stream,
                                            GCancellable *cancellable,
                                            GError **error);

/* A homework task still open, for the check-in of the days after its session. The
 * task is a copy: to tick it off, change it in the entry of @set_on and save that. */
typedef struct {
  GDate set_on;
  RjHomework *homework;
} RjOpenHomework;

/* The open tasks set on the days from @max_days before @today up to the day before
 * it, oldest session first and in the order set; private tasks included (the
 * check-in is the client's own screen). An array of RjOpenHomework*. */
GPtrArray  *rj_summary_dup_open_homework   (RjStore *store,
                                            const GDate *today,
                                            guint max_days) G_GNUC_WARN_UNUSED_RESULT;
void        rj_open_homework_free          (RjOpenHomework *open);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjSummary, rj_summary_unref)

G_END_DECLS
