/*
 * Case-file reader for the extractor's tests (see cases.h).  Plain data
 * files keep hundreds of cases readable and let a new case be one line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "lib/xmalloc.h"

static char *
unescape(const char *s, size_t n)
{
	char *o = xmalloc(n + 1), *w = o;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && (s[i + 1] == 'n' || s[i + 1] == 't' ||
		    s[i + 1] == '\\')) {
			i++;
			*w++ = s[i] == 'n' ? '\n' : s[i] == 't' ? '\t' : '\\';
		} else
			*w++ = s[i];
	}
	*w = '\0';
	return o;
}

static void
split(struct case_line *c, const char *s, int lineno)
{
	c->lineno = lineno;
	c->nf = 0;
	while (c->nf < CASE_MAXF) {
		const char *tab = strchr(s, '\t');
		size_t n = tab ? (size_t)(tab - s) : strlen(s);

		c->f[c->nf++] = unescape(s, n);
		if (!tab)
			break;
		s = tab + 1;
	}
}

long
cases_read(const char *path, struct test_case **out)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, n = 0;
	ssize_t len;
	int lineno = 0;
	struct test_case *v = NULL;

	*out = NULL;
	if (f == NULL)
		return -1;
	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (line[0] == '>' && n > 0) {
			struct test_case *c = &v[n - 1];

			c->expect = xreallocarray(c->expect, c->nexpect + 1,
			    sizeof *c->expect);
			split(&c->expect[c->nexpect++],
			    line + (line[1] == ' ' ? 2 : 1), lineno);
			continue;
		}
		v = xreallocarray(v, n + 1, sizeof *v);
		memset(&v[n], 0, sizeof v[n]);
		split(&v[n].head, line, lineno);
		n++;
	}
	free(line);
	fclose(f);
	*out = v;
	return (long)n;
}

static void
free_line(struct case_line *c)
{
	for (int i = 0; i < c->nf; i++)
		free(c->f[i]);
}

void
cases_free(struct test_case *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free_line(&v[i].head);
		for (size_t j = 0; j < v[i].nexpect; j++)
			free_line(&v[i].expect[j]);
		free(v[i].expect);
	}
	free(v);
}

const char *
case_opt(const char *field)
{
	return field == NULL || strcmp(field, "-") == 0 ? NULL : field;
}

const char *
case_name(const char *s, char buf[72])
{
	size_t n = strlen(s);

	if (n > 60) {
		n = 60;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	strcpy(buf + n, strlen(s) > n ? "..." : "");
	return buf;
}
