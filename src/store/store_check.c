/*
 * Checking the database file at open (see store.h).  SQLite reads a
 * damaged file without a word until it reaches a damaged page, and an
 * import would write into it, so the file is checked with PRAGMA
 * quick_check before anything is read or written.  On a 100,000-task
 * database that takes a quarter of a second (three with a cold cache),
 * against the 30-50 ms a command takes, so it runs only when the file is
 * not as minutes last saw it: a mark kept in the user's cache folder
 * records the file's identity, size, modification and change times (and
 * its WAL's) after each check and after each write of this program made
 * on a file it trusted.  A file changed by anything else -- another program,
 * a copy, a crash in the middle of a write, a disk -- is checked again.
 *
 * The mark only ever saves a check: a lost or stale one costs one check,
 * so it is written without fsync, and any failure to read or write it is
 * ignored.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/paths.h"
#include "lib/xmalloc.h"
#include "store/store_impl.h"

/* The folder of marks, malloc'd, or NULL when there is no home. */
static char *
mark_dir(void)
{
	const char *c = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");

	if (c && *c == '/')
		return xasprintf("%s/minutes", c);
	if (h && *h == '/')
		return xasprintf("%s/.cache/minutes", h);
	return NULL;
}

/* The mark file of the database at path (by its real path), malloc'd;
 * *real its real path. */
static char *
mark_path(const char *path, char real[PATH_MAX])
{
	char *dir = mark_dir(), *p;
	unsigned long long h = 1469598103934665603ULL;

	if (dir == NULL || realpath(path, real) == NULL) {
		free(dir);
		return NULL;
	}
	for (const char *c = real; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211ULL;
	p = xasprintf("%s/check-%016llx", dir, h);
	free(dir);
	return p;
}

static void
stat_one(const char *path, struct st_fstate *f, bool wal)
{
	struct stat sb;

	if (stat(path, &sb) != 0)
		return;
	if (wal) {
		/* An empty WAL, as any connection makes it at its first
		 * read, holds nothing: the same as none. */
		if (sb.st_size == 0)
			return;
		f->wal_size = (long long)sb.st_size;
		f->wal_mtime = (long long)sb.st_mtim.tv_sec * 1000000000LL +
		    sb.st_mtim.tv_nsec;
		return;
	}
	f->dev = (unsigned long long)sb.st_dev;
	f->ino = (unsigned long long)sb.st_ino;
	f->size = (long long)sb.st_size;
	f->mtime = (long long)sb.st_mtim.tv_sec * 1000000000LL +
	    sb.st_mtim.tv_nsec;
	f->ctime = (long long)sb.st_ctim.tv_sec * 1000000000LL +
	    sb.st_ctim.tv_nsec;
}

void
st_fstate(const struct store *s, struct st_fstate *f)
{
	char *wal = xasprintf("%s-wal", s->path);

	memset(f, 0, sizeof *f);
	f->wal_size = -1;
	stat_one(s->path, f, false);
	stat_one(wal, f, true);
	free(wal);
}

static bool
same_state(const struct st_fstate *a, const struct st_fstate *b)
{
	return a->ino != 0 && memcmp(a, b, sizeof *a) == 0;
}

/* The mark of path: the state recorded for it; false when there is
 * none (or another file's, by a clash of names). */
static bool
mark_read(const char *path, struct st_fstate *f)
{
	char real[PATH_MAX], line[PATH_MAX + 2], *mp = mark_path(path, real);
	FILE *in = mp ? fopen(mp, "re") : NULL;
	bool good = false;

	memset(f, 0, sizeof *f);
	if (in && fgets(line, sizeof line, in) &&
	    (line[strcspn(line, "\n")] = '\0', strcmp(line, real) == 0))
		good = fscanf(in, "%llu %llu %lld %lld %lld %lld %lld",
		    &f->dev, &f->ino, &f->size, &f->mtime, &f->ctime,
		    &f->wal_size, &f->wal_mtime) == 7;
	if (in)
		fclose(in);
	free(mp);
	return good;
}

/* Records f as the state of path that minutes trusts. */
static void
mark_write(const char *path, const struct st_fstate *f)
{
	char real[PATH_MAX], *mp = mark_path(path, real), *dir, *tmp;
	struct err e;
	FILE *out;
	int fd;

	if (mp == NULL)
		return;
	dir = xstrdup(mp);
	*strrchr(dir, '/') = '\0';
	tmp = xasprintf("%s.XXXXXX", mp);
	if (paths_mkdirs(dir, 0700, &e) == 0 && (fd = mkstemp(tmp)) >= 0) {
		if ((out = fdopen(fd, "w")) != NULL) {
			fprintf(out, "%s\n%llu %llu %lld %lld %lld %lld %lld\n",
			    real, f->dev, f->ino, f->size, f->mtime, f->ctime,
			    f->wal_size, f->wal_mtime);
			if (fclose(out) != 0 || rename(tmp, mp) != 0)
				unlink(tmp);
		} else {
			close(fd);
			unlink(tmp);
		}
	}
	free(tmp);
	free(dir);
	free(mp);
}

/* Forgets the marks of databases that are gone, so the folder does not
 * fill with the marks of throwaway files. */
static void
mark_prune(void)
{
	char *dir = mark_dir(), line[PATH_MAX + 2];
	struct dirent *de;
	DIR *d = dir ? opendir(dir) : NULL;

	while (d && (de = readdir(d)) != NULL) {
		char *p;
		FILE *in;

		if (strncmp(de->d_name, "check-", 6) != 0)
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		if ((in = fopen(p, "re")) != NULL) {
			if (fgets(line, sizeof line, in) != NULL) {
				line[strcspn(line, "\n")] = '\0';
				if (access(line, F_OK) != 0 && errno == ENOENT)
					unlink(p);
			}
			fclose(in);
		}
		free(p);
	}
	if (d)
		closedir(d);
	free(dir);
}

/* The first line of quick_check's answer, or NULL when it says "ok". */
static int
quick_check(struct store *s, char **problem)
{
	sqlite3_stmt *st;
	int rc;

	*problem = NULL;
	if (sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st,
	    NULL) != SQLITE_OK)
		return sqlite3_extended_errcode(s->db);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		/* Its first line names the schema ("*** in database main
		 * ***"); the next says what is wrong. */
		while (t && strncmp(t, "*** ", 4) == 0 && strchr(t, '\n'))
			t = strchr(t, '\n') + 1;
		if (t && strcmp(t, "ok") != 0)
			*problem = xstrndup(t, strcspn(t, "\n"));
		rc = SQLITE_OK;
	} else
		rc = sqlite3_extended_errcode(s->db);
	sqlite3_finalize(st);
	return rc;
}

