package org.district.socialmedia.students.boundary;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import org.district.socialmedia.students.control.RosterZipLimits;

import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's request size limits: {@link #REQUEST_MAX_BYTES} (15 MiB) for every request, and
 * ROSTER_UPLOAD_MAX_BYTES (default 2 GiB) for the roster zip's upload, {@code POST /api/imports/oneroster}
 * with a raw zip body ({@code application/zip} or {@code application/octet-stream}), which is streamed to
 * disk. A multipart form keeps the 15 MiB, since RESTEasy may buffer a part.
 * <p>
 * Undertow refuses a body whose Content-Length is past the HTTP listener's {@code max-post-size} as soon
 * as it has read the headers, before any handler runs: a handler can lower a request's limit but not
 * raise it past the listener's. So the listener allows the largest upload (configure-web.cli, 2 GiB) and
 * this handler, in front of the servlets, lowers the limit of every other request. It is an Undertow
 * servlet extension ({@code META-INF/services/io.undertow.servlet.ServletExtension}): Undertow's own
 * configuration file ({@code undertow-handlers.conf}) has no handler that sets a request's limit.
 */
public class RosterUploadSize implements ServletExtension {

    public static final String PATH = "/api/imports/oneroster";
    /** Every request but the roster zip: consent scans, holiday calendars, forms. */
    public static final long REQUEST_MAX_BYTES = 15L * 1024 * 1024;
    static final Set<String> RAW = Set.of("application/zip", "application/octet-stream");
    private static final Logger LOG = Logger.getLogger(RosterUploadSize.class.getName());

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        long limit = uploadLimit();
        String path = context.getContextPath() + PATH;
        deployment.addInitialHandlerChainWrapper(next -> new Limited(next, path, limit));
        LOG.info(() -> "Request limits: " + limit + " bytes for a raw zip to POST " + path + " (within the HTTP"
                + " listener's max-post-size), " + REQUEST_MAX_BYTES + " bytes for every other request");
    }

    private static long uploadLimit() {
        try {
            return RosterZipLimits.fromEnvironment(System::getenv).uploadMaxBytes();
        } catch (IllegalArgumentException e) {
            // RosterUploads refuses every upload with the same message; the rest of the application still works
            LOG.log(Level.WARNING, e.getMessage());
            return RosterZipLimits.DEFAULTS.uploadMaxBytes();
        }
    }

    private record Limited(HttpHandler next, String path, long uploadLimit) implements HttpHandler {

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            if (exchange.isRequestChannelAvailable()) {
                exchange.setMaxEntitySize(limit(exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                        exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), exchange.getMaxEntitySize(), path, uploadLimit));
            }
            next.handleRequest(exchange);
        }
    }

    /**
     * A request's limit: never past the listener's ({@code current}; 0 or less: none), the upload's limit for
     * a raw zip posted to the roster path, else {@link #REQUEST_MAX_BYTES}.
     */
    static long limit(String method, String requestPath, String contentType, long current, String uploadPath, long uploadLimit) {
        long wanted = Methods.POST_STRING.equals(method) && uploadPath.equals(requestPath) && raw(contentType)
                ? uploadLimit : REQUEST_MAX_BYTES;
        return current > 0 ? Math.min(current, wanted) : wanted;
    }

    static boolean raw(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return RAW.contains(type.toLowerCase(Locale.ROOT));
    }
}
