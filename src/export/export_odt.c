/*
 * The ODT writer: the layout model as an OpenDocument text package
 * (ODF 1.2): the mimetype first and stored, as the format asks, then the
 * manifest, the content, the styles and the metadata.
 *
 * Every paragraph and run gets an automatic style of its own (P1, P2, …,
 * T1, T2, …): simple to write and to check, and a document of a few
 * hundred paragraphs stays small.  The first page has a master page of
 * its own, without the header that carries the page number, since
 * Decree 30 numbers pages from the second.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_doc.h"
#include "export/export_layout.h"
#include "export/export_xml.h"
#include "lib/buf.h"
#include "lib/err.h"

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ODF_NS \
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
    " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"" \
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" \
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"" \
    " office:version=\"1.2\""

/* The automatic styles and the body, written side by side. */
struct odt {
	const struct doc *d;
	struct buf	 sty, body;
	unsigned	 np, nt, ntab;
};

static void
font_decls(struct buf *b, const char *font)
{
	buf_adds(b, "<office:font-face-decls>");
	xml_empty(b, "style:font-face", "style:name", font, "svg:font-family",
	    font, "style:font-family-generic", "roman", NULL);
	buf_adds(b, "</office:font-face-decls>");
}

static void
run(struct odt *o, const struct doc_run *r)
{
	char *t = doc_run_text(r);

	buf_printf(&o->sty, "<style:style style:name=\"T%u\" "
	    "style:family=\"text\"><style:text-properties fo:font-size=\"%g"
	    "pt\" style:font-size-complex=\"%gpt\"", ++o->nt, r->half_pt / 2.0,
	    r->half_pt / 2.0);
	if (r->flags & RUN_BOLD)
		buf_adds(&o->sty, " fo:font-weight=\"bold\""
		    " style:font-weight-complex=\"bold\"");
	if (r->flags & RUN_ITALIC)
		buf_adds(&o->sty, " fo:font-style=\"italic\""
		    " style:font-style-complex=\"italic\"");
	if (r->flags & RUN_UNDERLINE)
		buf_adds(&o->sty, " style:text-underline-style=\"solid\""
		    " style:text-underline-width=\"auto\""
		    " style:text-underline-color=\"font-color\"");
	buf_adds(&o->sty, "/></style:style>");
	buf_printf(&o->body, "<text:span text:style-name=\"T%u\">", o->nt);
	xml_esc(&o->body, t);
	buf_adds(&o->body, "</text:span>");
	free(t);
}

/* The rule beneath a paragraph: an empty paragraph a point high whose
 * top border, indented from both sides, is as long as the rule. */
static void
rule(struct odt *o, const struct doc_para *p, double width)
{
	double side = (width - export_rule_mm(p, width)) / 2;

	buf_printf(&o->sty, "<style:style style:name=\"P%u\" "
	    "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
	    "<style:paragraph-properties fo:margin-left=\"%.2fmm\" "
	    "fo:margin-right=\"%.2fmm\" fo:margin-top=\"1pt\" "
	    "fo:margin-bottom=\"0pt\" fo:line-height=\"1pt\" "
	    "fo:border-top=\"0.5pt solid #000000\" fo:padding=\"0mm\"/>"
	    "<style:text-properties fo:font-size=\"1pt\"/></style:style>",
	    ++o->np, side, side);
	buf_printf(&o->body, "<text:p text:style-name=\"P%u\"/>", o->np);
}

/* One paragraph in a space width mm wide; first is the document's first
 * paragraph, which starts the first page's master page. */
