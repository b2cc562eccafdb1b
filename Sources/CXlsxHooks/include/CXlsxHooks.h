#ifndef PATHWAY_CXLSXHOOKS_H
#define PATHWAY_CXLSXHOOKS_H

#include <stddef.h>
#include <stdio.h>

/// Functions of libxlsxwriter's and minizip's that pathway's executable defines itself, so that
/// libxlsxwriter's calls reach them first (the dynamic linker looks in the executable before the libraries,
/// and libxlsxwriter calls even its own exported functions through its procedure linkage table). Each
/// changes what it does only on a thread that has asked for it, and otherwise passes the call on to the
/// library's own definition, which `dlsym(RTLD_NEXT)` finds.

// MARK: Temporary files in memory

/// libxlsxwriter writes each streamed (constant_memory) sheet's rows to a temporary file as they come, and
/// during the close writes every part to another before packing it: at 1M children, 12.4 MB of XML written
/// and read back twice, through the kernel. `lxw_tmpfile` (memory_files.c) gives a thread that has turned
/// this on a stdio stream over memory instead (`fopencookie`), freed when libxlsxwriter closes it.
void pathway_xlsx_set_memory_files(int on);

/// How many temporary files the calling thread has been given in memory since it began.
unsigned long pathway_xlsx_memory_files_opened(void);

/// A new, empty stream over memory, open for reading and writing ("w+"), as `tmpfile()` gives on disk;
/// NULL when memory ran out.
FILE *pathway_memory_file_open(void);

// MARK: Rows and cells

/// libxlsxwriter 1.1.4 writes every cell with `fprintf` (its number with "%.16G"), every row's tag through
/// its attribute lists (a `malloc` and a `printf` for each attribute) and every end tag with `fprintf`: at
/// 1M children about two thirds of the time the exception lists' cells took; and it names every cell
/// ("A1") with `snprintf`. On a thread that has turned this on, cell_writing.c's `_write_number_cell`,
/// `_write_inline_string_cell`, `_write_row` (a row with nothing but its number), `lxw_xml_end_tag` and
/// `lxw_rowcol_to_cell` write the same bytes with `fwrite` and without `printf`; other rows, and every
/// call on other threads, go to libxlsxwriter's own.
void pathway_xlsx_set_direct_cells(int on);

/// How many cells the calling thread has written itself since it began: 0 when libxlsxwriter's calls did
/// not bind to pathway's functions.
unsigned long pathway_xlsx_cells_written_directly(void);

/// `number` as printf's "%.16G" writes it, into `out` (`size` bytes, at least 32 for the quick path for
/// whole numbers below 10^15); returns the length.
size_t pathway_format_number(double number, char *out, size_t size);

// MARK: Zip parts

/// How libxlsxwriter's zip parts are deflated: at a level the thread closing the workbook chooses, and in
/// chunks on two threads, while the closing thread writes the next part.
///
/// libxlsxwriter 1.1.4 packs every part of the .xlsx with minizip, at zlib's default level (6), on the
/// thread that closes the workbook, and offers no option for either. pathway's executable defines minizip's
/// `zipOpenNewFileInZip4_64`, `zipWriteInFileInZip` and `zipCloseFileInZip` itself (minizip_calls.c):
/// libxlsxwriter's calls bind to them, because the dynamic linker looks in the executable first. On a thread
/// that has set a level, a part asked to be deflated at the default level is opened raw in minizip
/// (`dlsym(RTLD_NEXT)` finds minizip's own functions), its bytes are deflated at that level by a
/// `pathway_deflater`, and minizip is given the deflated bytes, their CRC-32 and length. Any other part,
/// and every part on another thread, is passed on to minizip unchanged.
///
/// With two threads, the closing thread only gathers each part's bytes and queues the part: two worker
/// threads started for the file deflate the next chunk waiting, of whichever part (cut as a `pathway_deflater`
/// cuts a stream, `pathway_deflate_plan`), while libxlsxwriter writes the next part's XML, and whichever finds
/// the oldest part's next chunks done gives them to minizip, so minizip gets the same calls in the same order
/// (`zipClose`, also defined here, waits for the workers before minizip closes the file). A failure there
/// is told at libxlsxwriter's next call (the next part's open or close, or the file's close),
/// and the parts still queued are dropped. See docs/PERFORMANCE.md (the thirty-fifth, thirty-sixth and
/// thirty-eighth passes).

