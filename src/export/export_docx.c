/*
 * The DOCX writer: the layout model as Office Open XML (ECMA-376), the
 * package Word and LibreOffice open without a repair prompt: the content
 * types, the relationships, the document, its styles and settings, two
 * headers (the page number, and an empty one for the first page, which
 * Decree 30 leaves unnumbered), and the core properties.
 *
 * Lengths are in twentieths of a point (twips: 1 mm is 56.7), sizes in
 * half points, as WordprocessingML has them.  Elements inside w:pPr and
 * w:rPr follow the schema's order, which Word checks.
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

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
/* Word's own cell padding, left and right, in twips. */
#define CELL_PAD 108

static long
twips(double mm)
{
	return (long)(mm * 1440 / 25.4 + 0.5);
}

/* Appends an attribute value printed from a number into the static
 * scratch, for xml_empty's string arguments. */
static const char *
num(char *out, long v)
{
	snprintf(out, 24, "%ld", v);
	return out;
}

static void
run(struct buf *b, const struct doc_run *r)
{
	char sz[24], *t = doc_run_text(r);

	buf_adds(b, "<w:r><w:rPr>");
	if (r->flags & RUN_BOLD)
		buf_adds(b, "<w:b/><w:bCs/>");
	if (r->flags & RUN_ITALIC)
		buf_adds(b, "<w:i/><w:iCs/>");
	num(sz, (long)r->half_pt);
	xml_empty(b, "w:sz", "w:val", sz, NULL);
	xml_empty(b, "w:szCs", "w:val", sz, NULL);
	if (r->flags & RUN_UNDERLINE)
		xml_empty(b, "w:u", "w:val", "single", NULL);
	buf_adds(b, "</w:rPr>");
	xml_open(b, "w:t", "xml:space", "preserve", NULL);
	xml_esc(b, t);
	buf_adds(b, "</w:t></w:r>");
	free(t);
}

/* The rule beneath a paragraph: an empty paragraph one point high whose
 * top border, indented from both sides, is as long as the rule. */
static void
rule(struct buf *b, const struct doc_para *p, double width)
{
	double len = export_rule_mm(p, width);
	char side[24];

	num(side, twips((width - len) / 2));
	buf_adds(b, "<w:p><w:pPr><w:pBdr>");
	xml_empty(b, "w:top", "w:val", "single", "w:sz", "6", "w:space", "0",
	    "w:color", "000000", NULL);
	buf_adds(b, "</w:pBdr><w:spacing w:before=\"20\" w:after=\"0\" "
	    "w:line=\"20\" w:lineRule=\"exact\"/>");
	xml_empty(b, "w:ind", "w:left", side, "w:right", side, NULL);
	buf_adds(b, "</w:pPr></w:p>");
}

/* One paragraph, in a space width mm wide. */
static void
para(struct buf *b, const struct doc *d, const struct doc_para *p,
    double width)
{
	const struct export_spec *sp = d->spec;
	char v1[24], v2[24], v3[24];
	long left = twips(p->ind_rest * EXPORT_COL_MM);
	long first = twips(((double)p->ind_first - p->ind_rest) *
	    EXPORT_COL_MM);

	buf_adds(b, "<w:p><w:pPr>");
	if (p->keep_next)
		buf_adds(b, "<w:keepNext/>");
	xml_empty(b, "w:spacing", "w:before", num(v1, p->blank_before ?
	    (long)sp->space_pt * 20 : 0), "w:after", "0", "w:line",
	    num(v2, 240L * sp->line_pct / 100), "w:lineRule", "auto", NULL);
	if (p->body)
		first = twips(sp->first_indent_mm);
	if (first < 0)
		xml_empty(b, "w:ind", "w:left", num(v1, left), "w:hanging",
		    num(v3, -first), NULL);
	else
		xml_empty(b, "w:ind", "w:left", num(v1, left), "w:firstLine",
		    num(v3, first), NULL);
	xml_empty(b, "w:jc", "w:val", p->align == ALIGN_CENTER ? "center" :
	    p->align == ALIGN_JUSTIFY ? "both" : "left", NULL);
	buf_adds(b, "</w:pPr>");
	for (size_t i = 0; i < p->nrun; i++)
		run(b, &p->run[i]);
	buf_adds(b, "</w:p>");
	if (p->rule != RULE_NONE)
		rule(b, p, width);
}

