// minizip's zipOpenNewFileInZip4_64, zipWriteInFileInZip, zipCloseFileInZip and zipClose, defined in the
// executable so that libxlsxwriter's calls reach them first (CXlsxHooks.h). On a thread that has set a
// level, a part that libxlsxwriter asks to be deflated at the default level is opened raw and deflated
// here, at that level, by a pathway_deflater; anything else is passed on to minizip unchanged. With two
// threads, two worker threads deflate the parts and give them to minizip, in order, while libxlsxwriter
// writes the next.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

// minizip's header as libxlsxwriter ships it, for `zip_fileinfo` only: its declarations of the functions
// defined here are renamed out of the way (those here take `void *` for minizip's types).
#define zipOpenNewFileInZip4_64 minizip_header_zipOpenNewFileInZip4_64
#define zipWriteInFileInZip minizip_header_zipWriteInFileInZip
#define zipCloseFileInZip minizip_header_zipCloseFileInZip
#define zipClose minizip_header_zipClose
#include <xlsxwriter/third_party/zip.h>
#undef zipOpenNewFileInZip4_64
#undef zipWriteInFileInZip
#undef zipCloseFileInZip
#undef zipClose

#include "CXlsxHooks.h"

// minizip's constants (zip.h), written out so that its development package is not needed.
enum { zip_ok = 0, zip_param_error = -102, zip_internal_error = -104 };

static _Thread_local int zip_level = -1;
static _Thread_local int zip_threads = 1;
static _Thread_local unsigned long parts_deflated = 0;
static _Thread_local unsigned long parts_on_two_threads = 0;
static _Thread_local unsigned long parts_on_worker = 0;

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
typedef int (*zip_close_archive)(void *file, const char *global_comment);

// The definitions that these hide: minizip's, in the library libxlsxwriter was linked with.
static struct {
    zip_open4_64 open;
    zip_write write;
    zip_close close;
    zip_close_raw64 close_raw;
    zip_close_archive close_archive;
} minizip;
static pthread_once_t minizip_once = PTHREAD_ONCE_INIT;

static void find_minizip(void) {
    minizip.open = (zip_open4_64)dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
    minizip.write = (zip_write)dlsym(RTLD_NEXT, "zipWriteInFileInZip");
    minizip.close = (zip_close)dlsym(RTLD_NEXT, "zipCloseFileInZip");
    minizip.close_raw = (zip_close_raw64)dlsym(RTLD_NEXT, "zipCloseFileInZipRaw64");
    minizip.close_archive = (zip_close_archive)dlsym(RTLD_NEXT, "zipClose");
}

static int minizip_found(void) {
    pthread_once(&minizip_once, find_minizip);
    return minizip.open != NULL && minizip.write != NULL && minizip.close != NULL && minizip.close_raw != NULL
        && minizip.close_archive != NULL;
}

// The zip file whose part is being deflated here on the calling thread, if any (minizip keeps one part of
// a file open at a time, and libxlsxwriter writes one file on one thread), and the deflater, kept for the
// parts that follow until the level is set again.
static _Thread_local void *open_part = NULL;
static _Thread_local pathway_deflater *deflater = NULL;

static int write_to_minizip(void *file, const unsigned char *bytes, size_t length) {
    while (length > 0) {
        unsigned int piece = length > (1u << 30) ? (1u << 30) : (unsigned int)length;
        if (minizip.write(file, bytes, piece) != zip_ok) return -1;
        bytes += piece;
        length -= piece;
    }
    return 0;
}

// MARK: Parts packed on two worker threads

// deflate's window: each chunk after a part's first is deflated from the 32 KiB before it.
enum { window_size = 1 << 15 };

// One chunk of a part deflated here, cut as a pathway_deflater cuts a stream (`pathway_deflate_plan`).
typedef struct {
    size_t start, length;
    unsigned char *output;
    size_t capacity, output_length;
    unsigned long crc;
    int status;
    int done;
} zip_chunk;

