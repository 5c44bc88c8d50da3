/*
 * The command line's front: locale and catalogue set-up, global options,
 * and dispatch through the subcommand table, which --help also prints.
 * Everything non-interactive happens here or in cli_*.c, before any screen
 * is opened, so every feature can be scripted and tested.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "export/export.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/filewrite.h"
#include "lib/i18n.h"
#include "lib/paths.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"

static const struct cli_cmd commands[] = {
	{ "list", "[--json]", N_("meetings, newest first"), cli_list },
	{ "show", "ID", N_("the meeting as text"), cli_show },
	{ "import", "[FILE|-]",
	    N_("read minutes in the Markdown format; print the new ID"),
	    cli_import },
	{ "export", "ID [--format {formats}] [--width N] [-o FILE]",
	    N_("write a meeting out"), cli_export },
	{ "templates", "", N_("list the templates found"), cli_templates },
	{ "search", "QUERY [--limit N] [--width N] [--json]",
	    N_("full-text search, diacritic-insensitive"), cli_search },
	{ "extract", "[--lang vi|en|auto] [--date YYYY-MM-DD] [--deadlines] "
	    "[--check-rules] [FILE|-]",
	    N_("find action items and deadlines in text; JSON lines"),
	    cli_extract },
	{ "actions", "[--open|--overdue|--all] [--assignee TEXT] "
	    "[--meeting ID] [--series S] [--due-before DATE] "
	    "[--json|--csv [--excel]|--ics|--xlsx] [-o FILE]",
	    N_("open action items of every meeting, overdue first"),
	    cli_actions },
	{ "action", "ID [done|open|doing|dropped [--note TEXT]]",
	    N_("show an action item, or change its status"), cli_action },
	{ "new", "[--template ID] [--series S] [--title T] [--date YYYY-MM-DD]",
	    N_("create a meeting and open it"), cli_new },
	{ "edit", "ID [--section KEY]", N_("open a meeting in the editor"),
	    cli_edit },
	{ "grant", "ROLE...",
	    N_("let PostgreSQL roles use the store (its owner runs this)"),
	    cli_grant },
	{ "copy", "--from STORE --to STORE",
	    N_("copy every meeting between stores (file or postgresql://)"),
	    cli_copy },
	{ NULL, NULL, NULL, NULL }
};

/* A command and its arguments, wrapped at 79 columns between bracketed
 * groups (never inside one), then its summary on the next line. */
static void
usage_entry(FILE *f, const char *left, const char *summary)
{
	size_t col = 2;
	const char *p = left;

	fputs("  ", f);
	while (*p) {
		const char *q = p;
		int depth = 0;

		while (*q && (depth > 0 || *q != ' ')) {
			depth += *q == '[' ? 1 : *q == ']' ? -1 : 0;
			q++;
		}
		if (p != left && col + 1 + (size_t)(q - p) > 79) {
			fputs("\n     ", f);
			col = 5;
		}
		if (p != left) {
			fputc(' ', f);
			col++;
		}
		fwrite(p, 1, (size_t)(q - p), f);
		col += (size_t)(q - p);
		p = *q ? q + 1 : q;
	}
	fprintf(f, "\n        %s\n", summary);
}

const char *
cli_format_names(void)
{
	static struct buf names = BUF_INIT;

	if (names.len == 0)
		for (size_t i = 0; i < export_format_count(); i++)
			buf_printf(&names, "%s%s", i ? "|" : "",
			    export_format_at(i)->name);
	return buf_str(&names);
}

/* args with "{formats}" replaced by the export formats, malloc'd. */
static char *
expand_args(const char *args)
{
	const char *p = strstr(args, "{formats}");

	if (p == NULL)
		return xstrdup(args);
	return xasprintf("%.*s%s%s", (int)(p - args), args, cli_format_names(),
	    p + strlen("{formats}"));
}

