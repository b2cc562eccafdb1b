// minizip's zipOpenNewFileInZip4_64, zipWriteInFileInZip and zipCloseFileInZip, defined in the executable
// so that libxlsxwriter's calls reach them first (CXlsxHooks.h). On a thread that has set a level, a part
// that libxlsxwriter asks to be deflated at the default level is opened raw and deflated here, at that
// level, by a pathway_deflater; anything else is passed on to minizip unchanged.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <zlib.h>

#include "CXlsxHooks.h"

// minizip's constants (zip.h), written out so that its development package is not needed.
enum { zip_ok = 0, zip_internal_error = -104 };

static _Thread_local int zip_level = -1;
static _Thread_local int zip_threads = 1;
static _Thread_local unsigned long parts_deflated = 0;
static _Thread_local unsigned long parts_on_two_threads = 0;

// minizip 1.1's prototypes (zip.h) with its typedefs spelt out: zipFile is a pointer, uInt is unsigned int,
// uLong is unsigned long and ZPOS64_T is unsigned long long; the structure and buffers are only passed on,
// so `const void *` will do.
typedef int (*zip_open4_64)(void *file, const char *filename, const void *zipfi, const void *extrafield_local,
                            unsigned int size_extrafield_local, const void *extrafield_global,
                            unsigned int size_extrafield_global, const char *comment, int method, int level,
                            int raw, int windowBits, int memLevel, int strategy, const char *password,
                            unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
                            int zip64);
typedef int (*zip_write)(void *file, const void *buf, unsigned int len);
typedef int (*zip_close)(void *file);
typedef int (*zip_close_raw64)(void *file, unsigned long long uncompressed_size, unsigned long crc32);

// The definitions that these hide: minizip's, in the library libxlsxwriter was linked with.
static struct {
    zip_open4_64 open;
    zip_write write;
    zip_close close;
    zip_close_raw64 close_raw;
} minizip;
static pthread_once_t minizip_once = PTHREAD_ONCE_INIT;

static void find_minizip(void) {
    minizip.open = (zip_open4_64)dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
    minizip.write = (zip_write)dlsym(RTLD_NEXT, "zipWriteInFileInZip");
    minizip.close = (zip_close)dlsym(RTLD_NEXT, "zipCloseFileInZip");
    minizip.close_raw = (zip_close_raw64)dlsym(RTLD_NEXT, "zipCloseFileInZipRaw64");
}

static int minizip_found(void) {
    pthread_once(&minizip_once, find_minizip);
    return minizip.open != NULL && minizip.write != NULL && minizip.close != NULL && minizip.close_raw != NULL;
}

// The zip file whose part is being deflated here on the calling thread, if any (minizip keeps one part of
// a file open at a time, and libxlsxwriter writes one file on one thread), and the deflater, kept for the
// parts that follow until the level is set again.
static _Thread_local void *open_part = NULL;
static _Thread_local pathway_deflater *deflater = NULL;

void pathway_xlsx_set_zip_level(int level, int threads) {
    zip_level = (level >= 0 && level <= 9) ? level : -1;
    zip_threads = threads > 1 ? 2 : 1;
    // Set before and after a workbook's close, when no part is open: one that a failed close left open
    // is forgotten, so that a later zip file at the same address is not taken for it.
    open_part = NULL;
    pathway_deflater_destroy(deflater);
    deflater = NULL;
}

unsigned long pathway_xlsx_zip_parts_deflated(void) { return parts_deflated; }

unsigned long pathway_xlsx_zip_parts_on_two_threads(void) { return parts_on_two_threads; }

int zipCloseFileInZip(void *file);

static int write_to_minizip(void *file, const unsigned char *bytes, size_t length) {
    while (length > 0) {
        unsigned int piece = length > (1u << 30) ? (1u << 30) : (unsigned int)length;
        if (minizip.write(file, bytes, piece) != zip_ok) return -1;
        bytes += piece;
        length -= piece;
    }
    return 0;
}

int zipOpenNewFileInZip4_64(void *file, const char *filename, const void *zipfi, const void *extrafield_local,
                            unsigned int size_extrafield_local, const void *extrafield_global,
                            unsigned int size_extrafield_global, const char *comment, int method, int level,
                            int raw, int windowBits, int memLevel, int strategy, const char *password,
                            unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
                            int zip64) {
    if (!minizip_found()) return zip_internal_error;
    // minizip closes a part left open before it opens the next; this one must be finished here.
    if (open_part != NULL && open_part == file) {
        int closed = zipCloseFileInZip(file);
        if (closed != zip_ok) return closed;
    }
    int here = zip_level >= 0 && method == Z_DEFLATED && level == Z_DEFAULT_COMPRESSION && !raw && password == NULL;
    if (here) {
        level = zip_level;
        if (deflater == NULL) deflater = pathway_deflater_create(zip_threads);
        if (deflater == NULL) return zip_internal_error;
    }
    // minizip records the level in the part's flags also when the part is raw.
    int opened = minizip.open(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
                              size_extrafield_global, comment, method, level, here ? 1 : raw, windowBits,
                              memLevel, strategy, password, crcForCrypting, versionMadeBy, flagBase, zip64);
    if (opened != zip_ok || !here) return opened;
    open_part = file;
    pathway_deflater_begin(deflater, level, windowBits, memLevel, strategy,
                           write_to_minizip, file);
    parts_deflated += 1;
    return opened;
}

int zipWriteInFileInZip(void *file, const void *buf, unsigned int len) {
    if (!minizip_found()) return zip_internal_error;
    if (open_part == NULL || open_part != file) return minizip.write(file, buf, len);
    return pathway_deflater_write(deflater, buf, len) == Z_OK ? zip_ok : zip_internal_error;
}

int zipCloseFileInZip(void *file) {
    if (!minizip_found()) return zip_internal_error;
    if (open_part == NULL || open_part != file) return minizip.close(file);
    open_part = NULL;
    unsigned long before = pathway_deflater_chunks_on_helper(deflater);
    unsigned long long length = 0;
    unsigned long crc = 0;
    int status = pathway_deflater_finish(deflater, &length, &crc);
    if (pathway_deflater_chunks_on_helper(deflater) != before) parts_on_two_threads += 1;
    // minizip writes a raw part's size and CRC from these; after a failure it still frees its state, and
    // libxlsxwriter reports the first error.
    int closed = minizip.close_raw(file, length, crc);
    return status != Z_OK ? zip_internal_error : closed;
}