int
st_damaged(struct store *s, const char *what, struct err *e)
{
	return err_set(e, ERR_RUNTIME, _("%s: the database is damaged "
	    "(%s); nothing was written.  Restore a copy, or save what can "
	    "be read with: sqlite3 %s .recover | sqlite3 recovered.db"),
	    s->path, what, s->path);
}

int
st_check(struct store *s, struct err *e)
{
	struct st_fstate before, after, mark;
	char *problem = NULL;
	int rc;

	st_fstate(s, &before);
	if (mark_read(s->path, &mark) && same_state(&before, &mark)) {
		s->trusted = before;
		return 0;
	}
	rc = quick_check(s, &problem);
	if (rc != SQLITE_OK || problem) {
		rc = (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) ==
		    SQLITE_NOTADB || problem ? st_damaged(s, problem ? problem :
		    sqlite3_errstr(rc), e) : st_fail(s, _("checking the "
		    "database"), e);
		free(problem);
		return rc;
	}
	/* Trusted only if nobody wrote while it was being checked. */
	st_fstate(s, &after);
	if (same_state(&before, &after)) {
		s->trusted = after;
		mark_write(s->path, &after);
		mark_prune();
	}
	return 0;
}

void
st_check_began(struct store *s)
{
	st_fstate(s, &s->pre);
}

void
st_check_committed(struct store *s)
{
	struct st_fstate now, mark;

	/* A write of ours on a file as we trusted it, or as the mark of
	 * another instance of ours left it. */
	if (!same_state(&s->pre, &s->trusted) &&
	    !(mark_read(s->path, &mark) && same_state(&s->pre, &mark)))
		return;
	st_fstate(s, &now);
	s->trusted = now;
	mark_write(s->path, &now);
}

bool
st_check_unchanged(struct store *s)
{
	struct st_fstate now;

	st_fstate(s, &now);
	return same_state(&now, &s->trusted);
}

void
st_check_closed(const char *path)
{
	struct store tmp = { .path = (char *)path };
	struct st_fstate now, mark;

	st_fstate(&tmp, &now);
	/* A command that only read leaves the file as its mark says: a
	 * read is then not also a write in the cache folder (a temporary
	 * file and a rename on every `minutes actions`). */
	if (now.ino != 0 && !(mark_read(path, &mark) &&
	    same_state(&now, &mark)))
		mark_write(path, &now);
}
