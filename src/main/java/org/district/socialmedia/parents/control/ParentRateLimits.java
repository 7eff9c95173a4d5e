package org.district.socialmedia.parents.control;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.parents.entity.LinkToken;
import org.district.socialmedia.parents.entity.TooManyAttemptsException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The parent pages' limits (docs/security.md), shared by every server through the database ({@link RateWindows}):
 * a client spread over the nodes of a cluster gets the limit once. Per IP address: {@link #PER_IP} uses of a link
 * page a minute and {@link #NEW_LINKS_PER_IP} requests for a new link in ten minutes; per link (its token's hash):
 * {@link #PER_TOKEN} a minute. Addresses are counted by their SHA-256 and tokens by their hash, so neither is
 * stored.
 */
@ApplicationScoped
public class ParentRateLimits {

    public static final int PER_IP = 60;
    public static final int PER_TOKEN = 20;
    public static final int NEW_LINKS_PER_IP = 5;
    static final RateLimit BY_IP = new RateLimit("parent-ip", PER_IP, Duration.ofMinutes(1));
    static final RateLimit BY_TOKEN = new RateLimit("parent-token", PER_TOKEN, Duration.ofMinutes(1));
    static final RateLimit NEW_LINKS = new RateLimit("parent-new-link", NEW_LINKS_PER_IP, Duration.ofMinutes(10));
    private static final List<RateLimit> ALL = List.of(BY_IP, BY_TOKEN, NEW_LINKS);

    @Inject
    RateWindows windows;
    @Inject
    Clock clock;

    /** One use of a link page; the token is counted by its hash (tokens are never kept, even in memory). */
    public void link(String ip, String token) {
        RateWindows.Attempt byIp = new RateWindows.Attempt(BY_IP, ipKey(ip));
        int over = count(token == null ? List.of(byIp) : List.of(byIp, new RateWindows.Attempt(BY_TOKEN, LinkToken.hash(token))));
        if (over == 0) {
            throw new TooManyAttemptsException("from " + ip);
        }
        if (over == 1) {
            throw new TooManyAttemptsException("with one link");
        }
    }

    /** One request for a new link. */
    public void newLink(String ip) {
        String key = ipKey(ip);
        if (count(List.of(new RateWindows.Attempt(BY_IP, key), new RateWindows.Attempt(NEW_LINKS, key))) >= 0) {
            throw new TooManyAttemptsException("for a new link from " + ip);
        }
    }

    /** Deletes the counters of windows that are over for every limit (the parent reminder sweep); returns how many. */
    public int prune() {
        Instant now = clock.instant();
        long before = ALL.stream().mapToLong(l -> l.windowStart(now)).min().orElseThrow();
        return windows.prune(before);
    }

    private int count(List<RateWindows.Attempt> attempts) {
        try {
            return windows.count(attempts, clock.instant());
        } catch (EJBException e) {
            // usually another server created the same window row at the same instant: it is there now
            return windows.count(attempts, clock.instant());
        }
    }

    private static String ipKey(String ip) {
        return LinkToken.sha256(ip == null ? "?" : ip);
    }
}
