/*
 * Reader for the extractor's case files in tests/extract/: tab-separated
 * lines, '#' comments, "\n" and "\t" escapes in fields.  A case line is
 * followed by zero or more expectation lines starting with "> ".
 */
#ifndef MINUTES_TEST_CASES_H
#define MINUTES_TEST_CASES_H

#include <stddef.h>

#define CASE_MAXF 8

struct case_line {
	int	 lineno;
	int	 nf;
	char	*f[CASE_MAXF];		/* unescaped fields */
};

struct test_case {
	struct case_line	 head;
	struct case_line	*expect;
	size_t			 nexpect;
};

/* Reads path; returns the number of cases, or -1 if unreadable. */
long	 cases_read(const char *path, struct test_case **out);
void	 cases_free(struct test_case *, size_t n);
/* "-" means none. */
const char *case_opt(const char *field);
/* A case's text as a test's name: its first ~60 bytes, cut at a
 * character boundary, "..." when cut; in buf. */
const char *case_name(const char *text, char buf[72]);

#endif
