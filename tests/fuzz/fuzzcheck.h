#pragma once

#include <cstdio>
#include <cstdlib>

// Stops the run the way a crash would, so that libFuzzer saves the input that broke a promise
// the parser makes (and not only inputs that corrupt memory).
inline void fuzzCheck(bool promiseKept, const char *promise)
{
    if (promiseKept)
        return;
    std::fprintf(stderr, "broken promise: %s\n", promise);
    std::abort();
}
