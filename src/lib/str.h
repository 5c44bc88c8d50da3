/*
 * Two string mechanisms of the readers of what people write: trimming a
 * line in place (settings and template files), and asking whether a word
 * is one of a '|'-separated list (the form the settings table and the
 * option table write their allowed values in, so that the list can be
 * shown to the user as it stands).
 */
#ifndef MINUTES_STR_H
#define MINUTES_STR_H

#include <stdbool.h>

/* Cuts blanks and tabs from both ends of s (and a carriage return from
 * its end) in place; returns the first character kept. */
char	*str_trim(char *s);
/* True if word is one of the '|'-separated words of list. */
bool	 str_one_of(const char *word, const char *list);

#endif
