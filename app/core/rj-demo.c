/* rj-demo.c: realistic, reproducible journals for --demo, tests and benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-demo"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rj-demo.h"

/* The generated text is sample content, not interface: it is not translated. It is
 * written the way counsellors ask clients to write: calm, concrete, without blame. */

static const char *const note_sentences[] = {
  "Woke up before the alarm and lay there for a while before getting up.",
  "Made coffee and sat on the back step for ten minutes before work.",
  "Work was busy but nothing I could not handle.",
  "My supervisor asked how I was doing and I said fine, which was mostly true.",
  "Lunch was a sandwich at my desk, which I know is not great for the H in HALT.",
  "I noticed I was getting irritable around three and realised I had not eaten much.",
  "Took the long way home so I would not drive past the liquor store.",
  "Called Sam on the way home and we talked about the weekend.",
  "Sam reminded me that feelings are not facts, and that a craving always passes.",
  "Group tonight was about relapse warning signs.",
  "The counsellor drew the relapse cycle on the board and I saw myself in most of it.",
  "Someone new shared tonight and it reminded me of my first week.",
  "I shared a little about the argument with my brother and it felt good to say it out loud.",
  "Cooked dinner for the first time in a while, just pasta, but it counted.",
  "Watched a show with the kids and went to bed at a reasonable hour.",
  "Had trouble falling asleep, so I got up and wrote for a bit instead of lying there.",
  "The evenings are still the hardest part of the day.",
  "Around eight the old routine kicked in and I wanted a drink with dinner.",
  "I played the tape through: one drink, then the rest of the bottle, then the morning after.",
  "I did the breathing exercise from group, four counts in and six out, for a few minutes.",
  "The urge peaked after maybe ten minutes and then slowly faded.",
  "I went for a walk around the block and by the time I was back it had eased.",
  "I texted my sister instead of sitting alone with it.",
  "Payday is tomorrow and I want to have a plan for the money before it arrives.",
  "I put most of it straight into savings and left only what I need for the week.",
  "My sleep is getting better; I am not waking up at three every night any more.",
  "I feel more like myself in the mornings than I have in a long time.",
  "Went to the Tuesday meeting at the library and stayed for coffee afterwards.",
  "I am starting to recognise a few faces there, which makes it easier to go.",
  "Talked to Dr. Ortiz about the medication and we are keeping the dose the same.",
  "I was tired and short with everyone today, and I know that is a warning sign.",
  "Tomorrow I will eat a real breakfast and take my lunch break away from the desk.",
  "It rained all day and I stayed inside more than is good for me.",
  "I cleaned the kitchen, which sounds small but it has been on my list for weeks.",
  "A friend from the old crowd messaged me and I did not answer.",
  "I will bring that up in group because I am not sure what to do about it.",
  "I noticed I was romanticising the old days again, remembering only the good nights.",
  "Writing this down helps me see the day more clearly.",
  "I am grateful for the people in group, even the ones I do not get along with.",
  "My mom called and it went better than usual; we talked about her garden.",
  "I had a flash of wanting to use when I drove past the old apartment.",
  "I said the serenity prayer in the car and kept driving.",
  "It is strange how ordinary some days feel now, and I mean that in a good way.",
  "I counted the days on the calendar and could hardly believe the number.",
  "Went to bed early with a book and read until I fell asleep.",
  "The weekend is coming and I want to fill Saturday afternoon with something.",
  "Planned to go hiking with Sam on Saturday morning.",
  "My hands were shaky this morning but it passed after breakfast.",
  "I am learning that boredom is a trigger for me, not just stress.",
  "I made a list of things to do when I am bored and stuck it on the fridge.",
  "Had a good talk with my counsellor about going back to full days at work.",
  "We agreed to try it for two weeks and check in at the next session.",
  "I felt lonely tonight, so I went to the late meeting instead of staying home.",
  "It helped to be in a room with people who understand.",
  "I am still angry about how things ended at my last job, and I need to work on that.",
  "Anger used to be my excuse, so I want to notice it early.",
  "Took the dog to the park and stayed out longer than planned.",
  "Nothing much happened today, and that is fine.",
  "I feel steady today, not great, not bad, just steady.",
  "Tonight I am going to make tea and be in bed by ten.",
};

