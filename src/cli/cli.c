/*
 * The command line's front: locale and catalogue set-up, global options,
 * and dispatch through the subcommand table, which --help also prints.
 * Everything non-interactive happens here or in cli_*.c, before any screen
 * is opened, so every feature can be scripted and tested.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/filewrite.h"
#include "lib/i18n.h"
#include "lib/paths.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"

static const struct cli_cmd cli_cmd_help;

/* The subcommands in the order the usage lists them. */
static const struct cli_cmd *const commands[] = {
	&cli_cmd_list, &cli_cmd_show, &cli_cmd_import, &cli_cmd_export,
	&cli_cmd_templates, &cli_cmd_search, &cli_cmd_extract,
	&cli_cmd_actions, &cli_cmd_action, &cli_cmd_new, &cli_cmd_edit,
	&cli_cmd_grant, &cli_cmd_copy, &cli_cmd_help, &cli_cmd_complete, NULL
};

const struct cli_cmd *
cli_command(const char *name)
{
	for (size_t k = 0; commands[k]; k++)
		if (strcmp(name, commands[k]->name) == 0)
			return commands[k];
	return NULL;
}

const struct cli_cmd *
cli_command_at(size_t i)
{
	return i < sizeof commands / sizeof commands[0] ? commands[i] : NULL;
}

static void
usage(FILE *f)
{
	fprintf(f, _("Usage: minutes [--db PATH|URI] [--lang vi|en] [COMMAND ...]\n"));
	fprintf(f, "\n%s\n", _("Commands:"));
	for (size_t i = 0; commands[i]; i++)
		if (commands[i]->summary)
			cli_usage_line(f, commands[i]);
	fprintf(f, "\n%s\n", _("Options:"));
	cli_usage_entry(f, "--db PATH|URI", _("use this database file, or a "
	    "PostgreSQL store (postgresql://[user@][host][:port]/dbname)"));
	cli_usage_entry(f, "--lang vi|en", _("language of the interface"));
	cli_usage_entry(f, "-h, --help", _("show this help"));
	cli_usage_entry(f, "-V, --version", _("show the version"));
	fprintf(f, "\n%s\n", _("minutes help COMMAND (or minutes COMMAND "
	    "--help) tells more of one command."));
	fprintf(f, "%s\n", _("See minutes(1) for the keys, files and formats."));
}

