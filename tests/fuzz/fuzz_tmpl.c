/*
 * Fuzz target for the template loader.  A user's template is a file in
 * $XDG_CONFIG_HOME/minutes/templates, so the bytes go to a file that
 * tmpl_load_file reads.  A template it accepts must then serve a meeting:
 * one with text in every text section and a row in every table must be
 * written by md_write and read back by md_read to the same bytes, since a
 * heading or key the writer can produce but the reader refuses would make
 * the user's meetings impossible to import again.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/buf.h"
#include "lib/err.h"
#include "fuzz.h"
#include "core/mdformat.h"
#include "core/model.h"
#include "core/tmpl.h"
#include "lib/xmalloc.h"

static char *path;

static void
make_path(void)
{
	char dir[] = "/tmp/minutes-fuzz-XXXXXX";

	if (path)
		return;
	FUZZ_CHECK(mkdtemp(dir) != NULL, "mkdtemp");
	path = xasprintf("%s/fuzz.tmpl", dir);
}

static void
fill(struct meeting *m, const struct tmpl *t)
{
	meeting_init(m);
	meeting_set(m, F_TEMPLATE, t->id);
	meeting_set(m, F_TITLE, "T");
	meeting_set(m, F_DATE, "2025-01-02");
	for (size_t i = 0; i < t->nsec; i++) {
		const struct tmpl_section *sec = &t->sec[i];

		if (sec->kind == SEC_TEXT)
			meeting_section_set(m, sec->key, "text | \\ # {#x}");
		else if (sec->kind == SEC_ROSTER && m->natt == 0) {
			struct attendee *a = meeting_add_attendee(m);

			a->name = xstrdup("A | B");
			a->role = ROLE_MEMBER;
			a->presence = PRES_PRESENT;
		} else if (sec->kind == SEC_TASKS && m->nact == 0) {
			struct action *a = meeting_add_action(m);

			a->task = xstrdup("do \\| it");
			a->status = ACT_OPEN;
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tmpl_set set = { NULL, 0 };
	struct meeting m, r;
	struct buf a = BUF_INIT, b = BUF_INIT;
	struct err e;
	FILE *f;

	make_path();
	FUZZ_CHECK((f = fopen(path, "w")) != NULL, "fopen");
	FUZZ_CHECK(fwrite(data, 1, size, f) == size && fclose(f) == 0,
	    "write");
	set.t = xcalloc(1, sizeof *set.t);
	if (tmpl_load_file(path, &set.t[0], &e) != 0) {
		free(set.t);
		return 0;
	}
	set.n = 1;
	fill(&m, &set.t[0]);
	FUZZ_CHECK(md_write(&a, &m, &set, &e) == 0, e.msg);
	if (md_read(a.s, a.len, "again", &set, &r, &e) != 0) {
		fprintf(stderr, "%s\n--- written:\n%s", e.msg, a.s);
		FUZZ_CHECK(0, "a meeting of this template does not read back");
	}
	FUZZ_CHECK(md_write(&b, &r, &set, &e) == 0, e.msg);
	FUZZ_CHECK(a.len == b.len && memcmp(a.s, b.s, a.len) == 0,
	    "md_write of what it wrote gives other bytes");
	meeting_free(&m);
	meeting_free(&r);
	buf_free(&a);
	buf_free(&b);
	tmpl_set_free(&set);
	return 0;
}
