package chronicle.framework.api;

import chronicle.framework.internal.RejectingVenue;

import java.util.List;

/**
 * The venues built into the router, by the name {@code chronicle router --venue NAME} takes.
 *
 * <ul>
 *   <li>{@code reject}: no market behind it; every new order is rejected ({@code REFUSED}) and every cancel or
 *       modify answered {@code UNKNOWN_ORDER}. For checking the order path end to end without trading.</li>
 * </ul>
 */
public final class Venues {

    private Venues() {
    }

    /** @return the names of the built-in venues. */
    public static List<String> names() {
        return List.of(RejectingVenue.NAME);
    }

    /**
     * @param name a built-in venue's name.
     * @return a new instance of it.
     * @throws IllegalArgumentException naming the venue and the known ones.
     */
    public static Venue create(String name) {
        if (RejectingVenue.NAME.equals(name)) {
            return new RejectingVenue();
        }
        throw new IllegalArgumentException("--venue " + name + ": no such venue (built in: "
                + String.join(", ", names()) + ")");
    }
}
