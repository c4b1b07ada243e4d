package org.tributary.node.event;

/** Where an event happens: a name, and optionally coordinates (degrees) and a postal address. */
public record Place(String name, Double latitude, Double longitude, String address) {

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    /** Great-circle distance in kilometres (haversine, mean Earth radius). */
    public double distanceKm(double lat, double lon) {
        double earthRadiusKm = 6371.0088;
        double dLat = Math.toRadians(lat - latitude);
        double dLon = Math.toRadians(lon - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
