package org.district.socialmedia.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API for integrations and scripts: HTTP Basic with the staff accounts. */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
