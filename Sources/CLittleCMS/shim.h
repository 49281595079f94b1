#include <lcms2.h>

// lcms2's pixel formats are built by function-like macros, which Swift cannot import.
static const cmsUInt32Number BANTIN_TYPE_RGB_8 = TYPE_RGB_8;
static const cmsUInt32Number BANTIN_TYPE_CMYK_8 = TYPE_CMYK_8;
static const cmsUInt32Number BANTIN_TYPE_Lab_DBL = TYPE_Lab_DBL;