// One part as libxlsxwriter opened it: zipOpenNewFileInZip4_64's arguments, copied (libxlsxwriter reuses
// its buffers once a call returns), and the part's bytes.
typedef struct zip_part {
    struct zip_part *next;
    void *file;
    char *filename, *comment, *password;
    zip_fileinfo info;
    int has_info;
    unsigned char *extra_local, *extra_global;
    unsigned int extra_local_size, extra_global_size;
    int method, level, raw, window_bits, mem_level, strategy;
    unsigned long crc_for_crypting, version_made_by, flag_base;
    int zip64;
    // Deflated here (opened raw, at `level`, in chunks), or passed on to minizip as it came (no chunks).
    int here;
    unsigned char *bytes;
    size_t length, capacity;
    zip_chunk *chunks;
    size_t chunk_count;
    // Under the worker's lock: chunks handed out, deflated, and written to minizip.
    size_t taken, deflated, written;
} zip_part;

// The two threads that pack one zip file's parts while libxlsxwriter goes on writing the next parts' XML
// on the closing thread. Either deflates the next chunk waiting, of whichever part; whichever finds the
// oldest part's next chunks deflated, while the other is not writing, gives them to minizip. So minizip
// gets the same calls with the same bytes, in the same order, as on the closing thread: the same file.
typedef struct {
    void *file;
    pthread_t threads[2];
    int started;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    // Under `lock`: the parts not yet written, oldest first (`first` is the one being written); whether
    // more will come; whether a thread is giving minizip bytes; zip_ok or the first failure (after which
    // nothing more is deflated or written); and the counts.
    zip_part *first, *last;
    int closing;
    int writing;
    int status;
    unsigned long parts_written, parts_on_two_threads;
} zip_worker;

// The closing thread's worker, and the part libxlsxwriter is writing to it.
static _Thread_local zip_worker *worker = NULL;
static _Thread_local zip_part *filling = NULL;

static void free_part(zip_part *part) {
    if (part == NULL) return;
    free(part->filename);
    free(part->comment);
    free(part->password);
    free(part->extra_local);
    free(part->extra_global);
    free(part->bytes);
    for (size_t i = 0; i < part->chunk_count; i++) free(part->chunks[i].output);
    free(part->chunks);
    free(part);
}

// A copy of `length` bytes (of a string with its terminator when `length` is 0), or NULL for NULL. Sets
// `*failed` when memory ran out.
static void *copy_of(const void *bytes, size_t length, int *failed) {
    if (bytes == NULL) return NULL;
    if (length == 0) length = strlen(bytes) + 1;
    void *copy = malloc(length);
    if (copy == NULL) {
        *failed = 1;
        return NULL;
    }
    return memcpy(copy, bytes, length);
}

static int add_to_part(zip_part *part, const void *bytes, size_t length) {
    if (part->capacity - part->length < length) {
        size_t capacity = part->capacity > 0 ? part->capacity : (size_t)1 << 16;
        while (capacity - part->length < length) capacity *= 2;
        unsigned char *grown = realloc(part->bytes, capacity);
        if (grown == NULL) return -1;
        part->bytes = grown;
        part->capacity = capacity;
    }
    memcpy(part->bytes + part->length, bytes, length);
    part->length += length;
    return 0;
}

// Cuts a part deflated here into its chunks, once its bytes are all there.
static int plan_chunks(zip_part *part) {
    if (!part->here) return 0;
    size_t count = pathway_deflate_plan(part->length, NULL);
    size_t *starts = malloc((count + 1) * sizeof *starts);
    part->chunks = calloc(count, sizeof *part->chunks);
    if (starts == NULL || part->chunks == NULL) {
        free(starts);
        return -1;
    }
    pathway_deflate_plan(part->length, starts);
    for (size_t i = 0; i < count; i++) {
        part->chunks[i].start = starts[i];
        part->chunks[i].length = starts[i + 1] - starts[i];
    }
    part->chunk_count = count;
    free(starts);
    return 0;
}

