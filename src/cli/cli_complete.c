/*
 * `minutes complete -- WORD...`: what the shell completions ask for.  The
 * words are the command line after "minutes", the last one being the
 * word under the cursor (empty when none is begun); the answer is the
 * words that may stand there, one a line, or the single line "@file"
 * when a file name goes there and the shell should offer its own.
 *
 * The answers come from the same tables the parser reads (commands,
 * options, choices, export formats) and from the database (meeting IDs,
 * series names, open action items) and the templates, so the bash and
 * zsh scripts stay a few lines and never fall out of step with the
 * program.  A database that does not exist is not created: there is
 * nothing to offer from it.  Errors are silent; a completion that
 * printed would garble the user's command line.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/model.h"
#include "core/tmpl.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/paths.h"
#include "lib/xmalloc.h"
#include "store/store.h"

/* What is being completed: the word so far, and what stands before it. */
struct comp {
	const char	*cur;		/* the word under the cursor */
	const char	*prefix;	/* printed before each answer
					 * ("--format=" for "--format=te") */
	const char	*db;		/* --db among the words, or NULL */
};

static void
offer(const struct comp *k, const char *word)
{
	if (strncmp(word, k->cur, strlen(k->cur)) == 0)
		printf("%s%s\n", k->prefix, word);
}

/* Each '|'-separated word of list. */
static void
offer_list(const struct comp *k, const char *list)
{
	char *copy = xstrdup(list), *save = NULL;

	for (char *w = strtok_r(copy, "|", &save); w; w = strtok_r(NULL, "|",
	    &save))
		offer(k, w);
	free(copy);
}

