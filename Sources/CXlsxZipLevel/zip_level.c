// minizip's zipOpenNewFileInZip4_64, defined in the executable so that libxlsxwriter's calls reach it
// first, forwarding to minizip's own with the level the closing thread chose (CXlsxZipLevel.h).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

#include "CXlsxZipLevel.h"

// zlib's and minizip's constants, written out so that neither development package is needed.
enum { pathway_z_deflated = 8, pathway_z_default_compression = -1, pathway_zip_internal_error = -104 };

static _Thread_local int zip_level = -1;
static _Thread_local unsigned long parts_relevelled = 0;

void pathway_xlsx_set_zip_level(int level) { zip_level = (level >= 0 && level <= 9) ? level : -1; }

unsigned long pathway_xlsx_zip_parts_relevelled(void) { return parts_relevelled; }

// minizip 1.1's prototype (zip.h) with its typedefs spelt out: zipFile is a pointer, uInt is unsigned
// int and uLong is unsigned long; the structure and buffers are only passed on, so `const void *` will do.
typedef int (*zip_open4_64)(void *file, const char *filename, const void *zipfi, const void *extrafield_local,
                            unsigned int size_extrafield_local, const void *extrafield_global,
                            unsigned int size_extrafield_global, const char *comment, int method, int level,
                            int raw, int windowBits, int memLevel, int strategy, const char *password,
                            unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
                            int zip64);

int zipOpenNewFileInZip4_64(void *file, const char *filename, const void *zipfi, const void *extrafield_local,
                            unsigned int size_extrafield_local, const void *extrafield_global,
                            unsigned int size_extrafield_global, const char *comment, int method, int level,
                            int raw, int windowBits, int memLevel, int strategy, const char *password,
                            unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
                            int zip64) {
    // The definition that this one hides: minizip's, in the library libxlsxwriter was linked with.
    zip_open4_64 next = (zip_open4_64)dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
    if (next == NULL) return pathway_zip_internal_error;
    if (zip_level >= 0 && method == pathway_z_deflated && level == pathway_z_default_compression && !raw) {
        level = zip_level;
        parts_relevelled += 1;
    }
    return next(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
                size_extrafield_global, comment, method, level, raw, windowBits, memLevel, strategy, password,
                crcForCrypting, versionMadeBy, flagBase, zip64);
}