static const char *const short_notes[] = {
  "Quiet day. Nothing to report.",
  "Tired but okay.",
  "Good day overall. Stayed busy.",
  "Hard evening, but I got through it.",
  "Felt low this morning, better by the afternoon.",
  "Busy at work, meeting at seven, home by nine.",
  "Slept badly, need to watch the caffeine.",
  "Calm day. Walked after dinner.",
};

static const char *const trigger_words[] = {
  "Walked past the bar on Fifth Street",
  "Argument with my brother on the phone",
  "Payday and extra cash in my wallet",
  "Old friend texted asking to hang out",
  "Friday night, everyone else going out",
  "Stress after the meeting with my boss",
  "Alone in the apartment after dinner",
  "Saw beer in the fridge at my cousin's",
  "Smell of smoke outside the station",
  "Could not sleep, restless",
  "Bored on a Sunday afternoon",
  "Family dinner, everyone drinking wine",
  "Song on the radio from the old days",
  "Pain in my back after work",
  "Felt like celebrating after good news",
};

static const char *const wins[] = {
  "Went to my meeting even though I did not feel like it",
  "Called Sam instead of going to the party",
  "Cooked a real dinner",
  "Got eight hours of sleep",
  "Took a walk at lunch",
  "Told my counsellor the truth about last week",
  "Said no to a drink at the work event",
  "Paid a bill on time",
  "Went to the gym before work",
  "Played with the kids in the park",
  "Finished the step work for this week",
  "Drove the long way home to avoid the old spots",
  "Asked for help when I needed it",
  "Rode out a strong craving",
  "Spent the evening with family and enjoyed it",
};

static const char *const topics[] = {
  "How to handle invitations from old friends",
  "Getting through weekends",
  "Talking to my family about recovery",
  "Money and payday plans",
  "Sleep problems",
  "Anger at work",
  "Feeling bored and restless",
  "Going back to work full time",
  "What to say when someone offers me a drink",
  "Guilt about the past",
  "Setting boundaries with my brother",
  "Staying sober through the holidays",
};

typedef struct {
  const char *substance_id;
  const char *amount;
  const char *what_happened;
  const char *next_time;
} Lapse;

static const Lapse lapses[] = {
  { "alcohol", "Three beers",
    "After the argument I went to the bar near work and had a few drinks. I stopped "
    "after three and went home. I told Sam the next morning.",
    "On hard days, call Sam before I leave work, and take the bus home instead of walking "
    "past the bar." },
  { "alcohol", "Half a bottle of wine",
    "Family dinner, everyone was drinking and I had a glass, then more. I left early and "
    "slept it off.",
    "Bring my own drinks, sit next to my sister, and leave before dessert if it gets hard." },
  { "cannabis", "A few hits",
    "An old friend came over with some and I did not say no. It was over quickly and I "
    "felt flat afterwards.",
    "Meet old friends in public places for now, and tell them up front that I am not using." },
  { "alcohol", NULL,
    "I could not sleep and there was a bottle left in the cupboard. I drank some and "
    "poured the rest out in the morning.",
    "Clear the house of anything left over, and get up and write when I cannot sleep." },
  { "nicotine", "Two cigarettes",
    "Smoked with coworkers on the break after a stressful meeting.",
    "Take my break inside, and keep gum in my pocket." },
};

