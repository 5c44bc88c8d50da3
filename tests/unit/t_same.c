/*
 * Unit tests of what the core takes for the same: a series named with
 * another case, other blanks or the tone mark in its old or new place
 * (series_key, series_same, series_find, series_clean); the number a
 * series' next minutes start from; and the one truth of chair and
 * secretary between the header and the roster (series_role_changed,
 * series_header_changed, series_attendee_added) with the checklist's
 * mismatch items.  Pure functions over model records: no store.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/series.h"
#include "lib/xmalloc.h"
#include "tap.h"

static void
test_same(void)
{
	/* Each pair names one series. */
	static const char *const same[][2] = {
		{ "Giao ban thường trực Thành ủy",
		  "Giao ban thường trực Thành uỷ" },
		{ "Giao ban thường trực Thành ủy",
		  "giao ban THƯỜNG TRỰC thành Ủy" },
		{ "Giao ban thường trực Thành ủy",
		  "  Giao  ban thường\ttrực Thành ủy " },
		{ "Hòa giải cơ sở", "Hoà giải cơ sở" },
		{ "Khỏe mạnh", "Khoẻ mạnh" },
		{ "Thúy", "Thuý" },
		{ "Quận ủy", "Quận u\xcc\x89y" },	/* decomposed: u + hook */
		{ "Quận ủy", "Quận uy\xcc\x89" },	/* y + hook */
		{ "Giao ban", "Giao\xc2\xa0" "ban" },	/* no-break space */
	};
	/* Each pair names two. */
	static const char *const other[][2] = {
		{ "Họp giao ban", "Hợp giao ban" },	/* the horn is a letter */
		{ "Giao ban", "Giáo ban" },
		{ "Thành ủy", "Thanh uy" },
		{ "Giao ban tuần", "Giao bantuần" },
		{ "Quý I", "Quý II" },
	};

	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
		ok(series_same(same[i][0], same[i][1]), "\"%s\" is \"%s\"",
		    same[i][0], same[i][1]);
	for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
		ok(!series_same(other[i][0], other[i][1]),
		    "\"%s\" is not \"%s\"", other[i][0], other[i][1]);
	ok(!series_same(NULL, "x") && !series_same("x", NULL), "NULL is no "
	    "series");
}

static void
test_find(void)
{
	char *names[] = { "Giao ban tháng", "Giao ban thường trực Thành ủy",
	    "Giao ban thường trực Thành uỷ" };
	char *s;

	is_int(series_find(names, 3, "giao ban thường trực thành uỷ"), 1,
	    "the first stored spelling that is the same");
	is_int(series_find(names, 3, "Giao ban quý"), -1, "none");
	is_int(series_find(names, 0, "Giao ban tháng"), -1, "no names");
	s = series_clean("  Giao  ban\t tuần  ");
	is_str(s, "Giao ban tuần", "cleaned: single spaces, none around");
	free(s);
	ok(series_clean(" \t ") == NULL && series_clean(NULL) == NULL,
	    "blank is no series");
}

static void
test_number(void)
{
	static const char *const cases[][2] = {
		{ "12-BB/TU", "…-BB/TU" },
		{ "05/BB-UBND", "…/BB-UBND" },
		{ " 7 -BB/ĐU", "…-BB/ĐU" },
		{ "BB/TU", "BB/TU" },		/* no running number: kept */
		{ "…-BB/TU", "…-BB/TU" },	/* never numbered: kept */
	};
	char *s;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = series_number_pattern(cases[i][0]);
		is_str(s, cases[i][1], "number \"%s\" gives \"%s\"",
		    cases[i][0], cases[i][1]);
		free(s);
	}
	ok(series_number_pattern("12") == NULL, "only a number: nothing");
	ok(series_number_pattern(NULL) == NULL, "no number: nothing");
}

static struct attendee *
person(struct meeting *m, const char *name, enum role r)
{
	struct attendee *a = meeting_add_attendee(m);

	a->name = xstrdup(name);
	a->role = r;
	return a;
}

/* The roster's roles: chair, secretary, member, guest, by the initials
 * of names; the header's fields after them. */
static const char *
state(const struct meeting *m)
{
	static char out[200];
	size_t k = 0;

	for (size_t i = 0; i < m->natt && k + 2 < sizeof out; i++)
		out[k++] = "csmg"[m->att[i].role];
	snprintf(out + k, sizeof out - k, " %s / %s",
	    meeting_get(m, F_CHAIR) ? meeting_get(m, F_CHAIR) : "-",
	    meeting_get(m, F_SECRETARY) ? meeting_get(m, F_SECRETARY) : "-");
	return out;
}

