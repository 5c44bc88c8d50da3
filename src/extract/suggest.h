/*
 * The editor's live suggestions without the screen: which paragraph of a
 * section to look at after an edit, the action items found there as
 * suggestions (with byte spans into the whole section), the digest that
 * remembers a suggestion the secretary has answered, and the turning of a
 * suggestion or a typed due phrase into a task.  Kept free of curses so
 * the unit tests can drive it.
 */
#ifndef MINUTES_SUGGEST_H
#define MINUTES_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/cal.h"

struct action;
struct err;
struct extractor;

/* One suggestion: an extracted item placed in its section. */
struct suggestion {
	size_t		 start, end;	/* byte span in the section's text */
	char		*assignee;	/* NULL when the text names nobody */
	char		*task;
	char		*due_text;	/* the deadline phrase, or NULL */
	bool		 has_due;
	struct ymd	 due;
	char		 digest[17];	/* see suggest_digest */
};

/* The paragraph around byte pos of text: the run of non-blank lines that
 * holds pos (a task-list heading and its items stay together).  Sets
 * [*start, *end); *end excludes the final newline. */
void	 suggest_paragraph(const char *text, size_t len, size_t pos,
	    size_t *start, size_t *end);

/* A short stable name for a suggestion: 16 hex digits of a hash of the
 * folded assignee and task, so that the same directive retyped with other
 * case, marks or spacing is recognised as answered. */
void	 suggest_digest(const char *assignee, const char *task, char out[17]);

/* Runs the extractor on text[pstart, pend) (one paragraph of a section)
 * and returns the items not among the n digests in seen, with spans into
 * the whole text.  *out is malloc'd (free with suggest_free).  0 or an
 * error code. */
int	 suggest_find(struct extractor *, const char *text, size_t pstart,
	    size_t pend, struct ymd ref, char *const *seen, size_t nseen,
	    struct suggestion **out, size_t *n, struct err *);
void	 suggest_free(struct suggestion *, size_t n);

/* Fills a (zeroed or freed) action from s, linked to section key. */
void	 suggest_to_action(const struct suggestion *, const char *section,
	    struct action *a);

/* The due date a secretary typed: an ISO date, or any deadline phrase
 * the extractor knows ("tháng 12/2023", "by Friday", "trong 2 tuần"),
 * relative to ref.  False when nothing in phrase is a date. */
bool	 suggest_due(struct extractor *, const char *phrase, struct ymd ref,
	    struct ymd *due);

#endif
