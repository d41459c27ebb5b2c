/* rj-passphrase.c: a plain-words hint about how hard a passphrase is to guess.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-passphrase"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rj-passphrase.h"

/* Guesses that come first: common passwords, keyboard runs, and words that someone
 * who knows the client is in recovery would try. Found anywhere in the passphrase,
 * each counts as a single character. */
static const char * const common_words[] = {
  "password", "passwort", "qwerty", "azerty", "asdf", "letmein", "iloveyou", "welcome",
  "admin", "monkey", "dragon", "sunshine", "princess", "football", "baseball",
  "trustno1", "secret", "sober", "recovery", "journal", "clean", "123456", "654321",
  NULL
};

static double
pool_size (const char *passphrase)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, space = FALSE;
  gboolean punct = FALSE, other = FALSE;
  double pool = 0;

  for (const char *p = passphrase; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 'a' && c <= 'z')
        lower = TRUE;
      else if (c >= 'A' && c <= 'Z')
        upper = TRUE;
      else if (c >= '0' && c <= '9')
        digit = TRUE;
      else if (g_unichar_isspace (c))
        space = TRUE;
      else if (c < 0x80)
        punct = TRUE;
      else
        other = TRUE;
    }

  pool += lower ? 26 : 0;
  pool += upper ? 26 : 0;
  pool += digit ? 10 : 0;
  pool += space ? 1 : 0;
  pool += punct ? 32 : 0;
  pool += other ? 64 : 0;

  return MAX (pool, 2);
}

/* Characters that repeat the one before count for nothing, and runs such as "abc" or
 * "321" for half, since they are among the first things a guesser tries. */
static double
effective_length (const char *passphrase)
{
  g_autofree char *folded = g_utf8_casefold (passphrase, -1);
  gunichar prev = 0;
  double length = 0;

  for (const char *p = passphrase; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (p == passphrase)
        length += 1;
      else if (c == prev + 1 || c + 1 == prev)
        length += 0.5;
      else if (c != prev)
        length += 1;
      prev = c;
    }

  for (guint i = 0; common_words[i] != NULL; i++)
    {
      gsize word_len = strlen (common_words[i]);

      for (const char *hit = strstr (folded, common_words[i]); hit != NULL;
           hit = strstr (hit + word_len, common_words[i]))
        length -= (double) word_len - 1;
    }

  return MAX (length, 0);
}

/**
 * rj_passphrase_rate:
 * @passphrase: (nullable): the passphrase as typed
 *
 * Estimates how hard @passphrase is to guess from its length and the variety of its
 * characters. This is a hint for a person choosing a passphrase, not a measure: it
 * knows nothing of dictionaries beyond a short list of the first guesses.
 *
 * Returns: the strength
 */
RjPassphraseStrength
rj_passphrase_rate (const char *passphrase)
{
  double bits;
  glong n_chars;

  if (passphrase == NULL || passphrase[0] == '\0')
    return RJ_PASSPHRASE_EMPTY;

  if (!g_utf8_validate (passphrase, -1, NULL))
    return RJ_PASSPHRASE_SHORT;

  n_chars = g_utf8_strlen (passphrase, -1);
  bits = effective_length (passphrase) * log2 (pool_size (passphrase));

  if (n_chars < 8 || bits < 50)
    return RJ_PASSPHRASE_SHORT;
  if (bits < 80)
    return RJ_PASSPHRASE_GOOD;
  return RJ_PASSPHRASE_STRONG;
}

/**
 * rj_passphrase_strength_get_hint:
 * @strength: a strength from rj_passphrase_rate()
 *
 * Returns: (transfer none): a short, calm, translated sentence for the person choosing
 *   the passphrase
 */
const char *
rj_passphrase_strength_get_hint (RjPassphraseStrength strength)
{
  switch (strength)
    {
    case RJ_PASSPHRASE_EMPTY:
      return _("A few words that mean something only to you make a good passphrase");
    case RJ_PASSPHRASE_SHORT:
      return _("Short: a few more words would make it much stronger");
    case RJ_PASSPHRASE_GOOD:
      return _("Good: this would be hard to guess");
    case RJ_PASSPHRASE_STRONG:
      return _("Strong: a long passphrase like this is hard to guess");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rj_passphrase_check:
 * @passphrase: (nullable): the passphrase as typed
 * @hint_out: (out) (optional) (transfer none): the hint to show
 *
 * Rates @passphrase and gives the sentence that goes with the rating.
 *
 * Returns: the strength
 */
RjPassphraseStrength
rj_passphrase_check (const char  *passphrase,
                     const char **hint_out)
{
  RjPassphraseStrength strength = rj_passphrase_rate (passphrase);

  if (hint_out != NULL)
    *hint_out = rj_passphrase_strength_get_hint (strength);

  return strength;
}