static void
para(struct odt *o, const struct doc_para *p, double width, bool first)
{
	const struct export_spec *sp = o->d->spec;
	double left = p->ind_rest * EXPORT_COL_MM;
	double indent = ((double)p->ind_first - p->ind_rest) * EXPORT_COL_MM;

	if (p->body)
		indent = sp->first_indent_mm;
	buf_printf(&o->sty, "<style:style style:name=\"P%u\" "
	    "style:family=\"paragraph\" style:parent-style-name=\"Standard\"%s>"
	    "<style:paragraph-properties fo:text-align=\"%s\" "
	    "fo:margin-left=\"%.2fmm\" "
	    "fo:text-indent=\"%.2fmm\" fo:margin-top=\"%upt\" "
	    "fo:margin-bottom=\"0pt\" fo:line-height=\"%u%%\"%s/>"
	    "</style:style>", ++o->np, first ?
	    " style:master-page-name=\"First_20_Page\"" : "",
	    p->align == ALIGN_CENTER ? "center" : p->align == ALIGN_JUSTIFY ?
	    "justify" : "start", left, indent, p->blank_before ?
	    sp->space_pt : 0, sp->line_pct, p->keep_next ?
	    " fo:keep-with-next=\"always\"" : "");
	buf_printf(&o->body, "<text:p text:style-name=\"P%u\">", o->np);
	for (size_t i = 0; i < p->nrun; i++)
		run(o, &p->run[i]);
	buf_adds(&o->body, "</text:p>");
	if (p->rule != RULE_NONE)
		rule(o, p, width);
}

static void
table(struct odt *o, const struct doc_block *t, bool first)
{
	double mm[2];
	unsigned n = ++o->ntab;

	export_table_mm(o->d, t->table, mm);
	buf_printf(&o->sty, "<style:style style:name=\"Tab%u\" "
	    "style:family=\"table\"%s><style:table-properties "
	    "style:width=\"%.2fmm\" table:align=\"margins\"/></style:style>",
	    n, first ? " style:master-page-name=\"First_20_Page\"" : "",
	    mm[0] + mm[1]);
	for (int c = 0; c < 2; c++)
		buf_printf(&o->sty, "<style:style style:name=\"Tab%u.%c\" "
		    "style:family=\"table-column\"><style:table-column-properties"
		    " style:column-width=\"%.2fmm\"/></style:style>", n, 'A' + c,
		    mm[c]);
	buf_printf(&o->body, "<table:table table:name=\"Table%u\" "
	    "table:style-name=\"Tab%u\"><table:table-column "
	    "table:style-name=\"Tab%u.A\"/><table:table-column "
	    "table:style-name=\"Tab%u.B\"/>", n, n, n, n);
	for (size_t r = 0; r < t->nrow; r++) {
		buf_adds(&o->body, "<table:table-row table:style-name=\"Row\">");
		for (int c = 0; c < 2; c++) {
			buf_adds(&o->body, "<table:table-cell "
			    "office:value-type=\"string\">");
			for (size_t k = 0; k < t->row[r].n[c]; k++)
				para(o, &t->row[r].col[c][k], mm[c] - 2, false);
			if (t->row[r].n[c] == 0)
				buf_adds(&o->body, "<text:p/>");
			buf_adds(&o->body, "</table:table-cell>");
		}
		buf_adds(&o->body, "</table:table-row>");
	}
	buf_adds(&o->body, "</table:table>");
}

static void
content(struct buf *b, const struct doc *d)
{
	struct odt o = { .d = d, .sty = BUF_INIT, .body = BUF_INIT };

	for (size_t i = 0; i < d->nblk; i++) {
		if (d->blk[i].kind == BLOCK_TABLE)
			table(&o, &d->blk[i], i == 0);
		else
			para(&o, &d->blk[i].para, export_body_mm(d), i == 0);
	}
	buf_adds(b, XML_DECL "<office:document-content" ODF_NS ">");
	font_decls(b, d->spec->font);
	/* A row of a table (the header, the signatures with their names)
	 * is never split over two pages. */
	buf_printf(b, "<office:automatic-styles><style:style style:name=\"Row\" "
	    "style:family=\"table-row\"><style:table-row-properties "
	    "fo:keep-together=\"always\"/></style:style>%s"
	    "</office:automatic-styles>"
	    "<office:body><office:text>%s</office:text></office:body>"
	    "</office:document-content>", buf_str(&o.sty), buf_str(&o.body));
	buf_free(&o.sty);
	buf_free(&o.body);
}

/* A page layout: the first page has no header, so its top margin is the
 * decree's; the others carry the page number in that margin. */
