// A raw deflate stream made of chunks deflated side by side (CXlsxHooks.h, pathway_deflater).
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "CXlsxHooks.h"

enum {
    // The input is cut into chunks of this size, deflated two at a time; the rest at the end is cut in
    // two halves when it is at least twice `split_minimum`.
    chunk_size = PATHWAY_DEFLATE_CHUNK,
    split_minimum = PATHWAY_DEFLATE_SPLIT_MINIMUM,
    // deflate's window: each chunk starts from the 32 KiB before it, as pigz does.
    window_size = 1 << 15,
};

// One chunk, deflated on its own from the window before it: a raw deflate stream that ends on a byte
// boundary (a sync flush), or with the final block when it is the stream's last chunk, so that the
// chunks' streams put end to end are one stream.
typedef struct {
    const pathway_deflater *owner;
    const unsigned char *input;
    size_t length;
    const unsigned char *window;
    size_t window_length;
    int final;
    unsigned char *output;
    size_t output_capacity;
    size_t output_length;
    unsigned long crc;
    int status;
} chunk;

struct pathway_deflater {
    int threads;
    int level, window_bits, mem_level, strategy;
    pathway_deflate_sink sink;
    void *context;
    unsigned char *pending;  // 2 × chunk_size bytes, filled before anything is deflated
    size_t pending_length;
    unsigned char window[window_size];
    size_t window_length;
    unsigned long crc;
    unsigned long long total;
    chunk chunks[2];  // their outputs are kept from stream to stream
    unsigned long chunks_on_helper;
    int status;
};

pathway_deflater *pathway_deflater_create(int threads) {
    pathway_deflater *deflater = calloc(1, sizeof *deflater);
    if (deflater == NULL) return NULL;
    deflater->pending = malloc(2 * (size_t)chunk_size);
    if (deflater->pending == NULL) {
        free(deflater);
        return NULL;
    }
    deflater->threads = threads > 1 ? 2 : 1;
    deflater->status = Z_STREAM_ERROR;  // until a stream begins
    return deflater;
}

void pathway_deflater_destroy(pathway_deflater *deflater) {
    if (deflater == NULL) return;
    free(deflater->pending);
    free(deflater->chunks[0].output);
    free(deflater->chunks[1].output);
    free(deflater);
}

void pathway_deflater_begin(pathway_deflater *deflater, int level, int window_bits, int mem_level, int strategy,
                            pathway_deflate_sink sink, void *context) {
    deflater->level = level;
    deflater->window_bits = window_bits;
    deflater->mem_level = mem_level;
    deflater->strategy = strategy;
    deflater->sink = sink;
    deflater->context = context;
    deflater->pending_length = 0;
    deflater->window_length = 0;
    deflater->crc = crc32(0, NULL, 0);
    deflater->total = 0;
    deflater->status = Z_OK;
}

int pathway_deflate_piece(const unsigned char *input, size_t length, const unsigned char *window,
                          size_t window_length, int final, int level, int window_bits, int mem_level, int strategy,
                          unsigned char **output, size_t *capacity, size_t *output_length, unsigned long *crc) {
    *crc = crc32_z(0, input, length);
    *output_length = 0;
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    int status = deflateInit2(&stream, level, Z_DEFLATED, window_bits, mem_level, strategy);
    if (status != Z_OK) return status;
    if (window_length > 0) status = deflateSetDictionary(&stream, window, (uInt)window_length);
    // The bound for a whole stream, and room for the sync flush's empty stored block.
    size_t needed = deflateBound(&stream, length) + 64;
    if (status == Z_OK && *capacity < needed) {
        unsigned char *grown = realloc(*output, needed);
        if (grown == NULL) {
            status = Z_MEM_ERROR;
        } else {
            *output = grown;
            *capacity = needed;
        }
    }
    if (status == Z_OK) {
        stream.next_in = (unsigned char *)input;
        stream.avail_in = (uInt)length;
        stream.next_out = *output;
        stream.avail_out = (uInt)*capacity;
        int result = deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH);
        int complete = final ? result == Z_STREAM_END
                             : (result == Z_OK && stream.avail_in == 0 && stream.avail_out > 0);
        status = complete ? Z_OK : Z_BUF_ERROR;
        *output_length = stream.total_out;
    }
    deflateEnd(&stream);
    return status;
}