/* `minutes help [COMMAND]`: the usage, or one command's. */
static int
cli_help(struct cli *c, const struct cli_args *a)
{
	const struct cli_cmd *cmd;

	if (a->n == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	if ((cmd = cli_command(a->v[0])) == NULL)
		return cli_fail(c, EXIT_USAGE, _("unknown command \"%s\"; see "
		    "minutes --help"), a->v[0]);
	cli_cmd_usage(stdout, cmd);
	return EXIT_OK;
}

static const struct cli_cmd cli_cmd_help = { "help", "[COMMAND]",
    N_("this help, or one command's"), NULL, 1, cli_help };

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

size_t
cli_out_width(long opt)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long v;

	if (opt > 0)
		return (size_t)opt;
	if (!isatty(STDOUT_FILENO))
		return CLI_WHOLE;
	if (env && *env && (v = strtol(env, &end, 10)) > 0 && *end == '\0' &&
	    v < 10000)
		return (size_t)v;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

const char *
cli_date(const struct cli *c, const char *iso, char out[11])
{
	const char *style = c->set.val[SET_DATE_STYLE];

	if (iso == NULL || style == NULL || strcmp(style, "dmy") != 0 ||
	    strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
		return iso;
	snprintf(out, 11, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	return out;
}

int
cli_fail_setting(struct cli *c, enum settings_key k, const char *what)
{
	return cli_fail(c, EXIT_USAGE, "%s:%zu: %s \"%s\" %s", c->set.path,
	    c->set.line[k], settings_key(k)->name, c->set.val[k], what);
}

int
cli_no_templates(struct cli *c)
{
	struct buf dirs = BUF_INIT;
	char **v = paths_search("templates");
	int rc;

	for (size_t i = 0; v[i]; i++)
		buf_printf(&dirs, "%s%s", i ? ", " : "", v[i]);
	rc = cli_fail(c, EXIT_RUNTIME, _("no templates found in %s"),
	    buf_str(&dirs));
	paths_free(v);
	buf_free(&dirs);
	return rc;
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
		return err_set(e, ERR_RUNTIME, _("standard output: %s"),
		    strerror(errno));
	return 0;
}

void
cli_repaired(struct cli *c)
{
	static bool said;

	if (said)
		return;
	said = true;
	fflush(stdout);
	fprintf(stderr, "minutes: %s: %s\n", c && c->cmd ? c->cmd : "",
	    _("note: some stored text is not valid UTF-8 (written by another "
	    "program?); it is written out with U+FFFD in place of the bad "
	    "bytes"));
}

bool
cli_repair_str(char **s)
{
	struct buf b = BUF_INIT;

	if (*s == NULL || utf8_valid(*s, strlen(*s), NULL))
		return false;
	utf8_repair(&b, *s, strlen(*s));
	free(*s);
	*s = buf_steal(&b);
	return true;
}

bool
cli_repair_arr(char *s, size_t size)
{
	struct buf b = BUF_INIT;
	size_t n;

	if (utf8_valid(s, strlen(s), NULL))
		return false;
	utf8_repair(&b, s, strlen(s));
	n = b.len < size ? b.len : size - 1;
	while (n > 0 && ((unsigned char)b.s[n] & 0xc0) == 0x80 && n < b.len)
		n--;	/* never half a character */
	memcpy(s, b.s, n);
	s[n] = '\0';
	buf_free(&b);
	return true;
}

int
cli_write_text(struct cli *c, const char *path, const char *data,
    size_t len, struct err *e)
{
	struct buf fixed = BUF_INIT;
	int rc;

	if (utf8_valid(data, len, NULL))
		return cli_write_output(path, data, len, e);
	/* The writers copy stored text as it is; the boundary is where it
	 * becomes someone else's input, so it is made valid here. */
	utf8_repair(&fixed, data, len);
	cli_repaired(c);
	rc = cli_write_output(path, buf_str(&fixed), fixed.len, e);
	buf_free(&fixed);
	return rc;
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
	bindtextdomain(PACKAGE, paths_localedir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
}

/* The language --lang asks for, read before anything is translated;
 * NULL when not given. */
static const char *
early_lang(int argc, char **argv)
{
	const char *lang = NULL;

	for (int i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = argv[i] + 7;
		else if (strcmp(argv[i], "--db") == 0)
			i++;
	}
	return lang;
}

/* Reads the global options before the subcommand into c; *next is the
 * index of the subcommand (argc when none).  -1 to go on, else the exit
 * status. */
static int
global_opts(struct cli *c, int argc, char **argv, int *next)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return EXIT_OK;
		} else if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			printf("minutes %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		} else if (strcmp(a, "--db") == 0) {
			if (i + 1 >= argc)
				return cli_fail(NULL, EXIT_USAGE,
				    _("--db needs a file name or a postgresql:// URI"));
			c->db = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0) {
			c->db = a + 5;
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
	*next = i;
	return -1;
}

/* Runs the subcommand argv[0]. */
static int
dispatch(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *cmd = cli_command(argv[0]);
	struct cli_args a;
	int rc;

	if (cmd == NULL)
		return cli_fail(NULL, EXIT_USAGE,
		    _("unknown command \"%s\"; see minutes --help"), argv[0]);
	c->cmd = cmd->name;
	rc = cli_parse(c, cmd, argc, argv, &a);
	if (rc == CLI_DONE)
		rc = EXIT_OK;
	else if (rc == 0)
		rc = cmd->run(c, &a);
	store_close(c->store);
	fflush(stdout);
	if (ferror(stdout) && rc == EXIT_OK)
		rc = cli_fail(c, EXIT_RUNTIME,
		    _("cannot write to standard output"));
	return rc;
}

static int no_command(struct cli *);

/* Reads the settings file; its language applies unless --lang said
 * otherwise.  0, or an exit status. */
static int
load_settings(struct cli *c)
{
	char *dir = paths_configdir(), *path;
	struct err e;
	int rc;

	settings_init(&c->set);
	if (dir == NULL)
		return 0;
	path = xasprintf("%s/config", dir);
	free(dir);
	rc = settings_load(&c->set, path, &e);
	free(path);
	if (rc) {
		settings_free(&c->set);
		return cli_fail(NULL, EXIT_USAGE, "%s", e.msg);
	}
	if (c->lang == NULL && c->set.val[SET_LANGUAGE]) {
		c->lang = c->set.val[SET_LANGUAGE];
		setup_i18n(c->lang);
	}
	return 0;
}

int
cli_main(int argc, char **argv)
{
	struct cli c = { 0 };
	const char *lang = early_lang(argc, argv);
	int i = 1, rc;

	if (lang && strcmp(lang, "vi") != 0 && strcmp(lang, "en") != 0) {
		setup_i18n(NULL);
		return cli_fail(NULL, EXIT_USAGE,
		    _("--lang: \"%s\" is not vi or en"), lang);
	}
	setup_i18n(lang);
	c.lang = lang;
	if ((rc = global_opts(&c, argc, argv, &i)) >= 0)
		return rc;
	if ((rc = load_settings(&c)) != 0)
		return rc;
	if (i < argc)
		rc = dispatch(&c, argc - i, argv + i);
	else
		rc = no_command(&c);
	settings_free(&c.set);
	return rc;
}

/* No command: the screens, or the usage when not at a terminal. */
static int
no_command(struct cli *c)
{
	int rc;

	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		rc = cli_tui(c);
		store_close(c->store);
		return rc;
	}
	usage(stdout);
	return EXIT_OK;
}
