/*
 * Where things live: the database, the shipped data (templates, rules) and
 * the user's own copies.  The shipped data is found in the source tree when
 * the program runs from its build tree, else where `make install` put it.
 */
#ifndef MINUTES_PATHS_H
#define MINUTES_PATHS_H

#include <stdbool.h>
#include <stddef.h>

struct err;

/* The default database path: MINUTES_DB, else $XDG_DATA_HOME/minutes/
 * minutes.db, else ~/.local/share/minutes/minutes.db.  malloc'd, or NULL
 * with an error when neither XDG_DATA_HOME nor HOME is set. */
char	*paths_db(struct err *);
/* The directory holding the shipped templates/ and rules/ (not malloc'd):
 * MINUTES_DATADIR, else the source tree's share/ for a binary run from its
 * build tree, else the installed package data directory. */
const char *paths_datadir(void);
/* The directory of the message catalogues: the build tree's when the
 * shipped data is the source tree's, else the installed one. */
const char *paths_localedir(void);
/* The user's configuration directory for minutes ($XDG_CONFIG_HOME/minutes
 * or ~/.config/minutes), malloc'd; NULL if neither is set. */
char	*paths_configdir(void);
/* Directories to search for files of a kind ("templates", "rules"), the
 * user's first.  Returns a NULL-terminated malloc'd array of malloc'd
 * strings; free with paths_free. */
char	**paths_search(const char *kind);
void	 paths_free(char **);
/* True if path is the database db or one of its companion files (-wal,
 * -shm, -journal), under whatever name: writing there would destroy it. */
bool	 paths_is_database(const char *path, const char *db);
/* Creates dir and its parents with the given mode where missing. */
int	 paths_mkdirs(const char *dir, unsigned mode, struct err *);

#endif
