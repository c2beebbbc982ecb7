// libleveldb's C interface (Debian's libleveldb-dev ships no pkg-config file, so the
// module map links `leveldb` directly).
#include <leveldb/c.h>
