/*
 * Rescue files (see rescue.h).  The file is created exclusively, written,
 * synced and only then reported, so a reported rescue is really on disk.
 * Several places are tried because the reason the database failed (a
 * read-only or full disk) may hold for its folder too.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/mdformat.h"
#include "core/model.h"
#include "core/rescue.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"

static int
write_file(const char *path, const struct buf *b)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	const char *p = buf_str(b);
	size_t left = b->len;

	if (fd < 0)
		return -1;
	while (left > 0) {
		ssize_t n = write(fd, p, left);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			unlink(path);
			return -1;
		}
		p += n;
		left -= (size_t)n;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		unlink(path);
		return -1;
	}
	return 0;
}

int
rescue_write(const struct meeting *m, const struct tmpl_set *set,
    const char *dbpath, char **out, struct err *e)
{
	struct buf b = BUF_INIT;
	char stamp[32], *dirs[3] = { NULL, NULL, NULL };
	const char *home = getenv("HOME"), *tmp = getenv("TMPDIR");
	time_t now = time(NULL);
	struct tm tm;
	int rc = ERR_RUNTIME;

	*out = NULL;
	if (md_write(&b, m, set, e) != 0) {
		buf_free(&b);
		return ERR_RUNTIME;
	}
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	/* The temporary folder is the user's choice where they made one. */
	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	if (dbpath && strrchr(dbpath, '/'))
		dirs[0] = xstrndup(dbpath, (size_t)(strrchr(dbpath, '/') - dbpath));
	else if (dbpath)
		dirs[0] = xstrdup(".");
	else	/* no file (a store on a server): the home folder first */
		dirs[0] = xstrdup(home && *home ? home : tmp);
	dirs[1] = xstrdup(home && *home ? home : tmp);
	dirs[2] = xstrdup(tmp);
	for (int i = 0; i < 3 && rc != 0; i++) {
		char *path = xasprintf("%s/minutes-rescue-%lld-%s.md", dirs[i],
		    (long long)m->id, stamp);

		if (write_file(path, &b) == 0) {
			*out = path;
			rc = 0;
		} else
			free(path);
	}
	if (rc != 0)
		err_set(e, ERR_RUNTIME, _("cannot write a rescue file: %s"),
		    strerror(errno));
	for (int i = 0; i < 3; i++)
		free(dirs[i]);
	buf_free(&b);
	return rc;
}
