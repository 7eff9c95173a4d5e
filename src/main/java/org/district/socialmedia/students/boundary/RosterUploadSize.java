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
 * Lifts the server's request limit (the HTTP listener's {@code max-post-size}, 15 MB) for one request only:
 * the roster zip's upload, {@code POST /api/imports/oneroster}, which may be up to ROSTER_UPLOAD_MAX_BYTES
 * (default 2 GiB) and is streamed to disk ({@code RosterUploads}), never held in memory. Only a raw zip body
 * ({@code application/zip} or {@code application/octet-stream}): a multipart form is parsed by RESTEasy,
 * which may buffer a part, so it keeps the listener's limit like every other request. Undertow fixes a request's limit before the servlet reads a byte, so this is a
 * handler in front of the servlets (an Undertow servlet extension, registered in
 * {@code META-INF/services/io.undertow.servlet.ServletExtension}); Undertow's own configuration file
 * ({@code undertow-handlers.conf}) has no handler for it.
 */
public class RosterUploadSize implements ServletExtension {

    public static final String PATH = "/api/imports/oneroster";
    static final Set<String> RAW = Set.of("application/zip", "application/octet-stream");
    private static final Logger LOG = Logger.getLogger(RosterUploadSize.class.getName());

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        long limit = uploadLimit();
        deployment.addInitialHandlerChainWrapper(next -> new Lifted(next, context.getContextPath() + PATH, limit));
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

    private record Lifted(HttpHandler next, String path, long limit) implements HttpHandler {

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            if (Methods.POST.equals(exchange.getRequestMethod()) && path.equals(exchange.getRequestPath())
                    && raw(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE)) && exchange.isRequestChannelAvailable()) {
                exchange.setMaxEntitySize(limit);
            }
            next.handleRequest(exchange);
        }
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
