package io.dreamloop.predictor.client;

import io.dreamloop.contracts.topic.ReplyPartition;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a client instance picks its reply partition of scores-computed, once, when it connects.
 *
 * <p>A configured partition wins (checked against the topic). Otherwise the instance's name
 * decides: a name ending in {@code -<n>} (a StatefulSet pod, {@code designer-2}) takes partition
 * {@code n} modulo the partition count, so ordinals below the count never share; any other name
 * takes its hash modulo the count. Two instances that do share a partition still get only their own
 * answers, because the client keeps only its correlation ids; they merely read each other's.
 *
 * @param instance the instance's name, e.g. the host (pod) name
 * @param configured the partition set by configuration, if any
 */
public record ReplyRoute(String instance, OptionalInt configured) {
    private static final Pattern ORDINAL = Pattern.compile(".*-(\\d{1,9})$");

    public ReplyRoute {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(configured, "configured");
        if (instance.isBlank()) {
            throw new IllegalArgumentException("instance name must not be blank");
        }
        configured.ifPresent(ReplyPartition::new); // a negative partition fails here
    }

    /** The route of this host (its HOSTNAME, the pod name on Kubernetes), or the configured one. */
    public static ReplyRoute ofHost(final OptionalInt configured) {
        return new ReplyRoute(hostName(), configured);
    }

    /**
     * The reply partition among {@code partitions}.
     *
     * @throws IllegalArgumentException when a configured partition is not one of them
     */
    public ReplyPartition resolve(final int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException(
                    "partitions must be >= 1, but was %d".formatted(partitions));
        }
        if (configured.isPresent()) {
            return new ReplyPartition(configured.getAsInt()).requireWithin(partitions);
        }
        final Matcher ordinal = ORDINAL.matcher(instance);
        final int n = ordinal.matches() ? Integer.parseInt(ordinal.group(1)) : instance.hashCode();
        return new ReplyPartition(Math.floorMod(n, partitions));
    }

    private static String hostName() {
        final String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (final UnknownHostException e) {
            return "localhost"; // one instance per host then; sharing stays correct (see above)
        }
    }
}
