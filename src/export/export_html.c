/*
 * The HTML writer: the layout model as one page with no outside
 * resources, to read on screen or print from a browser.  The print
 * stylesheet gives the paper layout of the document's style (A4, the
 * margins, Times New Roman with metric-compatible fallbacks, the page
 * number in the top margin from the second page); tables lay out the
 * header and the signatures; every character of the meeting is escaped
 * by the XML writer's escaping, which HTML reads the same way.
 */
#include "config.h"

#include <stdlib.h>

#include "export/export_doc.h"
#include "export/export_layout.h"
#include "export/export_xml.h"
#include "lib/buf.h"

static void
run(struct buf *b, const struct doc_run *r)
{
	char *t = doc_run_text(r);

	buf_printf(b, "<span style=\"font-size:%gpt", r->half_pt / 2.0);
	if (r->flags & RUN_BOLD)
		buf_adds(b, ";font-weight:bold");
	if (r->flags & RUN_ITALIC)
		buf_adds(b, ";font-style:italic");
	if (r->flags & RUN_UNDERLINE)
		buf_adds(b, ";text-decoration:underline");
	buf_adds(b, "\">");
	xml_esc(b, t);
	buf_adds(b, "</span>");
	free(t);
}

static void
para(struct buf *b, const struct doc *d, const struct doc_para *p)
{
	const struct export_spec *sp = d->spec;
	double rest = p->ind_rest * EXPORT_COL_MM;
	double first = ((double)p->ind_first - p->ind_rest) * EXPORT_COL_MM;

	if (p->body)
		first = sp->first_indent_mm;
	buf_printf(b, "<p style=\"text-align:%s", p->align == ALIGN_CENTER ?
	    "center" : p->align == ALIGN_JUSTIFY ? "justify" : "left");
	if (rest > 0)
		buf_printf(b, ";padding-left:%.1fmm", rest);
	if (first != 0)
		buf_printf(b, ";text-indent:%.1fmm", first);
	if (p->blank_before)
		buf_printf(b, ";margin-top:%upt", sp->space_pt);
	if (p->keep_next)
		buf_adds(b, ";break-after:avoid");
	if (p->balance)
		buf_adds(b, ";text-wrap:balance");
	buf_adds(b, "\">");
	/* A rule as long as the line: the text in a box with a border. */
	if (p->rule != RULE_NONE)
		buf_printf(b, "<span class=\"%s\">", p->rule == RULE_LINE ?
		    "rule" : "short");
	for (size_t i = 0; i < p->nrun; i++)
		run(b, &p->run[i]);
	if (p->nrun == 0)
		buf_adds(b, "<br>");
	if (p->rule != RULE_NONE)
		buf_adds(b, "</span>");
	buf_adds(b, "</p>\n");
}

static void
table(struct buf *b, const struct doc *d, const struct doc_block *t)
{
	double mm[2];

	export_table_mm(d, t->table, mm);
	buf_adds(b, "<table>\n");
	for (size_t r = 0; r < t->nrow; r++) {
		buf_adds(b, "<tr>");
		for (int c = 0; c < 2; c++) {
			buf_printf(b, "<td style=\"width:%.0f%%\">\n",
			    100 * mm[c] / (mm[0] + mm[1]));
			for (size_t k = 0; k < t->row[r].n[c]; k++)
				para(b, d, &t->row[r].col[c][k]);
			buf_adds(b, "</td>");
		}
		buf_adds(b, "</tr>\n");
	}
	buf_adds(b, "</table>\n");
}

static void
style(struct buf *b, const struct doc *d)
{
	const struct export_spec *sp = d->spec;

	buf_printf(b, "<style>\n"
	    "@page { size: A4; margin: %umm %umm %umm %umm;\n"
	    "  @top-center { content: counter(page); font: %gpt \"%s\", Tinos,"
	    " \"Liberation Serif\", serif; } }\n"
	    "@page :first { @top-center { content: none; } }\n"
	    "body { font-family: \"%s\", Tinos, \"Liberation Serif\","
	    " \"Nimbus Roman\", \"DejaVu Serif\", serif; font-size: %gpt;"
	    " line-height: %.2f; color: #000; background: #fff;"
	    " max-width: %gmm; margin: 1em auto; }\n"
	    "p { margin: 0; }\n"
	    "table { width: 100%%; border-collapse: collapse;"
	    " break-inside: avoid; }\n"
	    "td { vertical-align: top; padding: 0; }\n"
	    ".rule { display: inline-block; padding-bottom: 1pt;"
	    " border-bottom: 1px solid #000; }\n"
	    ".short::after { content: \"\"; display: block; width: 40%%;"
	    " margin: 1pt auto 0; border-bottom: 1px solid #000; }\n"
	    "@media print { body { margin: 0; max-width: none; } }\n"
	    "</style>\n", sp->top_mm, sp->right_mm, sp->bottom_mm, sp->left_mm,
	    sp->page_number / 2.0, sp->font, sp->font, sp->body / 2.0,
	    sp->line_pct / 100.0, export_body_mm(d));
}

void
export_render_html(struct buf *b, const struct doc *d)
{
	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
	xml_esc(b, d->lang);
	buf_adds(b, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	xml_esc(b, d->title);
	buf_adds(b, "</title>\n");
	style(b, d);
	buf_adds(b, "</head>\n<body>\n");
	for (size_t i = 0; i < d->nblk; i++) {
		if (d->blk[i].kind == BLOCK_TABLE)
			table(b, d, &d->blk[i]);
		else
			para(b, d, &d->blk[i].para);
	}
	buf_adds(b, "</body>\n</html>\n");
}
