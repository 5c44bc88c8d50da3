/*
 * The layout model (see export_doc.h): building a document, and the one
 * table of the numbers the paper layouts follow.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/export_doc.h"
#include "export/export_layout.h"
#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/*
 * The numbers of the paper layouts, each within the range its source
 * gives (sizes in half points: 26 is 13 pt).
 *
 * state: Decree 30/2020/NĐ-CP on clerical work, Appendix I, part I
 * (technical presentation of administrative documents): A4 portrait;
 * margins top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm; Times
 * New Roman (Unicode, TCVN 6909:2001), black; the national title in
 * capitals 12-13 pt bold; the motto 13-14 pt bold, a solid rule beneath
 * as long as the motto; the superior body's name in capitals 12-13 pt,
 * the issuing body's 12-13 pt bold with a short rule beneath; the number
 * 13 pt; the place and date 13-14 pt italic; the document's name in
 * capitals 13-14 pt bold, its summary 13-14 pt bold; the body 13-14 pt,
 * justified, first line indented 1-1.27 cm, paragraphs at least 6 pt
 * apart, line spacing single to 1.5 lines; signatures' titles in
 * capitals 13-14 pt bold and the signer's name 13-14 pt bold; "Nơi nhận:"
 * 12 pt bold italic, its list 11 pt; page numbers 13-14 pt, centred in
 * the top margin, none on the first page.
 *
 * party: Guidance 36-HD/VPTW (2018) of the Party Central Office on the
 * form of Party documents, Appendix 3: "ĐẢNG CỘNG SẢN VIỆT NAM" in
 * capitals 15 pt bold, a rule beneath as long as the title; the superior
 * body in capitals 14 pt, the issuing body in capitals 14 pt bold, "*"
 * beneath; the number 14 pt; the place and date 14 pt italic; the
 * document's name in capitals 15-16 pt bold, its summary 14-15 pt bold;
 * the body 14-15 pt; "Nơi nhận:" 14 pt underlined, its list 12 pt.  Page,
 * margins, font and page numbers as the decree.
 */
const struct export_spec export_spec_state = {
	.source = "Decree 30/2020/ND-CP, Appendix I",
	.page_w_mm = 210, .page_h_mm = 297,
	.top_mm = 20, .bottom_mm = 20, .left_mm = 30, .right_mm = 15,
	.font = "Times New Roman",
	.nation = 24, .motto = 26, .party = 30,
	.org_sup = 24, .org = 24, .number = 26, .place_date = 26,
	.doc_name = 28, .summary = 28, .body = 28, .signer = 28,
	.page_number = 28,
	.recipients_head = 24, .recipients = 22,
	.first_indent_mm = 10, .line_pct = 115, .space_pt = 6,
	.recipients_underline = false,
};

const struct export_spec export_spec_party = {
	.source = "Guidance 36-HD/VPTW, Appendix 3",
	.page_w_mm = 210, .page_h_mm = 297,
	.top_mm = 20, .bottom_mm = 20, .left_mm = 30, .right_mm = 15,
	.font = "Times New Roman",
	.nation = 24, .motto = 26, .party = 30,
	.org_sup = 28, .org = 28, .number = 28, .place_date = 28,
	.doc_name = 32, .summary = 28, .body = 28, .signer = 28,
	.page_number = 28,
	.recipients_head = 28, .recipients = 24,
	.first_indent_mm = 10, .line_pct = 115, .space_pt = 6,
	.recipients_underline = true,
};

void
doc_init(struct doc *d, const struct export_spec *spec, const char *lang,
    const char *title)
{
	memset(d, 0, sizeof *d);
	d->spec = spec;
	d->lang = lang;
	d->title = xstrdup(title ? title : "");
}

static void
para_free(struct doc_para *p)
{
	for (size_t i = 0; i < p->nrun; i++)
		free(p->run[i].text);
	free(p->run);
}

void
doc_free(struct doc *d)
{
	for (size_t i = 0; i < d->nblk; i++) {
		struct doc_block *b = &d->blk[i];

		para_free(&b->para);
		for (size_t r = 0; r < b->nrow; r++) {
			for (int c = 0; c < 2; c++) {
				for (size_t k = 0; k < b->row[r].n[c]; k++)
					para_free(&b->row[r].col[c][k]);
				free(b->row[r].col[c]);
			}
		}
		free(b->row);
	}
	free(d->blk);
	free(d->title);
	memset(d, 0, sizeof *d);
}