/* The lapse review of each lapse above, in the same order. */
static const struct {
  const char *vulnerable;
  const char *set_off;
  const char *thoughts;
} lapse_reviews[] = {
  { "Slept badly two nights running, skipped lunch.",
    "The argument with my boss, and walking past the bar on the way home.",
    "Angry, then thinking one drink would take the edge off." },
  { "Tired and lonely after a long week.",
    "Everyone at the table drinking, and being offered a glass.",
    "Wanting to fit in. Afterwards, disappointed but not hopeless." },
  { "Bored, and no plans for the evening.",
    "An old friend turning up with some.",
    "It felt easier to go along than to explain." },
  { "No sleep, worried about money.",
    "The bottle left in the cupboard.",
    "Thinking it would help me sleep. It did not." },
  { "Stressed all week at work.",
    "The smoke break after the meeting.",
    "Just wanting five minutes of feeling normal." },
};

G_STATIC_ASSERT (G_N_ELEMENTS (lapse_reviews) == 5);

static const char *const session_keeps[] = {
  "Cravings rise and fall like a wave; I do not have to act on them.",
  "A lapse is something to learn from, not a reason to give up.",
  "HALT: check if I am hungry, angry, lonely or tired before deciding anything.",
  "Plan the weekend ahead: the unplanned evenings are the hard ones.",
  "Say no early and simply; I do not owe anyone a long explanation.",
};

static const char *const homework_tasks[] = {
  "Try urge surfing twice before Thursday",
  "Write down three triggers from this week",
  "Call Sam at least once, even on a good day",
  "Plan what to say if someone offers me a drink",
  "Go to one extra meeting this week",
  "Fill in the weekly craving check",
  "Read the leaflet on sleep and try one tip",
  "Make a list of five things to do instead of using",
};

static const char *const homework_notes_done[] = {
  "Did it twice; the second time was easier.",
  "Done. Writing it down helped me see the pattern.",
  "Called on Tuesday, it helped more than I expected.",
  "Practised it in the mirror, felt silly but it works.",
};

static const char *const homework_notes_open[] = {
  "Started, not finished yet.",
  "Did not get to it, the week was busy.",
};

static const int session_weekdays[] = { G_DATE_MONDAY, G_DATE_WEDNESDAY, G_DATE_THURSDAY };

