/*
 * The last line of defence against losing text: when the database cannot
 * be written and the program must end (a signal, or the user leaving
 * anyway), the whole meeting is written as a Markdown file that `minutes
 * import` reads back.
 */
#ifndef MINUTES_RESCUE_H
#define MINUTES_RESCUE_H

struct err;
struct meeting;
struct tmpl_set;

/* Writes m to a new file minutes-rescue-ID-YYYYMMDD-HHMMSS.md beside the
 * database (dbpath), else in $HOME, else in $TMPDIR or /tmp; with no
 * dbpath (a store on a server) in $HOME first.  *out gets its path
 * (malloc'd).  0 or an error. */
int	 rescue_write(const struct meeting *m, const struct tmpl_set *,
	    const char *dbpath, char **out, struct err *);

#endif