static void deflate_one(const zip_part *part, zip_chunk *c) {
    const unsigned char *input = part->bytes + c->start;
    size_t window = c->start >= window_size ? window_size : c->start;
    c->status = pathway_deflate_piece(input, c->length, input - window, window, c == &part->chunks[part->chunk_count - 1],
                                      part->level, part->window_bits, part->mem_level, part->strategy,
                                      &c->output, &c->capacity, &c->output_length, &c->crc);
}

static int open_in_minizip(const zip_part *part) {
    return minizip.open(part->file, part->filename, part->has_info ? &part->info : NULL, part->extra_local,
                        part->extra_local_size, part->extra_global, part->extra_global_size, part->comment,
                        part->method, part->level, part->here ? 1 : part->raw, part->window_bits, part->mem_level,
                        part->strategy, part->password, part->crc_for_crypting, part->version_made_by,
                        part->flag_base, part->zip64);
}

// Gives minizip the oldest part's chunks from `from` to `to` (opening it first when `from` is 0, closing it
// when `to` is its last), outside the lock; the caller holds the writing turn.
static int write_chunks(zip_part *part, size_t from, size_t to, unsigned long *two_threads) {
    int status = zip_ok;
    if (from == 0) status = open_in_minizip(part);
    if (!part->here) {
        if (status == zip_ok && write_to_minizip(part->file, part->bytes, part->length) != 0) status = zip_internal_error;
        int closed = status == zip_ok ? minizip.close(part->file) : zip_ok;
        return status != zip_ok ? status : closed;
    }
    for (size_t i = from; i < to && status == zip_ok; i++) {
        zip_chunk *c = &part->chunks[i];
        if (c->status != Z_OK) status = zip_internal_error;
        else if (write_to_minizip(part->file, c->output, c->output_length) != 0) status = zip_internal_error;
        free(c->output);
        c->output = NULL;
    }
    if (status == zip_ok && to == part->chunk_count) {
        unsigned long crc = crc32(0, NULL, 0);
        for (size_t i = 0; i < part->chunk_count; i++) {
            crc = crc32_combine(crc, part->chunks[i].crc, (z_off_t)part->chunks[i].length);
        }
        status = minizip.close_raw(part->file, part->length, crc);
        if (part->chunk_count > 1) *two_threads += 1;
    }
    return status;
}

static void *run_worker(void *argument) {
    zip_worker *w = argument;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        zip_part *head = w->first;
        // Write what is ready, when the other thread is not.
        if (head != NULL && !w->writing && w->status == zip_ok) {
            size_t from = head->written, to = head->here ? head->deflated : 1;
            // `deflated` counts the chunks deflated from the part's start on, in order.
            if (to > from) {
                w->writing = 1;
                unsigned long two = 0;
                pthread_mutex_unlock(&w->lock);
                int status = write_chunks(head, from, to, &two);
                pthread_mutex_lock(&w->lock);
                w->writing = 0;
                head->written = to;
                w->parts_on_two_threads += two;
                if (status != zip_ok && w->status == zip_ok) w->status = status;
                if (head->written == (head->here ? head->chunk_count : 1)) {
                    w->first = head->next;
                    if (w->first == NULL) w->last = NULL;
                    w->parts_written += 1;
                    free_part(head);
                }
                pthread_cond_broadcast(&w->changed);
                continue;
            }
        }
        // Otherwise deflate the next chunk waiting.
        zip_part *part = w->status == zip_ok ? w->first : NULL;
        while (part != NULL && (!part->here || part->taken == part->chunk_count)) part = part->next;
        if (part != NULL) {
            zip_chunk *c = &part->chunks[part->taken++];
            pthread_mutex_unlock(&w->lock);
            deflate_one(part, c);
            pthread_mutex_lock(&w->lock);
            c->done = 1;
            while (part->deflated < part->chunk_count && part->chunks[part->deflated].done) part->deflated += 1;
            pthread_cond_broadcast(&w->changed);
            continue;
        }
        if (w->closing && (w->first == NULL || w->status != zip_ok) && !w->writing) break;
        pthread_cond_wait(&w->changed, &w->lock);
    }
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    return NULL;
}
static zip_worker *start_worker(void *file) {
    zip_worker *w = calloc(1, sizeof *w);
    if (w == NULL) return NULL;
    w->file = file;
    w->status = zip_ok;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->changed, NULL);
    for (; w->started < 2; w->started++) {
        if (pthread_create(&w->threads[w->started], NULL, run_worker, w) != 0) break;
    }
    if (w->started == 0) {
        pthread_cond_destroy(&w->changed);
        pthread_mutex_destroy(&w->lock);
        free(w);
        return NULL;
    }
    return w;
}

