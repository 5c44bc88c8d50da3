/*
 * How the core reports failure: a code that maps onto the exit status
 * (SPEC: 1 runtime/I/O/database, 2 bad usage or bad input) and one line of
 * text that says what and where.  The core never prints; the CLI prints
 * "minutes: " followed by the message, the TUI shows it in its status line.
 */
#ifndef MINUTES_ERR_H
#define MINUTES_ERR_H

enum err_code {
	ERR_OK = 0,
	ERR_RUNTIME = 1,	/* I/O, database, out of resources */
	ERR_INPUT = 2		/* bad input or usage: the user can fix it */
};

struct err {
	enum err_code	code;
	char		msg[512];
};

/* Records the error and returns its code, so "return err_set(...)" reads well. */
int	err_set(struct err *, enum err_code, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Puts "prefix: " before the message already recorded. */
void	err_prefix(struct err *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	err_clear(struct err *);

#endif