static struct doc_block *
new_block(struct doc *d, enum doc_kind kind)
{
	struct doc_block *b;

	XPUSH(d->blk, d->nblk, d->capblk);
	b = &d->blk[d->nblk++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

struct doc_para *
doc_para(struct doc *d)
{
	return &new_block(d, BLOCK_PARA)->para;
}

void
doc_row(struct doc_block *b)
{
	XPUSH(b->row, b->nrow, b->caprow);
	memset(&b->row[b->nrow++], 0, sizeof b->row[0]);
}

struct doc_block *
doc_table(struct doc *d, enum doc_table t)
{
	struct doc_block *b = new_block(d, BLOCK_TABLE);

	b->table = t;
	doc_row(b);
	return b;
}

struct doc_para *
doc_cell_para(struct doc_block *b, int col)
{
	struct doc_row *r = &b->row[b->nrow - 1];
	struct doc_para *p;

	XPUSH(r->col[col], r->n[col], r->cap[col]);
	p = &r->col[col][r->n[col]++];
	memset(p, 0, sizeof *p);
	p->align = ALIGN_CENTER;
	return p;
}

void
doc_run(struct doc_para *p, const char *text, unsigned flags,
    unsigned half_pt)
{
	struct doc_run *r;

	XPUSH(p->run, p->nrun, p->caprun);
	r = &p->run[p->nrun++];
	r->text = xstrdup(text ? text : "");
	r->flags = flags;
	r->half_pt = half_pt;
}

char *
doc_run_text(const struct doc_run *r)
{
	return r->flags & RUN_CAPS ? export_upper(r->text) : xstrdup(r->text);
}

char *
doc_para_text(const struct doc_para *p)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < p->nrun; i++) {
		char *t = doc_run_text(&p->run[i]);

		buf_adds(&b, t);
		free(t);
	}
	return buf_steal(&b);
}

double
export_body_mm(const struct doc *d)
{
	return (double)(d->spec->page_w_mm - d->spec->left_mm -
	    d->spec->right_mm);
}

void
export_table_mm(const struct doc *d, enum doc_table t, double mm[2])
{
	double w = export_body_mm(d);

	/* The header's right column holds the national title on one line
	 * (form 1.9 gives it about half the page and more); the signatures
	 * share the width evenly. */
	mm[0] = t == TABLE_HEADER ? w * 0.4 : w / 2;
	mm[1] = w - mm[0];
}

/* Times New Roman's widths, roughly, in ems: enough to draw a rule as
 * long as a line of it, which is all this is for. */
static double
char_em(int32_t c, bool bold)
{
	if (c == ' ')
		return 0.25;
	if (c == '.' || c == ',' || c == ':' || c == ';' || c == '-' ||
	    c == '*')
		return 0.3;
	if (c >= '0' && c <= '9')
		return 0.5;
	if (utf8_toupper(c) == c && utf8_tolower(c) != c)
		return bold ? 0.72 : 0.67;
	return bold ? 0.5 : 0.45;
}

double
export_para_mm(const struct doc_para *p)
{
	double pt = 0;

	for (size_t i = 0; i < p->nrun; i++) {
		char *t = doc_run_text(&p->run[i]);
		size_t len = strlen(t), k = 0;
		bool bold = p->run[i].flags & RUN_BOLD;

		while (k < len) {
			int32_t c = utf8_decode(t, len, &k);

			if (utf8_cpwidth(c) > 0)
				pt += char_em(c, bold) * p->run[i].half_pt / 2.0;
		}
		free(t);
	}
	return pt * 25.4 / 72;
}

double
export_rule_mm(const struct doc_para *p, double width)
{
	double text = export_para_mm(p), len;

	if (text > width)
		text = width;
	len = p->rule == RULE_LINE ? text : text / 3;
	if (p->rule == RULE_SHORT && len < 15)
		len = 15 < width ? 15 : width;
	return len;
}
