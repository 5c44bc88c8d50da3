/*
 * Live suggestions, the part that needs no screen (see suggest.h).  The
 * editor calls suggest_paragraph and suggest_find on its idle tick after
 * typing pauses, so the extractor sees one paragraph, not the section:
 * a long section costs no more than the paragraph being typed.  Answered
 * suggestions are remembered by a digest of folded words rather than by
 * span, because spans move with every edit above them.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "extract/extract.h"
#include "extract/suggest.h"
#include "lib/err.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* A line holding only spaces and tabs separates paragraphs. */
static bool
blank_line(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

void
suggest_paragraph(const char *text, size_t len, size_t pos, size_t *start,
    size_t *end)
{
	size_t a, b;

	if (pos > len)
		pos = len;
	/* Back over lines until a blank one. */
	a = pos;
	while (a > 0 && text[a - 1] != '\n')
		a--;
	for (;;) {
		size_t prev;

		if (a == 0)
			break;
		prev = a - 1;
		while (prev > 0 && text[prev - 1] != '\n')
			prev--;
		if (blank_line(text, prev, a - 1))
			break;
		a = prev;
	}
	/* Forward likewise. */
	b = pos;
	while (b < len && text[b] != '\n')
		b++;
	while (b < len) {
		size_t next = b + 1;

		while (next < len && text[next] != '\n')
			next++;
		if (blank_line(text, b + 1, next))
			break;
		b = next;
	}
	*start = a;
	*end = b;
}

void
suggest_digest(const char *assignee, const char *task, char out[17])
{
	char *fa = utf8_fold(assignee ? assignee : "", assignee ?
	    strlen(assignee) : 0);
	char *ft = utf8_fold(task ? task : "", task ? strlen(task) : 0);
	uint64_t h = 14695981039346656037ULL;	/* FNV-1a */
	const char *parts[2] = { fa, ft };

	for (int p = 0; p < 2; p++) {
		bool space = false;

		/* Runs of spaces and trailing punctuation do not count. */
		for (const unsigned char *s = (const unsigned char *)parts[p];
		    *s; s++) {
			if (*s == ' ' || *s == '\t' || *s == '\n') {
				space = true;
				continue;
			}
			if (space) {
				h = (h ^ ' ') * 1099511628211ULL;
				space = false;
			}
			if ((*s == '.' || *s == ';' || *s == ',') && s[1] == '\0')
				break;
			h = (h ^ *s) * 1099511628211ULL;
		}
		h = (h ^ 0x1f) * 1099511628211ULL;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
	free(fa);
	free(ft);
}

static bool
seen_has(char *const *seen, size_t n, const char *d)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(seen[i], d) == 0)
			return true;
	return false;
}

int
suggest_find(struct extractor *x, const char *text, size_t pstart,
    size_t pend, struct ymd ref, char *const *seen, size_t nseen,
    struct suggestion **out, size_t *n, struct err *e)
{
	struct extract_item *it = NULL;
	size_t nit = 0, k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	rc = extract_items(x, text + pstart, pend - pstart, ref, &it, &nit, e);
	if (rc != 0)
		return rc;
	if (nit == 0)
		return 0;
	*out = xcalloc(nit, sizeof **out);
	for (size_t i = 0; i < nit; i++) {
		struct suggestion *s = &(*out)[k];

		suggest_digest(it[i].assignee, it[i].task, s->digest);
		if (seen_has(seen, nseen, s->digest))
			continue;
		s->start = pstart + it[i].start;
		s->end = pstart + it[i].end;
		s->assignee = xstrdup0(it[i].assignee);
		s->task = xstrdup0(it[i].task);
		s->due_text = xstrdup0(it[i].deadline_text);
		s->has_due = it[i].has_due;
		s->due = it[i].due;
		k++;
	}
	*n = k;
	extract_items_free(it, nit);
	return 0;
}

void
suggest_free(struct suggestion *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].assignee);
		free(s[i].task);
		free(s[i].due_text);
	}
	free(s);
}

void
suggest_to_action(const struct suggestion *s, const char *section,
    struct action *a)
{
	memset(a, 0, sizeof *a);
	a->assignee = xstrdup0(s->assignee);
	a->task = xstrdup(s->task ? s->task : "");
	if (s->has_due) {
		char iso[11];

		cal_format_iso(s->due, iso);
		a->due = xstrdup(iso);
	}
	a->due_text = xstrdup0(s->due_text);
	a->status = ACT_OPEN;
	a->src_section = xstrdup0(section);
	a->src_start = (int64_t)s->start;
	a->src_end = (int64_t)s->end;
}

bool
suggest_due(struct extractor *x, const char *phrase, struct ymd ref,
    struct ymd *due)
{
	/* A bare month or weekday is no deadline to the rules, which look
	 * for one in running text: the same words after a cue word are. */
	static const char *const cues[] = { "", "trong ", "trước ", "by " };
	struct err e;

	while (*phrase == ' ')
		phrase++;
	if (*phrase == '\0')
		return false;
	/* A whole date in any form a person writes one (03/07/2024); a
	 * day and month alone is a deadline phrase: the next such day. */
	if (cal_read_date(phrase, NULL, due) == CAL_OK)
		return true;
	if (x == NULL)
		return false;
	for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
		char *s = xasprintf("%s%s", cues[c], phrase);
		struct extract_deadline *d = NULL;
		size_t nd = 0;
		bool found = false;

		err_clear(&e);
		if (extract_deadlines(x, s, strlen(s), ref, &d, &nd, &e) == 0 &&
		    nd > 0) {
			*due = d[0].due;
			found = true;
		}
		extract_deadlines_free(d, nd);
		free(s);
		if (found)
			return true;
	}
	return false;
}
