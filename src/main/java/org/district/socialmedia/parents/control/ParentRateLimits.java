package org.district.socialmedia.parents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.parents.entity.LinkToken;
import org.district.socialmedia.parents.entity.TooManyAttemptsException;

import java.time.Clock;
import java.time.Duration;

/**
 * The parent pages' limits, PER SERVER (docs/security.md, docs/configuration.md): nothing here must be the same
 * on every node, so a cluster of n nodes lets a client through up to n times as often, still bounded. Per IP
 * address: {@link #PER_IP} uses of a link page a minute and {@link #NEW_LINKS_PER_IP} requests for a new link
 * in ten minutes; per link (its token's hash): {@link #PER_TOKEN} a minute.
 */
@ApplicationScoped
public class ParentRateLimits {

    public static final int PER_IP = 60;
    public static final int PER_TOKEN = 20;
    public static final int NEW_LINKS_PER_IP = 5;
    static final int MAX_KEYS = 100_000;

    private final RateLimiter byIp = new RateLimiter(PER_IP, Duration.ofMinutes(1), MAX_KEYS);
    private final RateLimiter byToken = new RateLimiter(PER_TOKEN, Duration.ofMinutes(1), MAX_KEYS);
    private final RateLimiter newLinks = new RateLimiter(NEW_LINKS_PER_IP, Duration.ofMinutes(10), MAX_KEYS);

    @Inject
    Clock clock;

    /** One use of a link page; the token is counted by its hash (tokens are never kept, even in memory). */
    public void link(String ip, String token) {
        if (!byIp.allow(ip == null ? "?" : ip, clock.instant())) {
            throw new TooManyAttemptsException("from " + ip);
        }
        if (token != null && !byToken.allow(LinkToken.hash(token), clock.instant())) {
            throw new TooManyAttemptsException("with one link");
        }
    }

    /** One request for a new link. */
    public void newLink(String ip) {
        if (!byIp.allow(ip == null ? "?" : ip, clock.instant()) || !newLinks.allow(ip == null ? "?" : ip, clock.instant())) {
            throw new TooManyAttemptsException("for a new link from " + ip);
        }
    }
}
