/*
 * The settings file (see settings.h).  Its grammar is the smallest that
 * reads well by hand: "key = value" lines, blanks around both ignored,
 * "#" starting a comment line.  Values are single words or numbers, so
 * there is no quoting; what a value means is the table's business, and a
 * value the table does not allow is refused with its line, never guessed
 * at.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/settings.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/str.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

static const struct settings_key_info keys[SET_NKEYS] = {
	[SET_LANGUAGE] = { "language", "vi|en", 0, 0,
	    N_("the language of messages and screens, as --lang") },
	[SET_TEMPLATE] = { "template", NULL, 0, 0,
	    N_("the template of new meetings, as new --template") },
	[SET_DATE_STYLE] = { "date_style", "iso|dmy", 0, 0,
	    N_("dates in the command line's tables: 2025-10-15 or 15/10/2025") },
	[SET_EXPORT_FORMAT] = { "export_format", NULL, 0, 0,
	    N_("the format export writes, as export --format") },
	[SET_WIDTH] = { "width", NULL, 20, 1000,
	    N_("the line width of text exports, as export --width") },
	[SET_REVIEW] = { "review", "open|overdue|all", 0, 0,
	    N_("what actions lists without --open, --overdue or --all") },
};

const struct settings_key_info *
settings_key(enum settings_key k)
{
	return k < SET_NKEYS ? &keys[k] : NULL;
}

const char *
settings_key_names(void)
{
	static struct buf names = BUF_INIT;

	if (names.len == 0)
		for (int k = 0; k < SET_NKEYS; k++)
			buf_printf(&names, "%s%s", k ? ", " : "", keys[k].name);
	return buf_str(&names);
}

void
settings_init(struct settings *s)
{
	memset(s, 0, sizeof *s);
}

void
settings_free(struct settings *s)
{
	free(s->path);
	for (int k = 0; k < SET_NKEYS; k++)
		free(s->val[k]);
	settings_init(s);
}

/* One "key = value" line (number lineno, NUL-terminated, writable). */
static int
parse_line(struct settings *s, char *line, size_t lineno, const char *name,
    struct err *e)
{
	char *eq = strchr(line, '='), *key, *val, *end;
	int k;

	if (eq == NULL)
		return err_set(e, ERR_INPUT, _("%s:%zu: expected \"key = value\""),
		    name, lineno);
	*eq = '\0';
	key = str_trim(line);
	val = str_trim(eq + 1);
	for (k = 0; k < SET_NKEYS && strcmp(keys[k].name, key) != 0; k++)
		;
	if (k == SET_NKEYS)
		return err_set(e, ERR_INPUT, _("%s:%zu: unknown key \"%s\" (the "
		    "keys are %s)"), name, lineno, key, settings_key_names());
	if (s->val[k])
		return err_set(e, ERR_INPUT, _("%s:%zu: \"%s\" is already set, "
		    "on line %zu"), name, lineno, key, s->line[k]);
	if (*val == '\0' || strpbrk(val, " \t"))
		return err_set(e, ERR_INPUT, _("%s:%zu: \"%s\" takes one word"),
		    name, lineno, key);
	if (keys[k].values && !str_one_of(val, keys[k].values))
		return err_set(e, ERR_INPUT, _("%s:%zu: %s \"%s\" is not one of "
		    "%s"), name, lineno, key, val, keys[k].values);
	if (keys[k].hi > 0) {
		errno = 0;
		s->num[k] = strtol(val, &end, 10);
		if (errno || *end || s->num[k] < keys[k].lo ||
		    s->num[k] > keys[k].hi)
			return err_set(e, ERR_INPUT, _("%s:%zu: %s must be a "
			    "number from %ld to %ld"), name, lineno, key,
			    keys[k].lo, keys[k].hi);
	}
	s->val[k] = xstrdup(val);
	s->line[k] = lineno;
	return 0;
}

int
settings_parse(struct settings *s, const char *text, size_t len,
    const char *name, struct err *e)
{
	char *copy, *p, *nl;
	size_t lineno = 0, bad;
	int rc = 0;

	if (!utf8_valid(text, len, &bad))
		return err_set(e, ERR_INPUT, _("%s:%zu: not valid UTF-8"), name,
		    utf8_line_at(text, bad));
	copy = xstrndup(text, len);
	for (p = copy; p && rc == 0; p = nl) {
		char *line;

		if ((nl = strchr(p, '\n')) != NULL)
			*nl++ = '\0';
		lineno++;
		line = str_trim(p);
		if (*line == '\0' || *line == '#')
			continue;
		rc = parse_line(s, line, lineno, name, e);
	}
	free(copy);
	return rc;
}

int
settings_load(struct settings *s, const char *path, struct err *e)
{
	struct buf b = BUF_INIT;
	char chunk[4096];
	FILE *f = fopen(path, "rb");
	size_t n;
	int rc;

	if (f == NULL && errno == ENOENT)
		return 0;
	if (f == NULL)
		return err_set(e, ERR_INPUT, "%s: %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f)) {
		rc = err_set(e, ERR_INPUT, "%s: %s", path, strerror(errno));
		fclose(f);
		buf_free(&b);
		return rc;
	}
	fclose(f);
	rc = settings_parse(s, buf_str(&b), b.len, path, e);
	if (rc == 0) {
		free(s->path);
		s->path = xstrdup(path);
	}
	buf_free(&b);
	return rc;
}
