#ifndef PATHWAY_CXLSXWRITER_SHIM_H
#define PATHWAY_CXLSXWRITER_SHIM_H

#include <xlsxwriter.h>

/// The libxlsxwriter version the program was compiled against (LXW_VERSION from the header), for the
/// definitions sheet. `lxw_version()` would report the shared library loaded at run time instead.
static inline const char *pathway_lxw_header_version(void) { return LXW_VERSION; }

#endif
