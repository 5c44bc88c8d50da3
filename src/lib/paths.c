/*
 * Path discovery (see paths.h).  The build-tree check compares the running
 * binary with the one this build produces, so `src/minutes` works straight
 * after `make` and an installed copy never reads a stale source tree.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/paths.h"
#include "lib/paths_dirs.h"	/* written by make: see Makefile.am */
#include "lib/xmalloc.h"

char *
paths_db(struct err *e)
{
	const char *env = getenv("MINUTES_DB"), *home;

	if (env && *env)
		return xstrdup(env);
	env = getenv("XDG_DATA_HOME");
	if (env && *env == '/')
		return xasprintf("%s/minutes/minutes.db", env);
	home = getenv("HOME");
	if (home && *home)
		return xasprintf("%s/.local/share/minutes/minutes.db", home);
	err_set(e, ERR_INPUT, _("neither XDG_DATA_HOME nor HOME is set; use "
	    "--db"));
	return NULL;
}

const char *
paths_datadir(void)
{
	static char *dir;
	const char *env = getenv("MINUTES_DATADIR");
	char self[PATH_MAX], build[PATH_MAX];

	if (env && *env)
		return env;
	if (dir)
		return dir;
	dir = PKGDATADIR;
	if (realpath("/proc/self/exe", self) &&
	    realpath(BUILD_BINARY, build) && strcmp(self, build) == 0)
		dir = BUILD_SHAREDIR;
	return dir;
}

const char *
paths_localedir(void)
{
	return strcmp(paths_datadir(), BUILD_SHAREDIR) == 0 ? BUILD_LOCALEDIR :
	    LOCALEDIR;
}

char *
paths_configdir(void)
{
	const char *env = getenv("XDG_CONFIG_HOME"), *home;

	if (env && *env == '/')
		return xasprintf("%s/minutes", env);
	home = getenv("HOME");
	if (home && *home)
		return xasprintf("%s/.config/minutes", home);
	return NULL;
}

char **
paths_search(const char *kind)
{
	char **v = xcalloc(3, sizeof *v);
	char *cfg = paths_configdir();
	size_t n = 0;

	if (cfg) {
		v[n++] = xasprintf("%s/%s", cfg, kind);
		free(cfg);
	}
	v[n++] = xasprintf("%s/%s", paths_datadir(), kind);
	v[n] = NULL;
	return v;
}

void
paths_free(char **v)
{
	if (v == NULL)
		return;
	for (char **p = v; *p; p++)
		free(*p);
	free(v);
}

int
paths_mkdirs(const char *dir, unsigned mode, struct err *e)
{
	char *p = xstrdup(dir);

	for (char *s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;

			*s = '\0';
			if (mkdir(p, (mode_t)mode) != 0 && errno != EEXIST) {
				err_set(e, ERR_RUNTIME, "%s: %s", p, strerror(errno));
				free(p);
				return ERR_RUNTIME;
			}
			*s = c;
			if (c == '\0')
				break;
		}
	}
	free(p);
	return 0;
}

bool
paths_is_database(const char *path, const char *db)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	struct stat a, b;

	if (path == NULL || db == NULL || stat(path, &a) != 0)
		return false;
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		char *f = xasprintf("%s%s", db, ext[i]);
		bool same = stat(f, &b) == 0 && a.st_dev == b.st_dev &&
		    a.st_ino == b.st_ino;

		free(f);
		if (same)
			return true;
	}
	return false;
}
