/*
 * Writing a whole file so that readers only ever see the old bytes or all
 * of the new ones: what an export to a file needs, from the command line
 * (-o) and from the screens alike.  The write goes to a temporary file
 * beside the target, then takes the target's name, so it must refuse a
 * name that is not a plain file: renaming over /dev/null or a FIFO would
 * replace the device or the pipe with a file, and writing through a
 * symbolic link would put the file wherever the link points.
 */
#ifndef MINUTES_FILEWRITE_H
#define MINUTES_FILEWRITE_H

#include <stddef.h>

struct err;

/* Whether filewrite_atomic may write path: a new name, or a regular file
 * this process may write.  A device, FIFO, socket, folder, symbolic link
 * or read-only file (for root too: one with no write permission at all)
 * is refused: ERR_INPUT with one line naming the path and what it is. */
int	 filewrite_check(const char *path, struct err *);
/* Writes data to path through a temporary file in the same directory
 * (fsync, rename, fsync of the directory), after filewrite_check.  A file
 * replaced keeps its permissions (and, for root, its owner); a new one
 * is made 0600.  On failure path is untouched and no temporary file is
 * left: ERR_INPUT from the check, ERR_RUNTIME with the reason. */
int	 filewrite_atomic(const char *path, const char *data, size_t len,
	    struct err *);
/* write(2) until done, retrying on EINTR; -1 with errno on failure. */
int	 filewrite_all(int fd, const char *p, size_t len);

#endif
