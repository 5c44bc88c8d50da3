/*
 * The command line: global options, the table of subcommands, and helpers
 * the subcommands share (opening the store, reading input files, reporting
 * errors).  Each group of subcommands lives in its own cli_<group>.c and
 * registers in the table in cli.c.
 */
#ifndef MINUTES_CLI_H
#define MINUTES_CLI_H

#include <stddef.h>

struct buf;
struct err;
struct store;

/* Exit statuses (SPEC section 2). */
enum {
	EXIT_OK = 0,
	EXIT_RUNTIME = 1,
	EXIT_USAGE = 2
};

struct cli {
	const char	*db;		/* --db, or NULL for the default */
	const char	*lang;		/* --lang, or NULL */
	const char	*cmd;		/* the subcommand being run */
	struct store	*store;		/* opened on demand */
};

struct cli_cmd {
	const char	*name;
	const char	*args;		/* usage after the name, untranslated */
	const char	*summary;	/* one line, translated at print time */
	int		(*run)(struct cli *, int argc, char **argv);
};

int	 cli_main(int argc, char **argv);

/* Prints "minutes: CMD: message" on stderr and returns status. */
int	 cli_fail(struct cli *, int status, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Reports a core error: its message, its code as the exit status. */
int	 cli_fail_err(struct cli *, const struct err *);
/* Opens (creating if needed) the database named by --db, MINUTES_DB or the
 * XDG default.  0 on success, else an exit status after reporting. */
int	 cli_store(struct cli *, struct store **);
/* Reads a whole file ("-" is stdin) into b. */
int	 cli_read_input(const char *path, struct buf *b, struct err *);
/* Writes data to path atomically (temporary file, fsync, rename, fsync of
 * the directory), mode 0600; "-" or NULL is stdout. */
int	 cli_write_output(const char *path, const char *data, size_t len,
	    struct err *);
/* A binary format (docx, odt, xlsx) never goes to a terminal: without
 * -o, or with "-o -" while standard output is a terminal, reports that
 * -o is needed and returns EXIT_USAGE; else 0. */
int	 cli_refuse_binary(struct cli *, const char *format, int binary,
	    const char *out);
/* getopt_long over a subcommand's argv (shorts should begin with ':').
 * Returns the option, -1 at the end, or -2 after reporting an unknown
 * option or a missing value, with the exit status in *rc. */
struct option;
int	 cli_getopt(struct cli *, int argc, char **argv, const char *shorts,
	    const struct option *longs, int *rc);
/* The export formats' names as usage shows them ("text|md|json|html"). */
const char *cli_format_names(void);
/* Parses a decimal id > 0. */
int	 cli_parse_id(const char *s, long long *id);

/* Subcommand handlers, one group per file. */
int	 cli_list(struct cli *, int, char **);
int	 cli_show(struct cli *, int, char **);
int	 cli_import(struct cli *, int, char **);
int	 cli_export(struct cli *, int, char **);
int	 cli_templates(struct cli *, int, char **);
int	 cli_search(struct cli *, int, char **);	/* cli_search.c */
int	 cli_extract(struct cli *, int, char **);
/* cli_action.c: the action review. */
int	 cli_actions(struct cli *, int, char **);
int	 cli_action(struct cli *, int, char **);
int	 cli_new(struct cli *, int, char **);
int	 cli_edit(struct cli *, int, char **);
/* cli_share.c: a store shared on PostgreSQL. */
int	 cli_grant(struct cli *, int, char **);
int	 cli_copy(struct cli *, int, char **);
/* No command at a terminal: the meeting list. */
int	 cli_tui(struct cli *);

#endif
