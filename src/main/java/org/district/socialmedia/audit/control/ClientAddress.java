package org.district.socialmedia.audit.control;

/**
 * The caller's IP address for the request being served on this thread, so the audit log can record
 * it from any layer (timers have none). Set and cleared by {@link RequestAuditFilter}.
 */
public final class ClientAddress {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ClientAddress() {
    }

    static void set(String address) {
        CURRENT.set(address);
    }

    static void clear() {
        CURRENT.remove();
    }

    public static String current() {
        return CURRENT.get();
    }
}