static int queue_part(zip_worker *w, zip_part *part) {
    if (plan_chunks(part) != 0) {
        free_part(part);
        return zip_internal_error;
    }
    pthread_mutex_lock(&w->lock);
    if (w->last != NULL) {
        w->last->next = part;
    } else {
        w->first = part;
    }
    w->last = part;
    int status = w->status;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    return status;
}

static int worker_status(zip_worker *w) {
    pthread_mutex_lock(&w->lock);
    int status = w->status;
    pthread_mutex_unlock(&w->lock);
    return status;
}

// Waits for the threads to write the parts queued (or, with `drop`, to finish only the chunk each is on)
// and frees the worker; returns zip_ok or its first failure.
static int finish_worker(zip_worker *w, int drop) {
    pthread_mutex_lock(&w->lock);
    if (drop && w->status == zip_ok) w->status = zip_internal_error;
    w->closing = 1;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    for (int i = 0; i < w->started; i++) pthread_join(w->threads[i], NULL);
    int status = w->status;
    parts_on_worker += w->parts_written;
    parts_on_two_threads += w->parts_on_two_threads;
    while (w->first != NULL) {
        zip_part *next = w->first->next;
        free_part(w->first);
        w->first = next;
    }
    pthread_cond_destroy(&w->changed);
    pthread_mutex_destroy(&w->lock);
    free(w);
    return status;
}

// Forgets a part and a worker that a failed close left behind, without writing what is still queued.
static void forget_worker(void) {
    free_part(filling);
    filling = NULL;
    if (worker != NULL) finish_worker(worker, 1);
    worker = NULL;
}

// MARK: Settings and counters

void pathway_xlsx_set_zip_level(int level, int threads) {
    zip_level = (level >= 0 && level <= 9) ? level : -1;
    zip_threads = threads > 1 ? 2 : 1;
    // Set before and after a workbook's close, when no part is open: one that a failed close left open
    // is forgotten, so that a later zip file at the same address is not taken for it.
    open_part = NULL;
    pathway_deflater_destroy(deflater);
    deflater = NULL;
    forget_worker();
}

unsigned long pathway_xlsx_zip_parts_deflated(void) { return parts_deflated; }

unsigned long pathway_xlsx_zip_parts_on_two_threads(void) { return parts_on_two_threads; }

unsigned long pathway_xlsx_zip_parts_on_worker(void) { return parts_on_worker; }

// MARK: minizip's functions

int zipCloseFileInZip(void *file);

// Queues the part libxlsxwriter opened, with copies of its arguments.
static int open_on_worker(void *file, const char *filename, const void *zipfi, const void *extrafield_local,
                          unsigned int size_extrafield_local, const void *extrafield_global,
                          unsigned int size_extrafield_global, const char *comment, int method, int level,
                          int raw, int windowBits, int memLevel, int strategy, const char *password,
                          unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
                          int zip64, int here) {
    if (worker != NULL && worker->file != file) forget_worker();
    if (worker == NULL) worker = start_worker(file);
    if (worker == NULL) return zip_internal_error;
    zip_part *part = calloc(1, sizeof *part);
    if (part == NULL) return zip_internal_error;
    int failed = 0;
    part->file = file;
    part->filename = copy_of(filename, 0, &failed);
    part->comment = copy_of(comment, 0, &failed);
    part->password = copy_of(password, 0, &failed);
    part->extra_local = copy_of(extrafield_local, size_extrafield_local, &failed);
    part->extra_local_size = part->extra_local != NULL ? size_extrafield_local : 0;
    part->extra_global = copy_of(extrafield_global, size_extrafield_global, &failed);
    part->extra_global_size = part->extra_global != NULL ? size_extrafield_global : 0;
    if (zipfi != NULL) {
        memcpy(&part->info, zipfi, sizeof part->info);
        part->has_info = 1;
    }
    part->method = method;
    part->level = here ? zip_level : level;
    part->raw = raw;
    part->window_bits = windowBits;
    part->mem_level = memLevel;
    part->strategy = strategy;
    part->crc_for_crypting = crcForCrypting;
    part->version_made_by = versionMadeBy;
    part->flag_base = flagBase;
    part->zip64 = zip64;
    part->here = here;
    if (failed) {
        free_part(part);
        return zip_internal_error;
    }
    filling = part;
    if (here) parts_deflated += 1;
    return worker_status(worker);
}

