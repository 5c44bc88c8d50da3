/*
 * Fuzz target for the promise rescue files make: whatever meeting the
 * program holds, md_write writes a file that `minutes import` reads back.
 * The bytes are cut at NUL into strings that fill a meeting of a shipped
 * template (header fields, every text section, attendees and tasks); a
 * meeting the model accepts (meeting_validate, after meeting_normalise as
 * the editor does) must then be written, read without error, and give
 * every text section back byte for byte and the same file when written
 * again.
 */
#include "config.h"

#include <string.h>

#include "lib/buf.h"
#include "lib/err.h"
#include "fuzz.h"
#include "core/mdformat.h"
#include "core/model.h"
#include "core/tmpl.h"
#include "lib/xmalloc.h"

static struct tmpl_set set;

struct input {
	const char	*p, *end;
};

/* The next string, up to a NUL or the end; NULL once used up. */
static char *
next(struct input *in)
{
	const char *nul;
	char *s;

	if (in->p >= in->end)
		return NULL;
	nul = memchr(in->p, '\0', (size_t)(in->end - in->p));
	if (nul == NULL)
		nul = in->end;
	s = xstrndup(in->p, (size_t)(nul - in->p));
	in->p = nul + 1;
	return s;
}

/* The next string, or NULL for an empty one or none. */
static char *
next_opt(struct input *in)
{
	char *s = next(in);

	if (s && *s == '\0') {
		free(s);
		s = NULL;
	}
	return s;
}

static void
fill(struct meeting *m, const struct tmpl *t, struct input *in)
{
	static const enum field header[] = { F_TITLE, F_ORGANISATION, F_NUMBER,
	    F_PLACE, F_CHAIR, F_SECRETARY, F_RECIPIENTS, F_SERIES };
	char *s;

	meeting_init(m);
	meeting_set(m, F_TEMPLATE, t->id);
	meeting_set(m, F_DATE, "2025-01-02");
	for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
		if ((s = next(in)) != NULL) {
			meeting_set(m, header[i], s);
			free(s);
		}
	for (size_t i = 0; i < t->nsec; i++)
		if (t->sec[i].kind == SEC_TEXT && (s = next(in)) != NULL) {
			meeting_section_set(m, t->sec[i].key, s);
			free(s);
		}
	while (in->p + 2 <= in->end) {
		unsigned char what = (unsigned char)*in->p++;

		if (what & 1) {
			struct attendee *a = meeting_add_attendee(m);

			a->role = (enum role)(what >> 1 & 3);
			a->presence = (enum presence)(what >> 3 & 3) % 3;
			a->name = next(in);
			a->position = next_opt(in);
			a->organisation = next_opt(in);
			a->proxy = a->presence == PRES_REPRESENTED ?
			    next_opt(in) : NULL;
		} else {
			struct action *a = meeting_add_action(m);

			a->status = (enum act_status)(what >> 1 & 3);
			a->assignee = next_opt(in);
			a->task = next(in);
			if (what & 8)
				a->due = xstrdup("2025-02-03");
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *dirs[] = { FUZZ_SHAREDIR "/templates", NULL };
	struct input in = { (const char *)data + 1, (const char *)data + size };
	const struct tmpl *t;
	struct meeting m, r;
	struct buf a = BUF_INIT, b = BUF_INIT;
	struct err e;

	if (set.n == 0)
		FUZZ_CHECK(tmpl_set_load_dirs(&set, dirs, &e) == 0, e.msg);
	if (size < 1)
		return 0;
	t = &set.t[data[0] % set.n];
	fill(&m, t, &in);
	meeting_normalise(&m);
	if (meeting_validate(&m, &e) != 0) {
		meeting_free(&m);
		return 0;
	}
	FUZZ_CHECK(md_write(&a, &m, &set, &e) == 0, e.msg);
	if (md_read(a.s, a.len, "rescue", &set, &r, &e) != 0) {
		fprintf(stderr, "%s\n--- written:\n%s", e.msg, a.s);
		FUZZ_CHECK(0, "a valid meeting written does not read back");
	}
	for (size_t i = 0; i < t->nsec; i++) {
		const char *x = meeting_section(&m, t->sec[i].key);
		const char *y = meeting_section(&r, t->sec[i].key);

		if (t->sec[i].kind == SEC_TEXT &&
		    strcmp(x ? x : "", y ? y : "") != 0) {
			fprintf(stderr, "--- %s was:\n%s\n--- read back:\n%s\n",
			    t->sec[i].key, x ? x : "", y ? y : "");
			FUZZ_CHECK(0, "a text section changed on the way");
		}
	}
	FUZZ_CHECK(md_write(&b, &r, &set, &e) == 0, e.msg);
	if (a.len != b.len || memcmp(a.s, b.s, a.len) != 0) {
		fprintf(stderr, "--- first:\n%s--- second:\n%s", a.s, b.s);
		FUZZ_CHECK(0, "md_write of what it wrote gives other bytes");
	}
	meeting_free(&m);
	meeting_free(&r);
	buf_free(&a);
	buf_free(&b);
	return 0;
}
