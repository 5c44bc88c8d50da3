/*
 * Unit tests of the settings file: the keys of the table and their
 * values, comments and blanks, and each kind of mistake reported with the
 * file's name and the line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/settings.h"
#include "lib/err.h"
#include "tap.h"

static int
parse(struct settings *s, const char *text, struct err *e)
{
	settings_init(s);
	e->msg[0] = '\0';
	return settings_parse(s, text, strlen(text), "cfg", e);
}

static void
test_values(void)
{
	struct settings s;
	struct err e;

	if (!ok(parse(&s, "# my settings\n\nlanguage = vi\n  width=72  \n"
	    "review = overdue\r\ndate_style = dmy\ntemplate = giaoban\n"
	    "export_format = md\n", &e) == 0, "a file with every key reads")) {
		printf("# %s\n", e.msg);
		settings_free(&s);
		return;
	}
	is_str(s.val[SET_LANGUAGE], "vi", "language");
	is_int(s.num[SET_WIDTH], 72, "width, a number, blanks around it");
	is_int((intmax_t)s.line[SET_WIDTH], 4, "the line a key was set on");
	is_str(s.val[SET_REVIEW], "overdue", "review, a CRLF line");
	is_str(s.val[SET_DATE_STYLE], "dmy", "date_style");
	is_str(s.val[SET_TEMPLATE], "giaoban", "template");
	is_str(s.val[SET_EXPORT_FORMAT], "md", "export_format");
	settings_free(&s);
	ok(parse(&s, "", &e) == 0 && s.val[SET_LANGUAGE] == NULL,
	    "an empty file sets nothing");
	settings_free(&s);
}

static void
bad(const char *text, const char *want, const char *what)
{
	struct settings s;
	struct err e;

	is_int(parse(&s, text, &e), ERR_INPUT, "%s is refused", what);
	if (!ok(strstr(e.msg, want) != NULL, "%s: \"%s\"", what, want))
		printf("# got: %s\n", e.msg);
	settings_free(&s);
}

static void
test_mistakes(void)
{
	bad("language = vi\ncolour = red\n", "cfg:2: unknown key \"colour\" (the "
	    "keys are language, template, date_style, export_format, width, "
	    "review)", "an unknown key");
	bad("\nlanguage vi\n", "cfg:2: expected \"key = value\"", "no =");
	bad("language = fr\n", "cfg:1: language \"fr\" is not one of vi|en",
	    "a value not allowed");
	bad("width = 10\n", "cfg:1: width must be a number from 20 to 1000",
	    "a number out of range");
	bad("width = 8O\n", "cfg:1: width must be a number", "not a number");
	bad("review = all\nreview = open\n", "cfg:2: \"review\" is already "
	    "set, on line 1", "a key set twice");
	bad("template =\n", "cfg:1: \"template\" takes one word", "no value");
	bad("template = a b\n", "cfg:1: \"template\" takes one word",
	    "two words");
	bad("language = vi\ntemplate = gi\xe1o\n", "cfg:2: not valid UTF-8",
	    "invalid UTF-8");
}

static void
test_files(void)
{
	struct settings s;
	struct err e;
	char dir[] = "/tmp/t_settings.XXXXXX", *path;
	FILE *f;

	settings_init(&s);
	ok(settings_load(&s, "/nonexistent/minutes/config", &e) == 0 &&
	    s.path == NULL, "no file: nothing set, no error");
	if (!ok(mkdtemp(dir) != NULL, "a folder for the file"))
		return;
	is_int(settings_load(&s, dir, &e), ERR_INPUT, "a folder is refused");
	path = malloc(strlen(dir) + 8);
	sprintf(path, "%s/config", dir);
	if ((f = fopen(path, "w")) != NULL) {
		fputs("review = all\n", f);
		fclose(f);
	}
	ok(settings_load(&s, path, &e) == 0 && s.path &&
	    strcmp(s.path, path) == 0 && strcmp(s.val[SET_REVIEW], "all") == 0,
	    "a file is read, and its name kept for messages");
	settings_free(&s);
	remove(path);
	remove(dir);
	free(path);
}

int
main(void)
{
	test_values();
	test_mistakes();
	test_files();
	return tap_done();
}
