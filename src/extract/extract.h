/*
 * Action items and deadlines found in meeting text.  The patterns are data:
 * rule files (share/rules/vi.rules, en.rules, and the user's own in
 * $XDG_CONFIG_HOME/minutes/rules) compiled once into an extractor that the
 * command line, the live editor and the action review share.  Results
 * carry byte spans into the text exactly as the caller gave it, although
 * matching runs on its NFC form.  An extractor keeps its match buffers
 * between calls: use one per thread.
 */
#ifndef MINUTES_EXTRACT_H
#define MINUTES_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/cal.h"

struct err;
struct extractor;

struct extract_item {
	int		 sentence;	/* 1-based */
	size_t		 start, end;	/* byte span of the directive */
	char		*assignee;	/* NULL when the text names nobody */
	char		*task;
	char		*deadline_text;	/* NULL when no deadline */
	bool		 has_due;
	struct ymd	 due;
};

struct extract_deadline {
	size_t		 start, end;
	char		*text;
	struct ymd	 due;
};

/* Loads and compiles the rules for lang ("vi", "en" or "auto", which
 * picks per text) from the usual places (paths_search("rules")).  Rules
 * that fail to compile are left out and listed by extract_problem; NULL
 * with an error only when no usable rule file exists at all. */
struct extractor *extract_new(const char *lang, struct err *);
/* The same from the given NULL-terminated directories, first wins. */
struct extractor *extract_new_dirs(const char *lang, char *const *dirs,
	    struct err *);
void	 extract_free(struct extractor *);
/* The i-th problem found while loading ("FILE:LINE: ..."), or NULL. */
const char *extract_problem(const struct extractor *, size_t i);
/* Number of rules compiled. */
size_t	 extract_nrules(const struct extractor *);
/* A rule whose match PCRE2 stopped at its match limit while extracting
 * no longer goes unnoticed: the i-th such rule, told once, as "FILE:LINE:
 * ..." (for stderr or the editor's status line), or NULL; and how many
 * matches were stopped in all. */
const char *extract_warning(const struct extractor *, size_t i);
size_t	 extract_limit_hits(const struct extractor *);

/* The key of the template section the next texts come from, or NULL
 * (the default) to infer each paragraph's role: in "results" and
 * "limitations" only a cue ("đề nghị", "giao", "please") makes a task;
 * "conclusions" and "tasks" hold most of them.  Other keys count as
 * none. */
void	 extract_set_section(struct extractor *, const char *key);

/* Action items of text[0..len) with ref as the meeting's date.  0 on
 * success, else an error code (ERR_INPUT for invalid UTF-8). */
int	 extract_items(struct extractor *, const char *text, size_t len,
	    struct ymd ref, struct extract_item **out, size_t *n,
	    struct err *);
/* Every deadline expression, in or out of an action item. */
int	 extract_deadlines(struct extractor *, const char *text, size_t len,
	    struct ymd ref, struct extract_deadline **out, size_t *n,
	    struct err *);
void	 extract_items_free(struct extract_item *, size_t n);
void	 extract_deadlines_free(struct extract_deadline *, size_t n);

#endif
