package io.github.vpm.portal;

import java.util.List;

/**
 * One page of vehicles as the API and the event stream send it.
 *
 * @param vehicles the page, in the request's order
 * @param matching how many vehicles match the request's filter (all of them without one)
 * @param total    how many vehicles the portal holds
 */
public record VehiclePage(PageRequest request, List<VehicleMaximum> vehicles, int matching, int total) {

    public VehiclePage {
        vehicles = List.copyOf(vehicles);
    }
}