static void
page_layout(struct buf *b, const struct export_spec *sp, const char *name,
    bool header)
{
	buf_printf(b, "<style:page-layout style:name=\"%s\">"
	    "<style:page-layout-properties fo:page-width=\"%umm\" "
	    "fo:page-height=\"%umm\" style:print-orientation=\"portrait\" "
	    "fo:margin-top=\"%gmm\" fo:margin-bottom=\"%umm\" "
	    "fo:margin-left=\"%umm\" fo:margin-right=\"%umm\"/>", name,
	    sp->page_w_mm, sp->page_h_mm, header ? sp->top_mm / 2.0 :
	    (double)sp->top_mm, sp->bottom_mm, sp->left_mm, sp->right_mm);
	if (header)
		buf_printf(b, "<style:header-style><style:header-footer-"
		    "properties fo:min-height=\"0mm\" fo:margin-bottom=\"%gmm\""
		    "/></style:header-style>", sp->top_mm / 2.0 - 6);
	buf_adds(b, "</style:page-layout>");
}

static void
styles(struct buf *b, const struct doc *d)
{
	const struct export_spec *sp = d->spec;
	bool vi = strcmp(d->lang, "vi") == 0;

	buf_adds(b, XML_DECL "<office:document-styles" ODF_NS ">");
	font_decls(b, sp->font);
	buf_printf(b, "<office:styles><style:default-style "
	    "style:family=\"paragraph\"><style:text-properties "
	    "style:font-name=\"%s\" style:font-name-complex=\"%s\" "
	    "fo:font-size=\"%gpt\" fo:language=\"%s\" fo:country=\"%s\"/>"
	    "</style:default-style><style:style style:name=\"Standard\" "
	    "style:family=\"paragraph\" style:class=\"text\"/>"
	    "<style:style style:name=\"Header\" style:family=\"paragraph\" "
	    "style:class=\"extra\"><style:paragraph-properties "
	    "fo:text-align=\"center\"/><style:text-properties "
	    "fo:font-size=\"%gpt\"/></style:style></office:styles>",
	    sp->font, sp->font, sp->body / 2.0, vi ? "vi" : "en",
	    vi ? "VN" : "GB", sp->page_number / 2.0);
	buf_adds(b, "<office:automatic-styles>");
	page_layout(b, sp, "pm1", true);
	page_layout(b, sp, "pm2", false);
	buf_adds(b, "</office:automatic-styles><office:master-styles>"
	    "<style:master-page style:name=\"Standard\" "
	    "style:page-layout-name=\"pm1\"><style:header>"
	    "<text:p text:style-name=\"Header\"><text:page-number "
	    "text:select-page=\"current\">2</text:page-number></text:p>"
	    "</style:header></style:master-page><style:master-page "
	    "style:name=\"First_20_Page\" style:display-name=\"First Page\" "
	    "style:page-layout-name=\"pm2\" style:next-style-name=\"Standard\"/>"
	    "</office:master-styles></office:document-styles>");
}

static void
meta(struct buf *b, const struct doc *d)
{
	buf_adds(b, XML_DECL "<office:document-meta" ODF_NS "><office:meta>");
	xml_elem(b, "dc:title", d->title);
	xml_elem(b, "dc:language", d->lang);
	buf_adds(b, "<meta:generator>minutes " PACKAGE_VERSION
	    "</meta:generator></office:meta></office:document-meta>");
}

static const char mimetype[] = "application/vnd.oasis.opendocument.text";
static const char manifest[] = XML_DECL
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:"
    "xmlns:manifest:1.0\" manifest:version=\"1.2\">"
    "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
    "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
    "<manifest:file-entry manifest:full-path=\"content.xml\" "
    "manifest:media-type=\"text/xml\"/>"
    "<manifest:file-entry manifest:full-path=\"styles.xml\" "
    "manifest:media-type=\"text/xml\"/>"
    "<manifest:file-entry manifest:full-path=\"meta.xml\" "
    "manifest:media-type=\"text/xml\"/></manifest:manifest>";

static const struct export_zip_file odt_files[] = {
	{ .name = "mimetype", .data = mimetype, .len = sizeof mimetype - 1,
	    .store = 1 },
	{ .name = "META-INF/manifest.xml", .data = manifest,
	    .len = sizeof manifest - 1 },
	{ .name = "content.xml", .build = content },
	{ .name = "styles.xml", .build = styles },
	{ .name = "meta.xml", .build = meta },
};

int
export_render_odt(struct buf *out, const struct doc *d, struct err *e)
{
	return export_zip(out, odt_files,
	    sizeof odt_files / sizeof odt_files[0], d, e);
}
