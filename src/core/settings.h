/*
 * The user's settings: the file $XDG_CONFIG_HOME/minutes/config, one
 * "key = value" a line, "#" comments.  The keys are a table in
 * settings.c (name, values allowed, one line of help), which the manual
 * follows; a key not in it, a value it does not allow, a line without
 * "=" or a key set twice is an error naming the file and the line.
 * Options on the command line win over the file: the front ends use a
 * setting only where no option was given.
 */
#ifndef MINUTES_SETTINGS_H
#define MINUTES_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

struct err;

enum settings_key {
	SET_LANGUAGE,		/* vi | en: like --lang */
	SET_TEMPLATE,		/* a template ID: for new meetings */
	SET_DATE_STYLE,		/* iso | dmy: dates in the command line's tables */
	SET_EXPORT_FORMAT,	/* export's default --format */
	SET_WIDTH,		/* export's default --width */
	SET_REVIEW,		/* open | overdue | all: actions' default scope */
	SET_NKEYS
};

/* One key of the table. */
struct settings_key_info {
	const char	*name;
	const char	*values;	/* "vi|en", or NULL for any word */
	long		 lo, hi;	/* a number from lo to hi, when hi > 0 */
	const char	*help;		/* one line (N_) */
};

struct settings {
	char	*path;			/* the file read, or NULL */
	char	*val[SET_NKEYS];	/* NULL when not set */
	long	 num[SET_NKEYS];	/* the value of a number */
	size_t	 line[SET_NKEYS];	/* the line it was set on */
};

const struct settings_key_info *settings_key(enum settings_key);
/* The key names, "language, template, ...", for messages. */
const char *settings_key_names(void);

void	 settings_init(struct settings *);
void	 settings_free(struct settings *);
/* Reads text[0..len), named name in messages, into s.  0, or ERR_INPUT
 * with "NAME:LINE: what" in e. */
int	 settings_parse(struct settings *, const char *text, size_t len,
	    const char *name, struct err *);
/* Reads the file path into s; a file that does not exist is no error
 * (nothing is set). */
int	 settings_load(struct settings *, const char *path, struct err *);

#endif
