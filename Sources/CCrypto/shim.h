#ifndef PATHWAY_CCRYPTO_SHIM_H
#define PATHWAY_CCRYPTO_SHIM_H

/* OpenSSL's one-shot digests (Debian libssl-dev). Used for the input files' SHA-256 only, because it
   uses the CPU's SHA extensions where they exist: about 6 times the speed of PathwayCore.SHA256. */
#include <openssl/evp.h>

#endif