static double
rand_normal (GRand *rand)
{
  /* Box-Muller: enough for drifting moods. */
  double u = g_rand_double_range (rand, 1e-12, 1.0);
  double v = g_rand_double (rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static gboolean
chance (GRand *rand,
        double p)
{
  return g_rand_double (rand) < p;
}

static const char *
pick (GRand *rand,
      const char *const *strings,
      gsize n_strings)
{
  return strings[g_rand_int_range (rand, 0, (gint32) n_strings)];
}

#define PICK(rand, array) pick ((rand), (array), G_N_ELEMENTS (array))

static char *
demo_id (GRand *rand)
{
  /* Shaped like the random UUIDs the app makes, but drawn from @rand. */
  guint32 r[6];

  /* One draw a statement: the order in which arguments are evaluated is unspecified. */
  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    r[i] = g_rand_int (rand);
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x", r[0], r[1] & 0xffff, r[2] & 0xfff,
                          (r[3] & 0x3fff) | 0x8000, r[4] & 0xffff, r[5]);
}

static void
set_demo_id (GRand *rand,
             char **id)
{
  g_free (*id);
  *id = demo_id (rand);
}

/* Not CLAMP(): that macro evaluates its argument more than once, and the arguments
 * here draw random numbers. */
static double
clamp_double (double value,
              double low,
              double high)
{
  return value < low ? low : value > high ? high : value;
}

static int
clamp_scale (double value)
{
  return (int) lround (clamp_double (value, 0, RJ_SCALE_MAX));
}

/* Picks a visible item of one of the profile's lists, or NULL when there is none. */
static const char *
pick_item (GRand *rand,
           const RjProfile *profile,
           RjListKind kind)
{
  GPtrArray *list = profile->lists[kind];
  guint n_visible = 0;
  guint wanted;

  for (guint i = 0; i < list->len; i++)
    if (!((RjListItem *) g_ptr_array_index (list, i))->hidden)
      n_visible++;
  if (n_visible == 0)
    return NULL;

  /* Clients lean on a few favourites: earlier items are picked more often. */
  wanted = (guint) (n_visible * pow (g_rand_double (rand), 1.6));
  wanted = MIN (wanted, n_visible - 1);
  for (guint i = 0; i < list->len; i++)
    {
      const RjListItem *item = g_ptr_array_index (list, i);

      if (item->hidden)
        continue;
      if (wanted-- == 0)
        return item->id;
    }
  g_assert_not_reached ();
}

static void
random_halt (GRand *rand,
             RjHalt *halt,
             double distress)
{
  double p_yes = 0.08 + 0.05 * distress;

  halt->answered = 0;
  halt->yes = 0;
  if (chance (rand, 0.1))
    return;
  for (guint bit = 0; bit < 4; bit++)
    {
      if (chance (rand, 0.08))
        continue;
      halt->answered |= 1 << bit;
      if (chance (rand, p_yes))
        halt->yes |= 1 << bit;
    }
}

static char *
long_note (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint target_words = g_rand_int_range (rand, 120, 420);
  guint n_words = 0;
  guint in_paragraph = 0;

  while (n_words < target_words)
    {
      const char *sentence = PICK (rand, note_sentences);

      if (in_paragraph > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentence);
      for (const char *p = sentence; *p != '\0'; p++)
        if (*p == ' ')
          n_words++;
      n_words++;
      if (++in_paragraph >= (guint) g_rand_int_range (rand, 3, 7) && n_words < target_words)
        {
          g_string_append (text, "\n\n");
          in_paragraph = 0;
        }
    }
  return g_string_free (text, FALSE);
}

static gboolean
is_session_day (const RjProfile *profile,
                const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  for (guint i = 0; i < profile->schedule->len; i++)
    if (g_array_index (profile->schedule, RjSessionSlot, i).weekday == weekday)
      return TRUE;
  return FALSE;
}

/* A session day's notes: something to keep, a skill or two to practise, and two to
 * four homework tasks, some done with a word on how it went. */
static void
demo_after_session (GRand *rand,
                    RjEntry *entry,
                    const RjProfile *profile)
{
  guint n_tasks = g_rand_int_range (rand, 2, 5);
  guint first = g_rand_int_range (rand, 0, G_N_ELEMENTS (homework_tasks));

  if (chance (rand, 0.8))
    rj_note_set (&entry->after_session.keep, PICK (rand, session_keeps), FALSE);
  for (guint i = 0, n = g_rand_int_range (rand, 1, 3); i < n; i++)
    {
      const char *skill = pick_item (rand, profile, RJ_LIST_SKILLS);

      if (skill != NULL)
        rj_entry_add_practise (entry, skill);
    }
  for (guint i = 0; i < n_tasks; i++)
    {
      const char *task = homework_tasks[(first + i) % G_N_ELEMENTS (homework_tasks)];
      RjHomework *homework = rj_entry_add_homework (entry, task, chance (rand, 0.08));

      set_demo_id (rand, &homework->id);
      if (chance (rand, 0.55))
        {
          homework->state = RJ_HOMEWORK_DONE;
          if (chance (rand, 0.7))
            rj_note_set (&homework->how_it_went, PICK (rand, homework_notes_done), FALSE);
        }
      else if (chance (rand, 0.3))
        rj_note_set (&homework->how_it_went, PICK (rand, homework_notes_open), FALSE);
    }
}

static RjEntry *
demo_entry (GRand *rand,
            const GDate *date,
            const RjProfile *profile,
            double mood_base,
            double distress_base,
            gboolean force_lapse)
{
  g_autoptr(RjEntry) entry = rj_entry_new (date);
  double days_sober = 365;
  double early;
  double mood = clamp_double (mood_base + 1.3 * rand_normal (rand), 0, RJ_SCALE_MAX);
  double distress = clamp_double (distress_base + 1.3 * rand_normal (rand) - 0.3 * (mood - 5),
                                  0, RJ_SCALE_MAX);
  gboolean lapse;
  guint n_cravings;
  int lapse_index = -1;

  if (g_date_valid (&profile->sober_start))
    days_sober = MAX (0, g_date_days_between (&profile->sober_start, date));
  /* 1 in the first weeks of recovery, falling towards 0 after about a year. */
  early = exp (-days_sober / 120.0);

  if (!chance (rand, 0.07))
    entry->mood = clamp_scale (mood);
  if (!chance (rand, 0.1))
    entry->distress = clamp_scale (distress);
  if (!chance (rand, 0.12))
    entry->sleep_minutes = 15 * (int) lround (clamp_double ((7.2 - 0.15 * distress +
                                                             0.8 * rand_normal (rand)) * 4,
                                                            12, 44));
  random_halt (rand, &entry->halt, distress);

  lapse = chance (rand, 0.004 + 0.02 * early + 0.004 * MAX (0, distress - 6)) || force_lapse;

  /* Most days bring a craving or several; early recovery and hard days bring more. */
  n_cravings = (guint) lround (clamp_double (1.0 + 1.4 * early + 0.25 * distress +
                                             0.9 * rand_normal (rand), 0, 4));
  if (chance (rand, 0.12))
    n_cravings = 0;
  if (lapse)
    n_cravings = MAX (n_cravings, 1);

  for (guint i = 0; i < n_cravings; i++)
    {
      RjCraving *craving = rj_entry_add_craving (entry);
      double hour = chance (rand, 0.65) ? g_rand_double_range (rand, 16, 24)
                                        : g_rand_double_range (rand, 6, 16);
      guint n_skills;

      set_demo_id (rand, &craving->id);
      if (!chance (rand, 0.1))
        craving->time_minutes = MIN ((int) (hour * 60), 24 * 60 - 1);
      if (!chance (rand, 0.05))
        craving->intensity = MAX (1, clamp_scale (3 + 0.5 * distress + 2 * rand_normal (rand)));
      if (!chance (rand, 0.15))
        craving->duration_minutes = 5 * g_rand_int_range (rand, 1, 19);
      if (!chance (rand, 0.08))
        craving->trigger_id = g_strdup (pick_item (rand, profile, RJ_LIST_TRIGGERS));
      if (chance (rand, 0.7))
        rj_note_set (&craving->trigger_words, PICK (rand, trigger_words), chance (rand, 0.1));
      random_halt (rand, &craving->halt, distress);

      n_skills = chance (rand, 0.1) ? 0 : g_rand_int_range (rand, 1, 4);
      for (guint s = 0; s < n_skills; s++)
        {
          const char *skill = pick_item (rand, profile, RJ_LIST_SKILLS);
          double r = g_rand_double (rand);
          RjHelped helped = r < 0.55 ? RJ_HELPED_YES
                            : r < 0.8 ? RJ_HELPED_PARTLY
                            : r < 0.93 ? RJ_HELPED_NO : RJ_HELPED_NOT_LOGGED;

          /* A skill is named once per craving, as the craving dialog allows. */
          for (guint k = 0; skill != NULL && k < craving->skills->len; k++)
            if (g_strcmp0 (g_array_index (craving->skills, RjSkillUse, k).skill_id, skill) == 0)
              skill = NULL;
          if (skill != NULL)
            rj_craving_add_skill (craving, skill, helped);
        }

      craving->outcome = chance (rand, 0.08) ? RJ_OUTCOME_NOT_LOGGED : RJ_OUTCOME_RODE_IT_OUT;
    }

  if (lapse)
    {
      const Lapse *l;

      lapse_index = g_rand_int_range (rand, 0, G_N_ELEMENTS (lapses));
      l = &lapses[lapse_index];
      RjCraving *last = g_ptr_array_index (entry->cravings, entry->cravings->len - 1);

      last->outcome = RJ_OUTCOME_USED;
      entry->use.used = RJ_ANSWER_YES;
      if (rj_profile_find_item (profile, RJ_LIST_SUBSTANCES, l->substance_id) != NULL)
        entry->use.substance_id = g_strdup (l->substance_id);
      else
        entry->use.substance_id = g_strdup (pick_item (rand, profile, RJ_LIST_SUBSTANCES));
      if (l->amount != NULL && chance (rand, 0.8))
        rj_note_set (&entry->use.amount, l->amount, FALSE);
      rj_note_set (&entry->use.what_happened, l->what_happened, chance (rand, 0.5));
      if (chance (rand, 0.85))
        rj_note_set (&entry->use.next_time, l->next_time, FALSE);
    }
  else if (!chance (rand, 0.2))
    {
      entry->use.used = RJ_ANSWER_NO;
    }

  if (!chance (rand, 0.1))
    entry->medication_taken = chance (rand, 0.94) ? RJ_ANSWER_YES : RJ_ANSWER_NO;
  if (!chance (rand, 0.2))
    entry->meetings = chance (rand, 0.55) ? 0 : g_rand_int_range (rand, 1, 3);
  if (!chance (rand, 0.2))
    entry->support_calls = chance (rand, 0.4) ? 0 : g_rand_int_range (rand, 1, 4);
  if (is_session_day (profile, date))
    entry->session_attended = chance (rand, 0.9) ? RJ_ANSWER_YES : RJ_ANSWER_NO;

  for (guint i = 0, n = chance (rand, 0.55) ? g_rand_int_range (rand, 1, 4) : 0; i < n; i++)
    rj_entry_add_win (entry, PICK (rand, wins), chance (rand, 0.05));
  for (guint i = 0, n = chance (rand, 0.3) ? g_rand_int_range (rand, 1, 3) : 0; i < n; i++)
    rj_entry_add_topic (entry, PICK (rand, topics), chance (rand, 0.2));

  if (chance (rand, 0.35))
    {
      g_autofree char *text = long_note (rand);
      rj_note_set (&entry->notes, text, chance (rand, 0.15));
    }
  else if (chance (rand, 0.35))
    {
      rj_note_set (&entry->notes, PICK (rand, short_notes), FALSE);
    }

  if (rj_entry_is_empty (entry))
    entry->mood = clamp_scale (mood);

  /* What comes back from group, the lapse review and the weekly check draw on a
   * generator of their own, seeded by the day, so that the rest of the day reads as
   * it did before they existed. */
  {
    g_autoptr(GRand) loop = g_rand_new_with_seed (g_date_get_julian (date) * 2654435761u);

    if (entry->session_attended == RJ_ANSWER_YES)
      demo_after_session (loop, entry, profile);
    if (lapse_index >= 0 && (chance (loop, 0.85) || force_lapse))
      {
        entry->review.stress = clamp_scale (5 + 0.5 * distress + rand_normal (loop));
        rj_note_set (&entry->review.vulnerable, lapse_reviews[lapse_index].vulnerable, FALSE);
        rj_note_set (&entry->review.set_off, lapse_reviews[lapse_index].set_off, FALSE);
        rj_note_set (&entry->review.thoughts, lapse_reviews[lapse_index].thoughts,
                     chance (loop, 0.3));
      }
    if (g_date_get_weekday (date) == G_DATE_SUNDAY && chance (loop, 0.85))
      {
        /* Cravings over the week follow distress and ease with time sober. */
        double base = 0.35 * distress + 2.2 * early;

        for (guint q = 0; q < RJ_WEEKLY_N_QUESTIONS; q++)
          if (!chance (loop, 0.04))
            entry->weekly.answers[q] = (int) lround (clamp_double (base + 0.8 * rand_normal (loop),
                                                                   0, RJ_WEEKLY_ANSWER_MAX));
        if (rj_weekly_check_is_empty (&entry->weekly))
          entry->weekly.answers[RJ_WEEKLY_OVERALL] = (int) lround (clamp_double (base, 0, 6));
      }
  }
  return g_steal_pointer (&entry);
}

/* A slow, date-driven drift, so that a single entry made without a journal around it
 * still sits in a believable week. */
static void
date_baseline (const GDate *date,
               const RjProfile *profile,
               double *mood_base,
               double *distress_base)
{
  double j = g_date_get_julian (date);
  double days_sober = 365;

  if (g_date_valid (&profile->sober_start))
    days_sober = MAX (0, g_date_days_between (&profile->sober_start, date));
  *mood_base = 4.2 + 2.0 * (1 - exp (-days_sober / 150.0)) +
               0.9 * sin (j / 23.0) + 0.5 * sin (j / 7.3 + 1.0);
  *distress_base = 6.0 - 2.5 * (1 - exp (-days_sober / 150.0)) +
                   0.8 * sin (j / 17.0 + 2.0);
}

RjEntry *
rj_demo_entry (GRand *rand,
               const GDate *date,
               const RjProfile *profile)
{
  double mood_base, distress_base;

  g_return_val_if_fail (rand != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  date_baseline (date, profile, &mood_base, &distress_base);
  return demo_entry (rand, date, profile, mood_base, distress_base, FALSE);
}

RjProfile *
rj_demo_profile (GRand *rand,
                 const GDate *today,
                 guint days_sober)
{
  static const char *const custom_triggers[] = { "Payday", "Driving past the old apartment" };
  static const char *const custom_skills[] = { "Text my sister", "Play guitar" };
  static const char *const hidden_substances[] = {
    "opioids", "stimulants", "benzodiazepines", "other-substance",
  };
  RjProfile *profile;
  RjContact *contact;

  g_return_val_if_fail (rand != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  profile = rj_profile_new_default ();
  profile->client_name = g_strdup ("Jordan M.");
  if (days_sober > 0 && g_date_get_julian (today) > days_sober)
    {
      profile->sober_start = *today;
      g_date_subtract_days (&profile->sober_start, days_sober);
    }

  for (guint i = 0; i < G_N_ELEMENTS (custom_triggers); i++)
    set_demo_id (rand, &rj_profile_add_item (profile, RJ_LIST_TRIGGERS, custom_triggers[i])->id);
  for (guint i = 0; i < G_N_ELEMENTS (custom_skills); i++)
    set_demo_id (rand, &rj_profile_add_item (profile, RJ_LIST_SKILLS, custom_skills[i])->id);
  for (guint i = 0; i < G_N_ELEMENTS (hidden_substances); i++)
    {
      RjListItem *item = rj_profile_find_item (profile, RJ_LIST_SUBSTANCES, hidden_substances[i]);

      if (item != NULL)
        item->hidden = TRUE;
    }
  /* A renamed built-in item keeps its id. */
  {
    RjListItem *item = rj_profile_find_item (profile, RJ_LIST_SKILLS, "call-support");

    if (item != NULL)
      {
        g_free (item->name);
        item->name = g_strdup ("Call Sam");
      }
  }

  contact = rj_profile_add_contact (profile, "Sam (sponsor)", "555-0142");
  set_demo_id (rand, &contact->id);
  contact = rj_profile_add_contact (profile, "Dana (sister)", "555-0187");
  set_demo_id (rand, &contact->id);
  contact = rj_profile_add_contact (profile, "Dr. Ortiz (counsellor)", "555-0100");
  set_demo_id (rand, &contact->id);
  contact->note = g_strdup ("Clinic line, weekdays 9-5");

  for (guint i = 0; i < G_N_ELEMENTS (session_weekdays); i++)
    rj_profile_add_session (profile, session_weekdays[i], 18 * 60);

  /* The relapse-prevention plan, as made with the counsellor. It takes nothing from
   * @rand, so the journals written before it existed stay the same. */
  {
    RjPlan *plan = &profile->plan;

    rj_note_set (&plan->reasons, "To be there for my daughter. To keep my job and my "
                 "health. To wake up without dread.", FALSE);
    rj_plan_add_trigger (plan, "places", "The bar on the way home from work", FALSE);
    rj_plan_add_trigger (plan, "feelings", "Anger after arguments, and feeling left out", FALSE);
    rj_plan_add_trigger (plan, "halt", "Evenings when I skipped meals and slept badly", FALSE);
    rj_note_set (&plan->warning_signs, "Skipping meetings, staying up late, telling myself "
                 "one would not hurt, not answering Sam's calls.", FALSE);
    rj_plan_add_strategy (plan, "urge-surfing", "Set a timer for 15 minutes and ride it out",
                          FALSE);
    rj_plan_add_strategy (plan, "call-support", "Call Sam before I leave work on hard days",
                          FALSE);
    rj_plan_add_strategy (plan, "exercise", "A walk round the park, headphones on", FALSE);
    for (guint i = 0; i < profile->contacts->len; i++)
      rj_plan_add_person (plan, ((RjContact *) g_ptr_array_index (profile->contacts, i))->id);
    rj_note_set (&plan->if_lapse, "A lapse is not a failure: stop, call Sam the same day, "
                 "write down what happened, and bring it to the next session.", FALSE);
  }

  return profile;
}

gboolean
rj_demo_fill (RjStore *store,
              const GDate *last_day,
              guint n_days,
              guint32 seed,
              GError **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(RjProfile) profile = NULL;
  GDate first_day;
  double drift_mood = 0;
  double drift_distress = 0;
  guint skip_left = 0;
  gint64 last_use = -1;
  gboolean show_lapse;

  g_return_val_if_fail (RJ_IS_STORE (store), FALSE);
  g_return_val_if_fail (last_day != NULL && g_date_valid (last_day), FALSE);
  g_return_val_if_fail (n_days > 0 && g_date_get_julian (last_day) > n_days, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rand = g_rand_new_with_seed (seed);
  first_day = *last_day;
  g_date_subtract_days (&first_day, n_days - 1);

  /* The client got sober a couple of weeks before starting the journal. */
  profile = rj_demo_profile (rand, last_day, n_days - 1 + g_rand_int_range (rand, 3, 21));
  if (!rj_store_save_profile (store, profile, error))
    return FALSE;

  for (guint i = 0; i < n_days; i++)
    {
      GDate date = first_day;
      double mood_base, distress_base;
      g_autoptr(RjEntry) entry = NULL;

      g_date_add_days (&date, i);

      /* Weeks have their own weather: a random walk pulled back towards zero. */
      drift_mood = 0.93 * drift_mood + 0.35 * rand_normal (rand);
      drift_distress = 0.93 * drift_distress + 0.35 * rand_normal (rand);

      /* Clients skip single days, and now and then a few in a row. */
      if (skip_left > 0)
        {
          skip_left--;
          continue;
        }
      if (chance (rand, 0.08))
        continue;
      if (chance (rand, 0.01))
        {
          skip_left = g_rand_int_range (rand, 2, 7);
          continue;
        }

      /* A demo of three weeks or more always shows a lapse a few days back, with its
       * review, so that the check-in and the session page show what a client sees
       * after one. */
      show_lapse = n_days >= 21 && i + 5 >= n_days && (last_use < 0 || last_use + 14 < i);
      date_baseline (&date, profile, &mood_base, &distress_base);
      entry = demo_entry (rand, &date, profile, mood_base + drift_mood,
                          distress_base + drift_distress, show_lapse);
      if (entry->use.used == RJ_ANSWER_YES)
        last_use = i;
      if (!rj_store_save_entry (store, entry, error))
        return FALSE;
    }
  return TRUE;
}
