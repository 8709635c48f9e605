// libxml2 for Swift.
// - Debian builds libxml2 with ICU, so <libxml/encoding.h> pulls in ICU's headers, which clash with
//   the ICU copy inside swift-corelibs-foundation; we use no ICU API, so the flag is dropped here.
// - `xmlFree` is a C global function pointer, which Swift 6 rejects as shared mutable state; the
//   inline function below calls it instead (the pattern of GRDB's shim.h).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

static inline void presetatlas_xmlFree(void *pointer) { xmlFree(pointer); }
