/*
 * Unit tests of the template loader: the shipped templates have the keys
 * and kinds SPEC section 5 requires, user folders override shipped ones,
 * and broken files are reported with file and line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static char *
write_file(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
	return path;
}

int
main(void)
{
	struct tmpl_set set;
	struct tmpl t;
	struct err e;
	char dir[] = "/tmp/t_tmpl.XXXXXX";
	char *shipped, *path;
	char *dirs[3];

	shipped = xasprintf("%s/share/templates", getenv("top_srcdir") ?
	    getenv("top_srcdir") : "..");
	dirs[0] = shipped;
	dirs[1] = NULL;
	ok(tmpl_set_load_dirs(&set, dirs, &e) == 0, "shipped templates load");
	check_shipped(&set, "giaoban", "vi");
	check_shipped(&set, "liaison", "en");
	is_str(tmpl_find(&set, "giaoban")->sec[0].columns[0], "Họ và tên",
	    "giaoban roster columns are Vietnamese");
	is_str(tmpl_find(&set, "giaoban")->style, "party", "giaoban style");
	ok(tmpl_find(&set, "nosuch") == NULL, "unknown id not found");
	tmpl_set_free(&set);

	if (mkdtemp(dir) == NULL)
		return 1;
	path = write_file(dir, "giaoban.tmpl",
	    "name: Mine\nlang: vi\n[notes]\nkind: text\nheading: Ghi chú\n");
	free(path);
	dirs[0] = dir;
	dirs[1] = shipped;
	dirs[2] = NULL;
	ok(tmpl_set_load_dirs(&set, dirs, &e) == 0, "user and shipped load");
	is_str(tmpl_find(&set, "giaoban")->name, "Mine", "the user's file wins");
	ok(tmpl_find(&set, "liaison") != NULL, "shipped ones still there");
	tmpl_set_free(&set);

	path = write_file(dir, "bad.tmpl",
	    "name: Bad\n\n[a]\nheading: A\nkind: table\n");
	is_int(tmpl_load_file(path, &t, &e), ERR_INPUT, "unknown kind refused");
	ok(strstr(e.msg, "bad.tmpl: line 5") != NULL, "error names line 5: %s", e.msg);
	free(path);
	path = write_file(dir, "bad.tmpl", "name: Bad\n[a]\nkind: text\n");
	is_int(tmpl_load_file(path, &t, &e), ERR_INPUT, "missing heading refused");
	free(path);
	path = write_file(dir, "bad.tmpl",
	    "[a]\nheading: A\n[a]\nheading: B\n");
	is_int(tmpl_load_file(path, &t, &e), ERR_INPUT, "duplicate key refused");
	ok(strstr(e.msg, "line 3") != NULL, "at line 3: %s", e.msg);
	free(path);
	path = write_file(dir, "bad.tmpl",
	    "[r]\nkind: roster\nheading: R\ncolumns: a | b\n");
	is_int(tmpl_load_file(path, &t, &e), ERR_INPUT, "roster needs 5 columns");
	free(path);
	/* A meeting has one list of tasks: two tables of it would repeat
	 * the rows, and import would double them (found by fuzzing). */
	path = write_file(dir, "bad.tmpl", "[t1]\nkind: tasks\nheading: T\n"
	    "[n]\nheading: N\n[t2]\nheading: U\nkind: tasks\n");
	is_int(tmpl_load_file(path, &t, &e), ERR_INPUT,
	    "a second tasks table refused");
	ok(strstr(e.msg, "line 8") != NULL, "at line 8: %s", e.msg);
	free(path);
	path = write_file(dir, "bad.tmpl", "[a]\nkind: roster\nheading: A\n"
	    "[b]\nkind: roster\nheading: B\n");
	is_int(tmpl_load_file(path, &t, &e), ERR_INPUT,
	    "a second roster table refused");
	free(path);
	path = write_file(dir, "bad.tmpl", "[a]\nkind: roster\nkind: roster\n"
	    "heading: A\n[b]\nkind: tasks\nheading: B\n");
	ok(tmpl_load_file(path, &t, &e) == 0, "one roster and one tasks table load");
	tmpl_free(&t);
	free(path);
	path = write_file(dir, "Bad Name.tmpl", "[a]\nheading: A\n");
	is_int(tmpl_load_file(path, &t, &e), ERR_INPUT, "bad file name refused");
	unlink(path);
	free(path);
	path = write_file(dir, "multi.tmpl",
	    "[a]\nheading: A\nprompt: one\nprompt: two\n");
	ok(tmpl_load_file(path, &t, &e) == 0, "multi-line prompt loads");
	is_str(t.sec[0].prompt, "one\ntwo", "prompt lines join with newlines");
	tmpl_free(&t);
	unlink(path);
	free(path);
	path = xasprintf("%s/bad.tmpl", dir);
	unlink(path);
	free(path);
	path = xasprintf("%s/giaoban.tmpl", dir);
	unlink(path);
	free(path);
	rmdir(dir);
	free(shipped);
	return tap_done();
}
