/*
 * Meeting templates: small text files that say which header fields a
 * meeting has and which sections follow, in order, each with its key,
 * heading, guidance prompt and kind (free text, roster table, tasks table).
 * Templates are data so a user can add one in $XDG_CONFIG_HOME/minutes/
 * templates/ without recompiling; a user file overrides a shipped file of
 * the same name.  The format is documented in minutes(1) and at the top of
 * share/templates/giaoban.tmpl.
 */
#ifndef MINUTES_TMPL_H
#define MINUTES_TMPL_H

#include <stdbool.h>
#include <stddef.h>

struct err;

enum sec_kind { SEC_TEXT, SEC_ROSTER, SEC_TASKS };

struct tmpl_section {
	char		*key;		/* [a-z0-9_-]+ */
	char		*heading;
	char		*prompt;	/* guidance, may hold newlines */
	enum sec_kind	 kind;
	bool		 required;	/* checked before a meeting is final */
	char		**columns;	/* table headings (roster 5, tasks 4) */
	size_t		 ncolumns, colcap;
};

struct tmpl {
	char		*id;		/* the file name without .tmpl */
	char		*name;		/* human name */
	char		*lang;		/* "vi" or "en" */
	char		*style;		/* default biên bản style, or NULL */
	char		*title;		/* default meeting title, or NULL */
	char		*locality;	/* default place of issue, or NULL */
	char		*path;		/* where it was read from */
	/* The header fields the editor's form shows, in order (enum field
	 * values, from "fields:"); none for the default list
	 * (tmpl_fields). */
	int		*fields;
	size_t		 nfields;
	struct tmpl_section *sec;
	size_t		 nsec, seccap;
};

/* The arrays here grow by XPUSH: each capacity stands beside its array. */
struct tmpl_set {
	struct tmpl	*t;
	size_t		 n, cap;
};

/* Parses one template file; id comes from the file name. */
int	 tmpl_load_file(const char *path, struct tmpl *out, struct err *);
void	 tmpl_free(struct tmpl *);
/* Loads every *.tmpl in the directories (earlier ones win on equal id),
 * sorted by id.  A broken file is an error naming file and line. */
int	 tmpl_set_load_dirs(struct tmpl_set *, char *const *dirs, struct err *);
/* The usual search path: the user's templates, then the shipped ones. */
int	 tmpl_set_load(struct tmpl_set *, struct err *);
void	 tmpl_set_free(struct tmpl_set *);
const struct tmpl *tmpl_find(const struct tmpl_set *, const char *id);
/* The header fields of the editor's form, in order (enum field values):
 * the template's "fields:", else every field a person types (all but
 * template, style and status).  Returns the count; *out is not to be
 * freed. */
size_t	 tmpl_fields(const struct tmpl *, const int **out);
const struct tmpl_section *tmpl_section(const struct tmpl *, const char *key);
int	 tmpl_section_index(const struct tmpl *, const char *key);

#endif
