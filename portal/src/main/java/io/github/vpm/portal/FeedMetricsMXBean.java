package io.github.vpm.portal;

/**
 * What the portal knows about the compacted maxima topic, for the JMX exporter (monitoring/jmx-exporter/portal.yml):
 * {@code vpm_portal_vehicles} and {@code vpm_portal_live}. Read from the whole topic, the vehicle count is
 * the number of vehicles the output holds a maximum for (up to --max-vehicles), which the alert
 * VpmJobStateLost compares with the job's own count.
 */
public interface FeedMetricsMXBean {

    /** Vehicles held now (at most --max-vehicles). */
    int getVehicles();

    /** Vehicles dropped at the --max-vehicles cap since start. */
    long getEvictedVehicles();

    /** 1 once the feed has caught up with the end of the topic (LIVE), else 0: a loading count is partial. */
    int getLive();
}
