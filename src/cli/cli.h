/*
 * The command line: global options, the table of subcommands, and helpers
 * the subcommands share (opening the store, reading input files, reporting
 * errors).  Each group of subcommands lives in its own cli_<group>.c and
 * registers in the table in cli.c.
 */
#ifndef MINUTES_CLI_H
#define MINUTES_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct buf;
struct err;
struct store;

/* Exit statuses (SPEC section 2). */
enum {
	EXIT_OK = 0,
	EXIT_RUNTIME = 1,
	EXIT_USAGE = 2
};

#include "core/settings.h"

struct cli {
	const char	*db;		/* --db, or NULL for the default */
	const char	*lang;		/* --lang (or the settings'), or NULL */
	const char	*cmd;		/* the subcommand being run */
	struct store	*store;		/* opened on demand */
	struct settings	 set;		/* the settings file's */
};

/*
 * The command table (cli.c lists the entries; each cli_<group>.c defines
 * its own): a subcommand's name, operands, summary and options, from
 * which one parser (cli_opt.c) reads every subcommand's argv and writes
 * its usage.  Values are checked by their type before the handler runs,
 * so a handler only reads them.
 */
enum cli_type {
	CLI_FLAG,	/* no value */
	CLI_TEXT,	/* text, valid UTF-8 */
	CLI_PATH,	/* a file name, any bytes */
	CLI_NUM,	/* a whole number from lo to hi */
	CLI_DATE,	/* a real date as people write it (cal_read_date:
			 * 03/07/2024, 3/7/2024, 2024-07-03); the handler
			 * gets it as YYYY-MM-DD */
	CLI_MEETING,	/* a meeting ID: decimal, above 0 */
	CLI_CHOICE	/* one of the words of meta ("vi|en|auto") */
};

struct cli_opt {
	const char	*name;		/* long name, without "--" */
	int		 shortc;	/* one-letter alias, or 0 */
	enum cli_type	 type;
	const char	*meta;		/* the value as usage shows it; for
					 * CLI_CHOICE the choices; "{formats}"
					 * stands for the export formats */
	int		 group;		/* options sharing a group > 0 exclude
					 * each other */
	long		 lo, hi;	/* bounds of a CLI_NUM */
	const char	*help;		/* one line (N_), for CMD --help */
};

/* Room for the options of the largest subcommand. */
#define CLI_MAXOPT 16

/* A parsed command line: each option by its index in the command's table. */
struct cli_args {
	const char	*val[CLI_MAXOPT];	/* NULL when absent; "" for a
						 * flag given; the last wins */
	long		 num[CLI_MAXOPT];	/* a CLI_NUM's value */
	char		 iso[CLI_MAXOPT][11];	/* a CLI_DATE's YYYY-MM-DD,
						 * where its val points */
	int		 n;			/* operands */
	char		**v;
};

struct cli_cmd {
	const char	*name;
	const char	*operands;	/* usage of the operands, untranslated;
					 * required ones are shown before the
					 * options, optional ("[...]") after */
	const char	*summary;	/* one line, translated at print time;
					 * NULL: not listed in the usage */
	const struct cli_opt *opts;	/* ends with a NULL name; may be NULL */
	int		 max;		/* operands at most; -1: no limit */
	int		(*run)(struct cli *, const struct cli_args *);
};

/* The entry of the subcommand called name, or NULL; the i-th in the
 * usage's order, NULL past the end. */
const struct cli_cmd *cli_command(const char *name);
const struct cli_cmd *cli_command_at(size_t i);

/* The entries, one per subcommand, defined beside their handlers. */
extern const struct cli_cmd cli_cmd_list, cli_cmd_show, cli_cmd_import,
    cli_cmd_export, cli_cmd_templates, cli_cmd_search, cli_cmd_extract,
    cli_cmd_actions, cli_cmd_action, cli_cmd_new, cli_cmd_edit,
    cli_cmd_grant, cli_cmd_copy, cli_cmd_complete;

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
/* cli_write_output for text: stored text that is not valid UTF-8 (from
 * another program) is written with U+FFFD in place of its bad bytes, and
 * that is said once on stderr (cli_repaired).  Binary data goes through
 * cli_write_output. */
int	 cli_write_text(struct cli *, const char *path, const char *data,
	    size_t len, struct err *);
/* Makes the string *s (malloc'd, or NULL), or the array s of size
 * bytes, valid UTF-8 as cli_write_text does; true if it was not. */
bool	 cli_repair_str(char **s);
bool	 cli_repair_arr(char *s, size_t size);
/* Says once, on stderr, that text was repaired. */
void	 cli_repaired(struct cli *);
/* Parses argv (argv[0] is the subcommand's name) by cmd's table into a:
 * 0, or an exit status after reporting a bad option, value or count, or
 * CLI_DONE after printing the help that -h or --help asked for. */
#define CLI_DONE (-1)
int	 cli_parse(struct cli *, const struct cli_cmd *, int argc, char **argv,
	    struct cli_args *a);
/* Prints "  LEFT" wrapped at 79 columns between bracketed groups, then
 * the summary (if not NULL) indented on a line of its own. */
void	 cli_usage_entry(FILE *, const char *left, const char *summary);
/* Prints what `minutes CMD --help` shows: the synopsis, the summary,
 * each option with its help line. */
void	 cli_cmd_usage(FILE *, const struct cli_cmd *);
/* Prints cmd's synopsis line(s) and summary, as the usage lists them. */
void	 cli_usage_line(FILE *, const struct cli_cmd *);
/* The export formats' names as usage shows them ("text|md|json|html"). */
const char *cli_format_names(void);
/* The columns a table or a wrapped text may take: --width (opt > 0);
 * else, on a terminal, $COLUMNS or the terminal's width; else CLI_WHOLE:
 * off a terminal (a pipe, a file) fields are never cut or wrapped, so
 * that grep and friends see them whole. */
#define CLI_WHOLE ((size_t)1 << 20)
size_t	 cli_out_width(long opt);
/* A date (YYYY-MM-DD) as the command line's tables show it: as stored,
 * or dd/mm/yyyy with date_style = dmy; iso itself when it is no date. */
const char *cli_date(const struct cli *, const char *iso, char out[11]);
/* Reports a setting's bad value: "FILE:LINE: key "value" what". */
int	 cli_fail_setting(struct cli *, enum settings_key, const char *what);
/* Reports that no template was found, naming the folders searched. */
int	 cli_no_templates(struct cli *);
/* Parses a decimal id > 0. */
int	 cli_parse_id(const char *s, long long *id);

/* No command at a terminal: the meeting list. */
int	 cli_tui(struct cli *);

#endif
