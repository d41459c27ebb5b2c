/* rj-entry.h: one day of the journal, as the client logged it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every number a client can log has a "not logged" state that is distinct from zero. */
#define RJ_NOT_LOGGED (-1)

#define RJ_SCALE_MAX 10            /* mood, distress, craving intensity: 0-10 */
#define RJ_MAX_TEXT_BYTES (256 * 1024)
#define RJ_MAX_ITEMS 1000          /* cravings, wins, topics, skills per craving */
#define RJ_MAX_ID_BYTES 64

/* A yes/no answer that may also not have been given. */
typedef enum {
  RJ_ANSWER_NOT_LOGGED = 0,
  RJ_ANSWER_NO = 1,
  RJ_ANSWER_YES = 2,
} RjAnswer;

typedef enum {
  RJ_HALT_HUNGRY = 1 << 0,
  RJ_HALT_ANGRY = 1 << 1,
  RJ_HALT_LONELY = 1 << 2,
  RJ_HALT_TIRED = 1 << 3,
} RjHaltFlags;

#define RJ_HALT_ALL (RJ_HALT_HUNGRY | RJ_HALT_ANGRY | RJ_HALT_LONELY | RJ_HALT_TIRED)

/* HALT is four separate answers: @answered says which letters were answered at all,
 * @yes which of those were "yes". A letter in @yes is always in @answered. */
typedef struct {
  guint8 answered;
  guint8 yes;
} RjHalt;

typedef enum {
  RJ_HELPED_NOT_LOGGED = 0,
  RJ_HELPED_YES = 1,
  RJ_HELPED_PARTLY = 2,
  RJ_HELPED_NO = 3,
} RjHelped;

typedef enum {
  RJ_OUTCOME_NOT_LOGGED = 0,
  RJ_OUTCOME_RODE_IT_OUT = 1,
  RJ_OUTCOME_USED = 2,
} RjOutcome;

/* A piece of free text, and whether the client wants it kept off every printout. */
typedef struct {
  char *text;        /* NULL or "" when empty */
  gboolean is_private;
} RjNote;

typedef struct {
  char *skill_id;    /* an id from RjProfile.skills */
  RjHelped helped;
} RjSkillUse;

typedef struct {
  char *id;                 /* stable within the day, for editing and undo */
  int time_minutes;         /* minutes after midnight, or RJ_NOT_LOGGED */
  int intensity;            /* 0-10, or RJ_NOT_LOGGED */
  int duration_minutes;     /* or RJ_NOT_LOGGED */
  char *trigger_id;         /* an id from RjProfile.triggers, or NULL */
  RjNote trigger_words;
  RjHalt halt;
  GArray *skills;           /* of RjSkillUse */
  RjOutcome outcome;
} RjCraving;

/* Use or a lapse on the day, recorded in neutral words. */
typedef struct {
  RjAnswer used;
  char *substance_id;       /* an id from RjProfile.substances, or NULL */
  RjNote amount;
  RjNote what_happened;
  RjNote next_time;
} RjUse;

typedef enum {
  RJ_HOMEWORK_OPEN = 0,
  RJ_HOMEWORK_DONE = 1,
} RjHomeworkState;

#define RJ_MAX_HOMEWORK 100       /* tasks set on one session day */

/* A task from a session. It lives in the entry of the day it was set: ticking it off
 * or noting how it went later changes that entry, so the task keeps one home. */
typedef struct {
  char *id;                 /* stable, for editing and for the next days' check-ins */
  RjNote task;
  RjHomeworkState state;
  RjNote how_it_went;       /* the client's word on it */
} RjHomework;

/* What came out of a session, on the day of the session. */
typedef struct {
  RjNote keep;              /* what the counsellor or group said that I want to keep */
  GPtrArray *practise;      /* of char*: skill ids from RjProfile.skills */
  GPtrArray *homework;      /* of RjHomework*, in the order they were set */
} RjAfterSession;

/* A short guided look back at a day with use. Sleep and HALT are the day's own
 * fields (RjEntry.sleep_minutes, RjEntry.halt); "what happened" and "next time" are
 * in RjUse. */
typedef struct {
  int stress;               /* 0-10, or RJ_NOT_LOGGED */
  RjNote vulnerable;        /* what else made me vulnerable, in my words */
  RjNote set_off;           /* what set it off */
  RjNote thoughts;          /* thoughts and feelings */
} RjLapseReview;

/* The weekly craving check: five questions about the past week, each 0-6, following
 * the structure of the Penn Alcohol Craving Scale. A self-check, not a diagnosis. */
