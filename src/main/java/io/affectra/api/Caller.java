package io.affectra.api;

import io.vertx.ext.web.RoutingContext;

/** Which API key a request came with, as the key filter recorded it: its name, never the key. */
public final class Caller {

    private static final String ATTRIBUTE = "affectra.client";

    private Caller() {
    }

    public static void set(RoutingContext rc, String keyName) {
        rc.put(ATTRIBUTE, keyName);
    }

    /** The key's name, or null when auth is off. */
    public static String of(RoutingContext rc) {
        return rc == null ? null : rc.get(ATTRIBUTE);
    }
}
