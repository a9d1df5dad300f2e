#define BOOST_TEST_MODULE geokg
#include <boost/test/unit_test.hpp>
