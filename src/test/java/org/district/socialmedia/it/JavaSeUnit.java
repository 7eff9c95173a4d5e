package org.district.socialmedia.it;

import java.util.HashMap;
import java.util.Map;

/**
 * The application's persistence unit "social-media" outside the server: RESOURCE_LOCAL on an H2 URL
 * instead of the JTA datasource, its other properties unchanged (no weaving, no shared cache), for
 * tests and benchmarks that run the real mappings and queries without a container.
 */
public final class JavaSeUnit {

    private JavaSeUnit() {
    }

    /** Properties for Persistence.createEntityManagerFactory("social-media", ...); the map may be extended. */
    public static Map<String, String> onH2(String url) {
        Map<String, String> props = new HashMap<>();
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.jtaDataSource", "");
        props.put("jakarta.persistence.nonJtaDataSource", "");
        props.put("jakarta.persistence.jdbc.driver", "org.h2.Driver");
        props.put("jakarta.persistence.jdbc.url", url);
        props.put("jakarta.persistence.jdbc.user", "sa");
        props.put("jakarta.persistence.jdbc.password", "sa");
        return props;
    }
}
