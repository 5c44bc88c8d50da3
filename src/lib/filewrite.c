/*
 * Atomic whole-file writes (see filewrite.h): the temporary file is made
 * next to the target so the rename stays within one file system, and the
 * directory is synced afterwards because a rename is durable only then.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/filewrite.h"
#include "lib/xmalloc.h"

int
filewrite_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
filewrite_atomic(const char *path, const char *data, size_t len,
    struct err *e)
{
	char *tmp, *dir, *slash;
	int fd, dfd;

	tmp = xasprintf("%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		err_set(e, ERR_RUNTIME, "%s: %s", path, strerror(errno));
		free(tmp);
		return ERR_RUNTIME;
	}
	if (fchmod(fd, 0600) != 0 || filewrite_all(fd, data, len) != 0 ||
	    fsync(fd) != 0) {
		err_set(e, ERR_RUNTIME, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return ERR_RUNTIME;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		err_set(e, ERR_RUNTIME, "%s: %s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return ERR_RUNTIME;
	}
	free(tmp);
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(dir);
	return 0;
}