size_t pathway_deflate_plan(size_t length, size_t *starts) {
    // As pathway_deflater_write and _finish cut a stream: a pair of whole chunks each time two are
    // pending (so a length of exactly two chunks ends with an empty last chunk), then the rest, in two
    // halves when it is long enough.
    size_t pairs = length / (2 * (size_t)chunk_size);
    size_t rest = length - pairs * 2 * (size_t)chunk_size;
    size_t second = rest >= 2 * (size_t)split_minimum ? rest / 2 : 0;
    size_t count = 2 * pairs + (second > 0 ? 2 : 1);
    if (starts != NULL) {
        size_t index = 0;
        for (size_t pair = 0; pair < pairs; pair++) {
            starts[index++] = 2 * pair * (size_t)chunk_size;
            starts[index++] = (2 * pair + 1) * (size_t)chunk_size;
        }
        starts[index++] = length - rest;
        if (second > 0) starts[index++] = length - second;
        starts[index] = length;
    }
    return count;
}

static void deflate_chunk(chunk *c) {
    const pathway_deflater *owner = c->owner;
    c->status = pathway_deflate_piece(c->input, c->length, c->window, c->window_length, c->final, owner->level,
                                      owner->window_bits, owner->mem_level, owner->strategy, &c->output,
                                      &c->output_capacity, &c->output_length, &c->crc);
}

static void *deflate_chunk_on_helper(void *argument) {
    deflate_chunk(argument);
    return NULL;
}

// Deflates the first `first` and then `second` pending bytes (`second` may be 0), side by side when
// there are two chunks and two threads, and hands the output to the sink in order.
static int deflate_pending(pathway_deflater *deflater, size_t first, size_t second, int final) {
    chunk *a = &deflater->chunks[0], *b = &deflater->chunks[1];
    a->owner = deflater;
    a->input = deflater->pending;
    a->length = first;
    a->window = deflater->window;
    a->window_length = deflater->window_length;
    a->final = final && second == 0;
    int count = 1;
    if (second > 0) {
        count = 2;
        b->owner = deflater;
        b->input = deflater->pending + first;
        b->length = second;
        // `first` is at least split_minimum, more than the window.
        b->window_length = window_size;
        b->window = b->input - window_size;
        b->final = final;
        pthread_t helper;
        int started = deflater->threads > 1 && pthread_create(&helper, NULL, deflate_chunk_on_helper, b) == 0;
        deflate_chunk(a);
        if (started) {
            pthread_join(helper, NULL);
            deflater->chunks_on_helper += 1;
        } else {
            deflate_chunk(b);
        }
    } else {
        deflate_chunk(a);
    }
    for (int i = 0; i < count; i++) {
        chunk *c = &deflater->chunks[i];
        if (c->status != Z_OK) return c->status;
        deflater->crc = crc32_combine(deflater->crc, c->crc, (z_off_t)c->length);
        deflater->total += c->length;
        if (deflater->sink(deflater->context, c->output, c->output_length) != 0) return Z_ERRNO;
    }
    size_t length = first + second;
    if (length >= window_size) {
        memcpy(deflater->window, deflater->pending + length - window_size, window_size);
        deflater->window_length = window_size;
    }
    deflater->pending_length = 0;
    return Z_OK;
}

int pathway_deflater_write(pathway_deflater *deflater, const void *bytes, size_t length) {
    const unsigned char *next = bytes;
    while (length > 0 && deflater->status == Z_OK) {
        size_t room = 2 * (size_t)chunk_size - deflater->pending_length;
        size_t taken = length < room ? length : room;
        memcpy(deflater->pending + deflater->pending_length, next, taken);
        deflater->pending_length += taken;
        next += taken;
        length -= taken;
        if (deflater->pending_length == 2 * (size_t)chunk_size) {
            deflater->status = deflate_pending(deflater, chunk_size, chunk_size, 0);
        }
    }
    return deflater->status;
}

int pathway_deflater_finish(pathway_deflater *deflater, unsigned long long *length, unsigned long *crc) {
    if (deflater->status == Z_OK) {
        size_t rest = deflater->pending_length;
        size_t second = rest >= 2 * (size_t)split_minimum ? rest / 2 : 0;
        deflater->status = deflate_pending(deflater, rest - second, second, 1);
    }
    *length = deflater->total;
    *crc = deflater->crc;
    int status = deflater->status;
    deflater->status = Z_STREAM_ERROR;  // until the next stream begins
    return status;
}

unsigned long pathway_deflater_chunks_on_helper(const pathway_deflater *deflater) {
    return deflater->chunks_on_helper;
}
