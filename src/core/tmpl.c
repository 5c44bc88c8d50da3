/*
 * Template files (see tmpl.h).  The format is line based: "key: value"
 * lines, "[section-key]" lines that open a section, "#" comments.  A
 * repeated "prompt:" line continues the prompt on a new line, so guidance
 * can run to several lines without any quoting rules.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/tmpl.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/paths.h"
#include "lib/str.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

static bool
valid_key(const char *k)
{
	if (*k == '\0')
		return false;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') ||
		    *k == '-' || *k == '_'))
			return false;
	return true;
}

static void
split_columns(struct tmpl_section *sec, const char *v)
{
	const char *p = v;

	for (size_t i = 0; i < sec->ncolumns; i++)
		free(sec->columns[i]);
	free(sec->columns);
	sec->columns = NULL;
	sec->ncolumns = sec->colcap = 0;
	for (;;) {
		const char *bar = strchr(p, '|');
		char *cell = xstrndup(p, bar ? (size_t)(bar - p) : strlen(p));

		XPUSH(sec->columns, sec->ncolumns, sec->colcap);
		sec->columns[sec->ncolumns++] = xstrdup(str_trim(cell));
		free(cell);
		if (bar == NULL)
			break;
		p = bar + 1;
	}
}

static const char *const roster_default[] = {
	"Name", "Position", "Organisation", "Role", "Presence"
};
static const char *const tasks_default[] = {
	"Assignee", "Task", "Due", "Status"
};

/* Checks a finished section; fills in default columns. */
static int
finish_section(struct tmpl_section *sec, const char *path, size_t line,
    struct err *e)
{
	const char *const *def = NULL;
	size_t want = 0;

	if (sec->heading == NULL)
		return err_set(e, ERR_INPUT, _("%s: line %zu: section \"%s\" has "
		    "no heading"), path, line, sec->key);
	if (sec->kind == SEC_ROSTER) {
		def = roster_default;
		want = 5;
	} else if (sec->kind == SEC_TASKS) {
		def = tasks_default;
		want = 4;
	}
	if (want && sec->ncolumns == 0) {
		sec->columns = xcalloc(want, sizeof *sec->columns);
		for (size_t i = 0; i < want; i++)
			sec->columns[i] = xstrdup(def[i]);
		sec->ncolumns = sec->colcap = want;
	}
	if (sec->ncolumns != want)
		return err_set(e, ERR_INPUT, _("%s: line %zu: section \"%s\" needs "
		    "%zu columns, not %zu"), path, line, sec->key, want,
		    sec->ncolumns);
	if (sec->prompt == NULL)
		sec->prompt = xstrdup("");
	return 0;
}

static char *
id_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base ? base + 1 : path;
	n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".tmpl") == 0)
		n -= 5;
	return xstrndup(base, n);
}

/* A template file being read: where, and the section lines go to. */
struct reader {
	const char	*path;
	size_t		 line;
	struct tmpl	*t;
	struct tmpl_section *sec;	/* the open section, or NULL */
	struct err	*e;
};

/* "[key]": finishes the open section and opens the next. */
static int
open_section(struct reader *rd, char *s)
{
	struct tmpl *t = rd->t;
	char *end = strchr(s, ']');
	int rc;

	if (rd->sec && (rc = finish_section(rd->sec, rd->path, rd->line, rd->e)))
		return rc;
	if (end == NULL || end[1] != '\0' || (*end = '\0', !valid_key(s + 1)))
		return err_set(rd->e, ERR_INPUT, _("%s: line %zu: a section line "
		    "is [key], key of a-z, 0-9, - or _"), rd->path, rd->line);
	if (tmpl_section(t, s + 1))
		return err_set(rd->e, ERR_INPUT, _("%s: line %zu: section \"%s\" "
		    "appears twice"), rd->path, rd->line, s + 1);
	XPUSH(t->sec, t->nsec, t->seccap);
	rd->sec = &t->sec[t->nsec++];
	memset(rd->sec, 0, sizeof *rd->sec);
	rd->sec->key = xstrdup(s + 1);
	return 0;
}

/* "fields: title, date, ...": the header form's fields, in order; any
 * field but template and status, each once, with title and date. */
static int
template_fields(struct reader *rd, const char *v)
{
	struct tmpl *t = rd->t;
	const char *p = v;
	bool seen[F_NFIELDS] = { false };

	free(t->fields);
	t->fields = xcalloc(F_NFIELDS, sizeof *t->fields);
	t->nfields = 0;
	while (*p) {
		size_t n = strcspn(p, ",|");
		char *w = xstrndup(p, n), *k = str_trim(w);
		int f = field_parse(k);

		if (f < 0 || f == F_TEMPLATE || f == F_STATUS || seen[f]) {
			err_set(rd->e, ERR_INPUT, f >= 0 && seen[f] ?
			    _("%s: line %zu: field \"%s\" appears twice") :
			    _("%s: line %zu: \"%s\" is not a header field"),
			    rd->path, rd->line, k);
			free(w);
			return ERR_INPUT;
		}
		seen[f] = true;
		t->fields[t->nfields++] = f;
		free(w);
		p += n + (p[n] != '\0');
	}
	if (!seen[F_TITLE] || !seen[F_DATE])
		return err_set(rd->e, ERR_INPUT, _("%s: line %zu: the fields "
		    "must include title and date"), rd->path, rd->line);
	return 0;
}

