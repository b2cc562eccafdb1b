// libxlsxwriter's writers of a sheet's rows and cells, defined in the executable so that libxlsxwriter's
// calls reach them first (CXlsxHooks.h): on a thread that has asked for it, the common cases are written
// with a few `fwrite`s instead of `fprintf`, byte for byte as libxlsxwriter 1.1.4 writes them; anything
// else is passed on to libxlsxwriter's own definition.
//
// Their names begin with an underscore because libxlsxwriter's do: 1.1.4 (as Debian builds it) exports
// these "static" helpers and calls them through its procedure linkage table.
#define _GNU_SOURCE
#include <ctype.h>
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>
#include <xlsxwriter/worksheet.h>
#include <xlsxwriter/xmlwriter.h>

#include "CXlsxHooks.h"

static _Thread_local int direct = 0;
static _Thread_local unsigned long written_directly = 0;

void pathway_xlsx_set_direct_cells(int on) { direct = on != 0; }

unsigned long pathway_xlsx_cells_written_directly(void) { return written_directly; }

// MARK: Numbers

// The decimal digits of `value` (at most 20) before `end`; returns where they start.
static char *digits(char *end, uint64_t value) {
    do {
        *--end = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    return end;
}

size_t pathway_format_number(double number, char *out, size_t size) {
    // A whole number of at most 15 digits is written in full by %.16G (which switches to an exponent only
    // from 10^16): its digits, after a minus sign. -0 keeps its sign ("-0"), so it goes to printf too.
    if (size >= 32 && number > -1e15 && number < 1e15 && number == (double)(int64_t)number
        && !(number == 0 && signbit(number))) {
        char buffer[24];
        char *end = buffer + sizeof buffer;
        int negative = number < 0;
        char *start = digits(end, (uint64_t)(negative ? -(int64_t)number : (int64_t)number));
        if (negative) *--start = '-';
        size_t length = (size_t)(end - start);
        memcpy(out, start, length);
        out[length] = '\0';
        return length;
    }
    int length = snprintf(out, size, "%.16G", number);
    return length < 0 ? 0 : (size_t)length;
}

// MARK: Writing

// The helpers' arguments and bytes are 1.1.4's (other versions differ: older ones take no cell reference,
// newer ones write rows with other attributes). With other headers none is defined, so libxlsxwriter
// writes every cell itself and the tests that count the cells written here fail.
#if LXW_VERSION_ID == 114

static void put(FILE *file, const char *bytes, size_t length) { fwrite_unlocked(bytes, 1, length, file); }

static void put_string(FILE *file, const char *string) { put(file, string, strlen(string)); }

// `before`, the digits of `value`, `after` (a style index or a row number: never negative).
static void put_literal_int(FILE *file, const char *before, uint32_t value, const char *after) {
    char buffer[24];
    char *end = buffer + sizeof buffer;
    char *start = digits(end, value);
    put_string(file, before);
    put(file, start, (size_t)(end - start));
    put_string(file, after);
}

// `<c r="A1"` or `<c r="A1" s="3"`.
static void put_cell_start(FILE *file, const char *range, int32_t style_index) {
    put_string(file, "<c r=\"");
    put_string(file, range);
    if (style_index) {
        put_literal_int(file, "\" s=\"", (uint32_t)style_index, "\"");
    } else {
        put(file, "\"", 1);
    }
}

// The definitions these hide: libxlsxwriter's own.
typedef void (*cell_writer)(lxw_worksheet *, char *, int32_t, lxw_cell *);
typedef void (*row_writer)(lxw_worksheet *, lxw_row *, char *);
typedef void (*end_tag_writer)(FILE *, const char *);
typedef void (*cell_namer)(char *, lxw_row_t, lxw_col_t);
static struct {
    cell_writer number;
    cell_writer inline_string;
    row_writer row;
    end_tag_writer end_tag;
    cell_namer cell_name;
} library;
static pthread_once_t library_once = PTHREAD_ONCE_INIT;

static void find_library(void) {
    library.number = (cell_writer)dlsym(RTLD_NEXT, "_write_number_cell");
    library.inline_string = (cell_writer)dlsym(RTLD_NEXT, "_write_inline_string_cell");
    library.row = (row_writer)dlsym(RTLD_NEXT, "_write_row");
    library.end_tag = (end_tag_writer)dlsym(RTLD_NEXT, "lxw_xml_end_tag");
    library.cell_name = (cell_namer)dlsym(RTLD_NEXT, "lxw_rowcol_to_cell");
}

static void find_library_once(void) { pthread_once(&library_once, find_library); }

// A number cell: `<c r="A1" s="3"><v>%.16G</v></c>`.
void _write_number_cell(lxw_worksheet *self, char *range, int32_t style_index, lxw_cell *cell) {
    if (!direct) {
        find_library_once();
        if (library.number != NULL) library.number(self, range, style_index, cell);
        return;
    }
    char number[40];
    size_t length = pathway_format_number(cell->u.number, number, sizeof number);
    put_cell_start(self->file, range, style_index);
    put_string(self->file, "><v>");
    put(self->file, number, length);
    put_string(self->file, "</v></c>");
    written_directly += 1;
}

// A streamed sheet's text cell: `<c r="A1" s="3" t="inlineStr"><is><t>text</t></is></c>`, with the text's
// &, < and > escaped (by libxlsxwriter's `lxw_escape_data`, when it has any) and `xml:space="preserve"`
// when it begins or ends with white space.
void _write_inline_string_cell(lxw_worksheet *self, char *range, int32_t style_index, lxw_cell *cell) {
    const char *text = cell->u.string;
    if (!direct || text == NULL || text[0] == '\0') {
        // (libxlsxwriter never makes an empty one; its own would read before the text.)
        find_library_once();
        if (library.inline_string != NULL) library.inline_string(self, range, style_index, cell);
        return;
    }
    char *escaped = strpbrk(text, "&<>") != NULL ? lxw_escape_data(text) : NULL;
    if (escaped != NULL) text = escaped;
    size_t length = strlen(text);
    put_cell_start(self->file, range, style_index);
    if (length > 0 && (isspace((unsigned char)text[0]) || isspace((unsigned char)text[length - 1]))) {
        put_string(self->file, " t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    } else {
        put_string(self->file, " t=\"inlineStr\"><is><t>");
    }
    put(self->file, text, length);
    put_string(self->file, "</t></is></c>");
    free(escaped);
    written_directly += 1;
}

// A row with no attribute but its number, as a streamed sheet writes each (no spans): `<row r="1">`, or
// `<row r="1"/>` when it has no cells. Any other row goes to libxlsxwriter.
void _write_row(lxw_worksheet *self, lxw_row *row, char *spans) {
    double height = row->height_changed ? row->height : self->default_row_height;
    if (!direct || spans != NULL || row->format != NULL || height != LXW_DEF_ROW_HEIGHT || row->hidden
        || row->level || row->collapsed || self->excel_version == 2010) {
        find_library_once();
        if (library.row != NULL) library.row(self, row, spans);
        return;
    }
    put_literal_int(self->file, "<row r=\"", row->row_num + 1, row->data_changed ? "\">" : "\"/>");
}

// `</tag>`.
void lxw_xml_end_tag(FILE *file, const char *tag) {
    if (!direct) {
        find_library_once();
        if (library.end_tag != NULL) library.end_tag(file, tag);
        return;
    }
    put(file, "</", 2);
    put_string(file, tag);
    put(file, ">", 1);
}

// A cell's name ("A1"), which libxlsxwriter works out for every cell it writes: the column's letters (by
// libxlsxwriter's `lxw_col_to_name`), then the row's number, which 1.1.4 writes with snprintf's "%d" into
// at most 9 bytes.
void lxw_rowcol_to_cell(char *cell_name, lxw_row_t row, lxw_col_t col) {
    if (!direct) {
        find_library_once();
        if (library.cell_name != NULL) library.cell_name(cell_name, row, col);
        return;
    }
    lxw_col_to_name(cell_name, col, 0);
    char buffer[24];
    char *end = buffer + sizeof buffer;
    char *start = digits(end, (uint64_t)row + 1);
    size_t length = (size_t)(end - start);
    if (length > 8) length = 8;
    char *name_end = cell_name + strlen(cell_name);
    memcpy(name_end, start, length);
    name_end[length] = '\0';
}

#endif
