/*
 * Unit tests of the template loader: the shipped templates have the keys
 * and kinds SPEC section 5 requires, user folders override shipped ones,
 * and broken files are reported with file and line.  Each feature is one
 * function, which stops at a failed set-up.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/model.h"
#include "lib/err.h"
#include "tap.h"
#include "core/tmpl.h"
#include "lib/xmalloc.h"

static const char *const keys[] = {
	"attendees", "results", "limitations", "opinions", "conclusions", "tasks"
};

static void
check_shipped(const struct tmpl_set *set, const char *id, const char *lang)
{
	const struct tmpl *t = tmpl_find(set, id);

	if (!ok(t != NULL, "%s is shipped", id))
		return;
	is_str(t->lang, lang, "%s language", id);
	is_int((intmax_t)t->nsec, 6, "%s has six sections", id);
	for (size_t i = 0; i < 6 && i < t->nsec; i++) {
		is_str(t->sec[i].key, keys[i], "%s section %zu key", id, i + 1);
		ok(t->sec[i].prompt && strlen(t->sec[i].prompt) > 20,
		    "%s %s has a guidance prompt", id, keys[i]);
	}
	ok(t->sec[0].kind == SEC_ROSTER && t->sec[0].ncolumns == 5,
	    "%s attendees is a 5-column roster", id);
	ok(t->sec[5].kind == SEC_TASKS && t->sec[5].ncolumns == 4,
	    "%s tasks is a 4-column table", id);
	for (size_t i = 1; i < 5; i++)
		ok(t->sec[i].kind == SEC_TEXT, "%s %s is text", id, keys[i]);
}

/* Writes text to dir/name; the path (malloc'd), or NULL on failure. */
static char *
write_file(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0) {
		ok(0, "set-up: %s written", path);
		free(path);
		return NULL;
	}
	return path;
}

static void
test_shipped(char *shipped)
{
	char *dirs[] = { shipped, NULL };
	struct tmpl_set set;
	struct err e;

	if (!ok(tmpl_set_load_dirs(&set, dirs, &e) == 0,
	    "shipped templates load"))
		return;
	check_shipped(&set, "giaoban", "vi");
	check_shipped(&set, "liaison", "en");
	if (ok(tmpl_find(&set, "giaoban") != NULL, "giaoban found")) {
		is_str(tmpl_find(&set, "giaoban")->sec[0].columns[0],
		    "Họ và tên", "giaoban roster columns are Vietnamese");
		is_str(tmpl_find(&set, "giaoban")->style, "party",
		    "giaoban style");
	}
	ok(tmpl_find(&set, "nosuch") == NULL, "unknown id not found");
	tmpl_set_free(&set);
}

static void
test_user_wins(char *dir, char *shipped)
{
	char *dirs[] = { dir, shipped, NULL };
	char *path = write_file(dir, "giaoban.tmpl",
	    "name: Mine\nlang: vi\n[notes]\nkind: text\nheading: Ghi chú\n");
	struct tmpl_set set;
	struct err e;

	if (path == NULL)
		return;
	if (ok(tmpl_set_load_dirs(&set, dirs, &e) == 0, "user and shipped load")) {
		if (ok(tmpl_find(&set, "giaoban") != NULL, "giaoban found"))
			is_str(tmpl_find(&set, "giaoban")->name, "Mine",
			    "the user's file wins");
		ok(tmpl_find(&set, "liaison") != NULL, "shipped ones still there");
		tmpl_set_free(&set);
	}
	unlink(path);
	free(path);
}

/* Files the loader refuses, each with the line its message names (0
 * when the message names none). */