/* A key before the first section: the template's own. */
static int
template_key(struct reader *rd, const char *k, const char *v)
{
	struct tmpl *t = rd->t;
	char **dst;

	if (strcmp(k, "fields") == 0)
		return template_fields(rd, v);
	dst = strcmp(k, "name") == 0 ? &t->name :
	    strcmp(k, "lang") == 0 ? &t->lang :
	    strcmp(k, "style") == 0 ? &t->style :
	    strcmp(k, "title") == 0 ? &t->title :
	    strcmp(k, "locality") == 0 ? &t->locality : NULL;

	if (dst == NULL)
		return err_set(rd->e, ERR_INPUT, _("%s: line %zu: unknown key "
		    "\"%s\""), rd->path, rd->line, k);
	free(*dst);
	*dst = xstrdup(v);
	return 0;
}

/* "kind:" of the open section. */
static int
section_kind(struct reader *rd, const char *v)
{
	struct tmpl_section *sec = rd->sec;
	struct tmpl *t = rd->t;

	if (strcmp(v, "text") == 0)
		sec->kind = SEC_TEXT;
	else if (strcmp(v, "roster") == 0)
		sec->kind = SEC_ROSTER;
	else if (strcmp(v, "tasks") == 0)
		sec->kind = SEC_TASKS;
	else
		return err_set(rd->e, ERR_INPUT, _("%s: line %zu: kind must be "
		    "text, roster or tasks"), rd->path, rd->line);
	/* A meeting has one list of attendees and one of tasks: a second
	 * table of either kind would show the same rows again, and reading
	 * them back would add them twice. */
	for (size_t i = 0; sec->kind != SEC_TEXT && i + 1 < t->nsec; i++)
		if (t->sec[i].kind == sec->kind)
			return err_set(rd->e, ERR_INPUT, _("%s: line %zu: section "
			    "\"%s\" is a second %s table"), rd->path, rd->line,
			    sec->key, v);
	return 0;
}

/* A key of the open section. */
static int
section_key(struct reader *rd, const char *k, const char *v)
{
	struct tmpl_section *sec = rd->sec;

	if (strcmp(k, "heading") == 0) {
		free(sec->heading);
		sec->heading = xstrdup(v);
	} else if (strcmp(k, "prompt") == 0) {
		char *p = sec->prompt ?
		    xasprintf("%s\n%s", sec->prompt, v) : xstrdup(v);

		free(sec->prompt);
		sec->prompt = p;
	} else if (strcmp(k, "kind") == 0) {
		return section_kind(rd, v);
	} else if (strcmp(k, "required") == 0) {
		sec->required = strcmp(v, "yes") == 0;
	} else if (strcmp(k, "columns") == 0) {
		split_columns(sec, v);
	} else {
		return err_set(rd->e, ERR_INPUT, _("%s: line %zu: unknown key "
		    "\"%s\""), rd->path, rd->line, k);
	}
	return 0;
}

/* One line of the file, without its newline. */
static int
read_line(struct reader *rd, char *line, size_t n)
{
	char *s, *colon;

	if (!utf8_valid(line, n, NULL))
		return err_set(rd->e, ERR_INPUT, _("%s: line %zu: not valid "
		    "UTF-8"), rd->path, rd->line);
	line[strcspn(line, "\n")] = '\0';
	s = str_trim(line);
	if (*s == '\0' || *s == '#')
		return 0;
	if (*s == '[')
		return open_section(rd, s);
	if ((colon = strchr(s, ':')) == NULL)
		return err_set(rd->e, ERR_INPUT, _("%s: line %zu: expected "
		    "\"key: value\""), rd->path, rd->line);
	*colon = '\0';
	if (rd->sec == NULL)
		return template_key(rd, str_trim(s), str_trim(colon + 1));
	return section_key(rd, str_trim(s), str_trim(colon + 1));
}

/* After the last line: the last section checked, the defaults filled. */
static int
finish(struct reader *rd)
{
	struct tmpl *t = rd->t;
	int rc;

	if (rd->sec && (rc = finish_section(rd->sec, rd->path, rd->line, rd->e)))
		return rc;
	if (t->nsec == 0)
		return err_set(rd->e, ERR_INPUT, _("%s: the template has no "
		    "sections"), rd->path);
	if (t->lang == NULL)
		t->lang = xstrdup("en");
	if (t->name == NULL)
		t->name = xstrdup(t->id);
	if (t->style && strcmp(t->style, "state") != 0 &&
	    strcmp(t->style, "party") != 0)
		return err_set(rd->e, ERR_INPUT, _("%s: style must be state or "
		    "party"), rd->path);
	return 0;
}

