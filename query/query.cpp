// Placeholder until the queries land (issue 5).
#include "geokg/graph/store.hpp"
