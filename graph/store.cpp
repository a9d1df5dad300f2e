// Placeholder until the store lands (issue 2).
#include "geokg/graph/store.hpp"