static const struct {
	const char	*name, *text, *what;
	size_t		 line;
} refused[] = {
	{ "bad.tmpl", "name: Bad\n\n[a]\nheading: A\nkind: table\n",
	  "unknown kind refused", 5 },
	{ "bad.tmpl", "name: Bad\n[a]\nkind: text\n",
	  "missing heading refused", 0 },
	{ "bad.tmpl", "[a]\nheading: A\n[a]\nheading: B\n",
	  "duplicate key refused", 3 },
	{ "bad.tmpl", "[r]\nkind: roster\nheading: R\ncolumns: a | b\n",
	  "roster needs 5 columns", 0 },
	/* A meeting has one list of tasks: two tables of it would repeat
	 * the rows, and import would double them (found by fuzzing). */
	{ "bad.tmpl", "[t1]\nkind: tasks\nheading: T\n"
	  "[n]\nheading: N\n[t2]\nheading: U\nkind: tasks\n",
	  "a second tasks table refused", 8 },
	{ "bad.tmpl", "[a]\nkind: roster\nheading: A\n"
	  "[b]\nkind: roster\nheading: B\n",
	  "a second roster table refused", 0 },
	{ "Bad Name.tmpl", "[a]\nheading: A\n", "bad file name refused", 0 },
	{ "bad.tmpl", "fields: title, date, venue\n[a]\nheading: A\n",
	  "an unknown header field refused", 1 },
	{ "bad.tmpl", "name: X\nfields: title, date, status\n[a]\n"
	  "heading: A\n", "status is no field a person types", 2 },
	{ "bad.tmpl", "fields: title | date | title\n[a]\nheading: A\n",
	  "a field twice refused", 1 },
	{ "bad.tmpl", "fields: title, place\n[a]\nheading: A\n",
	  "fields without the date refused", 1 },
};

static void
test_refused(const char *dir)
{
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		char *path = write_file(dir, refused[i].name, refused[i].text);
		char want[32];
		struct tmpl t;
		struct err e;

		if (path == NULL)
			return;
		is_int(tmpl_load_file(path, &t, &e), ERR_INPUT, "%s",
		    refused[i].what);
		if (refused[i].line) {
			snprintf(want, sizeof want, "%s: line %zu",
			    refused[i].name, refused[i].line);
			ok(strstr(e.msg, want) != NULL, "the error names "
			    "line %zu: %s", refused[i].line, e.msg);
		}
		unlink(path);
		free(path);
	}
}

static void
test_loads(const char *dir)
{
	char *path = write_file(dir, "ok.tmpl", "[a]\nkind: roster\n"
	    "kind: roster\nheading: A\n[b]\nkind: tasks\nheading: B\n");
	struct tmpl t;
	struct err e;

	if (path == NULL)
		return;
	if (ok(tmpl_load_file(path, &t, &e) == 0,
	    "one roster and one tasks table load"))
		tmpl_free(&t);
	unlink(path);
	free(path);
	path = write_file(dir, "multi.tmpl",
	    "[a]\nheading: A\nprompt: one\nprompt: two\n");
	if (path == NULL)
		return;
	if (ok(tmpl_load_file(path, &t, &e) == 0, "multi-line prompt loads")) {
		is_str(t.sec[0].prompt, "one\ntwo",
		    "prompt lines join with newlines");
		tmpl_free(&t);
	}
	unlink(path);
	free(path);
}

/* The header form's fields: the template's, or every field typed. */
static void
test_fields(const char *dir)
{
	char *path = write_file(dir, "f.tmpl", "fields: title | date, place "
	    ",locality\n[a]\nheading: A\n");
	struct tmpl t;
	struct err e;
	const int *f;
	size_t n;

	if (path == NULL)
		return;
	if (ok(tmpl_load_file(path, &t, &e) == 0, "a template with fields")) {
		n = tmpl_fields(&t, &f);
		ok(n == 4 && f[0] == F_TITLE && f[1] == F_DATE &&
		    f[2] == F_PLACE && f[3] == F_LOCALITY,
		    "its fields, in its order, | or , between them");
		tmpl_free(&t);
	}
	unlink(path);
	free(path);
	n = tmpl_fields(NULL, &f);
	is_int((intmax_t)n, 12, "the default: every field typed");
	ok(n == 12 && f[0] == F_TITLE && f[3] == F_DATE && f[7] == F_LOCALITY &&
	    f[8] == F_CHAIR && f[11] == F_RECIPIENTS,
	    "title first, the place of issue after the place");
}

int
main(void)
{
	char dir[] = "/tmp/t_tmpl.XXXXXX";
	char *shipped = xasprintf("%s/share/templates", getenv("top_srcdir") ?
	    getenv("top_srcdir") : "..");

	test_shipped(shipped);
	if (ok(mkdtemp(dir) != NULL, "set-up: a folder for the user's files")) {
		test_user_wins(dir, shipped);
		test_refused(dir);
		test_loads(dir);
		test_fields(dir);
		rmdir(dir);
	}
	free(shipped);
	return tap_done();
}
