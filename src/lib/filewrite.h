/*
 * Writing a whole file so that readers only ever see the old bytes or all
 * of the new ones: what an export to a file needs, from the command line
 * (-o) and from the screens alike, so it lives in the core.
 */
#ifndef MINUTES_FILEWRITE_H
#define MINUTES_FILEWRITE_H

#include <stddef.h>

struct err;

/* Writes data to path through a temporary file in the same directory
 * (mode 0600, fsync, rename, fsync of the directory).  On failure path is
 * untouched and no temporary file is left; ERR_RUNTIME with the reason. */
int	 filewrite_atomic(const char *path, const char *data, size_t len,
	    struct err *);
/* write(2) until done, retrying on EINTR; -1 with errno on failure. */
int	 filewrite_all(int fd, const char *p, size_t len);

#endif