typedef enum {
  RJ_WEEKLY_HOW_OFTEN,
  RJ_WEEKLY_HOW_STRONG,
  RJ_WEEKLY_HOW_LONG,
  RJ_WEEKLY_HOW_HARD,
  RJ_WEEKLY_OVERALL,
  RJ_WEEKLY_N_QUESTIONS
} RjWeeklyQuestion;

#define RJ_WEEKLY_ANSWER_MAX 6

typedef struct {
  int answers[RJ_WEEKLY_N_QUESTIONS];   /* 0-6 each, or RJ_NOT_LOGGED */
} RjWeeklyCheck;

typedef struct {
  GDate date;               /* always valid */
  int mood;                 /* 0-10, or RJ_NOT_LOGGED */
  int distress;             /* 0-10, or RJ_NOT_LOGGED */
  int sleep_minutes;        /* or RJ_NOT_LOGGED */
  RjHalt halt;
  GPtrArray *cravings;      /* of RjCraving*, in the order they were logged */
  RjUse use;
  RjAnswer medication_taken;
  int meetings;             /* count, or RJ_NOT_LOGGED */
  int support_calls;        /* count, or RJ_NOT_LOGGED */
  RjAnswer session_attended;/* the log of IOP sessions: one answer per day */
  GPtrArray *wins;          /* of RjNote* */
  GPtrArray *topics;        /* of RjNote*: what I want to talk about in group */
  RjNote notes;
  RjAfterSession after_session;
  RjLapseReview review;
  RjWeeklyCheck weekly;     /* stored on the day it was done */
  /*< private >*/
  gatomicrefcount ref_count;
} RjEntry;

#define RJ_TYPE_ENTRY (rj_entry_get_type ())

GType       rj_entry_get_type          (void) G_GNUC_CONST;
RjEntry    *rj_entry_new               (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
RjEntry    *rj_entry_ref               (RjEntry *self);
void        rj_entry_unref             (RjEntry *self);
RjEntry    *rj_entry_copy              (const RjEntry *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rj_entry_equal             (const RjEntry *a,
                                        const RjEntry *b);
gboolean    rj_entry_is_empty          (const RjEntry *self);
RjCraving  *rj_entry_add_craving       (RjEntry *self);
RjCraving  *rj_entry_add_craving_for_decoding (RjEntry *self);
RjNote     *rj_entry_add_win           (RjEntry *self,
                                        const char *text,
                                        gboolean is_private);
RjNote     *rj_entry_add_topic         (RjEntry *self,
                                        const char *text,
                                        gboolean is_private);
RjHomework *rj_entry_add_homework      (RjEntry *self,
                                        const char *task,
                                        gboolean is_private);
RjHomework *rj_entry_find_homework     (const RjEntry *self,
                                        const char *id);
void        rj_entry_add_practise      (RjEntry *self,
                                        const char *skill_id);
guint       rj_entry_count_open_homework (const RjEntry *self);
gboolean    rj_lapse_review_is_empty   (const RjLapseReview *review);

/* The sum of the answered questions; @n_answered_out says how many there were
 * (0: the check was not done). */
int         rj_weekly_check_total      (const RjWeeklyCheck *check,
                                        guint *n_answered_out);
gboolean    rj_weekly_check_is_empty   (const RjWeeklyCheck *check);

RjHomework *rj_homework_new            (const char *task,
                                        gboolean is_private) G_GNUC_WARN_UNUSED_RESULT;
RjHomework *rj_homework_copy           (const RjHomework *self) G_GNUC_WARN_UNUSED_RESULT;
void        rj_homework_free           (RjHomework *self);

#define RJ_TYPE_CRAVING (rj_craving_get_type ())

GType       rj_craving_get_type        (void) G_GNUC_CONST;
RjCraving  *rj_craving_new             (void) G_GNUC_WARN_UNUSED_RESULT;
RjCraving  *rj_craving_copy            (const RjCraving *self) G_GNUC_WARN_UNUSED_RESULT;
void        rj_craving_free            (RjCraving *self);
gboolean    rj_craving_is_empty        (const RjCraving *self);
void        rj_craving_add_skill       (RjCraving *self,
                                        const char *skill_id,
                                        RjHelped helped);

RjNote     *rj_note_new                (const char *text,
                                        gboolean is_private) G_GNUC_WARN_UNUSED_RESULT;
void        rj_note_free               (RjNote *note);
void        rj_note_set                (RjNote *note,
                                        const char *text,
                                        gboolean is_private);
gboolean    rj_note_is_empty           (const RjNote *note);

/* Frees a string after overwriting it, for decrypted text. */
void        rj_wipe_string             (char *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjEntry, rj_entry_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjCraving, rj_craving_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjHomework, rj_homework_free)

G_END_DECLS