/* The database the command line names, opened read-only if it exists. */
static struct store *
open_db(const struct comp *k)
{
	struct store *s = NULL;
	struct stat sb;
	struct err e;
	char *path = k->db ? xstrdup(k->db) : paths_db(&e);

	if (path && stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
		store_open(path, 0, &s, &e);
	free(path);
	return s;
}

/* Meeting IDs, or (series) the names of the series, newest first. */
static void
offer_meetings(const struct comp *k, bool series)
{
	struct store *s = open_db(k);
	struct meeting_summary *v;
	struct err e;
	size_t n;

	if (s == NULL || store_meeting_list(s, &v, &n, &e)) {
		store_close(s);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char id[32];
		bool seen = false;

		if (!series) {
			snprintf(id, sizeof id, "%" PRId64, v[i].id);
			offer(k, id);
			continue;
		}
		for (size_t j = 0; j < i && v[i].series && !seen; j++)
			seen = v[j].series && strcmp(v[j].series, v[i].series) == 0;
		if (v[i].series && !seen)
			offer(k, v[i].series);
	}
	store_summaries_free(v, n);
	store_close(s);
}

/* The IDs of the action items still open, in review order. */
static void
offer_actions(const struct comp *k)
{
	struct store *s = open_db(k);
	struct store_act_filter f = { .scope = STORE_ACT_OPEN };
	struct ymd today;
	struct err e;
	char iso[11];
	int64_t *ids;
	size_t n;

	if (s == NULL || cal_today(&today, &e)) {
		store_close(s);
		return;
	}
	cal_format_iso(today, iso);
	f.today = iso;
	if (store_act_ids(s, &f, &ids, &n, &e) == 0) {
		for (size_t i = 0; i < n; i++) {
			char id[32];

			snprintf(id, sizeof id, "%" PRId64, ids[i]);
			offer(k, id);
		}
		free(ids);
	}
	store_close(s);
}

/* Template IDs, or (sections) the section keys of every template. */
static void
offer_templates(const struct comp *k, bool sections)
{
	struct tmpl_set set;
	struct err e;

	if (tmpl_set_load(&set, &e))
		return;
	for (size_t i = 0; i < set.n; i++) {
		if (!sections)
			offer(k, set.t[i].id);
		for (size_t j = 0; sections && j < set.t[i].nsec; j++)
			offer(k, set.t[i].sec[j].key);
	}
	tmpl_set_free(&set);
}

/* The values of option o. */
static void
offer_values(const struct comp *k, const struct cli_opt *o)
{
	if (o->type == CLI_CHOICE)
		offer_list(k, o->meta && strcmp(o->meta, "{formats}") == 0 ?
		    cli_format_names() : o->meta);
	else if (o->type == CLI_PATH)
		printf("@file\n");
	else if (o->type == CLI_MEETING)
		offer_meetings(k, false);
	else if (strcmp(o->name, "series") == 0)
		offer_meetings(k, true);
	else if (strcmp(o->name, "template") == 0)
		offer_templates(k, false);
	else if (strcmp(o->name, "section") == 0)
		offer_templates(k, true);
}

/* Operand number i (0 for the first) of cmd. */
static void
offer_operand(const struct comp *k, const struct cli_cmd *cmd, int i)
{
	const char *n = cmd->name;

	if (cmd->max >= 0 && i >= cmd->max)
		return;
	if (strcmp(n, "show") == 0 || strcmp(n, "export") == 0 ||
	    strcmp(n, "edit") == 0)
		offer_meetings(k, false);
	else if (strcmp(n, "action") == 0 && i == 0)
		offer_actions(k);
	else if (strcmp(n, "action") == 0)
		offer_list(k, "done|open|doing|dropped");
	else if (strcmp(n, "import") == 0 || strcmp(n, "extract") == 0)
		printf("@file\n");
	else if (strcmp(n, "help") == 0)
		for (size_t j = 0; cli_command_at(j); j++)
			offer(k, cli_command_at(j)->name);
}

/* The option of cmd that word names ("--name", "-c"), or NULL. */
static const struct cli_opt *
find_opt(const struct cli_cmd *cmd, const char *word)
{
	for (size_t i = 0; cmd->opts && cmd->opts[i].name; i++) {
		const struct cli_opt *o = &cmd->opts[i];

		if ((word[0] == '-' && word[1] == '-' &&
		    strcmp(word + 2, o->name) == 0) ||
		    (o->shortc && word[0] == '-' && word[1] == o->shortc &&
		    word[2] == '\0'))
			return o;
	}
	return NULL;
}

/* The words after the subcommand's name: w[0..n) typed, k->cur under the
 * cursor. */
static void
complete_cmd(struct comp *k, const struct cli_cmd *cmd, char **w, int n)
{
	const struct cli_opt *o;
	const char *eq;
	int operands = 0;

	for (int i = 0; i < n; i++) {
		if (strcmp(w[i], "--") == 0) {
			operands += n - i - 1;
			break;
		}
		if (w[i][0] != '-' || w[i][1] == '\0')
			operands++;
		else if ((o = find_opt(cmd, w[i])) && o->type != CLI_FLAG &&
		    strchr(w[i], '=') == NULL && ++i == n) {
			offer_values(k, o);	/* the word is this option's value */
			return;
		}
	}
	if (strncmp(k->cur, "--", 2) == 0 && (eq = strchr(k->cur, '=')) != NULL) {
		char *name = xstrndup(k->cur, (size_t)(eq - k->cur));

		if ((o = find_opt(cmd, name)) != NULL && o->type != CLI_FLAG) {
			k->prefix = xstrndup(k->cur, (size_t)(eq - k->cur + 1));
			k->cur = eq + 1;
			offer_values(k, o);
			free((char *)k->prefix);
		}
		free(name);
	} else if (k->cur[0] == '-') {
		for (size_t i = 0; cmd->opts && cmd->opts[i].name; i++) {
			char *opt = xasprintf("--%s", cmd->opts[i].name);

			offer(k, opt);
			free(opt);
		}
		offer(k, "--help");
	} else
		offer_operand(k, cmd, operands);
}

static int
cli_complete(struct cli *c, const struct cli_args *a)
{
	struct comp k = { a->n ? a->v[a->n - 1] : "", "", c->db };
	int n = a->n ? a->n - 1 : 0, i;

	/* The global options first, as cli_main reads them. */
	for (i = 0; i < n && a->v[i][0] == '-'; i++) {
		if (strcmp(a->v[i], "--db") == 0 || strcmp(a->v[i], "--lang") == 0) {
			if (i + 1 == n) {
				if (strcmp(a->v[i], "--db") == 0)
					printf("@file\n");
				else
					offer_list(&k, "vi|en");
				return EXIT_OK;
			}
			if (strcmp(a->v[i++], "--db") == 0)
				k.db = a->v[i];
		} else if (strncmp(a->v[i], "--db=", 5) == 0)
			k.db = a->v[i] + 5;
	}
	if (i < n) {
		const struct cli_cmd *cmd = cli_command(a->v[i]);

		if (cmd)
			complete_cmd(&k, cmd, a->v + i + 1, n - i - 1);
	} else if (k.cur[0] == '-')
		offer_list(&k, "--db|--lang|--help|--version");
	else
		for (size_t j = 0; cli_command_at(j); j++)
			if (cli_command_at(j)->summary)
				offer(&k, cli_command_at(j)->name);
	return EXIT_OK;
}

/* No summary: the usage does not list it (the manual does). */
const struct cli_cmd cli_cmd_complete = { "complete", "-- WORD...", NULL,
    NULL, -1, cli_complete };
