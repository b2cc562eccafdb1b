#ifndef PATHWAY_CXLSXZIPLEVEL_H
#define PATHWAY_CXLSXZIPLEVEL_H

/// The zlib level at which libxlsxwriter deflates a workbook's parts, chosen by the thread that closes it.
///
/// libxlsxwriter 1.1.4 packs every part of the .xlsx with minizip's `zipOpenNewFileInZip4_64` at zlib's
/// default level (6) and offers no option for it. pathway's executable defines that function itself
/// (zip_level.c): libxlsxwriter's call binds to it, because the dynamic linker looks in the executable
/// first, and it forwards to minizip's own (`dlsym(RTLD_NEXT)`) with the level set here. Only a deflated
/// part asked for at the default level is changed, and only on a thread that has set a level; anything
/// else is passed on unchanged. See docs/PERFORMANCE.md (thirty-fifth pass).

/// Sets the calling thread's level (0 to 9) for the parts opened from now on; a value outside 0...9
/// clears it, so that parts are packed at the level libxlsxwriter asks for.
void pathway_xlsx_set_zip_level(int level);

/// How many parts the calling thread has opened through pathway's `zipOpenNewFileInZip4_64` with its
/// level changed, since the thread began: 0 when the call did not bind to pathway's function.
unsigned long pathway_xlsx_zip_parts_relevelled(void);

#endif