static void
usage(FILE *f)
{
	fprintf(f, _("Usage: minutes [--db PATH|URI] [--lang vi|en] [COMMAND ...]\n"));
	fprintf(f, "\n%s\n", _("Commands:"));
	for (size_t i = 0; commands[i].name; i++) {
		char *args = expand_args(commands[i].args);
		char *left = *args ? xasprintf("%s %s", commands[i].name, args) :
		    xstrdup(commands[i].name);

		usage_entry(f, left, _(commands[i].summary));
		free(left);
		free(args);
	}
	fprintf(f, "\n%s\n", _("Options:"));
	usage_entry(f, "--db PATH|URI", _("use this database file, or a "
	    "PostgreSQL store (postgresql://[user@][host][:port]/dbname)"));
	usage_entry(f, "--lang vi|en", _("language of the interface"));
	usage_entry(f, "--help", _("show this help"));
	usage_entry(f, "--version", _("show the version"));
	fprintf(f, "\n%s\n", _("See minutes(1) for the keys, files and formats."));
}

int
cli_fail(struct cli *c, int status, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	if (c && c->cmd)
		fprintf(stderr, "minutes: %s: ", c->cmd);
	else
		fputs("minutes: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

int
cli_fail_err(struct cli *c, const struct err *e)
{
	return cli_fail(c, e->code == ERR_INPUT ? EXIT_USAGE : EXIT_RUNTIME,
	    "%s", e->msg);
}

int
cli_getopt(struct cli *c, int argc, char **argv, const char *shorts,
    const struct option *longs, int *rc)
{
	int ch;

	opterr = 0;
	ch = getopt_long(argc, argv, shorts, longs, NULL);
	if (ch == '?') {
		*rc = cli_fail(c, EXIT_USAGE, _("unknown option \"%s\""),
		    argv[optind - 1]);
		return -2;
	}
	if (ch == ':') {
		*rc = cli_fail(c, EXIT_USAGE, _("option \"%s\" needs a value"),
		    argv[optind - 1]);
		return -2;
	}
	return ch;
}

int
cli_parse_id(const char *s, long long *id)
{
	char *end;
	long long v;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v <= 0)
		return -1;
	*id = v;
	return 0;
}

int
cli_read_input(const char *path, struct buf *b, struct err *e)
{
	char chunk[65536];
	FILE *f;
	size_t n;
	int stdin_ = path == NULL || strcmp(path, "-") == 0;

	f = stdin_ ? stdin : fopen(path, "rb");
	if (f == NULL)
		return err_set(e, ERR_INPUT, "%s: %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, n);
	if (ferror(f)) {
		int saved = errno;

		if (!stdin_)
			fclose(f);
		return err_set(e, saved == EISDIR ? ERR_INPUT : ERR_RUNTIME,
		    "%s: %s", stdin_ ? "-" : path, strerror(saved));
	}
	if (!stdin_)
		fclose(f);
	return 0;
}

int
cli_write_output(const char *path, const char *data, size_t len, struct err *e)
{
	struct buf esc = BUF_INIT;
	int rc;

	if (path != NULL && strcmp(path, "-") != 0)
		return filewrite_atomic(path, data, len, e);
	/* Stored text may hold control characters (a paste, an imported
	 * file): on a terminal they are shown as ^X rather than sent, so an
	 * escape sequence in the minutes cannot drive the terminal.  A file
	 * or a pipe gets the bytes as stored. */
	if (isatty(STDOUT_FILENO)) {
		const char *p = data, *end = data + len, *nl;

		while (p < end) {
			nl = memchr(p, '\n', (size_t)(end - p));
			utf8_escape_ctrl(&esc, p, (size_t)((nl ? nl : end) - p));
			if (nl)
				buf_addc(&esc, '\n');
			p = nl ? nl + 1 : end;
		}
		data = buf_str(&esc);
		len = esc.len;
	}
	rc = filewrite_all(STDOUT_FILENO, data, len);
	buf_free(&esc);
	if (rc != 0)
		return err_set(e, ERR_RUNTIME, "standard output: %s",
		    strerror(errno));
	return 0;
}

int
cli_refuse_binary(struct cli *c, const char *format, int binary,
    const char *out)
{
	if (!binary || (out != NULL && (strcmp(out, "-") != 0 ||
	    !isatty(STDOUT_FILENO))))
		return 0;
	return cli_fail(c, EXIT_USAGE, _("%s is a binary format and is not "
	    "written to a terminal: give a file with -o FILE (-o - writes to "
	    "a pipe)"), format);
}

int
cli_store(struct cli *c, struct store **out)
{
	struct err e;
	char *path;
	int rc;

	if (c->store) {
		*out = c->store;
		return 0;
	}
	path = c->db ? xstrdup(c->db) : paths_db(&e);
	if (path == NULL)
		return cli_fail_err(c, &e);
	rc = store_open(path, STORE_CREATE, &c->store, &e);
	free(path);
	if (rc)
		return cli_fail_err(c, &e);
	*out = c->store;
	return 0;
}

/* Binds the message catalogue: the build tree's when running from it. */
static void
setup_i18n(const char *lang)
{
	const char *localedir = LOCALEDIR;

	setlocale(LC_ALL, "");
	if (lang) {
		/* gettext ignores LANGUAGE under the C locale; a UTF-8
		 * C locale keeps byte semantics and lets it apply. */
		const char *cur = setlocale(LC_MESSAGES, NULL);

		if (cur == NULL || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
			setlocale(LC_MESSAGES, "C.UTF-8");
		setenv("LANGUAGE", lang, 1);
	}
#ifdef ENABLE_NLS
	if (strcmp(paths_datadir(), BUILD_SHAREDIR) == 0)
		localedir = BUILD_LOCALEDIR;
	bindtextdomain(PACKAGE, localedir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#else
	(void)localedir;
#endif
}

int
cli_main(int argc, char **argv)
{
	struct cli c = { 0 };
	const char *lang = NULL;
	int i, rc;

	/* --lang must be known before any message is translated. */
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = argv[i] + 7;
		else if (strcmp(argv[i], "--db") == 0)
			i++;
	}
	if (lang && strcmp(lang, "vi") != 0 && strcmp(lang, "en") != 0) {
		setup_i18n(NULL);
		return cli_fail(NULL, EXIT_USAGE,
		    _("--lang: \"%s\" is not vi or en"), lang);
	}
	setup_i18n(lang);
	c.lang = lang;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return EXIT_OK;
		} else if (strcmp(a, "--version") == 0) {
			printf("minutes %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		} else if (strcmp(a, "--db") == 0) {
			if (i + 1 >= argc)
				return cli_fail(NULL, EXIT_USAGE,
				    _("--db needs a file name or a postgresql:// URI"));
			c.db = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0) {
			c.db = a + 5;
		} else if (strcmp(a, "--lang") == 0) {
			i++;
		} else if (strncmp(a, "--lang=", 7) == 0) {
			;
		} else if (strcmp(a, "--") == 0) {
			i++;
			break;
		} else {
			return cli_fail(NULL, EXIT_USAGE,
			    _("unknown option \"%s\"; see minutes --help"), a);
		}
	}
	if (i >= argc) {
		/* No command: the screens, or the usage when not at a terminal. */
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			rc = cli_tui(&c);
			store_close(c.store);
			return rc;
		}
		usage(stdout);
		return EXIT_OK;
	}
	for (size_t k = 0; commands[k].name; k++) {
		if (strcmp(argv[i], commands[k].name) == 0) {
			c.cmd = commands[k].name;
			optind = 1;
			rc = commands[k].run(&c, argc - i, argv + i);
			store_close(c.store);
			fflush(stdout);
			if (ferror(stdout) && rc == EXIT_OK)
				rc = cli_fail(&c, EXIT_RUNTIME,
				    _("cannot write to standard output"));
			return rc;
		}
	}
	return cli_fail(NULL, EXIT_USAGE,
	    _("unknown command \"%s\"; see minutes --help"), argv[i]);
}