int
tmpl_load_file(const char *path, struct tmpl *t, struct err *e)
{
	struct reader rd = { path, 0, t, NULL, e };
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = 0;

	memset(t, 0, sizeof *t);
	if ((f = fopen(path, "r")) == NULL)
		return err_set(e, ERR_INPUT, "%s: %s", path, strerror(errno));
	t->id = id_from_path(path);
	t->path = xstrdup(path);
	if (!valid_key(t->id))
		rc = err_set(e, ERR_INPUT, _("%s: the file name must be "
		    "lower-case letters, digits, - or _"), path);
	while (rc == 0 && (n = getline(&line, &cap, f)) > 0) {
		rd.line++;
		rc = read_line(&rd, line, (size_t)n);
	}
	if (rc == 0 && ferror(f))
		rc = err_set(e, ERR_RUNTIME, "%s: %s", path, strerror(errno));
	if (rc == 0)
		rc = finish(&rd);
	free(line);
	fclose(f);
	if (rc)
		tmpl_free(t);
	return rc;
}

void
tmpl_free(struct tmpl *t)
{
	for (size_t i = 0; i < t->nsec; i++) {
		struct tmpl_section *s = &t->sec[i];

		free(s->key);
		free(s->heading);
		free(s->prompt);
		for (size_t k = 0; k < s->ncolumns; k++)
			free(s->columns[k]);
		free(s->columns);
	}
	free(t->sec);
	free(t->id);
	free(t->name);
	free(t->lang);
	free(t->style);
	free(t->title);
	free(t->locality);
	free(t->path);
	free(t->fields);
	memset(t, 0, sizeof *t);
}

static int
by_id(const void *a, const void *b)
{
	return strcmp(((const struct tmpl *)a)->id, ((const struct tmpl *)b)->id);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
tmpl_set_load_dirs(struct tmpl_set *set, char *const *dirs, struct err *e)
{
	memset(set, 0, sizeof *set);
	for (; *dirs; dirs++) {
		DIR *d = opendir(*dirs);
		struct dirent *de;
		char **names = NULL;
		size_t nn = 0, namecap = 0;

		if (d == NULL)
			continue;	/* a missing user folder is normal */
		while ((de = readdir(d)) != NULL) {
			size_t len = strlen(de->d_name);

			if (len > 5 && strcmp(de->d_name + len - 5, ".tmpl") == 0) {
				XPUSH(names, nn, namecap);
				names[nn++] = xstrdup(de->d_name);
			}
		}
		closedir(d);
		qsort(names, nn, sizeof *names, by_name);
		for (size_t i = 0; i < nn; i++) {
			char *path = xasprintf("%s/%s", *dirs, names[i]);
			struct tmpl t;
			int rc = tmpl_load_file(path, &t, e);

			free(path);
			if (rc) {
				for (; i < nn; i++)
					free(names[i]);
				free(names);
				tmpl_set_free(set);
				return rc;
			}
			if (tmpl_find(set, t.id)) {
				tmpl_free(&t);	/* an earlier folder wins */
			} else {
				XPUSH(set->t, set->n, set->cap);
				set->t[set->n++] = t;
			}
			free(names[i]);
		}
		free(names);
	}
	if (set->n)
		qsort(set->t, set->n, sizeof *set->t, by_id);
	return 0;
}

int
tmpl_set_load(struct tmpl_set *set, struct err *e)
{
	char **dirs = paths_search("templates");
	int rc = tmpl_set_load_dirs(set, dirs, e);

	paths_free(dirs);
	return rc;
}

void
tmpl_set_free(struct tmpl_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		tmpl_free(&set->t[i]);
	free(set->t);
	memset(set, 0, sizeof *set);
}

const struct tmpl *
tmpl_find(const struct tmpl_set *set, const char *id)
{
	for (size_t i = 0; id && i < set->n; i++)
		if (strcmp(set->t[i].id, id) == 0)
			return &set->t[i];
	return NULL;
}

size_t
tmpl_fields(const struct tmpl *t, const int **out)
{
	static const int def[] = {
		F_TITLE, F_ORGANISATION, F_NUMBER, F_DATE, F_START, F_END,
		F_PLACE, F_LOCALITY, F_CHAIR, F_SECRETARY, F_SERIES,
		F_RECIPIENTS
	};

	if (t && t->nfields) {
		*out = t->fields;
		return t->nfields;
	}
	*out = def;
	return sizeof def / sizeof def[0];
}

const struct tmpl_section *
tmpl_section(const struct tmpl *t, const char *key)
{
	int i = tmpl_section_index(t, key);

	return i < 0 ? NULL : &t->sec[i];
}

int
tmpl_section_index(const struct tmpl *t, const char *key)
{
	for (size_t i = 0; key && i < t->nsec; i++)
		if (strcmp(t->sec[i].key, key) == 0)
			return (int)i;
	return -1;
}