static void
test_roles(void)
{
	struct meeting m;

	meeting_init(&m);
	person(&m, "An", ROLE_CHAIR);
	person(&m, "Bình", ROLE_SECRETARY);
	person(&m, "Châu", ROLE_MEMBER);
	meeting_set(&m, F_CHAIR, "An");
	meeting_set(&m, F_SECRETARY, "Bình");

	m.att[2].role = ROLE_CHAIR;
	ok(series_role_changed(&m, 2, ROLE_MEMBER), "a new chair in the "
	    "roster changes the header");
	is_str(state(&m), "msc Châu / Bình", "the header names them; the "
	    "old chair is a member");
	m.att[2].role = ROLE_SECRETARY;
	series_role_changed(&m, 2, ROLE_CHAIR);
	is_str(state(&m), "mms - / Châu", "chair to secretary: the chair's "
	    "field is emptied, the secretary's names them");
	m.att[2].role = ROLE_MEMBER;
	ok(series_role_changed(&m, 2, ROLE_SECRETARY), "leaving a role");
	is_str(state(&m), "mmm - / -", "no one left in either");
	ok(!series_role_changed(&m, 2, ROLE_MEMBER), "the same role: "
	    "nothing");

	meeting_set(&m, F_CHAIR, "an, Bí thư Quận ủy");
	ok(series_header_changed(&m, F_CHAIR), "the header names an attendee "
	    "(another case, with a position)");
	is_str(state(&m), "cmm an, Bí thư Quận ủy / -", "they chair in the "
	    "roster; the header is kept as typed");
	meeting_set(&m, F_SECRETARY, "An");
	series_header_changed(&m, F_SECRETARY);
	is_str(state(&m), "smm - / An", "the chair named secretary leaves "
	    "the chair's field");
	meeting_set(&m, F_CHAIR, "Dung");
	ok(!series_header_changed(&m, F_CHAIR), "a name not in the roster "
	    "changes nothing there");
	person(&m, "Dung", ROLE_MEMBER);
	ok(series_attendee_added(&m, 3), "adding the one the header names");
	is_str(state(&m), "smmc Dung / An", "gives them the role");
	person(&m, "Em", ROLE_MEMBER);
	ok(!series_attendee_added(&m, 4), "adding another changes nothing");
	meeting_free(&m);
}

static void
test_mismatch(void)
{
	struct meeting m;
	struct check_item *c;
	size_t n;
	char *s;
	bool found;

	meeting_init(&m);
	meeting_set(&m, F_END, "16:30");
	person(&m, "An", ROLE_CHAIR);
	person(&m, "Bình", ROLE_SECRETARY);
	meeting_set(&m, F_CHAIR, "An");
	meeting_set(&m, F_SECRETARY, "Bình, Chuyên viên");
	series_checklist(&m, NULL, &c, &n);
	is_int((intmax_t)n, 0, "header and roster agree");
	free(c);

	meeting_set(&m, F_CHAIR, "Châu");
	series_checklist(&m, NULL, &c, &n);
	if (is_int((intmax_t)n, 1, "a chair not in the roster") &&
	    is_int(c[0].kind, CHECK_CHAIR_MISMATCH, "is a mismatch")) {
		s = series_check_text(&m, NULL, &c[0]);
		is_str(s, "The chair Châu is not in the attendees table",
		    "said so");
		free(s);
	}
	free(c);

	person(&m, "Châu", ROLE_MEMBER);
	series_checklist(&m, NULL, &c, &n);
	if (is_int((intmax_t)n, 1, "the header's chair is a member")) {
		s = series_check_text(&m, NULL, &c[0]);
		is_str(s, "The header's chair is Châu, the attendees table's "
		    "An", "both named");
		free(s);
	}
	free(c);

	m.att[0].role = ROLE_MEMBER;
	series_checklist(&m, NULL, &c, &n);
	if (is_int((intmax_t)n, 1, "no chair in the roster at all")) {
		s = series_check_text(&m, NULL, &c[0]);
		is_str(s, "The header's chair Châu is not the chair in the "
		    "attendees table", "said so");
		free(s);
	}
	free(c);

	meeting_set(&m, F_CHAIR, NULL);
	m.att[1].role = ROLE_MEMBER;
	series_checklist(&m, NULL, &c, &n);
	found = n == 2 && c[0].kind == CHECK_NO_CHAIR &&
	    c[1].kind == CHECK_SECRETARY_MISMATCH;
	ok(found, "an empty chair is missing, not a mismatch; the "
	    "secretary a member is one");
	free(c);
	meeting_free(&m);
}

int
main(void)
{
	test_same();
	test_find();
	test_number();
	test_roles();
	test_mismatch();
	return tap_done();
}