int zipOpenNewFileInZip4_64(void *file, const char *filename, const void *zipfi, const void *extrafield_local,
                            unsigned int size_extrafield_local, const void *extrafield_global,
                            unsigned int size_extrafield_global, const char *comment, int method, int level,
                            int raw, int windowBits, int memLevel, int strategy, const char *password,
                            unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
                            int zip64) {
    if (!minizip_found()) return zip_internal_error;
    // minizip closes a part left open before it opens the next; this one must be finished here.
    if ((open_part != NULL && open_part == file) || (filling != NULL && filling->file == file)) {
        int closed = zipCloseFileInZip(file);
        if (closed != zip_ok) return closed;
    }
    int here = zip_level >= 0 && method == Z_DEFLATED && level == Z_DEFAULT_COMPRESSION && !raw && password == NULL;
    // With two threads, every part of the file goes through the worker, so that minizip gets them in order.
    if (zip_level >= 0 && zip_threads > 1) {
        return open_on_worker(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
                              size_extrafield_global, comment, method, level, raw, windowBits, memLevel, strategy,
                              password, crcForCrypting, versionMadeBy, flagBase, zip64, here);
    }
    if (here) {
        level = zip_level;
        // One thread: two go through the workers above.
        if (deflater == NULL) deflater = pathway_deflater_create(1);
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
    if (filling != NULL && filling->file == file) {
        return add_to_part(filling, buf, len) == 0 ? zip_ok : zip_internal_error;
    }
    // No part open: minizip's answer, without touching the file the worker writes.
    if (worker != NULL && worker->file == file) return zip_param_error;
    if (open_part == NULL || open_part != file) return minizip.write(file, buf, len);
    return pathway_deflater_write(deflater, buf, len) == Z_OK ? zip_ok : zip_internal_error;
}

int zipCloseFileInZip(void *file) {
    if (!minizip_found()) return zip_internal_error;
    if (filling != NULL && filling->file == file) {
        zip_part *part = filling;
        filling = NULL;
        return queue_part(worker, part);
    }
    if (worker != NULL && worker->file == file) return zip_param_error;
    if (open_part == NULL || open_part != file) return minizip.close(file);
    open_part = NULL;
    unsigned long long length = 0;
    unsigned long crc = 0;
    int status = pathway_deflater_finish(deflater, &length, &crc);
    // minizip writes a raw part's size and CRC from these; after a failure it still frees its state, and
    // libxlsxwriter reports the first error.
    int closed = minizip.close_raw(file, length, crc);
    return status != Z_OK ? zip_internal_error : closed;
}

int zipClose(void *file, const char *global_comment) {
    if (!minizip_found()) return zip_internal_error;
    if (worker == NULL || worker->file != file) return minizip.close_archive(file, global_comment);
    // minizip's own closes a part still open first: so does this, through the worker.
    int queued = zip_ok;
    if (filling != NULL && filling->file == file) {
        zip_part *part = filling;
        filling = NULL;
        queued = queue_part(worker, part);
    }
    int status = finish_worker(worker, queued != zip_ok);
    if (status == zip_ok) status = queued;
    worker = NULL;
    int closed = minizip.close_archive(file, global_comment);
    return status != zip_ok ? status : closed;
}
