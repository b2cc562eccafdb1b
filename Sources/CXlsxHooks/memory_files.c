// libxlsxwriter's lxw_tmpfile, defined in the executable so that libxlsxwriter's calls reach it first
// (CXlsxHooks.h): on a thread that has asked for it, a temporary file is a stdio stream over memory.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "CXlsxHooks.h"

static _Thread_local int in_memory = 0;
static _Thread_local unsigned long opened_in_memory = 0;

void pathway_xlsx_set_memory_files(int on) { in_memory = on != 0; }

unsigned long pathway_xlsx_memory_files_opened(void) { return opened_in_memory; }

#ifdef __GLIBC__

// The file's bytes, its length and the stream's position (which may be past the end, as a file's may),
// and the stream over it.
typedef struct {
    unsigned char *bytes;
    size_t length;
    size_t capacity;
    size_t position;
    FILE *stream;
} memory_file;

static ssize_t memory_read(void *cookie, char *buffer, size_t size) {
    memory_file *file = cookie;
    size_t left = file->length > file->position ? file->length - file->position : 0;
    size_t count = size < left ? size : left;
    memcpy(buffer, file->bytes + file->position, count);
    file->position += count;
    return (ssize_t)count;
}

static ssize_t memory_write(void *cookie, const char *buffer, size_t size) {
    memory_file *file = cookie;
    if (size > (size_t)-1 - file->position) return 0;
    size_t end = file->position + size;
    if (end > file->capacity) {
        size_t capacity = file->capacity > 0 ? file->capacity : (size_t)1 << 16;
        while (capacity < end) capacity = capacity > (size_t)-1 / 2 ? end : capacity * 2;
        unsigned char *grown = realloc(file->bytes, capacity);
        if (grown == NULL) return 0;  // stdio reports the write as failed
        file->bytes = grown;
        file->capacity = capacity;
    }
    // A write past the end leaves zeros between, as in a file.
    if (file->position > file->length) memset(file->bytes + file->length, 0, file->position - file->length);
    memcpy(file->bytes + file->position, buffer, size);
    file->position = end;
    if (end > file->length) file->length = end;
    // glibc keeps the position it last learnt in the stream (`_offset`) and moves it on after a read,
    // but after a write only when it wrote to a descriptor itself: a stream over a cookie would then tell
    // (ftell, fseek from SEEK_CUR) the position from before the write. Marked unknown, it asks `seek`.
    if (file->stream != NULL) file->stream->_offset = -1;
    return (ssize_t)size;
}

static int memory_seek(void *cookie, off64_t *offset, int whence) {
    memory_file *file = cookie;
    off64_t base;
    switch (whence) {
        case SEEK_SET: base = 0; break;
        case SEEK_CUR: base = (off64_t)file->position; break;
        case SEEK_END: base = (off64_t)file->length; break;
        default: return -1;
    }
    if ((*offset < 0 && base + *offset < 0) || (*offset > 0 && base > INT64_MAX - *offset)) return -1;
    file->position = (size_t)(base + *offset);
    *offset = base + *offset;
    return 0;
}

static int memory_close(void *cookie) {
    memory_file *file = cookie;
    free(file->bytes);
    free(file);
    return 0;
}

FILE *pathway_memory_file_open(void) {
    memory_file *file = calloc(1, sizeof *file);
    if (file == NULL) return NULL;
    cookie_io_functions_t functions = {memory_read, memory_write, memory_seek, memory_close};
    FILE *stream = fopencookie(file, "w+", functions);
    if (stream == NULL) {
        free(file);
        return NULL;
    }
    file->stream = stream;
    return stream;
}

#else

// Without glibc's fopencookie, a temporary file on disk.
FILE *pathway_memory_file_open(void) { return tmpfile(); }

#endif

// libxlsxwriter 1.1.4's prototype (xlsxwriter/utility.h).
FILE *lxw_tmpfile(char *tmpdir) {
    if (in_memory) {
        FILE *stream = pathway_memory_file_open();
        if (stream != NULL) opened_in_memory += 1;
        return stream;
    }
    // The definition that this one hides: libxlsxwriter's own.
    FILE *(*next)(char *) = (FILE * (*)(char *)) dlsym(RTLD_NEXT, "lxw_tmpfile");
    return next != NULL ? next(tmpdir) : NULL;
}
