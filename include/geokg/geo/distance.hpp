#pragma once
// Distances on the Earth between gazetteer coordinates (WGS 84 degrees).

namespace geokg::geo {

// The great-circle distance in kilometres between two points, by the
// haversine formula on a sphere of the Earth's mean radius (6371.0088 km):
// Paris to London 343.6 km. Symmetric; 0 for a point and itself.
double great_circle_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace geokg::geo
