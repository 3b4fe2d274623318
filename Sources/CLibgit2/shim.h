#ifndef POOLREVIEW_CLIBGIT2_SHIM_H
#define POOLREVIEW_CLIBGIT2_SHIM_H
#include <git2.h>
#endif
