/*
 * The JSON export (see export.h).  Keys are the Markdown format's words so
 * the two interchange formats read alike; absent values are null, never
 * omitted, so consumers can rely on the shape.
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "core/model.h"
#include "core/tmpl.h"
#include "export/export.h"
#include "lib/buf.h"
#include "lib/json.h"

static const char *const kind_words[] = { "text", "roster", "tasks" };

static void
recipients(struct buf *b, const char *s)
{
	bool first = true;

	buf_addc(b, '[');
	while (s && *s) {
		const char *semi = strchr(s, ';');
		const char *end = semi ? semi : s + strlen(s);
		const char *p = s;

		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end > p) {
			if (!first)
				buf_addc(b, ',');
			json_strn(b, p, (size_t)(end - p));
			first = false;
		}
		s = semi ? semi + 1 : NULL;
	}
	buf_addc(b, ']');
}

/* The "assignee", "task" and "due" members a task and a reviewed task
 * share, after the caller's opening. */
static void
task_members(struct buf *b, const char *assignee, const char *task,
    const char *due)
{
	buf_adds(b, "\"assignee\":");
	json_str(b, assignee);
	json_member(b, "task", task);
	json_member(b, "due", due);
}

static void
attendees(struct buf *b, const struct meeting *m)
{
	buf_adds(b, ",\"attendees\":[");
	for (size_t i = 0; i < m->natt; i++) {
		const struct attendee *a = &m->att[i];

		buf_printf(b, "%s{\"id\":%" PRId64 ",\"name\":", i ? "," : "", a->id);
		json_str(b, a->name);
		json_member(b, "position", a->position);
		json_member(b, "organisation", a->organisation);
		buf_printf(b, ",\"role\":\"%s\",\"presence\":\"%s\",\"proxy\":",
		    role_word(a->role), presence_word(a->presence));
		json_str(b, a->proxy);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}

static void
sections(struct buf *b, const struct meeting *m, const struct tmpl *t)
{
	buf_adds(b, ",\"sections\":[");
	for (size_t i = 0; t && i < t->nsec; i++) {
		const struct tmpl_section *s = &t->sec[i];
		const char *body = meeting_section(m, s->key);

		buf_adds(b, i ? ",{\"key\":" : "{\"key\":");
		json_str(b, s->key);
		json_member(b, "heading", s->heading);
		buf_printf(b, ",\"kind\":\"%s\"", kind_words[s->kind]);
		if (s->kind == SEC_TEXT) {
			json_member(b, "text", body ? body : "");
		}
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}

static void
tasks(struct buf *b, const struct meeting *m)
{
	buf_adds(b, ",\"tasks\":[");
	for (size_t i = 0; i < m->nact; i++) {
		const struct action *a = &m->act[i];

		buf_printf(b, "%s{\"id\":%" PRId64 ",", i ? "," : "", a->id);
		task_members(b, a->assignee, a->task, a->due);
		json_member(b, "due_text", a->due_text);
		buf_printf(b, ",\"status\":\"%s\",\"source\":", status_word(a->status));
		if (a->src_section) {
			buf_adds(b, "{\"section\":");
			json_str(b, a->src_section);
			/* A span the text's edits lost is unknown. */
			if (a->src_start < 0)
				buf_adds(b, ",\"start\":null,\"end\":null}");
			else
				buf_printf(b, ",\"start\":%" PRId64
				    ",\"end\":%" PRId64 "}", a->src_start,
				    a->src_end);
		} else
			buf_adds(b, "null");
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}

/* Only a meeting that reviewed earlier tasks has the key, so the output
 * of every other meeting is as before. */
static void
review(struct buf *b, const struct meeting *m)
{
	if (m->nrev == 0)
		return;
	buf_adds(b, ",\"review\":[");
	for (size_t i = 0; i < m->nrev; i++) {
		const struct review_item *r = &m->rev[i];

		buf_adds(b, i ? ",{" : "{");
		task_members(b, r->assignee, r->task, r->due);
		buf_printf(b, ",\"status\":\"%s\",\"note\":",
		    status_word(r->status));
		json_str(b, r->note);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}

void
export_json(struct buf *b, const struct meeting *m, const struct tmpl *t)
{
	buf_printf(b, "{\"id\":%" PRId64, m->id);
	for (int f = 0; f < F_NFIELDS; f++) {
		buf_printf(b, ",\"%s\":", field_key((enum field)f));
		if (f == F_RECIPIENTS)
			recipients(b, m->field[f]);
		else if (f == F_STATUS && m->field[f] == NULL)
			json_str(b, "draft");
		else
			json_str(b, m->field[f]);
	}
	attendees(b, m);
	sections(b, m, t);
	tasks(b, m);
	review(b, m);
	buf_adds(b, "}\n");
}
