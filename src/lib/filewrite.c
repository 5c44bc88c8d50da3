/*
 * Atomic whole-file writes (see filewrite.h): the temporary file is made
 * next to the target so the rename stays within one file system, and the
 * directory is synced afterwards because a rename is durable only then.
 * The target is checked before the write and again just before the
 * rename, so that a name turned into a device or a link meanwhile is not
 * replaced either (what is left is a window of one system call).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/filewrite.h"
#include "lib/i18n.h"
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

/* What a file of mode is, for a message; NULL for a regular file. */
static const char *
kind(mode_t mode)
{
	if (S_ISREG(mode))
		return NULL;
	if (S_ISDIR(mode))
		return _("a folder");
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return _("a device");
	if (S_ISFIFO(mode))
		return _("a FIFO (named pipe)");
	if (S_ISSOCK(mode))
		return _("a socket");
	return _("not a regular file");
}

/* The check, with the target's status in *sb (st_mode 0 for a new name). */
static int
check(const char *path, struct stat *sb, struct err *e)
{
	char to[PATH_MAX];
	ssize_t n;

	memset(sb, 0, sizeof *sb);
	if (lstat(path, sb) != 0) {
		if (errno == ENOENT) {
			sb->st_mode = 0;
			return 0;
		}
		return err_set(e, ERR_RUNTIME, "%s: %s", path, strerror(errno));
	}
	if (S_ISLNK(sb->st_mode)) {
		n = readlink(path, to, sizeof to - 1);
		to[n > 0 ? n : 0] = '\0';
		return err_set(e, ERR_INPUT, _("%s: a symbolic link (to %s); "
		    "give the name of the file itself"), path, to);
	}
	if (kind(sb->st_mode))
		return err_set(e, ERR_INPUT, _("%s: %s, not a file; give the "
		    "name of a file to write"), path, kind(sb->st_mode));
	/* Root may write anything: a file nobody may write counts as
	 * read-only all the same. */
	if (access(path, W_OK) != 0 || (sb->st_mode & 0222) == 0)
		return err_set(e, ERR_INPUT, _("%s: the file is read-only; make "
		    "it writable or choose another name"), path);
	return 0;
}

int
filewrite_check(const char *path, struct err *e)
{
	struct stat sb;

	return check(path, &sb, e);
}

/* The folder path lies in, synced so the rename is durable. */
static void
sync_dir(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int dfd;

	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(dir);
}

int
filewrite_atomic(const char *path, const char *data, size_t len,
    struct err *e)
{
	struct stat sb, now;
	char *tmp;
	int fd, rc;

	if ((rc = check(path, &sb, e)) != 0)
		return rc;
	tmp = xasprintf("%s.tmpXXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		err_set(e, ERR_RUNTIME, "%s: %s", path, strerror(errno));
		free(tmp);
		return ERR_RUNTIME;
	}
	/* A file replaced keeps its permissions and owner. */
	if (sb.st_mode != 0 && geteuid() == 0 &&
	    (sb.st_uid != 0 || sb.st_gid != 0))
		(void)!fchown(fd, sb.st_uid, sb.st_gid);
	if (fchmod(fd, sb.st_mode ? sb.st_mode & 0777 : 0600) != 0 ||
	    filewrite_all(fd, data, len) != 0 || fsync(fd) != 0) {
		err_set(e, ERR_RUNTIME, "%s: %s", path, strerror(errno));
		close(fd);
		fd = -1;
	}
	if (fd >= 0 && close(fd) != 0) {
		err_set(e, ERR_RUNTIME, "%s: %s", path, strerror(errno));
		fd = -1;
	}
	if (fd < 0) {
		unlink(tmp);
		free(tmp);
		return ERR_RUNTIME;
	}
	if ((rc = check(path, &now, e)) != 0 || rename(tmp, path) != 0) {
		if (rc == 0)
			rc = err_set(e, ERR_RUNTIME, "%s: %s", path,
			    strerror(errno));
		unlink(tmp);
		free(tmp);
		return rc;
	}
	free(tmp);
	sync_dir(path);
	return 0;
}
