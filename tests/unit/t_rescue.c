/*
 * Unit tests of rescue files, one function per feature: the meeting lands beside the database in the
 * Markdown format, reads back with md_read, and an unwritable folder falls
 * back to the next place.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mdformat.h"
#include "core/model.h"
#include "core/rescue.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "tap.h"
#include "core/tmpl.h"
#include "lib/xmalloc.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_steal(&b);
}

/* A meeting worth rescuing, numbered 7. */
static void
fill(struct meeting *m)
{
	meeting_init(m);
	m->id = 7;
	meeting_set(m, F_TEMPLATE, "giaoban");
	meeting_set(m, F_TITLE, "Giao ban tháng 12");
	meeting_set(m, F_DATE, "2023-12-20");
	meeting_section_set(m, "results", "Đạt 92,3% kế hoạch.");
}

/* The shipped templates, and a fresh folder for the database to be in;
 * false after saying why not. */
static bool
setup(struct tmpl_set *set, char *dir, const char *what)
{
	char *dirs[2];
	struct err e;
	bool good;

	memset(set, 0, sizeof *set);
	dirs[0] = xasprintf("%s/share/templates", getenv("top_srcdir") ?
	    getenv("top_srcdir") : "..");
	dirs[1] = NULL;
	good = ok(tmpl_set_load_dirs(set, dirs, &e) == 0, "%s: set-up: "
	    "templates", what) && ok(mkdtemp(dir) != NULL, "%s: set-up: "
	    "a folder", what);
	free(dirs[0]);
	if (!good)
		tmpl_set_free(set);
	return good;
}

/* The rescue file lands beside the database and reads back. */
static void
test_beside_database(void)
{
	struct tmpl_set set;
	struct meeting m, back;
	char dir[] = "/tmp/t_rescue.XXXXXX", *db, *path = NULL, *text;
	struct err e;
	size_t len = 0;

	if (!setup(&set, dir, "beside the database"))
		return;
	db = xasprintf("%s/minutes.db", dir);
	fill(&m);
	if (!ok(rescue_write(&m, &set, db, &path, &e) == 0, "rescue written"))
		goto out;
	ok(path && strncmp(path, dir, strlen(dir)) == 0 &&
	    strstr(path, "/minutes-rescue-7-") != NULL, "beside the database: %s",
	    path ? path : "(none)");
	text = path ? slurp(path, &len) : NULL;
	meeting_init(&back);
	if (ok(text && md_read(text, len, "rescue", &set, &back, &e) == 0,
	    "it reads back as Markdown"))
		is_str(meeting_section(&back, "results"), "Đạt 92,3% kế hoạch.",
		    "with the text");
	meeting_free(&back);
	free(text);
	if (path)
		unlink(path);
out:
	free(path);
	rmdir(dir);
	free(db);
	meeting_free(&m);
	tmpl_set_free(&set);
}

/* A folder it cannot write in sends it to the next place. */
static void
test_fallback(void)
{
	struct tmpl_set set;
	struct meeting m;
	char dir[] = "/tmp/t_rescue.XXXXXX", *db, *path = NULL;
	struct err e;

	if (getuid() == 0) {
		printf("ok %d - an unwritable folder falls back elsewhere "
		    "# SKIP root writes anywhere\n", ++tap_n);
		return;
	}
	if (!setup(&set, dir, "fallback"))
		return;
	db = xasprintf("%s/minutes.db", dir);
	fill(&m);
	chmod(dir, 0500);
	ok(rescue_write(&m, &set, db, &path, &e) == 0 && path &&
	    strncmp(path, dir, strlen(dir)) != 0,
	    "an unwritable folder falls back elsewhere");
	chmod(dir, 0700);
	if (path)
		unlink(path);
	free(path);
	rmdir(dir);
	free(db);
	meeting_free(&m);
	tmpl_set_free(&set);
}

int
main(void)
{
	test_beside_database();
	test_fallback();
	return tap_done();
}