/// Sets the calling thread's level (0 to 9) and deflating threads (1 or 2) for the parts opened from now
/// on; a level outside 0...9 clears it, so that parts are deflated by minizip at the level libxlsxwriter
/// asks for. The file's bytes depend on the level, not on the threads. Call it before and after the close,
/// when no part is open: it forgets a part that a failed close left open, and frees the deflater.
void pathway_xlsx_set_zip_level(int level, int threads);

/// How many parts the calling thread has deflated through a `pathway_deflater` since it began: 0 when
/// libxlsxwriter's calls did not bind to pathway's functions.
unsigned long pathway_xlsx_zip_parts_deflated(void);

/// How many of those parts were cut into more than one chunk, which the two worker threads share (none with
/// one thread).
unsigned long pathway_xlsx_zip_parts_on_two_threads(void);

/// How many parts (deflated here or not) the worker threads gave to minizip for the calling thread's closes.
unsigned long pathway_xlsx_zip_parts_on_worker(void);

/// A raw deflate stream (RFC 1951) made of chunks deflated side by side, as pigz makes one.
///
/// The input is cut into chunks of `PATHWAY_DEFLATE_CHUNK` bytes, deflated two at a time: one on the
/// calling thread and one on a helper thread started for the pair. What is left at the end is cut in two
/// halves when it is at least twice `PATHWAY_DEFLATE_SPLIT_MINIMUM` long. Each chunk is deflated on its own,
/// from the 32 KiB of input before it (a dictionary), and ends on a byte boundary (a sync flush) or, the last
/// one, with deflate's final block; so the chunks' outputs put end to end, in order, are one deflate stream.
/// The output depends only on the bytes written and the parameters, not on how they were split into
/// writes, on the threads' timing or on their number.
typedef struct pathway_deflater pathway_deflater;

/// Receives a stream's output, in order; returns 0, or anything else to stop the stream.
typedef int (*pathway_deflate_sink)(void *context, const unsigned char *bytes, size_t length);

enum { PATHWAY_DEFLATE_CHUNK = 1 << 20, PATHWAY_DEFLATE_SPLIT_MINIMUM = 1 << 16 };

/// A deflater using 1 or 2 threads, or NULL when memory ran out. Its buffers are kept from one stream to
/// the next.
pathway_deflater *pathway_deflater_create(int threads);
void pathway_deflater_destroy(pathway_deflater *deflater);

/// Starts a stream with zlib's deflateInit2 parameters (`window_bits` negative for raw deflate).
void pathway_deflater_begin(pathway_deflater *deflater, int level, int window_bits, int mem_level, int strategy,
                            pathway_deflate_sink sink, void *context);

/// Adds input; returns zlib's Z_OK (0), or the error that stopped the stream (the sink's refusal is Z_ERRNO).
int pathway_deflater_write(pathway_deflater *deflater, const void *bytes, size_t length);

/// Deflates what is left and ends the stream; gives the input's length and CRC-32 (as far as it was
/// deflated, after an error). Returns Z_OK (0) or the stream's first error.
int pathway_deflater_finish(pathway_deflater *deflater, unsigned long long *length, unsigned long *crc);

/// How many chunks this deflater has had deflated on a helper thread.
unsigned long pathway_deflater_chunks_on_helper(const pathway_deflater *deflater);

/// The chunks a `pathway_deflater` cuts a stream of `length` bytes into: returns their count, and with
/// `starts` (count + 1 entries) writes where each begins, and `length` after the last.
size_t pathway_deflate_plan(size_t length, size_t *starts);

/// Deflates one chunk as a `pathway_deflater` does (from `window`, the `window_length` bytes before it, and
/// ending on a sync flush or, when `final`, with the final block) into `*output`, grown as needed (`*capacity`
/// bytes); gives its output's length and its CRC-32. Returns Z_OK (0) or zlib's error. Any thread.
int pathway_deflate_piece(const unsigned char *input, size_t length, const unsigned char *window,
                          size_t window_length, int final, int level, int window_bits, int mem_level, int strategy,
                          unsigned char **output, size_t *capacity, size_t *output_length, unsigned long *crc);

#endif
