/*
 * Trimming and word lists (see str.h).  A blank is a space or a tab only:
 * the files read this way are written by hand in an editor, where other
 * white space is a mistake the reader should see.
 */
#include "config.h"

#include <string.h>

#include "lib/str.h"

char *
str_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

bool
str_one_of(const char *word, const char *list)
{
	size_t n = strlen(word);

	for (const char *p = list; *p; ) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		if (len == n && strncmp(p, word, n) == 0)
			return true;
		p += len + (bar != NULL);
	}
	return false;
}