static void
table(struct buf *b, const struct doc *d, const struct doc_block *t)
{
	double mm[2];
	char w[2][24], tw[24];

	export_table_mm(d, t->table, mm);
	num(w[0], twips(mm[0]));
	num(w[1], twips(mm[1]));
	buf_adds(b, "<w:tbl><w:tblPr>");
	xml_empty(b, "w:tblW", "w:w", num(tw, twips(mm[0] + mm[1])),
	    "w:type", "dxa", NULL);
	buf_adds(b, "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/>"
	    "</w:tblPr><w:tblGrid>");
	xml_empty(b, "w:gridCol", "w:w", w[0], NULL);
	xml_empty(b, "w:gridCol", "w:w", w[1], NULL);
	buf_adds(b, "</w:tblGrid>");
	for (size_t r = 0; r < t->nrow; r++) {
		buf_adds(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (int c = 0; c < 2; c++) {
			buf_adds(b, "<w:tc><w:tcPr>");
			xml_empty(b, "w:tcW", "w:w", w[c], "w:type", "dxa",
			    NULL);
			buf_adds(b, "</w:tcPr>");
			for (size_t k = 0; k < t->row[r].n[c]; k++)
				para(b, d, &t->row[r].col[c][k], mm[c] -
				    2 * CELL_PAD * 25.4 / 1440);
			/* A cell holds at least one paragraph. */
			if (t->row[r].n[c] == 0)
				buf_adds(b, "<w:p/>");
			buf_adds(b, "</w:tc>");
		}
		buf_adds(b, "</w:tr>");
	}
	buf_adds(b, "</w:tbl>");
}

static void
document(struct buf *b, const struct doc *d)
{
	const struct export_spec *sp = d->spec;
	char v[6][24];

	buf_adds(b, XML_DECL);
	xml_open(b, "w:document", "xmlns:w", W_NS, "xmlns:r", R_NS, NULL);
	buf_adds(b, "<w:body>");
	for (size_t i = 0; i < d->nblk; i++) {
		if (d->blk[i].kind == BLOCK_TABLE)
			table(b, d, &d->blk[i]);
		else
			para(b, d, &d->blk[i].para, export_body_mm(d));
	}
	buf_adds(b, "<w:sectPr>");
	xml_empty(b, "w:headerReference", "w:type", "default", "r:id",
	    "rIdHeader", NULL);
	xml_empty(b, "w:headerReference", "w:type", "first", "r:id",
	    "rIdFirst", NULL);
	xml_empty(b, "w:pgSz", "w:w", num(v[0], twips(sp->page_w_mm)), "w:h",
	    num(v[1], twips(sp->page_h_mm)), NULL);
	/* The page number sits in the top margin, half way down it. */
	xml_empty(b, "w:pgMar", "w:top", num(v[2], twips(sp->top_mm)),
	    "w:right", num(v[3], twips(sp->right_mm)), "w:bottom",
	    num(v[4], twips(sp->bottom_mm)), "w:left",
	    num(v[5], twips(sp->left_mm)), "w:header",
	    num(v[0], twips(sp->top_mm / 2.0)), "w:footer", "567",
	    "w:gutter", "0", NULL);
	buf_adds(b, "<w:titlePg/></w:sectPr></w:body></w:document>");
}

static void
header_part(struct buf *b, const struct doc *d, bool number)
{
	char sz[24];

	buf_adds(b, XML_DECL);
	xml_open(b, "w:hdr", "xmlns:w", W_NS, "xmlns:r", R_NS, NULL);
	buf_adds(b, "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>");
	if (number) {
		num(sz, (long)d->spec->page_number);
		buf_printf(b, "<w:r><w:rPr><w:sz w:val=\"%s\"/></w:rPr>"
		    "<w:fldChar w:fldCharType=\"begin\"/></w:r>"
		    "<w:r><w:rPr><w:sz w:val=\"%s\"/></w:rPr>"
		    "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"
		    "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
		    "<w:r><w:rPr><w:sz w:val=\"%s\"/></w:rPr><w:t>2</w:t></w:r>"
		    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>", sz, sz, sz);
	}
	buf_adds(b, "</w:p></w:hdr>");
}

static void
styles(struct buf *b, const struct doc *d)
{
	const struct export_spec *sp = d->spec;
	const char *lang = strcmp(d->lang, "vi") == 0 ? "vi-VN" : "en-GB";
	char sz[24];

	num(sz, (long)sp->body);
	buf_adds(b, XML_DECL);
	xml_open(b, "w:styles", "xmlns:w", W_NS, NULL);
	buf_adds(b, "<w:docDefaults><w:rPrDefault><w:rPr>");
	xml_empty(b, "w:rFonts", "w:ascii", sp->font, "w:hAnsi", sp->font,
	    "w:eastAsia", sp->font, "w:cs", sp->font, NULL);
	xml_empty(b, "w:sz", "w:val", sz, NULL);
	xml_empty(b, "w:szCs", "w:val", sz, NULL);
	xml_empty(b, "w:lang", "w:val", lang, NULL);
	buf_adds(b, "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
	    "<w:spacing w:after=\"0\"/></w:pPr></w:pPrDefault></w:docDefaults>");
	buf_adds(b, "<w:style w:type=\"paragraph\" w:default=\"1\" "
	    "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:rPr>");
	xml_empty(b, "w:rFonts", "w:ascii", sp->font, "w:hAnsi", sp->font,
	    "w:eastAsia", sp->font, "w:cs", sp->font, NULL);
	xml_empty(b, "w:sz", "w:val", sz, NULL);
	xml_empty(b, "w:szCs", "w:val", sz, NULL);
	buf_adds(b, "</w:rPr></w:style>"
	    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
	    "<w:name w:val=\"Normal Table\"/><w:tblPr><w:tblCellMar>"
	    "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
	    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" "
	    "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style></w:styles>");
}

#define CT_NS "http://schemas.openxmlformats.org/package/2006/content-types"
#define WML "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define OREL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define PREL "http://schemas.openxmlformats.org/package/2006/relationships/"

static const char content_types[] = XML_DECL
    "<Types xmlns=\"" CT_NS "\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"" WML "document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"" WML "styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"" WML "settings+xml\"/>"
    "<Override PartName=\"/word/header1.xml\" ContentType=\"" WML "header+xml\"/>"
    "<Override PartName=\"/word/header2.xml\" ContentType=\"" WML "header+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>";

static const char package_rels[] = XML_DECL
    "<Relationships xmlns=\"" REL_NS "\">"
    "<Relationship Id=\"rId1\" Type=\"" OREL "officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" PREL "metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>";

static const char document_rels[] = XML_DECL
    "<Relationships xmlns=\"" REL_NS "\">"
    "<Relationship Id=\"rIdStyles\" Type=\"" OREL "styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rIdSettings\" Type=\"" OREL "settings\" Target=\"settings.xml\"/>"
    "<Relationship Id=\"rIdHeader\" Type=\"" OREL "header\" Target=\"header1.xml\"/>"
    "<Relationship Id=\"rIdFirst\" Type=\"" OREL "header\" Target=\"header2.xml\"/>"
    "</Relationships>";

static const char settings[] = XML_DECL
    "<w:settings xmlns:w=\"" W_NS "\"><w:defaultTabStop w:val=\"720\"/>"
    "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>"
    "<w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
    "</w:compat></w:settings>";

static void
core(struct buf *b, const struct doc *d)
{
	buf_adds(b, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas."
	    "openxmlformats.org/package/2006/metadata/core-properties\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">");
	xml_elem(b, "dc:title", d->title);
	xml_elem(b, "dc:language", d->lang);
	buf_adds(b, "</cp:coreProperties>");
}

/* The pages after the first carry their number (header1.xml); the first
 * page's header is empty (header2.xml, document's titlePg). */
static void
numbered_header(struct buf *b, const struct doc *d)
{
	header_part(b, d, true);
}

static void
first_header(struct buf *b, const struct doc *d)
{
	header_part(b, d, false);
}

static const struct export_zip_file docx_files[] = {
	{ .name = "[Content_Types].xml", .data = content_types,
	    .len = sizeof content_types - 1 },
	{ .name = "_rels/.rels", .data = package_rels,
	    .len = sizeof package_rels - 1 },
	{ .name = "word/document.xml", .build = document },
	{ .name = "word/_rels/document.xml.rels", .data = document_rels,
	    .len = sizeof document_rels - 1 },
	{ .name = "word/styles.xml", .build = styles },
	{ .name = "word/settings.xml", .data = settings,
	    .len = sizeof settings - 1 },
	{ .name = "word/header1.xml", .build = numbered_header },
	{ .name = "word/header2.xml", .build = first_header },
	{ .name = "docProps/core.xml", .build = core },
};

int
export_render_docx(struct buf *out, const struct doc *d, struct err *e)
{
	return export_zip(out, docx_files,
	    sizeof docx_files / sizeof docx_files[0], d, e);
}
